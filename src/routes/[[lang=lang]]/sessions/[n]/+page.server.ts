import { error } from '@sveltejs/kit';
import { linkAgenda, parseAgenda } from '$lib/agenda.js';
import { langOf } from '$lib/i18n.js';
import { documentText, siteData } from '$lib/server/dataset.js';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	siteData().bulletins.flatMap((b) =>
		b.bulletin.sessions.flatMap((s) => [
			{ n: String(s.session), lang: undefined },
			{ n: String(s.session), lang: 'en' }
		])
	);

export const load: PageServerLoad = ({ params }) => {
	const n = Number(params.n);
	const { bulletins, documents, figuresPerDocument } = siteData();
	const bulletin = bulletins.find((b) => b.bulletin.sessions.some((s) => s.session === n));
	if (!bulletin) error(404, `no meeting ${params.n}`);
	const docs = documents.filter((d) => d.bulletin_id === bulletin.bulletin.id && d.session === n);
	const agendaDoc = docs.find((d) => d.kind === 'agenda');
	const items = agendaDoc ? linkAgenda(parseAgenda(documentText(agendaDoc)), docs) : [];
	const linked = new Set(items.flatMap((i) => i.documents));
	return {
		lang: langOf(params.lang),
		session: bulletin.bulletin.sessions.find((s) => s.session === n)!,
		bulletin: bulletin.bulletin,
		agendaDoc,
		items,
		documents: docs,
		others: docs.filter((d) => !linked.has(d.id) && d.kind !== 'agenda'),
		figureCounts: Object.fromEntries(docs.map((d) => [d.id, figuresPerDocument.get(d.id) ?? 0]))
	};
};
