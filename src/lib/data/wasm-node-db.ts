/**
 * DuckDB-WASM running inside Node (its blocking build), loaded exactly as the browser loads it:
 * from the engine's Arrow IPC files, with extension autoloading off. Tests use it to prove that
 * the browser's engine and the build's engine return the same rows for the same query.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
	ConsoleLogger,
	LogLevel,
	NODE_RUNTIME,
	createDuckDB,
	type DuckDBConnection
} from '@duckdb/duckdb-wasm/blocking';
import { ENGINE_TABLES, createFigures } from './engine-tables.js';
import { inlineParams, type Db } from './query.js';

const require = createRequire(import.meta.url);

/** A connection to DuckDB-WASM in Node, set up as the browser's: no extensions fetched. */
export async function openWasmNodeConnection(): Promise<DuckDBConnection> {
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
	const db = await createDuckDB(
		{
			mvp: {
				mainModule: join(dist, 'duckdb-mvp.wasm'),
				mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs')
			},
			eh: {
				mainModule: join(dist, 'duckdb-eh.wasm'),
				mainWorker: join(dist, 'duckdb-node-eh.worker.cjs')
			}
		},
		new ConsoleLogger(LogLevel.WARNING),
		NODE_RUNTIME
	);
	await db.instantiate();
	db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = db.connect();
	conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
	return conn;
}

/** DuckDB-WASM in Node over the engine's tables in `dataDir`, `figures` made as the browser does. */
export async function openWasmNodeDb(dataDir: string): Promise<Db & { close(): void }> {
	const conn = await openWasmNodeConnection();
	let bytes = 0;
	for (const table of ENGINE_TABLES) {
		const buffer = new Uint8Array(readFileSync(join(dataDir, table.file)));
		bytes += buffer.byteLength;
		conn.insertArrowFromIPCStream(buffer, { name: table.name, create: true });
	}
	conn.query(createFigures(bytes));
	return {
		// as the browser runs them: parameters written in, one statement
		async all(sql, params) {
			return conn
				.query(inlineParams(sql, params))
				.toArray()
				.map((row) => ({ ...row.toJSON() }));
		},
		close() {
			conn.close();
		}
	};
}
