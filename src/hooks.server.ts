import type { Handle } from '@sveltejs/kit';
import { base } from '$app/paths';
import { BUNDLES } from '$lib/data/engine-bundles.js';
import { ENGINE_TABLES } from '$lib/data/engine-tables.js';
import { QUERY_SERVER } from '$lib/data/pages-db.js';

/**
 * What a page's early fetch (app.html) asks for once its first chart is painted: DuckDB-WASM's
 * program (its worker and wasm, of the build the browser can run) and the engine's tables, so
 * they download while the page hydrates and the engine, started after it, finds them in the
 * HTTP cache. JSON in a script element that never runs (no CSP hash), only on pages that start
 * the engine by themselves: an embed starts it only when a reader's state asks for it. A site
 * built for a query server (pages-db.ts) downloads no engine and lists nothing.
 */
const prefetch = JSON.stringify({
	eh: [BUNDLES.eh.mainWorker, BUNDLES.eh.mainModule],
	mvp: [BUNDLES.mvp.mainWorker, BUNDLES.mvp.mainModule],
	files: ENGINE_TABLES.map((table) => `${base}/data/${table.file}`)
});
const engineFiles = QUERY_SERVER
	? ''
	: `<script type="application/json" id="engine-prefetch">${prefetch}</script>`;

/**
 * `<html lang>` follows the page's language: zh-CN at `/`, en under `/en/`; the engine's files
 * are listed on every page but an embed.
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			html
				.replace('%lang%', event.params.lang === 'en' ? 'en' : 'zh-CN')
				.replace('%engine.prefetch%', event.route.id?.includes('/embed/') ? '' : engineFiles)
	});
