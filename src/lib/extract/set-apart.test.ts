import { describe, expect, it } from 'vitest';
import { findMentions } from './mentions.js';
import { setApartReason } from './set-apart.js';

const UNITS = ['亿元', '公顷', '%', '家', '个', '条', '次', '平方公里', '名'];
const REPORT = {
	id: 's21-industry-report',
	title: '关于特色产业推进情况的报告',
	kind: 'report' as const
};

/** Each mention of a sentence from the bulletin, as printed, with why it is set apart. */
function reasons(text: string, document: typeof REPORT = REPORT) {
	return findMentions(text, UNITS).map((m) => [
		m.written ?? m.text,
		setApartReason(m, { text, document })
	]);
}

describe('setApartReason', () => {
	it('sets apart the parts of a date and the term of a congress', () => {
		expect(reasons('（2024年5月29日宝山区第九届人民代表大会')).toEqual([
			['2024', 'date'],
			['5', 'date'],
			['29', 'date'],
			['第九届', 'ordinal']
		]);
	});

	it('sets apart a year', () => {
		expect(reasons('2023年，我区新材料产业规上工业产值1725亿元')).toEqual([
			['2023', 'year'],
			['1725', null]
		]);
	});

	it('sets apart document numbers: 〔2017〕33号 and 沪财资〔2024〕4号', () => {
		expect(
			reasons(
				'制度的意见》（中发〔2017〕33 号）和《关于开展本市国有资产报告工作的通知》（沪财资〔2024〕4 号）'
			)
		).toEqual([
			['2017', 'document-number'],
			['33', 'document-number'],
			['2024', 'document-number'],
			['4', 'document-number']
		]);
	});

	it('sets apart names of policies and versions: 科创30条, 黄金十条, 7.0版, 1+5+X', () => {
		expect(reasons('统筹实施“科创30条”产业政策')).toEqual([['30', 'policy-name']]);
		expect(reasons('三是发挥环上大“黄金十条”、生物医药专项')).toEqual([['十条', 'policy-name']]);
		expect(reasons('加强对优化营商环境 7.0 版本等政策措施')).toEqual([['7.0', 'policy-name']]);
		expect(reasons('进一步优化完善“1+5+X”布局结构')).toEqual([
			['1', 'policy-name'],
			['5', 'policy-name']
		]);
	});

	it('sets apart the numbers of transit lines', () => {
		expect(reasons('内有现状 3 号线、在建 18 号线、拟建 19 号线')).toEqual([
			['3', 'transit-line'],
			['18', 'transit-line'],
			['19', 'transit-line']
		]);
	});

	it('sets apart ordinals such as 第6代表组 but keeps a rank such as 跃居全市第6', () => {
		expect(reasons('第 6 代表组陈杰，第 9 代表组徐静')).toEqual([
			['6', 'ordinal'],
			['9', 'ordinal']
		]);
		expect(reasons('总数达624家，数量跃居全市第6。')).toEqual([
			['624', null],
			['6', null]
		]);
	});

	it('sets apart list numbering at the start of a line and in brackets', () => {
		expect(reasons('1. 听取区政府关于政府机构改革有关情况的报告；\n（2）强化指挥调度，')).toEqual([
			['1', 'list-numbering'],
			['2', 'list-numbering']
		]);
	});

	it('sets apart planning periods: 2023-2025年 and 十四五', () => {
		expect(reasons('完成我区 2023-2025 年国土资源利用计划，“十四五”造林专项规划已编制')).toEqual([
			['2023-2025', 'planning-period'],
			['十四五', 'planning-period']
		]);
	});

	it('sets apart a hotline number and a plot code', () => {
		expect(reasons('工地等管理问题频发和 12345 市民热线投诉较多')).toEqual([
			['12345', 'phone-number']
		]);
		expect(reasons('二期 183 米超高层、01-03 地块 150 米高层')).toContainEqual([
			'01-03',
			'identifier'
		]);
	});

	it('keeps a quantity inside a quoted name: “2 平方公里先行启动区”', () => {
		expect(reasons('我区已对宝武土地“2 平方公里先行启动区”实施市区联合土地储备')).toEqual([
			['2', null]
		]);
	});

	it('sets apart every number of a deputy’s personal duty report as out of scope', () => {
		const deputy = { id: 's20-deputy-tang-jun', title: '履职情况报告', kind: 'report' as const };
		expect(reasons('我共参加各类履职活动18次', deputy)).toEqual([['18', 'out-of-scope']]);
	});

	it('sets apart figure numbers, image names, anniversaries, age bounds and 三次产业', () => {
		expect(reasons('图1 2020-2024年地区生产总值，见表2。')).toEqual([
			['1', 'figure-number'],
			['2020-2024', 'planning-period'],
			['2', 'figure-number']
		]);
		expect(reasons('附 chart-3.png')).toEqual([['3', 'figure-number']]);
		expect(reasons('今年适逢东滨中学建校70周年')).toEqual([['70', 'anniversary']]);
		expect(reasons('全区60岁及以上户籍老年人口31.2万人')[0]).toEqual(['60', 'threshold']);
		expect(reasons('三次产业结构比为0.1:31.3:68.6')[0]).toEqual(['三次', 'term']);
		expect(reasons('宝山区人民代表大会共有代表 348 名')).toEqual([['348', null]]);
	});

	it('sets apart the parts of an ISO date in a web copy', () => {
		expect(reasons('发布时间:2025-07-18 来源:东滨区统计局').map((r) => r[1])).toEqual(
			reasons('发布时间:2025-07-18 来源:东滨区统计局').map(() => 'date')
		);
	});

	it('sets apart list numbers inside a line and a bound that defines a group', () => {
		expect(reasons('注：1.绝对数按现价计算。2.增长速度按不变价格计算。').map((r) => r[1])).toEqual([
			'list-numbering',
			'list-numbering'
		]);
		expect(reasons('规模以上工业企业（年主营业务收入2000万元及以上）')).toEqual([
			['2000', 'threshold']
		]);
	});
});
