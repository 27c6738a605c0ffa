import { describe, expect, it } from 'vitest';
import { findNumbers, findQuantities, quoteStatesValue } from './numbers.js';

const UNITS = [
	'亿元',
	'万元',
	'元',
	'公顷',
	'亩',
	'%',
	'路',
	'万路',
	'次',
	'万次',
	'户',
	'万户',
	'万人次',
	'万立方米',
	'家',
	'件',
	'万件'
];

describe('findNumbers', () => {
	it('reads decimals and integers as printed in the bulletin', () => {
		expect(
			findNumbers('区属国有企业资产总额 523.82 亿元，负债总额 256.55 亿元').map((n) => n.value)
		).toEqual([523.82, 256.55]);
	});

	it('folds full-width digits and the full-width decimal point', () => {
		expect(findNumbers('同比增长５．９％').map((n) => n.value)).toEqual([5.9]);
	});

	it('joins a number typeset with a space between thousands groups', () => {
		expect(findNumbers('面积为 36 533 公顷').map((n) => n.value)).toEqual([36533]);
	});

	it('keeps numbers apart when the space does not separate a thousands group', () => {
		expect(findNumbers('2023 5 月').map((n) => n.value)).toEqual([2023, 5]);
	});

	it('reads thousands separators', () => {
		expect(findNumbers('案件 258,221 件').map((n) => n.value)).toEqual([258221]);
	});

	it('points each number at its place in the original text', () => {
		const text = '耕地 1700 公顷';
		const [n] = findNumbers(text);
		expect(text.slice(n!.start, n!.end)).toBe('1700');
	});
});

describe('findQuantities', () => {
	const one = (text: string) => {
		const [q] = findQuantities(text, UNITS);
		return { value: q!.value, unit: q!.unit, qualifier: q!.qualifier };
	};

	it('takes the 亿 multiplier as part of the unit', () => {
		expect(one('新材料产业规上工业产值1725亿元')).toEqual({
			value: 1725,
			unit: '亿元',
			qualifier: null
		});
	});

	it('takes the 万 multiplier with a counted unit', () => {
		expect(one('全区共有企业 23.8 万户')).toEqual({ value: 23.8, unit: '万户', qualifier: null });
	});

	it('reads a percentage', () => {
		expect(one('资产负债率为 48.98%')).toEqual({ value: 48.98, unit: '%', qualifier: null });
	});

	it('reads 余 between the number and its unit as a lower bound', () => {
		expect(one('社会面视频3000余路')).toEqual({ value: 3000, unit: '路', qualifier: 'over' });
	});

	it('reads 余 after a 万 multiplier', () => {
		expect(one('推送服务政策3万余次')).toEqual({ value: 3, unit: '万次', qualifier: 'over' });
	});

	it('reads qualifiers before the number', () => {
		expect(one('预测日均客流量约 8 万人次').qualifier).toBe('about');
		expect(one('超过16万件').qualifier).toBe('over');
		expect(one('每课时不低于85元').qualifier).toBe('at-least');
	});

	it('reads 以上 after the unit', () => {
		expect(one('年交易额占全国总量的60%以上')).toEqual({
			value: 60,
			unit: '%',
			qualifier: 'at-least'
		});
	});
});

describe('quoteStatesValue', () => {
	it('finds a decrease stated as a positive number', () => {
		expect(quoteStatesValue('耕地 1700 公顷、较上年度减少 38 公顷', '-38')).toBe(true);
	});

	it('does not take a number for part of a longer one', () => {
		expect(quoteStatesValue('土地调查面积为 36533 公顷', '3653')).toBe(false);
		expect(quoteStatesValue('森林面积 5147.5 公顷', '5147')).toBe(false);
	});
});
