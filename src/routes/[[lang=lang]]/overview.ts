/**
 * The overview: headline figures with their change since the year before, and each topic's
 * lead chart. Headlines are assembled from one query so both engines answer them alike.
 */
import { chartFigures, type ChartRow } from '$lib/data/queries.js';
import type { PanelSpec } from '$lib/panels.js';
import { topicPanels } from './topics/[topic]/topic-panels.js';

export interface HeadlineSpec {
	indicator: string;
	sector?: string;
}

export const HEADLINES: HeadlineSpec[] = [
	{ indicator: 'industry-output-above-scale', sector: 'industry-key-new-materials' },
	{ indicator: 'land-area' },
	{ indicator: 'forest-coverage' },
	{ indicator: 'water-resources' },
	{ indicator: 'ent-high-tech' },
	{ indicator: 'ent-specialised-smes' },
	{ indicator: 'rural-household-disposable-income' },
	{ indicator: 'rural-collective-dividends' },
	{ indicator: 'sa-soe-assets' },
	{ indicator: 'env-aqi-good-rate' }
];

export const headlineQuery = chartFigures({
	indicators: [...new Set(HEADLINES.map((h) => h.indicator))]
});

export interface Headline {
	level: ChartRow;
	/** The stated change over the level's year, absolute or in percent, when the reports give one. */
	change: ChartRow | null;
	changePct: ChartRow | null;
}

/** Each headline's latest stated level, with the change the reports state for that year. */
export function headlines(rows: ChartRow[], specs: HeadlineSpec[] = HEADLINES): Headline[] {
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

/** Each topic's lead chart on the overview; a topic not named here leads with its first panel. */
const LEAD: Record<string, string> = {
	industry: 'industry-output',
	land: 'land-use',
	forest: 'forest-coverage',
	enterprises: 'enterprise-counts'
};

export function leadPanels(topics: { id: string }[]): PanelSpec[] {
	return topics.flatMap((t) => {
		const panels = topicPanels(t.id);
		const lead = panels.find((p) => p.id === LEAD[t.id]) ?? panels[0];
		return lead ? [lead] : [];
	});
}

/** The land chart's second state, answered by DuckDB-WASM when the reader asks for it. */
export function landChangePanel(): PanelSpec {
	return topicPanels('land').find((p) => p.id === 'land-change')!;
}
