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
}

export async function run<Row>(query: Query<Row>, db?: Db): Promise<Row[]> {
	// duckdb-wasm breaks prerendering when imported at module level, so it loads late
	db ??= (await import('./db.js')).browserDb;
	return (await db.all(query.sql, query.params)) as Row[];
}
