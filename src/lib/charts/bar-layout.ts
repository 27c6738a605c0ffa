import { max, min } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { textWidth, wrapText } from './text-width.js';
import type { BarChartData, BarDatum } from './types.js';

export const FONT_SIZE = 13;
const BAR = 16;
const GAP = 3;
const GROUP_PAD = 14;
/** Below this width labels go above their bars instead of beside them. */
export const NARROW = 520;

export interface BarMark extends BarDatum {
	x: number;
	y: number;
	width: number;
	height: number;
	/** Where the value label sits and which way it reads. */
	labelX: number;
	labelAnchor: 'start' | 'end';
	color: number;
}

export interface BarLayout {
	width: number;
	height: number;
	marks: BarMark[];
	categories: {
		key: string;
		lines: string[];
		labelY: number;
		labelX: number;
		anchor: 'start' | 'end';
	}[];
	ticks: { value: number; x: number; label: string }[];
	zero: number;
	plotTop: number;
	plotBottom: number;
	narrow: boolean;
}

/**
 * Horizontal grouped bars, one group per category and one bar per series present in it.
 * Negative values extend left of zero (changes), so the same layout draws diverging bars.
 * Pure: numbers in, pixels out.
 */
export function layoutBars(
	chart: BarChartData,
	width: number,
	formatTick: (v: number) => string
): BarLayout {
	const narrow = width < NARROW;
	const seriesIn = (category: string) =>
		chart.series.filter((s) =>
			chart.data.some((d) => d.category === category && d.series === s.key)
		);
	const labelWidth = narrow
		? 0
		: Math.min(
				width * 0.34,
				(max(chart.categories, (c) => textWidth(c.label, FONT_SIZE)) ?? 0) + 12
			);
	const LINE = FONT_SIZE + 3;
	const valueRoom = Math.min(
		120,
		12 + (max(chart.data, (d) => textWidth(d.label, FONT_SIZE - 1)) ?? 0)
	);
	const values = chart.data.map((d) => d.value / chart.unit.divisor);
	const lo = Math.min(0, min(values) ?? 0);
	const hi = Math.max(0, max(values) ?? 0);
	const left = labelWidth + (lo < 0 ? valueRoom : 4);
	const right = width - (hi > 0 ? valueRoom : 8);
	const x = scaleLinear()
		.domain([lo, hi === lo ? 1 : hi])
		.nice(5)
		.range([left, Math.max(left + 40, right)]);

	const plotTop = 8;
	let y = plotTop;
	const marks: BarMark[] = [];
	const categories: BarLayout['categories'] = [];
	for (const category of chart.categories) {
		const present = seriesIn(category.key);
		if (present.length === 0) continue;
		const lines = wrapText(category.label, narrow ? width : labelWidth - 12, FONT_SIZE);
		const labelTop = y;
		if (narrow) y += lines.length * LINE + 4;
		const barsHeight = present.length * BAR + (present.length - 1) * GAP;
		// beside the bars, a wrapped label may be taller than its group: centre the bars on it
		const groupHeight = narrow ? barsHeight : Math.max(barsHeight, lines.length * LINE);
		y += (groupHeight - barsHeight) / 2;
		const band = scaleBand<string>()
			.domain(present.map((s) => s.key))
			.range([y, y + barsHeight])
			.paddingInner(GAP / (BAR + GAP));
		for (const datum of chart.data.filter((d) => d.category === category.key)) {
			const s = present.find((p) => p.key === datum.series);
			if (!s) continue;
			const v = datum.value / chart.unit.divisor;
			const x0 = x(Math.min(0, v));
			const x1 = x(Math.max(0, v));
			marks.push({
				...datum,
				x: x0,
				y: band(s.key)!,
				width: Math.max(1, x1 - x0),
				height: band.bandwidth(),
				labelX: v < 0 ? x0 - 4 : x1 + 4,
				labelAnchor: v < 0 ? 'end' : 'start',
				color: s.color
			});
		}
		const middle = y + barsHeight / 2;
		categories.push({
			key: category.key,
			lines,
			// first line's baseline-centre: above the bars when narrow, else centred beside them
			labelY: narrow ? labelTop + LINE / 2 : middle - ((lines.length - 1) * LINE) / 2,
			labelX: narrow ? 0 : labelWidth - 8,
			anchor: narrow ? 'start' : 'end'
		});
		y += barsHeight + (groupHeight - barsHeight) / 2 + GROUP_PAD;
	}
	const plotBottom = y - GROUP_PAD + 6;
	// as many ticks as fit without their labels touching
	const tickRow = (count: number) =>
		x.ticks(count).map((value) => ({ value, x: x(value), label: formatTick(value) }));
	let count = 6;
	let ticks = tickRow(count);
	const crowded = () =>
		ticks.some(
			(t, i) =>
				i > 0 &&
				t.x - ticks[i - 1]!.x <
					(textWidth(t.label, 11) + textWidth(ticks[i - 1]!.label, 11)) / 2 + 8
		);
	while (count > 2 && crowded()) ticks = tickRow(--count);
	return {
		width,
		height: plotBottom + 24,
		marks,
		categories,
		ticks,
		zero: x(0),
		plotTop,
		plotBottom,
		narrow
	};
}
