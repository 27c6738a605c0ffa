/**
 * How a reader's query becomes the statements the console's engine runs. Nothing here reads the
 * query's words to decide what is allowed: the text only ever stands inside parentheses, where
 * DuckDB's parser admits a query and nothing else, in one prepared statement, which DuckDB
 * refuses to hold two of. An UPDATE, a CREATE, a PRAGMA, a second statement after a `;` hidden
 * in a dollar string: each is a syntax error there, whatever quoting or comments surround it.
 *
 * Two statements are run:
 *   1. `DESCRIBE (…)`: the result's columns with their DuckDB types, without running the query;
 *   2. the result, wrapped so the engine itself enforces the limits (rows, bytes per cell, bytes
 *      in all) and writes every value a browser would change (BIGINT past 2^53, DECIMAL,
 *      TIMESTAMP to the microsecond, INTERVAL, BLOB, nested values) as DuckDB's own text.
 */

/** The longest query the console runs; a permalink (`?q=`) must be able to hold it too. */
export const MAX_QUERY_LENGTH = 20_000;

export interface Limits {
	/** Rows kept; a longer result is cut, and says so. */
	rows: number;
	/** Bytes one value may take when written as text. */
	cell: number;
	/** Bytes all values of the result may take. */
	total: number;
}

export const LIMITS: Limits = { rows: 500_000, cell: 1_000_000, total: 64_000_000 };

export type ColumnKind = 'number' | 'text' | 'boolean' | 'date' | 'other';

export interface PlannedColumn {
	/** The name the query gave it (two columns may share one). */
	name: string;
	/** DuckDB's type, as DESCRIBE names it. */
	type: string;
	kind: ColumnKind;
	/** Whether the value arrives as DuckDB's text for it rather than as an Arrow value. */
	asText: boolean;
}

/** The query as it stands inside the parentheses: trimmed, trailing semicolons dropped. */
export function statementOf(text: string): string {
	return text.trim().replace(/(;\s*)+$/, '');
}

/**
 * The reader's text inside parentheses. The line breaks keep a trailing `-- comment` from
 * reaching the closing parenthesis.
 */
function enclosed(sql: string): string {
	return `(\n${sql}\n)`;
}

/** The statement that names the result's columns and types without running the query. */
export function describeSql(sql: string): string {
	return `DESCRIBE ${enclosed(sql)}`;
}

/** Where the reader's text begins in either statement, to map the engine's error positions. */
export function offsetInDescribe(): number {
	return 'DESCRIBE (\n'.length;
}

/** Types whose Arrow value is the value exactly, in a JavaScript number, string or boolean. */
const EXACT_IN_ARROW = new Set([
	'BOOLEAN',
	'TINYINT',
	'SMALLINT',
	'INTEGER',
	'UTINYINT',
	'USMALLINT',
	'UINTEGER',
	'DOUBLE',
	'VARCHAR'
]);

const NUMBER =
	/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|VARINT|BIGNUM|FLOAT|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/;

export function kindOfType(type: string): ColumnKind {
	const t = type.toUpperCase();
	if (NUMBER.test(t)) return 'number';
	if (t === 'VARCHAR' || t.startsWith('ENUM(') || t === 'UUID') return 'text';
	if (t === 'BOOLEAN') return 'boolean';
	if (t === 'DATE' || t.startsWith('TIMESTAMP')) return 'date';
	return 'other';
}

export function planColumns(described: { column_name: string; column_type: string }[]) {
	return described.map(({ column_name, column_type }): PlannedColumn => ({
		name: column_name,
		type: column_type,
		kind: kindOfType(column_type),
		asText: !EXACT_IN_ARROW.has(column_type.toUpperCase())
	}));
}

/** The code a limit's error carries, so the page can say which limit and which column. */
export const LIMIT_ERROR = 'console-limit';

/**
 * The result statement. The query's columns are renamed by position (c1, c2, …), so names it
 * repeats or quotes stay apart and none can clash with the wrapper's own; the page puts the
 * names back. Each value is checked for size as the text it would be shown as; the rows are
 * numbered as they come, so the order the query asked for is the order returned.
 */
export function resultSql(sql: string, columns: PlannedColumn[], limits: Limits = LIMITS): string {
	const c = (i: number) => `c${i + 1}`;
	const renamed = columns.map((_, i) => c(i)).join(', ');
	const shown = columns.map((col, i) => (col.asText ? `CAST(${c(i)} AS VARCHAR)` : c(i)));
	const checked = columns.map((col, i) => {
		if (col.kind !== 'text' && !col.asText) return `${c(i)}`;
		return `CASE WHEN strlen(${shown[i]}) > ${limits.cell} THEN error('${LIMIT_ERROR}:cell:${i}') ELSE ${shown[i]} END AS ${c(i)}`;
	});
	const size = columns
		.map((col, i) => (col.kind === 'text' || col.asText ? `coalesce(strlen(${c(i)}), 0)` : '8'))
		.join(' + ');
	return [
		`SELECT ${columns.map((_, i) => c(i)).join(', ')} FROM (`,
		`SELECT *, sum(__size) OVER () AS __total FROM (`,
		`SELECT *, ${size || '0'} AS __size FROM (`,
		`SELECT row_number() OVER () AS __row, ${checked.join(', ')} FROM (`,
		`SELECT * FROM ${enclosed(sql)} AS __query(${renamed}) LIMIT ${limits.rows + 1}`,
		`)))) WHERE CASE WHEN __total > ${limits.total} THEN error('${LIMIT_ERROR}:total') ELSE true END`,
		`ORDER BY __row`
	].join('\n');
}

/** Where the reader's text begins in the result statement. */
export function offsetInResult(columns: PlannedColumn[], limits: Limits = LIMITS): number {
	return resultSql('\u0000', columns, limits).indexOf('\u0000');
}

export type LimitHit = { limit: 'cell'; column: number } | { limit: 'total' };

/** The limit an engine error reports, if it is one of ours. */
export function limitHit(message: string): LimitHit | null {
	const match = new RegExp(`${LIMIT_ERROR}:(cell:(\\d+)|total)`).exec(message);
	if (!match) return null;
	return match[2] !== undefined ? { limit: 'cell', column: Number(match[2]) } : { limit: 'total' };
}
