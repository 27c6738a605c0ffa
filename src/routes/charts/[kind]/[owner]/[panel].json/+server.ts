import { error, json } from '@sveltejs/kit';
import { chartEntries, resolveChart, type ChartKind } from '$lib/registry.js';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = async () => await chartEntries();

/** One chart's declaration and rows, for the briefing pack to draw in either language. */
export const GET: RequestHandler = async ({ params }) => {
	const chart = await resolveChart({
		kind: params.kind as ChartKind,
		owner: params.owner,
		panel: params.panel
	});
	if (!chart) error(404, `no chart ${params.kind}/${params.owner}/${params.panel}`);
	return json(chart);
};
