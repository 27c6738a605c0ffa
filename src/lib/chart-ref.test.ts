import { describe, expect, it } from 'vitest';
import type { ChartRow } from '$lib/data/queries.js';
import type { Query } from '$lib/data/query.js';
import type { PanelSpec } from '$lib/panels.js';
import {
	chartState,
	filteredSpec,
	parseRef,
	refKey,
	resolveRef,
	type Resolvers
} from './chart-ref.js';

describe('chart references', () => {
	it('reads and writes a key with and without page state', () => {
		expect(parseRef('topic/land/land-use')).toEqual({
			kind: 'topic',
			owner: 'land',
			panel: 'land-use',
			state: ''
		});
		const filtered = parseRef(
			'indicator/industry-output-above-scale/by-sector?period=2023&sector=industry-key-robotics'
		)!;
		// parameters in a fixed order, so one chart has one key
		expect(refKey(filtered)).toBe(
			'indicator/industry-output-above-scale/by-sector?sector=industry-key-robotics&period=2023'
		);
		expect(chartState('compare', new URLSearchParams('table=x&i=a,b&p=2023'))).toBe(
			'i=a%2Cb&p=2023'
		);
	});

	it('refuses what is not a chart key', () => {
		for (const bad of [
			'../../etc/passwd',
			'topic/land',
			'topic/land/land-use/extra',
			'chart/land/land-use',
			'topic/Land/land-use',
			'topic/land/land-use?sector=x',
			'indicator/a/b?sector=x&sector=y',
			'indicator/a/b?x=1',
			`compare/choice/p?i=${'a'.repeat(3000)}`,
			'topic/land/<script>'
		])
			expect(parseRef(bad), bad).toBeUndefined();
	});

	it('draws a stateless chart from the build and a stateful one with the engine', async () => {
		const spec = {
			id: 'by-sector',
			filter: { indicators: ['industry-output-above-scale'], periods: ['2023', '2024Q1'] }
		} as unknown as PanelSpec;
		const queries: Query<unknown>[] = [];
		const resolvers: Resolvers = {
			prerendered: async (key) => {
				expect(key).toBe('indicator/industry-output-above-scale/by-sector');
				return { spec, rows: [{ id: 'stored' } as ChartRow] };
			},
			run: async <T>(query: Query<T>) => {
				queries.push(query);
				return [{ id: 'live' }] as T[];
			}
		};
		const plain = await resolveRef(
			parseRef('indicator/industry-output-above-scale/by-sector')!,
			resolvers
		);
		expect(plain.rows).toEqual([{ id: 'stored' }]);
		expect(queries).toHaveLength(0);
		const narrowed = await resolveRef(
			parseRef(
				'indicator/industry-output-above-scale/by-sector?sector=industry-key-robotics&period=2023'
			)!,
			resolvers
		);
		expect(narrowed.spec.filter).toMatchObject({
			sectors: ['industry-key-robotics'],
			periods: ['2023']
		});
		expect(narrowed.rows).toEqual([{ id: 'live' }]);
		expect(queries[0]!.params).toContain('industry-key-robotics');
	});

	it('leaves a panel out for a period of another length or a sector it does not draw, never fills it', async () => {
		const annual = {
			id: 'annual',
			filter: { indicators: ['industry-scale'], measures: ['level'], periods: ['2023', '2026'] }
		} as unknown as PanelSpec;
		// a quarter chosen on the annual panel: the panel holds no figure of it
		expect(filteredSpec(annual, '', '2024Q1')).toBeNull();
		expect(filteredSpec(annual, 'industry-key-digital', '2023')!.filter).toMatchObject({
			sectors: ['industry-key-digital'],
			periods: ['2023']
		});
		// no period chosen: the panel keeps its own periods
		expect(filteredSpec(annual, 'industry-key-digital', '')!.filter.periods).toEqual([
			'2023',
			'2026'
		]);
		const twoSectors = {
			id: 'two',
			filter: { indicators: ['land-area'], sectors: ['cultivated', 'forest'] }
		} as unknown as PanelSpec;
		expect(filteredSpec(twoSectors, 'water', '')).toBeNull();
		expect(filteredSpec(twoSectors, '', '2023')!.filter.sectors).toEqual(['cultivated', 'forest']);
		// an embed of the annual panel linked with a quarter: no rows, no query
		const queries: Query<unknown>[] = [];
		const embed = await resolveRef(parseRef('indicator/industry-scale/annual?period=2024Q1')!, {
			prerendered: async () => ({ spec: annual, rows: [{ id: 'stored' } as ChartRow] }),
			run: async <T>(query: Query<T>) => {
				queries.push(query);
				return [] as T[];
			}
		});
		expect(embed.rows).toEqual([]);
		expect(queries).toEqual([]);
	});
});
