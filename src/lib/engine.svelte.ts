import { createContext } from 'svelte';
import { QUERY_SERVER, pagesDb } from '$lib/data/pages-db.js';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * The interactive engine's state for the page: DuckDB-WASM starts after first paint and
 * only ever answers changes of state; the prerendered charts never wait for it.
 */
export class Engine {
	status = $state<EngineStatus>('idle');
	error = $state<string | null>(null);
	/** What failed: the engine's program, the figures it reads, or the query server it asks. */
	failure = $state<'program' | 'data' | 'server' | null>(null);

	/**
	 * Start the engine once. A page with an engine of its own (the SQL console) passes `launch`,
	 * and the pages' engine then starts only when a view first asks it something.
	 */
	async start(dataUrl: string, launch?: () => Promise<unknown>): Promise<void> {
		if (this.status !== 'idle') return;
		this.status = 'loading';
		performance.mark('engine:start');
		let db: typeof import('$lib/data/db.js') | undefined;
		const server = QUERY_SERVER && !launch;
		try {
			if (server) {
				// a site built for a query server asks it (the pages' own Db): ready once it answers
				// about the figures
				await (await pagesDb()).all('SELECT 1 AS ok FROM figures LIMIT 1', []);
			} else {
				db = await import('$lib/data/db.js');
				db.configureBrowserDb({ dataUrl });
				await (launch ? launch() : db.connect());
			}
			this.status = 'ready';
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
			this.failure = server
				? 'server'
				: db && error instanceof db.EngineStartError
					? error.part
					: 'program';
			this.status = 'failed';
		}
	}
}

export const [getEngine, setEngine] = createContext<Engine>();
