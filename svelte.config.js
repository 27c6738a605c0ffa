import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// SvelteKit loads this file anew for each build step (and in the prerendering process); a
// version taken from the clock, or from a commit made while a build runs, could then differ
// between the client build and the prerendered pages, whose payload would be written under a
// name their scripts do not read, and no page would hydrate. The first load names the build
// (the commit and the time) and hands the name to every later load through the environment.
function buildVersion() {
	if (process.env.DISTRICT_FIGURES_BUILD) return process.env.DISTRICT_FIGURES_BUILD;
	let commit = 'no-git';
	try {
		commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
			.toString()
			.trim();
	} catch {
		// a copy without its git history still builds
	}
	process.env.DISTRICT_FIGURES_BUILD = `${commit}-${Date.now()}`;
	return process.env.DISTRICT_FIGURES_BUILD;
}

/**
 * Where the pages' views are answered, chosen when the site is built: by default DuckDB-WASM in
 * the page over the bundled figures; with QUERY_SERVER set, a query server over HTTP
 * (src/lib/data/http-db.ts), for a dataset too large to download. An address on the site
 * (`/query`) or of its own origin (`https://figures.example.org/query`), which the pages' CSP
 * then allows to be asked and nothing else.
 * @param {string | undefined} value
 */
export function queryServerAddress(value) {
	if (!value) return { address: '', origin: null };
	const site = 'http://the-site.invalid';
	/** @type {URL} */
	let url;
	try {
		url = new URL(value, site);
	} catch {
		throw new Error(`QUERY_SERVER is not an address: ${value}`);
	}
	if (!value.startsWith('/') && !/^https?:\/\//.test(value))
		throw new Error(`QUERY_SERVER must be an http(s) address or a path on the site: ${value}`);
	if (url.username || url.password)
		throw new Error('QUERY_SERVER must not carry a user name or password: pages are public');
	return { address: value, origin: url.origin === site ? null : url.origin };
}
export const queryServer = queryServerAddress(process.env.QUERY_SERVER);

// SvelteKit hashes only the scripts it writes; app.html's own (the theme before first paint)
// is allowed by its hash, taken from the template so an edit cannot outdate it
const template = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8');
const templateScripts = [...template.matchAll(/<script>([^<]*)<\/script>/g)].map(
	([, body = '']) =>
		/** @type {`sha256-${string}`} */ (
			`sha256-${createHash('sha256').update(body).digest('base64')}`
		)
);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({
			// another folder lets a second build (a query server's, tests/e2e-query-server) stand beside
			pages: process.env.BUILD_DIR ?? 'build',
			assets: process.env.BUILD_DIR ?? 'build',
			fallback: undefined,
			precompress: process.env.PRECOMPRESS !== '0',
			strict: true
		}),
		version: { name: buildVersion() },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		output: { bundleStrategy: 'split' },
		// every page's CSS (about 25 KB, 6 KB compressed) goes into its HTML: no stylesheet request
		// blocks the first paint of the prerendered charts, which would otherwise queue behind the
		// module preloads on a slow connection
		inlineStyleThreshold: 40_000,
		// prerendered pages carry this as a <meta http-equiv>, with the hash of each inline script;
		// frame-ancestors cannot be set there, so scripts/serve-app.ts sends it as a header
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// DuckDB-WASM compiles its engine in the worker, which a blob: URL wraps (data/db.ts)
				'script-src': ['self', 'wasm-unsafe-eval', ...templateScripts],
				'worker-src': ['self', 'blob:'],
				// the query server, when the site is built for one, is the one other address asked
				'connect-src': [
					'self',
					// an origin (scheme://host[:port]) is a CSP host-source, which Kit's type spells out
					...(queryServer.origin
						? [/** @type {`${string}://${string}.${string}`} */ (queryServer.origin)]
						: [])
				],
				// PNG export draws the composed SVG from a blob: URL; fonts inside it are data: URLs
				'img-src': ['self', 'data:', 'blob:'],
				// the prerendered markup has style attributes (legend swatches, app.html's wrapper) and
				// CodeMirror mounts its theme as a <style> element, which a hash cannot cover
				'style-src': ['self', 'unsafe-inline'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
