/**
 * The briefing pack: what the page hands to the Word and PowerPoint generators
 * (docx.ts, pptx.ts). Types and the generators' fixed words only, so the page can
 * import this module eagerly while the generators, and the libraries they load,
 * stay out of the page's bundle until a download is asked for.
 */
import { xmlText } from '$lib/export/xml-text.js';

export interface BriefingChart {
	/** chart key, e.g. 'topic/land/land-use' */
	key: string;
	/** in the pack's language */
	title: string;
	/** unit · period */
	subtitle: string;
	/** the chart rendered as PNG at 2× or 3× (with its own title band) */
	png: Uint8Array;
	/** pixel size of the PNG */
	width: number;
	height: number;
	/** the staff's note under the chart (may be empty) */
	note: string;
	/** "来源：《…》第48页；…" / "Source: … p. 48" */
	source: string;
	/** the sentences behind the chart's figures, for the appendix */
	quotes: { text: string; source: string }[];
}

export interface BriefingPack {
	lang: 'zh' | 'en';
	/** e.g. 宝山区人大常委会第二十一次会议 · 情况简报 */
	title: string;
	/** e.g. 第二十一次会议（2024年6月26日） */
	session: string;
	/** e.g. 2024年6月20日 */
	date: string;
	/** e.g. 听取和审议区政府关于国有自然资源资产管理情况的专项报告 */
	agendaItem: string;
	charts: BriefingChart[];
}

/** The fixed words of both documents, in the pack's language. */
export interface BriefingWords {
	/** BCP 47 tag written into the files (w:lang, a:rPr lang) */
	locale: 'zh-CN' | 'en-US';
	session: string;
	date: string;
	agendaItem: string;
	/** caption prefix, e.g. 图1 / Figure 1 */
	figure: (n: number) => string;
	/** separator after the figure number */
	captionSep: string;
	appendix: string;
	/** heading of the appendix slides after the first */
	appendixContinued: string;
	/** after a slide's title on the slides that continue it */
	continued: string;
	/** opening and closing quotation marks around a quoted sentence */
	open: string;
	close: string;
	/** between a label and its value: '：' or ': ' */
	colon: string;
}

const WORDS: Record<BriefingPack['lang'], BriefingWords> = {
	zh: {
		locale: 'zh-CN',
		session: '会议',
		date: '日期',
		agendaItem: '议题',
		figure: (n) => `图${n}`,
		captionSep: '\u3000',
		appendix: '附录：数据出处',
		appendixContinued: '附录：数据出处（续）',
		continued: '（续）',
		open: '“',
		close: '”',
		colon: '：'
	},
	en: {
		locale: 'en-US',
		session: 'Session',
		date: 'Date',
		agendaItem: 'Agenda item',
		figure: (n) => `Figure ${n}`,
		captionSep: '. ',
		appendix: 'Appendix: sources',
		appendixContinued: 'Appendix: sources (continued)',
		continued: ' (continued)',
		open: '“',
		close: '”',
		colon: ': '
	}
};

export const briefingWords = (lang: BriefingPack['lang']): BriefingWords => WORDS[lang];

/**
 * Fonts named in both files. Microsoft YaHei ships with Windows and with Office for
 * Mac; where it is missing, the East Asian language tag and charset let Word and
 * PowerPoint substitute a Chinese sans-serif (PingFang SC, DengXian).
 */
export const BRIEFING_FONTS = { latin: 'Arial', eastAsia: 'Microsoft YaHei' } as const;

/** Appendix number of a quote: chart 2's third quote is "2.3". */
export const quoteNumber = (chart: number, quote: number): string => `${chart + 1}.${quote + 1}`;

/**
 * The pack with every text it carries made safe for XML (see `xmlText`). Both generators
 * start from it, so no title, note, caption, source or quote reaches a file unsanitised.
 */
export function xmlSafePack(pack: BriefingPack): BriefingPack {
	return {
		lang: pack.lang,
		title: xmlText(pack.title),
		session: xmlText(pack.session),
		date: xmlText(pack.date),
		agendaItem: xmlText(pack.agendaItem),
		charts: pack.charts.map((chart) => ({
			...chart,
			key: xmlText(chart.key),
			title: xmlText(chart.title),
			subtitle: xmlText(chart.subtitle),
			note: xmlText(chart.note),
			source: xmlText(chart.source),
			quotes: chart.quotes.map((q) => ({ text: xmlText(q.text), source: xmlText(q.source) }))
		}))
	};
}
