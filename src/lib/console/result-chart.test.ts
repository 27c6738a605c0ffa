import { describe, expect, it } from 'vitest';
import { defaultEncoding, planChart, refusal } from './result-chart.js';
import type { ResultColumn, ResultSet } from './execute.js';

const text = (name: string): ResultColumn => ({
	name,
	type: 'VARCHAR',
	kind: 'text',
	asText: false
});
const number = (name: string): ResultColumn => ({
	name,
	type: 'DOUBLE',
	kind: 'number',
	asText: false
});
const result = (columns: ResultColumn[], rows: unknown[][]): ResultSet => ({
	columns,
	rows,
	elapsed: 3,
	truncated: false
});

// SELECT sector_zh, period, base_value / 1e8 AS yi_yuan, quote FROM figures
// WHERE indicator_id = 'industry-output-above-scale' AND sector_group = 'industry-key'
//   AND measure = 'level' ORDER BY sector_order, period
const keyOutput = result(
	[text('sector_zh'), text('period'), number('yi_yuan'), text('quote')],
	[
		['生物医药及合成生物', '2023', 40, '2023年，我区生物医药规上工业产值及规模达40亿元、100亿元'],
		['生物医药及合成生物', '2024Q1', 12, '今年一季度，生物医药及合成生物规上工业产值12亿元'],
		[
			'机器人及智能制造',
			'2023',
			683,
			'2023年，我区机器人及智能制造产业规上工业产值683亿元，占全区规上工业产值的四分之一'
		],
		['机器人及智能制造', '2024Q1', 143, '今年一季度，我区机器人及智能制造产业规上工业产值143亿元'],
		[
			'新材料',
			'2023',
			1725,
			'2023年，我区新材料产业规上工业产值1725亿元，占全区规上工业产值的“半壁江山”'
		],
		['新材料', '2024Q1', 389, '今年一季度，我区新材料产业规上工业产值389亿元']
	]
);

// the same sectors with their shares of output (measure = 'share') left in
const withShares = result(
	[text('sector_en'), text('period'), text('measure'), number('value')],
	[
		['New materials', '2023', 'level', 1725],
		['New materials', '2023', 'share', 50],
		['New materials', '2024Q1', 'level', 389],
		['Robotics and intelligent manufacturing', '2023', 'level', 683],
		['Robotics and intelligent manufacturing', '2023', 'share', 25],
		['Robotics and intelligent manufacturing', '2024Q1', 'level', 143]
	]
);

describe('charting a console result', () => {
	it('draws each sector once with one bar per period and a legend of the periods', () => {
		const encoding = defaultEncoding(keyOutput)!;
		expect(encoding).toEqual({ kind: 'bar', x: 0, y: 2, series: 1 }); // sector_zh, yi_yuan, period
		const plan = planChart(keyOutput, encoding, 'zh');
		if (plan.kind !== 'bar') throw new Error(`expected bars, got ${plan.kind}`);
		expect(plan.bars.categories.map((c) => c.label)).toEqual([
			'生物医药及合成生物',
			'机器人及智能制造',
			'新材料'
		]);
		expect(plan.legend.map((s) => [s.label, s.color])).toEqual([
			['2023', 0],
			['2024Q1', 1]
		]);
		const at = plan.bars.data.map((d) => [d.category, d.series, d.value]);
		expect(at).toEqual([
			['0', '2023', 40],
			['0', '2024Q1', 12],
			['1', '2023', 683],
			['1', '2024Q1', 143],
			['2', '2023', 1725],
			['2', '2024Q1', 389]
		]);
		expect(new Set(at.map(([c, s]) => `${c}/${s}`)).size).toBe(at.length);
	});

	it('says the period and every other column of a row in its tooltip', () => {
		const plan = planChart(keyOutput, defaultEncoding(keyOutput)!, 'zh');
		if (plan.kind !== 'bar') throw new Error(`expected bars, got ${plan.kind}`);
		expect(plan.bars.data[5]!.detail).toEqual([
			'新材料 · 2024Q1: 389',
			'quote: 今年一季度，我区新材料产业规上工业产值389亿元'
		]);
	});

	it('picks a period as the series before a quote that also tells the rows apart', () => {
		const reordered = result(
			[keyOutput.columns[0]!, keyOutput.columns[3]!, keyOutput.columns[1]!, keyOutput.columns[2]!],
			keyOutput.rows.map((r) => [r[0], r[3], r[1], r[2]])
		);
		expect(defaultEncoding(reordered)?.series).toBe(2); // period, now third
	});

	it('draws no chart when two rows keep one sector and period, and says in zh which column differs', () => {
		const encoding = defaultEncoding(withShares)!;
		// neither period nor measure alone tells the rows apart: the first of them is the series
		expect(encoding).toEqual({ kind: 'bar', x: 0, y: 3, series: 1 }); // sector_en, value, period
		const plan = planChart(withShares, encoding, 'zh');
		if (plan.kind !== 'refused') throw new Error(`expected a refusal, got ${plan.kind}`);
		expect(plan.why).toEqual({
			reason: 'collision',
			category: 'New materials',
			series: '2023',
			rows: 2,
			differIn: ['measure'],
			valuesDiffer: true
		});
		expect(refusal(plan.why, 'zh')).toBe(
			'有2行落在同一位置“New materials”（系列“2023”），它们在“measure”上不同。一个位置不能画两个标记，因此不作图。请选择“measure”作为系列，或在查询中汇总或筛选。'
		);
	});

	it('draws no chart when a sector repeats without a series, and says so in en', () => {
		const plan = planChart(keyOutput, { kind: 'bar', x: 0, y: 2, series: null }, 'en');
		if (plan.kind !== 'refused') throw new Error(`expected a refusal, got ${plan.kind}`);
		expect(refusal(plan.why, 'en')).toBe(
			'2 rows fall at one position, “生物医药及合成生物”, and they differ in “period”, “quote”. Two marks cannot share one position, so no chart is drawn. Choose “period” as the series, or aggregate or filter in the query.'
		);
	});

	it('refuses rows that differ only in their value, with nothing to tell them apart', () => {
		// SELECT sector_en, base_value FROM figures WHERE indicator_id = 'land-area'
		//   AND sector_id = 'land-cultivated' AND year = 2023: the change and the level
		const twice = result(
			[text('sector_en'), number('base_value')],
			[
				['Cultivated land', -38],
				['Cultivated land', 1700]
			]
		);
		const plan = planChart(twice, defaultEncoding(twice)!, 'en');
		if (plan.kind !== 'refused') throw new Error(`expected a refusal, got ${plan.kind}`);
		expect(refusal(plan.why, 'en')).toContain(
			'“Cultivated land”, with different values and no column that tells them apart'
		);
		expect(refusal(plan.why, 'zh')).toContain('数值不同，却没有任何列能区分它们');
	});

	it('draws one sector per bar when every sector is a single row', () => {
		// land classes at the end of 2023 (period = '2023-12-31')
		const land = result(
			[text('sector_zh'), number('hectares')],
			[
				['耕地', 1700],
				['园地', 243]
			]
		);
		const plan = planChart(land, defaultEncoding(land)!, 'zh');
		if (plan.kind !== 'bar') throw new Error(`expected bars, got ${plan.kind}`);
		expect(plan.bars.data.map((d) => d.value)).toEqual([1700, 243]);
		expect(plan.legend).toEqual([]);
	});

	it('draws years against a number as one line per land class', () => {
		// SELECT year, sector_en, base_value FROM figures WHERE indicator_id = 'land-area'
		//   AND period IN ('2022-12-31', '2023-12-31') AND sector_id IN (cultivated, orchards)
		const years = result(
			[number('year'), text('sector_en'), number('base_value')],
			[
				[2022, 'Cultivated land', 1738],
				[2023, 'Cultivated land', 1700],
				[2022, 'Orchards and plantations', 241.1],
				[2023, 'Orchards and plantations', 243]
			]
		);
		const encoding = defaultEncoding(years)!;
		expect(encoding).toEqual({ kind: 'bar', x: 1, y: 2, series: 0 }); // sector_en, base_value, year
		const line = planChart(years, { ...encoding, kind: 'line', x: 0, series: 1 }, 'en');
		if (line.kind !== 'line') throw new Error(`expected a line, got ${line.kind}`);
		expect(line.lines.map((l) => [l.label, l.points.map((p) => [p.x, p.value])])).toEqual([
			[
				'Cultivated land',
				[
					[2022, 1738],
					[2023, 1700]
				]
			],
			[
				'Orchards and plantations',
				[
					[2022, 241.1],
					[2023, 243]
				]
			]
		]);
		expect(line.legend.map((s) => s.label)).toEqual([
			'Cultivated land',
			'Orchards and plantations'
		]);
	});

	it('has no chart without a numeric column', () => {
		expect(defaultEncoding(result([text('a')], [['x']]))).toBeNull();
	});

	it('keeps two columns of one name apart: each is drawn and named by its position', () => {
		// SELECT sector_en AS name, value, base_value AS value FROM figures …
		const twins = result(
			[text('name'), number('value'), number('value')],
			[
				['Cultivated land', 1700, 17000000],
				['Orchards and plantations', 243, 2430000]
			]
		);
		const last = defaultEncoding(twins)!;
		expect(last).toEqual({ kind: 'bar', x: 0, y: 2, series: null });
		const first = planChart(twins, { ...last, y: 1 }, 'en');
		const second = planChart(twins, last, 'en');
		if (first.kind !== 'bar' || second.kind !== 'bar') throw new Error('expected bars');
		expect(first.bars.data.map((d) => d.value)).toEqual([1700, 243]);
		expect(second.bars.data.map((d) => d.value)).toEqual([17000000, 2430000]);
		expect(second.bars.unit.label).toBe('value (#3)');
		expect(first.bars.data[0]!.detail).toContain('value (#3): 17000000');
	});
});
