/**
 * Bad input, in a real browser: addresses no page expects, data that carries markup, an engine
 * whose program or data file is missing or damaged, and console queries that are huge or slow.
 * Each expects a clear message, with nothing lost (the prerendered figures stay) and nothing
 * broken (no script runs, no page error, no request leaves the site).
 */
import { expect, type Page, type Route } from '@playwright/test';
import { test } from './guarded.js';
import { openConsole, runQuery } from './console.js';

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '"><img src=x onerror=window.__pwned=1>';
const BOLD = '<b>x</b>';
/** What the browser makes of `%E0%A4%A`: an incomplete UTF-8 sequence, then a lone `%A`. */
const BROKEN = '\uFFFD%A';

type Lang = 'zh' | 'en';

interface RouteKind {
	path: string;
	/** A parameter the page reads, and a value it accepts; pages without one get a name they do not know. */
	param?: { name: string; valid: string };
	/** A stored briefing pack, for the page that falls back to it. */
	storedPack?: boolean;
	/** The page's default content, with a value from the bulletin. */
	shows: (page: Page, lang: Lang) => Promise<void>;
}

const mark = (page: Page, chart: string, figure: string) =>
	page.locator(`figure[data-chart="${chart}"] svg [data-figure="${figure}"]`).first();

const ROUTES: RouteKind[] = [
	{
		path: '/',
		param: { name: 'land', valid: 'change' },
		shows: async (page) => {
			await expect(
				mark(page, 'industry-output', 'industry-new-materials-output-2023')
			).toHaveAttribute('data-value', '172500000000');
			await expect(mark(page, 'land-use', 'land-cultivated-2023')).toHaveAttribute(
				'data-value',
				'1700'
			);
		}
	},
	{
		path: '/topics/land',
		param: { name: 'table', valid: 'land-use' },
		shows: async (page, lang) => {
			await expect(mark(page, 'land-use', 'land-cultivated-2023')).toHaveAttribute(
				'data-value',
				'1700'
			);
			await expect(page.locator('figure[data-chart="land-use"]')).toContainText(
				lang === 'zh' ? '1700公顷' : '1,700 ha'
			);
		}
	},
	{
		path: '/indicators/land-area',
		param: { name: 'sector', valid: 'land-class-cultivated' },
		shows: async (page) => {
			await expect(
				page.locator('figure[data-chart] svg [data-figure="land-cultivated-2023"]').first()
			).toHaveAttribute('data-value', '1700');
		}
	},
	{
		path: '/compare',
		param: { name: 'i', valid: 'industry-output-above-scale' },
		shows: async (page) => {
			await expect(
				mark(page, 'compare-level-5143', 'industry-new-materials-output-2023')
			).toHaveAttribute('data-value', '172500000000');
		}
	},
	{
		path: '/sessions/21',
		shows: async (page) => {
			await expect(page.locator('ol.agenda > li')).toHaveCount(7);
			await expect(page.locator('ol.agenda > li').first()).toContainText(
				'关于特色产业推进情况的报告'
			);
		}
	},
	{
		path: '/reports/s21-natural-resources-report',
		param: { name: 'table', valid: 'report-land-area-level-annual-land-top' },
		shows: async (page) => {
			await expect(
				page.locator('figure[data-chart] svg [data-figure="land-construction-2023"]').first()
			).toHaveAttribute('data-value', '24196');
		}
	},
	{
		path: '/sources/s21-natural-resources-report',
		shows: async (page) => {
			await expect(page.locator('mark[data-figures~="forest-coverage-2022"]')).toContainText(
				'16.57%'
			);
		}
	},
	{
		path: '/data',
		shows: async (page) => {
			await expect(page.locator('a[href$="/data/figures.parquet"]').first()).toBeVisible();
			await expect(page.locator('#dictionary')).toContainText('base_value');
		}
	},
	{
		path: '/data/quality',
		shows: async (page) => {
			await expect(page.locator('[data-discrepancy]')).toHaveCount(2);
			await expect(page.locator('[data-discrepancy^="ent-high-tech"]')).toContainText('1869家');
		}
	},
	{
		// the query itself (q) is free text; its own bad input is tested with the console below
		path: '/data/sql',
		param: { name: 'view', valid: 'chart' },
		shows: async (page) => {
			await expect(page.locator('.status')).toHaveAttribute('data-runs', '1', { timeout: 30_000 });
			await page.getByRole('button', { name: /^(表格|Table)$/ }).click();
			const first = page.locator('.viewport tbody tr[data-row="0"] td');
			await expect(first.nth(1)).toHaveText('土地资源');
			await expect(first.nth(3)).toHaveText('109');
		}
	},
	{
		path: '/embed/topic/land/land-use',
		param: { name: 'theme', valid: 'dark' },
		shows: async (page) => {
			await expect(mark(page, 'land-use', 'land-cultivated-2023')).toHaveAttribute(
				'data-value',
				'1700'
			);
			await expect(page.locator('header.site, nav')).toHaveCount(0);
		}
	},
	{
		path: '/briefing',
		param: { name: 'pack', valid: JSON.stringify({ items: [{ key: 'topic/land/land-use' }] }) },
		storedPack: true,
		shows: async (page) => {
			await expect(page.locator('.sheet figure.chart')).toHaveCount(1);
			await expect(
				page.locator('.sheet figure.chart svg [data-figure="land-cultivated-2023"]').first()
			).toHaveAttribute('data-value', '1700');
		}
	}
];

const EN_PATHS = [
	'/',
	'/topics/land',
	'/sources/s21-natural-resources-report',
	'/data/sql',
	'/embed/topic/land/land-use',
	'/briefing'
];

// trailingSlash is 'never': the English home is /en, not /en/
const address = (lang: Lang, path: string) =>
	lang === 'zh' ? path : path === '/' ? '/en' : `/en${path}`;

interface Case {
	label: string;
	query: string;
	/** What the notice lists for it, exactly: `name=value`, the value cut at 60 characters. */
	listed: string;
}

function casesFor(route: RouteKind): Case[] {
	const name = route.param?.name ?? 'sector';
	const valid = encodeURIComponent(route.param?.valid ?? 'a');
	const raw = route.param?.valid ?? 'a';
	const enc = encodeURIComponent;
	return [
		{ label: 'broken percent-encoding', query: `${name}=%E0%A4%A`, listed: `${name}=${BROKEN}` },
		{ label: 'an empty value', query: `${name}=`, listed: `${name}=` },
		{ label: 'an unknown name', query: 'bogus=1', listed: 'bogus=1' },
		{
			label: 'a repeated name',
			query: `${name}=${valid}&${name}=${valid}`,
			listed: `${name}=${raw.slice(0, 60)}`
		},
		{
			label: 'a 100 KB value',
			query: `${name}=${'x'.repeat(100_000)}`,
			listed: `${name}=${'x'.repeat(60)}`
		},
		{ label: 'a script', query: `${name}=${enc(SCRIPT)}`, listed: `${name}=${SCRIPT}` },
		{ label: 'an attribute breakout', query: `${name}=${enc(IMG)}`, listed: `${name}=${IMG}` },
		{ label: 'markup as the name', query: `${enc(IMG)}=${enc(BOLD)}`, listed: `${IMG}=${BOLD}` }
	];
}

const STORED_PACK = JSON.stringify({
	title: '',
	session: '',
	date: '',
	agenda: '',
	items: [{ key: 'topic/land/land-use', note: '' }]
});

/** Nothing the address or the data carried became markup, ran, or fetched its `src=x`. */
async function expectNothingInjected(page: Page, requests: string[]) {
	expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
	await expect(page.locator('[onerror], img[src="x"]')).toHaveCount(0);
	expect(
		await page
			.locator('script')
			.evaluateAll((scripts) =>
				scripts.filter((s) => s.textContent?.includes('__pwned')).map((s) => s.outerHTML)
			)
	).toEqual([]);
	expect(
		await page
			.locator('b')
			.evaluateAll((bs) => bs.filter((b) => b.textContent === 'x').map((b) => b.outerHTML))
	).toEqual([]);
	expect(requests.filter((url) => new URL(url).pathname.endsWith('/x'))).toEqual([]);
}

const NOTICE = {
	zh: '以下网址参数无法识别，已改用默认视图',
	en: 'These URL parameters were not recognised; the default view is shown instead'
};

test.describe('URL parameters no page expects', () => {
	const runs = [
		...ROUTES.map((route) => ({ route, lang: 'zh' as Lang })),
		...ROUTES.filter((r) => EN_PATHS.includes(r.path)).map((route) => ({
			route,
			lang: 'en' as Lang
		}))
	];
	for (const { route, lang } of runs) {
		test(`${address(lang, route.path)}: a notice and the default view, nothing injected`, async ({
			page
		}) => {
			const requests: string[] = [];
			page.on('request', (r) => requests.push(r.url()));
			if (route.storedPack)
				await page.addInitScript(
					(pack) => localStorage.setItem('district-figures:briefing', pack),
					STORED_PACK
				);
			for (const c of casesFor(route)) {
				await test.step(c.label, async () => {
					const response = await page.goto(`${address(lang, route.path)}?${c.query}`);
					expect(response?.status(), c.label).toBe(200);
					const notice = page.getByRole('alert').filter({ hasText: NOTICE[lang] });
					await expect(notice, c.label).toBeVisible();
					await expect(notice.locator('code'), c.label).toHaveText([c.listed]);
					await route.shows(page, lang);
					await expectNothingInjected(page, requests);
				});
			}
		});
	}
});

test.describe('the console query in the address', () => {
	for (const [label, query, listed] of [
		['broken percent-encoding', 'q=%E0%A4%A', `q=${BROKEN}`],
		['an empty query', 'q=', 'q='],
		['a 100 KB query', `q=${'x'.repeat(100_000)}`, `q=${'x'.repeat(60)}`],
		['a repeated query', 'q=SELECT%201&q=SELECT%202', 'q=SELECT 1']
	] as const) {
		test(`${label} is reported and the default example runs instead`, async ({ page }) => {
			const response = await page.goto(`/data/sql?${query}`);
			expect(response?.status()).toBe(200);
			const notice = page.getByRole('alert').filter({ hasText: NOTICE.zh });
			await expect(notice).toBeVisible();
			await expect(notice.locator('code')).toHaveText([listed]);
			await expect(page.locator('.status')).toHaveAttribute('data-runs', '1', { timeout: 30_000 });
			await expect(page.locator('.cm-content')).toContainText('SELECT topic_zh, topic_en');
			await expect(page.locator('.viewport tbody tr[data-row="0"] td').nth(1)).toHaveText(
				'土地资源'
			);
		});
	}

	test('a query carrying markup is shown as text in the editor and fails as SQL', async ({
		page
	}) => {
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await page.goto(`/data/sql?q=${encodeURIComponent(SCRIPT + IMG)}`);
		await expect(page.locator('.status')).toHaveAttribute('data-runs', '1', { timeout: 30_000 });
		await expect(page.locator('.cm-content')).toHaveText(SCRIPT + IMG);
		await expect(page.getByRole('alert')).toContainText(/syntax error|Parser Error/i);
		await expectNothingInjected(page, requests);
	});
});

test.describe('data that carries markup', () => {
	const QUERY = `SELECT '${IMG.replace(/'/g, "''")}' AS sector_zh, 1 AS v UNION ALL SELECT '${BOLD}', 2 UNION ALL SELECT '${SCRIPT}', 3 ORDER BY v`;

	test('the console shows markup in a result as text, in the table and in the chart', async ({
		page
	}) => {
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await openConsole(page);
		await runQuery(page, QUERY);
		const cells = page.locator('.viewport tbody tr[data-row] td:nth-child(2)');
		await expect(cells).toHaveText([IMG, BOLD, SCRIPT]);
		await page.getByRole('button', { name: '图表', exact: true }).click();
		const chart = page.locator('figure[data-chart="console-result"]');
		await expect(chart.locator('svg [data-value="2"]')).toBeVisible();
		for (const text of [IMG, BOLD, SCRIPT]) await expect(chart).toContainText(text);
		await expect(chart.locator('b, img, script')).toHaveCount(0);
		await expectNothingInjected(page, requests);
	});

	/**
	 * Page data arriving with markup in a quote, a document's text and an indicator's name, as a
	 * reader's click fetches it; the pages must draw it as text.
	 */
	async function tamper(page: Page, path: RegExp, from: string, to: string) {
		const served = { times: 0 };
		await page.route(path, async (route: Route) => {
			const response = await route.fetch();
			const body = await response.text();
			if (body.includes(from)) served.times += 1;
			await route.fulfill({ response, body: body.split(from).join(to) });
		});
		return served;
	}

	test('the source reader shows markup in a document’s text and quotes as text', async ({
		page
	}) => {
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		const served = await tamper(
			page,
			/\/sources\/s21-natural-resources-report\/__data\.json/,
			'全区森林覆盖率由上年度的',
			`<img src=x onerror=window.__pwned=1>${BOLD}全区森林覆盖率由上年度的`
		);
		await page.goto('/topics/forest');
		// hydrated, so the click is the router's, which fetches the page's data
		await expect(page.locator('html')).toHaveAttribute('data-engine', /loading|ready/);
		// the source line under the chart (a mark's own link is tested with the marks)
		await page
			.locator('.sources a[href$="sources/s21-natural-resources-report#forest-coverage-2022"]')
			.first()
			.click();
		await expect(page).toHaveURL(/\/sources\/s21-natural-resources-report#forest-coverage-2022$/);
		expect(served.times).toBe(1);
		await expect(page.locator('main')).toContainText(
			`<img src=x onerror=window.__pwned=1>${BOLD}全区森林覆盖率由上年度的`
		);
		await expect(page.locator('mark[data-figures~="forest-coverage-2022"]')).toContainText(
			'16.57%'
		);
		await expectNothingInjected(page, requests);
	});

	test('an indicator page shows markup in the indicator’s name as text', async ({ page }) => {
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		const name = `<img src=x onerror=window.__pwned=1>${SCRIPT}森林覆盖率`;
		const served = await tamper(
			page,
			/\/indicators\/forest-coverage\/__data\.json/,
			'"森林覆盖率"',
			JSON.stringify(name)
		);
		await page.goto('/topics/forest');
		// hydrated, so the click is the router's, which fetches the page's data
		await expect(page.locator('html')).toHaveAttribute('data-engine', /loading|ready/);
		await page.locator('a[href$="indicators/forest-coverage"]').first().click();
		await expect(page).toHaveURL(/\/indicators\/forest-coverage$/);
		expect(served.times).toBe(1);
		await expect(page.locator('h1')).toHaveText(name);
		await expect(
			page.locator('figure[data-chart] svg [data-figure="forest-coverage-2023"]').first()
		).toHaveAttribute('data-value', '17.03');
		await expectNothingInjected(page, requests);
	});
});

const WASM = /\.wasm(\?|$)/;
const WORKER = /duckdb-browser-[a-z]+\.worker[^/]*\.js(\?|$)/;
const ARROW = /\/data\/figures\.arrow(\?|$)/;

const FAILURES: {
	label: string;
	part: 'program' | 'data';
	fail: (page: Page) => Promise<unknown>;
}[] = [
	{
		label: 'the .wasm cannot be fetched',
		part: 'program',
		fail: (p) => p.route(WASM, (r) => r.abort())
	},
	{
		label: 'the .wasm is not WebAssembly',
		part: 'program',
		fail: (p) =>
			p.route(WASM, (r) =>
				r.fulfill({
					contentType: 'application/wasm',
					body: Buffer.from('not a wasm module at all')
				})
			)
	},
	{
		label: 'the worker script is missing',
		part: 'program',
		fail: (p) => p.route(WORKER, (r) => r.fulfill({ status: 404, body: 'Not found' }))
	},
	{
		label: 'figures.arrow is missing',
		part: 'data',
		fail: (p) => p.route(ARROW, (r) => r.fulfill({ status: 404, body: 'Not found' }))
	},
	{
		label: 'figures.arrow is not Arrow',
		part: 'data',
		fail: (p) =>
			p.route(ARROW, (r) =>
				r.fulfill({
					contentType: 'application/vnd.apache.arrow.stream',
					body: Buffer.from('PAR1 this is not an Arrow stream'.repeat(64))
				})
			)
	}
];

const ENGINE_TEXT = {
	zh: {
		unavailable: '交互功能暂不可用。',
		program: '浏览器未能加载数据引擎（DuckDB 的 WebAssembly 程序缺失或损坏）。',
		data: '数据引擎未能读取数据文件 figures.arrow（文件缺失或损坏）。',
		stillWorks: '本页的图表和数字是预先生成的，完整可读',
		console: '交互数据引擎不可用，无法运行查询',
		change: '变化视图需要交互数据引擎，目前不可用'
	},
	en: {
		unavailable: 'Interactive features are unavailable.',
		program: 'The browser could not load the data engine',
		data: 'The data engine could not read the data file figures.arrow',
		stillWorks: 'The charts and figures on this page were prepared in advance and are complete',
		console: 'The interactive engine is unavailable, so queries cannot run',
		change: 'The change view needs the interactive engine, which is unavailable'
	}
};

test.describe('a missing or damaged engine or data file', () => {
	for (const failure of FAILURES) {
		for (const lang of ['zh', 'en'] as const) {
			test(`${failure.label} (${lang}): the charts stay, a notice says what is unavailable, the console says so`, async ({
				page
			}) => {
				await failure.fail(page);
				const say = ENGINE_TEXT[lang];
				await page.goto(`${address(lang, '/')}?land=change`);
				await expect(page.locator('html')).toHaveAttribute('data-engine', 'failed', {
					timeout: 30_000
				});
				const notice = page.locator(`[data-engine-notice="${failure.part}"]`);
				await expect(notice).toBeVisible();
				await expect(notice).toContainText(say.unavailable);
				await expect(notice).toContainText(say[failure.part]);
				await expect(notice).toContainText(say.stillWorks);
				await expect(
					mark(page, 'industry-output', 'industry-new-materials-output-2023')
				).toHaveAttribute('data-value', '172500000000');
				await expect(
					mark(page, 'industry-output', 'industry-new-materials-output-2023')
				).toBeVisible();
				await expect(mark(page, 'land-use', 'land-cultivated-2023')).toHaveAttribute(
					'data-value',
					'1700'
				);
				await expect(page.locator('main')).toContainText(say.change);

				await page.goto(address(lang, '/data/sql'));
				await expect(page.locator('html')).toHaveAttribute('data-engine', 'failed', {
					timeout: 30_000
				});
				await expect(page.locator(`[data-engine-notice="${failure.part}"]`)).toContainText(
					say[failure.part]
				);
				await expect(page.locator('.status')).toContainText(say.console);
				await expect(
					page.getByRole('button', { name: lang === 'zh' ? '运行' : 'Run', exact: true })
				).toBeDisabled();
				await expect(page.locator('.cm-content')).toContainText('SELECT topic_zh, topic_en');
			});
		}
	}
});

test.describe('a state the build did not draw, when the engine failed', () => {
	test('a filtered indicator is narrowed from the page’s own figures; a chosen comparison and a stateful embed say the chart is not their answer', async ({
		page
	}) => {
		await page.route(WASM, (r) => r.abort());
		await page.goto('/indicators/industry-output-above-scale?sector=industry-key-robotics');
		await expect(page.locator('html')).toHaveAttribute('data-engine', 'failed', {
			timeout: 30_000
		});
		// the page's figures hold every sector: the robots' alone, not dimmed, no notice
		const annual = page.locator(
			'figure[data-chart="industry-output-above-scale-level-annual-industry-key"]'
		);
		await expect(annual.locator('svg [data-figure]')).toHaveCount(1);
		await expect(
			annual.locator('svg [data-figure="industry-robotics-output-2023"]')
			// 683 亿元, in the base unit the marks carry
		).toHaveAttribute('data-value', '68300000000');
		await expect(
			page.locator('figure[data-chart] svg [data-figure="industry-robotics-output-2024q1"]')
		).toHaveCount(1);
		await expect(page.locator('figure[data-chart] [aria-busy="true"]')).toHaveCount(0);
		await expect(page.locator('[data-answer]')).toHaveCount(0);

		await page.goto('/compare?i=forest-coverage');
		await expect(page.locator('html')).toHaveAttribute('data-engine', 'failed', {
			timeout: 30_000
		});
		await expect(page.locator('[data-answer="unavailable"]')).toContainText(
			'此组合需要交互数据引擎，目前不可用'
		);

		await page.goto(
			'/en/embed/indicator/industry-output-above-scale/industry-output-above-scale-level-annual-industry-key?sector=industry-key-robotics'
		);
		await expect(page.locator('.state-note.failed')).toContainText(
			'The selection in the link could not be drawn'
		);
	});
});

const CROSS_JOIN =
	'SELECT count(*) FROM range(100000000) a, range(100000) b WHERE a.range + b.range = 7';

/** Start a cross join of 10^13 rows in the console; it does not finish within any test. */
async function startCrossJoin(page: Page) {
	await openConsole(page);
	const editor = page.locator('.cm-content');
	await editor.click();
	await page.keyboard.press('Control+A');
	await editor.fill(CROSS_JOIN);
	await page.keyboard.press('Control+Enter');
	await expect(page.locator('.status')).toContainText('正在运行');
}

test.describe('console inputs that are huge or slow', () => {
	test('a query over 20,000 characters is refused with a message and stays in the editor', async ({
		page
	}) => {
		await openConsole(page);
		const before = page.url();
		const padding = Array.from({ length: 500 }, (_, i) => `-- padding line ${i} ${'.'.repeat(40)}`);
		const sql = ['SELECT 1 AS first_line', ...padding, '-- the very last line'].join('\n');
		expect(sql.length).toBeGreaterThan(20_000);
		await runQuery(page, sql);
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('查询过长，未运行');
		await expect(alert).toContainText('20,000');
		await expect(page.locator('.viewport')).toHaveCount(0);
		expect(page.url()).toBe(before);
		await page.locator('.cm-content').click();
		await page.keyboard.press('Control+End');
		await expect(page.locator('.cm-content')).toContainText('-- the very last line');
		await page.keyboard.press('Control+Home');
		await expect(page.locator('.cm-content')).toContainText('SELECT 1 AS first_line');
		// a query of exactly the limit runs
		await runQuery(page, 'SELECT 7 AS v -- ' + 'y'.repeat(20_000 - 'SELECT 7 AS v -- '.length));
		await expect(page.locator('.viewport tbody tr[data-row="0"] td').nth(1)).toHaveText('7');
	});

	test('while a large cross join runs the page answers typing and clicks, and it can be cancelled', async ({
		page
	}) => {
		await startCrossJoin(page);
		const status = page.locator('.status');
		// the main thread is free: frames are painted and the elapsed time keeps counting
		const frameGap = await page.evaluate(
			() =>
				new Promise<number>((resolve) => {
					const started = performance.now();
					requestAnimationFrame(() =>
						requestAnimationFrame(() => resolve(performance.now() - started))
					);
				})
		);
		expect(frameGap).toBeLessThan(500);
		const elapsed = async () =>
			Number(((await status.textContent()) ?? '').match(/([\d.]+)\s*s/)?.[1]);
		const first = await elapsed();
		await expect.poll(elapsed).toBeGreaterThan(first);
		// typing into the search box finds an indicator while the query runs
		const box = page.getByRole('combobox', { name: '搜索' });
		await box.click();
		await box.pressSequentially('xcl');
		await expect(page.getByRole('option').first()).toContainText('新材料');
		await page.keyboard.press('Escape');
		// the tables list opens on a click
		await page.locator('details.tables summary').click();
		await expect(page.locator('details.tables')).toHaveAttribute('open', '');
		await expect(page.locator('details.tables')).toContainText('base_value');
		await expect(status).toContainText('正在运行');
		await page.getByRole('button', { name: '取消' }).click();
		await expect(status).toContainText('已取消', { timeout: 20_000 });
		await runQuery(page, 'SELECT 42 AS answer');
		await expect(page.locator('.viewport tbody tr[data-row="0"] td').nth(1)).toHaveText('42');
	});

	test('leaving the console while a large cross join runs frees the engine for the next page', async ({
		page
	}) => {
		await startCrossJoin(page);
		const nav = page.locator('header.site nav');
		await nav.getByRole('link', { name: '概览', exact: true }).click();
		await expect(page).toHaveURL(/\/$/);
		await expect(mark(page, 'land-use', 'land-cultivated-2023')).toHaveAttribute(
			'data-value',
			'1700'
		);
		// the change view is answered by the engine, so it comes only if the join was stopped
		await page.getByRole('button', { name: '变化', exact: true }).click();
		await expect(mark(page, 'land-change', 'land-cultivated-change-2023')).toHaveAttribute(
			'data-value',
			'-38',
			{ timeout: 20_000 }
		);
	});
});
