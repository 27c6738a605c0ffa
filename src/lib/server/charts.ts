/**
 * Every chart that can be exported, embedded or put in a briefing, by key:
 * `topic/<topic>/<panel>`, `indicator/<indicator>/<panel>` or `report/<document>/<panel>`.
 * A key resolves to its panel's declaration and rows, computed with Node DuckDB at build time.
 */
import type { ChartKind } from '$lib/chart-ref.js';
import { chartFigures, documentFigures, type ChartRow } from '$lib/data/queries.js';
import { run } from '$lib/data/query.js';
import { autoPanels, panelQuery, type PanelSpec } from '$lib/panels.js';
import {
	choiceFilter,
	comparePanels,
	DEFAULT_CHOICE,
	possiblePanelIds
} from '../../routes/[[lang=lang]]/compare/compare.js';
import { topicPanels } from '../../routes/[[lang=lang]]/topics/[topic]/topic-panels.js';
import { siteData } from './dataset.js';
import { figuresDb } from './figures-db.js';

export type { ChartKind };

export interface ChartEntry {
	kind: ChartKind;
	owner: string;
	panel: string;
}

export interface ResolvedChart extends ChartEntry {
	key: string;
	spec: PanelSpec;
	rows: ChartRow[];
}

let specs: Promise<Map<string, ResolvedChart['spec'] & { entry: ChartEntry }>> | undefined;

export const chartKey = ({ kind, owner, panel }: ChartEntry) => `${kind}/${owner}/${panel}`;

/** The panels of an indicator's page and of a report's page, as those pages declare them. */
export async function indicatorSpecs(id: string): Promise<PanelSpec[]> {
	const { catalog } = siteData();
	const indicator = catalog.indicators.find((i) => i.id === id);
	if (!indicator) return [];
	const db = await figuresDb();
	const areas = catalog.areas.map((a) => a.id);
	const rows = await run(chartFigures({ indicators: [id], areas }), db);
	const statements = await run(chartFigures({ indicators: [id], areas, statements: true }), db);
	return autoPanels(indicator, rows, statements, catalog.groups);
}

/** Indicators a report states often enough to chart on its page. */
const MIN_FIGURES_FOR_CHART = 3;
const MAX_CHARTS = 6;

export async function reportSpecs(doc: string): Promise<PanelSpec[]> {
	const { catalog } = siteData();
	const figures = await run(documentFigures(doc), await figuresDb());
	const counts = new Map<string, number>();
	for (const f of figures) counts.set(f.indicator_id, (counts.get(f.indicator_id) ?? 0) + 1);
	const specs: PanelSpec[] = [];
	for (const [id] of [...counts]
		.filter(([, n]) => n >= MIN_FIGURES_FOR_CHART)
		.slice(0, MAX_CHARTS)) {
		const indicator = catalog.indicators.find((i) => i.id === id)!;
		const [first] = autoPanels(
			indicator,
			figures.filter((f) => f.indicator_id === id),
			[],
			catalog.groups
		);
		if (first)
			specs.push({
				...first,
				id: `report-${first.id}`,
				filter: { ...first.filter, docs: [doc], statements: true },
				statements: true
			});
	}
	return specs;
}

async function allSpecs() {
	specs ??= (async () => {
		const { catalog, documents, figuresPerDocument } = siteData();
		const map = new Map<string, PanelSpec & { entry: ChartEntry }>();
		const put = (kind: ChartKind, owner: string, spec: PanelSpec) => {
			const entry = { kind, owner, panel: spec.id };
			map.set(chartKey(entry), { ...spec, entry });
		};
		for (const topic of catalog.topics)
			for (const spec of topicPanels(topic.id)) put('topic', topic.id, spec);
		for (const indicator of catalog.indicators)
			for (const spec of await indicatorSpecs(indicator.id)) put('indicator', indicator.id, spec);
		for (const doc of documents.filter((d) => (figuresPerDocument.get(d.id) ?? 0) > 0))
			for (const spec of await reportSpecs(doc.id)) put('report', doc.id, spec);
		// the comparison as it first opens; any other choice is drawn by the engine
		const areas = catalog.areas.map((a) => a.id);
		const rows = await run(chartFigures(choiceFilter(DEFAULT_CHOICE, areas)), await figuresDb());
		for (const { spec } of comparePanels(rows, DEFAULT_CHOICE)) put('compare', 'choice', spec);
		return map;
	})();
	return specs;
}

export async function chartEntries(): Promise<ChartEntry[]> {
	return [...(await allSpecs()).values()].map((s) => s.entry);
}

/**
 * Every panel a comparison can produce, one per measure and unit in the data: their embeds
 * exist for any choice, which the engine draws; those the default choice holds are prerendered.
 */
export async function comparePanelIds(): Promise<string[]> {
	const rows = await run<ChartRow>(
		chartFigures({
			indicators: siteData().catalog.indicators.map((i) => i.id),
			areas: siteData().catalog.areas.map((a) => a.id)
		}),
		await figuresDb()
	);
	return possiblePanelIds(rows);
}

export async function resolveChart(entry: ChartEntry): Promise<ResolvedChart | null> {
	const found = (await allSpecs()).get(chartKey(entry));
	if (!found) return null;
	const { entry: _, ...spec } = found;
	return {
		...entry,
		key: chartKey(entry),
		spec,
		rows: await run(panelQuery(spec), await figuresDb())
	};
}
