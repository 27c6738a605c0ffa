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

async function open(): Promise<duckdb.AsyncDuckDBConnection> {
	const bundle = await duckdb.selectBundle(BUNDLES);
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	database = db;
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn = await db.connect();
	await conn.query(
		`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`
	);
	const response = await fetch(`${options.dataUrl}/figures.arrow`);
	if (!response.ok) throw new Error(`figures.arrow: HTTP ${response.status}`);
	await conn.insertArrowFromIPCStream(new Uint8Array(await response.arrayBuffer()), {
		name: 'figures',
		create: true
	});
	// nothing typed into the SQL console may read files or addresses, or undo this
	await conn.query(`SET enable_external_access = false; SET lock_configuration = true;`);
	return conn;
}

/** Insert rows as a new table (the console's catalogue and checks), through Arrow. */
export async function insertRows(name: string, rows: Record<string, unknown>[]): Promise<void> {
	const conn = await connect();
	const { tableFromJSON } = await import('apache-arrow');
	await conn.insertArrowTable(tableFromJSON(rows), { name, create: true });
}

/**
 * Stop the engine outright: its worker is terminated and the next query starts a new one. For
 * a query that does not heed a cancel (some long joins run without checking for one).
 */
export async function restartEngine(): Promise<void> {
	const old = database;
	connection = undefined;
	database = undefined;
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

export const browserDb: Db = {
	async all(sql, params) {
		const conn = await connect();
		const table = await conn.query(inlineParams(sql, params));
		return table.toArray().map((row) => ({ ...row.toJSON() }));
	}
};
