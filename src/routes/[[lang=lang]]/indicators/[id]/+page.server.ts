import { error } from '@sveltejs/kit';
import { chartFigures, type ChartRow } from '$lib/data/queries.js';
import { run } from '$lib/data/query.js';
import { langOf } from '$lib/i18n.js';
import { panelQuery } from '$lib/panels.js';
import { indicatorCharts } from '$lib/registry.js';
import { siteData } from '$lib/server/dataset.js';
import { figuresDb } from '$lib/server/figures-db.js';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => {
	const ids = siteData().catalog.indicators.map((i) => i.id);
	return [...ids.map((id) => ({ id, lang: undefined })), ...ids.map((id) => ({ id, lang: 'en' }))];
};

export const load: PageServerLoad = async ({ params }) => {
	const { catalog, checks, version } = siteData();
	const indicator = catalog.indicators.find((i) => i.id === params.id);
	if (!indicator) error(404, `no indicator ${params.id}`);
	const db = await figuresDb();
	const statements = await run(
		chartFigures({
			indicators: [indicator.id],
			areas: catalog.areas.map((a) => a.id),
			statements: true
		}),
		db
	);
	const specs = await indicatorCharts(indicator.id);
	const panelRows: Record<string, ChartRow[]> = {};
	for (const spec of specs) panelRows[spec.id] = await run(panelQuery(spec), db);
	const ids = new Set(statements.map((s) => s.id));
	return {
		lang: langOf(params.lang),
		indicator,
		topic: catalog.topics.find((t) => t.id === indicator.topic)!,
		sectors: catalog.sectors.filter((s) => statements.some((r) => r.sector_id === s.id)),
		periods: [...new Set(statements.map((s) => s.period))],
		specs,
		panelRows,
		/** The dataset panelRows were answered from: the engine's answers too if it holds the same. */
		dataVersion: version,
		statements,
		checks: checks.checks.filter((c) => c.figures.some((f) => ids.has(f))),
		discrepancies: checks.discrepancies.filter((d) => d.indicator_id === indicator.id)
	};
};
