/**
 * What a reader sends cannot change what anyone sees: console queries typed or arriving in a
 * link, which try every way of writing there is, leave the pages charting the bulletin's values;
 * results too large to show are stopped in the engine and the tab survives; values of exact
 * types and exported CSV are faithful and safe. In the real browser, on the built site.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { test } from './guarded.js';
import { openConsole, runQuery } from './console.js';

const mark = (page: Page, chart: string, figure: string) =>
	page.locator(`figure[data-chart="${chart}"] svg [data-figure="${figure}"]`).first();
const cell = (page: Page, row: number, column: number) =>
	page.locator(`.viewport tbody tr[data-row="${row}"] td`).nth(column + 1);

/** Writes of every shape: aliases, quoting, comments, CTEs, hidden semicolons, settings, files. */
const WRITES = [
	'UPDATE figures f SET base_value = 0',
	'UPDATE "figures" AS x SET "base_value" = 0 WHERE true',
	'/* x */ UPDATE main.figures SET base_value = 0',
	'SELECT $$;$$; UPDATE figures SET base_value = 0; SELECT $$x$$',
	"SELECT E'\\';'; UPDATE figures SET base_value = 0",
	'SELECT 1); UPDATE figures SET base_value = 0; SELECT (1',
	'WITH t AS (SELECT 1) UPDATE figures SET base_value = 0',
	"DELETE FROM figures WHERE indicator_id = 'land-area'",
	'DROP TABLE figures',
	'CREATE OR REPLACE TABLE figures AS SELECT * FROM figures LIMIT 0',
	'CREATE TEMP VIEW figures AS SELECT 1',
	"INSERT INTO figures (id) VALUES ('x')",
	'SET lock_configuration = false',
	'PRAGMA threads = 8',
	"ATTACH ':memory:' AS evil",
	"COPY figures TO 'figures.csv'",
	'INSTALL httpfs',
	'LOAD httpfs',
	"SELECT * FROM query('UPDATE figures SET base_value = 0')"
];

test.describe('no console query changes what the pages draw', () => {
	// nineteen queries in one session, then the pages
	test.describe.configure({ timeout: 120_000 });
	test('writes typed into the console are refused, and the pages and the console still read the bulletin', async ({
		page
	}) => {
		await openConsole(page);
		for (const sql of WRITES) {
			await runQuery(page, sql);
			await expect(page.getByRole('alert'), sql).toBeVisible();
			await expect(page.locator('.viewport'), sql).toHaveCount(0);
		}
		await runQuery(page, "SELECT base_value FROM figures WHERE id = 'land-cultivated-2023'");
		await expect(cell(page, 0, 0)).toHaveText('1700');
		// the pages' engine, in the same tab: the change view is its answer
		await page.locator('header.site nav').getByRole('link', { name: '概览', exact: true }).click();
		await page.getByRole('button', { name: '变化', exact: true }).click();
		await expect(mark(page, 'land-change', 'land-cultivated-change-2023')).toHaveAttribute(
			'data-value',
			'-38',
			{ timeout: 20_000 }
		);
	});

	test('a write arriving in a link is refused and says the console is read-only', async ({
		page
	}) => {
		await page.goto(`/data/sql?q=${encodeURIComponent('UPDATE figures AS f SET base_value = 0')}`);
		await expect(page.locator('.status')).toHaveAttribute('data-runs', '1', { timeout: 30_000 });
		await expect(page.getByRole('alert')).toContainText('控制台只读');
		await page.goto(`/en/data/sql?q=${encodeURIComponent('SELECT 1; DROP TABLE figures')}`);
		await expect(page.locator('.status')).toHaveAttribute('data-runs', '1', { timeout: 30_000 });
		await expect(page.getByRole('alert')).toContainText('Run one query at a time');
		// then an indicator page whose filter the engine answers
		await page.goto('/indicators/land-area');
		await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
		await expect(
			page.locator('figure[data-chart] svg [data-figure="land-cultivated-2023"]').first()
		).toHaveAttribute('data-value', '1700');
	});
});

test.describe('results too large are stopped in the engine', () => {
	test('a 200 MB value in a link gives a message, on every reload, and the tab goes on', async ({
		page
	}) => {
		const link = `/data/sql?q=${encodeURIComponent("SELECT repeat('x', 200000000) AS x")}`;
		for (let visit = 0; visit < 2; visit++) {
			await page.goto(link);
			await expect(page.locator('.status')).toHaveAttribute('data-runs', '1', {
				timeout: 45_000
			});
			await expect(page.getByRole('alert')).toContainText('结果过大，已停止');
			await expect(page.getByRole('alert')).toContainText('(x)');
		}
		await runQuery(page, 'SELECT 42 AS answer');
		await expect(cell(page, 0, 0)).toHaveText('42');
	});

	test('a result over the byte limit is stopped with a message', async ({ page }) => {
		await openConsole(page);
		await runQuery(page, "SELECT repeat('x', 900000) AS t FROM range(100)");
		await expect(page.getByRole('alert')).toContainText('结果过大，已停止');
		await expect(page.getByRole('alert')).toContainText('64 MB');
	});
});

test.describe('values and exports are faithful', () => {
	const EXACT = `SELECT 9007199254740993::BIGINT AS big,
  12345678901234567.891::DECIMAL(38,3) AS dec,
  TIMESTAMP '2024-01-02 03:04:05.123456' AS ts,
  TIME '12:34:56.789' AS t,
  INTERVAL 3 DAY + INTERVAL 4 HOUR AS i,
  '\\xAB\\x00'::BLOB AS b,
  '=HYPERLINK("http://example.org")' AS a,
  2 AS a`;

	test('exact types show as DuckDB writes them, and CSV keeps them, both columns named a, and no formula', async ({
		page
	}) => {
		await openConsole(page);
		await runQuery(page, EXACT);
		const shown = [
			'9007199254740993',
			'12345678901234567.891',
			'2024-01-02 03:04:05.123456',
			'12:34:56.789',
			'3 days 04:00:00',
			'\\xAB\\x00',
			'=HYPERLINK("http://example.org")',
			'2'
		];
		for (const [i, text] of shown.entries()) await expect(cell(page, 0, i)).toHaveText(text);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: '导出 CSV' }).click()
		]);
		const csv = readFileSync((await download.path())!, 'utf8');
		expect(csv).toBe(
			'\uFEFF' +
				'big,dec,ts,t,i,b,a,a\r\n' +
				`9007199254740993,12345678901234567.891,2024-01-02 03:04:05.123456,12:34:56.789,3 days 04:00:00,\\xAB\\x00,"'=HYPERLINK(""http://example.org"")",2\r\n`
		);
	});
});
