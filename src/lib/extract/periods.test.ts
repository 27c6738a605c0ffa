import { describe, expect, it } from 'vitest';
import { resolvePeriod, type DocumentTime } from './periods.js';

const at = (sentenceBefore: string, time: DocumentTime, paragraphBefore = '') =>
	resolvePeriod({ sentenceBefore, paragraphBefore }, time);
const report2025 = { date: '2025-03-12', reportYear: null };
const bulletin2024 = { date: '2025-03-20', reportYear: 2024 };
const midYear = { date: '2025-07-18', reportYear: null };

describe('resolvePeriod', () => {
	it('reads 全年, 年末 and 上年 against the year the document reports on, never today', () => {
		expect(at('全年实现地区生产总值', bulletin2024).period).toBe('2024');
		expect(at('年末全区常住人口', bulletin2024)).toMatchObject({
			period: '2024-12-31',
			yearEnd: true
		});
		expect(at('去年，全区共有中小学', report2025).period).toBe('2024');
		expect(at('全年组织走访企业', { date: '2025-06-25', reportYear: null }).period).toBe('2024');
	});

	it('gives the two numbers of 由上年的A上升到B two periods', () => {
		const time = report2025;
		expect(at('去年，优质学校占比由上年的', time).period).toBe('2023');
		expect(at('去年，优质学校占比由上年的39.7%上升到', time).period).toBe('2024');
		expect(at('研发经费占比从2020年的3.1%提高到2023年的', time).period).toBe('2023');
	});

	it('reads the parts of a year from the document’s own year', () => {
		expect(at('上半年，社会消费品零售总额', midYear).period).toBe('2025-01-01..2025-06-30');
		expect(at('1-6月，全区实现地区生产总值', midYear).period).toBe('2025-01-01..2025-06-30');
		expect(at('截至6月末，全区实有市场主体', midYear)).toMatchObject({
			period: '2025-06-30',
			asOf: true
		});
		expect(at('一季度全区港口货物吞吐量', midYear).period).toBe('2025Q1');
		expect(at('前三季度，全区税收', midYear).period).toBe('2025-01-01..2025-09-30');
		expect(at('6月当月完成产值', midYear).period).toBe('2025-06');
		expect(at('今年以来，累计发放贷款', midYear).period).toBe('2025-01-01..2025-07-18');
	});

	it('carries the part of the year a release covers to the sentences after it', () => {
		expect(at('第二产业增加值', midYear, '今年上半年，全区经济运行稳中有进。').period).toBe(
			'2025-01-01..2025-06-30'
		);
	});

	it('never takes the base of a comparison for the period', () => {
		expect(at('2023年达到1220.8亿元，比2020年增长', report2025).period).toBe('2023');
		expect(at('增速比一季度加快', midYear, '1-6月，生产总值增长5.4%。').period).not.toBe('2025Q1');
	});

	it('tells a goal from an as-of date', () => {
		expect(at('力争到2027年，企业总数达到', report2025)).toMatchObject({
			period: '2027',
			target: true
		});
		expect(at('截至2025年5月底，全区共有中小企业', report2025)).toMatchObject({
			period: '2025-05-31',
			target: false
		});
	});

	it('leaves a relative period open, with a note, when the document names no date', () => {
		const none = { date: '', reportYear: null };
		expect(at('去年，全区企业', none)).toMatchObject({ period: '', note: expect.any(String) });
		expect(at('全区企业', none)).toMatchObject({ period: '', note: expect.any(String) });
		expect(at('2023年，全区企业', none).period).toBe('2023');
	});
});
