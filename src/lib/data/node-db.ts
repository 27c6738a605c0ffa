/**
 * Node DuckDB over the built Parquet: used to prerender pages and in tests. It returns plain
 * JavaScript values shaped like the browser engine's (numbers, not bigints or decimals).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Db } from './query.js';

/** A DuckDB value as the browser engine gives it: numbers, not bigints or decimals. */
export function plain(value: unknown): unknown {
	if (typeof value === 'bigint') return Number(value);
	if (value !== null && typeof value === 'object') {
		if ('toDouble' in value && typeof value.toDouble === 'function') return value.toDouble();
		return String(value);
	}
	return value;
}

/** A Db with one view per Parquet file: `{ figures: 'static/data/figures.parquet' }`. */
export async function openNodeDb(tables: Record<string, string>): Promise<Db & { close(): void }> {
	const instance = await DuckDBInstance.create(':memory:', {
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false'
	});
	const connection: DuckDBConnection = await instance.connect();
	for (const [name, path] of Object.entries(tables)) {
		await connection.run(
			`CREATE TABLE ${name} AS SELECT * FROM read_parquet('${path.replace(/'/g, "''")}')`
		);
	}
	return {
		async all(sql, params) {
			const reader = await connection.runAndReadAll(sql, [...params]);
			return reader
				.getRowObjectsJS()
				.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
		},
		close() {
			connection.closeSync();
			instance.closeSync();
		}
	};
}
