import { error } from '@sveltejs/kit';
import { chartFigures, documentFigures, type ChartRow } from '$lib/data/queries.js';
import { run } from '$lib/data/query.js';
import { langOf } from '$lib/i18n.js';
import { autoPanels, panelQuery, type PanelSpec } from '$lib/panels.js';
import { siteData } from '$lib/server/dataset.js';
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

/** Indicators a report states often enough to chart on its page. */
const MIN_FIGURES_FOR_CHART = 3;
const MAX_CHARTS = 6;

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

	const counts = new Map<string, number>();
	for (const f of figures) counts.set(f.indicator_id, (counts.get(f.indicator_id) ?? 0) + 1);
	const charted = [...counts].filter(([, n]) => n >= MIN_FIGURES_FOR_CHART).slice(0, MAX_CHARTS);
	const specs: PanelSpec[] = [];
	for (const [id] of charted) {
		const indicator = catalog.indicators.find((i) => i.id === id)!;
		const rows = figures.filter((f) => f.indicator_id === id);
		const [first] = autoPanels(indicator, rows, [], catalog.groups);
		if (first)
			specs.push({
				...first,
				id: `report-${first.id}`,
				filter: { ...first.filter, docs: [doc.id], statements: true },
				statements: true
			});
	}
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
		titles: Object.fromEntries(documents.map((d) => [d.id, { zh: d.title, en: d.title_en }])),
		specs,
		panelRows
	};
};
