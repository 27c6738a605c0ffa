/**
 * Narrowing a chart's rows to sectors and periods in memory, exactly as the narrower statement
 * would answer. Every figure of one sector and one period falls in one partition of chartFigures'
 * windows (QUANTITY: indicator, sector, area, period, measure), so the rows of a filter without
 * sectors and periods hold, unchanged, every row the filter with them gives: its statements
 * count, its flags and its chosen statement. Proved against the engine for every sector and
 * period of indicator pages of every shape (src/lib/dataset/multi-bulletin.test.ts).
 */
import type { ChartRow, FigureFilter } from './queries.js';

/** The chart a filter narrows by sectors or periods, without them; null for a filter that names neither. */
export function widened(filter: FigureFilter): FigureFilter | null {
	if (!filter.sectors?.length && !filter.periods?.length) return null;
	const { sectors: _sectors, periods: _periods, ...wide } = filter;
	return wide;
}

/** The rows of a wider chart's answer that a narrowed filter keeps, in the same order. */
export function narrowed(rows: ChartRow[], filter: FigureFilter): ChartRow[] {
	const sectors = filter.sectors?.length ? new Set(filter.sectors) : null;
	const periods = filter.periods?.length ? new Set(filter.periods) : null;
	return rows.filter(
		(r) =>
			(!sectors || (r.sector_id !== null && sectors.has(r.sector_id))) &&
			(!periods || periods.has(r.period))
	);
}

/**
 * Whether the rows of `cover` hold every row of `filter`, another filter of the same chart
 * (the same once widened): each sector and period `filter` keeps is one `cover` keeps too, so
 * narrowing them is exact. A panel's own periods (its answer, prerendered) cover any choice
 * among them, never a period of another panel of the same chart.
 */
export function covers(cover: FigureFilter, filter: FigureFilter): boolean {
	const within = (outer?: readonly string[], inner?: readonly string[]) =>
		!outer?.length || (!!inner?.length && inner.every((value) => outer.includes(value)));
	return within(cover.sectors, filter.sectors) && within(cover.periods, filter.periods);
}
