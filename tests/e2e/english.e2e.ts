import { expect, test, type Page } from '@playwright/test';

/** A briefing pack as a shared link opens it, written by an English-speaking member of staff. */
const PACK = {
	title: 'Natural resources briefing',
	session: '21',
	date: '2024-06-26',
	agenda: 'Special report on the management of state-owned natural resources in 2023',
	items: [
		{ key: 'topic/land/land-reserve-area', note: 'Net increase of 22.8 ha' },
		{ key: 'topic/forest/forest-coverage', note: '' },
		{ key: 'topic/enterprises/enterprise-counts', note: '' }
	]
};

/**
 * One English page of every kind under src/routes/[[lang=lang]], and the indicators whose
 * definitions or units are unusual (a basis that differs from the land survey, areas filed as
 * negative changes, counts that differ from another report's, a discrepancy in 万路).
 */
const PAGES = [
	'/en',
	'/en/topics',
	'/en/topics/industry',
	'/en/indicators',
	'/en/indicators/industry-scale',
	'/en/indicators/forest-coverage',
	'/en/indicators/forest-area',
	'/en/indicators/land-supply-area',
	'/en/indicators/land-reserve-released-area',
	'/en/indicators/land-reduction-area',
	'/en/indicators/ent-specialised-smes',
	'/en/indicators/city-operations-video-resources',
	'/en/reports/s21-industry-report',
	'/en/sources/s21-industry-report',
	'/en/sources/s21-natural-resources-report',
	'/en/sessions',
	'/en/sessions/20',
	'/en/sessions/21',
	'/en/compare',
	'/en/compare?i=forest-coverage',
	'/en/data',
	'/en/data/quality',
	'/en/data/sql',
	'/en/briefing',
	`/en/briefing#pack=${encodeURIComponent(JSON.stringify(PACK))}`,
	'/en/embed/indicator/forest-coverage/forest-coverage-level-annual',
	'/en/embed/report/s21-industry-report/report-industry-scale-level-annual-industry-key'
];

/**
 * Text a reader of the English page meets in Chinese: CJK characters or full-width punctuation
 * (，。：；（）、《》) outside an element marked lang="zh-CN" (verbatim quotes, source titles,
 * values as printed). Visible text, accessible names and native tooltips all count. A mark's
 * SVG <title> is one text node, so its verbatim quote line (“…”) cannot carry lang and is let
 * through; every other line of it is checked.
 */
async function chineseInEnglish(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const chinese = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
		const markedZh = (el: Element) =>
			el.closest('[lang]')?.getAttribute('lang')?.startsWith('zh') ?? false;
		const where = (el: Element) =>
			`<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}>`;
		const found: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const el = node.parentElement;
			// a <noscript>'s content is text the browser neither shows nor parses when it runs scripts
			if (!el || el.closest('script, style, template, noscript') || markedZh(el)) continue;
			const lines = (node.textContent ?? '').split('\n').map((l) => l.trim());
			const checked =
				el.tagName.toLowerCase() === 'title'
					? lines.filter((l) => !(l.startsWith('“') && l.endsWith('”')))
					: lines;
			for (const line of checked) if (chinese.test(line)) found.push(`${where(el)} ${line}`);
		}
		for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
			if (markedZh(el)) continue;
			for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
				const value = el.getAttribute(name);
				if (value && chinese.test(value)) found.push(`${where(el)} @${name} ${value}`);
			}
		}
		if (chinese.test(document.title)) found.push(`<title> ${document.title}`);
		return found;
	});
}

test.describe('English pages are written in English', () => {
	for (const path of PAGES) {
		const name = path.replace(/#pack=.*/, ' with a pack of charts');
		test(`${name} shows no Chinese words or full-width punctuation outside marked quotes`, async ({
			page
		}) => {
			await page.goto(path);
			await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
			expect(await page.locator('html').getAttribute('lang')).toBe('en');
			expect(await chineseInEnglish(page)).toEqual([]);
		});
	}

	test('the check finds a Chinese word in an English sentence and lets a marked quote through', async ({
		page
	}) => {
		await page.goto('/en/data/quality');
		await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
		expect(await chineseInEnglish(page)).toEqual([]);
		await page.evaluate(() => {
			const p = document.createElement('p');
			p.textContent = 'Goal of the three-year action plan: 产业规模突破1100亿元 by 2026.';
			const quote = document.createElement('q');
			quote.lang = 'zh-CN';
			quote.textContent = '绿色低碳产业规模突破1100亿元';
			document.body.append(p, quote);
		});
		expect(await chineseInEnglish(page)).toEqual([
			'<p> Goal of the three-year action plan: 产业规模突破1100亿元 by 2026.'
		]);
	});

	test('the 2026 green-industry target reads over 110 billion yuan in English and 超过1100亿元 in Chinese', async ({
		page
	}) => {
		await page.goto('/en/indicators/industry-scale');
		const en = page.locator('[data-figure="industry-green-scale-target-2026"]').first();
		await expect(en).toContainText('over 110 billion yuan');
		await page.goto('/indicators/industry-scale');
		const zh = page.locator('[data-figure="industry-green-scale-target-2026"]').first();
		await expect(zh).toContainText('超过1100亿元');
	});

	test('a discrepancy reads 28,000 against 25,000 channels in English and 2.8万路 against 2.5万路 in Chinese', async ({
		page
	}) => {
		await page.goto('/en/data/quality');
		const en = page.locator('[data-discrepancy^="city-operations-video-resources"] .value');
		await expect(en).toHaveText(['28,000 channels', '25,000 channels']);
		await page.goto('/data/quality');
		const zh = page.locator('[data-discrepancy^="city-operations-video-resources"] .value');
		await expect(zh).toHaveText(['2.8万路', '2.5万路']);
	});

	test('a check’s note is in English on the English page and in Chinese on the Chinese one', async ({
		page
	}) => {
		const note = '[data-check="forest-coverage-change-2023"] small';
		await page.goto('/en/indicators/forest-coverage');
		await expect(page.locator(note).first()).toHaveText(
			'Values printed to 0.01 percentage points.'
		);
		await page.goto('/indicators/forest-coverage');
		await expect(page.locator(note).first()).toHaveText('数值原文精确到0.01个百分点。');
	});

	test('the change of forest coverage in 2023 reads 0.46 pp in English and 0.46个百分点 in Chinese', async ({
		page
	}) => {
		await page.goto('/en/indicators/forest-coverage');
		await expect(
			page.locator('tr[data-figure="forest-coverage-change-2023"]').first()
		).toContainText('0.46 pp');
		await page.goto('/indicators/forest-coverage');
		await expect(
			page.locator('tr[data-figure="forest-coverage-change-2023"]').first()
		).toContainText('0.46个百分点');
	});
});
