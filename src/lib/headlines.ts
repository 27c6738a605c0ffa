/**
 * The overview's headline figures with their change since the year before, assembled from one
 * query so both engines answer them alike. Which figures are headlines is declared in
 * data/charts/overview.yaml.
 */
import { chartFigures, type ChartRow, type FigureFilter } from '$lib/data/queries.js';
import type { Query } from '$lib/data/query.js';

export interface HeadlineSpec {
	indicator: string;
	sector?: string;
}

/** The one query the headlines are read from. */
export function headlineQuery(specs: HeadlineSpec[]): Query<ChartRow> {
	const filter: FigureFilter = { indicators: [...new Set(specs.map((h) => h.indicator))] };
	return chartFigures(filter);
}

export interface Headline {
	level: ChartRow;
	/** The stated change over the level's year, absolute or in percent, when the reports give one. */
	change: ChartRow | null;
	changePct: ChartRow | null;
}

/** Each headline's latest stated level, with the change the reports state for that year. */
export function headlines(rows: ChartRow[], specs: HeadlineSpec[]): Headline[] {
	return specs.flatMap((spec) => {
		const mine = rows.filter(
			(r) =>
				r.indicator_id === spec.indicator &&
				r.sector_id === (spec.sector ?? null) &&
				r.area_id === 'baoshan'
		);
		const level = mine
			.filter(
				(r) =>
					(r.measure === 'level' || r.measure === 'share') &&
					!r.derived &&
					r.period_type !== 'quarter'
			)
			.sort(
				(a, b) =>
					b.year - a.year ||
					Number(b.measure === 'level') - Number(a.measure === 'level') ||
					a.period.localeCompare(b.period)
			)[0];
		if (!level) return [];
		const ofYear = (measure: ChartRow['measure']) =>
			mine.find(
				(r) =>
					r.measure === measure && !r.derived && r.year === level.year && r.period_type !== 'range'
			) ?? null;
		return [{ level, change: ofYear('change'), changePct: ofYear('change_pct') }];
	});
}
