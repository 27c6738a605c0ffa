/**
 * DuckDB-WASM in the browser: self-hosted bundles, one worker, started once. The figures
 * arrive as Arrow IPC, a narrow fact table and its text and dimensions (engine-tables.ts)
 * (DuckDB-WASM's Parquet reader is an extension it would fetch from
 * extensions.duckdb.org), and extension autoloading is off so nothing leaves the site.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { BUNDLES } from './engine-bundles.js';
import { readDatasetVersion } from './dataset-version.js';
import { ENGINE_TABLES, FACTS, createFigures } from './engine-tables.js';
import {
	ENGINE_WORKER_SOURCE,
	WORKER_ADOPTED,
	WORKER_FAILED,
	WORKER_START,
	type EarlyEngineWorker
} from './engine-worker.js';
import { inlineParams, type Db } from './query.js';

export interface BrowserDbOptions {
	/** Where figures.arrow is served from (the site's base path + /data). */
	dataUrl: string;
}

let connection: Promise<duckdb.AsyncDuckDBConnection> | undefined;
/** The dataset version of the figures the pages' engine loaded. */
let loadedVersion: string | null = null;
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

declare global {
	interface Window {
		/** The engine's worker app.html started early, until an engine adopts it. */
		__engineWorker?: EarlyEngineWorker;
		/** Set by the first engine to start: app.html then starts no worker any more. */
		__engineWorkerTaken?: boolean;
	}
}

/**
 * The worker app.html started for this bundle, taken once: the first engine to start (the
 * pages' or the console's) adopts it, any later one starts a worker of its own, so no two
 * engines ever share one. A worker of another bundle is stopped.
 */
function adoptEarlyWorker(script: string): EarlyEngineWorker | null {
	if (typeof window === 'undefined') return null;
	window.__engineWorkerTaken = true;
	const early = window.__engineWorker;
	if (!early) return null;
	delete window.__engineWorker;
	if (!(early.worker instanceof Worker)) return null;
	if (new URL(early.script, location.href).href !== new URL(script, location.href).href) {
		early.worker.terminate();
		return null;
	}
	return early;
}

/**
 * A worker for DuckDB-WASM (engine-worker.ts): the one app.html started early if there is one,
 * already compiling the engine, or a new one, started now. `died` rejects when its script or
 * program fails, which fails the start instead of hanging (and no error is left uncaught).
 */
function startWorker(bundle: { mainWorker: string; mainModule: string }): {
	worker: Worker;
	died: Promise<never>;
} {
	const early = adoptEarlyWorker(bundle.mainWorker);
	let worker: Worker;
	if (early) {
		worker = early.worker;
	} else {
		const url = URL.createObjectURL(new Blob([ENGINE_WORKER_SOURCE], { type: 'text/javascript' }));
		worker = new Worker(url);
		URL.revokeObjectURL(url);
	}
	const died = new Promise<never>((_, reject) => {
		const failed = (message: string) => reject(new EngineStartError('program', message));
		if (early?.error) failed(early.error);
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
	const href = (url: string) => new URL(url, location.href).href;
	worker.postMessage(
		early
			? { type: WORKER_ADOPTED }
			: { type: WORKER_START, worker: href(bundle.mainWorker), wasm: href(bundle.mainModule) }
	);
	return { worker, died };
}

/** The engine's files, on their way: fetching starts at once, and none can fail unheard. */
export type EngineFiles = Promise<PromiseSettledResult<Uint8Array>[]>;

/**
 * Fetch the engine's tables (engine-tables.ts) from `dataUrl`, all at once. Called before the
 * engine starts, the files download while its program compiles instead of after.
 */
export function fetchEngineFiles(dataUrl: string): EngineFiles {
	return Promise.allSettled(
		ENGINE_TABLES.map(async (table) => {
			const response = await fetch(`${dataUrl}/${table.file}`);
			if (!response.ok)
				throw new EngineStartError('data', `${table.file}: HTTP ${response.status}`);
			return new Uint8Array(await response.arrayBuffer());
		})
	);
}

/**
 * Load the engine's tables, fetched by `fetchEngineFiles` (now, unless they already are on
 * their way), and make `figures` from them. A file missing or not Arrow fails the start as the
 * figures' data. Returns the dataset version figures.arrow names (dataset-version.ts).
 */
export async function loadFigures(
	conn: duckdb.AsyncDuckDBConnection,
	dataUrl: string,
	files: EngineFiles = fetchEngineFiles(dataUrl)
): Promise<string | null> {
	const settled = await files;
	mark('files');
	const failed = settled.find((s) => s.status === 'rejected');
	if (failed) throw failed.reason;
	let bytes = 0;
	let version: string | null = null;
	for (const [i, table] of ENGINE_TABLES.entries()) {
		const buffer = (settled[i] as PromiseFulfilledResult<Uint8Array>).value;
		bytes += buffer.byteLength;
		// read before the insert, which hands the buffer to the worker
		if (table === FACTS) version = readDatasetVersion(buffer);
		const unreadable = (detail: string) =>
			new EngineStartError('data', `${table.file} is not readable Arrow data (${detail})`);
		try {
			await conn.insertArrowFromIPCStream(buffer, { name: table.name, create: true });
		} catch (error) {
			throw unreadable(error instanceof Error ? error.message : String(error));
		}
		// bytes that are not Arrow are inserted without an error, and leave no table behind
		const tables = await conn.query(
			`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '${table.name}'`
		);
		if (Number(tables.get(0)?.n) === 0) throw unreadable('no table in it');
	}
	await conn.query(createFigures(bytes));
	return version;
}

/**
 * A step of the engine's start, as a performance mark `engine:<step>` (the benchmark reads them
 * to say where the start's time goes, on the app's pages and on its bare engine page alike).
 */
function mark(step: string): void {
	performance.mark(`engine:${step}`);
}

/** A started DuckDB-WASM: its database (one worker) and the connection that loaded it. */
export interface Launched {
	db: duckdb.AsyncDuckDB;
	conn: duckdb.AsyncDuckDBConnection;
	/** Rejects if the worker dies later (out of memory, a crash): its answers would never come. */
	died: Promise<never>;
}

/**
 * Start a DuckDB-WASM of its own, in a worker of its own, from the self-hosted bundles: `load`
 * fills it, then external access is switched off and the configuration locked, so nothing run
 * on it later reads files or addresses or undoes that. The pages' engine and the console's are
 * two of these: nothing sent to one can reach the other's tables.
 */
export async function launchDuckDB(
	load: (conn: duckdb.AsyncDuckDBConnection, db: duckdb.AsyncDuckDB) => Promise<void>,
	settings = ''
): Promise<Launched> {
	mark('launch');
	const bundle = await duckdb.selectBundle(BUNDLES);
	const { worker, died } = startWorker({
		mainWorker: bundle.mainWorker!,
		mainModule: bundle.mainModule
	});
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	const start = async () => {
		await db.instantiate(new URL(bundle.mainModule, location.href).href, bundle.pthreadWorker);
		mark('instantiated');
		await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
		const conn = await db.connect();
		await conn.query(
			`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`
		);
		mark('opened');
		await load(conn, db);
		mark('loaded');
		await conn.query(
			`${settings} SET enable_external_access = false; SET lock_configuration = true;`
		);
		return conn;
	};
	// a death after the start is for whoever runs queries to notice, never an unhandled rejection
	died.catch(() => undefined);
	try {
		return { db, conn: await Promise.race([start(), died]), died };
	} catch (error) {
		await db.terminate().catch(() => undefined);
		throw error;
	}
}

/** Start DuckDB-WASM (once); later calls share the same start-up. */
export function connect(): Promise<duckdb.AsyncDuckDBConnection> {
	// the figures download while the engine's program compiles in its worker
	const files = connection ? undefined : fetchEngineFiles(options.dataUrl);
	connection ??= launchDuckDB(async (conn) => {
		loadedVersion = await loadFigures(conn, options.dataUrl, files);
	}).then(
		({ conn }) => conn,
		(error) => {
			connection = undefined;
			throw error;
		}
	);
	return connection;
}

/**
 * The pages' engine. Only the views' own statements reach it; the SQL console runs on an
 * engine of its own (src/lib/console/engine.ts).
 */
export const browserDb: Db = {
	async all(sql, params) {
		const conn = await connect();
		const table = await conn.query(inlineParams(sql, params));
		return table.toArray().map((row) => ({ ...row.toJSON() }));
	},
	async version() {
		await connect();
		return loadedVersion;
	}
};
