/**
 * What a representative should notice in one report: the largest changes it states, how far
 * its targets are and the yearly growth they need, and how the district compares with the
 * city averages it quotes. Pure functions over figure rows. Every computed number is rounded
 * to the significant digits of its least precise written input (roundProduct), and lists the
 * figures it is computed from.
 */
import { roundProduct } from '$lib/charts/precision.js';
import type { ChartRow } from '$lib/data/queries.js';

export interface Change {
	figure: ChartRow;
	/** The change in percent: stated, or computed from a stated change and its level and rounded. */
	percent: number | null;
	/** The level the change is measured from, when the report states it. */
	level: ChartRow | null;
	/** Ids of the figures the percent is computed from. */
	figures: string[];
}

const sameQuantity = (a: ChartRow, b: ChartRow) =>
	a.indicator_id === b.indicator_id && a.sector_id === b.sector_id && a.area_id === b.area_id;

/** Stated changes, largest relative change first; absolute changes get their percent from the level after. */
export function largestChanges(figures: ChartRow[], limit = 8): Change[] {
	const changes: Change[] = [];
	for (const f of figures) {
		if (f.derived) continue;
		if (f.measure === 'change_pct')
			changes.push({ figure: f, percent: f.value, level: null, figures: [f.id] });
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
				percent:
					level && before
						? roundProduct((f.base_value / before) * 100, [f.value_text, level.value_text])
						: null,
				figures: level ? [f.id, level.id] : [f.id]
			});
		}
	}
	return changes
		.sort((a, b) => Math.abs(b.percent ?? 0) - Math.abs(a.percent ?? 0))
		.slice(0, limit);
}

export interface TargetGap {
	target: ChartRow;
	/** The latest stated level compared with the target: of the same quantity, or else a proxy. */
	latest: ChartRow | null;
	/**
	 * The latest value is of another indicator (one company's output, or output above designated
	 * size against an industry-scale target): a different measure, shown for reference only,
	 * never with progress or pace.
	 */
	proxy: boolean;
	/** Reached share of the target in percent, rounded; only for a like-for-like comparison. */
	reached: number | null;
	/** Yearly growth needed to the target, in percent, rounded; null when reached, a proxy or due this year. */
	yearlyGrowth: number | null;
	years: number | null;
	/** Ids of the figures the comparison uses. */
	figures: string[];
}

/**
 * Each target with the latest level it can be read against. Only a level of the same indicator,
 * sector and area (not a quarter against a yearly goal) gets "reached X%" and "needs Y% a
 * year"; failing that, a level of another indicator of the same topic, named sector and unit is
 * named as a proxy without either, preferring an indicator the reports break down by sector
 * (a district-wide measure) to one stated for a single sector (often one company).
 */
export function targetGaps(targets: ChartRow[], levels: ChartRow[]): TargetGap[] {
	const sectorsOf = new Map<string, Set<string | null>>();
	for (const l of levels)
		sectorsOf.set(l.indicator_id, (sectorsOf.get(l.indicator_id) ?? new Set()).add(l.sector_id));
	return targets
		.filter((t) => t.measure === 'target')
		.map((target) => {
			// a quarter, or a total over several years, is no measure of a yearly goal
			const before = (l: ChartRow) =>
				l.measure === 'level' &&
				l.year <= target.year &&
				l.period_type !== 'quarter' &&
				(l.period_type !== 'range' || l.period === target.period) &&
				l.area_id === target.area_id;
			const newest = (rows: ChartRow[]) =>
				rows.sort(
					(a, b) =>
						(sectorsOf.get(b.indicator_id)?.size ?? 0) -
							(sectorsOf.get(a.indicator_id)?.size ?? 0) ||
						b.year - a.year ||
						Number(a.derived) - Number(b.derived)
				)[0] ?? null;
			const same = newest(levels.filter((l) => sameQuantity(l, target) && before(l)));
			if (!same) {
				// a proxy only within a named sector: without one, a topic's every total would do
				const other = newest(
					levels.filter(
						(l) =>
							before(l) &&
							target.sector_id !== null &&
							l.topic === target.topic &&
							l.sector_id === target.sector_id &&
							l.base_unit === target.base_unit &&
							l.indicator_id !== target.indicator_id
					)
				);
				return {
					target,
					latest: other,
					proxy: other !== null,
					reached: null,
					yearlyGrowth: null,
					years: null,
					figures: other ? [target.id, other.id] : [target.id]
				};
			}
			const figures = [target.id, same.id];
			if (same.base_value <= 0 || target.base_value <= 0)
				return {
					target,
					latest: same,
					proxy: false,
					reached: null,
					yearlyGrowth: null,
					years: null,
					figures
				};
			const written = [same.value_text, target.value_text];
			const ratio = same.base_value / target.base_value;
			const years = target.year - same.year;
			const growth = ratio >= 1 || years <= 0 ? null : ((1 / ratio) ** (1 / years) - 1) * 100;
			return {
				target,
				latest: same,
				proxy: false,
				reached: roundProduct(ratio * 100, written),
				yearlyGrowth: growth === null ? null : roundProduct(growth, written),
				years,
				figures
			};
		});
}

export interface CityComparison {
	district: ChartRow;
	city: ChartRow;
	/** District over city, as a percentage of the city's value, rounded to the digits of the two. */
	ratio: number;
	/** Either value is approximate (约, 超过): so is the ratio. */
	approximate: boolean;
	figures: string[];
}

/** Pairs of a district figure with the city-wide one the report quotes beside it. */
export function cityComparisons(figures: ChartRow[]): CityComparison[] {
	const pairs: CityComparison[] = [];
	for (const city of figures.filter((f) => f.area_id === 'shanghai' && !f.derived)) {
		const district = figures.find(
			(f) =>
				f.area_id === 'baoshan' &&
				!f.derived &&
				f.indicator_id === city.indicator_id &&
				f.sector_id === city.sector_id &&
				f.measure === city.measure &&
				f.period === city.period
		);
		if (district && city.base_value !== 0)
			pairs.push({
				district,
				city,
				ratio: roundProduct((district.base_value / city.base_value) * 100, [
					district.value_text,
					city.value_text
				]),
				approximate: Boolean(district.qualifier || city.qualifier),
				figures: [district.id, city.id]
			});
	}
	return pairs;
}
