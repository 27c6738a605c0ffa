/**
 * The comparison view: what the reader chose becomes one query, and its rows become panels:
 * one per unit and measure, because only comparable units share an axis. The chart follows
 * the choice: values over several years of one series draw as lines, everything else as bars.
 */
import type { ChartRow, FigureFilter } from '$lib/data/queries.js';
import type { PanelSpec, Text } from '$lib/panels.js';
import { MEASURE_NAMES } from '$lib/panels.js';

export interface Choice {
	indicators: string[];
	sectors: string[];
	periods: string[];
}

export const DEFAULT_CHOICE: Choice = {
	indicators: ['industry-output-above-scale'],
	sectors: ['industry-key-robotics', 'industry-key-new-materials', 'industry-key-biomed'],
	periods: ['2023', '2024Q1']
};

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

/** Panels for the chosen rows: one per base unit and measure, each with the chart that fits it. */
export function comparePanels(
	rows: ChartRow[],
	choice: Choice
): { spec: PanelSpec; rows: ChartRow[] }[] {
	const groups = new Map<string, ChartRow[]>();
	for (const r of rows) {
		const key = `${r.base_unit}|${r.measure}`;
		groups.set(key, [...(groups.get(key) ?? []), r]);
	}
	return [...groups].map(([key, group]) => {
		const [unit, measure] = key.split('|') as [string, ChartRow['measure']];
		const indicators = new Set(group.map((r) => r.indicator_id));
		const sectors = new Set(group.map((r) => r.sector_id));
		const periods = new Set(group.map((r) => r.period));
		const annual = group.every((r) => r.period_type === 'year' || r.period_type === 'date');
		const series = indicators.size > 1 ? 'indicator' : 'sector';
		const lines = periods.size > 2 && annual && (measure === 'level' || measure === 'share');
		const kind = unit in UNIT_NAMES ? UNIT_NAMES[unit]! : { zh: unit, en: unit };
		const spec: PanelSpec = {
			id: `compare-${measure}-${unitSlug(unit)}`,
			title: {
				zh: `${MEASURE_NAMES[measure].zh}（${kind.zh}）`,
				en: `${MEASURE_NAMES[measure].en} (${kind.en})`
			},
			kind: lines ? 'lines' : 'bars',
			filter: {
				indicators: [...indicators],
				sectors: choice.sectors.length ? choice.sectors : undefined,
				periods: [...periods],
				measures: [measure],
				areas: [...new Set(group.map((r) => r.area_id))]
			},
			category: lines
				? 'indicator'
				: indicators.size > 1 && sectors.size <= 1
					? 'indicator'
					: 'sector',
			series: lines ? series : 'period'
		};
		return { spec, rows: group };
	});
}
