import type { Handle } from '@sveltejs/kit';
import { base } from '$app/paths';
import { BUNDLES } from '$lib/data/engine-bundles.js';
import { ENGINE_TABLES } from '$lib/data/engine-tables.js';
import { ENGINE_WORKER_SOURCE, WORKER_START } from '$lib/data/engine-worker.js';
import { QUERY_SERVER } from '$lib/data/pages-db.js';
import { moveModulePreloads } from '$lib/page-head.js';

/**
 * What a page starts early (app.html) once its first chart is painted: DuckDB-WASM's worker
 * (engine-worker.ts: its script, and the program of the build the browser can run, which it
 * compiles from the stream at once), adopted by the engine the page starts after hydration
 * (db.ts); and the engine's tables, read into the HTTP cache meanwhile. JSON in a script element
 * that never runs (no CSP hash), only on pages that start the engine by themselves: an embed
 * starts it only when a reader's state asks for it. A site built for a query server
 * (pages-db.ts) downloads no engine and lists nothing.
 */
const prefetch = JSON.stringify({
	eh: [BUNDLES.eh.mainWorker, BUNDLES.eh.mainModule],
	mvp: [BUNDLES.mvp.mainWorker, BUNDLES.mvp.mainModule],
	files: ENGINE_TABLES.map((table) => `${base}/data/${table.file}`),
	source: ENGINE_WORKER_SOURCE,
	start: WORKER_START
}).replaceAll('<', '\\u003c');
const engineFiles = QUERY_SERVER
	? ''
	: `<script type="application/json" id="engine-prefetch">${prefetch}</script>`;

/**
 * `<html lang>` follows the page's language: zh-CN at `/`, en under `/en/`; the modules the page
 * hydrates with are preloaded after its content (page-head.ts); the engine's files are listed on
 * every page but an embed.
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			moveModulePreloads(html, '%modulepreload%')
				.replace('%lang%', event.params.lang === 'en' ? 'en' : 'zh-CN')
				.replace('%engine.prefetch%', () =>
					event.route.id?.includes('/embed/') ? '' : engineFiles
				)
	});
