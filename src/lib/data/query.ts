/**
 * The one query layer: a query is SQL with `?` parameters and the row type it returns. The
 * same queries run on Node DuckDB at build time and on DuckDB-WASM in the browser.
 * SSR-safe: nothing here touches the browser until run() is called without a Db.
 */

export interface Query<Row> {
	sql: string;
	params: (string | number | boolean)[];
	/** Type only: the row this query returns. */
	readonly _row?: Row;
}

export interface Db {
	all(
		sql: string,
		params: readonly (string | number | boolean)[]
	): Promise<Record<string, unknown>[]>;
	/** The version of the dataset it answers from (data/dataset-version.ts), null if unknown. */
	version?(): Promise<string | null>;
}

/**
 * Run a query on `db`, or, without one, ask the pages' engine through the coordinator, which
 * answers a question asked before from memory and one nobody waits for (`signal`) not at all.
 */
export async function run<Row>(query: Query<Row>, db?: Db, signal?: AbortSignal): Promise<Row[]> {
	if (db) return (await db.all(query.sql, query.params)) as Row[];
	// duckdb-wasm breaks prerendering when imported at module level, so it loads late
	return (await import('./coordinator.js')).pagesCoordinator().query(query, signal);
}

/**
 * The query with its parameters written in as SQL literals, for DuckDB-WASM: one message to its
 * worker instead of three (prepare, run, close), which is most of a filter change's time.
 * A string becomes a quoted literal with its quotes doubled, the only escape a DuckDB string
 * literal knows; a `?` inside quoted text, a quoted name or a comment is not a placeholder.
 */
export function inlineParams(sql: string, params: readonly (string | number | boolean)[]): string {
	let out = '';
	let next = 0;
	for (let i = 0; i < sql.length; i++) {
		const ch = sql[i]!;
		if (ch === "'" || ch === '"') {
			const end = sql.indexOf(ch, i + 1);
			if (end < 0) throw new Error(`unterminated ${ch} at ${i}`);
			out += sql.slice(i, end + 1);
			i = end;
		} else if (ch === '-' && sql[i + 1] === '-') {
			const end = sql.indexOf('\n', i);
			out += end < 0 ? sql.slice(i) : sql.slice(i, end);
			i = end < 0 ? sql.length : end - 1;
		} else if (ch === '?') {
			if (next >= params.length)
				throw new Error(`more placeholders than the ${params.length} parameters`);
			out += literal(params[next++]!);
		} else out += ch;
	}
	if (next !== params.length)
		throw new Error(`${params.length} parameters for ${next} placeholders`);
	return out;
}

function literal(value: string | number | boolean): string {
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
		return String(value);
	}
	return `'${value.replaceAll("'", "''")}'`;
}
