/**
 * The charts declared in data/charts/: each topic's charts (`topics/<topic>.yaml`), the
 * overview's headlines and lead charts (`overview.yaml`), the comparison's first choice
 * (`compare.yaml`) and how a report's page picks its charts (`reports.yaml`). They are checked
 * like figures: every indicator, sector, group, area, document, period and figure they name
 * exists, each chart's filter finds rows, and those rows share one unit; notes cite figures
 * instead of retyping their numbers. The result is static/data/charts.json.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FigureFilter } from '../data/queries.js';
import {
	MEASURES,
	PERIOD_TYPES,
	type Catalog,
	type DocumentEntry,
	type FigureRow,
	type Measure,
	type PeriodType
} from '../data/schema.js';
import { citedIds, parseCited, type Segment } from './chart-text.js';
import { parseDecimal } from './decimal.js';
import type { Rejection, RejectionReason } from './table.js';
import { readYaml, type YamlNode } from './yaml.js';

export const CHART_KINDS = ['bars', 'lines', 'share', 'waterfall', 'progress'] as const;
export const DIMENSIONS = ['sector', 'indicator', 'period', 'measure', 'area', 'document'] as const;

export type ChartFilter = Omit<FigureFilter, 'statements'>;
export interface CitedText {
	zh: Segment[];
	en: Segment[];
}

/** One declared chart: the question it asks (a filter) and how it is drawn. */
export interface ChartDecl {
	id: string;
	/** Cited like the notes: a number in a title comes from its figure, never typed. */
	title: CitedText;
	kind: (typeof CHART_KINDS)[number];
	filter: ChartFilter;
	category: (typeof DIMENSIONS)[number];
	series: (typeof DIMENSIONS)[number];
	/** Keep every statement (one bar per document) instead of one per quantity. */
	statements?: boolean;
	notes?: CitedText[];
	/** The figures the title and notes cite, for the page to fill them in. */
	cites?: string[];
}

export interface ChartsFile {
	/** Each topic's charts in reading order, by topic id. */
	topics: Record<string, ChartDecl[]>;
	overview: {
		headlines: { indicator: string; sector?: string }[];
		/** Each topic's lead chart; `change` is a second view of it behind a switch. */
		leads: { topic: string; chart: string; change?: string }[];
	};
	compare: { default: { indicators: string[]; sectors: string[]; periods: string[] } };
	reports: { minFigures: number; maxCharts: number };
}

export const EMPTY_CHARTS: ChartsFile = {
	topics: {},
	overview: { headlines: [], leads: [] },
	compare: { default: { indicators: [], sectors: [], periods: [] } },
	reports: { minFigures: 3, maxCharts: 6 }
};

interface Context {
	catalog: Catalog;
	documents: DocumentEntry[];
	figures: FigureRow[];
	/**
	 * Ids of figure rows refused elsewhere (their problems are reported there). While any row
	 * is refused, a chart is not told it finds nothing or names an unknown period: the figures
	 * it asks for may be among them.
	 */
	refused?: ReadonlySet<string>;
}

const incomplete = (ctx: Context) => (ctx.refused?.size ?? 0) > 0;
const knownFigures = (ctx: Context) =>
	new Set([...ctx.figures.map((f) => f.id), ...(ctx.refused ?? [])]);

/** Reads one YAML file's nodes, collecting every problem with its line and field path. */
class Reader {
	problems: Rejection[] = [];
	constructor(readonly file: string) {}

	problem(line: number, field: string, reason: RejectionReason, message: string): void {
		this.problems.push({ file: this.file, line, field, reason, message });
	}

	map(node: YamlNode | undefined, field: string, keys: readonly string[], line = 1) {
		if (node?.kind !== 'map') {
			this.problem(node?.line ?? line, field, 'bad-value', 'expected a map of fields');
			return null;
		}
		for (const [key, { line: at }] of node.entries)
			if (!keys.includes(key))
				this.problem(at, join2(field, key), 'unknown-field', `expected one of ${keys.join(', ')}`);
		return node.entries;
	}

	list(node: YamlNode | undefined, field: string, line: number): YamlNode[] | null {
		if (node === undefined) return null;
		if (node.kind !== 'list') {
			this.problem(node.line || line, field, 'bad-value', 'expected a list');
			return null;
		}
		return node.items;
	}

	text(node: YamlNode | undefined, field: string, line: number, required = true): string | null {
		if (node === undefined || (node.kind === 'text' && node.value === '')) {
			if (required) this.problem(node?.line ?? line, field, 'empty-field', 'is required');
			return null;
		}
		if (node.kind !== 'text') {
			this.problem(node.line, field, 'bad-value', 'expected text');
			return null;
		}
		return node.value;
	}

	texts(node: YamlNode | undefined, field: string, line: number): string[] | null {
		const items = this.list(node, field, line);
		if (!items) return null;
		return items.flatMap((item, i) => this.text(item, `${field}[${i}]`, line) ?? []);
	}

	oneOf<T extends string>(
		node: YamlNode | undefined,
		field: string,
		line: number,
		allowed: readonly T[]
	): T | null {
		const value = this.text(node, field, line);
		if (value === null) return null;
		if (allowed.includes(value as T)) return value as T;
		this.problem(node!.line, field, 'bad-value', `"${value}" is not one of ${allowed.join(', ')}`);
		return null;
	}

	flag(node: YamlNode | undefined, field: string, line: number): boolean | undefined {
		if (node === undefined) return undefined;
		const value = this.oneOf(node, field, line, ['true', 'false']);
		return value === null ? undefined : value === 'true';
	}
}

const join2 = (field: string, key: string) => (field ? `${field}.${key}` : key);

const FILTER_KEYS = [
	'indicators',
	'ids',
	'sectors',
	'docs',
	'measures',
	'sector_group',
	'with_total',
	'periods',
	'period_types',
	'areas'
] as const;

const CHART_KEYS = [
	'id',
	'title',
	'kind',
	'filter',
	'category',
	'series',
	'statements',
	'notes'
] as const;

/** The rows a filter finds, as chartFigures' WHERE clause finds them. */
export function filterRows(filter: ChartFilter, figures: FigureRow[]): FigureRow[] {
	const has = <T>(list: T[] | undefined, value: T) => !list?.length || list.includes(value);
	const areas = filter.areas ?? ['baoshan'];
	return figures.filter(
		(f) =>
			filter.indicators.includes(f.indicator_id) &&
			has(filter.measures, f.measure) &&
			(filter.sectorGroup === undefined ||
				(filter.sectorGroup === null
					? f.sector_id === null
					: f.sector_group === filter.sectorGroup ||
						(!!filter.withTotal && f.sector_id === null))) &&
			has(filter.ids, f.id) &&
			has(filter.docs, f.doc_id) &&
			(!filter.sectors?.length || (f.sector_id !== null && filter.sectors.includes(f.sector_id))) &&
			has(filter.periods, f.period) &&
			has(filter.periodTypes, f.period_type) &&
			areas.includes(f.area_id)
	);
}

function checkIds(
	r: Reader,
	ids: string[] | null,
	known: Set<string>,
	at: { field: string; line: number; reason: RejectionReason; what: string }
): void {
	for (const id of ids ?? [])
		if (!known.has(id)) r.problem(at.line, at.field, at.reason, `no ${at.what} "${id}"`);
}

function readFilter(
	r: Reader,
	node: YamlNode | undefined,
	field: string,
	line: number,
	ctx: Context,
	keys: readonly string[] = FILTER_KEYS
): ChartFilter | null {
	const entries = r.map(node, field, keys, line);
	if (!entries) return null;
	const at = (key: string) => entries.get(key)?.line ?? node!.line;
	const list = (key: string) => r.texts(entries.get(key)?.value, join2(field, key), at(key));
	const { catalog, documents, figures } = ctx;
	const indicators = list('indicators');
	if (!indicators?.length) {
		r.problem(
			at('indicators'),
			join2(field, 'indicators'),
			'empty-field',
			'name at least one indicator'
		);
		return null;
	}
	const check = (
		key: string,
		ids: string[] | null,
		known: Iterable<string>,
		reason: RejectionReason,
		what: string
	) => checkIds(r, ids, new Set(known), { field: join2(field, key), line: at(key), reason, what });
	check(
		'indicators',
		indicators,
		catalog.indicators.map((i) => i.id),
		'unknown-indicator',
		'indicator'
	);
	const filter: ChartFilter = { indicators };
	// every other list of ids, each held to what exists
	const known: [string, Iterable<string>, RejectionReason, string][] = [
		['sectors', catalog.sectors.map((s) => s.id), 'unknown-sector', 'sector'],
		['ids', figures.map((f) => f.id), 'unknown-figure', 'figure'],
		['docs', documents.map((d) => d.id), 'unknown-document', 'document'],
		['areas', catalog.areas.map((a) => a.id), 'unknown-area', 'area'],
		['measures', MEASURES, 'unknown-measure', 'measure'],
		['period_types', PERIOD_TYPES, 'period-unreadable', 'kind of period']
	];
	const [sectors, ids, docs, areas, measures, periodTypes] = known.map(
		([key, existing, reason, what]) => {
			const found = list(key);
			check(key, found, existing, reason, what);
			return found;
		}
	);
	const periods = list('periods');
	if (!incomplete(ctx))
		check(
			'periods',
			periods,
			figures.filter((f) => indicators.includes(f.indicator_id)).map((f) => f.period),
			'period-unreadable',
			`period of ${indicators.join(', ')} stated as`
		);
	const group = entries.get('sector_group');
	if (group) {
		const value = r.text(group.value, join2(field, 'sector_group'), group.line);
		if (value === 'null') filter.sectorGroup = null;
		else if (value !== null) {
			filter.sectorGroup = value;
			check(
				'sector_group',
				[value],
				catalog.groups.map((g) => g.id),
				'unknown-sector',
				'sector group'
			);
		}
	}
	const withTotal = r.flag(
		entries.get('with_total')?.value,
		join2(field, 'with_total'),
		at('with_total')
	);
	if (withTotal) filter.withTotal = true;
	if (ids) filter.ids = ids;
	if (sectors) filter.sectors = sectors;
	if (docs) filter.docs = docs;
	if (measures) filter.measures = measures as Measure[];
	if (periods) filter.periods = periods;
	if (periodTypes) filter.periodTypes = periodTypes as PeriodType[];
	if (areas) filter.areas = areas;
	return filter;
}

function readCited(
	r: Reader,
	node: YamlNode | undefined,
	field: string,
	line: number,
	ctx: Context
): CitedText | null {
	const entries = r.map(node, field, ['zh', 'en'], line);
	if (!entries) return null;
	const known = knownFigures(ctx);
	const out: Partial<CitedText> = {};
	for (const lang of ['zh', 'en'] as const) {
		const entry = entries.get(lang);
		const text = r.text(entry?.value, join2(field, lang), entry?.line ?? node!.line);
		if (text === null) continue;
		const { segments, problems } = parseCited(text);
		for (const p of problems) r.problem(entry!.line, join2(field, lang), p.reason, p.message);
		for (const id of citedIds(segments))
			if (!known.has(id))
				r.problem(entry!.line, join2(field, lang), 'unknown-figure', `cites no figure "${id}"`);
		out[lang] = segments;
	}
	return out.zh && out.en ? (out as CitedText) : null;
}

const CHART_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function readChart(r: Reader, node: YamlNode, field: string, ctx: Context): ChartDecl | null {
	const entries = r.map(node, field, CHART_KEYS, node.line);
	if (!entries) return null;
	const at = (key: string) => entries.get(key)?.line ?? node.line;
	const get = (key: string) => entries.get(key)?.value;
	const id = r.text(get('id'), join2(field, 'id'), at('id'));
	if (id !== null && !CHART_ID.test(id))
		r.problem(at('id'), join2(field, 'id'), 'bad-value', `"${id}" is not a kebab-case id`);
	const title = readCited(r, get('title'), join2(field, 'title'), at('title'), ctx);
	const kind = r.oneOf(get('kind'), join2(field, 'kind'), at('kind'), CHART_KINDS);
	const category = r.oneOf(get('category'), join2(field, 'category'), at('category'), DIMENSIONS);
	const series = r.oneOf(get('series'), join2(field, 'series'), at('series'), DIMENSIONS);
	const statements = r.flag(get('statements'), join2(field, 'statements'), at('statements'));
	const filter = readFilter(r, get('filter'), join2(field, 'filter'), at('filter'), ctx);
	const noteNodes = r.list(get('notes'), join2(field, 'notes'), at('notes'));
	const notes = (noteNodes ?? []).flatMap(
		(n, i) => readCited(r, n, `${field}.notes[${i}]`, n.line, ctx) ?? []
	);
	if (filter) checkRows(r, filter, { field: join2(field, 'filter'), line: at('filter') }, ctx);
	if (id === null || !title || !kind || !category || !series || !filter) return null;
	const chart: ChartDecl = { id, title, kind, filter, category, series };
	if (statements) chart.statements = true;
	if (notes.length) chart.notes = notes;
	const cites = [
		...new Set([title, ...notes].flatMap((n) => [...citedIds(n.zh), ...citedIds(n.en)]))
	];
	if (cites.length) chart.cites = cites;
	return chart;
}

/** A chart's filter finds rows, and they share one unit: one value axis, one unit. */
function checkRows(
	r: Reader,
	filter: ChartFilter,
	at: { field: string; line: number },
	ctx: Context
) {
	const rows = filterRows(filter, ctx.figures);
	if (!rows.length) {
		if (incomplete(ctx)) return;
		r.problem(
			at.line,
			at.field,
			'no-rows',
			'finds no figure: check its indicators, sectors, periods and measures'
		);
		return;
	}
	const units = new Map<string, string>();
	for (const row of rows) if (!units.has(row.base_unit)) units.set(row.base_unit, row.id);
	if (units.size > 1)
		r.problem(
			at.line,
			at.field,
			'unit-mismatch',
			`mixes units on one axis: ${[...units].map(([u, id]) => `${u} (${id})`).join(', ')}`
		);
}

function readTopic(path: string, root: string, topic: string, ctx: Context) {
	const yaml = readYaml(path, root);
	const r = new Reader(yaml.file);
	r.problems.push(...yaml.problems);
	if (!ctx.catalog.topics.some((t) => t.id === topic))
		r.problem(
			1,
			'(file)',
			'unknown-topic',
			`no topic "${topic}" in catalog/topics.csv: name the file after a topic`
		);
	const charts: ChartDecl[] = [];
	if (yaml.root) {
		const entries = r.map(yaml.root, '', ['charts']);
		const items = entries ? r.list(entries.get('charts')?.value, 'charts', 1) : null;
		const seen = new Set<string>();
		for (const [i, item] of (items ?? []).entries()) {
			const chart = readChart(r, item, `charts[${i}]`, ctx);
			if (!chart) continue;
			if (seen.has(chart.id))
				r.problem(
					item.line,
					`charts[${i}].id`,
					'duplicate',
					`chart "${chart.id}" is declared twice in this topic`
				);
			seen.add(chart.id);
			charts.push(chart);
		}
	}
	return { charts, problems: r.problems };
}

function readOverview(path: string, root: string, topics: ChartsFile['topics'], ctx: Context) {
	const yaml = readYaml(path, root);
	const r = new Reader(yaml.file);
	r.problems.push(...yaml.problems);
	const overview: ChartsFile['overview'] = { headlines: [], leads: [] };
	const entries = yaml.root ? r.map(yaml.root, '', ['headlines', 'leads']) : null;
	if (!entries) return { overview, problems: r.problems };
	for (const [i, node] of (
		r.list(entries.get('headlines')?.value, 'headlines', 1) ?? []
	).entries()) {
		const field = `headlines[${i}]`;
		const h = r.map(node, field, ['indicator', 'sector'], node.line);
		if (!h) continue;
		const indicator = r.text(h.get('indicator')?.value, `${field}.indicator`, node.line);
		const sector = r.text(h.get('sector')?.value, `${field}.sector`, node.line, false);
		if (indicator === null) continue;
		checkIds(r, [indicator], new Set(ctx.catalog.indicators.map((x) => x.id)), {
			field: `${field}.indicator`,
			line: node.line,
			reason: 'unknown-indicator',
			what: 'indicator'
		});
		if (sector !== null)
			checkIds(r, [sector], new Set(ctx.catalog.sectors.map((x) => x.id)), {
				field: `${field}.sector`,
				line: node.line,
				reason: 'unknown-sector',
				what: 'sector'
			});
		const found = ctx.figures.some(
			(f) =>
				f.indicator_id === indicator &&
				f.sector_id === sector &&
				f.area_id === 'baoshan' &&
				!f.derived
		);
		if (!found && !incomplete(ctx))
			r.problem(
				node.line,
				field,
				'no-rows',
				`no stated figure of ${indicator}${sector ? ` in ${sector}` : ''}`
			);
		overview.headlines.push(sector === null ? { indicator } : { indicator, sector });
	}
	for (const [i, node] of (r.list(entries.get('leads')?.value, 'leads', 1) ?? []).entries()) {
		const field = `leads[${i}]`;
		const lead = r.map(node, field, ['topic', 'chart', 'change'], node.line);
		if (!lead) continue;
		const topic = r.text(lead.get('topic')?.value, `${field}.topic`, node.line);
		const chart = r.text(lead.get('chart')?.value, `${field}.chart`, node.line);
		const change = r.text(lead.get('change')?.value, `${field}.change`, node.line, false);
		if (topic === null || chart === null) continue;
		const declared = topics[topic];
		if (!declared) {
			r.problem(
				node.line,
				`${field}.topic`,
				'unknown-topic',
				`no charts declared for topic "${topic}"`
			);
			continue;
		}
		for (const [key, id] of [
			['chart', chart],
			['change', change]
		] as const)
			if (id !== null && !declared.some((c) => c.id === id))
				r.problem(
					lead.get(key)!.line,
					`${field}.${key}`,
					'unknown-chart',
					`topic ${topic} declares no chart "${id}"`
				);
		overview.leads.push(change === null ? { topic, chart } : { topic, chart, change });
	}
	return { overview, problems: r.problems };
}

function readCompare(path: string, root: string, ctx: Context) {
	const yaml = readYaml(path, root);
	const r = new Reader(yaml.file);
	r.problems.push(...yaml.problems);
	const compare: ChartsFile['compare'] = { default: { indicators: [], sectors: [], periods: [] } };
	const entries = yaml.root ? r.map(yaml.root, '', ['default']) : null;
	const node = entries?.get('default');
	if (!node) {
		if (entries) r.problem(1, 'default', 'empty-field', 'the comparison needs a default choice');
		return { compare, problems: r.problems };
	}
	const keys = ['indicators', 'sectors', 'periods'];
	const filter = readFilter(r, node.value, 'default', node.line, ctx, keys);
	if (filter) {
		// every area, as the comparison asks; it may mix units (one chart per unit), not find nothing
		const areas = ctx.catalog.areas.map((a) => a.id);
		if (!filterRows({ ...filter, areas }, ctx.figures).length && !incomplete(ctx))
			r.problem(node.line, 'default', 'no-rows', 'finds no figure');
		compare.default = {
			indicators: filter.indicators,
			sectors: filter.sectors ?? [],
			periods: filter.periods ?? []
		};
	}
	return { compare, problems: r.problems };
}

function readReports(path: string, root: string) {
	const yaml = readYaml(path, root);
	const r = new Reader(yaml.file);
	r.problems.push(...yaml.problems);
	const reports = { ...EMPTY_CHARTS.reports };
	const entries = yaml.root ? r.map(yaml.root, '', ['min_figures', 'max_charts']) : null;
	for (const [key, name] of [
		['min_figures', 'minFigures'],
		['max_charts', 'maxCharts']
	] as const) {
		const entry = entries?.get(key);
		const text = r.text(entry?.value, key, entry?.line ?? 1);
		if (text === null) continue;
		const read = parseDecimal(text, { integer: true, negative: false });
		if (read.ok && read.value > 0) reports[name] = read.value;
		else r.problem(entry!.line, key, 'bad-number', `"${text}" is not a whole number above 0`);
	}
	return { reports, problems: r.problems };
}

/** Read and check every file of `data/charts/`; a missing folder declares no charts. */
export function buildCharts(
	dataDir: string,
	ctx: Context,
	root = process.cwd()
): { charts: ChartsFile; rejections: Rejection[] } {
	const dir = join(dataDir, 'charts');
	const rejections: Rejection[] = [];
	const charts: ChartsFile = structuredClone(EMPTY_CHARTS);
	if (!existsSync(dir)) return { charts, rejections };
	const topicsDir = join(dir, 'topics');
	const files = existsSync(topicsDir)
		? readdirSync(topicsDir)
				.filter((f) => f.endsWith('.yaml'))
				.sort()
		: [];
	for (const name of files) {
		const topic = name.replace(/\.yaml$/, '');
		const read = readTopic(join(topicsDir, name), root, topic, ctx);
		charts.topics[topic] = read.charts;
		rejections.push(...read.problems);
	}
	const file = (name: string) => (existsSync(join(dir, name)) ? join(dir, name) : null);
	const overview = file('overview.yaml');
	if (overview) {
		const read = readOverview(overview, root, charts.topics, ctx);
		charts.overview = read.overview;
		rejections.push(...read.problems);
	}
	const compare = file('compare.yaml');
	if (compare) {
		const read = readCompare(compare, root, ctx);
		charts.compare = read.compare;
		rejections.push(...read.problems);
	}
	const reports = file('reports.yaml');
	if (reports) {
		const read = readReports(reports, root);
		charts.reports = read.reports;
		rejections.push(...read.problems);
	}
	for (const name of readdirSync(dir))
		if (!['topics', 'overview.yaml', 'compare.yaml', 'reports.yaml', 'README.md'].includes(name))
			rejections.push({
				file: relative(root, join(dir, name)),
				line: 1,
				field: '(file)',
				reason: 'unknown-field',
				message: 'data/charts holds topics/, overview.yaml, compare.yaml and reports.yaml'
			});
	return { charts, rejections };
}
