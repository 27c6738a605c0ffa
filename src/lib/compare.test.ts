import { describe, expect, it } from 'vitest';
import type { ChartRow } from '$lib/data/queries.js';
import { comparePanels } from './compare.js';

const row = (over: Partial<ChartRow>): ChartRow =>
	({
		id: 'x',
		indicator_id: 'a',
		sector_id: null,
		area_id: 'baoshan',
		measure: 'level',
		period: '2023',
		period_type: 'year',
		base_unit: '元',
		...over
	}) as ChartRow;
const choice = { indicators: [], sectors: [], periods: [] };

describe('comparePanels', () => {
	it('never puts different units on one axis', () => {
		const panels = comparePanels(
			[
				row({ id: 'money', base_unit: '元' }),
				row({ id: 'area', indicator_id: 'b', base_unit: '公顷' })
			],
			choice
		);
		expect(panels).toHaveLength(2);
		expect(panels.map((p) => p.rows.map((r) => r.id))).toEqual([['money'], ['area']]);
		// each panel has its own id, even when both units are written in Chinese characters
		expect(panels.map((p) => p.spec.id)).toEqual(['compare-level-5143', 'compare-level-516c9877']);
	});

	it('keeps changes apart from levels', () => {
		expect(comparePanels([row({}), row({ id: 'c', measure: 'change' })], choice)).toHaveLength(2);
	});

	it('draws several years of one series as a line, and a few values as bars', () => {
		const years = ['2021-12-31', '2022-12-31', '2023-12-31'].map((p, i) =>
			row({ id: `y${i}`, period: p, period_type: 'date' })
		);
		expect(comparePanels(years, choice)[0]!.spec.kind).toBe('lines');
		expect(comparePanels(years.slice(0, 2), choice)[0]!.spec.kind).toBe('bars');
	});

	it('does not draw quarters on a line with years', () => {
		const mixed = [
			row({ id: 'q', period: '2024Q1', period_type: 'quarter' }),
			row({ id: 'a', period: '2022' }),
			row({ id: 'b', period: '2021' })
		];
		expect(comparePanels(mixed, choice)[0]!.spec.kind).toBe('bars');
	});

	it('puts a quarter and a full year in separate panels, each named for its span', () => {
		const panels = comparePanels(
			[
				row({ id: 'year', period: '2023' }),
				row({ id: 'q1', period: '2024Q1', period_type: 'quarter' })
			],
			choice
		);
		expect(panels.map((p) => p.rows.map((r) => r.id))).toEqual([['year'], ['q1']]);
		expect(panels.map((p) => p.spec.id)).toEqual([
			'compare-level-5143',
			'compare-level-5143-quarter'
		]);
		expect(panels[1]!.spec.title.zh).toContain('季度值');
	});

	it('shows Shanghai beside Baoshan as its own series, never in the district’s place', () => {
		const panels = comparePanels(
			[
				row({ id: 'baoshan', sector_id: 'sie', measure: 'share', base_unit: '%' }),
				row({ id: 'city', sector_id: 'sie', area_id: 'shanghai', measure: 'share', base_unit: '%' })
			],
			choice
		);
		expect(panels).toHaveLength(1);
		expect(panels[0]!.spec.series).toBe('area');
	});
});
