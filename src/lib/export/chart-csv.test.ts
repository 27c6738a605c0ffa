import { describe, expect, it } from 'vitest';
import type { ChartRow } from '$lib/data/queries.js';
import { chartCsv } from './chart-csv.js';

describe('chartCsv', () => {
	it('writes one row per figure with its quote and source, UTF-8 with a byte-order mark', () => {
		const row = {
			id: 'industry-new-materials-output-2023',
			indicator_zh: '规上工业产值',
			indicator_en: 'Industrial output',
			sector_zh: '新材料',
			sector_en: 'New materials',
			area_zh: '宝山区',
			area_en: 'Baoshan District',
			period: '2023',
			measure: 'level',
			value: 1725,
			unit: '亿元',
			qualifier: null,
			base_value: 172_500_000_000,
			base_unit: '元',
			derived: false,
			formula: null,
			doc_title: '关于特色产业推进情况的报告',
			doc_title_en: 'Report',
			doc_page: 34,
			quote: '2023年，我区新材料产业规上工业产值1725亿元，占全区规上工业产值的“半壁江山”'
		} as unknown as ChartRow;
		const [header, line] = chartCsv([row], 'zh').split('\r\n');
		expect(header).toBe(
			'\uFEFFfigure_id,indicator,sector,area,period,measure,value,unit,qualifier,base_value,base_unit,derived,formula,document,page,quote'
		);
		expect(line).toBe(
			'industry-new-materials-output-2023,规上工业产值,新材料,宝山区,2023,level,1725,亿元,,172500000000,元,false,,关于特色产业推进情况的报告,34,2023年，我区新材料产业规上工业产值1725亿元，占全区规上工业产值的“半壁江山”'
		);
	});
});
