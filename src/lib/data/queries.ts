import type { Measure, PeriodType } from './schema.js';
import type { Query } from './query.js';

/** What a chart needs of a figure: the statement that represents its quantity. */
export interface ChartRow {
	id: string;
	indicator_id: string;
	indicator_zh: string;
	indicator_en: string;
	sector_id: string | null;
	sector_zh: string | null;
	sector_en: string | null;
	sector_order: number | null;
	sector_group: string | null;
	area_id: string;
	area_zh: string;
	area_en: string;
	topic: string;
	period: string;
	period_type: string;
	/** Days from the period's first to its last, both counted (1 for a date). */
	period_days: number;
	year: number;
	measure: Measure;
	value: number;
	value_text: string;
	unit: string;
	qualifier: string | null;
	base_value: number;
	base_unit: string;
	derived: boolean;
	formula: string | null;
	/** For a derived figure: the ids of the figures its formula uses, space-separated. */
	inputs: string | null;
	bulletin_id: string;
	/** The later bulletin's statement that revises this one, if any. */
	superseded_by: string | null;
	doc_id: string;
	doc_title: string;
	doc_title_en: string;
	doc_page: number;
	quote: string;
	/** How many statements give this quantity; whether they disagree within a bulletin; whether a later bulletin revised it. */
	statements: number;
	disputed: boolean;
	revised: boolean;
}

const CHART_COLUMNS = `id, indicator_id, indicator_zh, indicator_en, sector_id, sector_zh, sector_en, sector_order,
	sector_group, area_id, area_zh, area_en, topic, period, period_type, year, measure, value, value_text, unit, qualifier, base_value, base_unit,
	derived, formula, inputs, bulletin_id, superseded_by, doc_id, doc_title, doc_title_en, doc_page, quote`;

const QUANTITY = 'PARTITION BY indicator_id, sector_id, area_id, period, measure';

function placeholders(values: readonly unknown[]): string {
	return values.map(() => '?').join(', ');
}

export interface FigureFilter {
	indicators: string[];
	/** Only these figures. */
	ids?: string[];
	/** Only these sectors (ids). */
	sectors?: string[];
	/** Only figures these documents state. */
	docs?: string[];
	/** Every statement, one row each, instead of one row per quantity. */
	statements?: boolean;
	measures?: Measure[];
	/** Only rows in this sector group; `null` for totals only (no sector). */
	sectorGroup?: string | null;
	/** With a sector group: also the total the group breaks down (rows without a sector). */
	withTotal?: boolean;
	periods?: string[];
	/** Only periods of these kinds: a chart of years never takes in a quarter that comes later. */
	periodTypes?: PeriodType[];
	areas?: string[];
}

/**
 * One row per quantity (indicator, sector, area, period, measure) among the given indicators
 * (or every statement, when `statements` is set). A stated figure stands for its quantity
 * before a derived one, a current statement before one a later bulletin revised, then the
 * earliest session, page and position. Restatements are counted; `disputed` says statements
 * of one bulletin disagree, `revised` that a later bulletin changed the value. Rows come in
 * sector order, then period.
 */
export function chartFigures(filter: FigureFilter): Query<ChartRow> {
	const { sql, params } = chartSelect(filter);
	return { sql: `${sql}\nORDER BY ${CHART_ORDER}`, params };
}

const CHART_ORDER =
	'sector_order NULLS FIRST, period_start, measure, session, doc_page, quote_start, id';

/**
 * Several chart queries as one statement, for DuckDB-WASM: one message to its worker and one
 * result instead of one per chart, which is what a filter change on a page of several charts
 * waits for. Each query's rows come back under its index (`batch`), in chartFigures' order.
 * `splitBatch` turns the answer back into one list of rows per query.
 */
export function chartFiguresBatch(filters: FigureFilter[]): Query<ChartRow & { batch: number }> {
	// the figures any of the queries can touch, read once: on a large table, one scan, not one each
	const indicators = [...new Set(filters.flatMap((f) => f.indicators))];
	const areas = [...new Set(filters.flatMap((f) => f.areas ?? ['baoshan']))];
	const parts = filters.map((filter, i) =>
		chartSelect(filter, `${i} AS batch, period_start, session, quote_start, `, 'touched')
	);
	return {
		sql: `WITH touched AS MATERIALIZED (
	SELECT * FROM figures
	WHERE indicator_id IN (${placeholders(indicators)}) AND area_id IN (${placeholders(areas)})
)
SELECT * EXCLUDE (period_start, session, quote_start) FROM (
${parts.map((p) => `(${p.sql})`).join('\nUNION ALL\n')}
)
ORDER BY batch, ${CHART_ORDER}`,
		params: [...indicators, ...areas, ...parts.flatMap((p) => p.params)]
	};
}

/** The rows of a batch, one list per query of the batch, as chartFigures returns them. */
export function splitBatch(rows: (ChartRow & { batch: number })[], count: number): ChartRow[][] {
	const lists: ChartRow[][] = Array.from({ length: count }, () => []);
	for (const { batch, ...row } of rows) lists[batch]!.push(row);
	return lists;
}

function chartSelect(
	filter: FigureFilter,
	leading = '',
	from = 'figures'
): { sql: string; params: (string | number)[] } {
	const where = [`indicator_id IN (${placeholders(filter.indicators)})`];
	const params: (string | number)[] = [...filter.indicators];
	if (filter.measures?.length) {
		where.push(`measure IN (${placeholders(filter.measures)})`);
		params.push(...filter.measures);
	}
	if (filter.sectorGroup === null) where.push('sector_id IS NULL');
	else if (filter.sectorGroup) {
		where.push(filter.withTotal ? '(sector_group = ? OR sector_id IS NULL)' : 'sector_group = ?');
		params.push(filter.sectorGroup);
	}
	if (filter.ids?.length) {
		where.push(`id IN (${placeholders(filter.ids)})`);
		params.push(...filter.ids);
	}
	if (filter.docs?.length) {
		where.push(`doc_id IN (${placeholders(filter.docs)})`);
		params.push(...filter.docs);
	}
	if (filter.sectors?.length) {
		where.push(`sector_id IN (${placeholders(filter.sectors)})`);
		params.push(...filter.sectors);
	}
	if (filter.periods?.length) {
		where.push(`period IN (${placeholders(filter.periods)})`);
		params.push(...filter.periods);
	}
	if (filter.periodTypes?.length) {
		where.push(`period_type IN (${placeholders(filter.periodTypes)})`);
		params.push(...filter.periodTypes);
	}
	where.push(`area_id IN (${placeholders(filter.areas ?? ['baoshan'])})`);
	params.push(...(filter.areas ?? ['baoshan']));
	return {
		sql: `SELECT ${leading}${CHART_COLUMNS},
	date_diff('day', period_start::DATE, period_end::DATE)::INTEGER + 1 AS period_days,
	count(*) OVER (${QUANTITY})::INTEGER AS statements,
	bool_or(disputed) OVER (${QUANTITY}) AS disputed,
	bool_or(superseded_by IS NOT NULL) OVER (${QUANTITY}) AS revised
FROM ${from}
WHERE ${where.join(' AND ')}
${filter.statements ? '' : `QUALIFY row_number() OVER (${QUANTITY} ORDER BY derived, superseded_by IS NOT NULL, session, doc_page, quote_start, id) = 1`}`,
		params
	};
}

export interface TopicCount {
	topic: string;
	topic_zh: string;
	topic_en: string;
	figures: number;
	derived: number;
	documents: number;
}

/** Figures per topic, in the catalogue's topic order is up to the caller. */
export function figuresPerTopic(): Query<TopicCount> {
	return {
		sql: `SELECT topic, any_value(topic_zh) AS topic_zh, any_value(topic_en) AS topic_en,
	count(*) FILTER (WHERE NOT derived)::INTEGER AS figures,
	count(*) FILTER (WHERE derived)::INTEGER AS derived,
	count(DISTINCT doc_id)::INTEGER AS documents
FROM figures GROUP BY topic ORDER BY topic`,
		params: []
	};
}

export interface StatementRow extends ChartRow {
	quote_start: number;
	quote_end: number;
}

/** Every figure a document states (not derived ones), in the order the text states them. */
export function documentFigures(docId: string): Query<StatementRow> {
	return {
		sql: `SELECT ${CHART_COLUMNS}, quote_start, quote_end,
	date_diff('day', period_start::DATE, period_end::DATE)::INTEGER + 1 AS period_days,
	count(*) OVER (${QUANTITY})::INTEGER AS statements,
	bool_or(disputed) OVER (${QUANTITY}) AS disputed,
	bool_or(superseded_by IS NOT NULL) OVER (${QUANTITY}) AS revised
FROM figures
QUALIFY doc_id = ? AND NOT derived
ORDER BY quote_start, id`,
		params: [docId]
	};
}
