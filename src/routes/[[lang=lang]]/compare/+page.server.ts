import { choiceFilter } from '$lib/compare.js';
import { chartFigures } from '$lib/data/queries.js';
import { run } from '$lib/data/query.js';
import { langOf } from '$lib/i18n.js';
import { compareDefault } from '$lib/registry.js';
import { siteData } from '$lib/server/dataset.js';
import { figuresDb } from '$lib/server/figures-db.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { catalog } = siteData();
	const db = await figuresDb();
	const areas = catalog.areas.map((a) => a.id);
	const all = await run(
		chartFigures({ indicators: catalog.indicators.map((i) => i.id), areas }),
		db
	);
	// what can be chosen together: each indicator's sectors and periods
	const availability: Record<string, { sectors: string[]; periods: string[] }> = {};
	for (const r of all) {
		const a = (availability[r.indicator_id] ??= { sectors: [], periods: [] });
		if (r.sector_id && !a.sectors.includes(r.sector_id)) a.sectors.push(r.sector_id);
		if (!a.periods.includes(r.period)) a.periods.push(r.period);
	}
	const defaultChoice = compareDefault();
	const rows = await run(chartFigures(choiceFilter(defaultChoice, areas)), db);
	return {
		lang: langOf(params.lang),
		topics: [...catalog.topics].sort((a, b) => a.order - b.order),
		indicators: catalog.indicators.filter((i) => availability[i.id]),
		sectors: catalog.sectors,
		areas,
		availability,
		defaultChoice,
		rows
	};
};
