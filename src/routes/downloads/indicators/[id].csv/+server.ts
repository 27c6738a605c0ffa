import { error } from '@sveltejs/kit';
import { run } from '$lib/data/query.js';
import { toCsv } from '$lib/data/csv.js';
import { FIGURE_COLUMNS } from '$lib/data/schema.js';
import { siteData } from '$lib/server/dataset.js';
import { figuresDb } from '$lib/server/figures-db.js';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () =>
	siteData().catalog.indicators.map((i) => ({ id: i.id }));

/** One indicator's figures, every column, UTF-8 with a byte-order mark for spreadsheets. */
export const GET: RequestHandler = async ({ params }) => {
	if (!siteData().catalog.indicators.some((i) => i.id === params.id))
		error(404, `no indicator ${params.id}`);
	const rows = await run<Record<string, unknown>>(
		{
			sql: 'SELECT * FROM figures WHERE indicator_id = ? ORDER BY period_start, sector_order, id',
			params: [params.id]
		},
		await figuresDb()
	);
	return new Response(
		toCsv(
			FIGURE_COLUMNS.map(([name]) => name),
			rows
		),
		{
			headers: { 'content-type': 'text/csv; charset=utf-8' }
		}
	);
};
