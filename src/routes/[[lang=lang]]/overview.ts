/**
 * The overview's questions and how their rows become charts. The same queries prerender the
 * page on Node DuckDB and answer later changes in DuckDB-WASM.
 */
import type { Lang } from '$lib/charts/format.js';
import type { SeriesDef } from '$lib/charts/types.js';
import { chartFigures, type ChartRow } from '$lib/data/queries.js';
import { indicatorName, periodLabel, sectorName, toBars, toLines } from '$lib/series.js';

export const ENTERPRISE_INDICATORS = [
	'ent-little-giants',
	'ent-specialised-smes',
	'ent-tech-smes',
	'ent-high-tech'
];

export const overviewQueries = {
	industryOutput: chartFigures({
		indicators: ['industry-output-above-scale'],
		sectorGroup: 'industry-key',
		measures: ['level'],
		periods: ['2023', '2024Q1']
	}),
	industryTargets: chartFigures({
		indicators: ['industry-scale'],
		sectorGroup: 'industry-key',
		measures: ['target']
	}),
	landUse: chartFigures({
		indicators: ['land-area'],
		sectorGroup: 'land-class',
		measures: ['level'],
		periods: ['2022-12-31', '2023-12-31']
	}),
	landChange: chartFigures({
		indicators: ['land-area'],
		sectorGroup: 'land-class',
		measures: ['change'],
		periods: ['2023']
	}),
	forest: chartFigures({
		indicators: ['forest-area', 'forest-coverage'],
		sectorGroup: null,
		measures: ['level']
	}),
	enterprises: chartFigures({
		indicators: ENTERPRISE_INDICATORS,
		sectorGroup: null,
		measures: ['level'],
		periods: ['2022-12-31', '2023-12-31']
	})
};

export type OverviewRows = { [K in keyof typeof overviewQueries]: ChartRow[] };

const sector = (row: ChartRow, lang: Lang) => ({
	key: row.sector_id ?? row.indicator_id,
	label: sectorName(row, lang) ?? indicatorName(row, lang)
});

function industrySeries(row: ChartRow, lang: Lang): SeriesDef {
	if (row.measure === 'target') {
		return {
			key: `target-${row.period}`,
			label: `${periodLabel(row, lang)}${lang === 'zh' ? '：产业规模' : ': industry scale'}`,
			color: 2,
			order: 3
		};
	}
	const quarter = row.period_type === 'quarter';
	return {
		key: row.period,
		label: quarter
			? lang === 'zh'
				? `${periodLabel(row, lang)}规上工业产值（季度值）`
				: `${periodLabel(row, lang)} output above designated size (one quarter)`
			: lang === 'zh'
				? `${periodLabel(row, lang)}规上工业产值`
				: `${periodLabel(row, lang)} output above designated size`,
		color: quarter ? 1 : 0,
		order: quarter ? 2 : 1
	};
}

export function industryChart(rows: OverviewRows, lang: Lang) {
	// the output indicator and the target's "industry scale" are different measures of an
	// industry; they share an axis because both are 亿元 of annual activity, and say so
	const all = [...rows.industryOutput, ...rows.industryTargets].sort(
		(a, b) => (a.sector_order ?? 0) - (b.sector_order ?? 0)
	);
	return toBars(all, {
		lang,
		category: (r) => sector(r, lang),
		series: (r) => industrySeries(r, lang)
	});
}

export function landChart(rows: OverviewRows, lang: Lang, view: 'level' | 'change') {
	const source = view === 'level' ? rows.landUse : rows.landChange;
	return toBars(source, {
		lang,
		category: (r) => sector(r, lang),
		series: (r) => ({
			key: `${r.measure}-${r.period}`,
			label:
				r.measure === 'change'
					? lang === 'zh'
						? '较上年度变化'
						: 'Change on previous year'
					: periodLabel(r, lang),
			color: r.derived ? 3 : 0,
			order: r.derived ? 0 : 1
		})
	});
}

export function forestCharts(rows: OverviewRows, lang: Lang) {
	const of = (indicator: string) =>
		toLines(
			rows.forest.filter((r) => r.indicator_id === indicator),
			{
				lang,
				series: (r) => ({
					key: r.indicator_id,
					label: indicatorName(r, lang),
					color: indicator === 'forest-area' ? 2 : 0
				}),
				subject: (r) => indicatorName(r, lang)
			}
		);
	return { area: of('forest-area'), coverage: of('forest-coverage') };
}

export function enterpriseChart(rows: OverviewRows, lang: Lang) {
	const order = (r: ChartRow) => ENTERPRISE_INDICATORS.indexOf(r.indicator_id);
	const sorted = [...rows.enterprises].sort(
		(a, b) => order(a) - order(b) || a.period.localeCompare(b.period)
	);
	return toBars(sorted, {
		lang,
		category: (r) => ({ key: r.indicator_id, label: indicatorName(r, lang) }),
		series: (r) => ({
			key: r.period,
			label: periodLabel(r, lang),
			color: r.derived ? 3 : 0,
			order: r.derived ? 0 : 1
		})
	});
}
