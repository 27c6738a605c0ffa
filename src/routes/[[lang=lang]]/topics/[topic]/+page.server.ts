import { error } from '@sveltejs/kit';
import { chartFigures, type ChartRow } from '$lib/data/queries.js';
import { run } from '$lib/data/query.js';
import { langOf } from '$lib/i18n.js';
import { panelQuery } from '$lib/panels.js';
import { topicCharts } from '$lib/registry.js';
import { siteData } from '$lib/server/dataset.js';
import { figuresDb } from '$lib/server/figures-db.js';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	siteData().catalog.topics.flatMap((t) => [
		{ topic: t.id, lang: undefined },
		{ topic: t.id, lang: 'en' }
	]);

export const load: PageServerLoad = async ({ params }) => {
	const { catalog } = siteData();
	const topic = catalog.topics.find((t) => t.id === params.topic);
	if (!topic) error(404, `no topic ${params.topic}`);
	const db = await figuresDb();
	const indicators = catalog.indicators.filter((i) => i.topic === topic.id);
	const specs = topicCharts(topic.id);
	const panelRows: Record<string, ChartRow[]> = {};
	for (const spec of specs) panelRows[spec.id] = await run(panelQuery(spec), db);
	const rows = await run(
		chartFigures({
			indicators: indicators.map((i) => i.id),
			areas: catalog.areas.map((a) => a.id)
		}),
		db
	);
	return {
		lang: langOf(params.lang),
		topic,
		topics: catalog.topics,
		indicators,
		specs,
		panelRows,
		/** Each indicator's figures, for the catalogue list under the charts. */
		rows
	};
};
