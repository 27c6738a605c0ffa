import { describe, expect, it } from 'vitest';
import { sourceBand, titleBand } from './band.js';

describe('export bands', () => {
	it('puts the title above the subtitle and grows with wrapping', () => {
		const band = titleBand(
			{
				title: '重点产业规上工业产值：2023年与2024年一季度',
				subtitle: '亿元 · 2023年 / 2024年一季度'
			},
			640
		);
		expect(band.lines.map((l) => [l.text, l.weight])).toEqual([
			['重点产业规上工业产值：2023年与2024年一季度', 700],
			['亿元 · 2023年 / 2024年一季度', 400]
		]);
		expect(band.lines[1]!.y).toBeGreaterThan(band.lines[0]!.y);
		const narrow = titleBand(
			{ title: '重点产业规上工业产值：2023年与2024年一季度', subtitle: '' },
			200
		);
		expect(narrow.lines.length).toBeGreaterThan(1);
		expect(narrow.height).toBeGreaterThan(titleBand({ title: '短', subtitle: '' }, 200).height);
	});

	it('lays the legend out in rows under the subtitle, before the notes', () => {
		const legend = [
			{ label: '2023年', color: 0 },
			{ label: '2024年一季度', color: 1 },
			{ label: '推算值', status: 'derived' as const }
		];
		const wide = titleBand({ title: '产值', subtitle: '亿元', legend, notes: ['注'] }, 640);
		expect(wide.legend.map((l) => l.label)).toEqual(['2023年', '2024年一季度', '推算值']);
		expect(new Set(wide.legend.map((l) => l.y)).size).toBe(1);
		expect(wide.legend[1]!.x).toBeGreaterThan(wide.legend[0]!.x);
		expect(wide.legend[0]!.y).toBeGreaterThan(wide.lines[1]!.y - 13);
		expect(wide.lines.at(-1)!.y).toBeGreaterThan(wide.legend[0]!.baseline);
		const narrow = titleBand({ title: '产值', subtitle: '亿元', legend }, 150);
		expect(new Set(narrow.legend.map((l) => l.y)).size).toBe(3);
		expect(narrow.height).toBeGreaterThan(
			titleBand({ title: '产值', subtitle: '亿元', legend }, 640).height
		);
	});

	it('wraps long source lines under the chart', () => {
		const band = sourceBand(
			['来源：《关于宝山区 2023 年度国有自然资源资产管理情况的专项报告》（第48页）'],
			240,
			300
		);
		expect(band.lines.length).toBeGreaterThan(1);
		expect(band.lines[0]!.y).toBeGreaterThan(300);
	});
});
