import type { MarkStatus } from './types.js';

/** How a mark is painted: the SVG fill and stroke attributes it carries. */
export interface MarkPaint {
	fill: string;
	stroke: string;
	strokeWidth: number;
	dash: string | undefined;
}

export interface PaintOptions {
	/** The chart's id, which names its hatch and dot patterns (`<id>-hatch-<color>`); points use none. */
	id?: string;
	/**
	 * `bar` fills its area; `point` is a ring filled only when stated or bound; `track` is a
	 * target's outline that the current value is drawn over.
	 */
	shape?: 'bar' | 'point' | 'track';
	/** A part that also carries dots, so it reads apart from its neighbours without colour. */
	textured?: boolean;
}

const BACKGROUND = 'var(--chart-bg, #fff)';

/**
 * The fill and stroke of a mark per status, for every chart kind: stated solid, derived
 * hatched, target a dashed outline on the background, bound solid with its outline.
 */
export function markPaint(
	status: MarkStatus,
	color: number,
	{ id = '', shape = 'bar', textured = false }: PaintOptions = {}
): MarkPaint {
	const ink = `var(--c${color})`;
	if (shape === 'track') return { fill: 'none', stroke: ink, strokeWidth: 2, dash: '4 2' };
	if (shape === 'point') {
		const hollow = status === 'derived' || status === 'target';
		return {
			fill: hollow ? BACKGROUND : ink,
			stroke: ink,
			strokeWidth: 2,
			dash: status === 'target' ? '2 2' : undefined
		};
	}
	if (status === 'derived')
		return { fill: `url(#${id}-hatch-${color})`, stroke: ink, strokeWidth: 1, dash: undefined };
	if (status === 'target') return { fill: BACKGROUND, stroke: ink, strokeWidth: 2, dash: '4 2' };
	return {
		fill: textured ? `url(#${id}-dots-${color})` : ink,
		stroke: status === 'stated' ? 'none' : ink,
		strokeWidth: 1,
		dash: undefined
	};
}
