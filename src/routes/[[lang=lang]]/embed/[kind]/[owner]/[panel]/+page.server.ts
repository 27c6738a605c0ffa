import { error } from '@sveltejs/kit';
import { langOf } from '$lib/i18n.js';
import {
	chartEntries,
	comparePanelIds,
	resolveChart,
	type ChartKind,
	type ResolvedChart
} from '$lib/registry.js';
import { siteData } from '$lib/server/dataset.js';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = async () => {
	const charts = await chartEntries();
	const prerendered = new Set(charts.map((c) => `${c.kind}/${c.owner}/${c.panel}`));
	const comparisons = (await comparePanelIds())
		.filter((panel) => !prerendered.has(`compare/choice/${panel}`))
		.map((panel) => ({ kind: 'compare', owner: 'choice', panel }));
	return [...charts, ...comparisons].flatMap((e) => [
		{ ...e, lang: undefined },
		{ ...e, lang: 'en' }
	]);
};

export const load: PageServerLoad = async ({ params }) => {
	const entry = { kind: params.kind as ChartKind, owner: params.owner, panel: params.panel };
	let chart: ResolvedChart | Omit<ResolvedChart, 'spec'> | null = await resolveChart(entry);
	// a comparison other than the default one: only the engine can draw it, from the link's choice
	if (!chart && entry.kind === 'compare' && (await comparePanelIds()).includes(entry.panel))
		chart = { ...entry, key: `compare/choice/${entry.panel}`, rows: [] };
	if (!chart) error(404, `no chart ${params.kind}/${params.owner}/${params.panel}`);
	return {
		lang: langOf(params.lang),
		chart,
		bulletins: siteData().bulletins.map((b) => ({
			id: b.bulletin.id,
			title: b.bulletin.title,
			title_en: b.bulletin.title_en
		}))
	};
};
