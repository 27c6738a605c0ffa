/**
 * The console against the DuckDB-WASM build the browser runs (its Node form): every write,
 * multi-statement and setting form is refused by the engine's parser, the table is unchanged
 * after all of them, the limits stop a result in the engine, and values arrive exactly.
 */
import type { RecordBatch } from 'apache-arrow';
import type { DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	executeQuery,
	QueryError,
	RefusedError,
	resultToCsv,
	type ConsoleConnection,
	type ResultSet
} from './execute.js';
import type { Limits } from './plan.js';
import { openWasmNodeConnection } from '$lib/data/wasm-node-db.js';

let conn: DuckDBConnection;
let consoleConn: ConsoleConnection;

beforeAll(async () => {
	conn = await openWasmNodeConnection();
	// as the browser's engines are set up: no extensions, then filled, then locked
	conn.query(`CREATE TABLE figures AS SELECT * FROM (VALUES
		('forest-coverage-2023', 17.03, '全区森林覆盖率…17.03%'),
		('land-area-2023', 36533, '土地调查面积36533公顷')) AS t(id, base_value, quote)`);
	conn.query('ALTER TABLE figures ALTER base_value TYPE DOUBLE');
	conn.query('SET enable_external_access = false; SET lock_configuration = true;');
	consoleConn = {
		async stream(sql) {
			const statement = conn.prepare(sql);
			try {
				return [...statement.send()] as RecordBatch[];
			} finally {
				statement.close();
			}
		}
	};
});

afterAll(() => conn?.close());

const run = (sql: string, limits?: Limits) => executeQuery(consoleConn, sql, { limits });
const figures = () =>
	conn
		.query('SELECT id, base_value, quote FROM figures ORDER BY id')
		.toArray()
		.map((r) => ({ ...r.toJSON() }));
const ORIGINAL = [
	{ id: 'forest-coverage-2023', base_value: 17.03, quote: '全区森林覆盖率…17.03%' },
	{ id: 'land-area-2023', base_value: 36533, quote: '土地调查面积36533公顷' }
];

async function outcome(sql: string): Promise<string> {
	try {
		await run(sql);
		return 'ran';
	} catch (error) {
		if (error instanceof RefusedError) return error.reason;
		if (error instanceof QueryError) return 'engine-error';
		throw error;
	}
}

describe('the console runs queries and nothing else', () => {
	it('answers the queries a reader types, with their names and order', async () => {
		const result = await run(
			'SELECT id, base_value AS v, base_value AS v FROM figures ORDER BY base_value DESC;'
		);
		expect(result.columns.map((c) => c.name)).toEqual(['id', 'v', 'v']);
		expect(result.rows).toEqual([
			['land-area-2023', 36533, 36533],
			['forest-coverage-2023', 17.03, 17.03]
		]);
		for (const sql of [
			'FROM figures',
			'DESCRIBE figures',
			'SUMMARIZE figures',
			'SHOW TABLES',
			'VALUES (1), (2)',
			'TABLE figures',
			'WITH t AS (SELECT 1 AS x) SELECT * FROM t',
			"SELECT * FROM figures WHERE quote LIKE '%; DROP TABLE figures; --%'",
			'SELECT 1 -- a comment at the end',
			'(SELECT 1) UNION ALL (SELECT 2)'
		])
			expect(await outcome(sql), sql).toBe('ran');
	});

	const attacks = [
		'UPDATE figures SET base_value = 0',
		'UPDATE figures AS f SET base_value = 0',
		'UPDATE figures f SET base_value = 0',
		'update "figures" set "base_value" = 0',
		'UPDATE main.figures SET base_value = 0',
		'UPDATE memory.main."figures" SET base_value = 0',
		'/* comment */ UPDATE figures SET base_value = 0',
		'-- comment\nUPDATE figures SET base_value = 0',
		'(UPDATE figures SET base_value = 0)',
		"INSERT INTO figures VALUES ('x', 1, 'y')",
		"INSERT OR REPLACE INTO figures VALUES ('x', 1, 'y')",
		"DELETE FROM figures WHERE id <> ''",
		'DELETE FROM figures',
		'TRUNCATE figures',
		'DROP TABLE figures',
		'ALTER TABLE figures RENAME TO gone',
		'CREATE TABLE t AS SELECT 1',
		'CREATE OR REPLACE TABLE figures AS SELECT 1 AS id',
		'CREATE TEMP TABLE t AS SELECT 1',
		'CREATE VIEW v AS SELECT 1',
		'CREATE MACRO m(x) AS x',
		'CREATE SEQUENCE s',
		'WITH x AS (SELECT 1) UPDATE figures SET base_value = 0',
		'WITH u AS (UPDATE figures SET base_value = 0 RETURNING *) SELECT * FROM u',
		'SELECT 1; UPDATE figures SET base_value = 0',
		'SELECT 1; DROP TABLE figures',
		'SELECT 1); DROP TABLE figures; SELECT (1',
		'SELECT $$x$$; UPDATE figures SET base_value = 0; SELECT $$y$$',
		'SELECT $tag$;$tag$; DELETE FROM figures',
		"SELECT E'\\';'; DELETE FROM figures",
		"SELECT 'a'';'; DELETE FROM figures",
		'SELECT "a;"; DELETE FROM figures',
		'SELECT 1 /* ; */; DELETE FROM figures',
		'SELECT 1 --\n; DELETE FROM figures',
		"SELECT * FROM query('UPDATE figures SET base_value = 0')",
		'PRAGMA enable_profiling',
		'PRAGMA threads = 4',
		'SET enable_external_access = true',
		'SET lock_configuration = false',
		'RESET lock_configuration',
		'SET VARIABLE x = 1',
		"ATTACH ':memory:' AS other",
		"ATTACH 'other.db' AS other",
		'DETACH memory',
		'USE system',
		"COPY figures TO 'out.csv'",
		"COPY (SELECT 1) TO 'out.csv'",
		"EXPORT DATABASE 'out'",
		"IMPORT DATABASE 'out'",
		'INSTALL httpfs',
		'LOAD httpfs',
		'FORCE INSTALL httpfs',
		'CALL pragma_version()',
		'CHECKPOINT',
		'VACUUM',
		'BEGIN TRANSACTION',
		'PREPARE p AS SELECT 1',
		'EXPLAIN SELECT 1',
		"COMMENT ON TABLE figures IS 'x'",
		"SELECT * FROM read_csv('/etc/passwd')",
		"SELECT * FROM 'https://example.org/x.csv'",
		"SELECT * FROM read_text('file:///etc/passwd')"
	];

	it.each(attacks)('refuses or fails %s without touching the data', async (sql) => {
		expect(await outcome(sql)).not.toBe('ran');
		expect(figures()).toEqual(ORIGINAL);
	});

	it('says why: read-only, one statement at a time', async () => {
		expect(await outcome('UPDATE figures f SET base_value = 0')).toBe('not-a-query');
		expect(await outcome('  -- x\n/* y */ DROP TABLE figures')).toBe('not-a-query');
		expect(await outcome('SELECT 1; SELECT 2')).toBe('several-statements');
		expect(await outcome("SELECT * FROM read_csv('/etc/passwd')")).toBe('file-or-url');
		expect(await outcome("SELECT * FROM 'https://example.com/x.parquet'")).toBe('file-or-url');
		expect(await outcome('')).toBe('empty');
		expect(await outcome('SELECT 1'.padEnd(20_001, ' '))).toBe('too-long');
	});

	it('maps an error’s position back into the reader’s text', async () => {
		const error = await run('SELECT id,\n  nosuch FROM figures').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(QueryError);
		expect((error as QueryError).message).toMatch(/nosuch/);
		expect((error as QueryError).message).not.toMatch(/DESCRIBE|LINE \d/);
		const typo = await run('SELEC * FROM figures').catch((e: unknown) => e);
		expect((typo as QueryError).position).toBe(0);
		const later = await run('SELECT 1,\n  FROM WHERE').catch((e: unknown) => e);
		expect((later as QueryError).position).toBe('SELECT 1,\n  FROM '.length);
	});
});

describe('limits are enforced by the engine', () => {
	const small: Limits = { rows: 3, cell: 100, total: 1000 };

	it('cuts a result at the row limit and says so', async () => {
		const result = await run('SELECT range AS n FROM range(10) ORDER BY n DESC', small);
		expect(result.truncated).toBe(true);
		expect(result.rows.map((r) => r[0])).toEqual(['9', '8', '7']);
	});

	it('stops a value past the cell limit, naming its column', async () => {
		const error = await run("SELECT 1 AS a, repeat('x', 101) AS big", small).catch((e) => e);
		expect(error).toBeInstanceOf(RefusedError);
		expect((error as RefusedError).reason).toBe('cell-limit');
		expect((error as RefusedError).text.en).toMatch(/\(big\)$/);
		const nested = await run('SELECT range(1000) AS l', small).catch((e) => e);
		expect((nested as RefusedError).reason).toBe('cell-limit');
	});

	it('stops a result past the byte limit', async () => {
		const error = await run("SELECT repeat('x', 90) AS t FROM range(3)", {
			...small,
			total: 200
		}).catch((e) => e);
		expect((error as RefusedError).reason).toBe('total-limit');
	});

	it('stops a 20 MB value before it leaves the engine', async () => {
		const error = await run("SELECT repeat('x', 20000000) AS x").catch((e) => e);
		expect((error as RefusedError).reason).toBe('cell-limit');
	});
});

describe('values arrive exactly', () => {
	it('shows BIGINT, DECIMAL, TIMESTAMP, TIME, INTERVAL, BLOB and nested values as DuckDB writes them', async () => {
		const result = await run(`SELECT
			9007199254740993::BIGINT AS big,
			(-9223372036854775808)::BIGINT AS min_big,
			170141183460469231731687303715884105727::HUGEINT AS huge,
			12345678901234567.891::DECIMAL(38,3) AS dec,
			1.10::DECIMAL(4,2) AS cents,
			TIMESTAMP '2024-01-02 03:04:05.123456' AS ts,
			TIME '12:34:56.789' AS t,
			INTERVAL 3 DAY + INTERVAL 4 HOUR AS i,
			'\\xAB\\x00'::BLOB AS b,
			DATE '2023-12-31' AS d,
			0.1::FLOAT AS f,
			[1, 2] AS l,
			17.03 :: DOUBLE AS x,
			42 AS n`);
		expect(Object.fromEntries(result.columns.map((c, i) => [c.name, result.rows[0]![i]]))).toEqual({
			big: '9007199254740993',
			min_big: '-9223372036854775808',
			huge: '170141183460469231731687303715884105727',
			dec: '12345678901234567.891',
			cents: '1.10',
			ts: '2024-01-02 03:04:05.123456',
			t: '12:34:56.789',
			i: '3 days 04:00:00',
			b: '\\xAB\\x00',
			d: '2023-12-31',
			f: '0.1',
			l: '[1, 2]',
			x: 17.03,
			n: 42
		});
		expect(result.columns.find((c) => c.name === 'big')).toMatchObject({
			type: 'BIGINT',
			kind: 'number',
			asText: true
		});
	});
});

describe('CSV of a result', () => {
	const result: ResultSet = {
		columns: [
			{ name: 'v', type: 'VARCHAR', kind: 'text', asText: false },
			{ name: 'v', type: 'DOUBLE', kind: 'number', asText: false },
			{ name: '=cmd,"x"', type: 'VARCHAR', kind: 'text', asText: false }
		],
		rows: [
			['=HYPERLINK("http://x")', -5, '@SUM(A1)'],
			['+1', 1.5, '\tlead'],
			['-2', null, 'plain, "quoted"']
		],
		elapsed: 1,
		truncated: false
	};

	it('keeps same-named columns apart, escapes the header and neutralises formulas in text', () => {
		expect(resultToCsv(result)).toBe(
			'\uFEFF' +
				[
					`v,v,"'=cmd,""x"""`,
					`"'=HYPERLINK(""http://x"")",-5,'@SUM(A1)`,
					"'+1,1.5,'\tlead",
					`'-2,,"plain, ""quoted"""`
				].join('\r\n') +
				'\r\n'
		);
	});
});
