import { parseAgenda } from '$lib/agenda.js';
import type { SessionChoice } from '$lib/briefing/assemble.js';
import { langOf } from '$lib/i18n.js';
import { documentText, siteData } from '$lib/server/dataset.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const { bulletins } = siteData();
	const sessions: SessionChoice[] = bulletins.flatMap((b) =>
		b.bulletin.sessions.map((s) => {
			const agendaDoc = b.documents.find((d) => d.session === s.session && d.kind === 'agenda');
			return {
				...s,
				agenda: agendaDoc ? parseAgenda(documentText(agendaDoc)).map((i) => i.text) : []
			};
		})
	);
	return {
		lang: langOf(params.lang),
		sessions
	};
};
