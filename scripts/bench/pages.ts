/**
 * What the benchmark loads: the site's pages found in the build, and two pages generated at
 * run time into the private copy of the build (never into build/ or static/):
 *
 * - the lower bound: a plain static page holding one inline SVG chart, the site's first chart
 *   as prerendered on `/`, with no CSS or JavaScript files;
 * - the bare engine page: nothing but the site's own DuckDB-WASM chunk (the same hashed
 *   bundles from build/_app/immutable/), started at once and given the engine's tables
 *   (figures.arrow and its text and dimensions) exactly as the app does, so the app's start-up
 *   can be compared with the engine's own.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ENGINE_TABLES } from '../../src/lib/data/engine-tables.js';
import { compressFile } from './server.js';

export const LOWER_BOUND_PATH = '/__bench/lower-bound';
export const BARE_ENGINE_PATH = '/__bench/bare-duckdb';

export interface SitePage {
	name: string;
	/** Address on the served copy; null when the build has no such page. */
	path: string | null;
	note?: string;
}

function list(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? list(join(dir, e.name)) : [join(dir, e.name)]
	);
}

const pathOf = (site: string, file: string) =>
	'/' +
	relative(site, file)
		.replace(/\\/g, '/')
		.replace(/(index)?\.html$/, '')
		.replace(/\/$/, '');

/** `/`, a topic page, an indicator page with a sector select, and an embed if one was built. */
export function sitePages(site: string): SitePage[] {
	const pick = (dir: string, preferred: string) => {
		if (existsSync(join(site, dir, `${preferred}.html`))) return `/${dir}/${preferred}`;
		const first = readdirSync(join(site, dir))
			.filter((f) => f.endsWith('.html'))
			.sort()[0];
		return first ? `/${dir}/${first.replace(/\.html$/, '')}` : null;
	};
	// the embed of the chart `/` shows first, else the first embed there is
	const embeds = list(join(site, 'embed'))
		.filter((f) => f.endsWith('.html'))
		.sort(
			(a, b) =>
				Number(b.endsWith('/topic/industry/industry-output.html')) -
					Number(a.endsWith('/topic/industry/industry-output.html')) || a.localeCompare(b)
		);
	return [
		{ name: 'overview /', path: '/' },
		{ name: 'topic', path: pick('topics', 'industry') },
		{ name: 'indicator', path: pick('indicators', 'land-area') },
		embeds.length
			? { name: 'embed', path: pathOf(site, embeds[0]!) }
			: { name: 'embed', path: null, note: 'not built' }
	];
}

/** The first prerendered chart of `/`: its title, subtitle and SVG markup. */
export function firstChart(site: string): { title: string; subtitle: string; svg: string } {
	const html = readFileSync(join(site, 'index.html'), 'utf8');
	const at = html.indexOf('data-chart=');
	if (at < 0) throw new Error('build/index.html has no <figure data-chart>');
	const start = html.indexOf('<svg', at);
	const end = html.indexOf('</svg>', start) + '</svg>'.length;
	const text = (re: RegExp) => re.exec(html.slice(at, start))?.[1]?.replace(/<[^>]+>/g, '') ?? '';
	return {
		title: text(/<h3[^>]*>([\s\S]*?)<\/h3>/),
		subtitle: text(/<p class="subtitle[^"]*"[^>]*>([\s\S]*?)<\/p>/),
		svg: html.slice(start, end).replace(/<!--[^>]*-->/g, '')
	};
}

/**
 * The chunk that holds src/lib/data/db.ts: it exports configureBrowserDb and connect by name,
 * or (as Vite 8 bundles it, imported both statically and dynamically) a namespace object that
 * holds them.
 */
export function engineChunk(site: string): string | null {
	const dir = join(site, '_app/immutable');
	const exported = (name: string) => new RegExp(`\\bas ${name}\\b|\\b${name}:\\(\\)=>`);
	for (const file of list(dir).filter((f) => f.endsWith('.js'))) {
		const code = readFileSync(file, 'utf8');
		if (exported('configureBrowserDb').test(code) && exported('connect').test(code))
			return '/' + relative(site, file).replace(/\\/g, '/');
	}
	return null;
}

/** Every file a page loads only to run the engine: its chunk, the workers and wasm, the data. */
export function engineFiles(site: string): string[] {
	const chunk = engineChunk(site);
	const assets = list(join(site, '_app/immutable/assets'))
		.filter((f) => /duckdb/.test(f) && /\.(js|wasm)$/.test(f))
		.map((f) => '/' + relative(site, f).replace(/\\/g, '/'));
	return [...(chunk ? [chunk] : []), ...assets, ...ENGINE_TABLES.map((t) => `/data/${t.file}`)];
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

async function writePage(site: string, path: string, html: string): Promise<void> {
	const file = join(site, `${path}.html`);
	mkdirSync(join(file, '..'), { recursive: true });
	writeFileSync(file, html);
	await compressFile(file); // served compressed like every page of the site
}

/** Write the lower-bound and bare-engine pages into the copy; says what it could not write. */
export async function writeBenchPages(site: string): Promise<{ bareEngine: string | null }> {
	const chart = firstChart(site);
	await writePage(
		site,
		LOWER_BOUND_PATH,
		`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lower bound: one inline SVG chart</title>
<style>
:root{--c0:#0b6bb0;--c1:#b35f00;--c2:#00806a;--c3:#6b717a;--c4:#b8447a;--c5:#5d4bb0;--text:#1d2630;--muted:#4a5561;--chart-bg:#fff}
body{font-family:system-ui,sans-serif;color:var(--text);margin:1rem auto;max-width:60rem;padding:0 1rem}
figure{margin:0}svg{max-width:100%;height:auto;overflow:visible}svg text{fill:currentColor}
</style>
</head>
<body>
<main>
<figure data-chart="lower-bound">
<h3>${escapeHtml(chart.title)}</h3>
<p>${escapeHtml(chart.subtitle)}</p>
${chart.svg}
</figure>
</main>
</body>
</html>
`
	);

	const chunk = engineChunk(site);
	if (!chunk) return { bareEngine: null };
	await writePage(
		site,
		BARE_ENGINE_PATH,
		`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Bare DuckDB-WASM start-up</title>
</head>
<body>
<p>Starting DuckDB-WASM from the site's own chunk ${chunk}, nothing else.</p>
<script type="module">
const root = document.documentElement;
root.dataset.engine = 'loading';
try {
	const mod = await import(${JSON.stringify(chunk)});
	const engine = [mod, ...Object.values(mod)].find((m) => typeof m?.configureBrowserDb === 'function');
	engine.configureBrowserDb({ dataUrl: '/data' });
	await engine.connect();
	root.dataset.engine = 'ready';
} catch (error) {
	root.dataset.engineError = String(error);
	root.dataset.engine = 'failed';
}
</script>
</body>
</html>
`
	);
	return { bareEngine: chunk };
}
