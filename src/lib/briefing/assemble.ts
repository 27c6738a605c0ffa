/**
 * From the pack's state and its drawn charts to what the page prints and what the Word and
 * PowerPoint generators take: the title page with its defaults, each chart's caption and
 * source line, and the appendix of sentences behind the figures. Pure.
 */
import type { ChartRow } from '$lib/data/queries.js';
import type { Lang } from '$lib/i18n.js';
import type { BriefingChart, BriefingPack } from './pack.js';
import type { PackState } from './state.js';

export interface SessionChoice {
	session: number;
	meeting_date: string;
	title: string;
	title_en: string;
	agenda: string[];
}

export interface Quote {
	text: string;
	/** 《文件》第48页 / Document, p. 48 */
	source: string;
	doc: string;
	/** The figure whose sentence this is, for the link to it. */
	figure: string;
	derived: boolean;
	inputs: string | null;
}

export const defaultTitle = (lang: Lang) =>
	lang === 'zh'
		? '宝山区人大常委会会议简报'
		: 'Briefing for the Standing Committee of the Baoshan District People’s Congress';

/** 2024-06-26 → 2024年6月26日 / 26 June 2024; anything else as written. */
export function dateText(iso: string, lang: Lang): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) return iso;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (lang === 'zh') return `${y}年${mo}月${d}日`;
	const month = new Date(Date.UTC(y, mo - 1, d)).toLocaleString('en-GB', {
		month: 'long',
		timeZone: 'UTC'
	});
	return `${d} ${month} ${y}`;
}

export function sessionText(session: SessionChoice, lang: Lang): string {
	return lang === 'zh'
		? `${session.title}（${dateText(session.meeting_date, lang)}）`
		: `${session.title_en} (${dateText(session.meeting_date, lang)})`;
}

/** The sentences behind a chart's figures, once each, in the order the chart draws them. */
export function chartQuotes(rows: ChartRow[], lang: Lang): Quote[] {
	const seen = new Set<string>();
	const quotes: Quote[] = [];
	for (const row of rows) {
		const key = `${row.doc_id}\u0000${row.quote}`;
		if (seen.has(key)) continue;
		seen.add(key);
		quotes.push({
			text: row.quote,
			source:
				lang === 'zh'
					? `《${row.doc_title}》第${row.doc_page}页`
					: `${row.doc_title_en}, p. ${row.doc_page}`,
			doc: row.doc_id,
			figure: row.id,
			derived: row.derived,
			inputs: row.inputs
		});
	}
	return quotes;
}

/** What the page has drawn of one chart, ready for the documents. */
export interface DrawnChart {
	key: string;
	title: string;
	subtitle: string;
	note: string;
	sources: string[];
	rows: ChartRow[];
	png: { bytes: Uint8Array; width: number; height: number };
}

export function briefingPack(state: PackState, charts: DrawnChart[], lang: Lang): BriefingPack {
	return {
		lang,
		title: state.title.trim() || defaultTitle(lang),
		session: state.session.trim(),
		date: state.date.trim(),
		agendaItem: state.agenda.trim(),
		charts: charts.map((c): BriefingChart => ({
			key: c.key,
			title: c.title,
			subtitle: c.subtitle,
			png: c.png.bytes,
			width: c.png.width,
			height: c.png.height,
			note: c.note.trim(),
			source: c.sources.join(lang === 'zh' ? '；' : '; '),
			quotes: chartQuotes(c.rows, lang).map(({ text, source }) => ({ text, source }))
		}))
	};
}

/** A file name for the pack: its title, without characters file systems refuse. */
export function packFileName(title: string, ext: 'docx' | 'pptx'): string {
	const clean = [...title]
		.map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? ' ' : c))
		.join('')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 80);
	return `${clean || 'briefing'}.${ext}`;
}
