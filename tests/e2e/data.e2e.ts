import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openConsole, runQuery } from './console.js';

test.describe('SQL console', () => {
	test('a known aggregate returns the total from the dataset', async ({ page }) => {
		await openConsole(page);
		await runQuery(
			page,
			"SELECT sum(base_value) AS total FROM figures WHERE indicator_id = 'land-area' AND sector_group = 'land-class' AND period = '2023-12-31' AND doc_id = 's21-natural-resources-report'"
		);
		await expect(page.locator('.viewport tbody tr[data-row="0"] td').nth(1)).toHaveText('36533');
		await expect(page).toHaveURL(/q=SELECT/);
	});

	test('a syntax error shows its message and position, and the next query runs', async ({
		page
	}) => {
		await openConsole(page);
		await runQuery(page, 'SELEC * FROM figures');
		const error = page.getByRole('alert');
		await expect(error).toContainText('syntax error');
		await expect(error).toContainText('第1行第1列');
		await runQuery(page, 'SELECT count(*) AS n FROM checks WHERE NOT passed');
		await expect(page.getByRole('alert')).toHaveCount(0);
		await expect(page.locator('.viewport tbody tr[data-row="0"] td').nth(1)).toHaveText('7');
	});

	test('COPY, ATTACH, INSTALL and remote addresses are refused and nothing leaves 127.0.0.1', async ({
		page
	}) => {
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await openConsole(page);
		for (const [sql, message] of [
			["COPY figures TO 'out.csv'", '控制台只读'],
			["ATTACH 'https://example.com/other.duckdb' AS other", '控制台只读'],
			['INSTALL httpfs', '控制台只读'],
			["SELECT * FROM 'https://example.com/data.parquet'", '不能读取文件或网址'],
			["SELECT * FROM read_csv('http://example.com/a.csv')", '不能读取文件或网址']
		] as const) {
			await runQuery(page, sql);
			await expect(page.getByRole('alert')).toContainText(message);
		}
		const outside = requests.filter(
			(url) =>
				!url.startsWith('data:') &&
				!url.startsWith('blob:') &&
				new URL(url).hostname !== '127.0.0.1'
		);
		expect(outside).toEqual([]);
	});

	test('a 100,000-row result scrolls, rendering rows as it goes, and exports', async ({ page }) => {
		await openConsole(page);
		await runQuery(page, 'SELECT i, i * 2 AS twice FROM range(100000) t(i)');
		await expect(page.locator('.status[data-runs]')).toContainText('100000');
		const rendered = await page.locator('.viewport tbody tr[data-row]').count();
		expect(rendered).toBeLessThan(100);
		await page.locator('.viewport').evaluate((el) => (el.scrollTop = 28 * 75_000));
		await expect(page.locator('.viewport tbody tr[data-row="75000"]')).toBeVisible();
		await expect(page.locator('.viewport tbody tr[data-row="75000"] td').nth(1)).toHaveText(
			'75000'
		);
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: '导出 CSV' }).click();
		const file = await (await download).path();
		const { readFileSync } = await import('node:fs');
		const lines = readFileSync(file!, 'utf8').trimEnd().split('\r\n');
		expect(lines).toHaveLength(100_001);
		expect(lines[0]).toBe('\uFEFFi,twice');
		expect(lines[75_001]).toBe('75000,150000');
	});

	test('a slow query can be cancelled and the page stays responsive', async ({ page }) => {
		await openConsole(page);
		const editor = page.locator('.cm-content');
		await editor.click();
		await page.keyboard.press('Control+A');
		await editor.fill(
			'SELECT count(*) FROM range(100000000) a, range(100000) b WHERE a.range + b.range = 7'
		);
		await page.keyboard.press('Control+Enter');
		await expect(page.locator('.status[data-runs]')).toContainText('正在运行');
		await page.getByRole('button', { name: '取消' }).click();
		await expect(page.locator('.status[data-runs]')).toContainText('已取消', { timeout: 20_000 });
		await runQuery(page, 'SELECT 42 AS answer');
		await expect(page.locator('.viewport tbody tr[data-row="0"] td').nth(1)).toHaveText('42');
	});

	test('a result can be drawn as a chart', async ({ page }) => {
		await openConsole(page);
		await runQuery(
			page,
			"SELECT sector_zh, base_value FROM figures WHERE indicator_id = 'land-area' AND sector_group = 'land-class' AND period = '2023-12-31' AND doc_id = 's21-natural-resources-report' ORDER BY 2 DESC"
		);
		await page.getByRole('button', { name: '图表', exact: true }).click();
		await expect(page).toHaveURL(/view=chart/);
		await expect(
			page.locator('figure[data-chart="console-result"] svg [data-value="8400"]')
		).toBeVisible();
		// the chart exports as a picture that names the query it answers, and as the result's CSV
		await page.locator('details.menu > summary').click();
		const [svg] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '下载 SVG' }).click()
		]);
		const text = (await readFile((await svg.path())!)).toString('utf8');
		expect(text).toContain('base_value（按sector_zh）');
		expect(text).toContain('查询：SELECT sector_zh, base_value FROM figures');
		expect(text).toContain('>8400<');
		const [csv] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '下载 CSV' }).click()
		]);
		const table = (await readFile((await csv.path())!)).toString('utf8');
		expect(table.startsWith('\ufeffsector_zh,base_value')).toBe(true);
		const rows = table.trim().split(/\r?\n/);
		expect(rows).toHaveLength(13);
		// a result with no rows says so instead of drawing an empty axis
		await runQuery(page, "SELECT sector_zh, base_value FROM figures WHERE indicator_id = 'none'");
		await expect(page.getByText('查询没有返回任何行，无可作图。')).toBeVisible();
		await expect(page.locator('figure[data-chart="console-result"]')).toHaveCount(0);
	});
});

test.describe('downloads and quality', () => {
	test('the CSV download equals the dataset row for row', async ({ page, request }) => {
		const csv = await (await request.get('/data/figures.csv')).text();
		expect(csv.startsWith('\uFEFFid,bulletin_id,indicator_id')).toBe(true);
		const json = (await (await request.get('/data/figures.json')).json()) as {
			id: string;
			base_value: number;
		}[];
		const lines = csv.trimEnd().split('\r\n').slice(1);
		expect(lines).toHaveLength(json.length);
		expect(lines.map((l) => l.split(',')[0])).toEqual(json.map((f) => f.id));
		await openConsole(page);
		await runQuery(page, 'SELECT count(*) AS n, sum(base_value) AS total FROM figures');
		await expect(page.locator('.viewport tbody tr[data-row="0"] td').nth(1)).toHaveText(
			String(json.length)
		);
	});

	test('the data page offers the downloads, the dictionary and the provenance', async ({
		page
	}) => {
		await page.goto('/data');
		await expect(page.locator('a[href$="/data/figures.parquet"]')).toBeVisible();
		await expect(page.locator('#dictionary')).toContainText('base_value');
		await expect(page.locator('#dictionary')).toContainText('2024Q1');
		await expect(page.getByText('上海市宝山区人民代表大会常务委员会').first()).toBeVisible();
		const checks = await page.request.get('/downloads/checks.csv');
		expect((await checks.text()).startsWith('\uFEFFid,kind')).toBe(true);
	});

	test('the quality page lists the discrepancies the build found, side by side', async ({
		page
	}) => {
		await page.goto('/data/quality');
		await expect(page.locator('[data-discrepancy]')).toHaveCount(2);
		const highTech = page.locator('[data-discrepancy^="ent-high-tech"]');
		await expect(highTech).toContainText('1850家');
		await expect(highTech).toContainText('1869家');
		const video = page.locator('[data-discrepancy^="city-operations-video-resources"]');
		await expect(video).toContainText('2.8万路');
		await expect(video).toContainText('2.5万路');
		await expect(page.locator('[data-check="enterprises-tech-centres-sum"]').first()).toContainText(
			'411'
		);
	});
});

test.describe('search', () => {
	test('typing xcl lists 新材料 first and Enter opens it', async ({ page }) => {
		await page.goto('/topics/land');
		// the shortcut works once the page is interactive
		await expect(page.locator('html')).toHaveAttribute('data-engine', /.+/);
		await page.keyboard.press('/');
		const box = page.getByRole('combobox', { name: /搜索|Search/ });
		await expect(box).toBeFocused();
		await box.pressSequentially('xcl');
		const first = page.getByRole('option').first();
		await expect(first).toContainText('新材料');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/indicators\/[^/?#]+\?sector=industry-key-new-materials/);
		await expect(page.locator('h1')).toBeVisible();
	});

	test('finds by English with a typo, and opens with the keyboard', async ({ page }) => {
		await page.goto('/en');
		const box = page.getByRole('combobox', { name: /搜索|Search/ });
		await box.click();
		await box.pressSequentially('forrest coverage');
		await expect(page.getByRole('option').first()).toContainText('Forest coverage');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/en\//);
	});
});
