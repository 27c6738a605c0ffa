/**
 * What a representative should notice in one report: the largest changes it states, how far
 * its targets are and the yearly growth they need, and how the district compares with the
 * city averages it quotes. Pure functions over figure rows.
 */
import type { ChartRow } from '$lib/data/queries.js';

export interface Change {
	figure: ChartRow;
	/** The change in percent: stated, or computed from a stated change and its level. */
	percent: number | null;
	/** The level the change is measured from, when the report states it. */
	level: ChartRow | null;
}

const sameQuantity = (a: ChartRow, b: ChartRow) =>
	a.indicator_id === b.indicator_id && a.sector_id === b.sector_id && a.area_id === b.area_id;

/** Stated changes, largest relative change first; absolute changes get their percent from the level after. */
export function largestChanges(figures: ChartRow[], limit = 8): Change[] {
	const changes: Change[] = [];
	for (const f of figures) {
		if (f.derived) continue;
		if (f.measure === 'change_pct') changes.push({ figure: f, percent: f.value, level: null });
		if (f.measure === 'change') {
			const level = figures.find(
				(l) =>
					sameQuantity(l, f) &&
					l.measure === 'level' &&
					!l.derived &&
					l.year === f.year &&
					l.period_type !== 'range'
			);
			const before = level ? level.base_value - f.base_value : null;
			changes.push({
				figure: f,
				level: level ?? null,
				percent: before ? (f.base_value / before) * 100 : null
			});
		}
	}
	return changes
		.sort((a, b) => Math.abs(b.percent ?? 0) - Math.abs(a.percent ?? 0))
		.slice(0, limit);
}

export interface TargetGap {
	target: ChartRow;
	/** The latest stated level of the same indicator and sector before the target year. */
	latest: ChartRow | null;
	/** Reached share of the target in percent. */
	reached: number | null;
	/** Yearly growth needed from the latest level to the target, in percent; null when reached. */
	yearlyGrowth: number | null;
	years: number | null;
	/** The latest value is of another indicator (output against a scale target): say so. */
	proxy: boolean;
}

export function targetGaps(targets: ChartRow[], levels: ChartRow[]): TargetGap[] {
	return targets
		.filter((t) => t.measure === 'target')
		.map((target) => {
			const before = (l: ChartRow) =>
				l.measure === 'level' &&
				l.year <= target.year &&
				l.period_type !== 'quarter' &&
				l.area_id === target.area_id;
			const newest = (rows: ChartRow[]) =>
				rows.sort((a, b) => b.year - a.year || Number(a.derived) - Number(b.derived))[0] ?? null;
			// the same indicator first; else another of the same topic, sector and unit, flagged
			const same = newest(levels.filter((l) => sameQuantity(l, target) && before(l)));
			const other = same
				? null
				: newest(
						levels.filter(
							(l) =>
								before(l) &&
								l.topic === target.topic &&
								l.sector_id === target.sector_id &&
								l.base_unit === target.base_unit &&
								l.indicator_id !== target.indicator_id
						)
					);
			const latest = same ?? other;
			const proxy = !same && other !== null;
			if (!latest || latest.base_value <= 0)
				return { target, latest, reached: null, yearlyGrowth: null, years: null, proxy };
			const reached = (latest.base_value / target.base_value) * 100;
			const years = target.year - latest.year;
			const yearlyGrowth =
				reached >= 100 || years <= 0
					? null
					: ((target.base_value / latest.base_value) ** (1 / years) - 1) * 100;
			return { target, latest, reached, yearlyGrowth, years, proxy };
		});
}

export interface CityComparison {
	district: ChartRow;
	city: ChartRow;
	/** District over city, as a percentage of the city's value. */
	ratio: number;
}

/** Pairs of a district figure with the city-wide one the report quotes beside it. */
export function cityComparisons(figures: ChartRow[]): CityComparison[] {
	const pairs: CityComparison[] = [];
	for (const city of figures.filter((f) => f.area_id === 'shanghai')) {
		const district = figures.find(
			(f) =>
				f.area_id === 'baoshan' &&
				f.indicator_id === city.indicator_id &&
				f.sector_id === city.sector_id &&
				f.measure === city.measure
		);
		if (district && city.base_value !== 0)
			pairs.push({ district, city, ratio: (district.base_value / city.base_value) * 100 });
	}
	return pairs;
}
