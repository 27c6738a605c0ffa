// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	/** The query server the pages ask, set at build time (svelte.config.js); '' for DuckDB-WASM. */
	const __QUERY_SERVER__: string;
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
