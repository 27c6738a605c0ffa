/**
 * The views past one machine: the same chart queries over HTTP (httpDb → query server over
 * Parquet partitioned by bulletin and year) return the rows Node DuckDB gives over one file, and
 * nothing a client sends changes what the next client sees or reads outside the figures.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTinyData } from '../../../tests/fixtures/tiny-data.js';
import { chartFigures, type FigureFilter } from '../data/queries.js';
import { readDatasetVersion } from '../data/dataset-version.js';
import { httpDb, QueryServerError } from '../data/http-db.js';
import { openNodeDb } from '../data/node-db.js';
import { run, type Db } from '../data/query.js';
import { buildDataset } from '../dataset/build.js';
import { writeDataset } from '../dataset/write.js';
import { startQueryServer, type QueryServer } from './query-server.js';

let server: QueryServer;
let out: string;
let local: Db & { close(): void };
let remote: Db;

beforeAll(async () => {
	const data = mkdtempSync(join(tmpdir(), 'query-server-data-'));
	writeTinyData(data);
	out = mkdtempSync(join(tmpdir(), 'query-server-out-'));
	await writeDataset(buildDataset(data), out);
	const single = join(out, 'figures.parquet');
	local = await openNodeDb({ figures: single });

	// the layout a national dataset is hosted in: one Parquet file per bulletin and year
	const parts = join(out, 'partitioned');
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	await connection.run(
		`COPY (SELECT * FROM read_parquet('${single}')) TO '${parts}' (FORMAT parquet, PARTITION_BY (bulletin_id, year), WRITE_PARTITION_COLUMNS true)`
	);
	connection.closeSync();
	instance.closeSync();

	server = await startQueryServer({
		figures: join(parts, '*', '*', '*.parquet'),
		timeoutMs: 2000,
		maxRows: 50,
		maxBodyBytes: 4096
	});
	remote = httpDb(server.url);
}, 60_000);

afterAll(async () => {
	local?.close();
	await server?.close();
});

const FILTERS: FigureFilter[] = [
	{ indicators: ['land-area'], measures: ['level'] },
	{ indicators: ['land-area'], sectors: ['forest'] },
	{ indicators: ['land-area'], statements: true }
];

const error = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(e: QueryServerError) => ({ status: e.status, message: e.message })
	);

describe('the query server', () => {
	it('answers the views’ queries over partitioned Parquet as Node DuckDB does over one file', async () => {
		for (const filter of FILTERS) {
			const [here, there] = await Promise.all([
				run(chartFigures(filter), local),
				run(chartFigures(filter), remote)
			]);
			expect(there.length).toBeGreaterThan(0);
			expect(there).toEqual(here);
		}
		const values = await run(chartFigures(FILTERS[0]!), remote);
		expect(values.map((r) => r.value)).toEqual([1738, 1700, 5147.5]);
	});

	it('changes nothing another client sees, whatever one sends', async () => {
		const before = await run(chartFigures(FILTERS[2]!), remote);
		for (const sql of [
			'DROP TABLE figures',
			'DELETE FROM figures',
			"UPDATE figures SET value = 0 WHERE indicator_id = 'land-area'",
			'CREATE TABLE figures2 AS SELECT 1',
			// a temporary view would shadow the table on a shared connection
			'CREATE TEMP VIEW figures AS SELECT 1 AS value',
			'SET enable_external_access = true',
			"SET memory_limit = '100GB'"
		]) {
			const refused = await error(remote.all(sql, []));
			// a temporary view is allowed on its own connection, and dies with it
			if (!sql.startsWith('CREATE TEMP')) expect(refused?.status, sql).toBe(400);
		}
		expect(await run(chartFigures(FILTERS[2]!), remote)).toEqual(before);
	});

	it('reads no file or address outside the figures', async () => {
		for (const sql of [
			"SELECT * FROM read_csv('/etc/passwd')",
			"SELECT * FROM read_text('/etc/hostname')",
			"COPY figures TO '/tmp/leak.csv'",
			"ATTACH '/tmp/other.duckdb' AS other",
			"SELECT * FROM read_parquet('http://example.com/x.parquet')"
		]) {
			expect((await error(remote.all(sql, [])))?.status, sql).toBe(400);
		}
	});

	it('refuses two statements in one, a body past its limit and an answer past its rows', async () => {
		expect(await error(remote.all('SELECT 1; SELECT 2', []))).toMatchObject({ status: 400 });
		expect(await error(remote.all(`SELECT '${'x'.repeat(5000)}'`, []))).toMatchObject({
			status: 413
		});
		expect(await error(remote.all('SELECT * FROM range(1000)', []))).toMatchObject({
			status: 413,
			message: expect.stringContaining('50 rows')
		});
		expect((await remote.all('SELECT ? AS n', [7]))[0]).toEqual({ n: 7 });
	});

	it('interrupts a statement past its time and goes on answering', async () => {
		const slow = await error(
			remote.all('SELECT count(*) FROM range(100000000000) a, range(1000) b', [])
		);
		expect(slow).toMatchObject({ status: 400, message: expect.stringMatching(/interrupt/i) });
		expect((await remote.all('SELECT 1 AS one', []))[0]).toEqual({ one: 1 });
	}, 20_000);

	it('lets a page of another site ask it from the browser, and reads no credential', async () => {
		const preflight = await fetch(server.url, {
			method: 'OPTIONS',
			headers: {
				origin: 'https://pages.example.org',
				'access-control-request-method': 'POST',
				'access-control-request-headers': 'content-type'
			}
		});
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
		expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST');
		expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
		expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
		const answer = await fetch(server.url, {
			method: 'POST',
			headers: { origin: 'https://pages.example.org', 'content-type': 'application/json' },
			body: JSON.stringify({ sql: 'SELECT 1 AS one', params: [] })
		});
		expect(answer.headers.get('access-control-allow-origin')).toBe('*');
		expect(await answer.json()).toEqual({ rows: [{ one: 1 }] });
	});

	it('fails as unreachable, naming its address, when no server answers', async () => {
		const nowhere = httpDb('http://127.0.0.1:9/query');
		expect(await error(nowhere.all('SELECT 1', []))).toMatchObject({
			status: 0,
			message: expect.stringContaining('http://127.0.0.1:9/query could not be reached')
		});
	});

	it('names the dataset its files name, so a page built from the same figures takes its own rows', async () => {
		// the build's Parquet names the version figures.arrow names
		const built = readDatasetVersion(readFileSync(join(out, 'figures.arrow')));
		expect(built).toMatch(/^[0-9a-f]{16}$/);
		const same = await startQueryServer({ figures: join(out, 'figures.parquet') });
		try {
			expect(same.version).toBe(built);
			expect(await httpDb(same.url).version!()).toBe(built);
		} finally {
			await same.close();
		}
		// files copied without it (the partitioned copy above) name none: the pages ask every state
		expect(server.version).toBeNull();
		expect(await remote.version!()).toBeNull();
		expect(await httpDb('http://127.0.0.1:9/query').version!()).toBeNull();
	});
});
