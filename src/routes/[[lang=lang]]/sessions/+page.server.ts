import { langOf } from '$lib/i18n.js';
import { siteData } from '$lib/server/dataset.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const { bulletins, documents } = siteData();
	return {
		lang: langOf(params.lang),
		bulletins: bulletins.map((b) => ({
			bulletin: b.bulletin,
			sessions: b.bulletin.sessions.map((s) => ({
				...s,
				documents: documents.filter(
					(d) => d.bulletin_id === b.bulletin.id && d.session === s.session
				).length
			}))
		}))
	};
};
