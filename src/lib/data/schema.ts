/**
 * Types shared by the data build (Node) and the app (browser). Column names are snake_case so
 * a name can be grepped from SQL to TypeScript unchanged.
 */

export const MEASURES = ['level', 'change', 'change_pct', 'share', 'target', 'count'] as const;
export type Measure = (typeof MEASURES)[number];

export const QUALIFIERS = ['about', 'over', 'at-least', 'nearly', 'under'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const PERIOD_TYPES = ['year', 'quarter', 'month', 'date', 'range'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const DOCUMENT_KINDS = [
	'agenda',
	'report',
	'research-report',
	'deliberation-opinion',
	'resolution',
	'announcement',
	'appointment-list',
	'attendance'
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface Bulletin {
	id: string;
	title: string;
	title_en: string;
	publisher: string;
	publisher_en: string;
	issue: string;
	issue_en: string;
	sessions: SessionInfo[];
	licence: string;
	file: string;
	sha256: string;
	received: string;
}

export interface SessionInfo {
	session: number;
	meeting_date: string;
	title: string;
	title_en: string;
}

export interface DocumentEntry {
	id: string;
	bulletin_id: string;
	session: number;
	meeting_date: string;
	kind: DocumentKind;
	title: string;
	title_en: string;
	organ: string;
	organ_en: string;
	speaker: string;
	speaker_role: string;
	toc_page: number;
	/** Offsets in the bulletin text, in UTF-16 code units: [start, end). */
	start: number;
	end: number;
}

export interface Manifest {
	bulletin: Bulletin;
	documents: DocumentEntry[];
	/** What a person decided while reviewing the generated manifest, and why. */
	decisions: string[];
}

/** One bulletin in static/data/documents.json. */
export interface DocumentsFile {
	bulletin: Bulletin;
	documents: DocumentEntry[];
	decisions: string[];
}

export interface Topic {
	id: string;
	zh: string;
	en: string;
	order: number;
	description_zh: string;
	description_en: string;
}

export interface Indicator {
	id: string;
	topic: string;
	zh: string;
	en: string;
	unit_kind: string;
	definition_zh: string;
	definition_en: string;
}

export interface Sector {
	id: string;
	group: string;
	zh: string;
	en: string;
	order: number;
}

export interface SectorGroup {
	id: string;
	zh: string;
	en: string;
}

export interface Area {
	id: string;
	kind: string;
	zh: string;
	en: string;
}

export interface Unit {
	/** The unit exactly as the text writes it: 亿元, 公顷, 万户 … */
	unit: string;
	base_unit: string;
	factor: number;
	kind: string;
	en: string;
}

export interface Catalog {
	topics: Topic[];
	indicators: Indicator[];
	sectors: Sector[];
	groups: SectorGroup[];
	areas: Area[];
	units: Unit[];
}

/** One row of static/data/figures.{arrow,parquet,csv}. */
export interface FigureRow {
	id: string;
	bulletin_id: string;
	indicator_id: string;
	indicator_zh: string;
	indicator_en: string;
	topic: string;
	topic_zh: string;
	topic_en: string;
	sector_id: string | null;
	sector_zh: string | null;
	sector_en: string | null;
	sector_group: string | null;
	sector_order: number | null;
	area_id: string;
	area_zh: string;
	area_en: string;
	period: string;
	period_type: PeriodType;
	period_start: string;
	period_end: string;
	year: number;
	measure: Measure;
	/** The number as stated, signed (a decrease is negative), in `unit`. */
	value: number;
	value_text: string;
	/** The number as printed when it is not a plain value (四分之一, 2/3, 翻一番), else null. */
	written: string | null;
	unit: string;
	unit_en: string;
	qualifier: Qualifier | null;
	base_value: number;
	base_unit: string;
	derived: boolean;
	formula: string | null;
	inputs: string | null;
	doc_id: string;
	doc_title: string;
	doc_title_en: string;
	doc_kind: DocumentKind;
	doc_page: number;
	session: number;
	meeting_date: string;
	quote: string;
	quote_start: number;
	quote_end: number;
	notes: string | null;
	/** True when another statement of the same bulletin gives this quantity a value that disagrees. */
	disputed: boolean;
	/** The later bulletin's statement that revises this one, if any. */
	superseded_by: string | null;
}

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';

/** The figures table's columns in order, with the SQL type both engines give them. */
export const FIGURE_COLUMNS: ReadonlyArray<readonly [keyof FigureRow, ColumnType]> = [
	['id', 'VARCHAR'],
	['bulletin_id', 'VARCHAR'],
	['indicator_id', 'VARCHAR'],
	['indicator_zh', 'VARCHAR'],
	['indicator_en', 'VARCHAR'],
	['topic', 'VARCHAR'],
	['topic_zh', 'VARCHAR'],
	['topic_en', 'VARCHAR'],
	['sector_id', 'VARCHAR'],
	['sector_zh', 'VARCHAR'],
	['sector_en', 'VARCHAR'],
	['sector_group', 'VARCHAR'],
	['sector_order', 'INTEGER'],
	['area_id', 'VARCHAR'],
	['area_zh', 'VARCHAR'],
	['area_en', 'VARCHAR'],
	['period', 'VARCHAR'],
	['period_type', 'VARCHAR'],
	['period_start', 'VARCHAR'],
	['period_end', 'VARCHAR'],
	['year', 'INTEGER'],
	['measure', 'VARCHAR'],
	['value', 'DOUBLE'],
	['value_text', 'VARCHAR'],
	['written', 'VARCHAR'],
	['unit', 'VARCHAR'],
	['unit_en', 'VARCHAR'],
	['qualifier', 'VARCHAR'],
	['base_value', 'DOUBLE'],
	['base_unit', 'VARCHAR'],
	['derived', 'BOOLEAN'],
	['formula', 'VARCHAR'],
	['inputs', 'VARCHAR'],
	['doc_id', 'VARCHAR'],
	['doc_title', 'VARCHAR'],
	['doc_title_en', 'VARCHAR'],
	['doc_kind', 'VARCHAR'],
	['doc_page', 'INTEGER'],
	['session', 'INTEGER'],
	['meeting_date', 'VARCHAR'],
	['quote', 'VARCHAR'],
	['quote_start', 'INTEGER'],
	['quote_end', 'INTEGER'],
	['notes', 'VARCHAR'],
	['disputed', 'BOOLEAN'],
	['superseded_by', 'VARCHAR']
];

export interface CheckResult {
	id: string;
	kind: string;
	zh: string;
	en: string;
	lhs: string;
	rhs: string;
	lhs_value: number | null;
	rhs_value: number | null;
	difference: number | null;
	/** The base unit both sides are in (that of the right-hand side's first figure). */
	unit: string;
	tolerance: string;
	passed: boolean;
	figures: string[];
	/** The curator's note in English; `notes_zh` says the same in Chinese. */
	notes: string | null;
	notes_zh: string | null;
}

export interface Discrepancy {
	key: string;
	indicator_id: string;
	sector_id: string | null;
	area_id: string;
	period: string;
	measure: Measure;
	figures: {
		id: string;
		doc_id: string;
		value: number;
		value_text: string;
		unit: string;
		qualifier: Qualifier | null;
		base_value: number;
		base_unit: string;
		quote: string;
		derived: boolean;
	}[];
}

/** One statement in a revision: a figure with the bulletin that states it. */
export interface RevisionStatement {
	id: string;
	bulletin_id: string;
	doc_id: string;
	meeting_date: string;
	value: number;
	unit: string;
	qualifier: Qualifier | null;
	base_value: number;
	quote: string;
	derived: boolean;
}

/**
 * The same quantity stated by an earlier and a later bulletin with values that cannot both be
 * right: the later bulletin's value supersedes the earlier one.
 */
export interface Revision {
	key: string;
	indicator_id: string;
	sector_id: string | null;
	area_id: string;
	period: string;
	measure: Measure;
	earlier_bulletin: string;
	later_bulletin: string;
	earlier: RevisionStatement[];
	later: RevisionStatement[];
	/** Later minus earlier, first statement of each, in `base_unit`. */
	difference: number;
	base_unit: string;
}

export interface ChecksFile {
	generated_from: string[];
	checks: CheckResult[];
	/** Disagreements within one bulletin. */
	discrepancies: Discrepancy[];
	/** Values a later bulletin changed. */
	revisions: Revision[];
}
