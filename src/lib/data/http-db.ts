/**
 * The same views past one machine: a Db that sends each statement to a query server over HTTP
 * (src/lib/server/query-server.ts, or any endpoint that speaks its protocol) instead of running
 * it in the page. For a dataset too large to download, such as every county's bulletins: the
 * server reads Parquet partitioned by bulletin and year, and the page receives only the rows a
 * chart asks for.
 *
 * The protocol: POST `{ sql, params }` as JSON; the answer is `{ rows }`, or `{ error }` with a
 * status of 400 (the statement) or 413/429/503 (the server's limits). A server that cannot be
 * reached fails with status 0. GET answers `{ version }`: the dataset version its files name
 * (dataset/version.ts), or null.
 */
import type { Db } from './query.js';

export class QueryServerError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

export function httpDb(endpoint: string, fetcher: typeof fetch = fetch): Db {
	let version: Promise<string | null> | undefined;
	return {
		async all(sql, params) {
			const response = await fetcher(endpoint, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ sql, params })
			}).catch((error: unknown) => {
				// refused, offline, or not allowed by the page's policy: the browser says only "failed"
				const detail = error instanceof Error ? error.message : String(error);
				throw new QueryServerError(
					0,
					`the query server at ${endpoint} could not be reached (${detail})`
				);
			});
			const body = (await response.json().catch(() => null)) as {
				rows?: Record<string, unknown>[];
				error?: string;
			} | null;
			if (!response.ok || !body?.rows) {
				throw new QueryServerError(
					response.status,
					body?.error ?? `the query server answered HTTP ${response.status}`
				);
			}
			return body.rows;
		},
		// the dataset the server answers from, asked once by GET; unknown (null) if it names none or
		// the question fails, and then the pages never take their own rows for its answers
		version() {
			version ??= fetcher(endpoint, { method: 'GET' })
				.then(async (response) => {
					const body = (await response.json()) as { version?: unknown };
					return response.ok && typeof body.version === 'string' ? body.version : null;
				})
				.catch(() => null);
			return version;
		}
	};
}
