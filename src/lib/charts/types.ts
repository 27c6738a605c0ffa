import type { Lang } from './format.js';

/** How a value came to be: drawn differently so a derived or target value never passes as stated. */
export type MarkStatus = 'stated' | 'derived' | 'target' | 'bound';

export const MARK_STATUSES: readonly MarkStatus[] = ['stated', 'derived', 'target', 'bound'];

/** One mark: a figure placed in a category and a series. */
export interface BarDatum {
	/** The figure id, carried into the markup as data-figure. */
	figure: string;
	category: string;
	series: string;
	/** Base value (元, 公顷 …), carried as data-value. */
	value: number;
	status: MarkStatus;
	/** The value as the reader should read it: 1725亿元 / 172.5 billion yuan. */
	label: string;
	/** Tooltip lines: value and period, then the quote and its source. */
	detail: string[];
	/** Where the mark leads: the figure's sentence in its document. */
	href?: string;
}

export interface Category {
	key: string;
	label: string;
}

export interface SeriesDef {
	key: string;
	label: string;
	/** Index into the chart palette. */
	color: number;
	/** Legend and bar order; series without one keep the order they first appear in. */
	order?: number;
}

export interface AxisUnit {
	divisor: number;
	label: string;
}

export interface BarChartData {
	categories: Category[];
	series: SeriesDef[];
	data: BarDatum[];
	unit: AxisUnit;
	lang: Lang;
}

export interface Frame {
	width: number;
	height?: number;
	margin?: { top: number; right: number; bottom: number; left: number };
}

/** A row of a chart's table view: everything a mark's tooltip says, as text. */
export interface TableRow {
	figure: string;
	category: string;
	series: string;
	value: string;
	status: MarkStatus;
	period: string;
	quote: string;
	source: string;
	formula: string | null;
	href?: string;
}

export interface SourceRef {
	doc: string;
	title: string;
	page: number;
	href?: string;
}
