import { toCsv } from '$lib/data/csv.js';
import { siteData } from '$lib/server/dataset.js';
import type { RequestHandler } from './$types';

export const prerender = true;

/** Every declared check with its result, as CSV for spreadsheets. */
export const GET: RequestHandler = () => {
	const rows = siteData().checks.checks.map((c) => ({ ...c, figures: c.figures.join(' ') }));
	const columns = [
		'id',
		'kind',
		'zh',
		'en',
		'lhs',
		'rhs',
		'lhs_value',
		'rhs_value',
		'difference',
		'unit',
		'tolerance',
		'passed',
		'figures',
		'notes',
		'notes_zh'
	];
	return new Response(toCsv(columns, rows), {
		headers: { 'content-type': 'text/csv; charset=utf-8' }
	});
};
