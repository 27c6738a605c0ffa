import { describe, expect, it } from 'vitest';
import { defaultEncoding, resultBars, resultLine } from './result-chart.js';
import type { ResultSet } from './result.js';

const result: ResultSet = {
	columns: [
		{ name: 'sector', type: 'Utf8', kind: 'text' },
		{ name: 'year', type: 'Int32', kind: 'number' },
		{ name: 'total', type: 'Float64', kind: 'number' }
	],
	rows: [
		['新材料', 2023, 1725],
		['机器人', 2023, 683]
	],
	elapsed: 3,
	truncated: false
};

describe('charting a console result', () => {
	it('draws text against a number as bars', () => {
		expect(defaultEncoding(result.columns)).toEqual({ kind: 'bar', x: 'sector', y: 'total' });
		const bars = resultBars(result, { kind: 'bar', x: 'sector', y: 'total' }, 'zh');
		expect(bars.data.map((d) => d.value)).toEqual([1725, 683]);
		expect(bars.categories.map((c) => c.label)).toEqual(['新材料', '机器人']);
	});

	it('draws a number against a number as a line', () => {
		const only = {
			...result,
			columns: result.columns.slice(1),
			rows: result.rows.map((r) => r.slice(1))
		};
		expect(defaultEncoding(only.columns)).toEqual({ kind: 'line', x: 'year', y: 'total' });
		expect(resultLine(only, { kind: 'line', x: 'year', y: 'total' }, 'en')[0]!.points).toHaveLength(
			2
		);
	});

	it('has no chart without a numeric column', () => {
		expect(defaultEncoding([{ name: 'a', type: 'Utf8', kind: 'text' }])).toBeNull();
	});
});
