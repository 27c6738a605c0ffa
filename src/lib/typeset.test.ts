import { describe, expect, it } from 'vitest';
import { plainText, typesetRuns } from './typeset.js';

describe('typesetRuns', () => {
	it('reads a subscript as the printed bulletin set it (the AQI sentence of 2023)', () => {
		expect(typesetRuns('全区AQI优良率86.8%；PM_{2.5}浓度30微克/立方米')).toEqual([
			{ text: '全区AQI优良率86.8%；PM' },
			{ text: '2.5', shift: 'sub' },
			{ text: '浓度30微克/立方米' }
		]);
	});

	it('reads superscripts and leaves bold markers out', () => {
		expect(typesetRuns('**一、概况**面积10^{4}平方米')).toEqual([
			{ text: '一、概况面积10' },
			{ text: '4', shift: 'sup' },
			{ text: '平方米' }
		]);
	});

	it('leaves text without marks, and what only looks like one, as it is', () => {
		expect(typesetRuns('增长5.9%')).toEqual([{ text: '增长5.9%' }]);
		expect(typesetRuns('a_b {c} _{} x^{')).toEqual([{ text: 'a_b {c} _{} x^{' }]);
		expect(typesetRuns('')).toEqual([]);
	});
});

describe('plainText', () => {
	it('keeps the characters and drops the marks', () => {
		expect(plainText('PM_{2.5}浓度30微克/立方米')).toBe('PM2.5浓度30微克/立方米');
		expect(plainText('**宝武集团**')).toBe('宝武集团');
	});
});
