import { max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { FONT_SIZE, NARROW } from './bar-layout.js';
import type { Lang } from './format.js';
import { textWidth, wrapText } from './text-width.js';
import type { AxisUnit, MarkStatus, SeriesDef } from './types.js';

const BAR = 18;
const ROW_PAD = 10;
const LINE = FONT_SIZE + 3;
/** Room the bound arrow tip takes beyond the end of its bar. */
const TIP = 7;

/** A stock (`total`, drawn from zero) or a flow (`delta`, floating from the running total). */
export type WaterfallKind = 'total' | 'delta';

export interface WaterfallStep {
	figure: string;
	label: string;
	kind: WaterfallKind;
	/** Base value (公顷, 元 …); signed for deltas: a disposal is negative. */
	value: number;
	status: MarkStatus;
	/** The value as the reader should read it; deltas get a sign if it has none. */
	valueLabel: string;
	detail: string[];
	/** Where the mark leads: the figure's sentence in its document. */
	href?: string;
}

export interface WaterfallData {
	steps: WaterfallStep[];
	unit: AxisUnit;
	lang: Lang;
}

export interface WaterfallOptions {
	/** Start the axis at zero (the default); when false, stock bars are cut and marked as cut. */
	zeroBased?: boolean;
	/** Largest relative difference between a closing stock and the flows taken as rounding. */
	tolerance?: number;
}

export type WaterfallDirection = 'total' | 'up' | 'down';

/** Palette index per direction; the sign in each label says the same without colour. */
export const WATERFALL_COLORS: Record<WaterfallDirection, number> = { total: 0, up: 2, down: 1 };

/** Legend entries for the three directions, for ChartFigure's `series`. */
export function waterfallSeries(lang: Lang): SeriesDef[] {
	const zh = lang === 'zh';
	return [
		{ key: 'total', label: zh ? '存量' : 'Stock', color: WATERFALL_COLORS.total },
		{ key: 'up', label: zh ? '增加（+）' : 'Increase (+)', color: WATERFALL_COLORS.up },
		{ key: 'down', label: zh ? '减少（−）' : 'Decrease (−)', color: WATERFALL_COLORS.down }
	];
}

export interface WaterfallMark extends WaterfallStep {
	x: number;
	y: number;
	width: number;
	height: number;
	/** Running total before and after the step, in base units (a stock runs from zero). */
	from: number;
	to: number;
	direction: WaterfallDirection;
	color: number;
	/** The value label as drawn: signed for deltas. */
	text: string;
	labelX: number;
	labelAnchor: 'start' | 'end';
	/** Which end of the bar carries the bound arrow tip. */
	tipX: number;
	tipDirection: 1 | -1;
	/** A stock bar cut short by an axis that does not start at zero. */
	cut: boolean;
	/** For a stock after the first step: its value minus the running sum of what came before. */
	gap: number | null;
}

export interface WaterfallLayout {
	width: number;
	height: number;
	marks: WaterfallMark[];
	rows: {
		figure: string;
		lines: string[];
		labelX: number;
		labelY: number;
		anchor: 'start' | 'end';
	}[];
	/** Dotted lines at the running total from each bar to the next, in one or two pieces. */
	connectors: { x: number; y1: number; y2: number }[];
	ticks: { value: number; x: number; label: string }[];
	/** x of zero, or null when the axis starts above zero. */
	zero: number | null;
	plotLeft: number;
	plotTop: number;
	plotBottom: number;
	narrow: boolean;
	zeroBased: boolean;
	/** Closing stock minus the running sum (base units) when they differ beyond rounding, else null. */
	mismatch: number | null;
	/** Where the flows say the closing stock should end, drawn when they do not close. */
	expected: { x: number; y1: number; y2: number } | null;
}

/**
 * +82.5公顷 / −63.6 ha: a delta's label with its sign, put before the number when the label
 * has none (超过82.5公顷 → 超过+82.5公顷) and written with a true minus.
 */
export function signedLabel(label: string, value: number): string {
	const at = label.search(/\d/);
	if (at < 0 || value === 0) return label;
	const before = label.slice(0, at);
	const rest = label.slice(at);
	if (/[+−-]\s*$/.test(before)) return before.replace(/-(\s*)$/, '−$1') + rest;
	return `${before}${value > 0 ? '+' : '−'}${rest}`;
}

function exceeds(gap: number, total: number, running: number, tolerance: number): boolean {
	return Math.abs(gap) > tolerance * Math.max(Math.abs(total), Math.abs(running), Number.MIN_VALUE);
}

/**
 * How far a closing stock is from the opening stock plus the flows, in base units, or null when
 * they close within `tolerance` (relative) or the last step is not a stock.
 */
export function closingGap(steps: WaterfallStep[], tolerance = 1e-6): number | null {
	let running = 0;
	for (const [i, step] of steps.entries()) {
		if (step.kind === 'delta') {
			running += step.value;
			continue;
		}
		if (i === steps.length - 1 && i > 0) {
			const gap = step.value - running;
			return exceeds(gap, step.value, running, tolerance) ? gap : null;
		}
		running = step.value;
	}
	return null;
}

/**
 * Horizontal waterfall: one row per step, in the order given. A stock is a bar from zero and
 * resets the running total to its stated value; a flow floats from the running total, right
 * for an increase and left for a decrease. Pure: numbers in, pixels out.
 */
export function layoutWaterfall(
	chart: WaterfallData,
	width: number,
	formatTick: (v: number) => string,
	{ zeroBased = true, tolerance = 1e-6 }: WaterfallOptions = {}
): WaterfallLayout {
	const narrow = width < NARROW;
	const unit = chart.unit.divisor;

	let running = 0;
	const flows = chart.steps.map((step, i) => {
		if (step.kind === 'total') {
			const gap = i > 0 ? step.value - running : null;
			running = step.value;
			return { step, from: 0, to: step.value, gap, direction: 'total' as const };
		}
		const from = running;
		running += step.value;
		const direction = step.value < 0 ? ('down' as const) : ('up' as const);
		return { step, from, to: running, gap: null, direction };
	});
	const texts = flows.map(({ step }) =>
		step.kind === 'delta' ? signedLabel(step.valueLabel, step.value) : step.valueLabel
	);

	const ends = flows.flatMap((f) => (f.direction === 'total' ? [f.to] : [f.from, f.to]));
	const lo = (min(ends) ?? 0) / unit;
	const hi = (max(ends) ?? 0) / unit;
	let domain: [number, number];
	if (zeroBased || lo <= 0) domain = [Math.min(0, lo), Math.max(0, hi)];
	else {
		const pad = (hi - lo) * 0.15 || hi * 0.05 || 1;
		domain = [Math.max(0, lo - pad), hi];
	}
	if (domain[0] === domain[1]) domain = [domain[0], domain[0] + 1];

	const labelWidth = narrow
		? 0
		: Math.min(width * 0.34, (max(chart.steps, (s) => textWidth(s.label, FONT_SIZE)) ?? 0) + 12);
	const valueRoom = Math.min(
		width * 0.4,
		12 + TIP + (max(texts, (t) => textWidth(t, FONT_SIZE - 1)) ?? 0)
	);
	const left = labelWidth + (domain[0] < 0 ? valueRoom : 4);
	const right = width - valueRoom;
	const x = scaleLinear()
		.domain(domain)
		.nice(5)
		.range([left, Math.max(left + 40, right)]);
	const [d0] = x.domain() as [number, number];
	const axisZero = d0 <= 0;
	const clamp = (v: number) => x(Math.max(d0, v / unit));

	const plotTop = 8;
	let y = plotTop;
	const marks: WaterfallMark[] = [];
	const rows: WaterfallLayout['rows'] = [];
	const labelBands: { top: number; bottom: number; right: number }[] = [];
	for (const [i, { step, from, to, gap, direction }] of flows.entries()) {
		const lines = wrapText(step.label, narrow ? width : labelWidth - 12, FONT_SIZE);
		const labelTop = y;
		labelBands.push({
			top: labelTop,
			bottom: labelTop + lines.length * LINE,
			right: max(lines, (l) => textWidth(l, FONT_SIZE)) ?? 0
		});
		if (narrow) y += lines.length * LINE + 4;
		const rowHeight = narrow ? BAR : Math.max(BAR, lines.length * LINE);
		const barY = y + (rowHeight - BAR) / 2;
		const x0 = clamp(Math.min(from, to));
		const x1 = clamp(Math.max(from, to));
		const text = texts[i]!;
		const bound = step.status === 'bound';
		const tip = bound ? TIP : 0;
		const textWide = textWidth(text, FONT_SIZE - 1);
		const leftRoom = x0 - 4 - tip - textWide >= (narrow ? 0 : labelWidth);
		const labelLeft = direction === 'down' && leftRoom;
		marks.push({
			...step,
			x: x0,
			y: barY,
			width: Math.max(1, x1 - x0),
			height: BAR,
			from,
			to,
			direction,
			color: WATERFALL_COLORS[direction],
			text,
			labelX: labelLeft ? x0 - 4 - tip : x1 + 4 + (direction === 'down' ? 0 : tip),
			labelAnchor: labelLeft ? 'end' : 'start',
			tipX: direction === 'down' ? x0 : x1,
			tipDirection: direction === 'down' ? -1 : 1,
			cut: direction === 'total' && !axisZero,
			gap
		});
		rows.push({
			figure: step.figure,
			lines,
			labelX: narrow ? 0 : labelWidth - 8,
			labelY: narrow ? labelTop + LINE / 2 : barY + BAR / 2 - ((lines.length - 1) * LINE) / 2,
			anchor: narrow ? 'start' : 'end'
		});
		y += rowHeight + ROW_PAD;
	}

	// above the bars, a long label may reach the connector: the line stops either side of it
	const connectors = marks.slice(1).flatMap((next, i) => {
		const prev = marks[i]!;
		const at = clamp(prev.to);
		const band = labelBands[i + 1]!;
		if (!narrow || band.right + 4 < at) return [{ x: at, y1: prev.y + prev.height, y2: next.y }];
		return [
			{ x: at, y1: prev.y + prev.height, y2: band.top - 1 },
			{ x: at, y1: band.bottom + 1, y2: next.y }
		];
	});
	const mismatch = closingGap(chart.steps, tolerance);
	const last = marks.at(-1);
	const expected =
		mismatch !== null && last
			? { x: clamp(last.value - mismatch), y1: last.y - 4, y2: last.y + last.height + 4 }
			: null;
	const plotBottom = y - ROW_PAD + 6;
	const ticks = x
		.ticks(width < 400 ? 3 : 5)
		.map((value) => ({ value, x: x(value), label: formatTick(value) }));
	return {
		width,
		height: plotBottom + 24,
		marks,
		rows,
		connectors,
		ticks,
		zero: axisZero ? x(0) : null,
		plotLeft: left,
		plotTop,
		plotBottom,
		narrow,
		zeroBased: axisZero,
		mismatch,
		expected
	};
}
