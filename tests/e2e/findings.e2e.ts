import { expect, test, type Page } from '@playwright/test';

const REPORT = 's21-industry-report';

/** Significant digits of a printed number; a whole number's trailing zeros are not counted. */
function digits(text: string, trailingZeros: boolean): number {
	const plain = text.replace(/[,\s−-]/g, '');
	const [int = '', frac] = plain.split('.');
	if (frac !== undefined) return (int + frac).replace(/^0+/, '').length;
	const d = int.replace(/^0+/, '');
	return trailingZeros ? d.length : d.replace(/0+$/, '').length;
}

/** Findings whose numbers have more digits than the most precise figure they are computed from. */
async function overPrecise(page: Page): Promise<string[]> {
	const figures = (await (await page.request.get('/data/figures.json')).json()) as {
		id: string;
		value_text: string;
	}[];
	const written = new Map(figures.map((f) => [f.id, f.value_text]));
	const findings = await page
		.locator('[data-finding]')
		.evaluateAll((els) =>
			els.map((e) => ({ ids: e.getAttribute('data-figures') ?? '', text: e.textContent ?? '' }))
		);
	expect(findings.length).toBeGreaterThan(0);
	const problems: string[] = [];
	for (const { ids, text } of findings) {
		const inputs = ids.split(' ').filter(Boolean);
		expect(inputs.length, text).toBeGreaterThan(0);
		for (const id of inputs) expect(written.has(id), id).toBe(true);
		const most = Math.max(...inputs.map((id) => digits(written.get(id)!, true)));
		// years (2023年, end of 2023) are periods, not quantities
		const numbers = (text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).filter(
			(n) => !/^(19|20)\d\d$/.test(n)
		);
		for (const n of numbers)
			if (digits(n, false) > most) problems.push(`${n} in “${text.trim()}” (${ids})`);
	}
	return problems;
}

test.describe('findings on a report page', () => {
	test('the industry report flags 2026 scale targets read against output as proxies, with no progress or pace, and rounds its shares', async ({
		page
	}) => {
		await page.goto(`/reports/${REPORT}`);
		const materials = page.locator(
			'#targets ~ ul [data-figure="industry-new-materials-scale-target-2026"]'
		);
		await expect(materials).toHaveAttribute('data-proxy', 'true');
		await expect(materials).toContainText('超过1500亿元');
		await expect(materials).toContainText('1725亿元');
		await expect(materials).toContainText('口径不同，仅供参考');
		await expect(materials).not.toContainText('已达目标');
		await expect(materials).not.toContainText('需年均增长');
		const robotics = page.locator(
			'#targets ~ ul [data-figure="industry-robotics-scale-target-2026"]'
		);
		await expect(robotics).toContainText('683亿元');
		await expect(robotics).toContainText('口径不同，仅供参考');
		await expect(robotics).not.toContainText('%');
		await expect(page.locator('#targets ~ ul')).not.toContainText('需年均增长');

		const city = page.locator('[data-finding="city"][data-figure="industry-sie-share-2023"]');
		await expect(city).toHaveAttribute(
			'data-figures',
			'industry-sie-share-2023 industry-sie-share-shanghai-2023'
		);
		await expect(city).toContainText('为全市的约70%');
		await expect(city).not.toContainText('69.7');

		// a share derived from robotics' quarter is a failing check with its formula, not a discrepancy
		await expect(page.locator('[data-discrepancy]')).toHaveCount(0);
		const check = page.locator('[data-check="industry-implied-total-output-2023"]');
		await expect(check.locator('[data-finding="check"]')).toContainText('2700亿元 对 3500亿元');
		await expect(check).toContainText('683亿元 ÷ 25% × 100 对 1725亿元 ÷ 50% × 100');
		expect(await overPrecise(page)).toEqual([]);
	});

	test('in English the proxy says it is another measure and the city share reads about 70% of the city’s', async ({
		page
	}) => {
		await page.goto(`/en/reports/${REPORT}`);
		const materials = page.locator(
			'#targets ~ ul [data-figure="industry-new-materials-scale-target-2026"]'
		);
		await expect(materials).toContainText('over 150 billion yuan');
		await expect(materials).toContainText('172.5 billion yuan');
		await expect(materials).toContainText('different measure, for reference only');
		await expect(materials).not.toContainText('reached');
		await expect(materials).not.toContainText('yearly growth');
		await expect(
			page.locator('[data-finding="city"][data-figure="industry-sie-share-2023"]')
		).toContainText('about 70% of the city’s');
		await expect(
			page.locator('[data-check="industry-implied-total-output-2023"] [data-finding="check"]')
		).toContainText('270 billion yuan vs 350 billion yuan');
		expect(await overPrecise(page)).toEqual([]);
	});

	test('the natural resources report gives grassland’s change as about +7.7% and the city comparison of land output as 49%', async ({
		page
	}) => {
		await page.goto('/reports/s21-natural-resources-report');
		await expect(
			page.locator(
				'[data-finding="change"][data-figures="land-grassland-change-2023 land-grassland-2023"]'
			)
		).toContainText('约+7.7%');
		await expect(
			page.locator('[data-finding="city"][data-figure="land-output-per-mu-2023"]')
		).toContainText('为全市的49%');
		expect(await overPrecise(page)).toEqual([]);
		await page.goto('/en/reports/s21-natural-resources-report');
		await expect(
			page.locator('[data-finding="city"][data-figure="land-output-per-mu-2023"]')
		).toContainText('49% of the city’s');
		expect(await overPrecise(page)).toEqual([]);
	});
});
