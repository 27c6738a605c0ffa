import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, blankLiterals, guardSql } from './guard.js';

const reason = (sql: string) => {
	const r = guardSql(sql);
	return r.ok ? 'ok' : r.reason;
};

describe('guardSql', () => {
	it('lets read-only queries through', () => {
		expect(reason('SELECT sector_zh, sum(base_value) FROM figures GROUP BY 1')).toBe('ok');
		expect(reason('with t as (select 1) select * from t;')).toBe('ok');
		expect(reason('DESCRIBE figures')).toBe('ok');
		expect(reason('SUMMARIZE figures')).toBe('ok');
		expect(reason("select * from figures where quote like '%COPY%; DROP%'")).toBe('ok');
	});

	it('refuses writing, attaching, installing and settings with a reason', () => {
		expect(reason("COPY figures TO 'out.csv'")).toBe('copy-or-export');
		expect(reason("ATTACH 'other.db'")).toBe('attach');
		expect(reason('INSTALL httpfs')).toBe('extension');
		expect(reason('LOAD httpfs')).toBe('extension');
		expect(reason('SET enable_external_access = true')).toBe('settings');
		expect(reason('PRAGMA database_list')).toBe('settings');
		expect(reason('DROP TABLE figures')).toBe('not-a-query');
		expect(reason("INSERT INTO figures VALUES ('x')")).toBe('not-a-query');
		expect(reason('CREATE TABLE t AS SELECT 1')).toBe('not-a-query');
		expect(reason('WITH x AS (SELECT 1) INSERT INTO figures SELECT * FROM x')).toBe('not-a-query');
		expect(reason('UPDATE figures SET value = 0')).toBe('not-a-query');
	});

	it('refuses files and remote addresses, however they are called', () => {
		expect(reason("SELECT * FROM 'https://example.com/x.parquet'")).toBe('file-or-url');
		expect(reason("SELECT * FROM read_csv('/etc/passwd')")).toBe('file-or-url');
		expect(reason("SELECT * FROM read_parquet('s3://bucket/x')")).toBe('file-or-url');
		expect(reason("SELECT * FROM parquet_scan('x.parquet')")).toBe('file-or-url');
		expect(reason("SELECT * FROM 'figures.csv'")).toBe('file-or-url');
	});

	it('refuses a query over 20,000 characters before reading it, however harmless', () => {
		const list = Array.from({ length: 50_000 }, (_, i) => `'id-${i}'`).join(', ');
		const huge = `SELECT count(*) FROM figures WHERE id IN (${list})`;
		expect(huge.length).toBeGreaterThan(MAX_QUERY_LENGTH);
		const result = guardSql(huge);
		expect(result).toMatchObject({ ok: false, reason: 'too-long' });
		if (!result.ok) expect(result.message.en).toContain('20,000 characters');
		expect(reason(huge.slice(0, 'SELECT count(*) FROM figures'.length))).toBe('ok');
	});

	it('leaves a misspelt query to the engine, which reports where the mistake is', () => {
		expect(reason('SELEC * FROM figures')).toBe('ok');
	});

	it('runs one statement at a time', () => {
		expect(reason('SELECT 1; SELECT 2')).toBe('several-statements');
		expect(reason('SELECT 1; DROP TABLE figures')).toBe('several-statements');
		expect(reason('   ')).toBe('empty');
	});

	it('blanks strings and comments without moving positions', () => {
		const sql = "select 'a;b' -- c;d\n, 1";
		const blank = blankLiterals(sql);
		expect(blank).toHaveLength(sql.length);
		expect(blank.includes(';')).toBe(false);
	});
});
