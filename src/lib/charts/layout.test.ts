import { describe, expect, it } from 'vitest';
import { layoutBars, NARROW } from './bar-layout.js';
import { layoutLines } from './line-layout.js';
import { textWidth, wrapText } from './text-width.js';
import type { BarChartData } from './types.js';

const chart: BarChartData = {
	lang: 'zh',
	unit: { divisor: 1e8, label: '亿元' },
	categories: [
		{ key: 'robotics', label: '机器人及智能制造' },
		{ key: 'materials', label: '新材料' }
	],
	series: [
		{ key: '2023', label: '2023年', color: 0 },
		{ key: 'target', label: '2026年目标', color: 2 }
	],
	data: [
		{
			figure: 'r23',
			category: 'robotics',
			series: '2023',
			value: 683e8,
			status: 'stated',
			label: '683亿元',
			detail: []
		},
		{
			figure: 'm23',
			category: 'materials',
			series: '2023',
			value: 1725e8,
			status: 'stated',
			label: '1725亿元',
			detail: []
		},
		{
			figure: 'm26',
			category: 'materials',
			series: 'target',
			value: 1500e8,
			status: 'target',
			label: '超过1500亿元',
			detail: []
		}
	]
};

describe('layoutBars', () => {
	const layout = layoutBars(chart, 640, String);

	it('draws one mark per figure, bar length proportional to value', () => {
		expect(layout.marks.map((m) => m.figure)).toEqual(['r23', 'm23', 'm26']);
		const [r, m] = layout.marks;
		expect(m!.width / r!.width).toBeCloseTo(1725 / 683, 2);
		expect(layout.marks.every((mark) => mark.x === layout.zero)).toBe(true);
	});

	it('gives a category only the series it has', () => {
		const robotics = layout.marks.filter((m) => m.category === 'robotics');
		expect(robotics).toHaveLength(1);
	});

	it('extends negative values left of zero', () => {
		const change = layoutBars(
			{
				...chart,
				unit: { divisor: 1, label: '公顷' },
				data: [
					{ ...chart.data[0]!, value: -38 },
					{ ...chart.data[1]!, value: 79 }
				]
			},
			640,
			String
		);
		const [down, up] = change.marks;
		expect(down!.x + down!.width).toBeCloseTo(change.zero, 6);
		expect(up!.x).toBeCloseTo(change.zero, 6);
		expect(down!.labelAnchor).toBe('end');
	});

	it('puts labels above the bars on a phone', () => {
		const phone = layoutBars(chart, NARROW - 200, String);
		expect(phone.narrow).toBe(true);
		expect(phone.categories[0]!.labelX).toBe(0);
		expect(phone.marks.every((m) => m.x + m.width <= NARROW - 200)).toBe(true);
	});
});

describe('layoutLines', () => {
	const point = (x: number, value: number, status: 'stated' | 'derived') => ({
		figure: `${x}`,
		x,
		xLabel: `${x}`,
		value,
		base: value,
		status,
		label: `${value}`,
		detail: []
	});

	it('does not start a rate at zero and says so', () => {
		const layout = layoutLines(
			[
				{
					key: 'c',
					label: 'coverage',
					color: 0,
					points: [point(2023, 16.57, 'stated'), point(2024, 17.03, 'stated')]
				}
			],
			{ width: 320 },
			String
		);
		expect(layout.zeroBased).toBe(false);
		expect(layout.points[1]!.cy).toBeLessThan(layout.points[0]!.cy);
	});

	it('dashes a segment that ends in a derived value', () => {
		const layout = layoutLines(
			[
				{
					key: 'a',
					label: 'area',
					color: 0,
					points: [point(2023, 5007.8, 'derived'), point(2024, 5147.5, 'stated')]
				}
			],
			{ width: 320 },
			String
		);
		expect(layout.paths[0]!.dashed).toBe(true);
	});
});

describe('text measurement', () => {
	it('counts a Chinese character as one em and Latin narrower', () => {
		expect(textWidth('新材料', 10)).toBe(30);
		expect(textWidth('abc', 10)).toBeCloseTo(17.4, 6);
	});

	it('wraps Latin text between words and Chinese between characters', () => {
		expect(wrapText('Public administration and services', 120, 13)).toEqual([
			'Public',
			'administration',
			'and services'
		]);
		expect(wrapText('公共管理与公共服务用地', 60, 13)).toEqual(['公共管理', '与公共服', '务用地']);
	});
});

describe('axis labels', () => {
	it('thins value ticks until their labels do not touch', () => {
		const big: BarChartData = {
			...chart,
			unit: { divisor: 1, label: 'channels' },
			data: [{ ...chart.data[0]!, value: 28000, label: '28,000' }]
		};
		const layout = layoutBars(big, 320, (v) => v.toLocaleString('en'));
		for (let i = 1; i < layout.ticks.length; i++) {
			const [a, b] = [layout.ticks[i - 1]!, layout.ticks[i]!];
			expect(b.x - a.x).toBeGreaterThan((textWidth(a.label, 11) + textWidth(b.label, 11)) / 2);
		}
	});

	it('shortens period labels on a crowded time axis', () => {
		const p = (x: number, label: string) => ({
			figure: label,
			x,
			xLabel: label,
			value: 1,
			base: 1,
			status: 'stated' as const,
			label: '1',
			detail: []
		});
		const layout = layoutLines(
			[
				{
					key: 'a',
					label: 'a',
					color: 0,
					points: [p(2021, 'end of 2020'), p(2023, 'end of 2022'), p(2024, 'end of 2023')]
				}
			],
			{ width: 300 },
			String
		);
		expect(layout.xTicks.map((t) => t.label)).toEqual(['2020', '2022', '2023']);
	});
});
