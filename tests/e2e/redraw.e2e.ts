/**
 * Redraw only what changed. A chart whose answer is unchanged is not touched: no node of its
 * figure (SVG, busy state, table) is added, removed or changed when something else on the page
 * changes (another panel switched to its table, which writes a new address). A chart whose
 * answer changes keeps its SVG and the marks of the figures it still draws: they move, they are
 * not torn down and rebuilt. And on a desktop screen hydration itself draws nothing again: every
 * chart is prerendered for the width it gets there (src/lib/charts/plot-width.ts).
 */
import { expect, type Page } from '@playwright/test';
import { test } from './guarded.js';

declare global {
	interface Window {
		__changes: Record<string, number>;
		__hydration: { widths: Record<string, string>; changes: string[] } | undefined;
	}
}

/** Count every change inside each chart's figure, and give each SVG and mark a birth number. */
async function watch(page: Page): Promise<void> {
	await page.evaluate(() => {
		window.__changes = {};
		let born = 0;
		for (const figure of document.querySelectorAll<HTMLElement>('figure[data-chart]')) {
			const id = figure.dataset.chart!;
			const svg = figure.querySelector('svg');
			if (!svg) continue;
			window.__changes[id] = 0;
			svg.dataset.born = String(++born);
			for (const mark of svg.querySelectorAll<SVGElement>('[data-figure]'))
				mark.dataset.born = String(++born);
			new MutationObserver((records) => {
				// the birth numbers written above are not the page's changes
				const own = records.filter((r) => r.attributeName !== 'data-born');
				window.__changes[id]! += own.length;
			}).observe(figure, {
				subtree: true,
				childList: true,
				attributes: true,
				characterData: true
			});
		}
	});
}

const changes = (page: Page) => page.evaluate(() => ({ ...window.__changes }));

/** Birth numbers of each chart's SVG and of its marks by figure id. */
const births = (page: Page) =>
	page.evaluate(() =>
		Object.fromEntries(
			[...document.querySelectorAll<HTMLElement>('figure[data-chart]')].map((figure) => {
				const svg = figure.querySelector('svg');
				const marks = Object.fromEntries(
					[...(svg?.querySelectorAll<SVGElement>('[data-figure]') ?? [])].map((m) => [
						m.dataset.figure!,
						m.dataset.born ?? 'new'
					])
				);
				return [figure.dataset.chart!, { svg: svg?.dataset.born ?? 'new', marks }];
			})
		)
	);

/** Switch one chart to its table and back; every other chart must be left as it was. */
async function toggleTable(page: Page, chart: string): Promise<void> {
	const figure = page.locator(`figure[data-chart="${chart}"]`);
	await figure.getByRole('button', { name: '数据表' }).click();
	await expect(page).toHaveURL(new RegExp(`table=${chart}`));
	await expect(figure.locator('table')).toBeVisible();
	await figure.getByRole('button', { name: '图表', exact: true }).click();
	await expect(page).not.toHaveURL(/table=/);
	await expect(figure.locator('svg').first()).toBeVisible();
}

const settled = (page: Page) =>
	expect(page.locator('figure[data-chart] [aria-busy="true"]')).toHaveCount(0);

test.describe('redraw only what changed', () => {
	test('an indicator filtered by the engine: another panel’s table leaves the charts untouched, a new period moves marks in place', async ({
		page
	}) => {
		await page.goto('/indicators/land-area?sector=land-class-cultivated');
		await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', {
			timeout: 30_000
		});
		await settled(page);
		const charts = await page
			.locator('figure[data-chart]:has(svg)')
			.evaluateAll((figures) => figures.map((f) => (f as HTMLElement).dataset.chart!));
		expect(charts.length, 'panels drawn for cultivated land').toBeGreaterThanOrEqual(2);
		await watch(page);
		const before = await births(page);

		const [switched, ...others] = charts as [string, ...string[]];
		await toggleTable(page, switched);
		await settled(page);
		const after = await changes(page);
		for (const chart of others) expect(after[chart], `changes under ${chart}`).toBe(0);
		const kept = await births(page);
		for (const chart of others) expect(kept[chart]).toEqual(before[chart]);

		// a new period: the engine answers, the charts drawing it keep their SVG and the marks of
		// the figures still drawn (births taken again: the switched chart's SVG is a new one)
		await watch(page);
		const drawn = await births(page);
		await page.getByLabel('时期').selectOption('2023-12-31');
		await expect(page).toHaveURL(/period=2023-12-31/);
		await settled(page);
		const moved = await births(page);
		let reused = 0;
		for (const [chart, now] of Object.entries(moved)) {
			const was = drawn[chart];
			if (!was) continue;
			expect(now.svg, `${chart} kept its SVG`).toBe(was.svg);
			for (const [figure, born] of Object.entries(now.marks)) {
				if (!(figure in was.marks)) continue;
				expect(born, `${chart}: the mark of ${figure} was moved, not rebuilt`).toBe(
					was.marks[figure]
				);
				reused++;
			}
		}
		expect(reused, 'marks drawn in both states').toBeGreaterThan(0);
	});

	test('the prerendered comparison: one chart’s table leaves the others untouched', async ({
		page
	}) => {
		await page.goto('/compare');
		// watched from hydration on: hydrating adds each chart's switch and menu
		await page.waitForFunction(() => performance.getEntriesByName('page:hydrated').length > 0);
		const charts = await page
			.locator('figure[data-chart]:has(svg)')
			.evaluateAll((figures) => figures.map((f) => (f as HTMLElement).dataset.chart!));
		expect(charts.length).toBeGreaterThanOrEqual(2);
		await watch(page);
		const [switched, ...others] = charts as [string, ...string[]];
		await toggleTable(page, switched);
		const after = await changes(page);
		for (const chart of others) expect(after[chart], `changes under ${chart}`).toBe(0);
	});
});

/**
 * From the moment the HTML is parsed (before any script of the page runs), count every change
 * inside a chart's SVG, and note each chart's prerendered width.
 */
function watchFromParse(): void {
	const start = () => {
		const widths: Record<string, string> = {};
		for (const figure of document.querySelectorAll<HTMLElement>('figure[data-chart]'))
			widths[figure.dataset.chart!] =
				figure.querySelector('.plot svg')?.getAttribute('width') ?? '';
		const changes: string[] = [];
		window.__hydration = { widths, changes };
		new MutationObserver((records) => {
			for (const r of records) {
				const node = r.target instanceof Element ? r.target : r.target.parentElement;
				const svg = node?.closest('figure[data-chart] svg');
				if (!svg) continue;
				// SvelteKit prerenders links relative to the page and writes them absolute as it
				// hydrates: the same address is not a change
				if (
					r.attributeName === 'href' &&
					new URL(r.oldValue ?? '', document.baseURI).href ===
						new URL(node!.getAttribute('href') ?? '', document.baseURI).href
				)
					continue;
				const chart = svg.closest<HTMLElement>('figure[data-chart]')!.dataset.chart;
				changes.push(
					`${chart}: ${r.type} ${node!.nodeName}${r.attributeName ? `[${r.attributeName}]` : ''}`
				);
			}
		}).observe(document, {
			subtree: true,
			childList: true,
			attributes: true,
			attributeOldValue: true,
			characterData: true
		});
	};
	// 'interactive': parsed, and no deferred or module script run yet
	document.addEventListener('readystatechange', () => {
		if (document.readyState === 'interactive') start();
	});
}

test.describe('on a desktop screen hydration draws no chart again', () => {
	test.use({ viewport: { width: 1280, height: 800 } });
	const pages = [
		'/',
		'/topics/industry',
		'/indicators/land-area',
		'/compare',
		'/reports/s21-industry-report',
		'/en/indicators/industry-output-above-scale'
	];
	for (const path of pages) {
		test(`${path}: prerendered at the measured width, untouched through hydration and the engine’s start`, async ({
			page
		}) => {
			await page.addInitScript(watchFromParse);
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', {
				timeout: 30_000
			});
			await settled(page);
			// two frames more: whatever the engine's answers change is drawn by then
			await page.evaluate(
				() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
			);
			const seen = await page.evaluate(() => window.__hydration!);
			const measured = await page
				.locator('figure[data-chart] .plot')
				.evaluateAll((plots) =>
					Object.fromEntries(
						plots.map((p) => [
							p.closest<HTMLElement>('figure[data-chart]')!.dataset.chart!,
							String(p.clientWidth)
						])
					)
				);
			expect(Object.keys(measured).length, 'charts on the page').toBeGreaterThan(0);
			expect(seen.widths, 'prerendered widths = the plots’ measured widths').toEqual(measured);
			expect(seen.changes, 'changes inside the charts’ SVG since the HTML was parsed').toEqual([]);
		});
	}
});
