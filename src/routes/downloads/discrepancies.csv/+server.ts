import { toCsv } from '$lib/data/csv.js';
import { siteData } from '$lib/server/dataset.js';
import type { RequestHandler } from './$types';

export const prerender = true;

/** Every discrepancy, one row per statement, as CSV for spreadsheets. */
export const GET: RequestHandler = () => {
	const rows = siteData().checks.discrepancies.flatMap((d) =>
		d.figures.map((f) => ({
			key: d.key,
			indicator_id: d.indicator_id,
			sector_id: d.sector_id,
			area_id: d.area_id,
			period: d.period,
			measure: d.measure,
			...f
		}))
	);
	const columns = [
		'key',
		'indicator_id',
		'sector_id',
		'area_id',
		'period',
		'measure',
		'id',
		'doc_id',
		'value',
		'value_text',
		'unit',
		'qualifier',
		'base_value',
		'base_unit',
		'derived',
		'quote'
	];
	return new Response(toCsv(columns, rows), {
		headers: { 'content-type': 'text/csv; charset=utf-8' }
	});
};
