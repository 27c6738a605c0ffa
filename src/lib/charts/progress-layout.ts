import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { FONT_SIZE, NARROW } from './bar-layout.js';
import type { Lang } from './format.js';
import { textWidth, wrapPieces, wrapText, type Piece } from './text-width.js';
import type { AxisUnit, MarkStatus } from './types.js';

const TRACK = 18;
const FILL = 10;
const LINE = FONT_SIZE + 3;
const CAPTION = 11;
const ROW_PAD = 14;
/** Room the bound arrow tip takes beyond the end of its bar. */
const TIP = 7;

export interface ProgressValue {
	figure: string;
	/** Base value (路, 亩, 元 …). */
	value: number;
	status: MarkStatus;
	valueLabel: string;
	/** 2024年5月29日 / 2026年目标: when the value holds, as the reader should read it. */
	periodLabel: string;
	detail: string[];
	/** Where the mark leads: the figure's sentence in its document. */
	href?: string;
}

export interface ProgressItem {
	key: string;
	label: string;
	current?: ProgressValue;
	target: ProgressValue;
	/** The current value is of another measure than the target (口径不同): no share is worked out. */
	proxy?: boolean;
}

export interface ProgressData {
	items: ProgressItem[];
	unit: AxisUnit;
	lang: Lang;
}

/** Palette indexes: the current value filled, the target outlined. */
export const PROGRESS_COLORS = { current: 0, target: 2 } as const;

export interface ProgressBar extends ProgressValue {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface ProgressRow {
	key: string;
	lines: string[];
	labelX: number;
	labelY: number;
	anchor: 'start' | 'end';
	target: ProgressBar & { markerX: number; markerY1: number; markerY2: number };
	current: ProgressBar | null;
	/** Current ÷ target (1.15 when 15% above), or null without a current value. */
	share: number | null;
	/** 已达目标的33% / 超出目标15% / 尚无现值 */
	shareText: string;
	/**
	 * What the share text prints: the current value as a percentage of the target (`share`), by
	 * how much it exceeds it (`excess`), or no number (null: no current value, another measure).
	 */
	shareKind: 'share' | 'excess' | null;
	shareX: number;
	shareY: number;
	/** When and how much, for both values, wrapped under the bar; each value names its figure. */
	caption: Piece[][];
	captionX: number;
	captionY: number;
}

export interface ProgressLayout {
	width: number;
	height: number;
	rows: ProgressRow[];
	ticks: { value: number; x: number; label: string }[];
	zero: number;
	plotTop: number;
	plotBottom: number;
	narrow: boolean;
}

function percent(ratio: number, under: boolean): string {
	const p = ratio * 100;
	// never print 100% for 99.6% reached, nor 0% above for 0.3% above: a decimal more instead
	for (let decimals = 0; decimals < 3; decimals++) {
		const text = p.toFixed(decimals);
		if (under ? Number(text) < 100 : Number(text) > 0) return `${text}%`;
	}
	return `${p.toFixed(3)}%`;
}

/** Whether `shareText` prints a share of the target or an excess over it, if any number. */
export function shareKind(
	current: Pick<ProgressValue, 'value'> | undefined,
	target: Pick<ProgressValue, 'value'>
): 'share' | 'excess' | null {
	if (!current || target.value === 0) return null;
	return current.value / target.value > 1 ? 'excess' : 'share';
}

/**
 * 已达目标的33% / 33% of target, 超出目标15% / 15% above target. A bound on either side (3000余路,
 * 突破1500亿元) makes the share approximate: 约 / about.
 */
export function shareText(
	current: Pick<ProgressValue, 'value' | 'status'> | undefined,
	target: Pick<ProgressValue, 'value' | 'status'>,
	lang: Lang
): string {
	const zh = lang === 'zh';
	if (!current) return zh ? '尚无现值' : 'no current value';
	if (target.value === 0) return '';
	const ratio = current.value / target.value;
	const about = current.status === 'bound' || target.status === 'bound';
	if (shareKind(current, target) === 'excess') {
		const over = percent(ratio - 1, false);
		if (zh) return `超出目标${about ? '约' : ''}${over}`;
		return `${about ? 'about ' : ''}${over} above target`;
	}
	const reached = ratio === 1 ? '100%' : percent(ratio, true);
	if (zh) return `已达目标的${about ? '约' : ''}${reached}`;
	return `${about ? 'about ' : ''}${reached} of target`;
}

/**
 * One row per item: the target as an outlined track from zero with a marker at its end, the
 * current value as a narrower filled bar over it (past the marker once the target is exceeded)
 * and the share reached. One x scale for all rows, up to the largest value. Pure.
 */
export function layoutProgress(
	chart: ProgressData,
	width: number,
	formatTick: (v: number) => string
): ProgressLayout {
	const narrow = width < NARROW;
	const { lang, unit } = chart;
	const texts = chart.items.map((item) =>
		item.proxy && item.current
			? lang === 'zh'
				? '口径不同，仅供参考'
				: 'different measure, for reference only'
			: shareText(item.current, item.target, lang)
	);
	const values = chart.items.flatMap((item) => [
		item.target.value / unit.divisor,
		...(item.current ? [item.current.value / unit.divisor] : [])
	]);
	const hi = Math.max(0, max(values) ?? 0);

	const labelWidth = narrow
		? 0
		: Math.min(width * 0.3, (max(chart.items, (i) => textWidth(i.label, FONT_SIZE)) ?? 0) + 12);
	// the share is set in semibold, a little wider than textWidth's estimate
	const shareRoom = TIP + 14 + 1.1 * (max(texts, (t) => textWidth(t, FONT_SIZE - 1)) ?? 0);
	const left = narrow ? 0 : labelWidth;
	const right = Math.max(left + 40, width - shareRoom);
	const x = scaleLinear()
		.domain([0, hi || 1])
		.nice(5)
		.range([left, right]);
	const captionWidth = (narrow ? width : width - left) - 4;

	const plotTop = 8;
	let y = plotTop;
	const rows: ProgressRow[] = chart.items.map((item, i) => {
		const lines = wrapText(item.label, narrow ? width : labelWidth - 12, FONT_SIZE);
		const labelTop = y;
		if (narrow) y += lines.length * LINE + 4;
		const trackY = narrow ? y : y + Math.max(0, ((lines.length - 1) * LINE) / 2);
		const fillY = trackY + (TRACK - FILL) / 2;
		const tx = x(item.target.value / unit.divisor);
		const target = {
			...item.target,
			x: x(0),
			y: trackY,
			width: Math.max(1, tx - x(0)),
			height: TRACK,
			markerX: tx,
			markerY1: trackY - 4,
			markerY2: trackY + TRACK + 4
		};
		const current = item.current
			? {
					...item.current,
					x: x(0),
					y: fillY,
					width: Math.max(1, x(item.current.value / unit.divisor) - x(0)),
					height: FILL
				}
			: null;
		const when = (v: ProgressValue): Piece[] => [
			{ text: `${v.periodLabel} ` },
			{ text: v.valueLabel, figure: v.figure }
		];
		const pieces = [
			...(item.current ? [...when(item.current), { text: ' · ' }] : []),
			...when(item.target)
		];
		const caption = wrapPieces(pieces, captionWidth, CAPTION, 3);
		const captionY = trackY + TRACK + 6 + CAPTION / 2 + 2;
		const share = item.current && item.target.value ? item.current.value / item.target.value : null;
		const row: ProgressRow = {
			key: item.key,
			lines,
			labelX: narrow ? 0 : labelWidth - 8,
			labelY: narrow ? labelTop + LINE / 2 : trackY + TRACK / 2 - ((lines.length - 1) * LINE) / 2,
			anchor: narrow ? 'start' : 'end',
			target,
			current,
			share,
			shareText: texts[i]!,
			shareKind: item.proxy ? null : shareKind(item.current, item.target),
			shareX: right + TIP + 8,
			shareY: trackY + TRACK / 2,
			caption,
			captionX: x(0) + 4,
			captionY
		};
		const labelBottom = narrow ? 0 : row.labelY + (lines.length - 0.5) * LINE;
		y = Math.max(captionY + (caption.length - 0.5) * (CAPTION + 3), labelBottom) + ROW_PAD;
		return row;
	});
	const plotBottom = y - ROW_PAD + 6;
	const ticks = x
		.ticks(width < 400 ? 3 : 5)
		.map((value) => ({ value, x: x(value), label: formatTick(value) }));
	return {
		width,
		height: plotBottom + 24,
		rows,
		ticks,
		zero: x(0),
		plotTop,
		plotBottom,
		narrow
	};
}
