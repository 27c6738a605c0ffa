import { describe, expect, it } from 'vitest';
import type { ChartRow } from '$lib/data/queries.js';
import {
	describeBars,
	describeLines,
	detailLines,
	measuredLabel,
	measureName,
	otherAreaName,
	statusOf,
	tableRow,
	toBars,
	toLines,
	valueLabel
} from './series.js';

const row = (over: Partial<ChartRow>): ChartRow => ({
	id: 'industry-new-materials-output-2023',
	indicator_id: 'industry-output-above-scale',
	indicator_zh: '规上工业产值',
	indicator_en: 'Industrial output above designated size',
	sector_id: 'industry-key-new-materials',
	sector_zh: '新材料',
	sector_en: 'New materials',
	sector_order: 5,
	sector_group: 'industry-key',
	area_id: 'baoshan',
	area_zh: '宝山区',
	area_en: 'Baoshan District',
	topic: 'industry',
	period: '2023',
	period_type: 'year',
	period_days: 365,
	year: 2023,
	measure: 'level',
	value: 1725,
	value_text: '1725',
	unit: '亿元',
	qualifier: null,
	base_value: 172_500_000_000,
	base_unit: '元',
	derived: false,
	formula: null,
	inputs: null,
	bulletin_id: 'baoshan-2024-s20-s21',
	superseded_by: null,
	doc_id: 's21-industry-report',
	doc_title: '关于特色产业推进情况的报告',
	doc_title_en: "Report on the progress of the district's featured industries",
	doc_page: 34,
	quote: '2023年，我区新材料产业规上工业产值1725亿元',
	statements: 1,
	disputed: false,
	revised: false,
	...over
});

describe('how a figure is shown', () => {
	it('tells stated, derived, target and bound values apart', () => {
		expect(statusOf(row({}))).toBe('stated');
		expect(statusOf(row({ derived: true }))).toBe('derived');
		expect(statusOf(row({ measure: 'target', qualifier: 'over' }))).toBe('target');
		expect(statusOf(row({ qualifier: 'about' }))).toBe('bound');
	});

	it('writes the value as printed in Chinese and converted in English, with its qualifier', () => {
		expect(valueLabel(row({}), 'zh')).toBe('1725亿元');
		expect(valueLabel(row({}), 'en')).toBe('172.5 billion yuan');
		const target = row({
			measure: 'target',
			qualifier: 'over',
			value: 1500,
			value_text: '1500',
			base_value: 150_000_000_000,
			period: '2026'
		});
		expect(valueLabel(target, 'zh')).toBe('超过1500亿元');
		expect(valueLabel(target, 'en')).toBe('over 150 billion yuan');
	});

	it('shows a derived count whole', () => {
		const derived = row({
			derived: true,
			value: 1074.69135802,
			value_text: '1075', // as the data build writes it: to its inputs' digits
			unit: '家',
			base_value: 1074.69135802,
			base_unit: '家',
			qualifier: 'about'
		});
		expect(valueLabel(derived, 'zh')).toBe('约1075家');
		expect(valueLabel(derived, 'en')).toBe('about 1,075');
	});

	it('writes a derived value in English to the digits it was rounded to: 2700亿元 is 270 billion', () => {
		const total = row({ derived: true, value: 2732, value_text: '2700', base_value: 2732e8 });
		expect(valueLabel(total, 'zh')).toBe('2700亿元');
		expect(valueLabel(total, 'en')).toBe('270 billion yuan');
	});

	it('puts the value, period, quote and source in a tooltip, and says when statements disagree', () => {
		const lines = detailLines(row({ statements: 2, disputed: true }), '新材料', 'zh');
		expect(lines[0]).toBe('新材料 · 2023年: 1725亿元');
		expect(lines[1]).toBe('“2023年，我区新材料产业规上工业产值1725亿元”');
		expect(lines[2]).toBe('《关于特色产业推进情况的报告》第34页');
		expect(lines[3]).toContain('同一公报中另有表述或推算给出不同数值');
	});
});

describe('toBars', () => {
	const rows = [
		row({}),
		row({
			id: 'q1',
			period: '2024Q1',
			period_type: 'quarter',
			value: 389,
			value_text: '389',
			base_value: 38_900_000_000
		}),
		row({
			id: 'r',
			sector_id: 'robotics',
			sector_zh: '机器人及智能制造',
			value: 683,
			value_text: '683',
			base_value: 68_300_000_000
		})
	];
	const view = toBars(rows, {
		lang: 'zh',
		category: (r) => ({ key: r.sector_id!, label: r.sector_zh! }),
		series: (r) => ({
			key: r.period,
			label: r.period,
			color: 0,
			order: r.period === '2023' ? 1 : 2
		})
	});

	it('keeps categories in first appearance and series in their declared order', () => {
		expect(view.chart.categories.map((c) => c.label)).toEqual(['新材料', '机器人及智能制造']);
		expect(view.chart.series.map((s) => s.key)).toEqual(['2023', '2024Q1']);
		expect(view.unitText).toBe('亿元');
		expect(view.sources).toEqual([
			{
				doc: 's21-industry-report',
				title: '关于特色产业推进情况的报告',
				page: 34,
				href: '/sources/s21-industry-report#industry-new-materials-output-2023'
			}
		]);
	});

	it('describes the chart in words for those who cannot see it', () => {
		expect(describeBars(view, 'zh')).toBe(
			'图中共3个数值。2023：最高为新材料（1725亿元），最低为机器人及智能制造（683亿元）；2024Q1：新材料389亿元。'
		);
	});
});

/** industry-green-scale-target-2026: 绿色低碳产业规模突破1100亿元 by 2026. */
const greenTarget = row({
	id: 'industry-green-scale-target-2026',
	indicator_id: 'industry-scale',
	indicator_zh: '产业规模',
	indicator_en: 'Industry scale',
	sector_id: 'industry-key-green',
	sector_zh: '绿色低碳',
	sector_en: 'Green and low-carbon',
	period: '2026',
	year: 2026,
	measure: 'target',
	qualifier: 'over',
	value: 1100,
	value_text: '1100',
	base_value: 110_000_000_000,
	quote: '绿色低碳产业规模突破1100亿元'
});

/** forest-coverage-change-2023: 由上年度的16.57%上升至本年度的17.03%,净增0.46%. */
const coverageChange = row({
	id: 'forest-coverage-change-2023',
	indicator_id: 'forest-coverage',
	indicator_zh: '森林覆盖率',
	indicator_en: 'Forest coverage',
	sector_id: null,
	sector_zh: null,
	sector_en: null,
	topic: 'forest',
	measure: 'change',
	value: 0.46,
	value_text: '0.46',
	unit: '%',
	base_value: 0.46,
	base_unit: '%',
	quote: '全区森林覆盖率由上年度的16.57%上升至本年度的17.03%,净增0.46%'
});

describe('qualifiers in every label', () => {
	const bars = (lang: 'zh' | 'en') =>
		toBars([row({}), greenTarget], {
			lang,
			category: (r) => ({ key: r.id, label: lang === 'zh' ? r.sector_zh! : r.sector_en! }),
			series: (r) => ({ key: r.measure, label: '', color: 0 })
		});

	it('labels the 2026 green-industry target over 110 billion yuan on its bar and in its table', () => {
		const en = bars('en');
		expect(en.chart.data[1]!.label).toBe('over 110 billion yuan');
		expect(en.table[1]!.value).toBe('over 110 billion yuan');
		expect(en.chart.data[1]!.detail[0]).toBe(
			'Green and low-carbon · 2026 target: over 110 billion yuan'
		);
		const zh = bars('zh');
		expect(zh.chart.data[1]!.label).toBe('超过1100亿元');
		expect(zh.table[1]!.value).toBe('超过1100亿元');
	});

	it('keeps the qualifier in the text alternative of a bar chart', () => {
		expect(describeBars(bars('en'), 'en')).toContain('over 110 billion yuan');
		expect(describeBars(bars('zh'), 'zh')).toContain('超过1100亿元');
	});

	it('keeps the qualifier on a line chart’s points and in its text alternative', () => {
		const lines = (lang: 'zh' | 'en') =>
			toLines([row({}), greenTarget], {
				lang,
				series: (r) => ({ key: r.sector_id!, label: r.sector_id!, color: 0 }),
				subject: (r) => r.sector_id!
			});
		const en = lines('en');
		expect(en.series[1]!.points[0]!.label).toBe('over 110 billion yuan');
		expect(describeLines(en, 'en')).toContain('over 110 billion yuan (2026)');
		expect(lines('zh').series[1]!.points[0]!.label).toBe('超过1100亿元');
	});

	it('keeps the qualifier in a table row', () => {
		expect(tableRow(greenTarget, 'Green', '2026', 'en').value).toBe('over 110 billion yuan');
		expect(tableRow(greenTarget, '绿色低碳', '2026', 'zh').value).toBe('超过1100亿元');
	});
});

describe('percentage points', () => {
	it('shows the change of forest coverage in 2023 as 0.46 pp and 0.46个百分点', () => {
		expect(valueLabel(coverageChange, 'en')).toBe('0.46 pp');
		expect(valueLabel(coverageChange, 'zh')).toBe('0.46个百分点');
	});

	it('puts a chart of rate changes on an axis in percentage points', () => {
		const view = toBars([coverageChange], {
			lang: 'en',
			category: () => ({ key: 'forest', label: 'Forest coverage' }),
			series: () => ({ key: 'change', label: 'Change', color: 0 })
		});
		expect(view.unitText).toBe('pp');
		expect(view.chart.unit.label).toBe('pp');
		expect(view.chart.data[0]!.label).toBe('0.46 pp');
		expect(view.table[0]!.value).toBe('0.46 pp');
		expect(describeBars(view, 'en')).toBe('1 value. Change: Forest coverage 0.46 pp.');
	});

	it('keeps a derived rate change in points', () => {
		const derived = { ...coverageChange, derived: true, value: 0.4600000001 };
		expect(valueLabel(derived, 'zh')).toBe('0.46个百分点');
	});
});

describe('counts in the text alternative', () => {
	const one = (lang: 'zh' | 'en') =>
		toBars([row({})], {
			lang,
			category: (r) => ({ key: r.id, label: lang === 'zh' ? r.sector_zh! : r.sector_en! }),
			series: () => ({ key: '2023', label: '2023', color: 0 })
		});

	it('says 1 value for a chart of one value and 2 values for two', () => {
		expect(describeBars(one('en'), 'en')).toBe('1 value. 2023: New materials 172.5 billion yuan.');
		expect(describeBars(one('zh'), 'zh')).toBe('图中共1个数值。2023：新材料1725亿元。');
		const two = toBars([row({}), greenTarget], {
			lang: 'en',
			category: (r) => ({ key: r.id, label: r.sector_en! }),
			series: () => ({ key: 's', label: 'Scale', color: 0 })
		});
		expect(describeBars(two, 'en')).toMatch(/^2 values\. /);
	});
});

describe('what a value measures, where nothing beside it says', () => {
	/** water-resources-change-2023: 水资源总量较上年增加0.39亿立方米 (level 1.98亿立方米). */
	const waterChange = row({
		id: 'water-resources-change-2023',
		indicator_id: 'water-resources',
		sector_id: null,
		measure: 'change',
		value: 3900,
		value_text: '3900',
		unit: '万立方米',
		base_value: 39_000_000,
		base_unit: '立方米'
	});

	it('names a change, so it never reads as the level', () => {
		expect(measuredLabel(waterChange, 'zh')).toBe('较上期变化3900万立方米');
		expect(measuredLabel(waterChange, 'en')).toBe('change 39 million m³');
	});

	it('names a share where the figures around it hold other measures of its indicator', () => {
		const share = { ...waterChange, measure: 'share' as const };
		expect(measureName(share, 'en')).toBeNull();
		expect(measureName(share, 'en', [share, { ...share, measure: 'level' }])).toBe('share');
		expect(measureName(share, 'zh', [share, { ...share, measure: 'level' }])).toBe('占比');
		// another indicator's level says nothing of this one
		const other = { measure: 'level' as const, indicator_id: 'forest-coverage' };
		expect(measureName(share, 'zh', [share, other])).toBeNull();
	});

	it('leaves a level and a count as their value', () => {
		const level = {
			...waterChange,
			measure: 'level' as const,
			value: 19800,
			value_text: '19800',
			base_value: 198_000_000
		};
		expect(measuredLabel(level, 'zh')).toBe(valueLabel(level, 'zh'));
		expect(measuredLabel({ ...level, measure: 'count' }, 'en')).toBe(valueLabel(level, 'en'));
	});
});

describe('a text alternative of values alike', () => {
	/** water-marine-zone-area-2023 and its restatements: 6676公顷 in three reports. */
	const marine = (doc: string, title: string) =>
		row({
			id: `water-marine-zone-area-2023-${doc}`,
			indicator_id: 'water-marine-functional-zone-area',
			sector_id: null,
			period: '2023-12-31',
			value: 6676,
			value_text: '6676',
			unit: '公顷',
			base_value: 6676,
			base_unit: '公顷',
			doc_id: doc,
			doc_title: title
		});
	const bars = (rows: ChartRow[], lang: 'zh' | 'en') =>
		toBars(rows, {
			lang,
			category: (r) => ({ key: r.doc_id, label: r.doc_title }),
			series: () => ({ key: '2023', label: '2023', color: 0 })
		});

	it('says every value is the same instead of naming a highest and a lowest', () => {
		const rows = [marine('report', '报告'), marine('research', '调研'), marine('assets', '综合')];
		expect(describeBars(bars(rows, 'zh'), 'zh')).toBe('图中共3个数值。2023：3个数值均为6676公顷。');
		expect(describeBars(bars(rows, 'en'), 'en')).toBe('3 values. 2023: all 3 values 6,676 ha.');
	});

	it('never calls an approximate value the same as an exact one', () => {
		const rows = [
			marine('report', '报告'),
			{ ...marine('research', '调研'), qualifier: 'about' as const }
		];
		expect(describeBars(bars(rows, 'zh'), 'zh')).toBe(
			'图中共2个数值。2023：最高为报告（6676公顷），最低为调研（约6676公顷）。'
		);
	});

	it('names values that tie for the highest together', () => {
		const rows = [
			marine('report', '报告'),
			marine('research', '调研'),
			{ ...marine('assets', '综合'), value: 6000, value_text: '6000', base_value: 6000 }
		];
		expect(describeBars(bars(rows, 'zh'), 'zh')).toBe(
			'图中共3个数值。2023：最高为报告、调研（6676公顷），最低为综合（6000公顷）。'
		);
	});
});

describe('a figure of another area than the district', () => {
	it('names Shanghai for the city’s 43%, nothing for the district’s own', () => {
		const city = row({ area_id: 'shanghai', area_zh: '上海市', area_en: 'Shanghai' });
		expect(otherAreaName(city, 'zh')).toBe('上海市');
		expect(otherAreaName(city, 'en')).toBe('Shanghai');
		expect(otherAreaName(row({}), 'zh')).toBeNull();
	});
});
