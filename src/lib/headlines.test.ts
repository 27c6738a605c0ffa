import { describe, expect, it } from 'vitest';
import type { ChartRow } from '$lib/data/queries.js';
import { headlines } from './headlines.js';

const row = (over: Partial<ChartRow>): ChartRow =>
	({
		id: 'x',
		indicator_id: 'forest-coverage',
		sector_id: null,
		area_id: 'baoshan',
		measure: 'level',
		period: '2023-12-31',
		period_type: 'date',
		year: 2023,
		derived: false,
		...over
	}) as ChartRow;

describe('headlines', () => {
	it('takes the latest stated level with the change stated for its year', () => {
		const [h] = headlines(
			[
				row({ id: 'c2022', period: '2022-12-31', year: 2022 }),
				row({ id: 'c2023' }),
				row({ id: 'change', measure: 'change', period: '2023', period_type: 'year' })
			],
			[{ indicator: 'forest-coverage' }]
		);
		expect(h!.level.id).toBe('c2023');
		expect(h!.change?.id).toBe('change');
		expect(h!.changePct).toBeNull();
	});

	it('prefers a level to a share of the same year, and never a derived value', () => {
		const [h] = headlines(
			[
				row({ id: 'share', measure: 'share' }),
				row({ id: 'derived', derived: true }),
				row({ id: 'level' })
			],
			[{ indicator: 'forest-coverage' }]
		);
		expect(h!.level.id).toBe('level');
	});

	it('leaves out a headline with no stated level', () => {
		expect(headlines([row({ measure: 'change' })], [{ indicator: 'forest-coverage' }])).toEqual([]);
	});
});
