import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

// The site built for a query server (svelte.config.js, QUERY_SERVER): its own build, in a folder
// of its own, served on one port beside the query server on another. The pages are the same; the
// engine behind their filters and comparisons is the server instead of DuckDB-WASM. Everything
// else (the browser, its flags, one worker) is the page tests' own configuration.
const port = Number(process.env.E2E_QUERY_SITE_PORT ?? 4175);
const queryPort = Number(process.env.E2E_QUERY_PORT ?? 4191);
const dir = 'build-query-server';

export default defineConfig({
	...base,
	testDir: 'tests/e2e-query-server',
	reporter: [['list'], ['json', { outputFile: 'reports/playwright-query-server.json' }]],
	webServer: {
		// no precompressed copies: this build is only ever served to the tests
		command:
			`BUILD_DIR=${dir} PRECOMPRESS=0 QUERY_SERVER=http://127.0.0.1:${queryPort}/ npm run build && ` +
			`tsx scripts/serve-with-query-server.ts ${dir} ${port} static/data/figures.parquet ${queryPort}`,
		url: `http://127.0.0.1:${port}/`,
		timeout: 600_000,
		reuseExistingServer: !process.env.CI,
		stdout: 'ignore',
		stderr: 'pipe'
	},
	use: { ...base.use, baseURL: `http://127.0.0.1:${port}` }
});
