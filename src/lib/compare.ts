/**
 * The comparison view: what the reader chose becomes one query, and its rows become panels:
 * one per unit and measure, because only comparable units share an axis. The chart follows
 * the choice: values over several years of one series draw as lines, everything else as bars.
 * The choice it first opens on is declared in data/charts/compare.yaml (the registry's
 * `compareDefault`).
 */
import type { ChartRow, FigureFilter } from '$lib/data/queries.js';
import type { PanelSpec, Text } from '$lib/panels.js';
import { MEASURE_NAMES } from '$lib/series.js';
import { lengthSlug, lengthTitle, periodLength } from '$lib/period-length.js';

export interface Choice {
	indicators: string[];
	sectors: string[];
	periods: string[];
}

export function choiceFilter(choice: Choice, areas: string[]): FigureFilter {
	return {
		indicators: choice.indicators,
		sectors: choice.sectors.length ? choice.sectors : undefined,
		periods: choice.periods.length ? choice.periods : undefined,
		areas
	};
}

const UNIT_NAMES: Record<string, Text> = {
	元: { zh: '金额', en: 'amounts of money' },
	公顷: { zh: '面积', en: 'areas' },
	'%': { zh: '百分比', en: 'percentages' }
};

/** A unit as id characters, one per unit: 元 → 5143, % → 25 (a unit of letters stays as it is). */
export function unitSlug(unit: string): string {
	return [...unit]
		.map((c) => (/[a-z0-9]/i.test(c) ? c.toLowerCase() : c.codePointAt(0)!.toString(16)))
		.join('');
}

/** Panels for the chosen rows: one per base unit, measure and length of period, each with the chart that fits it. */
export function comparePanels(
	rows: ChartRow[],
	choice: Choice
): { spec: PanelSpec; rows: ChartRow[] }[] {
	const groups = new Map<string, ChartRow[]>();
	for (const r of rows) {
		const key = `${r.base_unit}|${r.measure}|${periodLength(r)}`;
		groups.set(key, [...(groups.get(key) ?? []), r]);
	}
	return [...groups].flatMap(([key, group]) => {
		const [unit, measure, length] = key.split('|') as [string, ChartRow['measure'], string];
		const periods = new Set(group.map((r) => r.period));
		const areas = new Set(group.map((r) => r.area_id));
		// the city beside the district within one period; over several, one panel per area
		const split = areas.size > 1 && periods.size > 1;
		return (split ? [...areas].map((a) => group.filter((r) => r.area_id === a)) : [group]).map(
			(part) => comparePanel(part, choice, { unit, measure, length, area: split ? part[0]! : null })
		);
	});
}

function comparePanelId(of: {
	unit: string;
	measure: string;
	length: string;
	area: string | null;
}): string {
	const slug = [of.measure, unitSlug(of.unit), lengthSlug(of.length), of.area ?? '']
		.filter(Boolean)
		.join('-');
	return `compare-${slug}`;
}

/** Every panel id some choice among these rows can produce, for the embeds to exist. */
export function possiblePanelIds(rows: ChartRow[]): string[] {
	const areas = new Map<string, Set<string>>();
	for (const r of rows) {
		const key = `${r.base_unit}|${r.measure}|${periodLength(r)}`;
		areas.set(key, (areas.get(key) ?? new Set()).add(r.area_id));
	}
	return [...areas].flatMap(([key, of]) => {
		const [unit, measure, length] = key.split('|') as [string, string, string];
		const base = { unit, measure, length };
		const perArea = of.size > 1 ? [...of].map((area) => comparePanelId({ ...base, area })) : [];
		return [comparePanelId({ ...base, area: null }), ...perArea];
	});
}

function comparePanel(
	group: ChartRow[],
	choice: Choice,
	of: { unit: string; measure: ChartRow['measure']; length: string; area: ChartRow | null }
): { spec: PanelSpec; rows: ChartRow[] } {
	const { unit, measure, length, area } = of;
	const indicators = new Set(group.map((r) => r.indicator_id));
	const sectors = new Set(group.map((r) => r.sector_id));
	const periods = new Set(group.map((r) => r.period));
	const areas = new Set(group.map((r) => r.area_id));
	const series = indicators.size > 1 ? 'indicator' : 'sector';
	const lines =
		periods.size > 2 && length === 'year' && (measure === 'level' || measure === 'share');
	const kind = unit in UNIT_NAMES ? UNIT_NAMES[unit]! : { zh: unit, en: unit };
	const span = lengthTitle(length);
	const spec: PanelSpec = {
		id: comparePanelId({ unit, measure, length, area: area?.area_id ?? null }),
		title: {
			zh: `${MEASURE_NAMES[measure].zh}（${kind.zh}${area ? `，${area.area_zh}` : ''}）${span.zh}`,
			en: `${MEASURE_NAMES[measure].en} (${kind.en}${area ? `, ${area.area_en}` : ''})${span.en}`
		},
		kind: lines ? 'lines' : 'bars',
		filter: {
			indicators: [...indicators],
			sectors: choice.sectors.length ? choice.sectors : undefined,
			periods: [...periods],
			measures: [measure],
			areas: [...areas]
		},
		category: lines
			? 'indicator'
			: indicators.size > 1 && sectors.size <= 1
				? 'indicator'
				: 'sector',
		series: lines ? series : areas.size > 1 ? 'area' : 'period'
	};
	return { spec, rows: group };
}
