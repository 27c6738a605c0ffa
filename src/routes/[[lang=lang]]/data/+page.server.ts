import { langOf } from '$lib/i18n.js';
import { siteData } from '$lib/server/dataset.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const { bulletins, catalog, checks, figuresPerDocument } = siteData();
	return {
		lang: langOf(params.lang),
		bulletins: bulletins.map((b) => ({
			bulletin: b.bulletin,
			decisions: b.decisions,
			documents: b.documents.length
		})),
		units: catalog.units,
		counts: {
			figures: [...figuresPerDocument.values()].reduce((a, b) => a + b, 0),
			indicators: catalog.indicators.length,
			checks: checks.checks.length,
			discrepancies: checks.discrepancies.length
		}
	};
};
