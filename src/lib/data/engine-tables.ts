/**
 * The engine's tables: what DuckDB-WASM loads instead of one wide figures table. A narrow fact
 * table (`figure_facts`: ids, numbers and dictionary-encoded dimensions) in figures.arrow, the
 * figures' text (quotes, formulas, notes) in a table of its own, and one small table per
 * dimension with its names in both languages. The view `figures` joins them back into the
 * columns of FIGURE_COLUMNS, so the views' SQL and the console's `figures` stay as they were.
 * The downloads (figures.csv/.parquet/.json) keep every column on every row.
 */
import { FIGURE_COLUMNS, type ColumnType, type FigureRow } from './schema.js';

export type EngineColumnType = ColumnType | 'DICTIONARY';

export interface EngineTable {
	/** The table's name in the engine. */
	name: string;
	/** The Arrow IPC stream it is loaded from, in the data folder. */
	file: string;
	/** The column it is joined on; a dimension has one row per value of it. */
	key: string;
	columns: readonly (readonly [name: string, type: EngineColumnType])[];
}

/** Joins a figure's row to its text. Its position in figure_facts, from 0. */
export const FIGURE_KEY = 'figure_key';

type Figure = keyof FigureRow;
const typeOf = (name: Figure): ColumnType => FIGURE_COLUMNS.find(([n]) => n === name)![1];
const plain = (...names: Figure[]) => names.map((n) => [n, typeOf(n)] as const);
const coded = (...names: Figure[]) => names.map((n) => [n, 'DICTIONARY'] as const);

export const FACTS: EngineTable = {
	name: 'figure_facts',
	file: 'figures.arrow',
	key: FIGURE_KEY,
	columns: [
		[FIGURE_KEY, 'INTEGER'],
		...plain('id'),
		...coded('bulletin_id', 'indicator_id', 'sector_id', 'area_id', 'period', 'measure'),
		...plain('value', 'value_text'),
		...coded('unit', 'qualifier'),
		...plain('base_value', 'derived'),
		...coded('doc_id'),
		...plain('quote_start', 'quote_end', 'disputed', 'superseded_by')
	]
};

export const TEXT: EngineTable = {
	name: 'figure_text',
	file: 'figures-text.arrow',
	key: FIGURE_KEY,
	columns: [[FIGURE_KEY, 'INTEGER'], ...plain('written', 'formula', 'inputs', 'quote', 'notes')]
};

/** A dimension: one row per value of its key, which figure_facts holds dictionary-encoded. */
function dimension(name: string, key: Figure, ...columns: Figure[]): EngineTable {
	return {
		name,
		file: `figures-${name.slice('figure_'.length)}.arrow`,
		key,
		columns: plain(key, ...columns)
	};
}

export const DIMENSIONS: EngineTable[] = [
	dimension(
		'figure_indicators',
		'indicator_id',
		'indicator_zh',
		'indicator_en',
		'topic',
		'topic_zh',
		'topic_en'
	),
	dimension(
		'figure_sectors',
		'sector_id',
		'sector_zh',
		'sector_en',
		'sector_group',
		'sector_order'
	),
	dimension('figure_areas', 'area_id', 'area_zh', 'area_en'),
	dimension('figure_periods', 'period', 'period_type', 'period_start', 'period_end', 'year'),
	dimension('figure_units', 'unit', 'unit_en', 'base_unit'),
	dimension(
		'figure_documents',
		'doc_id',
		'doc_title',
		'doc_title_en',
		'doc_kind',
		'doc_page',
		'session',
		'meeting_date'
	)
];

/** Every table the engine loads, the fact table first. */
export const ENGINE_TABLES: EngineTable[] = [FACTS, TEXT, ...DIMENSIONS];

/**
 * The wide figures, as they were one table: each column of FIGURE_COLUMNS from the table that
 * holds it. A figure without a sector keeps its null sector columns.
 */
export const FIGURES_SELECT = `SELECT ${FIGURE_COLUMNS.map(([name]) => name).join(', ')}
FROM ${FACTS.name}
${DIMENSIONS.map((d) => `${d.key === 'sector_id' ? 'LEFT JOIN' : 'JOIN'} ${d.name} USING (${d.key})`).join('\n')}
JOIN ${TEXT.name} USING (${FIGURE_KEY})`;

/**
 * Below this many bytes of engine files `figures` is made a table (the real data: well under
 * a MiB), which answers the views faster than joining on every query; above, it stays a view.
 */
export const MATERIALISE_BELOW_BYTES = 8 * 2 ** 20;

/** The statement that makes `figures` once every engine table is loaded. */
export function createFigures(engineBytes: number): string {
	return engineBytes < MATERIALISE_BELOW_BYTES
		? `CREATE TABLE figures AS ${FIGURES_SELECT}\nORDER BY ${FIGURE_KEY}`
		: `CREATE VIEW figures AS ${FIGURES_SELECT}`;
}
