import { run } from '$lib/data/query.js';
import type { ChartRow } from '$lib/data/queries.js';
import { langOf } from '$lib/i18n.js';
import { headlines } from '$lib/headlines.js';
import { panelQuery } from '$lib/panels.js';
import { headlineSpecs, headlinesQuery, leadChange, overviewCharts } from '$lib/registry.js';
import { siteData } from '$lib/server/dataset.js';
import { figuresDb } from '$lib/server/figures-db.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { catalog, checks, bulletins, figuresPerDocument } = siteData();
	const db = await figuresDb();
	const topics = [...catalog.topics].sort((a, b) => a.order - b.order);
	const specs = overviewCharts(topics);
	const panelRows: Record<string, ChartRow[]> = {};
	for (const spec of specs) panelRows[spec.id] = await run(panelQuery(spec), db);
	const figures = [...figuresPerDocument.values()].reduce((a, b) => a + b, 0);
	return {
		lang: langOf(params.lang),
		topics,
		specs,
		panelRows,
		headlines: headlines(await run(headlinesQuery(), db), headlineSpecs()),
		landChange: leadChange('land'),
		summary: {
			bulletins: bulletins.map((b) => ({
				title: b.bulletin.title,
				title_en: b.bulletin.title_en,
				sessions: b.bulletin.sessions
			})),
			figures,
			documents: figuresPerDocument.size,
			checksFailed: checks.checks.filter((c) => !c.passed).length,
			checks: checks.checks.length,
			discrepancies: checks.discrepancies.length
		}
	};
};
