/** Every internal address in one place, in the reader's language. */
import { base } from '$app/paths';
import { localise, type Lang } from '$lib/i18n.js';

export const links = {
	home: (lang: Lang) => localise('/', lang),
	topics: (lang: Lang) => localise('/topics', lang),
	topic: (id: string, lang: Lang) => localise(`/topics/${id}`, lang),
	indicators: (lang: Lang) => localise('/indicators', lang),
	indicator: (id: string, lang: Lang) => localise(`/indicators/${id}`, lang),
	compare: (lang: Lang) => localise('/compare', lang),
	sessions: (lang: Lang) => localise('/sessions', lang),
	data: (lang: Lang) => localise('/data', lang),
	quality: (lang: Lang) => localise('/data/quality', lang),
	sql: (lang: Lang, query?: string) =>
		localise('/data/sql', lang) + (query ? `?q=${encodeURIComponent(query)}` : ''),
	session: (n: number, lang: Lang) => localise(`/sessions/${n}`, lang),
	report: (doc: string, lang: Lang) => localise(`/reports/${doc}`, lang),
	/** One indicator's figures as CSV (prerendered beside the pages). */
	download: (indicator: string) => `${base}/downloads/indicators/${indicator}.csv`,
	dataset: (format: 'csv' | 'parquet' | 'json' | 'arrow') => `${base}/data/figures.${format}`,
	/** The document's text with the figure's sentence highlighted and scrolled to. */
	source: (doc: string, lang: Lang, figure?: string) =>
		localise(`/sources/${doc}`, lang) + (figure ? `#${figure}` : '')
};

/** Where a figure's sentence is: a derived figure points at the sentence of its first input. */
export function sentenceOf(
	row: { id: string; derived: boolean; inputs: string | null; doc_id: string },
	lang: Lang
): string {
	const anchor = row.derived ? (row.inputs?.split(' ')[0] ?? row.id) : row.id;
	return links.source(row.doc_id, lang, anchor);
}
