import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { queryServer } from './svelte.config.js';

export default defineConfig({
	plugins: [sveltekit()],
	// where the pages' views are answered (svelte.config.js): '' for DuckDB-WASM in the page
	define: { __QUERY_SERVER__: JSON.stringify(queryServer.address) },
	optimizeDeps: {
		exclude: ['@duckdb/duckdb-wasm']
	},
	preview: { host: '127.0.0.1', port: 4173, strictPort: true },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		// worker threads start and share memory faster than forked processes: 58 s against 78 s
		// for the whole suite on the 2-core machine under load; DuckDB's Node module runs in them
		pool: 'threads',
		// each worker keeps its modules from one test file to the next instead of importing d3,
		// DuckDB and the dataset build again per file: import time 24 s → 12 s, the suite 102 s →
		// 64 s under load. Tests share no module state: no file changes a module another reads
		// (the two vi.mock calls of $app/state mock it the same way)
		isolate: false,
		expect: { requireAssertions: true },
		reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
		testTimeout: 30000,
		// a DuckDB-WASM started in a worker thread while the others run can take longer than 10 s
		hookTimeout: 60000
	}
});
