import { extent, max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { textWidth } from './text-width.js';
import type { MarkStatus } from './types.js';

export interface LinePoint {
	figure: string;
	/** Position on the time axis: a decimal year (2023.0 for end of 2022 … as the caller decides). */
	x: number;
	xLabel: string;
	/** In the axis unit. */
	value: number;
	/** The figure's base value, carried as data-value. */
	base: number;
	status: MarkStatus;
	label: string;
	detail: string[];
	href?: string;
}

export interface LineSeries {
	key: string;
	label: string;
	color: number;
	points: LinePoint[];
}

export interface LineLayout {
	width: number;
	height: number;
	paths: { key: string; d: string; color: number; dashed: boolean }[];
	points: (LinePoint & { cx: number; cy: number; color: number; series: string; labelY: number })[];
	xTicks: { x: number; label: string }[];
	yTicks: { y: number; label: string; value: number }[];
	plotLeft: number;
	plotRight: number;
	plotTop: number;
	plotBottom: number;
	zeroBased: boolean;
}

/**
 * Values over periods. The y axis starts at zero unless every value sits far from it (a rate
 * such as forest coverage), in which case it hugs the data and says so (`zeroBased: false`).
 * A segment ending in a derived point is dashed.
 */
export function layoutLines(
	series: LineSeries[],
	{ width, height = 220 }: { width: number; height?: number },
	formatTick: (v: number) => string
): LineLayout {
	const all = series.flatMap((s) => s.points);
	const [x0, x1] = extent(all, (p) => p.x) as [number, number];
	const lo = min(all, (p) => p.value) ?? 0;
	const hi = max(all, (p) => p.value) ?? 1;
	const zeroBased = lo <= 0 || lo < hi * 0.5;
	const pad = (hi - lo) * 0.25 || Math.abs(hi) * 0.05 || 1;
	const domain: [number, number] = zeroBased ? [Math.min(0, lo), hi] : [lo - pad, hi + pad];
	const y0 = scaleLinear().domain(domain).nice(4);
	const tickLabels = y0.ticks(4).map(formatTick);
	const left = 8 + (max(tickLabels, (t) => textWidth(t, 11)) ?? 20);
	const right = width - 16 - (max(all, (p) => textWidth(p.label, 12)) ?? 0) / 2;
	const top = 18;
	const bottom = height - 26;
	const x = scaleLinear()
		.domain(x0 === x1 ? [x0 - 1, x1 + 1] : [x0, x1])
		.range([left + 24, Math.max(left + 60, right - 12)]);
	const y = y0.range([bottom, top]);

	const paths: LineLayout['paths'] = [];
	const points: LineLayout['points'] = [];
	for (const s of series) {
		const sorted = [...s.points].sort((a, b) => a.x - b.x);
		for (let i = 1; i < sorted.length; i++) {
			const [a, b] = [sorted[i - 1]!, sorted[i]!];
			paths.push({
				key: `${s.key}-${i}`,
				d:
					line<LinePoint>(
						(p) => x(p.x),
						(p) => y(p.value)
					)([a, b]) ?? '',
				color: s.color,
				dashed: a.status === 'derived' || b.status === 'derived'
			});
		}
		for (const p of sorted) {
			points.push({
				...p,
				cx: x(p.x),
				cy: y(p.value),
				color: s.color,
				series: s.key,
				labelY: y(p.value) - 9
			});
		}
	}
	let xTicks = [...new Map(all.map((p) => [p.x, p.xLabel]))]
		.sort((a, b) => a[0] - b[0])
		.map(([v, label]) => ({ x: x(v), label }));
	const collide = () =>
		xTicks.some(
			(t, i) =>
				i > 0 &&
				t.x - xTicks[i - 1]!.x <
					(textWidth(t.label, 11) + textWidth(xTicks[i - 1]!.label, 11)) / 2 + 12
		);
	// labels that would touch are shortened to their year, then thinned
	if (collide())
		xTicks = xTicks.map((t) => ({ ...t, label: /\d{4}/.exec(t.label)?.[0] ?? t.label }));
	while (xTicks.length > 2 && collide())
		xTicks = xTicks.filter((_, i) => i % 2 === 0 || i === xTicks.length - 1);
	const yTicks = y.ticks(4).map((value) => ({ value, y: y(value), label: formatTick(value) }));
	return {
		width,
		height,
		paths,
		points,
		xTicks,
		yTicks,
		plotLeft: left,
		plotRight: right,
		plotTop: top,
		plotBottom: bottom,
		zeroBased
	};
}
