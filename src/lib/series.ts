/**
 * Rows → chart data: the glue between the query layer and the charts. Everything a reader sees
 * about one figure (its value in their language, its status, period, quote and source) is
 * decided here once, so every chart says it the same way.
 */
import { max } from 'd3-array';
import {
	displayUnit,
	formatNumber,
	formatPeriod,
	formatSignificant,
	formatStated,
	formulaText,
	isCount,
	isRateChange,
	unitLabel,
	withQualifier,
	type DisplayUnit,
	type Lang
} from '$lib/charts/format.js';
import { label as chartLabel } from '$lib/charts/labels.js';
import type { LineSeries } from '$lib/charts/line-layout.js';
import type {
	AxisUnit,
	BarChartData,
	Category,
	MarkStatus,
	SeriesDef,
	SourceRef,
	TableRow
} from '$lib/charts/types.js';
import type { ChartRow } from '$lib/data/queries.js';
import { sentenceOf } from '$lib/links.js';
import { significantDigits } from '$lib/charts/precision.js';
import { count, FIGURE_NOTES, say, type Text } from '$lib/messages.js';
import type { Measure } from '$lib/data/schema.js';
import { plainText } from './typeset.js';

export function statusOf(row: Pick<ChartRow, 'derived' | 'measure' | 'qualifier'>): MarkStatus {
	if (row.derived) return 'derived';
	if (row.measure === 'target') return 'target';
	if (row.qualifier) return 'bound';
	return 'stated';
}

export function indicatorName(
	row: Pick<ChartRow, 'indicator_zh' | 'indicator_en'>,
	lang: Lang
): string {
	return lang === 'zh' ? row.indicator_zh : row.indicator_en;
}

export function sectorName(
	row: Pick<ChartRow, 'sector_zh' | 'sector_en'>,
	lang: Lang
): string | null {
	return lang === 'zh' ? row.sector_zh : row.sector_en;
}

/** The district the bulletins are about: a figure of its own need not name it. */
export const HOME_AREA = 'baoshan';

/** A figure's area when it is another than the district (上海市: the city's 43%), else null. */
export function otherAreaName(
	row: Pick<ChartRow, 'area_id' | 'area_zh' | 'area_en'>,
	lang: Lang
): string | null {
	return row.area_id === HOME_AREA ? null : lang === 'zh' ? row.area_zh : row.area_en;
}

export function docTitle(row: Pick<ChartRow, 'doc_title' | 'doc_title_en'>, lang: Lang): string {
	return lang === 'zh' ? row.doc_title : row.doc_title_en;
}

/** What a figure's value and period are written from: a chart row, a figures.json row alike. */
export type FigureValue = Pick<
	ChartRow,
	| 'period'
	| 'measure'
	| 'value'
	| 'value_text'
	| 'unit'
	| 'qualifier'
	| 'base_value'
	| 'base_unit'
	| 'derived'
>;

/** A derived count is shown whole: 1741 ÷ 1.62 is about 1075 enterprises, not 1074.69. */
function shownBase(row: FigureValue): number {
	return row.derived && isCount(row.base_unit) ? Math.round(row.base_value) : row.base_value;
}

/**
 * 超过1500亿元 / over 150 billion yuan: a figure's value with its qualifier, in the unit that
 * suits it. A derived value is shown rounded in the unit of its declaration, never with the
 * float digits of its formula. A change of a rate is in percentage points (个百分点 / pp).
 */
export function valueLabel(row: FigureValue, lang: Lang): string {
	if (row.derived && lang === 'zh') {
		// the data build writes a derived value to the digits its inputs support (8419, not 8419.3)
		const unit = isRateChange(row) ? '个百分点' : row.unit;
		return withQualifier(`${row.value_text.replace(/^-/, '−')}${unit}`, row.qualifier, lang);
	}
	return formatStated({ ...row, base_value: shownBase(row) }, lang);
}

/**
 * One unit for a chart's values, from their largest magnitude; percentage points when every
 * row is a change of a rate.
 */
export function chartUnit(rows: ChartRow[], lang: Lang): DisplayUnit {
	const baseUnit = rows[0]?.base_unit ?? '';
	const points = rows.length > 0 && rows.every(isRateChange);
	const maxAbs = max(rows, (r) => Math.abs(r.base_value)) ?? 0;
	return displayUnit(baseUnit, maxAbs, lang, points ? 'change' : undefined);
}

/**
 * A figure's value in its chart's unit, with its qualifier: 超过1100亿元 / over 110 billion yuan.
 * Axis, labels, tooltips and table of one chart all say it this way. The bulletin's own digits
 * stand when it wrote the value in that unit; a conversion keeps as many significant digits
 * as it printed (7944万元 on an axis in 亿元 reads 0.7944亿元).
 */
export function markLabel(row: ChartRow, unit: DisplayUnit, lang: Lang): string {
	if (lang === 'zh' && row.unit === unit.zh) return valueLabel(row, lang);
	const n = shownBase(row) / unit.divisor;
	// a derived value's trailing zeros come from rounding it: 2700亿元 is 270 billion, not 273.2
	const digits = significantDigits(row.value_text, { trailingZeros: !row.derived });
	const number = digits ? formatSignificant(n, digits, lang) : formatNumber(n, lang);
	const name = unitLabel(unit, lang);
	const value = !name
		? number
		: lang === 'zh' || name === '%'
			? `${number}${name}`
			: `${number} ${name}`;
	return withQualifier(value, row.qualifier, lang);
}

/** What a figure measures, by name: a statements table's column, a comparison's panel title. */
export const MEASURE_NAMES: Record<Measure, Text> = {
	level: { zh: '数值', en: 'Level' },
	change: { zh: '较上期变化', en: 'Change' },
	change_pct: { zh: '增长率', en: 'Growth rate' },
	share: { zh: '占比', en: 'Share' },
	target: { zh: '目标', en: 'Target' },
	count: { zh: '期间次数', en: 'Count in the period' }
};

/**
 * What a value measures, where nothing beside it says so (a list of an indicator's latest values,
 * a chip in the source text, a search result): a change or a growth rate is named, so 3.9亿立方米
 * more than the year before never reads as the level itself; a share where the figures around it
 * (`among`) hold other measures of its indicator (规上工业产值 25% is a share of it, not its
 * value), but not for an indicator that is a share (园区特色产业产值占比 80%). Null for a level, a
 * count and a target (its period says target), which are their value alone.
 */
export function measureName(
	row: Pick<ChartRow, 'measure' | 'indicator_id'>,
	lang: Lang,
	among: readonly Pick<ChartRow, 'measure' | 'indicator_id'>[] = []
): string | null {
	const named =
		row.measure === 'change' ||
		row.measure === 'change_pct' ||
		(row.measure === 'share' &&
			among.some((r) => r.indicator_id === row.indicator_id && r.measure !== 'share'));
	if (!named) return null;
	const name = MEASURE_NAMES[row.measure][lang];
	return lang === 'zh' ? name : name.toLowerCase();
}

/** What goes before a value to name its measure (measureName): 较上期变化 / "change ", or nothing. */
export function measurePrefix(
	row: Pick<ChartRow, 'measure' | 'indicator_id'>,
	lang: Lang,
	among: readonly Pick<ChartRow, 'measure' | 'indicator_id'>[] = []
): string {
	const name = measureName(row, lang, among);
	return !name ? '' : lang === 'zh' ? name : `${name} `;
}

/** A value with what it measures (measureName): 较上期变化3.9亿立方米 / change 390 million m³. */
export function measuredLabel(
	row: FigureValue & Pick<ChartRow, 'indicator_id'>,
	lang: Lang,
	among: readonly Pick<ChartRow, 'measure' | 'indicator_id'>[] = []
): string {
	return measurePrefix(row, lang, among) + valueLabel(row, lang);
}

export function periodLabel(row: Pick<ChartRow, 'period' | 'measure'>, lang: Lang): string {
	const period = formatPeriod(row.period, lang);
	if (row.measure !== 'target') return period;
	return say(FIGURE_NOTES.target, lang, { period });
}

export function sourceLine(row: ChartRow, lang: Lang): string {
	const title = docTitle(row, lang);
	const page = chartLabel('page', lang, row.doc_page);
	return lang === 'zh' ? `《${title}》${page}` : `${title}, ${page}`;
}

/** Tooltip lines for a mark: what, when and how much, then the quote, then where it is. */
export function detailLines(
	row: ChartRow,
	subject: string,
	lang: Lang,
	shown = valueLabel(row, lang)
): string[] {
	const period = periodLabel(row, lang);
	const what = subject.includes(period) ? subject : `${subject} · ${period}`;
	const lines = [`${what}: ${shown}`];
	lines.push(`“${plainText(row.quote)}”`);
	lines.push(sourceLine(row, lang));
	const formula = row.derived && row.formula ? formulaText(row.formula, lang) : null;
	if (formula) lines.push(`${chartLabel('formula', lang)}: ${formula}`);
	if (row.disputed) lines.push(say(FIGURE_NOTES.disputed, lang));
	if (row.revised) lines.push(say(FIGURE_NOTES.revised, lang));
	return lines;
}

/** The documents a chart's rows come from, in order of first appearance. */
export function sourcesOf(rows: ChartRow[], lang: Lang): SourceRef[] {
	const seen = new Map<string, SourceRef>();
	for (const row of rows) {
		if (!seen.has(row.doc_id))
			seen.set(row.doc_id, {
				doc: row.doc_id,
				title: docTitle(row, lang),
				page: row.doc_page,
				href: sentenceOf(row, lang)
			});
	}
	return [...seen.values()];
}

/** A row of a chart's table view: the figure as its tooltip tells it. */
export function tableRow(
	row: ChartRow,
	category: string,
	series: string,
	lang: Lang,
	shown = valueLabel(row, lang)
): TableRow {
	return {
		figure: row.id,
		category,
		series,
		value: shown,
		status: statusOf(row),
		period: periodLabel(row, lang),
		quote: row.quote,
		source: sourceLine(row, lang),
		formula: row.derived && row.formula ? formulaText(row.formula, lang) : null,
		href: sentenceOf(row, lang)
	};
}

export function statusesOf(rows: ChartRow[]): MarkStatus[] {
	return [...new Set(rows.map(statusOf))];
}

export interface BarSpec {
	lang: Lang;
	category: (row: ChartRow) => Category;
	series: (row: ChartRow) => SeriesDef;
}

export interface BarView {
	chart: BarChartData;
	table: TableRow[];
	sources: SourceRef[];
	statuses: MarkStatus[];
	unitText: string;
}

/** Rows → grouped bars: categories and series in order of first appearance. */
export function toBars(rows: ChartRow[], spec: BarSpec): BarView {
	const { lang } = spec;
	const categories = new Map<string, Category>();
	const series = new Map<string, SeriesDef>();
	const unit = chartUnit(rows, lang);
	const data = rows.map((row) => {
		const category = spec.category(row);
		const s = spec.series(row);
		if (!categories.has(category.key)) categories.set(category.key, category);
		if (!series.has(s.key)) series.set(s.key, s);
		const label = markLabel(row, unit, lang);
		return {
			figure: row.id,
			category: category.key,
			series: s.key,
			value: row.base_value,
			status: statusOf(row),
			label,
			detail: detailLines(row, `${category.label}${s.label ? ` · ${s.label}` : ''}`, lang, label),
			href: sentenceOf(row, lang)
		};
	});
	const table: TableRow[] = rows.map((row, i) =>
		tableRow(row, spec.category(row).label, spec.series(row).label, lang, data[i]!.label)
	);
	return {
		chart: {
			categories: [...categories.values()],
			series: [...series.values()].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)),
			data,
			unit: { divisor: unit.divisor, label: unitLabel(unit, lang) },
			lang
		},
		table,
		sources: sourcesOf(rows, lang),
		statuses: statusesOf(rows),
		unitText: unitText(unit, lang)
	};
}

/** The unit a chart's subtitle names; a count of things the title names reads as a number. */
function unitText(unit: DisplayUnit, lang: Lang): string {
	return unitLabel(unit, lang) || say(FIGURE_NOTES.number, lang);
}

/** Position on a time axis: a year's flow sits mid-year, a stock at its date. */
export function timeOf(row: Pick<ChartRow, 'period' | 'period_type' | 'year'>): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(row.period);
	if (m) return Number(m[1]) + (Number(m[2]) - 1) / 12 + Number(m[3]) / 365;
	return row.year + 0.5;
}

export interface LineView {
	series: LineSeries[];
	unit: AxisUnit;
	table: TableRow[];
	sources: SourceRef[];
	statuses: MarkStatus[];
	unitText: string;
}

/** Rows → one line per series key (an indicator, a sector …), points in time order. */
export function toLines(
	rows: ChartRow[],
	spec: { lang: Lang; series: (row: ChartRow) => SeriesDef; subject: (row: ChartRow) => string }
): LineView {
	const { lang } = spec;
	const unit = chartUnit(rows, lang);
	const bySeries = new Map<string, LineSeries>();
	for (const row of rows) {
		const def = spec.series(row);
		const line = bySeries.get(def.key) ?? { ...def, points: [] };
		const label = markLabel(row, unit, lang);
		line.points.push({
			figure: row.id,
			x: timeOf(row),
			xLabel: formatPeriod(row.period, lang),
			value: row.base_value / unit.divisor,
			base: row.base_value,
			status: statusOf(row),
			label,
			detail: detailLines(row, spec.subject(row), lang, label),
			href: sentenceOf(row, lang)
		});
		bySeries.set(def.key, line);
	}
	return {
		series: [...bySeries.values()],
		unit: { divisor: unit.divisor, label: unitLabel(unit, lang) },
		table: rows.map((row) =>
			tableRow(
				row,
				spec.subject(row),
				formatPeriod(row.period, lang),
				lang,
				markLabel(row, unit, lang)
			)
		),
		sources: sourcesOf(rows, lang),
		statuses: statusesOf(rows),
		unitText: unitText(unit, lang)
	};
}

/**
 * A chart's text alternative: how many values, and for each series its highest and lowest,
 * with how many are derived. The table view holds every value.
 */
export function describeBars(view: BarView, lang: Lang): string {
	const { chart } = view;
	const parts: string[] = [];
	for (const s of chart.series) {
		const data = chart.data.filter((d) => d.series === s.key);
		if (data.length === 0) continue;
		const sorted = [...data].sort((a, b) => b.value - a.value);
		const name = (d: (typeof data)[number]) =>
			chart.categories.find((c) => c.key === d.category)?.label ?? d.category;
		const top = sorted[0]!;
		const bottom = sorted.at(-1)!;
		// values all alike have no highest and lowest; values that tie are named together
		const alike = (d: (typeof data)[number]) =>
			data
				.filter((o) => o.value === d.value && o.label === d.label)
				.map(name)
				.join(lang === 'zh' ? '、' : ' and ');
		if (data.length === 1)
			parts.push(
				lang === 'zh'
					? `${s.label}：${name(top)}${top.label}`
					: `${s.label}: ${name(top)} ${top.label}`
			);
		else if (data.every((d) => d.value === top.value && d.label === top.label))
			parts.push(
				lang === 'zh'
					? `${s.label}：${count(data.length, 'value', lang)}均为${top.label}`
					: `${s.label}: all ${data.length} values ${top.label}`
			);
		else if (lang === 'zh')
			parts.push(
				`${s.label}：最高为${alike(top)}（${top.label}），最低为${alike(bottom)}（${bottom.label}）`
			);
		else
			parts.push(
				`${s.label}: highest ${alike(top)} (${top.label}), lowest ${alike(bottom)} (${bottom.label})`
			);
	}
	const derived = chart.data.filter((d) => d.status === 'derived').length;
	const values = count(chart.data.length, 'value', lang);
	const head =
		lang === 'zh'
			? `图中共${values}${derived ? `，其中${derived}个为推算值` : ''}。`
			: `${values}${derived ? `, ${derived} derived` : ''}. `;
	return head + parts.join(lang === 'zh' ? '；' : '; ') + (lang === 'zh' ? '。' : '.');
}

/** A line chart's text alternative: each series from its first to its last value. */
export function describeLines(view: LineView, lang: Lang): string {
	return view.series
		.map((s) => {
			const points = [...s.points].sort((a, b) => a.x - b.x);
			const [first, last] = [points[0]!, points.at(-1)!];
			return lang === 'zh'
				? `${s.label}由${first.xLabel}的${first.label}变为${last.xLabel}的${last.label}`
				: `${s.label} went from ${first.label} (${first.xLabel}) to ${last.label} (${last.xLabel})`;
		})
		.join(lang === 'zh' ? '；' : '; ')
		.concat(lang === 'zh' ? '。' : '.');
}
