/**
 * The chart registry: which charts a page has, and each chart's key, for every page, embed,
 * `/charts/<key>.json` and the briefing. Keys are `topic/<topic>/<chart>`,
 * `indicator/<indicator>/<panel>`, `report/<document>/<panel>` and `compare/choice/<panel>`.
 *
 * Topic charts, the overview's headlines and leads, the comparison's first choice and the
 * rule for a report's charts are declared in data/charts/ (static/data/charts.json, checked by
 * build:data); indicator and report panels are worked out from the figures. Server-only: it
 * reads static/data/ and runs Node DuckDB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartKind } from '$lib/chart-ref.js';
import { citeNote, type CitedFigure, type FigureLookup } from '$lib/cite.js';
import { choiceFilter, comparePanels, possiblePanelIds, type Choice } from '$lib/compare.js';
import { chartFigures, documentFigures, type ChartRow } from '$lib/data/queries.js';
import { run, type Query } from '$lib/data/query.js';
import type { ChartDecl, ChartsFile } from '$lib/dataset/charts.js';
import { headlineQuery, type HeadlineSpec } from '$lib/headlines.js';
import { autoPanels, panelQuery, type PanelSpec } from '$lib/panels.js';
import { siteData } from '$lib/server/dataset.js';
import { figuresDb } from '$lib/server/figures-db.js';

export type { ChartKind };

/** The declared charts, and the figures their notes cite. */
export interface ChartSource {
	charts: ChartsFile;
	figure: FigureLookup;
}

export function chartSource(charts: ChartsFile, figures: CitedFigure[]): ChartSource {
	const byId = new Map(figures.map((f) => [f.id, f]));
	return { charts, figure: (id) => byId.get(id) };
}

let site: ChartSource | undefined;

const read = <T>(name: string): T =>
	JSON.parse(readFileSync(join('static/data', name), 'utf8')) as T;

/** What `npm run build:data` wrote: static/data/charts.json and the figures. */
export function siteCharts(): ChartSource {
	site ??= chartSource(read<ChartsFile>('charts.json'), read<CitedFigure[]>('figures.json'));
	return site;
}

/** A declared chart as its page draws it, with its notes filled in from the figures. */
export function declaredPanel(decl: ChartDecl, source: ChartSource): PanelSpec {
	const { title, notes, cites: _, ...spec } = decl;
	const filled = { ...spec, title: citeNote(title, source.figure) };
	return notes ? { ...filled, notes: notes.map((n) => citeNote(n, source.figure)) } : filled;
}

/** A topic page's charts, in reading order. */
export function topicCharts(topic: string, source = siteCharts()): PanelSpec[] {
	return (source.charts.topics[topic] ?? []).map((d) => declaredPanel(d, source));
}

/** Each topic's lead chart on the overview: the declared one, else the topic's first. */
export function overviewCharts(topics: { id: string }[], source = siteCharts()): PanelSpec[] {
	return topics.flatMap((t) => {
		const charts = topicCharts(t.id, source);
		const declared = source.charts.overview.leads.find((l) => l.topic === t.id);
		const lead = charts.find((c) => c.id === declared?.chart) ?? charts[0];
		return lead ? [lead] : [];
	});
}

/** The second view of a topic's lead chart on the overview (land: the change by class). */
export function leadChange(
	topic: string,
	source = siteCharts()
): { lead: string; spec: PanelSpec } | null {
	const lead = source.charts.overview.leads.find((l) => l.topic === topic);
	const spec = topicCharts(topic, source).find((c) => c.id === lead?.change);
	return lead && spec ? { lead: lead.chart, spec } : null;
}

export function headlineSpecs(source = siteCharts()): HeadlineSpec[] {
	return source.charts.overview.headlines;
}

export function headlinesQuery(source = siteCharts()): Query<ChartRow> {
	return headlineQuery(headlineSpecs(source));
}

/** The comparison as it first opens. */
export function compareDefault(source = siteCharts()): Choice {
	const { indicators, sectors, periods } = source.charts.compare.default;
	return { indicators: [...indicators], sectors: [...sectors], periods: [...periods] };
}

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

export const chartKey = ({ kind, owner, panel }: ChartEntry) => `${kind}/${owner}/${panel}`;

/** The panels of an indicator's page: one per measure and kind of period, from its figures. */
export async function indicatorCharts(id: string): Promise<PanelSpec[]> {
	const { catalog } = siteData();
	const indicator = catalog.indicators.find((i) => i.id === id);
	if (!indicator) return [];
	const db = await figuresDb();
	const areas = catalog.areas.map((a) => a.id);
	const rows = await run(chartFigures({ indicators: [id], areas }), db);
	const statements = await run(chartFigures({ indicators: [id], areas, statements: true }), db);
	return autoPanels(indicator, rows, statements, catalog.groups);
}

/**
 * A report page's panels: each indicator the report states often enough (data/charts/reports.yaml),
 * drawn from the report's own statements as the indicator's first panel would draw it.
 */
export async function reportCharts(doc: string, source = siteCharts()): Promise<PanelSpec[]> {
	const { minFigures, maxCharts } = source.charts.reports;
	const { catalog } = siteData();
	const figures = await run(documentFigures(doc), await figuresDb());
	const counts = new Map<string, number>();
	for (const f of figures) counts.set(f.indicator_id, (counts.get(f.indicator_id) ?? 0) + 1);
	const specs: PanelSpec[] = [];
	for (const [id] of [...counts].filter(([, n]) => n >= minFigures).slice(0, maxCharts)) {
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

let specs: Promise<Map<string, PanelSpec & { entry: ChartEntry }>> | undefined;

async function allSpecs() {
	specs ??= (async () => {
		const { catalog, documents, figuresPerDocument } = siteData();
		const map = new Map<string, PanelSpec & { entry: ChartEntry }>();
		const put = (kind: ChartKind, owner: string, spec: PanelSpec) => {
			const entry = { kind, owner, panel: spec.id };
			map.set(chartKey(entry), { ...spec, entry });
		};
		for (const topic of catalog.topics)
			for (const spec of topicCharts(topic.id)) put('topic', topic.id, spec);
		for (const indicator of catalog.indicators)
			for (const spec of await indicatorCharts(indicator.id)) put('indicator', indicator.id, spec);
		for (const doc of documents.filter((d) => (figuresPerDocument.get(d.id) ?? 0) > 0))
			for (const spec of await reportCharts(doc.id)) put('report', doc.id, spec);
		// the comparison as it first opens; any other choice is drawn by the engine
		const areas = catalog.areas.map((a) => a.id);
		const choice = compareDefault();
		const rows = await run(chartFigures(choiceFilter(choice, areas)), await figuresDb());
		for (const { spec } of comparePanels(rows, choice)) put('compare', 'choice', spec);
		return map;
	})();
	return specs;
}

/** Every prerendered chart, by kind, owner and panel. */
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
