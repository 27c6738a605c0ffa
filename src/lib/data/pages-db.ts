/**
 * The pages' Db, chosen when the site is built (QUERY_SERVER, svelte.config.js): DuckDB-WASM in
 * the page over the bundled figures (db.ts), or, for a dataset too large to download, a query
 * server over HTTP (http-db.ts). Every page, embed and briefing asks through the coordinator,
 * which asks this; none of them knows which it is.
 */
import type { Db } from './query.js';

/** The query server's address, or '' when the pages run DuckDB-WASM. */
export const QUERY_SERVER: string = __QUERY_SERVER__;

/** The host a query server is asked at, when it is given as another address; null for a path on the site or none. */
export function queryServerHost(address = QUERY_SERVER): string | null {
	return /^https?:\/\//.test(address) ? new URL(address).host : null;
}

let server: Promise<Db> | undefined;

/** The pages' Db, one for the page however many ask at once; loads only the code of the one in use. */
export async function pagesDb(): Promise<Db> {
	if (QUERY_SERVER) return (server ??= import('./http-db.js').then((m) => m.httpDb(QUERY_SERVER)));
	return (await import('./db.js')).browserDb;
}
