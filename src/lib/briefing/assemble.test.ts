import { describe, expect, it } from 'vitest';
import type { ChartRow } from '$lib/data/queries.js';
import { briefingPack, chartQuotes, dateText, packFileName, sessionText } from './assemble.js';
import { EMPTY_PACK } from './state.js';

const row = (id: string, quote: string, extra: Partial<ChartRow> = {}) =>
	({
		id,
		quote,
		doc_id: 's21-natural-resources-report',
		doc_title: '关于宝山区 2023 年度国有自然资源资产管理情况的专项报告',
		doc_title_en: 'Special report on state-owned natural resource assets in 2023',
		doc_page: 48,
		derived: false,
		inputs: null,
		...extra
	}) as ChartRow;

describe('assembling the briefing', () => {
	it('writes dates and meetings in the reader’s language', () => {
		expect(dateText('2024-06-26', 'zh')).toBe('2024年6月26日');
		expect(dateText('2024-06-26', 'en')).toBe('26 June 2024');
		expect(dateText('六月下旬', 'zh')).toBe('六月下旬');
		const session = {
			session: 21,
			meeting_date: '2024-06-26',
			title: '宝山区九届人大常委会第二十一次会议',
			title_en: '21st meeting of the 9th Standing Committee',
			agenda: []
		};
		expect(sessionText(session, 'zh')).toBe('宝山区九届人大常委会第二十一次会议（2024年6月26日）');
		expect(sessionText(session, 'en')).toBe(
			'21st meeting of the 9th Standing Committee (26 June 2024)'
		);
	});

	it('lists each sentence once, a derived value under the sentence it was derived from', () => {
		const quotes = chartQuotes(
			[
				row('land-reserve-area-2023', '已收储未供应土地面积799.9公顷'),
				row('land-reserve-area-2022-derived', '已收储未供应土地面积799.9公顷', {
					derived: true,
					inputs: 'land-reserve-area-2023 land-reserve-added-area-2023'
				}),
				row('land-reserve-added-area-2023', '其中2023年增加141公顷')
			],
			'zh'
		);
		expect(quotes.map((q) => q.text)).toEqual([
			'已收储未供应土地面积799.9公顷',
			'其中2023年增加141公顷'
		]);
		expect(quotes[0]!.source).toBe(
			'《关于宝山区 2023 年度国有自然资源资产管理情况的专项报告》第48页'
		);
		expect(chartQuotes([row('a', 'x')], 'en')[0]!.source).toBe(
			'Special report on state-owned natural resource assets in 2023, p. 48'
		);
	});

	it('fills the title page’s defaults and joins a chart’s source lines', () => {
		const pack = briefingPack(
			{ ...EMPTY_PACK, title: '  ', agenda: ' 议题 ' },
			[
				{
					key: 'topic/land/land-reserve-area',
					title: '储备土地',
					subtitle: '公顷',
					note: ' 净增22.8公顷 ',
					sources: ['来源：《报告》第48页', '刊载于《公报》'],
					rows: [row('land-reserve-area-2023', '已收储未供应土地面积799.9公顷')],
					png: { bytes: new Uint8Array([1]), width: 2, height: 1 }
				}
			],
			'zh'
		);
		expect(pack.title).toBe('宝山区人大常委会会议简报');
		expect(pack.agendaItem).toBe('议题');
		expect(pack.charts[0]).toMatchObject({
			note: '净增22.8公顷',
			source: '来源：《报告》第48页；刊载于《公报》',
			width: 2,
			height: 1
		});
		expect(pack.charts[0]!.quotes).toHaveLength(1);
	});

	it('names the file after the pack without characters file systems refuse', () => {
		expect(packFileName('土地/储备: 简报?', 'docx')).toBe('土地 储备 简报.docx');
		expect(packFileName('\u0001', 'pptx')).toBe('briefing.pptx');
	});
});
