/**
 * The script of the worker DuckDB-WASM runs in: a wrapper around duckdb's own worker script, the
 * same for the engine a page starts early (app.html, from the list hooks.server.ts writes) and
 * for one started later (db.ts). Plain text, importing nothing: it becomes a blob: worker.
 *
 * - Started by a message `{ type: START, worker, wasm }` (absolute addresses), it begins
 *   compiling the engine's wasm from the network stream at once, while duckdb's worker script
 *   loads, and long before anyone asks the engine to start: duckdb's own `instantiateStreaming`
 *   then instantiates that compiled module instead of fetching and compiling the file again
 *   (the response it fetched is cancelled).
 * - duckdb-wasm's worker leaves a failed WebAssembly compile (a missing or corrupt .wasm) as an
 *   unhandled rejection, and its `instantiate()` then waits forever. The wrapper catches that, and
 *   a missing or broken script, and tells the page with a message `{ type: FAILED, message }`,
 *   which duckdb never sees (db.ts stops it first).
 * - A worker started before the page listens (app.html) tells a failure again when the page
 *   adopts it (`{ type: ADOPTED }`): a message sent to no listener is lost.
 */
export const WORKER_FAILED = 'engine-worker-failed';
export const WORKER_START = 'engine-worker-start';
export const WORKER_ADOPTED = 'engine-worker-adopted';

export const ENGINE_WORKER_SOURCE = `
let failure = null;
const fail = (error) => {
	failure = String((error && error.message) || error);
	postMessage({ type: '${WORKER_FAILED}', message: failure });
};
self.addEventListener('unhandledrejection', (event) => {
	event.preventDefault();
	fail(event.reason);
});
self.addEventListener('message', (event) => {
	const type = event.data && event.data.type;
	if (type === '${WORKER_ADOPTED}') {
		event.stopImmediatePropagation();
		if (failure !== null) postMessage({ type: '${WORKER_FAILED}', message: failure });
	}
	if (type !== '${WORKER_START}') return;
	event.stopImmediatePropagation();
	const compiled = WebAssembly.compileStreaming(fetch(event.data.wasm, { credentials: 'same-origin' }));
	compiled.catch(() => undefined);
	const instantiate = WebAssembly.instantiate;
	WebAssembly.instantiateStreaming = async (source, imports) => {
		Promise.resolve(source).then((response) => response.body && response.body.cancel()).catch(() => undefined);
		const module = await compiled;
		return { module, instance: await instantiate(module, imports) };
	};
	try {
		importScripts(event.data.worker);
	} catch (error) {
		fail(error);
	}
});
`;

/** A worker app.html started for the page's engine before the page's code ran (db.ts adopts it). */
export interface EarlyEngineWorker {
	worker: Worker;
	/** The duckdb worker script it was started with: its bundle (eh or mvp). */
	script: string;
	/** An error event it fired before it was adopted. */
	error?: string;
}
