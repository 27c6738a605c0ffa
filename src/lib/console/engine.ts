/**
 * The console's own DuckDB-WASM: a second database in a worker of its own, with its own copy of
 * the figures and the console's tables. The pages chart from the other engine (src/lib/data/
 * db.ts), which no console query can reach: whatever a query or a permalink does here, the
 * pages still draw the bulletin's values. Started the first time a query runs.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { fetchEngineFiles, launchDuckDB, loadFigures, type Launched } from '$lib/data/db.js';
import { loadConsoleTables } from './setup.js';

let engine: Promise<Launched> | undefined;

/** The console's engine, started once (and again after a restart). */
export function consoleEngine(dataUrl: string): Promise<Launched> {
	// the figures download while the engine's program compiles in its worker
	const files = engine ? undefined : fetchEngineFiles(dataUrl);
	engine ??= launchDuckDB(async (conn: AsyncDuckDBConnection, db: AsyncDuckDB) => {
		await loadFigures(conn, dataUrl, files);
		await loadConsoleTables(db, conn, dataUrl);
	}).catch((error) => {
		engine = undefined;
		throw error;
	});
	return engine;
}

/** Stop the console's engine (a query that will not stop, a worker that died); the next query starts a new one. */
export async function restartConsoleEngine(): Promise<void> {
	const old = engine;
	engine = undefined;
	const launched = await old?.catch(() => undefined);
	await launched?.db.terminate().catch(() => undefined);
}
