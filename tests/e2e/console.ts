import { expect, type Page } from '@playwright/test';

/** The console's run counter: it says when a query has finished, one way or another. */
const status = (page: Page) => page.locator('.status[data-runs]');

/** Open the SQL console and wait until the engine has run the opening query. */
export async function openConsole(page: Page) {
	await page.goto('/data/sql');
	await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
	await expect(page.locator('.cm-content')).toBeVisible();
	await expect(status(page)).toHaveAttribute('data-runs', '1', { timeout: 30_000 });
}

/** Type a query into the console and run it; wait until it has finished one way or another. */
export async function runQuery(page: Page, sql: string) {
	const editor = page.locator('.cm-content');
	await editor.click();
	await page.keyboard.press('Control+A');
	await page.keyboard.press('Delete');
	await editor.fill(sql);
	const runs = Number((await status(page).getAttribute('data-runs')) ?? 0);
	await page.keyboard.press('Control+Enter');
	await expect(status(page)).toHaveAttribute('data-runs', String(runs + 1), { timeout: 30_000 });
}
