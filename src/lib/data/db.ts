/**
 * DuckDB-WASM in the browser: self-hosted bundles, one worker, started once. The figures
 * arrive as Arrow IPC (DuckDB-WASM's Parquet reader is an extension it would fetch from
 * extensions.duckdb.org), and extension autoloading is off so nothing leaves the site.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { inlineParams, type Db } from './query.js';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

export interface BrowserDbOptions {
	/** Where figures.arrow is served from (the site's base path + /data). */
	dataUrl: string;
}

let connection: Promise<duckdb.AsyncDuckDBConnection> | undefined;
let database: duckdb.AsyncDuckDB | undefined;
let options: BrowserDbOptions = { dataUrl: '/data' };

export function configureBrowserDb(next: BrowserDbOptions): void {
	options = next;
}

/** Why the engine could not start: its program (the .wasm or its worker) or the figures it loads. */
export class EngineStartError extends Error {
	constructor(
		readonly part: 'program' | 'data',
		message: string
	) {
		super(message);
	}
}

/** The message the worker wrapper sends when duckdb-wasm's script fails; duckdb never sees it. */
const WORKER_FAILED = 'engine-worker-failed';

/**
 * duckdb-wasm's worker leaves a failed WebAssembly compile (a missing or corrupt .wasm) as an
 * unhandled rejection, and `instantiate()` then waits forever. So its script runs inside a
 * wrapper that catches that rejection, and a missing or broken script, and tells the page,
 * which fails the start instead of hanging (and no error is left uncaught).
 */
function startWorker(script: string): { worker: Worker; died: Promise<never>; release(): void } {
	const source = `
		const fail = (error) => postMessage({ type: '${WORKER_FAILED}', message: String(error?.message ?? error) });
		self.addEventListener('unhandledrejection', (event) => { event.preventDefault(); fail(event.reason); });
		try { importScripts(${JSON.stringify(new URL(script, location.href).href)}); } catch (error) { fail(error); }`;
	const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
	const worker = new Worker(url);
	const died = new Promise<never>((_, reject) => {
		const failed = (message: string) => reject(new EngineStartError('program', message));
		// added before AsyncDuckDB adds its own listener, so this one can keep the message from it
		worker.addEventListener('message', (event: MessageEvent) => {
			if (event.data?.type !== WORKER_FAILED) return;
			event.stopImmediatePropagation();
			failed(event.data.message);
		});
		worker.addEventListener('error', (event) => {
			event.preventDefault();
			failed(event.message || 'the DuckDB worker failed');
		});
	});
	return { worker, died, release: () => URL.revokeObjectURL(url) };
}

async function loadFigures(conn: duckdb.AsyncDuckDBConnection): Promise<void> {
	const response = await fetch(`${options.dataUrl}/figures.arrow`);
	if (!response.ok) throw new EngineStartError('data', `figures.arrow: HTTP ${response.status}`);
	const unreadable = (detail: string) =>
		new EngineStartError('data', `figures.arrow is not readable Arrow data (${detail})`);
	try {
		await conn.insertArrowFromIPCStream(new Uint8Array(await response.arrayBuffer()), {
			name: 'figures',
			create: true
		});
	} catch (error) {
		throw unreadable(error instanceof Error ? error.message : String(error));
	}
	// bytes that are not Arrow are inserted without an error, and leave no table behind
	const tables = await conn.query(
		`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'figures'`
	);
	if (Number(tables.get(0)?.n) === 0) throw unreadable('no table in it');
}

async function open(): Promise<duckdb.AsyncDuckDBConnection> {
	const bundle = await duckdb.selectBundle(BUNDLES);
	const { worker, died, release } = startWorker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	database = db;
	const start = async () => {
		await db.instantiate(new URL(bundle.mainModule, location.href).href, bundle.pthreadWorker);
		await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
		const conn = await db.connect();
		await conn.query(
			`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`
		);
		await loadFigures(conn);
		// nothing typed into the SQL console may read files or addresses, or undo this
		await conn.query(`SET enable_external_access = false; SET lock_configuration = true;`);
		return conn;
	};
	try {
		return await Promise.race([start(), died]);
	} catch (error) {
		database = undefined;
		await db.terminate().catch(() => undefined);
		throw error;
	} finally {
		release();
	}
}

/** Insert rows as a new table (the console's catalogue and checks), through Arrow. */
export async function insertRows(name: string, rows: Record<string, unknown>[]): Promise<void> {
	const conn = await connect();
	const { tableFromJSON } = await import('apache-arrow');
	await conn.insertArrowTable(tableFromJSON(rows), { name, create: true });
}

class EngineRestarted extends Error {}

/** Rejects when the engine is restarted: a query sent to the old worker would never be answered. */
function restartSignal(): { promise: Promise<never>; fire(): void } {
	let fire = () => {};
	const promise = new Promise<never>((_, reject) => (fire = () => reject(new EngineRestarted())));
	promise.catch(() => undefined);
	return { promise, fire };
}
let restarted = restartSignal();

/**
 * Stop the engine outright: its worker is terminated and the next query starts a new one. For
 * a query that does not heed a cancel (some long joins run without checking for one). Queries
 * of the pages' views that were waiting behind it run again on the new engine.
 */
export async function restartEngine(): Promise<void> {
	const old = database;
	connection = undefined;
	database = undefined;
	const signal = restarted;
	restarted = restartSignal();
	signal.fire();
	await old?.terminate();
}

/** A connection of its own, so cancelling a console query touches nothing else. */
export async function separateConnection(): Promise<duckdb.AsyncDuckDBConnection> {
	await connect();
	return database!.connect();
}

/** Start DuckDB-WASM (once); later calls share the same start-up. */
export function connect(): Promise<duckdb.AsyncDuckDBConnection> {
	connection ??= open().catch((error) => {
		connection = undefined;
		throw error;
	});
	return connection;
}

async function allOnce(
	sql: string,
	params: readonly (string | number | boolean)[]
): Promise<Record<string, unknown>[]> {
	const signal = restarted.promise;
	const answer = (async () => {
		const conn = await connect();
		const table = await conn.query(inlineParams(sql, params));
		return table.toArray().map((row) => ({ ...row.toJSON() }));
	})();
	// once a restart has won the race, a late failure from the old worker must not go unhandled
	answer.catch(() => undefined);
	return Promise.race([answer, signal]);
}

export const browserDb: Db = {
	async all(sql, params) {
		try {
			return await allOnce(sql, params);
		} catch (error) {
			if (error instanceof EngineRestarted) return allOnce(sql, params);
			throw error;
		}
	}
};
