/**
 * Running a reader's query in the browser: on the console's own engine, one prepared statement
 * at a time (execute.ts), cancelled on request or after a time limit, and the engine restarted
 * when a query will not stop or its worker dies, so the tab and the console stay usable.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { RecordBatch } from 'apache-arrow';
import { consoleEngine, restartConsoleEngine } from './engine.js';
import { executeQuery, RefusedError, type ConsoleConnection, type ResultSet } from './execute.js';

export class CancelledError extends Error {}

/** How long a query may run before it is stopped. */
export const TIME_LIMIT_MS = 60_000;
/** How long a cancelled query may take to stop before the engine is restarted. */
const CANCEL_GRACE_MS = 1500;

let running: { cancel(reason: 'reader' | 'time'): void } | undefined;

/** Each statement prepared alone (DuckDB refuses to prepare two), its answer streamed. */
function prepared(conn: AsyncDuckDBConnection): ConsoleConnection {
	return {
		async stream(sql) {
			const statement = await conn.prepare(sql);
			const reader = await statement.send();
			return (async function* (): AsyncGenerator<RecordBatch> {
				try {
					for await (const batch of reader) yield batch as RecordBatch;
				} finally {
					await statement.close().catch(() => undefined);
				}
			})();
		}
	};
}

const MESSAGES = {
	time: {
		zh: `查询运行超过 ${TIME_LIMIT_MS / 1000} 秒，已停止。`,
		en: `The query ran for more than ${TIME_LIMIT_MS / 1000} s and was stopped.`
	},
	died: {
		zh: '查询使数据引擎停止运行（可能是内存不足），引擎将在下一次查询时重新启动。',
		en: 'The query stopped the data engine (most likely out of memory); it starts again with the next query.'
	}
};

export async function runConsoleQuery(text: string, dataUrl: string): Promise<ResultSet> {
	const { db, died } = await consoleEngine(dataUrl);
	let dead = false;
	died.catch(() => (dead = true));
	const conn = await db.connect();
	let stopped: 'reader' | 'time' | null = null;
	let abandon: (error: Error) => void = () => {};
	const abandoned = new Promise<never>((_, reject) => (abandon = reject));
	const timer = setTimeout(() => running?.cancel('time'), TIME_LIMIT_MS);
	running = {
		cancel(reason) {
			stopped ??= reason;
			// not awaited: a worker busy with the query answers the cancel only when it is done
			void conn.cancelSent().catch(() => false);
			setTimeout(async () => {
				if (running === undefined) return;
				abandon(new Error('restarted'));
				await restartConsoleEngine();
			}, CANCEL_GRACE_MS);
		}
	};
	const ask = executeQuery(prepared(conn), text, { cancelled: () => stopped !== null });
	ask.catch(() => undefined);
	try {
		const result = await Promise.race([ask, abandoned, died]);
		if (stopped === null) return result;
		throw new CancelledError(stopped);
	} catch (error) {
		if (stopped === 'time') throw new RefusedError('time-limit', MESSAGES.time);
		if (stopped === 'reader') throw new CancelledError('cancelled');
		if (dead) {
			await restartConsoleEngine();
			throw new RefusedError('engine-stopped', MESSAGES.died);
		}
		throw error;
	} finally {
		clearTimeout(timer);
		running = undefined;
		void conn.close().catch(() => undefined);
	}
}

/** Stop the running query: the engine is told, and restarted if it has not stopped after a moment. */
export function cancelConsoleQuery(): void {
	running?.cancel('reader');
}
