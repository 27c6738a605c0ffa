import { describe, expect, it } from 'vitest';
import type { ChartRow } from '$lib/data/queries.js';
import { autoPanels, buildPanel, type PanelSpec } from './panels.js';

/** A figure row as the dataset holds it (data/figures/industry.csv). */
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

const spec: PanelSpec = {
	id: 'p',
	title: { zh: '战略性新兴产业产值占比', en: 'Share of strategic emerging industries' },
	kind: 'bars',
	filter: { indicators: ['industry-output-above-scale'] },
	category: 'sector',
	series: 'period'
};

const city = row({
	id: 'sie-share-shanghai',
	area_id: 'shanghai',
	area_zh: '上海市',
	area_en: 'Shanghai',
	measure: 'share',
	value: 43,
	value_text: '43',
	unit: '%',
	base_value: 43,
	base_unit: '%'
});

describe('a panel’s subtitle', () => {
	it('names the one period its marks share, in the page’s language', () => {
		expect(buildPanel(spec, [row({})], 'zh').subtitle).toContain('2023年');
		expect(buildPanel(spec, [row({})], 'en').subtitle).toMatch(/\b2023\b/);
	});

	it('names the area when every mark is of another area than the district', () => {
		expect(buildPanel(spec, [city], 'zh').subtitle).toBe('上海市 · % · 2023年');
		expect(buildPanel(spec, [city], 'en').subtitle).toMatch(/^Shanghai · /);
		expect(buildPanel(spec, [row({})], 'zh').subtitle).not.toContain('宝山');
	});

	it('does not repeat an area the title already names', () => {
		const titled = { ...spec, title: { zh: '占比（上海市）', en: 'Share, Shanghai' } };
		expect(buildPanel(titled, [city], 'zh').subtitle).not.toContain('上海市');
		expect(buildPanel(titled, [city], 'en').subtitle).not.toContain('Shanghai');
	});
});

describe('a chart that draws one of values that disagree', () => {
	// industry-output-total-2023-from-robotics: 683亿元 ÷ 四分之一 ≈ 2700亿元, against about
	// 3500亿元 from new materials' 半壁江山: the chart draws the first and says there is another
	const total = row({
		id: 'industry-output-total-2023-from-robotics',
		sector_id: null,
		sector_zh: null,
		sector_en: null,
		sector_order: null,
		sector_group: null,
		value: 2732,
		value_text: '2700',
		base_value: 273_200_000_000,
		derived: true,
		statements: 2,
		disputed: true
	});
	const totals: PanelSpec = { ...spec, id: 'total', category: 'period', series: 'measure' };

	it('says so in a note, naming the figure', () => {
		expect(buildPanel(totals, [total], 'zh').notes).toContain(
			'规上工业产值 · 2023年：同一公报另有表述或推算给出不同数值，图中为其一（见数据质量）。'
		);
		expect(buildPanel(totals, [total], 'en').notes.at(-1)).toMatch(
			/^Industrial output above designated size · 2023: another statement or derivation/
		);
	});

	it('adds no such note where every value drawn is undisputed', () => {
		const notes = buildPanel(totals, [{ ...total, disputed: false }], 'zh').notes;
		expect(notes.some((n) => n.includes('图中为其一'))).toBe(false);
	});
});

describe('an indicator panel of one sector of a breakdown', () => {
	// industry-biomed-scale-2023: 生物医药及合成生物产业规模100亿元, the only key industry whose
	// 2023 scale is stated: its bar is labelled 2023, so the title names the industry
	const indicator = { id: 'industry-scale', zh: '产业规模', en: 'Industry scale' };
	const groups = [{ id: 'industry-key', zh: '重点产业', en: 'key industry' }];
	const biomed = row({
		id: 'industry-biomed-scale-2023',
		indicator_id: 'industry-scale',
		sector_id: 'industry-key-biomed',
		sector_zh: '生物医药及合成生物',
		sector_en: 'Biomedicine and synthetic biology',
		value: 100,
		value_text: '100',
		base_value: 10_000_000_000
	});

	it('names the sector in its title instead of the breakdown', () => {
		const [panel] = autoPanels(indicator, [biomed], [biomed], groups);
		expect(panel!.title).toEqual({
			zh: '产业规模：数值（生物医药及合成生物）',
			en: 'Industry scale: Level (Biomedicine and synthetic biology)'
		});
		expect(panel!.category).toBe('period');
	});

	it('names the breakdown when its sectors are the bars', () => {
		const [panel] = autoPanels(
			indicator,
			[biomed, row({ indicator_id: 'industry-scale' })],
			[],
			groups
		);
		expect(panel!.title.zh).toBe('产业规模：数值（按重点产业）');
		expect(panel!.category).toBe('sector');
	});
});
