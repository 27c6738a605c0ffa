/**
 * Panels: a chart on a page, declared as the question it asks (a figure filter), the chart
 * that answers it, and which dimension goes where. Topic pages declare theirs in data/charts/
 * (through `$lib/registry`); indicator pages get theirs from `autoPanels`. `buildPanel` turns a panel's rows into what its chart draws.
 */
import { formatInUnit, unitLabel, type Lang } from '$lib/charts/format.js';
import type { ProgressData } from '$lib/charts/progress-layout.js';
import type { ShareData } from '$lib/charts/share-layout.js';
import type { AxisUnit, SeriesDef } from '$lib/charts/types.js';
import { closingGap, waterfallSeries, type WaterfallData } from '$lib/charts/waterfall-layout.js';
import {
	chartFigures,
	chartFiguresBatch,
	splitBatch,
	type ChartRow,
	type FigureFilter
} from '$lib/data/queries.js';
import type { Coordinator } from '$lib/data/coordinator.js';
import { run, type Db, type Query } from '$lib/data/query.js';
import type { Measure } from '$lib/data/schema.js';
import type { ChartDecl } from '$lib/dataset/charts.js';
import {
	describeBars,
	describeLines,
	detailLines,
	docTitle,
	indicatorName,
	chartUnit,
	markLabel,
	MEASURE_NAMES,
	otherAreaName,
	periodLabel,
	sectorName,
	sourcesOf,
	statusesOf,
	statusOf,
	tableRow,
	toBars,
	toLines,
	type BarView,
	type LineView
} from '$lib/series.js';
import { sentenceOf } from '$lib/links.js';
import { count, FIGURE_NOTES, say } from '$lib/messages.js';
import { significantDigits } from '$lib/charts/precision.js';
import { lengthSlug, lengthTitle, periodLength } from '$lib/period-length.js';

export type Text = import('$lib/messages.js').Text;
/** What a chart's axis or colours can show, and the kinds of chart: as data/charts/ declares them. */
export type Dimension = ChartDecl['category'];
export type PanelKind = ChartDecl['kind'];

export interface PanelSpec {
	/** Unique on its page; becomes the figure's data-chart. */
	id: string;
	title: Text;
	kind: PanelKind;
	filter: FigureFilter;
	category: Dimension;
	series: Dimension;
	notes?: Text[];
	/** Keep every statement (one bar per document) instead of one per quantity. */
	statements?: boolean;
}

export function panelQuery(spec: PanelSpec): Query<ChartRow> {
	return chartFigures({ ...spec.filter, statements: spec.statements });
}

/**
 * Several panels' questions as one query (one message to DuckDB-WASM), answered per panel: on
 * `db` directly, or, without one, through the pages' coordinator (remembered answers, questions
 * nobody waits for any more never sent).
 */
export async function runPanels(
	specs: PanelSpec[],
	db?: Db,
	signal?: AbortSignal
): Promise<Record<string, ChartRow[]>> {
	const filters = specs.map((s) => ({ ...s.filter, statements: s.statements }));
	const lists = db
		? splitBatch(await run(chartFiguresBatch(filters), db), specs.length)
		: await (await coordinator()).charts(filters, signal);
	return Object.fromEntries(specs.map((spec, i) => [spec.id, lists[i]!]));
}

/**
 * Ask ahead, through the pages' coordinator, the panels of states a reader may choose next
 * (one list of specs per state); choosing one is then answered from memory.
 */
export async function prefetchPanels(states: PanelSpec[][], signal?: AbortSignal): Promise<void> {
	(await coordinator()).prefetch(
		states.map((specs) => specs.map((s) => ({ ...s.filter, statements: s.statements }))),
		signal
	);
}

/**
 * Offer the pages' coordinator a page's prerendered panel rows as the engine's answers to the
 * panels' questions, answered by the build from the dataset of `version`: kept only if the
 * engine holds the same (Coordinator.seed). Called before the page asks anything, its seeds are
 * compared before any of the page's questions is sent.
 */
export async function seedPanels(
	specs: PanelSpec[],
	rows: Record<string, ChartRow[]>,
	version: string | null
): Promise<void> {
	if (version === null) return;
	const pages = await coordinator();
	for (const spec of specs) {
		const answer = rows[spec.id];
		if (answer) pages.seed({ ...spec.filter, statements: spec.statements }, answer, version);
	}
}

let loading: Promise<Coordinator> | undefined;

/**
 * The pages' coordinator, loaded once: every caller waits on the same promise, so calls reach
 * it in the order they were made (a seed before the question asked after it).
 */
function coordinator(): Promise<Coordinator> {
	loading ??= import('./data/coordinator.js').then((m) => m.pagesCoordinator());
	return loading;
}

const DISTRICT: Text = { zh: '全区合计', en: 'District total' };

function label(
	row: ChartRow,
	dimension: Dimension,
	lang: Lang,
	quarterNote: boolean
): { key: string; label: string } {
	switch (dimension) {
		case 'sector':
			return { key: row.sector_id ?? '', label: sectorName(row, lang) ?? DISTRICT[lang] };
		case 'indicator':
			return { key: row.indicator_id, label: indicatorName(row, lang) };
		case 'period': {
			const text = periodLabel(row, lang);
			const quarter = quarterNote && row.period_type === 'quarter';
			return {
				key: `${row.period}|${row.measure === 'target' ? 'target' : ''}`,
				label: quarter ? (lang === 'zh' ? `${text}（季度值）` : `${text} (one quarter)`) : text
			};
		}
		case 'measure':
			return { key: row.measure, label: MEASURE_NAMES[row.measure][lang] };
		case 'area':
			return { key: row.area_id, label: lang === 'zh' ? row.area_zh : row.area_en };
		case 'document': {
			const sector = sectorName(row, lang);
			return {
				key: `${row.doc_id}|${row.sector_id ?? ''}`,
				label: sector ? `${sector} · ${docTitle(row, lang)}` : docTitle(row, lang)
			};
		}
	}
}

/** What every chart's frame needs, whichever chart draws the panel. */
export interface Common {
	table: BarView['table'];
	sources: BarView['sources'];
	statuses: BarView['statuses'];
	unitText: string;
}

export interface PanelView {
	spec: PanelSpec;
	kind: PanelKind;
	title: string;
	subtitle: string;
	notes: string[];
	summary: string;
	/** Legend entries (series); empty for charts that explain themselves. */
	legend: SeriesDef[];
	bars?: BarView;
	lines?: LineView;
	share?: ShareData;
	waterfall?: WaterfallData;
	progress?: ProgressData;
	common: Common;
	/** The dimensions the chart shows (by position, colour or role): rows may differ in these only. */
	encodes: Dimension[];
	/** The value axis: every label, tooltip and table value of the chart is in this unit. */
	axis: AxisUnit;
	/** The rows the panel draws, for its CSV and its briefing sources. */
	rows: ChartRow[];
	/** Figures drawn of which the bulletin gives another value, and the note (in `notes`) that says so. */
	disputed: { figures: string[]; note: string } | null;
}

/** What a bar or line chart shows of its rows: its category and series, and a line's time axis. */
function encodesOf(spec: PanelSpec): Dimension[] {
	const shown = new Set<Dimension>([spec.category, spec.series]);
	if (spec.kind === 'lines') shown.add('period');
	// a document's label names its sector; a period's key tells a target from a level
	if (shown.has('document')) shown.add('sector');
	if (shown.has('period')) shown.add('measure');
	return [...shown];
}

/** What the special charts show by the roles of their marks. */
const ROLE_ENCODES: Record<'share' | 'waterfall' | 'progress', Dimension[]> = {
	share: ['sector'],
	waterfall: ['indicator', 'sector', 'period', 'measure'],
	progress: ['indicator', 'sector', 'period', 'measure']
};

/** Period words for a subtitle: 2022年末 / 2023年末, or 2021—2023年. */
function periodsText(rows: ChartRow[], lang: Lang): string {
	const periods = [
		...new Map(rows.map((r) => [r.period + r.measure, periodLabel(r, lang)])).values()
	];
	if (periods.length <= 3) return periods.join(' / ');
	return `${periods[0]} … ${periods.at(-1)}`;
}

/**
 * The area every drawn row shares, when it is another than the district (a chart of the city's
 * figures only), for a subtitle that does not leave the reader to assume the district.
 */
function otherArea(rows: ChartRow[], lang: Lang): string | null {
	const areas = new Set(rows.map((r) => r.area_id));
	const [first] = rows;
	return areas.size === 1 && first ? otherAreaName(first, lang) : null;
}

export function buildPanel(spec: PanelSpec, rows: ChartRow[], lang: Lang): PanelView {
	const panel = panelView(spec, rows, lang);
	const drawn = new Set(panel.common.table.map((t) => t.figure));
	const area = otherArea(
		rows.filter((r) => drawn.has(r.id)),
		lang
	);
	const view =
		area && !panel.title.includes(area)
			? { ...panel, subtitle: `${area} · ${panel.subtitle}` }
			: panel;
	const disputed = disputedNote(
		rows.filter((r) => drawn.has(r.id)),
		lang
	);
	if (disputed) view.notes = [...view.notes, disputed.note];
	const axis = (view.bars?.chart ?? view.lines ?? view.share ?? view.waterfall ?? view.progress)
		?.unit ?? { divisor: 1, label: '' };
	const encodes =
		spec.kind === 'bars' || spec.kind === 'lines' ? encodesOf(spec) : ROLE_ENCODES[spec.kind];
	return { ...view, encodes, axis, rows, disputed };
}

/**
 * A chart draws one statement per quantity. Where the bulletin gives another value for one it
 * draws (a discrepancy between statements, or derived values that disagree: the row is
 * `disputed`), a note names those figures; the chart audit holds every disputed mark to it.
 */
function disputedNote(drawn: ChartRow[], lang: Lang): PanelView['disputed'] {
	const disputed = drawn.filter((r) => r.disputed);
	if (!disputed.length) return null;
	const names = disputed.map((r) =>
		[indicatorName(r, lang), sectorName(r, lang), periodLabel(r, lang)].filter(Boolean).join(' · ')
	);
	return {
		figures: disputed.map((r) => r.id),
		note: say(FIGURE_NOTES.disputedDrawn, lang, {
			figures: [...new Set(names)].join(lang === 'zh' ? '；' : '; ')
		})
	};
}

/**
 * The rows a panel draws as marks (its table lists each): a query may bring rows the chart only
 * checks against, such as a total beside its parts. Exports carry these and no others.
 */
export function drawnRows(panel: PanelView): ChartRow[] {
	const drawn = new Set(panel.common.table.map((t) => t.figure));
	return panel.rows.filter((r) => drawn.has(r.id));
}

function panelView(
	spec: PanelSpec,
	rows: ChartRow[],
	lang: Lang
): Omit<PanelView, 'rows' | 'encodes' | 'axis' | 'disputed'> {
	const mixesQuarters =
		rows.some((r) => r.period_type === 'quarter') && rows.some((r) => r.period_type !== 'quarter');
	const seriesKeys = new Map<string, number>();
	const derivedOnly = new Map<string, boolean>();
	for (const row of rows) {
		const { key } = label(row, spec.series, lang, mixesQuarters);
		derivedOnly.set(key, (derivedOnly.get(key) ?? true) && row.derived);
	}
	const seriesOf = (row: ChartRow): SeriesDef => {
		const { key, label: text } = label(row, spec.series, lang, mixesQuarters);
		if (!seriesKeys.has(key)) seriesKeys.set(key, seriesKeys.size);
		const index = seriesKeys.get(key)!;
		// a series of derived values only is grey: the hatch says derived, the grey says "not stated"
		const color = derivedOnly.get(key) ? 3 : [0, 1, 2, 4, 5][index % 5]!;
		return { key, label: text, color, order: index };
	};
	const notes = (spec.notes ?? []).map((n) => n[lang]);
	if (mixesQuarters) {
		notes.push(
			lang === 'zh'
				? '季度值只覆盖一个季度，不能与全年值直接比较。'
				: 'Quarterly values cover one quarter and are not comparable with full-year values.'
		);
	}
	if (rows.some((r) => r.derived)) {
		notes.push(
			lang === 'zh'
				? '斜线标示的数值由公式推算，并非报告原文所述；公式见数据表。'
				: 'Hatched values are derived by formula, not stated in the reports; the table shows each formula.'
		);
	}
	const title = spec.title[lang];
	if (spec.kind === 'share' || spec.kind === 'waterfall' || spec.kind === 'progress') {
		return buildSpecial(spec, rows, lang, notes);
	}
	if (spec.kind === 'lines') {
		const lines = toLines(rows, {
			lang,
			series: seriesOf,
			subject: (r) => label(r, spec.category, lang, false).label
		});
		return {
			spec,
			kind: 'lines',
			title,
			subtitle: `${lines.unitText} · ${periodsText(rows, lang)}`,
			notes,
			summary: describeLines(lines, lang),
			legend: lines.series,
			lines,
			common: lines
		};
	}
	const bars = toBars(rows, {
		lang,
		category: (r) => label(r, spec.category, lang, false),
		series: seriesOf
	});
	return {
		spec,
		kind: 'bars',
		title,
		subtitle: `${bars.unitText} · ${periodsText(rows, lang)}`,
		notes,
		summary: describeBars(bars, lang),
		legend: bars.chart.series,
		bars,
		common: bars
	};
}

function common(
	rows: ChartRow[],
	lang: Lang,
	unitText: string,
	subject: (r: ChartRow) => string,
	shown: (r: ChartRow) => string
): Common {
	return {
		table: rows.map((r) => tableRow(r, subject(r), periodLabel(r, lang), lang, shown(r))),
		sources: sourcesOf(rows, lang),
		statuses: statusesOf(rows),
		unitText
	};
}

function axisUnit(rows: ChartRow[], lang: Lang) {
	const unit = chartUnit(rows, lang);
	return { unit, axis: { divisor: unit.divisor, label: unitLabel(unit, lang) } };
}

/**
 * A part-to-whole chart's total: 合计, or its own name and period when it is another quantity
 * (95 problems found over 2019–2023 beside their status on 26 June 2024).
 */
function wholeLabel(total: ChartRow, parts: ChartRow[], lang: Lang): string {
	const same = parts.every(
		(p) =>
			p.indicator_id === total.indicator_id &&
			p.period === total.period &&
			p.measure === total.measure
	);
	if (same) return lang === 'zh' ? '合计' : 'Total';
	return `${indicatorName(total, lang)} · ${periodLabel(total, lang)}`;
}

/**
 * Part-to-whole, stocks and flows, progress to target: charts whose marks play roles (a part,
 * the whole, an opening stock, a flow, a target) that the panel works out from its rows.
 */
function buildSpecial(
	spec: PanelSpec,
	rows: ChartRow[],
	lang: Lang,
	notes: string[]
): Omit<PanelView, 'rows' | 'encodes' | 'axis' | 'disputed'> {
	const { unit, axis } = axisUnit(rows, lang);
	const name = (r: ChartRow) => sectorName(r, lang) ?? indicatorName(r, lang);
	const shown = (r: ChartRow) => markLabel(r, unit, lang);
	const base = { spec, kind: spec.kind, title: spec.title[lang], notes, legend: [] as SeriesDef[] };
	const periods = [...new Set(rows.map((r) => periodLabel(r, lang)))].join(' / ');
	const unitText = unitLabel(unit, lang) || (lang === 'zh' ? '数量' : 'number');

	if (spec.kind === 'share') {
		const total = rows.find((r) => r.sector_id === null);
		const parts = rows.filter((r) => r.sector_id !== null);
		const share: ShareData = {
			lang,
			unit: axis,
			digits: Math.max(...rows.map((r) => significantDigits(r.value_text))),
			parts: parts.map((r) => ({
				figure: r.id,
				key: r.sector_id!,
				label: name(r),
				value: r.base_value,
				status: statusOf(r),
				valueLabel: shown(r),
				detail: detailLines(r, name(r), lang, shown(r)),
				href: sentenceOf(r, lang)
			})),
			total: total && {
				figure: total.id,
				label: wholeLabel(total, parts, lang),
				value: total.base_value,
				valueLabel: shown(total),
				status: statusOf(total),
				detail: detailLines(total, indicatorName(total, lang), lang, shown(total)),
				href: sentenceOf(total, lang)
			}
		};
		const sum = parts.reduce((a, r) => a + r.base_value, 0);
		const summary =
			lang === 'zh'
				? `${count(parts.length, 'part', lang)}${total ? `，合计${shown(total)}` : ''}；最大为${name(parts.reduce((a, b) => (b.base_value > a.base_value ? b : a)))}。`
				: `${count(parts.length, 'part', lang)}${total ? ` of ${shown(total)}` : ''}; the largest is ${name(parts.reduce((a, b) => (b.base_value > a.base_value ? b : a)))}.`;
		if (total && Math.abs(sum - total.base_value) > 1e-6 * Math.abs(total.base_value)) {
			notes.push(
				lang === 'zh'
					? `各部分之和为${formatInUnit(sum, unit, lang)}，与合计不符。`
					: `The parts add up to ${formatInUnit(sum, unit, lang)}, not the total.`
			);
		}
		return {
			...base,
			subtitle: `${unitText} · ${periods}`,
			summary,
			share,
			common: common(rows, lang, unitText, name, shown)
		};
	}

	if (spec.kind === 'waterfall') {
		// the first indicator holds the stocks; the others are flows, broken down where they can be
		const [stockId, ...flowIds] = spec.filter.indicators;
		const stocks = rows
			.filter((r) => r.indicator_id === stockId)
			.sort((a, b) => a.period.localeCompare(b.period));
		const flows = flowIds.flatMap((id) => {
			const of = rows.filter((r) => r.indicator_id === id);
			return of.some((r) => r.sector_id) ? of.filter((r) => r.sector_id) : of;
		});
		const step = (r: ChartRow, kind: 'total' | 'delta') => ({
			figure: r.id,
			label:
				kind === 'total'
					? `${indicatorName(r, lang)} · ${periodLabel(r, lang)}`
					: `${indicatorName(r, lang)} · ${name(r)}`,
			kind,
			value: r.base_value,
			status: statusOf(r),
			valueLabel: shown(r),
			detail: detailLines(r, name(r), lang, shown(r)),
			href: sentenceOf(r, lang)
		});
		const ordered = [stocks[0], ...flows, ...stocks.slice(1)].filter(
			(r): r is ChartRow => r !== undefined
		);
		const waterfall: WaterfallData = {
			lang,
			unit: axis,
			steps: [
				...(stocks[0] ? [step(stocks[0], 'total')] : []),
				...flows.map((r) => step(r, 'delta')),
				...stocks.slice(1).map((r) => step(r, 'total'))
			]
		};
		const gap = closingGap(waterfall.steps);
		if (gap !== null) {
			notes.push(
				lang === 'zh'
					? `期初存量加减各项后与期末存量相差${formatInUnit(gap, unit, lang)}。`
					: `The opening stock and the flows miss the closing stock by ${formatInUnit(gap, unit, lang)}.`
			);
		}
		const [open, close] = [stocks[0], stocks.at(-1)];
		const summary =
			open && close && open !== close
				? lang === 'zh'
					? `由${periodLabel(open, lang)}的${shown(open)}，经${count(flows.length, 'flow', lang)}，至${periodLabel(close, lang)}的${shown(close)}。`
					: `From ${shown(open)} (${periodLabel(open, lang)}) through ${count(flows.length, 'flow', lang)} to ${shown(close)} (${periodLabel(close, lang)}).`
				: '';
		return {
			...base,
			legend: waterfallSeries(lang),
			subtitle: `${unitText} · ${periods}`,
			summary,
			waterfall,
			common: common(ordered, lang, unitText, name, shown)
		};
	}

	// progress: each target against the latest level of the same sector (the same indicator first)
	const targets = rows.filter((r) => r.measure === 'target');
	const levels = rows.filter((r) => r.measure !== 'target');
	const items = targets.map((target) => {
		const candidates = levels
			.filter(
				(l) =>
					l.sector_id === target.sector_id && l.year <= target.year && l.period_type !== 'quarter'
			)
			.sort(
				(a, b) =>
					Number(b.indicator_id === target.indicator_id) -
						Number(a.indicator_id === target.indicator_id) || b.year - a.year
			);
		const current = candidates[0];
		const value = (r: ChartRow) => ({
			figure: r.id,
			value: r.base_value,
			status: statusOf(r),
			valueLabel: shown(r),
			periodLabel: periodLabel(r, lang),
			detail: detailLines(r, name(r), lang, shown(r)),
			href: sentenceOf(r, lang)
		});
		return {
			key: target.id,
			label: name(target),
			target: value(target),
			current: current && value(current),
			proxy: current !== undefined && current.indicator_id !== target.indicator_id
		};
	});
	const progress: ProgressData = { lang, unit: axis, items };
	const used = rows.filter((r) =>
		items.some((i) => i.target.figure === r.id || i.current?.figure === r.id)
	);
	const summary =
		lang === 'zh'
			? `${items.length}项目标，其中${items.filter((i) => i.current).length}项有可比的现值。`
			: `${items.length} target${items.length === 1 ? '' : 's'}, ${items.filter((i) => i.current).length} with a current value to compare.`;
	return {
		...base,
		subtitle: `${unitText} · ${periods}`,
		summary,
		progress,
		common: common(used, lang, unitText, name, shown)
	};
}

const TIME_MEASURES: Measure[] = ['level', 'share'];

/**
 * An indicator's panels, one per measure and kind of period, in the order a reader asks:
 * levels, changes, growth, shares, targets, counts. Quarters never share a chart with years;
 * a quantity stated in several documents gets a panel comparing the statements.
 */
export function autoPanels(
	indicator: { id: string; zh: string; en: string },
	rows: ChartRow[],
	statements: ChartRow[],
	groups: { id: string; zh: string; en: string }[] = []
): PanelSpec[] {
	const sectorGroupLabel = (group: string, lang: Lang) =>
		groups.find((g) => g.id === group)?.[lang] ?? group;
	const panels: PanelSpec[] = [];
	const order: Measure[] = ['level', 'change', 'change_pct', 'share', 'target', 'count'];
	for (const measure of order) {
		const ofMeasure = rows.filter((r) => r.measure === measure);
		if (ofMeasure.length === 0) continue;
		// periods of one length only: a quarter's value never shares an axis with a year's
		const byLength = new Map<string, ChartRow[]>();
		for (const r of ofMeasure)
			byLength.set(periodLength(r), [...(byLength.get(periodLength(r)) ?? []), r]);
		for (const [length, group] of byLength) {
			const suffix = lengthTitle(length);
			const name = MEASURE_NAMES[measure];
			// a breakdown per sector group (land classes, key industries …), and the totals apart:
			// parts of different breakdowns, or parts and their whole, never share one axis
			const bySectorGroup = new Map<string | null, ChartRow[]>();
			for (const r of group)
				bySectorGroup.set(r.sector_group, [...(bySectorGroup.get(r.sector_group) ?? []), r]);
			for (const [sectorGroup, part] of bySectorGroup) {
				const periods = new Set(part.map((r) => r.period));
				const areas = new Set(part.map((r) => r.area_id));
				const sectors = new Set(part.map((r) => r.sector_id));
				// the city beside the district: by area within one period, else one panel per area
				const perArea = sectors.size > 1 && areas.size > 1 && periods.size > 1;
				for (const rowsOf of perArea
					? [...areas].map((a) => part.filter((r) => r.area_id === a))
					: [part]) {
					const area = perArea ? rowsOf[0]! : null;
					// one sector of a breakdown, drawn by its period: the title names it, since no
					// bar's label does (产业规模：数值（生物医药及合成生物）, not 按重点产业)
					const only =
						sectorGroup && new Set(rowsOf.map((r) => r.sector_id)).size === 1 ? rowsOf[0]! : null;
					const ofGroup = only
						? { zh: only.sector_zh ?? '', en: ` (${only.sector_en})` }
						: sectorGroup
							? {
									zh: `按${sectorGroupLabel(sectorGroup, 'zh')}`,
									en: ` by ${sectorGroupLabel(sectorGroup, 'en')}`
								}
							: { zh: '', en: '' };
					const of = {
						zh:
							ofGroup.zh || area
								? `（${[ofGroup.zh, area?.area_zh].filter(Boolean).join('，')}）`
								: '',
						en: `${ofGroup.en}${area ? `, ${area.area_en}` : ''}`
					};
					const periodsOf = new Set(rowsOf.map((r) => r.period));
					const areasOf = new Set(rowsOf.map((r) => r.area_id));
					const base = {
						id: [indicator.id, measure, length === 'year' ? 'annual' : lengthSlug(length)]
							.concat(sectorGroup ? [sectorGroup] : [], area ? [area.area_id] : [])
							.join('-'),
						title: {
							zh: `${indicator.zh}：${name.zh}${of.zh}${suffix.zh}`,
							en: `${indicator.en}: ${name.en}${of.en}${suffix.en}`
						},
						filter: {
							indicators: [indicator.id],
							measures: [measure],
							periods: [...periodsOf],
							areas: [...areasOf],
							sectorGroup: sectorGroup ?? null
						}
					};
					if (areasOf.size > 1 && sectors.size <= 1)
						panels.push({ ...base, kind: 'bars', category: 'area', series: 'period' });
					else if (areasOf.size > 1)
						panels.push({ ...base, kind: 'bars', category: 'sector', series: 'area' });
					else if (sectors.size > 1)
						panels.push({ ...base, kind: 'bars', category: 'sector', series: 'period' });
					else if (periodsOf.size > 1 && TIME_MEASURES.includes(measure) && length === 'year')
						panels.push({ ...base, kind: 'lines', category: 'indicator', series: 'indicator' });
					else panels.push({ ...base, kind: 'bars', category: 'period', series: 'measure' });
				}
			}
		}
	}
	const restated = new Set(
		statements
			.filter((s) =>
				statements.some((o) => o.id !== s.id && o.doc_id !== s.doc_id && sameQuantity(o, s))
			)
			.map((s) => s.id)
	);
	// one panel per measure: a level and a change in points never share an axis
	for (const measure of order) {
		const ids = statements.filter((s) => restated.has(s.id) && s.measure === measure);
		if (ids.length === 0) continue;
		const single =
			new Set(statements.filter((s) => restated.has(s.id)).map((s) => s.measure)).size === 1;
		const name = MEASURE_NAMES[measure];
		panels.push({
			id: single ? `${indicator.id}-statements` : `${indicator.id}-statements-${measure}`,
			title: {
				zh: `${indicator.zh}：各文件中的表述${single ? '' : `（${name.zh}）`}`,
				en: `${indicator.en}: as stated in each document${single ? '' : ` (${name.en.toLowerCase()})`}`
			},
			kind: 'bars',
			filter: { indicators: [indicator.id], ids: ids.map((s) => s.id) },
			category: 'document',
			series: 'period',
			statements: true
		});
	}
	return panels;
}

function sameQuantity(a: ChartRow, b: ChartRow): boolean {
	return (
		a.sector_id === b.sector_id &&
		a.area_id === b.area_id &&
		a.period === b.period &&
		a.measure === b.measure
	);
}
