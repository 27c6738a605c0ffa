/**
 * Running a reader's query in DuckDB-WASM: guarded, on a connection of its own, streamed in
 * record batches so it can be cancelled between them, timed from send to last row.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { restartEngine, separateConnection } from '$lib/data/db.js';
import { forgetConsoleTables } from './setup.js';
import { guardSql } from './guard.js';
import { kindOf, plainValue, ROW_LIMIT, type ResultSet } from './result.js';

export class RefusedError extends Error {
	constructor(
		message: string,
		readonly reason: string
	) {
		super(message);
	}
}

export class CancelledError extends Error {}

let connection: Promise<AsyncDuckDBConnection> | undefined;
let cancelled = false;
let running = false;
/** Ends the wait for a query whose engine was restarted (its answer will never come). */
let abandon: (() => void) | undefined;
/** How long a cancelled query may take to stop before the engine is restarted. */
const CANCEL_GRACE_MS = 1500;

export async function runConsoleQuery(text: string, lang: 'zh' | 'en'): Promise<ResultSet> {
	const guarded = guardSql(text);
	if (!guarded.ok) throw new RefusedError(guarded.message[lang], guarded.reason);
	connection ??= separateConnection();
	const conn = await connection;
	cancelled = false;
	running = true;
	try {
		const gone = new Promise<never>(
			(_, reject) => (abandon = () => reject(new CancelledError('cancelled')))
		);
		return await Promise.race([collect(conn, guarded.sql), gone]);
	} catch (error) {
		// a cancelled query ends with the engine's "interrupted" error, or its worker gone
		if (cancelled) throw new CancelledError('cancelled');
		throw error;
	} finally {
		running = false;
		abandon = undefined;
	}
}

async function collect(conn: AsyncDuckDBConnection, sql: string): Promise<ResultSet> {
	const started = performance.now();
	const reader = await conn.send(sql, true);
	const rows: unknown[][] = [];
	let columns: ResultSet['columns'] = [];
	let truncated = false;
	for await (const batch of reader) {
		if (cancelled) throw new CancelledError('cancelled');
		if (columns.length === 0) {
			columns = batch.schema.fields.map((f) => ({
				name: f.name,
				type: String(f.type),
				kind: kindOf(String(f.type))
			}));
		}
		const vectors = columns.map((_, i) => batch.getChildAt(i));
		for (let r = 0; r < batch.numRows; r++) {
			if (rows.length >= ROW_LIMIT) {
				truncated = true;
				break;
			}
			rows.push(columns.map((c, i) => plainValue(vectors[i]?.get(r), c.kind)));
		}
		if (truncated) break;
	}
	if (cancelled) throw new CancelledError('cancelled');
	if (columns.length === 0) {
		// an empty result still has a schema
		columns = (reader.schema?.fields ?? []).map((f) => ({
			name: f.name,
			type: String(f.type),
			kind: kindOf(String(f.type))
		}));
	}
	return { columns, rows, elapsed: performance.now() - started, truncated };
}

/**
 * Stop the running query: the engine is told, the batches still coming are dropped, and if it
 * has not stopped after a moment its worker is restarted, so the console is usable again.
 */
export async function cancelConsoleQuery(): Promise<void> {
	if (!running || !connection) return;
	cancelled = true;
	setTimeout(async () => {
		if (!running) return;
		abandon?.();
		connection = undefined;
		forgetConsoleTables();
		await restartEngine();
	}, CANCEL_GRACE_MS);
	// not awaited: a worker busy with the query answers the cancel only when it is done
	void connection.then((conn) => conn.cancelSent()).catch(() => false);
}
