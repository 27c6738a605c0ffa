import { langOf } from '$lib/i18n.js';
import { siteData } from '$lib/server/dataset.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const { catalog } = siteData();
	return {
		lang: langOf(params.lang),
		topics: [...catalog.topics]
			.sort((a, b) => a.order - b.order)
			.map((t) => ({ ...t, indicators: catalog.indicators.filter((i) => i.topic === t.id).length }))
	};
};
