/**
 * Interaction that tells the truth: the console runs and exports what its editor shows, its
 * chart draws every column the rows differ in or says why it cannot, an embed's iframe follows
 * its content both ways, and a tap on a chart mark shows its value before it leaves the page.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { EXAMPLES } from '../../src/routes/[[lang=lang]]/data/sql/examples.js';
import { openConsole, runQuery } from './console.js';

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const KEY_OUTPUT = EXAMPLES.find((e) => e.en.startsWith('Key industries'))!;
const LAND_TOTAL = EXAMPLES.find((e) => e.en.startsWith('Total of the land classes'))!;
const status = (page: Page) => page.locator('.status[data-runs]');

async function download(page: Page, click: () => Promise<void>): Promise<string> {
	const [file] = await Promise.all([page.waitForEvent('download'), click()]);
	return (await readFile((await file.path())!)).toString('utf8');
}

/** The words an SVG file draws, its lines joined by spaces (a long source line wraps). */
function svgText(svg: string): string {
	const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
	const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
	return oneLine(
		texts
			.join(' ')
			.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
			.replace(/&(\w+);/g, (e, n: string) => entities[n] ?? e)
	);
}

async function clickExample(page: Page, name: string) {
	const runs = Number(await status(page).getAttribute('data-runs'));
	await page
		.getByRole('group', { name: /示例|Examples/ })
		.getByRole('button', { name })
		.click();
	await expect(status(page)).toHaveAttribute('data-runs', String(runs + 1), { timeout: 30_000 });
}

test.describe('the SQL console runs and exports what its editor shows', () => {
	test('an example button puts its query in the editor, runs it, and the address and CSV name it', async ({
		page
	}) => {
		await openConsole(page);
		await clickExample(page, LAND_TOTAL.zh);
		await expect
			.poll(async () => oneLine(await page.locator('.cm-content').innerText()))
			.toBe(oneLine(LAND_TOTAL.sql));
		await expect(page.locator('.viewport tbody tr[data-row="0"] td').nth(1)).toHaveText('36533');
		expect(new URL(page.url()).searchParams.get('q')).toBe(LAND_TOTAL.sql);
		const csv = await download(page, () => page.getByRole('button', { name: '导出 CSV' }).click());
		expect(
			csv
				.replace(/^\uFEFF/, '')
				.trim()
				.split(/\r?\n/)
		).toEqual(['total_hectares,classes', '36533,12']);
		await expect(page.locator('.stale')).toHaveCount(0);
	});

	test('a query edited after it ran leaves its result marked as the earlier query’s, and exports say so', async ({
		page
	}) => {
		await page.goto('/en/data/sql');
		await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
		await expect(status(page)).toHaveAttribute('data-runs', '1', { timeout: 30_000 });
		await clickExample(page, KEY_OUTPUT.en);
		const ran = page.url();
		await page.locator('.cm-content').click();
		await page.keyboard.press('Control+End');
		await page.keyboard.type(' LIMIT 1');
		const stale = page.getByRole('note');
		await expect(stale).toContainText('The query in the editor has changed and has not been run');
		await expect(stale.locator('pre')).toHaveText(KEY_OUTPUT.sql);
		// the address, the table and the chart's exports stay with the query that was run
		expect(page.url()).toBe(ran);
		await expect(page.locator('.viewport tbody tr[data-row]')).toHaveCount(6);
		await page.getByRole('button', { name: 'Chart', exact: true }).click();
		await page.locator('details.menu > summary').click();
		const svg = await download(page, () =>
			page.getByRole('button', { name: 'Download SVG' }).click()
		);
		expect(svgText(svg)).toContain(`Query: ${oneLine(KEY_OUTPUT.sql)}`);
		expect(svgText(svg)).not.toContain('LIMIT 1');
		// running the edited text answers it and lifts the mark
		const runs = Number(await status(page).getAttribute('data-runs'));
		await page.keyboard.press('Escape');
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		await expect(status(page)).toHaveAttribute('data-runs', String(runs + 1), { timeout: 30_000 });
		await expect(page.getByRole('note')).toHaveCount(0);
		expect(new URL(page.url()).searchParams.get('q')).toBe(`${KEY_OUTPUT.sql} LIMIT 1`);
	});
});

test.describe('the console’s chart draws every column its rows differ in', () => {
	test('key industries are drawn with one bar per period and a legend of the periods', async ({
		page
	}) => {
		await openConsole(page);
		await clickExample(page, KEY_OUTPUT.zh);
		await page.getByRole('button', { name: '图表', exact: true }).click();
		const chart = page.locator('figure[data-chart="console-result"]');
		await expect(chart.getByRole('list', { name: '图例：period' })).toHaveText(/2023\s*2024Q1/);
		const marks = chart.locator('svg rect.mark');
		await expect(marks).toHaveCount(6);
		expect(await marks.evaluateAll((m) => m.map((r) => r.getAttribute('data-value')))).toEqual([
			'40',
			'12',
			'683',
			'143',
			'1725',
			'389'
		]);
		const places = await marks.evaluateAll((m) =>
			m.map((r) => `${r.getAttribute('x')},${r.getAttribute('y')}`)
		);
		expect(new Set(places).size).toBe(6);
		await expect(chart.locator('figcaption')).toContainText('yi_yuan（按sector_zh和period）');
	});

	test('two columns of one name are told apart by position in the chart’s choices', async ({
		page
	}) => {
		// land classes at the end of 2023, in hectares and in mu, both named "v"
		const sql =
			"SELECT sector_en, value AS v, value * 15 AS v FROM figures WHERE indicator_id = 'land-area' AND sector_id IN ('land-class-cultivated', 'land-class-garden') AND period = '2023-12-31' AND measure = 'level' AND doc_id = 's21-natural-resources-report' ORDER BY sector_order";
		await openConsole(page);
		await runQuery(page, sql);
		await page.getByRole('button', { name: '图表', exact: true }).click();
		const chart = page.locator('figure[data-chart="console-result"]');
		const values = () =>
			chart.locator('svg rect.mark').evaluateAll((m) => m.map((r) => r.getAttribute('data-value')));
		const choice = page.getByLabel('数值');
		await expect(choice.locator('option')).toHaveText(['v (#2)', 'v (#3)']);
		await expect(chart.locator('figcaption')).toContainText('v (#3)（按sector_en）');
		expect(await values()).toEqual(['25500', '3645']);
		await choice.selectOption({ label: 'v (#2)' });
		await expect(chart.locator('figcaption')).toContainText('v (#2)（按sector_en）');
		expect(await values()).toEqual(['1700', '243']);
	});

	test('rows that would share a position draw no chart and say why, in zh and en', async ({
		page
	}) => {
		const sql =
			"SELECT sector_en, period, measure, value FROM figures WHERE indicator_id = 'industry-output-above-scale' AND sector_id = 'industry-key-new-materials' ORDER BY period, measure";
		await openConsole(page);
		await runQuery(page, sql);
		await page.getByRole('button', { name: '图表', exact: true }).click();
		await expect(page.locator('[data-refused="collision"]')).toHaveText(
			'有3行落在同一位置“New materials”（系列“2023”），它们在“measure”上不同。一个位置不能画两个标记，因此不作图。请选择“measure”作为系列，或在查询中汇总或筛选。'
		);
		await expect(page.locator('figure[data-chart="console-result"]')).toHaveCount(0);

		await page.goto(`/en/data/sql?view=chart&q=${encodeURIComponent(sql)}`);
		await expect(page.locator('[data-refused="collision"]')).toContainText(
			'3 rows fall at one position, “New materials” (series “2023”), and they differ in “measure”.',
			{ timeout: 30_000 }
		);
	});
});

test.describe('an embed follows its content', () => {
	test('the iframe grows for the table and shrinks back for the chart and for a wider page', async ({
		page,
		baseURL
	}) => {
		const src = new URL('/embed/topic/land/land-reserve-area', baseURL).href;
		const { embedSnippet } = await import('../../src/lib/embed.js');
		// a host on another origin: localhost, not 127.0.0.1. Chromium lets only a page it loaded
		// from the local network frame a local address, so a data file of the site is loaded and
		// its content replaced with the host page: a file carries no page policy (a page's meta tag
		// would outlive the replacement, and a 404's header forbids frames).
		const host = new URL('/data/catalog.json', baseURL);
		host.hostname = 'localhost';
		await page.setViewportSize({ width: 900, height: 800 });
		await page.goto(host.href);
		await page.setContent(
			`<!doctype html><meta charset="utf-8"><body style="margin:0"><p>Briefing</p>${embedSnippet({ src, title: '储备土地' })}</body>`
		);
		const iframe = page.locator('iframe[data-district-figures]');
		const frame = page.frameLocator('iframe[data-district-figures]');
		await expect(frame.locator('figure[data-chart="land-reserve-area"] svg')).toBeVisible();
		const height = async () => Math.round((await iframe.boundingBox())!.height);
		const content = () =>
			frame.locator('main').evaluate((m) => Math.ceil(m.getBoundingClientRect().bottom));
		await expect.poll(height).toBe(await content());
		const chartHeight = await height();

		await frame.getByRole('button', { name: '数据表' }).click();
		await expect.poll(height).not.toBe(chartHeight);
		const tableHeight = await height();
		expect(tableHeight).toBe(await content());
		await frame.getByRole('button', { name: '图表', exact: true }).click();
		await expect.poll(height).toBe(chartHeight);

		await page.setViewportSize({ width: 390, height: 800 });
		await expect.poll(height).toBe(await content());
		const narrow = await height();
		await page.setViewportSize({ width: 900, height: 800 });
		await expect.poll(height).toBe(chartHeight);
		expect(narrow).not.toBe(chartHeight);
	});
});

test.describe('a tap on a phone shows a mark’s value before its source', () => {
	test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

	for (const [lang, path, value, hint] of [
		['zh', '/topics/industry', '1725亿元', '再点一下此标记，打开原文出处'],
		['en', '/en/topics/industry', '172.5 billion yuan', 'Tap the mark again to open its source']
	] as const) {
		test(`the first tap on a bar shows its value and stays, the second opens the source (${lang})`, async ({
			page
		}) => {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('data-engine', /ready|failed/, {
				timeout: 30_000
			});
			const link = page.locator('a.mark-link[href$="#industry-new-materials-output-2023"]').first();
			const mark = link.locator('.mark');
			const href = await link.getAttribute('href');
			expect(href).toMatch(/\/sources\//);
			await mark.scrollIntoViewIfNeeded();
			await mark.tap();
			const tooltip = page.getByRole('tooltip');
			await expect(tooltip).toBeVisible();
			await expect(tooltip.locator('p.lead')).toContainText(value);
			await expect(tooltip).toContainText(hint);
			expect(new URL(page.url()).pathname).toBe(path);

			await mark.tap();
			await expect(page).toHaveURL(new RegExp(`${href!.split('#')[0]!.replace(/\//g, '\\/')}`));
		});
	}
});

test.describe('a mouse on the same chart', () => {
	test('shows the value on hover and follows the link at once on click', async ({ page }) => {
		await page.goto('/topics/industry');
		const link = page.locator('a.mark-link[href$="#industry-new-materials-output-2023"]').first();
		const mark = link.locator('.mark');
		const href = await link.getAttribute('href');
		await mark.hover();
		await expect(page.getByRole('tooltip')).toContainText('1725亿元');
		await expect(page.getByRole('tooltip')).not.toContainText('再点一下');
		await mark.click();
		await expect(page).toHaveURL(new RegExp(href!.split('#')[0]!));
	});
});
