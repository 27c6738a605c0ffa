import { error } from '@sveltejs/kit';
import { langOf } from '$lib/i18n.js';
import { chartEntries, resolveChart, type ChartKind } from '$lib/server/charts.js';
import { siteData } from '$lib/server/dataset.js';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = async () =>
	(await chartEntries()).flatMap((e) => [
		{ ...e, lang: undefined },
		{ ...e, lang: 'en' }
	]);

export const load: PageServerLoad = async ({ params }) => {
	const chart = await resolveChart({
		kind: params.kind as ChartKind,
		owner: params.owner,
		panel: params.panel
	});
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
