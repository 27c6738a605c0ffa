import { expect, test, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openConsole, runQuery } from './console.js';

/**
 * The pages under their Content-Security-Policy (svelte.config.js, kit.csp, and the headers of
 * scripts/serve-app.ts): nothing is refused, no error is logged, and DuckDB-WASM starts.
 */

interface Violation {
	directive: string;
	blocked: string;
	source: string;
}

/** Collect every CSP violation and console error of `page`, across its navigations. */
async function watch(page: Page): Promise<{ violations: Violation[]; errors: string[] }> {
	const violations: Violation[] = [];
	const errors: string[] = [];
	await page.exposeFunction('reportViolation', (v: Violation) => violations.push(v));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { reportViolation(v: Violation): void }).reportViolation({
				directive: e.effectiveDirective,
				blocked: e.blockedURI,
				source: `${e.sourceFile}:${e.lineNumber}`
			})
		);
	});
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return { violations, errors };
}

const ready = (page: Page) =>
	expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });

const EMBED =
	'/embed/indicator/industry-output-above-scale/industry-output-above-scale-level-annual-industry-key';

test.describe('under the Content-Security-Policy', () => {
	test('the pages carry their policy, and the server adds what a meta tag cannot', async ({
		page
	}) => {
		const response = await page.goto('/topics/land');
		const headers = response!.headers();
		expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
		expect(headers['x-content-type-options']).toBe('nosniff');
		const policy = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
		expect(policy).toContain("worker-src 'self' blob:");
		expect(policy).toContain("object-src 'none'");
		const embed = await page.request.get(EMBED);
		expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
	});

	test('the overview, a topic and an indicator run with no violation and start the engine', async ({
		page
	}) => {
		const seen = await watch(page);
		for (const path of ['/', '/topics/industry', '/en/indicators/land-area']) {
			await page.goto(path);
			await expect(page.locator('figure.chart svg').first()).toBeVisible();
			await ready(page);
		}
		// a theme switch runs the inline theme script again on the next page
		await page.evaluate(() => localStorage.setItem('theme', 'dark'));
		await page.goto('/topics/land');
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		await ready(page);
		expect(seen.violations).toEqual([]);
		expect(seen.errors).toEqual([]);
	});

	/** Count the workers `page` starts, in window.__workers. */
	const countWorkers = (page: Page) =>
		page.addInitScript(() => {
			const started: string[] = [];
			(window as unknown as { __workers: string[] }).__workers = started;
			const Native = window.Worker;
			window.Worker = class extends Native {
				constructor(url: string | URL, options?: WorkerOptions) {
					super(url, options);
					started.push(String(url));
				}
			};
		});
	const workerState = (page: Page) =>
		page.evaluate(() => ({
			workers: (window as unknown as { __workers: string[] }).__workers.length,
			waiting: '__engineWorker' in window,
			early: performance.getEntriesByName('engine:early-worker').length
		}));

	/** A comparison the build never drew: the engine's answer (forest coverage 16.57% in 2022). */
	const engineComparison = async (page: Page) => {
		await page.goto('/compare?i=forest-coverage,forest-area');
		await ready(page);
		await expect(
			page.locator('figure.chart svg [data-figure="forest-coverage-2022"]')
		).toHaveAttribute('data-value', '16.57');
	};

	test('the pages’ engine adopts the worker started before hydration: it starts no second one', async ({
		page
	}) => {
		const seen = await watch(page);
		await countWorkers(page);
		await engineComparison(page);
		// the engine's (started by app.html, adopted by the engine) and the tables' reader
		expect(await workerState(page)).toEqual({ workers: 2, waiting: false, early: 1 });
		expect(seen.violations).toEqual([]);
		expect(seen.errors).toEqual([]);
	});

	test('once an engine has started, app.html starts no worker beside it', async ({ page }) => {
		const seen = await watch(page);
		await countWorkers(page);
		// as when the page's engine starts before the frame app.html waits for
		await page.addInitScript(() => {
			(window as unknown as { __engineWorkerTaken: boolean }).__engineWorkerTaken = true;
		});
		await engineComparison(page);
		// the engine's own, and neither app.html's nor its tables' reader
		expect(await workerState(page)).toEqual({ workers: 1, waiting: false, early: 0 });
		expect(seen.violations).toEqual([]);
		expect(seen.errors).toEqual([]);
	});

	test('an app page lists the engine’s files for the early fetch, each served, and an embed lists none', async ({
		page
	}) => {
		const seen = await watch(page);
		await page.goto('/topics/industry');
		const list = JSON.parse(
			(await page.locator('script#engine-prefetch').textContent()) ?? 'null'
		) as { eh: string[]; mvp: string[]; files: string[] };
		expect(list.files).toContain('/data/figures.arrow');
		expect(list.eh.some((url) => url.endsWith('.wasm'))).toBe(true);
		expect(list.mvp.some((url) => url.endsWith('.wasm'))).toBe(true);
		for (const url of [...list.eh, ...list.mvp, ...list.files])
			expect((await page.request.head(url)).status(), url).toBe(200);
		// the early fetch's worker runs under the policy; the engine then starts
		await ready(page);
		await page.goto(EMBED);
		await expect(page.locator('figure.chart svg').first()).toBeVisible();
		await expect(page.locator('script#engine-prefetch')).toHaveCount(0);
		expect(seen.violations).toEqual([]);
		expect(seen.errors).toEqual([]);
	});

	test('a page asks for its modules after its content, each served, and hydrates from them', async ({
		page
	}) => {
		const seen = await watch(page);
		for (const path of ['/topics/industry', EMBED]) {
			const html = await (await page.request.get(path)).text();
			const [head, body] = html.split('</head>') as [string, string];
			expect(head, path).not.toContain('modulepreload');
			const modules = [...body.matchAll(/<link href="([^"]+)" rel="modulepreload">/g)].map(
				(m) => m[1]!
			);
			expect(modules.length, path).toBeGreaterThan(3);
			expect(
				modules.some((m) => m.includes('/entry/start.')),
				path
			).toBe(true);
			// after the charts and the start script that imports the page's modules
			const lastChart = body.lastIndexOf('<svg');
			const startScript = body.indexOf('__sveltekit_');
			expect(lastChart, path).toBeGreaterThan(0);
			expect(startScript, path).toBeGreaterThan(lastChart);
			expect(body.indexOf('modulepreload'), path).toBeGreaterThan(startScript);
			for (const module of modules) {
				const url = new URL(module, `http://site${path}`).pathname;
				expect((await page.request.head(url)).status(), url).toBe(200);
			}
		}
		// hydrated from them: the page applies its link's sector, which the build did not draw
		await page.goto('/indicators/industry-output-above-scale?sector=industry-key-robotics');
		await ready(page);
		await expect(
			page.locator('figure[data-chart] svg [data-figure="industry-robotics-output-2023"]').first()
		).toHaveAttribute('data-value', '68300000000'); // 683 亿元, in the base unit the marks carry
		expect(seen.violations).toEqual([]);
		expect(seen.errors).toEqual([]);
	});

	test('the SQL console runs a query with no violation', async ({ page }) => {
		const seen = await watch(page);
		await openConsole(page);
		await runQuery(page, 'SELECT count(*) AS n FROM figures');
		await expect(page.locator('[role="alert"]')).toHaveCount(0);
		await expect(page.locator('table').first()).toContainText('n');
		expect(seen.violations).toEqual([]);
		expect(seen.errors).toEqual([]);
	});

	test('an embed with a selection draws it with DuckDB-WASM with no violation', async ({
		page
	}) => {
		const seen = await watch(page);
		await page.goto(`${EMBED}?sector=industry-key-robotics`);
		await expect(page.locator('svg [data-figure="industry-robotics-output-2023"]')).toHaveAttribute(
			'data-value',
			'68300000000',
			{ timeout: 30_000 }
		);
		await expect(
			page.locator('svg [data-figure="industry-new-materials-output-2023"]')
		).toHaveCount(0);
		await expect(page.locator('[role="alert"]')).toHaveCount(0);
		expect(seen.violations).toEqual([]);
		expect(seen.errors).toEqual([]);
	});

	test('an embed linked with a period its chart does not draw says so instead of an empty chart', async ({
		page
	}) => {
		const seen = await watch(page);
		await page.goto(
			'/embed/indicator/industry-scale/industry-scale-level-annual-industry-key?period=2024Q1'
		);
		const note = page.locator('[data-empty]');
		await expect(note).toContainText('此图没有数据', { timeout: 30_000 });
		await expect(note).toContainText('产业规模');
		await expect(page.locator('figure[data-chart]')).toHaveCount(0);
		expect(seen.violations).toEqual([]);
		expect(seen.errors).toEqual([]);
	});
});

test.describe('in another site’s frame', () => {
	// another origin: another port of 127.0.0.1 (a public origin may not frame a local one)
	let hostServer: Server;
	let hostPage = '';

	test.beforeAll(async () => {
		hostServer = createServer((_, response) => {
			response.setHeader('content-type', 'text/html; charset=utf-8');
			response.end(hostPage);
		});
		await new Promise<void>((resolve) => hostServer.listen(0, '127.0.0.1', resolve));
	});
	test.afterAll(() => new Promise<void>((resolve) => hostServer.close(() => resolve())));

	/** Open a page of the other origin framing each of `paths`; wait until each has loaded or been refused. */
	async function host(page: Page, baseURL: string, paths: string[]) {
		hostPage = `<!doctype html><title>host</title>${paths
			.map(
				(p) =>
					`<iframe src="${baseURL}${p}" style="width:800px;height:500px" onload="this.dataset.loaded=1"></iframe>`
			)
			.join('')}`;
		const { port } = hostServer.address() as AddressInfo;
		await page.goto(`http://127.0.0.1:${port}/`);
		await expect(page.locator('iframe[data-loaded]')).toHaveCount(paths.length, {
			timeout: 30_000
		});
	}

	test('an embed shows, and its links open a new tab instead of the frame', async ({
		page,
		context,
		baseURL
	}) => {
		await host(page, baseURL!, [EMBED]);
		const frame = page.frameLocator('iframe');
		const links = frame.locator('a[href]');
		await expect(links.first()).toBeAttached();
		for (const link of await links.all()) {
			await expect(link).toHaveAttribute('target', '_blank');
			await expect(link).toHaveAttribute('rel', /noopener/);
		}
		const source = frame.locator('figcaption.sources a').first();
		const [opened] = await Promise.all([context.waitForEvent('page'), source.click()]);
		await opened.waitForLoadState();
		expect(opened.url()).toContain('/sources/');
		expect(await opened.evaluate(() => window.opener)).toBeNull();
		expect(
			page
				.frames()
				.find((f) => f !== page.mainFrame())
				?.url()
		).toContain('/embed/');
	});

	test('a page that is not an embed refuses to be framed', async ({ page, baseURL }) => {
		await host(page, baseURL!, [EMBED, '/topics/land']);
		const [embed, topic] = [page.frameLocator('iframe').nth(0), page.frameLocator('iframe').nth(1)];
		await expect(embed.locator('figure.chart svg').first()).toBeVisible();
		await expect(topic.locator('figure.chart')).toHaveCount(0);
		// the refused frame shows the browser's error page, not the topic
		expect(page.frames().map((f) => f.url())).not.toContainEqual(
			expect.stringContaining('/topics/')
		);
	});
});
