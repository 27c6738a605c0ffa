/** Exactly a chart's data as CSV: one row per mark, with its quote and its source. */
import { toCsvRows } from '$lib/data/csv.js';
import type { ChartRow } from '$lib/data/queries.js';

const COLUMNS = [
	'figure_id',
	'indicator',
	'sector',
	'area',
	'period',
	'measure',
	'value',
	'unit',
	'qualifier',
	'base_value',
	'base_unit',
	'derived',
	'formula',
	'document',
	'page',
	'quote'
] as const;

export function chartCsv(rows: ChartRow[], lang: 'zh' | 'en'): string {
	const zh = lang === 'zh';
	const records = rows.map((r): Record<(typeof COLUMNS)[number], unknown> => ({
		figure_id: r.id,
		indicator: zh ? r.indicator_zh : r.indicator_en,
		sector: (zh ? r.sector_zh : r.sector_en) ?? '',
		area: zh ? r.area_zh : r.area_en,
		period: r.period,
		measure: r.measure,
		value: r.value,
		unit: r.unit,
		qualifier: r.qualifier ?? '',
		base_value: r.base_value,
		base_unit: r.base_unit,
		derived: r.derived,
		formula: r.formula ?? '',
		document: zh ? r.doc_title : r.doc_title_en,
		page: r.doc_page,
		quote: r.quote
	}));
	// text a spreadsheet would run as a formula is neutralised; numbers are written as they are
	return toCsvRows(
		COLUMNS,
		records.map((r) => COLUMNS.map((c) => r[c])),
		COLUMNS.map((c) => !NUMBERS.has(c))
	);
}

const NUMBERS = new Set<string>(['value', 'base_value', 'page']);
