import { expect, test, type Page, type Request } from '@playwright/test';

/** Every request the page makes, so a test can prove none leaves the site. */
function recordRequests(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (request: Request) => urls.push(request.url()));
	return urls;
}

test.describe('overview without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('shows the four charts with their values from the bulletin', async ({ page }) => {
		await page.goto('/');
		for (const id of ['industry-output', 'land-use', 'forest-coverage', 'enterprise-counts']) {
			await expect(page.locator(`figure[data-chart="${id}"] svg`).first()).toBeVisible();
		}
		const materials = page.locator(
			'figure[data-chart="industry-output"] svg [data-figure="industry-new-materials-output-2023"]'
		);
		await expect(materials).toHaveAttribute('data-value', '172500000000');
		await expect(
			page.locator('figure[data-chart="industry-output"] a.mark-link', {
				has: page.locator('[data-figure="industry-new-materials-output-2023"]')
			})
		).toHaveAttribute('aria-label', /新材料.*1725亿元/);
		await expect(page.locator('figure[data-chart="industry-output"]')).toContainText('1725亿元');
		// the home chart compares full years only: the first quarter's 389亿元 is not beside them
		await expect(page.locator('figure[data-chart="industry-output"]')).not.toContainText('389亿元');
		await expect(
			page
				.locator(
					'[data-figure="industry-output-above-scale-new-materials-2023"], [data-figure="industry-new-materials-output-2023"]'
				)
				.first()
		).toBeAttached();
	});

	test('draws derived 2022 land values distinctly from stated 2023 ones', async ({ page }) => {
		await page.goto('/');
		const land = page.locator('figure[data-chart="land-use"]');
		await expect(land.locator('svg [data-figure="land-cultivated-2023"]')).toHaveAttribute(
			'data-status',
			'stated'
		);
		await expect(land.locator('svg [data-figure="land-cultivated-2022-derived"]')).toHaveAttribute(
			'data-status',
			'derived'
		);
		const stated = await land
			.locator('svg [data-status="stated"]')
			.evaluateAll((marks) => marks.map((m) => Number(m.getAttribute('data-value'))));
		expect(stated).toHaveLength(12);
		expect(stated.reduce((a, b) => a + b, 0)).toBeCloseTo(36533, 6);
	});

	test('names the source document and page under each chart', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('figure[data-chart="industry-output"] figcaption')).toContainText(
			'《关于特色产业推进情况的报告》（第34页）'
		);
		await expect(page.locator('figure[data-chart="forest-coverage"] figcaption')).toContainText(
			'第48页'
		);
	});

	test('shows the forest coverage and enterprise counts', async ({ page }) => {
		await page.goto('/');
		await expect(
			page.locator('[data-chart="forest-coverage"] svg [data-figure="forest-coverage-2023"]')
		).toHaveAttribute('data-value', '17.03');
		await expect(
			page.locator(
				'[data-chart="enterprise-counts"] svg [data-figure="enterprises-little-giants-2023"]'
			)
		).toHaveAttribute('data-value', '33');
	});

	test('puts each chart’s table in a disclosure under it: values and sentences from the bulletin', async ({
		page
	}) => {
		await page.goto('/');
		const disclosure = page.locator('figure[data-chart="industry-output"] details.table-view');
		await expect(disclosure.locator('table')).toBeHidden();
		await disclosure.locator('summary').click();
		const row = disclosure.locator('tr[data-figure="industry-new-materials-output-2023"]');
		await expect(row.locator('td.num')).toHaveText('1725亿元');
		await expect(row.locator('td.quote')).toContainText(
			'2023年，我区新材料产业规上工业产值1725亿元'
		);
		expect(await page.locator('figure[data-chart] details.table-view').count()).toBe(
			await page.locator('figure[data-chart]').count()
		);
	});

	test('serves the English overview with English units', async ({ page }) => {
		await page.goto('/en');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.locator('h1')).toHaveText('The district at a glance');
		await expect(page.locator('figure[data-chart="industry-output"]')).toContainText(
			'172.5 billion yuan'
		);
	});
});

test.describe('overview with JavaScript', () => {
	test('offers each chart’s table through its switch, with no disclosure left to build', async ({
		page
	}) => {
		await page.goto('/');
		const figure = page.locator('figure[data-chart="industry-output"]');
		await figure.getByRole('button', { name: '数据表' }).click();
		await expect(
			figure.locator('tr[data-figure="industry-new-materials-output-2023"] td.num')
		).toHaveText('1725亿元');
		// the disclosure is for readers without JavaScript: here the browser never built it
		await expect(page.locator('figure[data-chart] details.table-view')).toHaveCount(0);
		expect(await page.locator('figure[data-chart] noscript').count()).toBeGreaterThan(0);
		expect(
			await page
				.locator('figure[data-chart] noscript')
				.evaluateAll((all) => all.every((n) => n.childElementCount === 0))
		).toBe(true);
	});

	test('starts DuckDB-WASM after first paint and never leaves 127.0.0.1', async ({ page }) => {
		const requests = recordRequests(page);
		await page.goto('/');
		await expect(page.locator('figure[data-chart="industry-output"] svg')).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
		expect(requests.some((url) => url.endsWith('.wasm'))).toBe(true);
		expect(requests.some((url) => url.includes('/data/figures.arrow'))).toBe(true);
		const outside = requests.filter(
			(url) =>
				new URL(url).hostname !== '127.0.0.1' &&
				!url.startsWith('data:') &&
				!url.startsWith('blob:')
		);
		expect(outside).toEqual([]);
	});

	test('answers the land change view with DuckDB-WASM and keeps it in the URL', async ({
		page
	}) => {
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
		await page.getByRole('button', { name: '变化', exact: true }).click();
		await expect(page).toHaveURL(/\?land=change$/);
		const cultivated = page.locator(
			'figure[data-chart="land-change"] svg [data-figure="land-cultivated-change-2023"]'
		);
		await expect(cultivated).toHaveAttribute('data-value', '-38');
		await page.reload();
		await expect(
			page.locator(
				'figure[data-chart="land-change"] svg [data-figure="land-transport-change-2023"]'
			)
		).toHaveAttribute('data-value', '79');
	});

	test('falls back with a notice when the URL parameter is garbage', async ({ page }) => {
		await page.goto('/?land=%3Cscript%3Ealert(1)%3C/script%3E');
		await expect(page.getByRole('alert')).toContainText('网址参数');
		await expect(page.getByRole('alert')).toContainText('land=<script>alert(1)</script>');
		await expect(
			page.locator('figure[data-chart="land-use"] svg [data-figure="land-cultivated-2023"]')
		).toBeVisible();
	});
});
