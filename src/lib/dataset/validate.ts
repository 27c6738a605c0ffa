import {
	MEASURES,
	QUALIFIERS,
	type Area,
	type Catalog,
	type DocumentEntry,
	type FigureRow,
	type Indicator,
	type Measure,
	type Qualifier,
	type Sector,
	type SectorGroup,
	type Topic,
	type Unit
} from '../data/schema.js';
import { findNormalised, type Normalised } from '../text/normalise.js';
import { quoteStatesValue } from '../text/numbers.js';
import { parsePeriod, periodProblem } from '../text/period.js';
import { checkColumns, numberCell, reject, type Rejection, type SourceRow } from './table.js';

export interface Table {
	file: string;
	header: string[];
	rows: SourceRow[];
	/** Could not be read at all (reported where it was read): its columns are not checked. */
	broken?: boolean;
	/** The ids of rows left out for a syntax error (reported where they were read). */
	unread?: string[];
}

export const CATALOG_COLUMNS = {
	topics: ['id', 'order', 'zh', 'en', 'description_zh', 'description_en'],
	areas: ['id', 'kind', 'zh', 'en'],
	units: ['unit', 'base_unit', 'factor', 'kind', 'en'],
	indicators: ['id', 'topic', 'zh', 'en', 'unit_kind', 'definition_zh', 'definition_en'],
	sectors: ['id', 'group', 'order', 'zh', 'en'],
	groups: ['id', 'zh', 'en']
} as const;

export const FIGURE_FILE_COLUMNS = [
	'id',
	'indicator',
	'sector',
	'area',
	'period',
	'measure',
	'value',
	'unit',
	'qualifier',
	'written',
	'doc',
	'quote',
	'notes'
] as const;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface CatalogTables {
	topics: Table[];
	areas: Table[];
	units: Table[];
	indicators: Table[];
	sectors: Table[];
	groups: Table[];
}

function required(row: SourceRow, fields: readonly string[], problems: Rejection[]): boolean {
	let ok = true;
	for (const field of fields) {
		if (!row.values[field]) {
			problems.push(reject(row, field, 'empty-field', `"${field}" is empty`));
			ok = false;
		}
	}
	return ok;
}

/**
 * The ids of rows that `rowsOf` left out (their file lacks a column) or that could not be read,
 * so a formula over them is not reported again as naming an unknown figure.
 */
export function unreadIds(tables: Table[], read: readonly SourceRow[]): string[] {
	const kept = new Set(read);
	return tables.flatMap((t) => [
		...(t.unread ?? []),
		...t.rows.filter((r) => !kept.has(r) && r.values.id).map((r) => r.values.id!)
	]);
}

/** Rows of every table of one kind, after their headers were checked. */
export function rowsOf(
	tables: Table[],
	columns: readonly string[],
	problems: Rejection[]
): SourceRow[] {
	return tables.flatMap((t) => {
		if (t.broken) return [];
		const headerProblems = checkColumns(t.file, t.header, columns);
		problems.push(...headerProblems);
		return headerProblems.some((p) => p.reason === 'missing-column') ? [] : t.rows;
	});
}

function unique(
	row: SourceRow,
	key: string,
	seen: Map<string, SourceRow>,
	problems: Rejection[],
	field = 'id'
): boolean {
	const first = seen.get(key);
	if (first) {
		problems.push(
			reject(row, field, 'duplicate', `"${key}" is already defined at ${first.file}:${first.line}`)
		);
		return false;
	}
	seen.set(key, row);
	return true;
}

export function validateCatalog(tables: CatalogTables): {
	catalog: Catalog;
	rejections: Rejection[];
} {
	const problems: Rejection[] = [];
	const catalog: Catalog = {
		topics: [],
		indicators: [],
		sectors: [],
		groups: [],
		areas: [],
		units: []
	};

	const topicIds = new Map<string, SourceRow>();
	for (const row of rowsOf(tables.topics, CATALOG_COLUMNS.topics, problems)) {
		const complete = required(row, ['id', 'zh', 'en'], problems);
		const order = numberCell(row, 'order', problems, { integer: true });
		if (!complete || order === null || !unique(row, row.values.id!, topicIds, problems)) continue;
		catalog.topics.push({ ...(row.values as unknown as Topic), order });
	}

	const areaIds = new Map<string, SourceRow>();
	for (const row of rowsOf(tables.areas, CATALOG_COLUMNS.areas, problems)) {
		if (!required(row, ['id', 'kind', 'zh', 'en'], problems)) continue;
		if (!unique(row, row.values.id!, areaIds, problems)) continue;
		catalog.areas.push(row.values as unknown as Area);
	}

	const unitNames = new Map<string, SourceRow>();
	for (const row of rowsOf(tables.units, CATALOG_COLUMNS.units, problems)) {
		const complete = required(row, ['unit', 'base_unit', 'kind'], problems);
		let factor = numberCell(row, 'factor', problems, { negative: false });
		if (factor === 0) {
			problems.push(reject(row, 'factor', 'bad-number', 'a factor of 0 makes every value 0'));
			factor = null;
		}
		if (!complete || factor === null) continue;
		if (!unique(row, row.values.unit!, unitNames, problems, 'unit')) continue;
		catalog.units.push({ ...(row.values as unknown as Unit), factor });
	}
	const unitKinds = new Set(catalog.units.map((u) => u.kind));

	const indicatorIds = new Map<string, SourceRow>();
	for (const row of rowsOf(tables.indicators, CATALOG_COLUMNS.indicators, problems)) {
		if (!required(row, ['id', 'topic', 'zh', 'en', 'unit_kind'], problems)) continue;
		const { id, topic, unit_kind } = row.values as unknown as Indicator;
		if (!ID.test(id)) {
			problems.push(reject(row, 'id', 'bad-number', `"${id}" is not a kebab-case id`));
			continue;
		}
		if (!topicIds.has(topic)) {
			problems.push(reject(row, 'topic', 'unknown-topic', `no topic "${topic}" in topics.csv`));
			continue;
		}
		if (!unitKinds.has(unit_kind)) {
			problems.push(reject(row, 'unit_kind', 'unknown-unit', `no unit of kind "${unit_kind}"`));
			continue;
		}
		if (!unique(row, id, indicatorIds, problems)) continue;
		catalog.indicators.push(row.values as unknown as Indicator);
	}

	const groupIds = new Map<string, SourceRow>();
	for (const row of rowsOf(tables.groups, CATALOG_COLUMNS.groups, problems)) {
		if (!required(row, ['id', 'zh', 'en'], problems)) continue;
		if (!unique(row, row.values.id!, groupIds, problems)) continue;
		catalog.groups.push(row.values as unknown as SectorGroup);
	}

	const sectorIds = new Map<string, SourceRow>();
	for (const row of rowsOf(tables.sectors, CATALOG_COLUMNS.sectors, problems)) {
		const complete = required(row, ['id', 'group', 'zh', 'en'], problems);
		const grouped = !row.values.group || groupIds.has(row.values.group);
		if (!grouped)
			problems.push(
				reject(row, 'group', 'unknown-sector', `no group "${row.values.group}" in groups.csv`)
			);
		const order = numberCell(row, 'order', problems, { integer: true });
		if (!complete || !grouped || order === null) continue;
		if (!unique(row, row.values.id!, sectorIds, problems)) continue;
		catalog.sectors.push({ ...(row.values as unknown as Sector), order });
	}
	return { catalog, rejections: problems };
}

export interface SourceText {
	bulletin_id: string;
	normalised: Normalised;
}

export interface FigureContext {
	catalog: Catalog;
	documents: DocumentEntry[];
	texts: Map<string, SourceText>;
	topicOf?: (indicator: Indicator) => string;
}

export interface Lookups {
	topics: Map<string, Topic>;
	indicators: Map<string, Indicator>;
	sectors: Map<string, Sector>;
	areas: Map<string, Area>;
	units: Map<string, Unit>;
	documents: Map<string, DocumentEntry>;
}

export function lookups(catalog: Catalog, documents: DocumentEntry[]): Lookups {
	return {
		topics: new Map(catalog.topics.map((t) => [t.id, t])),
		indicators: new Map(catalog.indicators.map((i) => [i.id, i])),
		sectors: new Map(catalog.sectors.map((s) => [s.id, s])),
		areas: new Map(catalog.areas.map((a) => [a.id, a])),
		units: new Map(catalog.units.map((u) => [u.unit, u])),
		documents: new Map(documents.map((d) => [d.id, d]))
	};
}

const DEFAULT_AREA = 'baoshan';

/** The catalogue fields of a figure row, shared by stated and derived figures. */
export function describe(
	l: Lookups,
	fields: { indicator: Indicator; sector: Sector | null; area: Area; unit: Unit }
): Pick<
	FigureRow,
	| 'indicator_id'
	| 'indicator_zh'
	| 'indicator_en'
	| 'topic'
	| 'topic_zh'
	| 'topic_en'
	| 'sector_id'
	| 'sector_zh'
	| 'sector_en'
	| 'sector_group'
	| 'sector_order'
	| 'area_id'
	| 'area_zh'
	| 'area_en'
	| 'unit'
	| 'unit_en'
	| 'base_unit'
> {
	const { indicator, sector, area, unit } = fields;
	const topic = l.topics.get(indicator.topic)!;
	return {
		indicator_id: indicator.id,
		indicator_zh: indicator.zh,
		indicator_en: indicator.en,
		topic: topic.id,
		topic_zh: topic.zh,
		topic_en: topic.en,
		sector_id: sector?.id ?? null,
		sector_zh: sector?.zh ?? null,
		sector_en: sector?.en ?? null,
		sector_group: sector?.group ?? null,
		sector_order: sector?.order ?? null,
		area_id: area.id,
		area_zh: area.zh,
		area_en: area.en,
		unit: unit.unit,
		unit_en: unit.en,
		base_unit: unit.base_unit
	};
}

export interface Dimensions {
	indicator: Indicator;
	sector: Sector | null;
	area: Area;
	unit: Unit;
	measure: Measure;
	period: NonNullable<ReturnType<typeof parsePeriod>>;
}

/** Resolve the columns a stated and a derived figure share; problems name the row. */
export function resolveDimensions(
	row: SourceRow,
	l: Lookups,
	problems: Rejection[]
): Dimensions | null {
	const v = row.values;
	const before = problems.length;
	const indicator = l.indicators.get(v.indicator ?? '');
	if (!indicator)
		problems.push(
			reject(
				row,
				'indicator',
				'unknown-indicator',
				`no indicator "${v.indicator}" in the catalogue`
			)
		);
	const sector = v.sector ? l.sectors.get(v.sector) : null;
	if (sector === undefined)
		problems.push(
			reject(row, 'sector', 'unknown-sector', `no sector "${v.sector}" in the catalogue`)
		);
	const area = l.areas.get(v.area || DEFAULT_AREA);
	if (!area) problems.push(reject(row, 'area', 'unknown-area', `no area "${v.area}" in areas.csv`));
	const unit = l.units.get(v.unit ?? '');
	if (!unit)
		problems.push(
			reject(row, 'unit', 'unknown-unit', `unit "${v.unit}" is not in the units catalogue`)
		);
	const measure = v.measure as Measure;
	if (!MEASURES.includes(measure)) {
		problems.push(
			reject(
				row,
				'measure',
				'unknown-measure',
				`"${v.measure}" is not one of ${MEASURES.join(', ')}`
			)
		);
	}
	const period = parsePeriod(v.period ?? '');
	if (!period) {
		problems.push(reject(row, 'period', 'period-unreadable', periodProblem(v.period ?? '')));
	}
	if (problems.length > before || !indicator || sector === undefined || !area || !unit || !period)
		return null;
	return { indicator, sector, area, unit, measure, period };
}

/** A rounded number as text, without float noise: 0.1 + 0.2 → "0.3". */
export function valueText(value: number): string {
	return String(Number(value.toPrecision(12)));
}

/**
 * Validate stated figures. Bad data never throws: every problem is a rejection naming file,
 * line, field and reason, and a rejected row is left out of `figures`.
 */
export function validateFigures(
	tables: Table[],
	ctx: FigureContext
): { figures: FigureRow[]; rejections: Rejection[]; refused: Set<string> } {
	const problems: Rejection[] = [];
	const l = lookups(ctx.catalog, ctx.documents);
	const ids = new Map<string, SourceRow>();
	const figures: FigureRow[] = [];
	const accepted = new Set<string>();
	const rows = rowsOf(tables, FIGURE_FILE_COLUMNS, problems);
	for (const row of rows) {
		const v = row.values;
		// an empty or bad cell must not hide the problems of the others
		const value = v.value ? numberCell(row, 'value', problems) : null;
		if (
			!required(
				row,
				['id', 'indicator', 'period', 'measure', 'value', 'unit', 'doc', 'quote'],
				problems
			)
		)
			continue;
		const before = problems.length;
		if (!ID.test(v.id!))
			problems.push(reject(row, 'id', 'duplicate', `"${v.id}" is not a kebab-case id`));
		else unique(row, v.id!, ids, problems);
		const dims = resolveDimensions(row, l, problems);
		const qualifier = (v.qualifier || null) as Qualifier | null;
		if (qualifier && !QUALIFIERS.includes(qualifier)) {
			problems.push(
				reject(
					row,
					'qualifier',
					'unknown-qualifier',
					`"${v.qualifier}" is not one of ${QUALIFIERS.join(', ')}`
				)
			);
		}
		const doc = l.documents.get(v.doc!);
		if (!doc)
			problems.push(
				reject(row, 'doc', 'unknown-document', `no document "${v.doc}" in any manifest`)
			);
		const source = doc && ctx.texts.get(doc.bulletin_id);
		const span =
			source && findNormalised(source.normalised, v.quote!, { from: doc.start, to: doc.end });
		if (doc && !span) {
			problems.push(
				reject(
					row,
					'quote',
					'quote-not-found',
					`not found in ${doc.id} (page ${doc.toc_page}): "${v.quote}"`
				)
			);
		}
		if (value !== null) {
			const stated = v.written
				? normaliseWritten(v.quote!).includes(normaliseWritten(v.written))
				: quoteStatesValue(v.quote!, v.value!);
			if (!stated) {
				const what = v.written ? `"${v.written}"` : `the number ${Math.abs(value)}`;
				problems.push(
					reject(
						row,
						v.written ? 'written' : 'value',
						'value-not-in-quote',
						`${what} does not appear in the quote "${v.quote}"`
					)
				);
			}
		}
		if (problems.length > before || !dims || value === null || !doc || !span) continue;
		accepted.add(v.id!);
		figures.push({
			id: v.id!,
			bulletin_id: doc.bulletin_id,
			...describe(l, dims),
			period: dims.period.period,
			period_type: dims.period.type,
			period_start: dims.period.start,
			period_end: dims.period.end,
			year: dims.period.year,
			measure: dims.measure,
			value,
			value_text: v.value!,
			written: v.written || null,
			qualifier,
			base_value: Number((value * dims.unit.factor).toPrecision(15)),
			derived: false,
			formula: null,
			inputs: null,
			doc_id: doc.id,
			doc_title: doc.title,
			doc_title_en: doc.title_en,
			doc_kind: doc.kind,
			doc_page: doc.toc_page,
			session: doc.session,
			meeting_date: doc.meeting_date,
			quote: v.quote!,
			quote_start: span.start,
			quote_end: span.end,
			notes: v.notes || null,
			disputed: false,
			superseded_by: null
		});
	}
	const tried = rows.flatMap((r) => (r.values.id ? [r.values.id] : []));
	const refused = new Set([...tried, ...unreadIds(tables, rows)].filter((id) => !accepted.has(id)));
	return { figures, rejections: problems, refused };
}

function normaliseWritten(s: string): string {
	return s.replace(/\s+/g, '');
}
