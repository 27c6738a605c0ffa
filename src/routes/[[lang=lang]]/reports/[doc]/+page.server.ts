import { error } from '@sveltejs/kit';
import { chartFigures, documentFigures, type ChartRow } from '$lib/data/queries.js';
import { run } from '$lib/data/query.js';
import { langOf } from '$lib/i18n.js';
import { panelQuery } from '$lib/panels.js';
import { reportCharts } from '$lib/registry.js';
import { checkFigures, siteData } from '$lib/server/dataset.js';
import { figuresDb } from '$lib/server/figures-db.js';
import type { EntryGenerator, PageServerLoad } from './$types';
import { cityComparisons, largestChanges, targetGaps } from './notable.js';

/** Reports with figures; a document without statistics has its source page only. */
export const entries: EntryGenerator = () => {
	const { documents, figuresPerDocument } = siteData();
	return documents
		.filter((d) => (figuresPerDocument.get(d.id) ?? 0) > 0)
		.flatMap((d) => [
			{ doc: d.id, lang: undefined },
			{ doc: d.id, lang: 'en' }
		]);
};

export const load: PageServerLoad = async ({ params }) => {
	const { documents, checks, catalog } = siteData();
	const doc = documents.find((d) => d.id === params.doc);
	if (!doc) error(404, `no document ${params.doc}`);
	const db = await figuresDb();
	const figures = await run(documentFigures(doc.id), db);
	const ids = new Set(figures.map((f) => f.id));
	const targets = figures.filter((f) => f.measure === 'target');
	// levels of every indicator of the targets' topics: a target may be set on another measure
	const topics = new Set(targets.map((t) => t.topic));
	const levels = targets.length
		? await run(
				chartFigures({
					indicators: catalog.indicators.filter((i) => topics.has(i.topic)).map((i) => i.id),
					measures: ['level'],
					statements: true
				}),
				db
			)
		: [];

	const specs = await reportCharts(doc.id);
	const panelRows: Record<string, ChartRow[]> = {};
	for (const spec of specs) panelRows[spec.id] = await run(panelQuery(spec), db);

	return {
		lang: langOf(params.lang),
		doc,
		figures,
		changes: largestChanges(figures),
		targets: targetGaps(targets, levels),
		comparisons: cityComparisons(figures),
		discrepancies: checks.discrepancies.filter((d) => d.figures.some((f) => ids.has(f.id))),
		checks: checks.checks.filter((c) => c.figures.some((f) => ids.has(f))),
		checkFigures: checkFigures(checks.checks.filter((c) => c.figures.some((f) => ids.has(f)))),
		titles: Object.fromEntries(documents.map((d) => [d.id, { zh: d.title, en: d.title_en }])),
		specs,
		panelRows
	};
};
