/**
 * The console's tables besides `figures`: the catalogue, the documents, and the checks and
 * discrepancies, flattened to rows of plain values (lists become comma-separated text).
 */
import { ENGINE_TABLES } from '$lib/data/engine-tables.js';
import type { Catalog, ChecksFile, DocumentEntry } from '$lib/data/schema.js';

export interface ConsoleSources {
	catalog: Catalog;
	documents: DocumentEntry[];
	checks: ChecksFile;
}

/** A document's columns in the console: everything but its offsets in the bulletin text. */
const DOCUMENT_COLUMNS = [
	'id',
	'bulletin_id',
	'session',
	'meeting_date',
	'kind',
	'title',
	'title_en',
	'organ',
	'organ_en',
	'speaker',
	'speaker_role',
	'toc_page'
] as const satisfies readonly (keyof DocumentEntry)[];

export function consoleTables({
	catalog,
	documents,
	checks
}: ConsoleSources): Record<string, Record<string, unknown>[]> {
	return {
		topics: catalog.topics.map((t) => ({ ...t })),
		indicators: catalog.indicators.map((i) => ({ ...i })),
		sectors: catalog.sectors.map((s) => ({ ...s })),
		sector_groups: catalog.groups.map((g) => ({ ...g })),
		units: catalog.units.map((u) => ({ ...u })),
		areas: catalog.areas.map((a) => ({ ...a })),
		documents: documents.map((d) => Object.fromEntries(DOCUMENT_COLUMNS.map((c) => [c, d[c]]))),
		checks: checks.checks.map((c) => ({ ...c, figures: c.figures.join(',') })),
		discrepancies: checks.discrepancies.flatMap((d) =>
			d.figures.map((f) => ({
				key: d.key,
				indicator_id: d.indicator_id,
				sector_id: d.sector_id,
				area_id: d.area_id,
				period: d.period,
				measure: d.measure,
				figure_id: f.id,
				doc_id: f.doc_id,
				value: f.value,
				unit: f.unit,
				base_value: f.base_value,
				derived: f.derived,
				quote: f.quote
			}))
		)
	};
}

/**
 * Columns per table for the editor's completion: `figures`, the console's tables, and the
 * narrow tables `figures` is made of (figure_facts and the rest), for queries over many rows.
 */
export function tableColumns(
	tables: Record<string, Record<string, unknown>[]>,
	figureColumns: string[]
): Record<string, string[]> {
	return {
		figures: figureColumns,
		...Object.fromEntries(
			Object.entries(tables).map(([name, rows]) => [name, Object.keys(rows[0] ?? {})])
		),
		...Object.fromEntries(ENGINE_TABLES.map((t) => [t.name, t.columns.map(([name]) => name)]))
	};
}
