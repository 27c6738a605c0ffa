/**
 * DuckDB-WASM's self-hosted builds: the page's engine starts from them (db.ts), and the
 * prerendered pages list them for the early fetch (hooks.server.ts, app.html). Only their
 * addresses: importing this module loads none of DuckDB's code.
 */
import type { DuckDBBundles } from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

export const BUNDLES = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
} satisfies DuckDBBundles;
