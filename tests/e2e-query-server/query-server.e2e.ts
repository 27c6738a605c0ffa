/**
 * The site built for a query server (QUERY_SERVER, svelte.config.js), served on one origin with
 * the query server on another (playwright.query-server.config.ts): the same pages, whose filters
 * and comparisons the server answers. No DuckDB-WASM is downloaded for them, the page's policy
 * allows that one address, and the footer names it.
 */
import { expect, type Page } from '@playwright/test';
import { openConsole, runQuery } from '../e2e/console.js';
import { test } from '../e2e/guarded.js';

const QUERY_PORT = Number(process.env.E2E_QUERY_PORT ?? 4191);
const SERVER = `127.0.0.1:${QUERY_PORT}`;

/** What the page asked for: the query server's statements, the engine's files, CSP refusals. */
async function watch(page: Page) {
	const statements: string[] = [];
	const engineFiles: string[] = [];
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.host === SERVER && request.method() === 'POST') {
			statements.push(String((request.postDataJSON() as { sql?: string } | null)?.sql ?? ''));
		}
		if (/duckdb|\.wasm$|\.arrow$/.test(url.pathname)) engineFiles.push(url.pathname);
	});
	await page.addInitScript(() => {
		const refused: string[] = [];
		(window as unknown as { __refused: string[] }).__refused = refused;
		document.addEventListener('securitypolicyviolation', (event) =>
			refused.push(`${event.violatedDirective} ${event.blockedURI}`)
		);
	});
	const refused = () =>
		page.evaluate(() => (window as unknown as { __refused: string[] }).__refused);
	return { statements, engineFiles, refused };
}

test('the server names the build’s dataset, so an indicator’s sectors are its own rows: no statement is sent, no engine downloaded', async ({
	page
}) => {
	const seen = await watch(page);
	const versions: string[] = [];
	page.on('response', async (response) => {
		if (new URL(response.url()).host === SERVER && response.request().method() === 'GET')
			versions.push(String(((await response.json()) as { version?: unknown }).version));
	});
	await page.goto('/indicators/industry-output-above-scale');
	await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
	await expect(page.locator('[data-engine-status]')).toHaveText('查询服务器已就绪');
	await expect(page.locator('footer.site')).toContainText(`发送至 ${SERVER} 的查询服务器`);
	await expect(page.locator('#engine-prefetch')).toHaveCount(0);
	// the readiness check only
	expect(seen.statements).toEqual(['SELECT 1 AS ok FROM figures LIMIT 1']);

	await page.getByLabel('分类').selectOption('industry-key-robotics');
	await expect(
		page.locator('figure[data-chart] svg [data-figure="industry-robotics-output-2023"]')
	).toHaveAttribute('data-value', '68300000000');
	await expect(page.locator('figure[data-chart] [aria-busy="true"]')).toHaveCount(0);
	await expect(
		page.locator('figure[data-chart] svg [data-figure="industry-new-materials-output-2023"]')
	).toHaveCount(0);
	await page.getByLabel('分类').selectOption('');
	await expect(
		page
			.locator('figure[data-chart] svg [data-figure="industry-new-materials-output-2023"]')
			.first()
	).toBeAttached();
	expect(seen.statements, 'statements sent for the sectors').toHaveLength(1);
	expect(versions).toHaveLength(1);
	expect(versions[0]).toMatch(/^[0-9a-f]{16}$/);
	expect(seen.engineFiles, 'DuckDB-WASM or its tables downloaded').toEqual([]);
	expect(await seen.refused(), 'requests the page’s policy refused').toEqual([]);
});

test('a comparison the build never drew is the server’s answer, each unit on its own axis', async ({
	page
}) => {
	const seen = await watch(page);
	await page.goto('/compare?i=forest-coverage,forest-area');
	await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
	const coverage = page.locator('figure.chart', {
		has: page.locator('svg [data-figure="forest-coverage-2022"]')
	});
	await expect(coverage.locator('svg [data-figure="forest-coverage-2022"]')).toHaveAttribute(
		'data-value',
		'16.57'
	);
	await expect(coverage.locator('svg [data-figure^="forest-area-"]')).toHaveCount(0);
	await expect(
		page.locator('figure.chart', { has: page.locator('svg [data-figure="forest-area-2023"]') })
	).toHaveCount(1);
	expect(seen.statements.length).toBeGreaterThan(1);
	expect(seen.engineFiles).toEqual([]);
	expect(await seen.refused()).toEqual([]);
});

test('the English pages name the server they send queries to', async ({ page }) => {
	await page.goto('/en/indicators/land-area');
	await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
	await expect(page.locator('[data-engine-status]')).toHaveText('Query server ready');
	await expect(page.locator('footer.site')).toContainText(
		`Filters and comparisons are sent to the query server at ${SERVER}`
	);
});

test('a server that cannot be reached is said so, and an indicator’s filters still work', async ({
	page
}) => {
	const seen = await watch(page);
	await page.route(`http://${SERVER}/**`, (route) => route.abort('connectionrefused'));
	await page.goto('/indicators/industry-output-above-scale?sector=industry-key-robotics');
	await expect(page.locator('html')).toHaveAttribute('data-engine', 'failed', { timeout: 30_000 });
	const notice = page.locator('[data-engine-notice="server"]');
	await expect(notice).toContainText('未能连接回答本站筛选和比较的查询服务器');
	await expect(notice.locator('.detail')).toContainText(`http://${SERVER}/ could not be reached`);
	await expect(notice).toContainText('SQL 控制台在浏览器内运行，不受影响');
	// the page's own figures hold every sector: narrowed in the page, not dimmed
	await expect(
		page.locator('figure[data-chart] svg [data-figure="industry-robotics-output-2023"]')
	).toHaveAttribute('data-value', '68300000000');
	await expect(
		page.locator('figure[data-chart] svg [data-figure="industry-new-materials-output-2023"]')
	).toHaveCount(0);
	expect(seen.engineFiles).toEqual([]);
});

test('the SQL console still runs in the page, on an engine of its own, and the change view asks the server', async ({
	page
}) => {
	const seen = await watch(page);
	await openConsole(page);
	await runQuery(page, "SELECT base_value FROM figures WHERE id = 'land-cultivated-2023'");
	await expect(page.locator('.viewport tbody tr[data-row="0"] td').nth(1)).toHaveText('1700');
	expect(seen.engineFiles.some((file) => file.endsWith('.wasm'))).toBe(true);
	// the pages' views, in the same tab, are the server's answers
	const asked = seen.statements.length;
	await page.locator('header.site nav').getByRole('link', { name: '概览', exact: true }).click();
	await page.getByRole('button', { name: '变化', exact: true }).click();
	await expect(
		page
			.locator('figure[data-chart="land-change"] svg [data-figure="land-cultivated-change-2023"]')
			.first()
	).toHaveAttribute('data-value', '-38', { timeout: 20_000 });
	expect(seen.statements.length).toBeGreaterThan(asked);
});
