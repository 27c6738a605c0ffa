import { describe, expect, it } from 'vitest';
import type { ChartRow } from '$lib/data/queries.js';
import { cityComparisons, largestChanges, targetGaps } from './notable.js';

const row = (over: Partial<ChartRow>): ChartRow =>
	({
		id: 'x',
		indicator_id: 'i',
		sector_id: null,
		area_id: 'baoshan',
		measure: 'level',
		period: '2023',
		period_type: 'year',
		year: 2023,
		value: 0,
		base_value: 0,
		derived: false,
		...over
	}) as ChartRow;

describe('notable figures of a report', () => {
	it('ranks changes by their relative size, computing it from the level when only the change is stated', () => {
		const grass = row({
			id: 'grass-change',
			indicator_id: 'land',
			sector_id: 'grass',
			measure: 'change',
			period: '2023',
			base_value: 36
		});
		const grassLevel = row({
			id: 'grass',
			indicator_id: 'land',
			sector_id: 'grass',
			period: '2023-12-31',
			period_type: 'date',
			base_value: 501
		});
		const growth = row({ id: 'specialised', measure: 'change_pct', value: 137, base_value: 137 });
		const [first, second] = largestChanges([grass, grassLevel, growth]);
		expect(first!.figure.id).toBe('specialised');
		expect(second!.figure.id).toBe('grass-change');
		expect(second!.percent).toBeCloseTo((36 / 465) * 100, 6);
	});

	it('measures a target against the latest level and gives the yearly growth it needs', () => {
		const target = row({
			id: 'video-target',
			measure: 'target',
			period: '2024',
			year: 2024,
			base_value: 9000
		});
		const now = row({
			id: 'video',
			period: '2024-05-29',
			period_type: 'date',
			year: 2024,
			base_value: 3000
		});
		const [gap] = targetGaps([target], [now]);
		expect(gap!.reached).toBeCloseTo(33.33, 2);
		expect(gap!.years).toBe(0);
		const far = targetGaps(
			[row({ measure: 'target', period: '2026', year: 2026, base_value: 1000 })],
			[row({ base_value: 683 })]
		);
		expect(far[0]!.yearlyGrowth).toBeCloseTo(((1000 / 683) ** (1 / 3) - 1) * 100, 6);
	});

	it('compares a target with another indicator of the same sector only as a flagged proxy', () => {
		const target = row({
			indicator_id: 'scale',
			topic: 'industry',
			sector_id: 'materials',
			measure: 'target',
			period: '2026',
			year: 2026,
			base_value: 1500,
			base_unit: '元'
		});
		const output = row({
			indicator_id: 'output',
			topic: 'industry',
			sector_id: 'materials',
			base_value: 1725,
			base_unit: '元'
		});
		const [gap] = targetGaps([target], [output]);
		expect(gap!.proxy).toBe(true);
		expect(gap!.latest?.indicator_id).toBe('output');
		expect(gap!.reached).toBeCloseTo(115, 6);
	});

	it('says a target is already reached without asking for growth', () => {
		const [gap] = targetGaps(
			[row({ measure: 'target', period: '2026', year: 2026, base_value: 1500 })],
			[row({ base_value: 1725 })]
		);
		expect(gap!.reached).toBeCloseTo(115, 6);
		expect(gap!.yearlyGrowth).toBeNull();
	});

	it('pairs the district with the city average the report quotes', () => {
		const [pair] = cityComparisons([
			row({ id: 'district', indicator_id: 'output-per-mu', base_value: 180000 }),
			row({ id: 'city', indicator_id: 'output-per-mu', area_id: 'shanghai', base_value: 370000 })
		]);
		expect(pair!.district.id).toBe('district');
		expect(pair!.ratio).toBeCloseTo(48.65, 2);
	});
});
