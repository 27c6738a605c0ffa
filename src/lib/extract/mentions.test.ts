import { describe, expect, it } from 'vitest';
import { findMentions, parseChineseNumeral, type Mention } from './mentions.js';

const UNITS = ['亿元', '万元', '公顷', '亩', '%', '家', '个', '万人次', '平方公里', '万路', '路'];

const brief = (m: Mention) => ({
	value: m.value,
	to: m.to,
	unit: m.unit,
	qualifier: m.qualifier,
	written: m.written,
	kind: m.kind
});
const mentions = (text: string) => findMentions(text, UNITS).map(brief);

describe('findMentions', () => {
	it('reads full-width digits and points at the original text', () => {
		const text = '2023年，我区新材料产业规上工业产值１７２５亿元';
		const found = findMentions(text, UNITS);
		const output = found.find((m) => m.unit === '亿元')!;
		expect(output.value).toBe(1725);
		expect(text.slice(output.start, output.end)).toBe('１７２５');
	});

	it('joins a number typeset with a space inside it', () => {
		expect(mentions('2023 年末全区土地调查面积为 36 533 公顷')).toContainEqual(
			expect.objectContaining({ value: 36533, unit: '公顷' })
		);
	});

	it('keeps the 万 and 亿 multipliers with their unit', () => {
		expect(mentions('现已汇聚全区共计2.8万路视频资源')).toContainEqual(
			expect.objectContaining({ value: 2.8, unit: '万路' })
		);
		expect(mentions('出入境游客 19 万人次，邮轮旅游规上重点企业营收 1.9 亿元')).toEqual([
			expect.objectContaining({ value: 19, unit: '万人次' }),
			expect.objectContaining({ value: 1.9, unit: '亿元' })
		]);
	});

	it('reads decimals and percentages', () => {
		expect(mentions('分红总金额达到 16862 万元，同比增长 5.9%')).toEqual([
			expect.objectContaining({ value: 16862, unit: '万元' }),
			expect.objectContaining({ value: 5.9, unit: '%' })
		]);
	});

	it('reads a range as one mention with both ends', () => {
		expect(mentions('着眼未来5—10年居村干部队伍发展趋势和要求')).toEqual([
			expect.objectContaining({ value: 5, to: 10, unit: '年', kind: 'range' })
		]);
	});

	it('reads the qualifiers 余, 超过, 以上, 约 and 近', () => {
		expect(mentions('业、商业综合点、邮轮港等200余个视频专案')[0]).toMatchObject({
			value: 200,
			unit: '个',
			qualifier: 'over'
		});
		expect(mentions('我区生物医药企业已超过 400 家')[0]!.qualifier).toBe('over');
		expect(mentions('平台结算交易量占全国总量60%以上')[0]!.qualifier).toBe('at-least');
		expect(mentions('大吴淞地区规划面积约 110 平方公里')[0]!.qualifier).toBe('about');
		expect(mentions('共涵盖了本区近 200 万人口的社情民意')[0]!.qualifier).toBe('nearly');
	});

	it('reads Chinese numerals that count something', () => {
		expect(mentions('把两个 1 平方公里作为先行试点区域')).toEqual([
			expect.objectContaining({ value: 2, unit: '个', written: '两个', kind: 'chinese' }),
			expect.objectContaining({ value: 1, unit: '平方公里', kind: 'number' })
		]);
		expect(mentions('占全区规上工业产值的四分之一')).toEqual([
			expect.objectContaining({ value: 25, unit: '%', written: '四分之一', kind: 'fraction' })
		]);
		expect(mentions('其中近九成成为中小企业')).toEqual([
			expect.objectContaining({ value: 90, unit: '%', qualifier: 'nearly', written: '九成' })
		]);
	});

	it('reads fractions, ratios and the idioms that state a quantity', () => {
		expect(mentions('平台交易规模占据国内钢铁产业互联网平台的2/3左右')[0]).toMatchObject({
			value: 66.67,
			written: '2/3',
			kind: 'fraction'
		});
		expect(mentions('药物和器械占比约为 1:1')[0]).toMatchObject({ value: 50, written: '1:1' });
		expect(mentions('同比增长25%，实现三年翻一番')).toContainEqual(
			expect.objectContaining({ value: 100, written: '翻一番', kind: 'idiom' })
		);
	});

	it('does not read words as numbers: 一网统管, 统一, 支持平台', () => {
		expect(mentions('城市运行“一网统管”工作，区委统一部署，深化支持平台建设')).toEqual([]);
	});
});

describe('parseChineseNumeral', () => {
	it('reads the numerals reports print', () => {
		expect(['两', '九', '十', '二十一', '三百', '一万二千'].map(parseChineseNumeral)).toEqual([
			2, 9, 10, 21, 300, 12000
		]);
	});

	it('rejects what is not a numeral', () => {
		expect(parseChineseNumeral('一二')).toBeNull();
		expect(parseChineseNumeral('')).toBeNull();
	});
});

describe('findMentions on new shapes of text', () => {
	it('reads a ratio whose parts add up to 100 as that many shares', () => {
		expect(mentions('三次产业结构比为0.1:31.3:68.6。').filter((m) => m.kind === 'ratio')).toEqual([
			expect.objectContaining({ value: 0.1, unit: '%' }),
			expect.objectContaining({ value: 31.3, unit: '%' }),
			expect.objectContaining({ value: 68.6, unit: '%' })
		]);
	});

	it('reads 个百分点 as percentage points', () => {
		expect(mentions('比上年提高1.8个百分点')).toEqual([
			expect.objectContaining({ value: 1.8, unit: '个百分点' })
		]);
	});

	it('keeps the cells of a tab-separated row apart, never as a range', () => {
		expect(mentions('生物医药\t188.6\t-2.3\t10.1').map((m) => [m.value, m.kind])).toEqual([
			[188.6, 'number'],
			[2.3, 'number'],
			[10.1, 'number']
		]);
	});

	it('keeps a unit longer than the catalogue’s: 亿千瓦时, 万家次', () => {
		expect(mentions('工业用电量25.8亿千瓦时，走访企业1.2万家次').map((m) => m.unit)).toEqual([
			'亿千瓦时',
			'万家次'
		]);
	});
});
