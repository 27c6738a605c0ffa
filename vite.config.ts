import { sveltekit } from '@sveltejs/kit/vite';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** apache-arrow's null test compiled with `new Function`, which the CSP refuses, served without eval. */
function arrowWithoutEval(): Plugin {
	const replacement = new URL('./scripts/arrow-valid.js', import.meta.url);
	return {
		name: 'arrow-without-eval',
		enforce: 'pre',
		load(id) {
			if (id.replace(/\\/g, '/').endsWith('/apache-arrow/builder/valid.mjs'))
				return readFileSync(replacement, 'utf8');
		}
	};
}

export default defineConfig({
	plugins: [arrowWithoutEval(), sveltekit()],
	optimizeDeps: {
		exclude: ['@duckdb/duckdb-wasm'],
		// the development server's pre-bundled apache-arrow needs the same replacement
		rolldownOptions: { plugins: [arrowWithoutEval()] }
	},
	preview: { host: '127.0.0.1', port: 4173, strictPort: true },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
		testTimeout: 30000
	}
});
