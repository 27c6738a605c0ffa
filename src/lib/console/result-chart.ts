/**
 * A chart of a console result: bars when the x column is text, a line when it is a number or a
 * date (years, periods in order). A second column the rows differ in becomes the series, with a
 * legend; rows that would still share one position (same category, same series) are not drawn
 * on top of each other: the chart is refused with the reason. The reader can change the columns
 * and the kind.
 */
import { formatNumber, type Lang } from '$lib/charts/format.js';
import type { LinePoint, LineSeries } from '$lib/charts/line-layout.js';
import type { BarChartData, BarDatum, SeriesDef } from '$lib/charts/types.js';
import { numberOf, type ResultColumn, type ResultSet } from './execute.js';

export type ChartKind = 'bar' | 'line';

/** Columns by position in the result, so two columns of one name stay apart. */
export interface Encoding {
	kind: ChartKind;
	x: number;
	y: number;
	/** The column whose values are the series (one colour each, with a legend), or none. */
	series: number | null;
}

/** Bars and lines with more points than this would not be read; the table holds the rest. */
export const MAX_POINTS = 60;

/** The palette's colours (--c0 … --c5): more series than this could not be told apart. */
export const MAX_SERIES = 6;

/** Two or more rows that would be drawn at one position, and what tells them apart. */
export interface Collision {
	reason: 'collision';
	/** The x value they share, as written in the table. */
	category: string;
	/** The series value they share, or null without a series column. */
	series: string | null;
	/** How many rows share that position. */
	rows: number;
	/** The columns, other than x, y and series, whose values differ between those rows. */
	differIn: string[];
	/** Whether their y values differ (different values with nothing to tell them apart). */
	valuesDiffer: boolean;
}

export interface TooManySeries {
	reason: 'too-many-series';
	column: string;
	count: number;
}

export type ChartPlan =
	| { kind: 'bar'; bars: BarChartData; legend: SeriesDef[] }
	| { kind: 'line'; lines: LineSeries[]; legend: SeriesDef[] }
	| { kind: 'refused'; why: Collision | TooManySeries };

const NULL_TEXT = '∅';
const show = (v: unknown) => (v === null || v === undefined ? NULL_TEXT : String(v));

/** A column as the reader knows it: its name, with its position when another column shares it. */
export function columnLabel(columns: readonly ResultColumn[], i: number): string {
	const name = columns[i]?.name ?? '';
	return columns.filter((c) => c.name === name).length > 1 ? `${name} (#${i + 1})` : name;
}

/** Whether an encoding still fits a result: its columns exist and y is a number. */
export function fits(encoding: Encoding, columns: readonly ResultColumn[]): boolean {
	const inRange = (i: number | null) => i === null || (i >= 0 && i < columns.length);
	return (
		inRange(encoding.x) &&
		inRange(encoding.series) &&
		inRange(encoding.y) &&
		columns[encoding.y]!.kind === 'number'
	);
}

/** The rows a chart can draw: a number in y, at most MAX_POINTS of them, with their row index. */
function drawable(result: ResultSet, encoding: Encoding): { row: unknown[]; at: number }[] {
	const { x: xi, y: yi } = encoding;
	const xNumber = result.columns[xi]?.kind === 'number';
	// exact types (BIGINT, DECIMAL) arrive as DuckDB's text: a chart draws them as numbers
	const numeric = (row: unknown[]) =>
		row.map((v, i) => (i === yi || (i === xi && xNumber) ? (numberOf(v) ?? v) : v));
	return result.rows
		.map((row, at) => ({ row: numeric(row), at }))
		.filter(
			({ row }) =>
				typeof row[yi] === 'number' &&
				(encoding.kind === 'bar' || Number.isFinite(position(row[xi])))
		)
		.slice(0, MAX_POINTS);
}

function position(v: unknown): number {
	return typeof v === 'number' ? v : Date.parse(String(v)) / (365.25 * 864e5) + 1970;
}

/** Rows grouped by the position they would be drawn at: x, then series. */
function positions(rows: { row: unknown[] }[], xi: number, si: number, line: boolean) {
	const groups = new Map<string, unknown[][]>();
	for (const { row } of rows) {
		const key = JSON.stringify([
			line ? position(row[xi]) : show(row[xi]),
			si < 0 ? '' : show(row[si])
		]);
		groups.set(key, [...(groups.get(key) ?? []), row]);
	}
	return [...groups.values()];
}

function distinct(rows: { row: unknown[] }[], i: number): number {
	return new Set(rows.map(({ row }) => show(row[i]))).size;
}

/**
 * The chart a result asks for: y is its last number column, x its first text column (bars) or
 * else its first date or other number (a line). When x repeats, the series is the column that
 * tells the rows apart with the fewest values (a period before a quote).
 */
export function defaultEncoding(result: ResultSet): Encoding | null {
	const { columns } = result;
	const y = columns.filter((c) => c.kind === 'number').at(-1);
	if (!y) return null;
	const x =
		columns.find((c) => c.kind === 'text') ??
		columns.find((c) => c !== y && (c.kind === 'date' || c.kind === 'number'));
	if (!x) return null;
	const kind: ChartKind = x.kind === 'text' ? 'bar' : 'line';
	const xi = columns.indexOf(x);
	const plain: Encoding = { kind, x: xi, y: columns.indexOf(y), series: null };
	const rows = drawable(result, plain);
	if (positions(rows, xi, -1, kind === 'line').every((g) => g.length === 1)) return plain;
	const candidates = columns
		.map((c, i) => ({ c, i }))
		.filter(({ c }) => c !== x && c !== y && c.kind !== 'other')
		.map(({ c, i }) => ({
			at: i,
			values: distinct(rows, i),
			separates: positions(rows, xi, i, kind === 'line').every((g) => g.length === 1),
			text: c.kind !== 'number'
		}))
		.filter((c) => c.values > 1);
	const best = candidates
		.filter((c) => c.values <= MAX_SERIES)
		.sort(
			(a, b) =>
				Number(b.separates) - Number(a.separates) ||
				Number(b.text) - Number(a.text) ||
				a.values - b.values
		)[0];
	return { ...plain, series: best?.at ?? null };
}

/** Bars or lines for a result, or the reason none can be drawn honestly. */
export function planChart(result: ResultSet, encoding: Encoding, lang: Lang): ChartPlan {
	const { columns } = result;
	const { x: xi, y: yi } = encoding;
	const si = encoding.series === null || encoding.series === xi ? -1 : encoding.series;
	const label = (i: number) => columnLabel(columns, i);
	const line = encoding.kind === 'line';
	const rows = drawable(result, encoding);

	const crowded = positions(rows, xi, si, line).find((g) => g.length > 1);
	if (crowded) {
		const first = crowded[0]!;
		const differs = (i: number) => new Set(crowded.map((r) => show(r[i]))).size > 1;
		return {
			kind: 'refused',
			why: {
				reason: 'collision',
				category: show(first[xi]),
				series: si < 0 ? null : show(first[si]),
				rows: crowded.length,
				differIn: columns
					.map((_, i) => i)
					.filter((i) => i !== xi && i !== yi && i !== si && differs(i))
					.map(label),
				valuesDiffer: differs(yi)
			}
		};
	}

	const seriesValues = si < 0 ? [label(yi)] : [...new Set(rows.map(({ row }) => show(row[si])))];
	if (seriesValues.length > MAX_SERIES)
		return {
			kind: 'refused',
			why: { reason: 'too-many-series', column: label(si), count: seriesValues.length }
		};
	const legend: SeriesDef[] = seriesValues.map((key, color) => ({ key, label: key, color }));
	const seriesOf = (row: unknown[]) => (si < 0 ? label(yi) : show(row[si]));

	/** Tooltip lines: where and how much, then every other column of the row. */
	const detail = (row: unknown[]) => [
		`${show(row[xi])}${si < 0 ? '' : ` · ${show(row[si])}`}: ${formatNumber(row[yi] as number, lang)}`,
		...columns
			.map((_, i) => i)
			.filter((i) => i !== xi && i !== yi && i !== si)
			.map((i) => `${label(i)}: ${show(row[i])}`)
	];

	if (line) {
		const lines: LineSeries[] = legend.map((s) => ({
			key: s.key,
			label: s.label,
			color: s.color,
			points: rows
				.filter(({ row }) => seriesOf(row) === s.key)
				.map(({ row, at }): LinePoint => ({
					figure: `row-${at + 1}`,
					x: position(row[xi]),
					xLabel: show(row[xi]),
					value: row[yi] as number,
					base: row[yi] as number,
					status: 'stated',
					label: formatNumber(row[yi] as number, lang),
					detail: detail(row)
				}))
				.sort((a, b) => a.x - b.x)
		}));
		return { kind: 'line', lines, legend: si < 0 ? [] : legend };
	}

	const categories = [...new Set(rows.map(({ row }) => show(row[xi])))];
	const data: BarDatum[] = rows.map(({ row, at }) => ({
		figure: `row-${at + 1}`,
		category: String(categories.indexOf(show(row[xi]))),
		series: seriesOf(row),
		value: row[yi] as number,
		status: 'stated',
		label: formatNumber(row[yi] as number, lang),
		detail: detail(row)
	}));
	return {
		kind: 'bar',
		bars: {
			lang,
			unit: { divisor: 1, label: label(yi) },
			categories: categories.map((label, i) => ({ key: String(i), label })),
			series: legend,
			data
		},
		legend: si < 0 ? [] : legend
	};
}

/** Why no chart is drawn, as a sentence for the reader. */
export function refusal(why: Collision | TooManySeries, lang: Lang): string {
	const q = (s: string) => `“${s}”`;
	const zh = lang === 'zh';
	if (why.reason === 'too-many-series')
		return zh
			? `系列列${q(why.column)}有${why.count}个不同的值，多于可区分的${MAX_SERIES}种颜色，因此不作图。请选择其他系列列，或在查询中筛选。`
			: `The series column ${q(why.column)} has ${why.count} different values, more than the ${MAX_SERIES} colours that can be told apart, so no chart is drawn. Choose another series column, or filter in the query.`;
	const at =
		why.series === null
			? q(why.category)
			: zh
				? `${q(why.category)}（系列${q(why.series)}）`
				: `${q(why.category)} (series ${q(why.series)})`;
	const apart = why.differIn.map(q).join(zh ? '、' : ', ');
	const what = apart
		? zh
			? `，它们在${apart}上不同`
			: `, and they differ in ${apart}`
		: why.valuesDiffer
			? zh
				? '，数值不同，却没有任何列能区分它们'
				: ', with different values and no column that tells them apart'
			: zh
				? '，且完全相同'
				: ', and they are identical';
	const next = apart
		? zh
			? `请选择${q(why.differIn[0]!)}作为系列，或在查询中汇总或筛选。`
			: `Choose ${q(why.differIn[0]!)} as the series, or aggregate or filter in the query.`
		: zh
			? '请在查询中去重、汇总或筛选。'
			: 'Remove the duplicates, aggregate or filter in the query.';
	return zh
		? `有${why.rows}行落在同一位置${at}${what}。一个位置不能画两个标记，因此不作图。${next}`
		: `${why.rows} rows fall at one position, ${at}${what}. Two marks cannot share one position, so no chart is drawn. ${next}`;
}
