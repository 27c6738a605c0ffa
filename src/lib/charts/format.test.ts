import { describe, expect, it } from 'vitest';
import {
	displayUnit,
	formatInUnit,
	formatNumber,
	formatPeriod,
	formatQuantity,
	formatStated,
	formulaText,
	POINTS,
	qualifierText
} from './format.js';

describe('formatting per language', () => {
	it('writes 1725亿元 in Chinese and 172.5 billion yuan in English', () => {
		expect(formatQuantity(172_500_000_000, '元', 'zh')).toBe('1725亿元');
		expect(formatQuantity(172_500_000_000, '元', 'en')).toBe('172.5 billion yuan');
	});

	it('uses 万元 and million yuan for smaller amounts', () => {
		expect(formatQuantity(79_440_000, '元', 'zh')).toBe('7944万元');
		expect(formatQuantity(79_440_000, '元', 'en')).toBe('79.44 million yuan');
	});

	it('keeps the value as the bulletin printed it in Chinese', () => {
		const stated = { value_text: '2.8', unit: '万路', base_value: 28_000, base_unit: '路' };
		expect(formatStated(stated, 'zh')).toBe('2.8万路');
		expect(formatStated(stated, 'en')).toBe('28,000 channels');
	});

	it('shows a decrease with a minus sign', () => {
		expect(
			formatStated({ value_text: '-38', unit: '公顷', base_value: -38, base_unit: '公顷' }, 'zh')
		).toBe('−38公顷');
		expect(formatNumber(-19.3, 'en')).toBe('−19.3');
	});

	it('chooses one axis unit from the largest magnitude', () => {
		expect(displayUnit('元', 1.7e11, 'zh')).toMatchObject({ divisor: 1e8, zh: '亿元' });
		expect(displayUnit('元', 1.7e11, 'en')).toMatchObject({ divisor: 1e9, en: 'billion yuan' });
		expect(formatInUnit(1.2e9, displayUnit('元', 1.7e11, 'zh'), 'zh')).toBe('12亿元');
	});

	it('keeps the precision of a stated area', () => {
		expect(formatQuantity(5147.5, '公顷', 'zh')).toBe('5147.5公顷');
		expect(formatQuantity(5147.5, '公顷', 'en')).toBe('5,147.5 ha');
	});

	it('names periods as readers say them', () => {
		expect(formatPeriod('2023', 'zh')).toBe('2023年');
		expect(formatPeriod('2024Q1', 'zh')).toBe('2024年一季度');
		expect(formatPeriod('2024Q1', 'en')).toBe('Q1 2024');
		expect(formatPeriod('2023-12-31', 'zh')).toBe('2023年末');
		expect(formatPeriod('2023-12-31', 'en')).toBe('end of 2023');
		expect(formatPeriod('2021..2023', 'en')).toBe('2021–2023');
		expect(formatPeriod('2024-01-01..2024-05-29', 'zh')).toBe('2024年1月1日至5月29日');
		expect(formatPeriod('2024-01-01..2024-05-29', 'en')).toBe('1 Jan–29 May 2024');
		expect(formatPeriod('2023-09-27..2024-04-26', 'en')).toBe('27 Sep 2023–26 Apr 2024');
	});

	it('translates qualifiers', () => {
		expect(qualifierText('over', 'zh')).toBe('超过');
		expect(qualifierText('at-least', 'en')).toBe('at least');
		expect(qualifierText(null, 'en')).toBe('');
	});

	it('keeps the bound of industry-green-scale-target-2026: 超过1100亿元 / over 110 billion yuan', () => {
		const target = {
			value_text: '1100',
			unit: '亿元',
			base_value: 110_000_000_000,
			base_unit: '元',
			qualifier: 'over',
			measure: 'target'
		};
		expect(formatStated(target, 'zh')).toBe('超过1100亿元');
		expect(formatStated(target, 'en')).toBe('over 110 billion yuan');
		expect(formatQuantity(110_000_000_000, '元', 'en', { qualifier: 'over' })).toBe(
			'over 110 billion yuan'
		);
	});

	it('keeps every qualifier when a value is put in an axis unit', () => {
		const billions = displayUnit('元', 1.725e11, 'en');
		expect(formatInUnit(1.1e11, billions, 'en', 'over')).toBe('over 110 billion yuan');
		expect(formatInUnit(3e10, billions, 'en', 'about')).toBe('about 30 billion yuan');
		expect(formatInUnit(1e11, billions, 'en', 'at-least')).toBe('at least 100 billion yuan');
		expect(formatInUnit(9e10, billions, 'en', 'nearly')).toBe('nearly 90 billion yuan');
		expect(formatInUnit(9e10, billions, 'en', 'under')).toBe('under 90 billion yuan');
		expect(formatInUnit(1.1e11, displayUnit('元', 1.725e11, 'zh'), 'zh', 'over')).toBe(
			'超过1100亿元'
		);
		expect(formatInUnit(4e5, displayUnit('元', 4e5, 'zh'), 'zh', 'under')).toBe('不到40万元');
		expect(formatInUnit(1.1e11, billions, 'en')).toBe('110 billion yuan');
	});

	it('writes the change of forest coverage (16.57% to 17.03%) in percentage points, not percent', () => {
		const change = {
			value_text: '0.46',
			unit: '%',
			base_value: 0.46,
			base_unit: '%',
			measure: 'change'
		};
		expect(formatStated(change, 'zh')).toBe('0.46个百分点');
		expect(formatStated(change, 'en')).toBe('0.46 pp');
		expect(displayUnit('%', 0.46, 'en', 'change')).toBe(POINTS);
		expect(formatInUnit(0.46, displayUnit('%', 0.46, 'zh', 'change'), 'zh')).toBe('0.46个百分点');
	});

	it('keeps a growth rate and a share in percent', () => {
		const growth = { value_text: '137', unit: '%', base_value: 137, base_unit: '%' };
		expect(formatStated({ ...growth, measure: 'change_pct' }, 'en')).toBe('137%');
		expect(formatStated({ ...growth, measure: 'share' }, 'zh')).toBe('137%');
		expect(formatQuantity(17.03, '%', 'en', { measure: 'level' })).toBe('17.03%');
	});
});

describe('formulas of derived figures', () => {
	it('writes the 2022 cultivated land formula in English units', () => {
		expect(formulaText('1700公顷 − -38公顷 = 1738公顷', 'en')).toBe('1700 ha − -38 ha = 1738 ha');
		expect(formulaText('1700公顷 − -38公顷 = 1738公顷', 'zh')).toBe(
			'1700公顷 − -38公顷 = 1738公顷'
		);
	});

	it('drops a count’s measure word and writes square kilometres', () => {
		expect(formulaText('209个 ÷ 29.6% × 100 = 706.081081081个', 'en')).toBe(
			'209 ÷ 29.6% × 100 = 706.081081081'
		);
		expect(formulaText('25.3平方公里 × 37% ÷ 100 = 9.361平方公里', 'en')).toBe(
			'25.3 km² × 37% ÷ 100 = 9.361 km²'
		);
	});

	it('gives no English formula when a word has no translation', () => {
		expect(formulaText('3亿吨级 + 1', 'en')).toBeNull();
	});
});
