import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** One page of every kind of route; each is checked in Chinese (/) and English (/en/). */
const PATHS = [
	'/',
	'/topics',
	'/topics/land',
	'/indicators',
	'/indicators/land-area',
	'/compare',
	'/sessions/20',
	'/reports/s21-industry-report',
	'/sources/s21-industry-report',
	'/data',
	'/data/quality',
	'/data/sql'
];
const LANGS = ['', '/en'] as const;
const SCHEMES = ['light', 'dark'] as const;
const CHART_PATHS = [
	'/',
	'/topics/land',
	'/indicators/land-area',
	'/compare',
	'/reports/s21-industry-report'
];

// trailingSlash is 'never': the English home is /en, not /en/
const url = (lang: string, path: string) => (lang && path === '/' ? lang : `${lang}${path}`);

/** Waits until the page has hydrated and nothing is busy, so axe sees what a reader sees. */
async function settle(page: Page) {
	await page.waitForLoadState('load');
	// the charts' switches, menus and tables appear when the layout mounts, which `load` does not wait for
	await page.waitForFunction(() => performance.getEntriesByName('page:hydrated').length > 0);
	await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, {
		timeout: 30_000
	});
}

/** Runs axe (WCAG 2.0 and 2.1, A and AA) and returns the serious and critical violations, with a report naming what to fix. */
async function audit(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const serious = results.violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical'
	);
	const report = serious
		.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.help}\n` +
				v.nodes
					.slice(0, 8)
					.map((n) => `  ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, ' ')}`)
					.join('\n') +
				(v.nodes.length > 8 ? `\n  … and ${v.nodes.length - 8} more` : '')
		)
		.join('\n');
	return { ids: serious.map((v) => v.id), report };
}

test.describe('axe finds no serious or critical violations', () => {
	for (const lang of LANGS) {
		for (const colorScheme of SCHEMES) {
			for (const path of PATHS) {
				const address = url(lang, path);
				test(`${address} in ${colorScheme}`, async ({ page }) => {
					await page.emulateMedia({ colorScheme });
					await page.goto(address);
					await settle(page);
					const { ids, report } = await audit(page);
					expect(ids, `${address} (${colorScheme}):\n${report}`).toEqual([]);
				});
			}
		}
	}

	for (const colorScheme of SCHEMES) {
		test(`views that need a click: tables, search results, console results, in ${colorScheme}`, async ({
			page
		}) => {
			await page.emulateMedia({ colorScheme });
			await page.goto('/topics/land?table=land-use,land-use-share,land-reserve-area');
			await settle(page);
			await expect(page.locator('figure[data-chart="land-use"] table')).toBeVisible();
			let result = await audit(page);
			expect(result.ids, `tables (${colorScheme}):\n${result.report}`).toEqual([]);

			await page.getByRole('combobox', { name: '搜索' }).fill('耕地');
			await expect(page.getByRole('option').first()).toBeVisible({ timeout: 30_000 });
			await page.getByRole('combobox', { name: '搜索' }).press('ArrowDown');
			result = await audit(page);
			expect(result.ids, `search (${colorScheme}):\n${result.report}`).toEqual([]);

			for (const lang of LANGS) {
				await page.goto(`${lang}/data/sql`);
				await expect(page.locator('.status')).toHaveAttribute('data-runs', '1', {
					timeout: 60_000
				});
				result = await audit(page);
				expect(result.ids, `${lang}/data/sql table (${colorScheme}):\n${result.report}`).toEqual(
					[]
				);
				await page.locator('.views button').nth(1).click();
				await expect(page.locator('figure[data-chart="console-result"] svg')).toBeVisible();
				result = await audit(page);
				expect(result.ids, `${lang}/data/sql chart (${colorScheme}):\n${result.report}`).toEqual(
					[]
				);
			}
		});
	}
});

test.describe('keyboard only', () => {
	/** Describes the focused element: its tag, classes and a few attributes. */
	const focused = (page: Page) =>
		page.evaluate(() => {
			const el = document.activeElement as HTMLElement | SVGElement | null;
			if (!el || el === document.body) return null;
			const style = getComputedStyle(el);
			const mark = el.querySelector('.mark');
			const markStyle = mark ? getComputedStyle(mark) : null;
			return {
				tag: el.tagName.toLowerCase(),
				className: el.getAttribute('class') ?? '',
				role: el.getAttribute('role'),
				type: el.getAttribute('type'),
				href: el.getAttribute('href'),
				text: (el.textContent ?? '').trim().slice(0, 60),
				inNav: !!el.closest('header.site nav'),
				inChart: el.closest('figure[data-chart]')?.getAttribute('data-chart') ?? null,
				inSwitch: !!el.closest('.switch'),
				outline: `${style.outlineStyle} ${style.outlineWidth}`,
				markStroke: markStyle ? `${markStyle.stroke} ${markStyle.strokeWidth}` : null
			};
		});

	test('from the top of a topic page, Tab reaches the skip link, the search, the navigation, a chart’s marks and its switch', async ({
		page
	}) => {
		await page.goto('/topics/land');
		await settle(page);
		await page.locator('html').evaluate(() => (document.activeElement as HTMLElement)?.blur());

		await page.keyboard.press('Tab');
		const first = await focused(page);
		expect(first?.className).toContain('skip');
		expect(first?.href).toBe('#main');
		await expect(page.locator('a.skip')).toBeInViewport();

		const seen: NonNullable<Awaited<ReturnType<typeof focused>>>[] = [];
		for (let i = 0; i < 80; i++) {
			await page.keyboard.press('Tab');
			const f = await focused(page);
			if (!f) break;
			seen.push(f);
			if (f.inChart && f.className.includes('mark-link') && seen.some((s) => s.inSwitch)) break;
		}
		const search = seen.findIndex((f) => f.role === 'combobox');
		const nav = seen.findIndex((f) => f.inNav && f.tag === 'a');
		const toggle = seen.findIndex((f) => f.inSwitch);
		const mark = seen.findIndex((f) => f.className.includes('mark-link'));
		expect(search, 'the search is reached').toBeGreaterThanOrEqual(0);
		expect(nav, 'the navigation comes after the search').toBeGreaterThan(search);
		expect(toggle, 'a chart/table switch is reached').toBeGreaterThan(nav);
		expect(mark, 'a chart mark is reached').toBeGreaterThan(nav);
		for (const f of seen) {
			const visible = !f.outline.startsWith('none') && !f.outline.endsWith(' 0px');
			const markVisible = f.markStroke !== null && !f.markStroke.startsWith('none');
			expect(visible || markVisible, `focus indicator on ${JSON.stringify(f)}`).toBe(true);
		}
		const markFocus = seen[mark]!;
		expect(markFocus.outline).toMatch(/^solid [1-9]/);
		expect(markFocus.markStroke).toMatch(/^rgb.* [2-9]/);

		// the focused mark's tooltip can be dismissed without moving focus (WCAG 1.4.13)
		const tooltip = page.locator(`figure[data-chart="${markFocus.inChart}"] [role="tooltip"]`);
		await expect(tooltip).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(tooltip).toHaveCount(0);
		expect((await focused(page))?.className).toContain('mark-link');

		// the switch works from the keyboard: Space on "table" shows the table
		const chart = page.locator(`figure[data-chart="${seen[toggle]!.inChart}"]`);
		await chart.locator('.switch button').nth(1).focus();
		await page.keyboard.press('Space');
		await expect(chart.locator('table')).toBeVisible();
		await expect(chart.locator('.switch button').nth(1)).toHaveAttribute('aria-pressed', 'true');
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('Enter');
		await expect(chart.locator('svg')).toBeVisible();
	});

	test('the skip link moves focus to the main content', async ({ page }) => {
		await page.goto('/en/topics/land');
		await settle(page);
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#main$/);
		await page.keyboard.press('Tab');
		const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
		expect(inMain).toBe(true);
	});
});

/**
 * The focused element's indicator: an outline, a box shadow or (for a chart mark) a stroke,
 * and how many sides of the outline's ring an ancestor that clips its overflow cuts off.
 */
function focusIndicator(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return null;
		const style = getComputedStyle(el);
		const width = parseFloat(style.outlineWidth) || 0;
		const outline = style.outlineStyle !== 'none' && width > 0;
		const shadow = style.boxShadow !== 'none';
		const mark = el.querySelector('.mark');
		const stroke = mark ? getComputedStyle(mark).stroke : 'none';
		const grow = outline ? width + (parseFloat(style.outlineOffset) || 0) : 0;
		const box = el.getBoundingClientRect();
		const ring = {
			left: box.left - grow,
			right: box.right + grow,
			top: box.top - grow,
			bottom: box.bottom + grow
		};
		let clipped = 0;
		for (let p = el.parentElement; p; p = p.parentElement) {
			const o = getComputedStyle(p);
			if (o.overflowX === 'visible' && o.overflowY === 'visible') continue;
			const r = p.getBoundingClientRect();
			const sides = [
				ring.left < r.left - 0.5,
				ring.right > r.right + 0.5,
				ring.top < r.top - 0.5,
				ring.bottom > r.bottom + 0.5
			];
			clipped = Math.max(clipped, sides.filter(Boolean).length);
		}
		return {
			element: `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} “${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}”`,
			visible: outline || shadow || (stroke !== 'none' && !!mark),
			clipped,
			key: el.outerHTML.slice(0, 200)
		};
	});
}

test.describe('focus is visible', () => {
	for (const path of ['/', '/en/topics/land', '/compare', '/en/indicators/land-area', '/data']) {
		test(`every control of ${path} shows an unclipped focus indicator`, async ({ page }) => {
			await page.goto(path);
			await settle(page);
			const seen = new Set<string>();
			const problems: string[] = [];
			for (let i = 0; i < 400; i++) {
				await page.keyboard.press('Tab');
				const f = await focusIndicator(page);
				if (!f || seen.has(f.key)) break;
				seen.add(f.key);
				if (!f.visible) problems.push(`no indicator: ${f.element}`);
				else if (f.clipped > 1)
					problems.push(`indicator clipped on ${f.clipped} sides: ${f.element}`);
			}
			expect(seen.size).toBeGreaterThan(5);
			expect(problems, problems.join('\n')).toEqual([]);
		});
	}
});

test.describe('fields are visible', () => {
	for (const colorScheme of SCHEMES) {
		test(`the edge of every field has 3:1 contrast in ${colorScheme}`, async ({ page }) => {
			await page.emulateMedia({ colorScheme });
			const problems: string[] = [];
			for (const path of ['/', '/compare', '/en/indicators/land-area', '/data/sql']) {
				await page.goto(path);
				await settle(page);
				problems.push(
					...(await page.evaluate(() => {
						const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
						const lum = (c: string) => {
							const [r = 0, g = 0, b = 0] = rgb(c).map((v) => v / 255);
							const f = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
							return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
						};
						const ratio = (a: string, b: string) => {
							const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
							return (x + 0.05) / (y + 0.05);
						};
						const background = (el: Element | null) => {
							for (; el; el = el.parentElement) {
								const c = getComputedStyle(el).backgroundColor;
								if ((rgb(c)[3] ?? 1) > 0) return c;
							}
							return 'rgb(255, 255, 255)';
						};
						const fields = document.querySelectorAll<HTMLElement>(
							'input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"]), select, textarea'
						);
						const out: string[] = [];
						for (const field of fields) {
							if (!field.checkVisibility()) continue;
							let edge: HTMLElement | null = field;
							while (edge && parseFloat(getComputedStyle(edge).borderTopWidth) === 0)
								edge = edge.parentElement;
							if (!edge) continue;
							const border = getComputedStyle(edge).borderTopColor;
							const outside = ratio(border, background(edge.parentElement));
							if (outside < 3)
								out.push(
									`${location.pathname} ${field.tagName.toLowerCase()}[${field.getAttribute('aria-label') ?? field.getAttribute('placeholder') ?? ''}] border ${border}: ${outside.toFixed(2)}:1`
								);
						}
						return out;
					}))
				);
			}
			expect(problems, problems.join('\n')).toEqual([]);
		});
	}
});

test.describe('at 200% zoom', () => {
	test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
	for (const lang of LANGS) {
		for (const path of PATHS) {
			const address = url(lang, path);
			test(`${address} does not overflow horizontally and its navigation stays usable`, async ({
				page
			}) => {
				await page.goto(address);
				await settle(page);
				const overflow = await page.evaluate(() => {
					const width = document.documentElement.clientWidth;
					const wide = [...document.querySelectorAll<HTMLElement>('body *')]
						.filter((el) => {
							const box = el.getBoundingClientRect();
							if (box.width === 0 || box.right <= width + 1) return false;
							// inside a scroll container, overflowing is that container's business
							for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
								const o = getComputedStyle(p).overflowX;
								if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return false;
							}
							return getComputedStyle(el).position !== 'fixed';
						})
						.slice(0, 5)
						.map(
							(el) =>
								`${el.tagName.toLowerCase()}.${el.className} ${el.getBoundingClientRect().right}`
						);
					return { scroll: document.documentElement.scrollWidth, width, wide };
				});
				expect(overflow.scroll, JSON.stringify(overflow)).toBeLessThanOrEqual(overflow.width);
				const links = page.locator('header.site nav a');
				expect(await links.count()).toBeGreaterThan(5);
				for (const link of await links.all()) {
					await link.scrollIntoViewIfNeeded();
					await expect(link).toBeInViewport();
				}
				const topics = page.locator('header.site nav a:not(.lang)[href$="/topics"]');
				await topics.focus();
				await page.keyboard.press('Enter');
				await expect(page).toHaveURL(/\/topics$/);
			});
		}
	}
});

test.describe('charts', () => {
	for (const lang of LANGS) {
		for (const path of CHART_PATHS) {
			const address = url(lang, path);
			test(`every chart on ${address} has a text alternative and a table`, async ({ page }) => {
				await page.goto(address);
				await settle(page);
				const figures = page.locator('figure[data-chart]');
				expect(await figures.count()).toBeGreaterThan(0);
				for (const figure of await figures.all()) {
					const chart = await figure.getAttribute('data-chart');
					const describedby = await figure.getAttribute('aria-describedby');
					expect(describedby, `${chart} is described`).toBeTruthy();
					const summary = page.locator(`[id="${describedby}"]`);
					await expect(summary, `${chart} summary`).toHaveCount(1);
					expect((await summary.textContent())?.trim().length, `${chart} summary`).toBeGreaterThan(
						10
					);
					await expect(figure).toHaveAccessibleName(/\S/);
					const marks = figure.locator('svg [data-figure]');
					const switcher = figure.locator('.switch button[aria-pressed]');
					if ((await switcher.count()) > 0) {
						await switcher.nth(1).click();
						const rows = figure.locator('table tbody tr');
						await expect(rows.first()).toBeVisible();
						await switcher.nth(0).click();
						await expect(figure.locator('svg')).toBeVisible();
					} else {
						await expect(figure.locator('details.table-view table')).toHaveCount(1);
						expect(await figure.locator('details.table-view tbody tr').count()).toBeGreaterThan(0);
					}
					expect(await marks.count(), `${chart} has marks`).toBeGreaterThan(0);
				}
			});
		}
	}

	test('derived and target marks differ by pattern or outline, not only colour', async ({
		page
	}) => {
		for (const path of [
			'/topics/land',
			'/topics/industry',
			'/topics/forest',
			'/en/topics/city-operations'
		]) {
			await page.goto(path);
			await settle(page);
			const marks = await page
				.locator('figure[data-chart] svg .mark[data-status]')
				.evaluateAll((els) =>
					els.map((el) => ({
						figure: el.getAttribute('data-figure'),
						status: el.getAttribute('data-status'),
						tag: el.tagName.toLowerCase(),
						fill: el.getAttribute('fill') ?? '',
						stroke: el.getAttribute('stroke') ?? '',
						dash: el.getAttribute('stroke-dasharray') ?? '',
						track: el.classList.contains('track')
					}))
				);
			const derived = marks.filter((m) => m.status === 'derived');
			const target = marks.filter((m) => m.status === 'target');
			const stated = marks.filter((m) => m.status === 'stated' && !m.track);
			expect(derived.length + target.length, path).toBeGreaterThan(0);
			for (const m of derived) {
				const patterned = /^url\(#.*hatch.*\)$/.test(m.fill);
				const hollow = m.tag === 'circle' && m.fill.includes('--chart-bg');
				expect(patterned || hollow, `derived ${JSON.stringify(m)}`).toBe(true);
			}
			for (const m of target) {
				expect(m.dash, `target ${JSON.stringify(m)}`).toMatch(/\d/);
				expect(m.stroke, `target ${JSON.stringify(m)}`).not.toBe('none');
			}
			for (const m of stated) {
				expect(m.fill, `stated ${JSON.stringify(m)}`).not.toMatch(/hatch/);
				expect(m.dash, `stated ${JSON.stringify(m)}`).toBe('');
			}
		}
	});
});
