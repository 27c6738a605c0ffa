import { max, sum as total } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { FONT_SIZE, NARROW } from './bar-layout.js';
import type { Lang } from './format.js';
import { roundSignificant } from './precision.js';
import { textWidth, wrapText } from './text-width.js';
import type { AxisUnit, MarkStatus } from './types.js';

const BAR = 28;
const THIN = 8;
const LINE = FONT_SIZE + 3;
const INSIDE_FONT = 11;
const ROW_PAD = 6;

export interface SharePart {
	figure: string;
	key: string;
	label: string;
	/** Base value (公顷, 元 …). */
	value: number;
	status: MarkStatus;
	valueLabel: string;
	detail: string[];
	/** Where the mark leads: the figure's sentence in its document. */
	href?: string;
}

export interface ShareTotal {
	figure: string;
	/** Base value of the whole the parts belong to. */
	value: number;
	valueLabel: string;
	label: string;
	detail: string[];
	/** Stated unless given. */
	status?: MarkStatus;
	/** Where the mark leads: the figure's sentence in its document. */
	href?: string;
}

export interface ShareData {
	parts: SharePart[];
	/** The whole as the bulletin states it; without one, the whole is the sum of the parts. */
	total?: ShareTotal;
	unit: AxisUnit;
	lang: Lang;
	/** Significant digits of the most precise value the bulletin printed: a share has no more. */
	digits?: number;
}

export interface ShareOptions {
	/** Largest relative difference between the total and the sum of parts taken as rounding. */
	tolerance?: number;
}

/** Key of the segment standing for what the total holds beyond the parts listed. */
export const REMAINDER_KEY = 'not-itemised';

/** What the remainder's labels name it by in the markup, having no figure (see chart-audit.ts). */
export const REMAINDER_LABEL = 'remainder';

const TEXT = {
	remainder: { zh: '未列明', en: 'Not itemised' },
	sum: { zh: '各项合计', en: 'Sum of parts' }
};

export interface ShareSegment {
	key: string;
	/** The figure id; null for the not-itemised remainder, which is worked out, not stated. */
	figure: string | null;
	label: string;
	value: number;
	status: MarkStatus;
	valueLabel: string;
	detail: string[];
	/** Where the mark leads: the figure's sentence in its document; none for the remainder. */
	href?: string;
	/** Share of the whole, 0–1 (more than 1 in total when the parts overshoot). */
	share: number;
	shareText: string;
	x: number;
	y: number;
	width: number;
	height: number;
	color: number;
	/** Dotted rather than solid, so neighbours differ without colour. */
	textured: boolean;
	remainder: boolean;
	/** The text drawn inside the segment, or null when it is too narrow. */
	inside: string | null;
	insideX: number;
	/** Estimated width of the inside text, for the backing it needs over a texture. */
	insideWidth: number;
}

export interface ShareRow {
	/** Index into `segments`. */
	segment: number;
	key: string;
	lines: string[];
	labelX: number;
	labelY: number;
	valueText: string;
	valueX: number;
	shareText: string;
	shareX: number;
	textY: number;
	bar: { x: number; y: number; width: number; height: number };
	top: number;
	bottom: number;
}

export interface ShareLayout {
	width: number;
	height: number;
	segments: ShareSegment[];
	rows: ShareRow[];
	/** Outline of the whole; carries the total's figure when there is one. */
	whole: { x: number; y: number; width: number; height: number };
	caption: { text: string; x: number; y: number };
	narrow: boolean;
	/** The whole in base units: the total when given, else the sum of the parts. */
	wholeValue: number;
	sum: number;
	/** Whole minus parts (base units) when the parts fall short beyond rounding, else null. */
	remainder: number | null;
	/** Parts minus whole (base units) when the parts add up to more beyond rounding, else null. */
	overshoot: number | null;
}

/**
 * 23.0%: a share of the whole, 0–1, in percent with one decimal, and no more significant
 * digits than the parts were printed with (9 of 46 is 20%, not 19.6%).
 */
export function formatShare(share: number, digits = 3): string {
	const percent = share * 100;
	const places = digits - Math.floor(Math.log10(Math.abs(percent) || 1)) - 1;
	// rounded once: 1.2469% to three digits and then to one decimal would read 1.3%
	if (places < 0) return `${Number(percent.toPrecision(Math.max(1, digits)))}%`;
	return `${percent.toFixed(Math.min(1, places))}%`;
}

/** The whole, the sum of the parts, and what is missing or too much, all in base units. */
export function shareBalance(
	chart: Pick<ShareData, 'parts' | 'total'>,
	tolerance = 1e-6
): { whole: number; sum: number; remainder: number | null; overshoot: number | null } {
	const sum = total(chart.parts, (p) => p.value);
	const whole = chart.total?.value ?? sum;
	const gap = whole - sum;
	const beyond = Math.abs(gap) > tolerance * Math.max(Math.abs(whole), Number.MIN_VALUE);
	return {
		whole,
		sum,
		remainder: beyond && gap > 0 ? gap : null,
		overshoot: beyond && gap < 0 ? -gap : null
	};
}

/**
 * Palette slot for the i-th part: six colours, solid and dotted in turn, shifted after each
 * round of six so that twelve parts never share both colour and texture.
 */
export function partStyle(i: number): { color: number; textured: boolean } {
	return { color: (i + Math.floor(i / 6)) % 6, textured: i % 2 === 1 };
}

/**
 * One 100% stacked bar of the parts in the order given, then the parts ranked largest first,
 * each with its value and share of the whole. A shortfall against a stated total becomes a
 * not-itemised segment; an overshoot runs past the outline of the whole. `formatValue` writes a
 * number already divided by the unit's divisor (for the remainder and a total-less caption). Pure.
 */
export function layoutShare(
	chart: ShareData,
	width: number,
	formatValue: (v: number) => string,
	{ tolerance = 1e-6 }: ShareOptions = {}
): ShareLayout {
	const narrow = width < NARROW;
	const { lang, unit } = chart;
	const balance = shareBalance(chart, tolerance);
	const { whole, sum, remainder, overshoot } = balance;
	const inUnit = (v: number) => {
		const n = formatValue(v / unit.divisor);
		return lang === 'zh' || unit.label === '%' ? `${n}${unit.label}` : `${n} ${unit.label}`;
	};

	const parts = chart.parts.map((p, i) => ({ ...p, ...partStyle(i), remainder: false }));
	if (remainder !== null && chart.total) {
		const label = TEXT.remainder[lang];
		// whole minus parts is known no better than the most precise of them: 2530 − 1340.9 is 1190
		const text = inUnit(
			chart.digits
				? roundSignificant(remainder / unit.divisor, chart.digits) * unit.divisor
				: remainder
		);
		parts.push({
			figure: '',
			key: REMAINDER_KEY,
			label,
			value: remainder,
			status: 'derived',
			valueLabel: text,
			detail:
				lang === 'zh'
					? [
							`${label}：${text}`,
							`${chart.total.label}${chart.total.valueLabel}减去所列各项之和${inUnit(sum)}`
						]
					: [
							`${label}: ${text}`,
							`${chart.total.label} (${chart.total.valueLabel}) minus the sum of the parts listed (${inUnit(sum)})`
						],
			color: 3,
			textured: false,
			remainder: true
		});
	}

	const captionText = chart.total
		? `${chart.total.label}${lang === 'zh' ? '：' : ': '}${chart.total.valueLabel}`
		: `${TEXT.sum[lang]}${lang === 'zh' ? '：' : ': '}${inUnit(sum)}`;
	const caption = { text: captionText, x: 0, y: 8 + LINE / 2 };
	const barY = 8 + LINE + 4;
	const span = Math.max(whole, sum) || 1;
	const x = scaleLinear()
		.domain([0, span])
		.range([0, width - 1]);

	let at = 0;
	const segments: ShareSegment[] = parts.map((p) => {
		const x0 = x(at);
		at += Math.max(0, p.value);
		const x1 = x(at);
		const share = whole > 0 ? p.value / whole : 0;
		const shareText = formatShare(share, chart.digits);
		const full = `${p.label} ${shareText}`;
		const room = x1 - x0 - 8;
		const inside =
			textWidth(full, INSIDE_FONT) <= room
				? full
				: textWidth(shareText, INSIDE_FONT) <= room
					? shareText
					: null;
		return {
			key: p.key,
			figure: p.remainder ? null : p.figure,
			label: p.label,
			value: p.value,
			status: p.status,
			valueLabel: p.valueLabel,
			detail: p.detail,
			href: p.remainder ? undefined : p.href,
			share,
			shareText,
			x: x0,
			y: barY,
			width: Math.max(0, x1 - x0),
			height: BAR,
			color: p.color,
			textured: p.textured,
			remainder: p.remainder,
			inside,
			insideX: (x0 + x1) / 2,
			insideWidth: inside ? textWidth(inside, INSIDE_FONT) : 0
		};
	});

	const shareWidth = Math.max(...segments.map((s) => textWidth(s.shareText, FONT_SIZE - 1)), 0);
	const valueWidth = max(segments, (s) => textWidth(s.valueLabel, FONT_SIZE - 1)) ?? 0;
	const labelWidth = narrow
		? 0
		: Math.min(width * 0.34, (max(segments, (s) => textWidth(s.label, FONT_SIZE)) ?? 0) + 12);
	const shareX = width;
	const valueX = width - shareWidth - 14;
	const barLeft = narrow ? 0 : labelWidth;
	const barRight = narrow ? width - 1 : Math.max(barLeft + 40, valueX - valueWidth - 12);
	const rowScale = scaleLinear()
		.domain([0, max(segments, (s) => s.value) || 1])
		.range([barLeft, barRight]);
	const ranked = segments
		.map((s, i) => ({ s, i }))
		.sort((a, b) => b.s.value - a.s.value || a.i - b.i);

	let y = barY + BAR + 18;
	const rows: ShareRow[] = ranked.map(({ s, i }) => {
		const top = y;
		const lines = wrapText(
			s.label,
			narrow ? valueX - valueWidth - 12 : labelWidth - 12,
			FONT_SIZE,
			2
		);
		const textHeight = lines.length * LINE;
		let row: ShareRow;
		if (narrow) {
			const barTop = y + textHeight + 2;
			row = {
				segment: i,
				key: s.key,
				lines,
				labelX: 0,
				labelY: y + LINE / 2,
				valueText: s.valueLabel,
				valueX,
				shareText: s.shareText,
				shareX,
				textY: y + LINE / 2,
				bar: {
					x: barLeft,
					y: barTop,
					width: Math.max(1, rowScale(s.value) - barLeft),
					height: THIN - 2
				},
				top,
				bottom: barTop + THIN - 2
			};
		} else {
			const height = Math.max(LINE + 2, textHeight);
			const middle = y + height / 2;
			row = {
				segment: i,
				key: s.key,
				lines,
				labelX: labelWidth - 8,
				labelY: middle - ((lines.length - 1) * LINE) / 2,
				valueText: s.valueLabel,
				valueX,
				shareText: s.shareText,
				shareX,
				textY: middle,
				bar: {
					x: barLeft,
					y: middle - THIN / 2,
					width: Math.max(1, rowScale(s.value) - barLeft),
					height: THIN
				},
				top,
				bottom: y + height
			};
		}
		y = row.bottom + ROW_PAD;
		return row;
	});

	return {
		width,
		height: y + 4,
		segments,
		rows,
		whole: { x: x(0), y: barY, width: x(whole) - x(0), height: BAR },
		caption,
		narrow,
		wholeValue: whole,
		sum,
		remainder: chart.total ? remainder : null,
		overshoot
	};
}
