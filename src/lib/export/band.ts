/**
 * The title band and source lines an exported chart carries, laid out without a DOM: lines of
 * text with their size, weight and baseline, wrapped to the export's width. Pure.
 */
import { textWidth, wrapText } from '$lib/charts/text-width.js';

export interface BandLine {
	text: string;
	size: number;
	weight: 400 | 700;
	y: number;
	color: 'text' | 'muted';
}

/** A legend entry: a series' colour or a value's status (derived, target, bound). */
export interface LegendEntry {
	label: string;
	/** Index into the chart palette, for a series. */
	color?: number;
	status?: 'derived' | 'target' | 'bound';
}

/** A legend entry placed: its swatch's top-left corner and its label's baseline. */
export interface PlacedLegend extends LegendEntry {
	x: number;
	y: number;
	baseline: number;
}

export interface Band {
	lines: BandLine[];
	legend: PlacedLegend[];
	height: number;
}

const LEGEND = { size: 12, swatch: 11, gap: 5, spacing: 16, lineHeight: 19 };

export const PAD = 16;

/**
 * Title (bold), subtitle, the legend (swatches with labels, wrapped into rows), then notes,
 * top to bottom.
 */
export function titleBand(
	{
		title,
		subtitle,
		notes = [],
		legend = []
	}: { title: string; subtitle: string; notes?: string[]; legend?: LegendEntry[] },
	width: number
): Band {
	const lines: BandLine[] = [];
	let y = PAD;
	const push = (text: string, size: number, weight: 400 | 700, color: BandLine['color']) => {
		for (const line of wrapText(text, width - 2 * PAD, size, 4)) {
			y += size * 1.35;
			lines.push({ text: line, size, weight, y, color });
		}
	};
	if (title) push(title, 17, 700, 'text');
	if (subtitle) push(subtitle, 13, 400, 'muted');
	const placed: PlacedLegend[] = [];
	if (legend.length) {
		y += 6;
		let x = PAD;
		let row = y;
		for (const entry of legend) {
			const w = LEGEND.swatch + LEGEND.gap + textWidth(entry.label, LEGEND.size);
			if (x > PAD && x + w > width - PAD) {
				x = PAD;
				row += LEGEND.lineHeight;
			}
			placed.push({ ...entry, x, y: row, baseline: row + LEGEND.swatch - 1 });
			x += w + LEGEND.spacing;
		}
		y = row + LEGEND.lineHeight - 4;
	}
	for (const note of notes) push(note, 12, 400, 'muted');
	return { lines, legend: placed, height: y + PAD / 2 };
}

/** Source lines under the chart, starting at `top`. */
export function sourceBand(sources: string[], width: number, top: number): Band {
	const lines: BandLine[] = [];
	let y = top + PAD / 2;
	for (const source of sources) {
		for (const line of wrapText(source, width - 2 * PAD, 12, 6)) {
			y += 12 * 1.4;
			lines.push({ text: line, size: 12, weight: 400, y, color: 'muted' });
		}
	}
	return { lines, legend: [], height: y - top + PAD };
}

/** The widest a line of a band needs, to size an export that has a long title. */
export function bandWidth(lines: { text: string; size: number }[]): number {
	return Math.max(0, ...lines.map((l) => textWidth(l.text, l.size))) + 2 * PAD;
}
