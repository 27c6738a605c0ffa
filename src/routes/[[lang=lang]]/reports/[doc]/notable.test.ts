import { describe, expect, it } from 'vitest';
import type { ChartRow } from '$lib/data/queries.js';
import { cityComparisons, largestChanges, targetGaps } from './notable.js';

const row = (over: Partial<ChartRow>): ChartRow =>
	({
		id: 'x',
		indicator_id: 'i',
		sector_id: null,
		area_id: 'baoshan',
		topic: 'industry',
		measure: 'level',
		period: '2023',
		period_type: 'year',
		year: 2023,
		value: 0,
		value_text: '0',
		base_value: 0,
		base_unit: '元',
		qualifier: null,
		derived: false,
		...over
	}) as ChartRow;

const YI = 100_000_000;
/** Rows of data/figures/industry.csv (s21-industry-report), as the figures table gives them. */
const stated = (
	id: string,
	indicator: string,
	sector: string,
	period: string,
	measure: ChartRow['measure'],
	value: number,
	qualifier: string | null = null
) =>
	row({
		id,
		indicator_id: indicator,
		sector_id: sector,
		period,
		period_type: period.includes('Q') ? 'quarter' : period.length > 4 ? 'date' : 'year',
		year: Number(period.slice(0, 4)),
		measure,
		value,
		value_text: String(value),
		base_value: value * YI,
		unit: '亿元',
		qualifier
	});
const MATERIALS = 'industry-key-new-materials';
const ROBOTICS = 'industry-key-robotics';
const materialsTarget = stated(
	'industry-new-materials-scale-target-2026',
	'industry-scale',
	MATERIALS,
	'2026',
	'target',
	1500,
	'over'
);
const roboticsTarget = stated(
	'industry-robotics-scale-target-2026',
	'industry-scale',
	ROBOTICS,
	'2026',
	'target',
	1000,
	'over'
);
const levels = [
	stated(
		'industry-new-materials-output-2023',
		'industry-output-above-scale',
		MATERIALS,
		'2023',
		'level',
		1725
	),
	stated(
		'industry-new-materials-output-2024q1',
		'industry-output-above-scale',
		MATERIALS,
		'2024Q1',
		'level',
		389
	),
	stated(
		'industry-robotics-output-2023',
		'industry-output-above-scale',
		ROBOTICS,
		'2023',
		'level',
		683
	),
	stated(
		'industry-shenhe-output',
		'industry-shenhe-output',
		MATERIALS,
		'2024-06-26',
		'level',
		15,
		'over'
	)
];

describe('targets of a report', () => {
	it('flags new materials’ 2026 scale target against its output above designated size as a proxy, without progress or pace', () => {
		const [gap] = targetGaps([materialsTarget], levels);
		expect(gap).toMatchObject({ proxy: true, reached: null, yearlyGrowth: null });
		expect(gap!.latest?.id).toBe('industry-new-materials-output-2023');
		expect(gap!.figures).toEqual([
			'industry-new-materials-scale-target-2026',
			'industry-new-materials-output-2023'
		]);
	});

	it('never measures a district target by one company: 申和投资 over 15亿元 is not 1% of 1500亿元 needing 900% a year', () => {
		const [only] = targetGaps([materialsTarget], [levels[3]!]);
		expect(only).toMatchObject({ proxy: true, reached: null, yearlyGrowth: null });
	});

	it('gives robotics’ 683亿元 output against its 1000亿元 scale target no pace: the measures differ', () => {
		const [gap] = targetGaps([roboticsTarget], levels);
		expect(gap).toMatchObject({ proxy: true, reached: null, yearlyGrowth: null });
		expect(gap!.latest?.value).toBe(683);
	});

	it('rounds the pace of a like-for-like target to its inputs: 683 to a round 1000 in three years is 14% a year, not 13.552%', () => {
		const scale = { ...levels[2]!, id: 'robotics-scale-2023', indicator_id: 'industry-scale' };
		const [gap] = targetGaps([roboticsTarget], [scale]);
		expect(gap).toMatchObject({ proxy: false, reached: 68, yearlyGrowth: 14, years: 3 });
	});

	it('gives 3000 of 9000 social video channels as 33% reached, with no pace for a target due this year', () => {
		const target = row({
			id: 'city-operations-social-video-connected-target-2024',
			indicator_id: 'city-operations-social-video-connected',
			topic: 'city-operations',
			measure: 'target',
			period: '2024',
			year: 2024,
			value: 9000,
			value_text: '9000',
			base_value: 9000,
			base_unit: '路'
		});
		const now = row({
			...target,
			id: 'city-operations-social-video-connected-2024-05-29',
			measure: 'level',
			period: '2024-05-29',
			period_type: 'date',
			value: 3000,
			value_text: '3000',
			base_value: 3000
		});
		const [gap] = targetGaps([target], [now]);
		expect(gap).toMatchObject({ proxy: false, reached: 33, yearlyGrowth: null, years: 0 });
	});

	it('reads no yearly target against a total over several years, and names no proxy without a sector', () => {
		const target = row({
			id: 'land-reduction-target-2023',
			indicator_id: 'land-reduction-area',
			topic: 'land',
			measure: 'target',
			value: 40,
			value_text: '40',
			base_value: 40,
			base_unit: '公顷'
		});
		const threeYears = row({
			...target,
			id: 'land-reduction-2021-2023-research',
			measure: 'level',
			period: '2021..2023',
			period_type: 'range',
			value: 141.22,
			value_text: '141.22',
			base_value: 141.22
		});
		const total = row({
			...threeYears,
			id: 'land-total',
			indicator_id: 'land-area',
			period: '2023'
		});
		const [gap] = targetGaps([target], [threeYears, total]);
		expect(gap).toMatchObject({ latest: null, proxy: false, reached: null });
	});
});

describe('changes and city comparisons', () => {
	it('gives the relative size of a stated change to the digits of its inputs: grassland +36 公顷 to 501 is +7.7%', () => {
		const change = row({
			id: 'land-grassland-change-2023',
			indicator_id: 'land-area',
			sector_id: 'land-class-grassland',
			measure: 'change',
			value: 36,
			value_text: '36',
			base_value: 36
		});
		const level = row({
			...change,
			id: 'land-grassland-2023',
			measure: 'level',
			period: '2023-12-31',
			period_type: 'date',
			value: 501,
			value_text: '501',
			base_value: 501
		});
		const growth = row({ id: 'specialised', measure: 'change_pct', value: 137, value_text: '137' });
		const [first, second] = largestChanges([change, level, growth]);
		expect(first!.figure.id).toBe('specialised');
		expect(second).toMatchObject({
			percent: 7.7,
			figures: ['land-grassland-change-2023', 'land-grassland-2023']
		});
	});

	it('gives the district’s strategic emerging share (about 30%) as about 70% of the city’s 43%, not 69.767%', () => {
		const share = (id: string, area: string, value: number, qualifier: string | null) =>
			row({
				id,
				indicator_id: 'industry-output-above-scale',
				sector_id: 'industry-category-strategic-emerging',
				area_id: area,
				measure: 'share',
				value,
				value_text: String(value),
				base_value: value,
				qualifier
			});
		const [pair] = cityComparisons([
			share('industry-sie-share-2023', 'baoshan', 30, 'about'),
			share('industry-sie-share-shanghai-2023', 'shanghai', 43, null)
		]);
		expect(pair).toMatchObject({
			ratio: 70,
			approximate: true,
			figures: ['industry-sie-share-2023', 'industry-sie-share-shanghai-2023']
		});
	});

	it('gives land output of 18万 a mu as 49% of the city’s 37万', () => {
		const perMu = (id: string, area: string, value: number) =>
			row({
				id,
				indicator_id: 'land-industrial-output-per-mu',
				area_id: area,
				value,
				value_text: String(value),
				base_value: value * 10000
			});
		const [pair] = cityComparisons([
			perMu('land-output-per-mu-2023', 'baoshan', 18),
			perMu('land-output-per-mu-shanghai-2023', 'shanghai', 37)
		]);
		expect(pair).toMatchObject({ ratio: 49, approximate: false });
	});
});
