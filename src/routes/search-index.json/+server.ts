import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { pinyin } from 'pinyin-pro';
import type { FigureRow } from '$lib/data/schema.js';
import { INDEX_OPTIONS, pack, searchDocuments, type SearchDoc } from '$lib/search/index.js';
import { siteData } from '$lib/server/dataset.js';
import type { RequestHandler } from './$types';

export const prerender = true;

/** The site search's index, built once at build time; the search box fetches it on first use. */
export const GET: RequestHandler = () => {
	const { catalog, documents } = siteData();
	const figures = JSON.parse(readFileSync('static/data/figures.json', 'utf8')) as FigureRow[];
	const index = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
	index.addAll(
		searchDocuments({
			catalog,
			documents,
			figures,
			romanise: (han) => pinyin(han, { toneType: 'none', type: 'array', v: true })
		})
	);
	return new Response(JSON.stringify(pack(index)), {
		headers: { 'content-type': 'application/json; charset=utf-8' }
	});
};
