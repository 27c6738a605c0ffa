/**
 * A chart of a console result: bars when the x column is text, a line when it is a number or a
 * date (years, periods in order). The reader can change the columns and the kind.
 */
import { formatNumber, type Lang } from '$lib/charts/format.js';
import type { LineSeries } from '$lib/charts/line-layout.js';
import type { BarChartData } from '$lib/charts/types.js';
import type { ResultColumn, ResultSet } from './result.js';

export type ChartKind = 'bar' | 'line';

export interface Encoding {
	kind: ChartKind;
	x: string;
	y: string;
}

/** Bars and lines with more points than this would not be read; the table holds the rest. */
export const MAX_POINTS = 60;

export function defaultEncoding(columns: ResultColumn[]): Encoding | null {
	const numbers = columns.filter((c) => c.kind === 'number');
	const y = numbers.at(-1);
	if (!y) return null;
	const x =
		columns.find((c) => c.kind === 'text') ??
		columns.find((c) => c !== y && (c.kind === 'date' || c.kind === 'number'));
	if (!x) return null;
	return { kind: x.kind === 'text' ? 'bar' : 'line', x: x.name, y: y.name };
}

export function resultBars(result: ResultSet, encoding: Encoding, lang: Lang): BarChartData {
	const xi = result.columns.findIndex((c) => c.name === encoding.x);
	const yi = result.columns.findIndex((c) => c.name === encoding.y);
	const rows = result.rows.filter((r) => typeof r[yi] === 'number').slice(0, MAX_POINTS);
	return {
		lang,
		unit: { divisor: 1, label: encoding.y },
		categories: rows.map((r, i) => ({ key: String(i), label: String(r[xi] ?? '∅') })),
		series: [{ key: encoding.y, label: encoding.y, color: 0 }],
		data: rows.map((r, i) => ({
			figure: `row-${i + 1}`,
			category: String(i),
			series: encoding.y,
			value: r[yi] as number,
			status: 'stated',
			label: formatNumber(r[yi] as number, lang),
			detail: [`${r[xi] ?? '∅'}: ${formatNumber(r[yi] as number, lang)}`]
		}))
	};
}

export function resultLine(result: ResultSet, encoding: Encoding, lang: Lang): LineSeries[] {
	const xi = result.columns.findIndex((c) => c.name === encoding.x);
	const yi = result.columns.findIndex((c) => c.name === encoding.y);
	const position = (v: unknown) =>
		typeof v === 'number' ? v : Date.parse(String(v)) / (365.25 * 864e5) + 1970;
	const points = result.rows
		.filter((r) => typeof r[yi] === 'number' && Number.isFinite(position(r[xi])))
		.slice(0, MAX_POINTS)
		.map((r, i) => ({
			figure: `row-${i + 1}`,
			x: position(r[xi]),
			xLabel: String(r[xi]),
			value: r[yi] as number,
			base: r[yi] as number,
			status: 'stated' as const,
			label: formatNumber(r[yi] as number, lang),
			detail: [`${r[xi]}: ${formatNumber(r[yi] as number, lang)}`]
		}));
	return [{ key: encoding.y, label: encoding.y, color: 0, points }];
}
