import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Folder boundaries (STYLE.md §3): what each part of src/lib must never import. Every folder
 * of src/lib has its block, and every block keeps src/routes out: a route may use src/lib,
 * never the other way round. One block per file set, as a later block replaces an earlier one.
 */
const boundary = (files, patterns) => ({
	files,
	ignores: ['**/*.test.ts'], // tests may reach across folders to compare them
	rules: { 'no-restricted-imports': ['error', { patterns }] }
});

const NO_ROUTES = {
	group: ['**/routes/**', '$app/types'],
	message: 'src/lib never imports from src/routes: move what two places need into src/lib.'
};
const NO_PIPELINES = {
	group: ['$lib/extract/*', '**/extract/**', '$lib/dataset/*', '**/dataset/**'],
	allowTypeImports: true,
	message:
		'the app reads what the dataset build wrote (static/data/), never the pipelines’ code; types only.'
};

export default ts.config(
	{
		ignores: [
			'build/',
			'build-query-server/',
			'.svelte-kit/',
			'node_modules/',
			'static/data/',
			'test-results/',
			'playwright-report/',
			'.dbg/',
			'.tmp/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// every internal link is built by localise() in $lib/i18n, which adds the base path
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	boundary(
		['src/lib/data/**'],
		[
			{
				group: ['$lib/charts/*', '$app/*', '**/routes/**', '**/extract/**'],
				message: 'lib/data knows DuckDB and SQL, not charts, routes or extraction.'
			}
		]
	),
	boundary(
		['src/lib/charts/**'],
		[
			{
				group: ['$lib/data/*', '../data/*', '$app/*', '@duckdb/*'],
				message: 'charts take rows and an encoding; they never see SQL or DuckDB.'
			},
			NO_ROUTES,
			NO_PIPELINES
		]
	),
	boundary(
		['src/lib/text/**'],
		[
			{
				group: ['$lib/*', '$app/*', '**/routes/**', '**/extract/**', '**/dataset/**', '@duckdb/*'],
				message: 'lib/text reads prose; it knows no data files, pipelines, app or browser code.'
			}
		]
	),
	boundary(
		['src/lib/dataset/**'],
		[
			{
				group: [
					'$lib/*',
					'$app/*',
					'**/charts/*',
					'**/routes/**',
					'**/extract/**',
					'@duckdb/duckdb-wasm'
				],
				message:
					'the dataset build runs under tsx: relative imports of ../data and ../text only, never the extractor.'
			}
		]
	),
	boundary(
		['src/lib/extract/**'],
		[
			{
				group: ['$lib/*', '$app/*', '**/charts/*', '**/routes/**', '@duckdb/duckdb-wasm'],
				message:
					'extract runs under tsx: relative imports of ../data, ../text and ../dataset only, no app or browser code.'
			}
		]
	),
	boundary(
		['src/lib/*.ts', 'src/lib/*.svelte'],
		[
			NO_ROUTES,
			NO_PIPELINES,
			{ group: ['@duckdb/*'], message: 'DuckDB is reached through $lib/data.' }
		]
	),
	boundary(
		['src/lib/audit/**'],
		[
			NO_ROUTES,
			NO_PIPELINES,
			{
				group: ['$app/*', '@duckdb/*'],
				message: 'the audit reads built HTML, with no app or engine.'
			}
		]
	),
	boundary(
		['src/lib/briefing/**', 'src/lib/export/**', 'src/lib/search/**', 'src/lib/ui/**'],
		[
			NO_ROUTES,
			NO_PIPELINES,
			{ group: ['@duckdb/*'], message: 'DuckDB is reached through $lib/data.' }
		]
	),
	boundary(['src/lib/console/**'], [NO_ROUTES, NO_PIPELINES]),
	boundary(
		['src/lib/server/**'],
		[
			NO_ROUTES,
			NO_PIPELINES,
			{
				group: ['@duckdb/duckdb-wasm', '$app/*'],
				message: 'lib/server prerenders with Node DuckDB, outside any page.'
			}
		]
	),
	boundary(
		['src/routes/**'],
		[
			{
				group: ['@duckdb/*', '$lib/extract/*', '$lib/dataset/*'],
				message:
					'routes reach DuckDB through $lib/data and never import the extractor or the dataset build.'
			}
		]
	)
);
