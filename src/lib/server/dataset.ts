/**
 * What prerendering reads besides the figures table: the catalogue, the documents with the
 * bulletin text, and the checks, all written by `npm run build:data`. Loaded once per build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDatasetVersion } from '$lib/data/dataset-version.js';
import type { Catalog, ChecksFile, DocumentEntry, DocumentsFile } from '$lib/data/schema.js';

export type { DocumentsFile };

export interface SiteData {
	catalog: Catalog;
	bulletins: DocumentsFile[];
	documents: DocumentEntry[];
	checks: ChecksFile;
	/** The bulletin's text, by bulletin id, exactly as received. */
	texts: Map<string, string>;
	/** How many figures each document states (derived ones not counted). */
	figuresPerDocument: Map<string, number>;
	/** The dataset's version figures.arrow names (data/dataset-version.ts), null if none. */
	version: string | null;
}

let cached: SiteData | undefined;

const read = <T>(name: string): T =>
	JSON.parse(readFileSync(join('static/data', name), 'utf8')) as T;

export function siteData(): SiteData {
	if (cached) return cached;
	const bulletins = read<DocumentsFile[]>('documents.json');
	const figuresPerDocument = new Map<string, number>();
	for (const f of read<{ doc_id: string; derived: boolean }[]>('figures.json')) {
		if (!f.derived) figuresPerDocument.set(f.doc_id, (figuresPerDocument.get(f.doc_id) ?? 0) + 1);
	}
	cached = {
		figuresPerDocument,
		version: readDatasetVersion(readFileSync(join('static/data', 'figures.arrow'))),
		catalog: read<Catalog>('catalog.json'),
		bulletins,
		documents: bulletins.flatMap((b) => b.documents),
		checks: read<ChecksFile>('checks.json'),
		texts: new Map(
			bulletins.map((b) => [
				b.bulletin.id,
				readFileSync(join('data/sources', b.bulletin.id, b.bulletin.file), 'utf8')
			])
		)
	};
	return cached;
}

/** A document's own text: the slice of its bulletin between its span's offsets. */
export function documentText(doc: DocumentEntry): string {
	return siteData().texts.get(doc.bulletin_id)!.slice(doc.start, doc.end);
}

/** What ChecksList shows of a figure a check uses. */
export interface CheckFigure {
	id: string;
	quote: string;
	doc_id: string;
	value_text: string;
	unit: string;
	derived: boolean;
}

let checkFigureRows: CheckFigure[] | undefined;

/** The figures these checks use, by id, as ChecksList quotes them in their formulas. */
export function checkFigures(checks: { figures: string[] }[]): Record<string, CheckFigure> {
	const used = new Set(checks.flatMap((c) => c.figures));
	if (!used.size) return {};
	checkFigureRows ??= read<CheckFigure[]>('figures.json').map(
		({ id, quote, doc_id, value_text, unit, derived }) => ({
			id,
			quote,
			doc_id,
			value_text,
			unit,
			derived
		})
	);
	return Object.fromEntries(checkFigureRows.filter((f) => used.has(f.id)).map((f) => [f.id, f]));
}
