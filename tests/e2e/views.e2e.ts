import { expect, test, type Page } from '@playwright/test';

/** Values a chart's marks carry, by figure id. */
async function markValues(page: Page, chart: string): Promise<Map<string, number>> {
	const pairs = await page
		.locator(`figure[data-chart="${chart}"] svg [data-figure]`)
		.evaluateAll((marks) =>
			marks.map(
				(m) => [m.getAttribute('data-figure')!, Number(m.getAttribute('data-value'))] as const
			)
		);
	return new Map(pairs);
}

test.describe('topic pages', () => {
	test('the land-use classes sum to 36533 公顷 and the 2022 values are marked derived', async ({
		page
	}) => {
		await page.goto('/topics/land');
		const chart = page.locator('figure[data-chart="land-use"]');
		const stated = await chart
			.locator('svg [data-status="stated"]')
			.evaluateAll((m) => m.map((x) => Number(x.getAttribute('data-value'))));
		expect(stated).toHaveLength(12);
		expect(stated.reduce((a, b) => a + b, 0)).toBeCloseTo(36533, 6);
		const derived = chart.locator('svg [data-status="derived"]');
		await expect(derived).toHaveCount(12);
		await expect(chart.locator('svg [data-figure="land-cultivated-2022-derived"]')).toHaveAttribute(
			'data-value',
			'1738'
		);
		await expect(chart.locator('.legend')).toContainText('推算值');
		const share = await markValues(page, 'land-use-share');
		expect([...share.values()].filter((v) => v !== 36533).reduce((a, b) => a + b, 0)).toBeCloseTo(
			36533,
			6
		);
	});

	test('the industry charts show new materials at 1725 亿元 in 2023 and its 2026 target of 1500 亿元 distinctly', async ({
		page
	}) => {
		await page.goto('/topics/industry');
		const output = page.locator(
			'figure[data-chart="industry-output"] svg [data-figure="industry-new-materials-output-2023"]'
		);
		await expect(output).toHaveAttribute('data-value', '172500000000');
		await expect(output).toHaveAttribute('data-status', 'stated');
		const targets = page.locator('figure[data-chart="industry-targets"]');
		const target = targets.locator('svg [data-figure="industry-new-materials-scale-target-2026"]');
		await expect(target).toHaveAttribute('data-value', '150000000000');
		await expect(target).toHaveAttribute('data-status', 'target');
		await expect(targets).toContainText('1725亿元');
		await expect(targets).toContainText('1500亿元');
		// a quarter never stands beside a full year: Q1 2024 has its own chart
		await expect(
			page.locator(
				'figure[data-chart="industry-output"] svg [data-figure="industry-new-materials-output-2024q1"]'
			)
		).toHaveCount(0);
		const quarters = page.locator('figure[data-chart="industry-output-quarterly"]');
		await expect(
			quarters.locator('svg [data-figure="industry-new-materials-output-2024q1"]')
		).toHaveAttribute('data-value', '38900000000');
		await expect(quarters).toContainText('389亿元');
		await expect(quarters.locator('h3')).toContainText('季度');
	});

	for (const [lang, city, district] of [
		['', '上海市', '宝山区'],
		['/en', 'Shanghai', 'Baoshan']
	] as const) {
		test(`the city's 43% share of strategic emerging industries is drawn as the city's, beside the district's 30% (${lang || '/zh'})`, async ({
			page
		}) => {
			await page.goto(`${lang}/indicators/industry-output-above-scale`);
			const chart = page.locator(
				'figure[data-chart="industry-output-above-scale-share-annual-industry-category"]'
			);
			await expect(chart).toHaveAttribute('data-encodes', /area/);
			await expect(chart.locator('.legend')).toContainText(city);
			await expect(chart.locator('.legend')).toContainText(district);
			const cityMark = chart.locator('svg [data-figure="industry-sie-share-shanghai-2023"]');
			const districtMark = chart.locator('svg [data-figure="industry-sie-share-2023"]');
			await expect(cityMark).toHaveAttribute('data-value', '43');
			await expect(districtMark).toHaveAttribute('data-value', '30');
			// two marks, two places, two colours
			expect(await cityMark.getAttribute('y')).not.toBe(await districtMark.getAttribute('y'));
			expect(await cityMark.getAttribute('fill')).not.toBe(await districtMark.getAttribute('fill'));
		});
	}

	test('the comparison sets 2023 and Q1 2024 in separate panels, each with its own axis', async ({
		page
	}) => {
		await page.goto('/compare');
		const year = page.locator('figure[data-chart="compare-level-5143"]');
		const quarter = page.locator('figure[data-chart="compare-level-5143-quarter"]');
		await expect(
			year.locator('svg [data-figure="industry-new-materials-output-2023"]')
		).toHaveAttribute('data-value', '172500000000');
		await expect(
			year.locator('svg [data-figure="industry-new-materials-output-2024q1"]')
		).toHaveCount(0);
		await expect(
			quarter.locator('svg [data-figure="industry-new-materials-output-2024q1"]')
		).toHaveAttribute('data-value', '38900000000');
		await expect(quarter.locator('h3')).toContainText('季度值');
	});

	test('every topic has charts and every indicator of it is listed', async ({ page }) => {
		for (const topic of ['water', 'state-assets', 'city-operations', 'congress']) {
			await page.goto(`/topics/${topic}`);
			expect(await page.locator('figure[data-chart] svg').count(), topic).toBeGreaterThan(0);
			expect(await page.locator('[data-indicator]').count(), topic).toBeGreaterThan(0);
		}
	});

	test('a change beside a level is named as a change, in the list and in the source text', async ({
		page
	}) => {
		// water resources 2023: 1.98亿立方米, 0.39亿立方米 more than 2022
		await page.goto('/en/topics/water');
		const item = page.locator('[data-indicator="water-resources"] .values');
		await expect(item).toContainText('2023 198 million m³');
		await expect(item).toContainText('2023 change 39 million m³');
		await page.goto('/sources/s21-natural-resources-report');
		await expect(page.locator('a.chip[data-figure="water-resources-change-2023"]')).toHaveText(
			/^较上期变化3900万立方米 · /
		);
		await expect(page.locator('a.chip[data-figure="water-resources-2023"]')).toHaveText(
			/^19800万立方米 · /
		);
		// animation and e-sports revenue, Q1 2024: 7944万元, 15% more than a year before
		await page.goto('/en/reports/s21-industry-report');
		const all = page.locator('ul.all');
		await expect(
			all.locator('li[data-figure="industry-animation-revenue-change-2024q1"]')
		).toContainText('Q1 2024: growth rate 15%');
		await expect(all.locator('li[data-figure="industry-animation-revenue-2024q1"]')).toContainText(
			/Q1 2024: [\d.]+ million yuan/
		);
		// robotics is 683亿元 and 四分之一 of the district's output: 25% is a share of it, named so;
		// a share indicator's own value needs no name
		await page.goto('/reports/s21-industry-report');
		await expect(
			page.locator('ul.all li[data-figure="industry-robotics-output-share-2023"]')
		).toContainText('2023年：占比25%');
		await expect(
			page.locator('ul.all li[data-figure="industry-robot-park-featured-share-2023"]')
		).toContainText('2023年：80%');
		// the city's 43% beside the district's 30% names the city
		await expect(
			page.locator('ul.all li[data-figure="industry-sie-share-shanghai-2023"]')
		).toContainText('规上工业产值 · 战略性新兴产业 · 上海市 2023年：占比43%');
		await page.goto('/en/sources/s21-industry-report');
		await expect(page.locator('a.chip[data-figure="industry-sie-share-shanghai-2023"]')).toHaveText(
			/ · Shanghai$/
		);
	});

	test('a chart that draws one of two disagreeing values of a quantity says there is another', async ({
		page
	}) => {
		// the district's 2023 output: 2700亿元 from robotics' quarter, about 3500亿元 from new
		// materials' half; the chart draws the first
		for (const [path, text] of [
			['/indicators/industry-output-above-scale', '同一公报另有表述或推算给出不同数值'],
			['/en/indicators/industry-output-above-scale', 'another statement or derivation']
		] as const) {
			await page.goto(path);
			const mark = page.locator('svg [data-figure="industry-output-total-2023-from-robotics"]');
			await expect(mark).toHaveCount(1);
			const chart = page.locator('figure[data-chart]', { has: mark });
			const note = chart.locator('[data-disputed~="industry-output-total-2023-from-robotics"]');
			await expect(note).toContainText(text);
			await expect(mark.locator('title')).toContainText(
				path.startsWith('/en') ? 'or derivation' : '另有表述或推算'
			);
		}
	});
});

test.describe('reports and sources', () => {
	test('a report page shows both statements of a discrepancy with their quotes', async ({
		page
	}) => {
		await page.goto('/reports/s21-sme-research');
		const d = page.locator('[data-discrepancy^="ent-high-tech"]');
		await expect(d.locator('blockquote')).toHaveCount(2);
		await expect(d).toContainText('1850家');
		await expect(d).toContainText('1869家');
		await expect(d).toContainText('高新技术企业总数达1869家');
		await expect(d).toContainText('有效期内高新技术企业总数达1850家');
	});

	test('a chart’s source line leads to the highlighted sentence, and the highlight leads back to its indicator', async ({
		page
	}) => {
		await page.goto('/topics/forest');
		const link = page.locator('figure[data-chart="forest-coverage"] figcaption a').first();
		await link.click();
		await expect(page).toHaveURL(/\/sources\/s21-natural-resources-report#forest-coverage-2022$/);
		const anchor = page.locator('[id="forest-coverage-2022"]');
		await expect(anchor).toBeAttached();
		await expect(page.locator('mark[data-figures~="forest-coverage-2022"]')).toContainText(
			'16.57%'
		);
		await page.locator('a.chip[data-figure="forest-coverage-2022"]').click();
		await expect(page).toHaveURL(/\/indicators\/forest-coverage#statement-forest-coverage-2022$/);
		await expect(page.locator('h1')).toHaveText('森林覆盖率');
	});

	test('a meeting page lists its agenda with each item’s documents', async ({ page }) => {
		await page.goto('/sessions/21');
		await expect(page.locator('ol.agenda > li')).toHaveCount(7);
		await expect(page.locator('ol.agenda > li').first()).toContainText(
			'关于特色产业推进情况的报告'
		);
	});
});

test.describe('English', () => {
	test('the English site shows the same values in English units', async ({ page }) => {
		await page.goto('/en/topics/industry');
		await expect(page.locator('h1')).toHaveText('Industry');
		const chart = page.locator('figure[data-chart="industry-output"]');
		await expect(
			chart.locator('svg [data-figure="industry-new-materials-output-2023"]')
		).toHaveAttribute('data-value', '172500000000');
		await expect(chart).toContainText('172.5 billion yuan');
		await page.goto('/en/topics/land');
		await expect(page.locator('figure[data-chart="land-use"]')).toContainText('1,700 ha');
		await expect(page.locator('figure[data-chart="land-use"]')).toContainText('Cultivated land');
	});
});

test.describe('state in the URL', () => {
	test('a quarter chosen on an indicator leaves out the panels of years, with the engine and before it', async ({
		page
	}) => {
		const quarter = page.locator(
			'figure[data-chart="industry-scale-level-quarter-industry-key"] svg [data-figure]'
		);
		const annual = page.locator('figure[data-chart="industry-scale-level-annual-industry-key"]');
		// before the engine: the page's own figures narrowed; then the engine's answer
		for (const engine of ['failed', 'ready']) {
			if (engine === 'failed') await page.route('**/*.wasm', (r) => r.abort());
			else await page.unroute('**/*.wasm');
			await page.goto('/indicators/industry-scale?period=2024Q1');
			await expect(page.locator('html')).toHaveAttribute('data-engine', engine, {
				timeout: 30_000
			});
			await expect(quarter.first()).toHaveAttribute('data-figure', 'industry-digital-scale-2024q1');
			await expect(annual, engine).toHaveCount(0);
			await expect(page.locator('main figure[data-chart]'), engine).toHaveCount(1);
		}
	});

	test('a filtered indicator never draws another sector’s figure while the engine starts and answers', async ({
		page
	}) => {
		// every mark drawn once the page is hydrated (the layout marks the engine's state), kept
		// as the DOM changes: the build's unfiltered rows must not come back when the engine is ready
		await page.addInitScript(() => {
			const seen = new Set<string>();
			(window as unknown as { __seen: Set<string> }).__seen = seen;
			new MutationObserver(() => {
				if (!document.documentElement.dataset.engine) return;
				for (const mark of document.querySelectorAll('main figure[data-chart] svg [data-figure]'))
					seen.add(mark.getAttribute('data-figure')!);
			}).observe(document, { subtree: true, childList: true, attributes: true });
		});
		await page.goto('/indicators/industry-output-above-scale?sector=industry-key-robotics');
		await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
		await expect(page.locator('figure[data-chart] [aria-busy="true"]')).toHaveCount(0);
		const drawn = await page
			.locator('main figure[data-chart] svg [data-figure]')
			.evaluateAll((marks) => marks.map((m) => m.getAttribute('data-figure')!));
		expect(drawn).toContain('industry-robotics-output-2023');
		const seen = await page.evaluate(() => [
			...(window as unknown as { __seen: Set<string> }).__seen
		]);
		expect(seen.length, 'marks seen after hydration').toBeGreaterThan(0);
		expect(seen.filter((figure) => !drawn.includes(figure))).toEqual([]);
	});

	test('once the engine is ready, an indicator’s sectors and periods are answered from the build’s rows it holds too: no statement is sent', async ({
		page
	}) => {
		// the statements the page sends DuckDB-WASM's worker, counted from the moment it is ready
		await page.addInitScript(() => {
			const sent = { all: 0, atReady: -1 };
			(window as unknown as { __statements: typeof sent }).__statements = sent;
			const post = Worker.prototype.postMessage;
			Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
				const type = (args[0] as { type?: string } | null)?.type ?? '';
				if (/^(RUN_QUERY|START_PENDING_QUERY|RUN_PREPARED)$/.test(type)) sent.all++;
				return (post as (...a: unknown[]) => void).apply(this, args);
			} as typeof post;
			new MutationObserver(() => {
				if (sent.atReady < 0 && document.documentElement.dataset.engine === 'ready')
					sent.atReady = sent.all;
			}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-engine'] });
		});
		await page.goto('/indicators/land-area');
		await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
		const counted = () =>
			page.evaluate(
				() => (window as unknown as { __statements: { all: number; atReady: number } }).__statements
			);
		const start = await counted();
		expect(start.atReady, 'statements while the engine loads its tables').toBeGreaterThan(0);
		await page.getByLabel('分类').selectOption('land-class-cultivated');
		await expect(page.locator('figure[data-chart] [aria-busy="true"]')).toHaveCount(0);
		await page.getByLabel('时期').selectOption('2023-12-31');
		await expect(page.locator('figure[data-chart] [aria-busy="true"]')).toHaveCount(0);
		await expect(
			page.locator('figure[data-chart] svg [data-figure="land-cultivated-2023"]')
		).toHaveCount(1);
		await page.getByLabel('分类').selectOption('');
		await expect(page.locator('figure[data-chart] [aria-busy="true"]')).toHaveCount(0);
		const end = await counted();
		expect(end.all - end.atReady, 'statements sent after the engine was ready').toBe(0);

		// another indicator reached in the page (no reload): its own rows are taken as well
		await page.getByRole('navigation').getByRole('link', { name: '指标' }).click();
		await page.locator('main a[href$="/indicators/industry-output-above-scale"]').first().click();
		await expect(page).toHaveURL(/\/indicators\/industry-output-above-scale$/);
		const before = (await counted()).all;
		await page.getByLabel('分类').selectOption('industry-key-robotics');
		await expect(
			page.locator('figure[data-chart] svg [data-figure="industry-robotics-output-2023"]')
		).toHaveAttribute('data-value', '68300000000');
		await expect(page.locator('figure[data-chart] [aria-busy="true"]')).toHaveCount(0);
		expect((await counted()).all - before, 'statements for the second indicator').toBe(0);
	});

	test('a link’s state is marked as not yet applied until the page has read it', async ({
		page
	}) => {
		// the app's code held back: the build's default charts are on screen under the link's address
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/entry/**', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto('/indicators/industry-output-above-scale?sector=industry-key-robotics', {
			waitUntil: 'commit'
		});
		const html = page.locator('html');
		const chart = page.locator('main figure[data-chart] svg').first();
		await expect(html).toHaveAttribute('data-linked', '');
		await expect(chart).toHaveCSS('opacity', '0.5');
		release();
		await expect(html).not.toHaveAttribute('data-linked');
		await expect(chart).toHaveCSS('opacity', '1');
		await expect(
			page.locator('figure[data-chart] svg [data-figure="industry-robotics-output-2023"]')
		).toHaveCount(1);
		await page.unrouteAll();
		// without a state in the address the build's charts are the answer: never marked
		await page.goto('/indicators/industry-output-above-scale', { waitUntil: 'commit' });
		await expect(chart).toHaveCSS('opacity', '1');
		await expect(html).not.toHaveAttribute('data-linked');
	});

	test('a permalink with a sector and a period restores them after reload', async ({ page }) => {
		await page.goto('/indicators/land-area');
		await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
		await page.getByLabel('分类').selectOption('land-class-cultivated');
		await page.getByLabel('时期').selectOption('2023-12-31');
		await expect(page).toHaveURL(/sector=land-class-cultivated/);
		await expect(page).toHaveURL(/period=2023-12-31/);
		const permalink = page.url();
		await page.goto('about:blank');
		await page.goto(permalink);
		await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
		await expect(page.getByLabel('分类')).toHaveValue('land-class-cultivated');
		await expect(page.getByLabel('时期')).toHaveValue('2023-12-31');
		const marks = page.locator('figure[data-chart] svg [data-figure]');
		await expect(marks.first()).toBeVisible();
		// the engine's answer replaces the prerendered marks: only cultivated land, only end of 2023
		await expect
			.poll(() => marks.evaluateAll((m) => m.map((x) => x.getAttribute('data-figure'))))
			.toEqual(['land-cultivated-2023']);
	});

	test('a garbage parameter shows a notice and the default view', async ({ page }) => {
		await page.goto('/indicators/land-area?sector=%22%3E%3Cimg%20src=x%3E&period=1999&zzz=1');
		const notice = page.getByRole('alert');
		await expect(notice).toContainText('以下网址参数无法识别');
		await expect(notice).toContainText('sector="><img src=x>');
		await expect(notice.locator('img')).toHaveCount(0);
		await expect(
			page.locator('figure[data-chart] svg [data-figure="land-cultivated-2023"]').first()
		).toBeVisible();
	});

	test('the chart or table choice is kept in the URL', async ({ page }) => {
		await page.goto('/topics/land');
		const figure = page.locator('figure[data-chart="land-change"]');
		await figure.getByRole('button', { name: '数据表' }).click();
		await expect(page).toHaveURL(/table=land-change/);
		await expect(figure.locator('table')).toBeVisible();
		await page.reload();
		await expect(page.locator('figure[data-chart="land-change"] table')).toBeVisible();
	});
});

test.describe('the comparison', () => {
	test('opens on the key industries, follows a new choice, and gives each unit its own axis', async ({
		page
	}) => {
		await page.goto('/compare');
		await expect(
			page.locator('figure.chart svg [data-figure="industry-new-materials-output-2023"]')
		).toHaveAttribute('data-value', '172500000000');
		await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
		await page.getByRole('button', { name: '移除 规上工业产值' }).click();
		await page.getByRole('checkbox', { name: '森林覆盖率', exact: true }).check();
		await page.getByRole('checkbox', { name: '森林面积', exact: true }).check();
		await expect(page).toHaveURL(/i=forest-coverage%2Cforest-area|i=forest-coverage,forest-area/);
		await expect(page).not.toHaveURL(/[?&]s=/);
		// a percentage and an area: two charts, never one axis
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
		// the address restores the same choice
		await page.reload();
		await expect(coverage.locator('svg [data-figure="forest-coverage-2022"]')).toBeAttached({
			timeout: 30_000
		});
		await page.getByRole('button', { name: '恢复默认' }).click();
		await expect(page).not.toHaveURL(/[?&]i=/);
		await expect(
			page.locator('figure.chart svg [data-figure="industry-new-materials-output-2023"]')
		).toBeAttached();
	});
});

test('keyboard navigation reaches every mark of a chart', async ({ page }) => {
	await page.goto('/topics/land');
	const chart = page.locator('figure[data-chart="land-change"]');
	const marks = await chart.locator('svg .mark-link').count();
	expect(marks).toBe(12);
	// after the chart/table switch and the export menu come the marks
	await chart.locator('details.menu > summary').focus();
	const reached: string[] = [];
	for (let i = 0; i < marks; i++) {
		await page.keyboard.press('Tab');
		const figure = await page.evaluate(
			() =>
				document.activeElement?.querySelector('[data-figure]')?.getAttribute('data-figure') ?? null
		);
		if (figure) reached.push(figure);
		// the focused mark's tooltip says its value, period and quote
		await expect(chart.getByRole('tooltip')).toContainText('公顷');
	}
	expect(new Set(reached).size).toBe(12);
});

test.describe('on a 360 px phone', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test('no page of any kind is wider than the screen', async ({ page }) => {
		const pages = [
			'/',
			'/en',
			'/topics/land',
			'/en/topics/city-operations',
			'/indicators/land-area',
			'/en/indicators/ent-high-tech',
			'/compare',
			'/sessions/20',
			'/reports/s21-industry-report',
			'/en/sources/s21-natural-resources-report',
			'/indicators'
		];
		for (const path of pages) {
			await page.goto(path);
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width, path).toBeLessThanOrEqual(360);
		}
	});
});
