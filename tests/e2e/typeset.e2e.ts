import { expect, test, type Page } from '@playwright/test';

/**
 * The bulletin's text file writes the printed PM₂.₅ as PM_{2.5} (its conversion's typesetting);
 * every page that shows that sentence sets 2.5 lower and shows no mark of the conversion.
 */
async function expectTypeset(page: Page, where: string) {
	const main = page.locator('main');
	await expect(main.locator('sub', { hasText: /^2\.5$/ }).first()).toBeVisible();
	const text = await main.evaluate((m) => (m as HTMLElement).innerText);
	expect(text, where).toContain('PM2.5浓度30微克/立方米');
	expect(text, where).not.toContain('_{');
	expect(text, where).not.toContain('**');
}

test.describe('the bulletin text as printed', () => {
	test('the overview: the AQI figure quotes its sentence with PM2.5 set lower', async ({
		page
	}) => {
		await page.goto('/');
		const card = page.locator('main a.source', { hasText: 'AQI优良率86.8%' }).first();
		await expect(card.locator('sub')).toHaveText('2.5');
		await expectTypeset(page, '/');
	});

	test('the indicator page: the statements and the chart tooltip', async ({ page }) => {
		await page.goto('/indicators/env-pm25-concentration');
		await expectTypeset(page, 'the indicator');
		// the tooltip is plain text: the characters without the mark
		const mark = page.locator('main figure[data-chart] svg [data-figure="env-pm25-2023"]').first();
		await expect(mark.locator('title')).toContainText('PM2.5浓度30微克/立方米');
		await expect(mark.locator('title')).not.toContainText('_{');
	});

	test('the source reader: the highlighted sentence, its bold headings without markers', async ({
		page
	}) => {
		await page.goto('/sources/s21-natural-resources-report');
		await expect(
			page.locator('article.text mark', { has: page.locator('sub') }).first()
		).toContainText('PM2.5');
		await expectTypeset(page, 'the source reader');
	});

	test('in English too (the quotes stay Chinese)', async ({ page }) => {
		await page.goto('/en/indicators/env-pm25-concentration');
		await expectTypeset(page, '/en indicator');
	});
});
