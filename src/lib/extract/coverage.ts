/**
 * The coverage report: per document, the statistical mentions the extractor found, how many
 * are curated, explained (data/coverage) or neither, and how many it set apart and why. It is
 * how we know a bulletin was read to the end.
 */
import type { FigureRow, Manifest } from '../data/schema.js';
import {
	EXPLANATION_COLUMNS,
	type Candidate,
	type Explanation,
	type Extraction,
	type ExtractionProblem
} from './candidates.js';
import { checkColumns, numberCell, reject, type Rejection } from '../dataset/table.js';
import type { Table } from '../dataset/validate.js';

export interface DocumentReport {
	doc_id: string;
	/** Statistical mentions: curated + explained + not curated. */
	found: number;
	curated: number;
	explained: number;
	/** Explained as `to-curate`: statistics waiting for a row in data/figures. */
	to_curate: number;
	/** Neither curated nor explained. */
	uncurated: number;
	set_apart: number;
	set_apart_by: Record<string, number>;
	/** Curated figures of the document, and how many of them the extractor found. */
	figures: number;
	figures_found: number;
}

export interface CoverageReport {
	bulletin_id: string;
	documents: DocumentReport[];
	totals: Omit<DocumentReport, 'doc_id'>;
	/** Statistical mentions neither curated nor explained, in text order. */
	uncurated: Candidate[];
	/** Explained as `to-curate`, in text order. */
	toCurate: Candidate[];
	problems: ExtractionProblem[];
}

function empty(): Omit<DocumentReport, 'doc_id'> {
	return {
		found: 0,
		curated: 0,
		explained: 0,
		to_curate: 0,
		uncurated: 0,
		set_apart: 0,
		set_apart_by: {},
		figures: 0,
		figures_found: 0
	};
}

function add(into: Omit<DocumentReport, 'doc_id'>, from: Omit<DocumentReport, 'doc_id'>): void {
	for (const key of [
		'found',
		'curated',
		'explained',
		'to_curate',
		'uncurated',
		'set_apart',
		'figures',
		'figures_found'
	] as const)
		into[key] += from[key];
	for (const [reason, n] of Object.entries(from.set_apart_by))
		into.set_apart_by[reason] = (into.set_apart_by[reason] ?? 0) + n;
}

/** The report for one bulletin's extraction; `figures` are the curated figures of any bulletin. */
export function coverageReport(
	manifest: Manifest,
	extraction: Extraction,
	figures: readonly FigureRow[]
): CoverageReport {
	const documents: DocumentReport[] = [];
	const totals = empty();
	const missed = new Set(
		extraction.problems.filter((p) => p.kind === 'figure-not-found').map((p) => p.figure!.id)
	);
	for (const doc of manifest.documents) {
		const r = { doc_id: doc.id, ...empty() };
		for (const c of extraction.candidates) {
			if (c.doc.id !== doc.id) continue;
			if (c.status === 'set-apart') {
				r.set_apart++;
				r.set_apart_by[c.reason] = (r.set_apart_by[c.reason] ?? 0) + 1;
				continue;
			}
			r.found++;
			if (c.status === 'curated') r.curated++;
			else if (c.status === 'explained') {
				r.explained++;
				if (c.reason === 'to-curate') r.to_curate++;
			} else r.uncurated++;
		}
		const stated = figures.filter((f) => f.doc_id === doc.id && !f.derived);
		r.figures = stated.length;
		r.figures_found = stated.filter((f) => !missed.has(f.id)).length;
		documents.push(r);
		add(totals, r);
	}
	return {
		bulletin_id: manifest.bulletin.id,
		documents,
		totals,
		uncurated: extraction.candidates.filter((c) => c.status === 'new'),
		toCurate: extraction.candidates.filter(
			(c) => c.status === 'explained' && c.reason === 'to-curate'
		),
		problems: extraction.problems
	};
}

function counts(r: Omit<DocumentReport, 'doc_id'>): string {
	const reasons = Object.entries(r.set_apart_by)
		.sort((a, b) => b[1] - a[1])
		.map(([reason, n]) => `${reason} ${n}`)
		.join(', ');
	const explained = r.to_curate
		? `${r.explained} explained (${r.to_curate} to curate)`
		: `${r.explained} explained`;
	return (
		`${r.found} statistical: ${r.curated} curated, ${explained}, ${r.uncurated} not curated; ` +
		`${r.set_apart} set apart${reasons ? ` (${reasons})` : ''}; ` +
		`${r.figures_found}/${r.figures} curated figures found`
	);
}

function shorten(s: string, max = 120): string {
	return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

function mentionLine(c: Candidate): string {
	const s = c.suggestion;
	const printed = c.mention.written ?? `${c.mention.text}${c.mention.unit}`;
	const filed = [s.indicator || '?', s.sector, s.period, s.measure].filter(Boolean).join(' ');
	return `    ${c.doc.id} @${c.mention.start}: ${printed} — ${shorten(s.sentence)} [suggest ${filed}]`;
}

/** The report as lines of text: one per document, then what is left and what is wrong. */
export function formatCoverage(report: CoverageReport): string[] {
	const lines = report.documents.map((r) => `${r.doc_id}: ${counts(r)}`);
	lines.push(
		`${report.bulletin_id} (${report.documents.length} documents): ${counts(report.totals)}`
	);
	if (report.uncurated.length) {
		lines.push(`  not curated and not explained (${report.uncurated.length}):`);
		lines.push(...report.uncurated.map(mentionLine));
	}
	if (report.toCurate.length) {
		lines.push(`  explained as to-curate (${report.toCurate.length}):`);
		lines.push(...report.toCurate.map(mentionLine));
	}
	for (const p of report.problems) lines.push(`  problem: ${p.kind}: ${p.message}`);
	return lines;
}

/** What the data page shows per document (static/data/coverage.json). */
export function coverageRows(reports: readonly CoverageReport[]) {
	return reports.flatMap((report) =>
		report.documents.map((r) => ({
			bulletin_id: report.bulletin_id,
			doc_id: r.doc_id,
			found: r.found,
			curated: r.curated,
			uncurated: r.uncurated + r.explained,
			explained: r.explained,
			set_apart: r.set_apart
		}))
	);
}

/** Explanations from data/coverage/<bulletin>.csv; a malformed row is a rejection, not a throw. */
export function explanationsFrom(tables: readonly Table[]): {
	explanations: Explanation[];
	rejections: Rejection[];
} {
	const explanations: Explanation[] = [];
	const rejections: Rejection[] = [];
	for (const t of tables) {
		if (t.broken) continue;
		const header = checkColumns(t.file, t.header, EXPLANATION_COLUMNS);
		rejections.push(...header);
		if (header.some((p) => p.reason === 'missing-column')) continue;
		for (const row of t.rows) {
			const v = row.values;
			// a value is empty, in words (一半), or a number, which is a plain decimal
			const numeric = /\p{Nd}/u.test(row.raw?.value ?? v.value ?? '');
			const bad = numeric && numberCell(row, 'value', rejections) === null;
			if (!v.doc || !v.quote || !v.reason) {
				const field = !v.doc ? 'doc' : !v.quote ? 'quote' : 'reason';
				rejections.push(reject(row, field, 'empty-field', `"${field}" is empty`));
				continue;
			}
			if (bad) continue;
			explanations.push({
				doc: v.doc,
				value: v.value ?? '',
				quote: v.quote,
				reason: v.reason,
				notes: v.notes ?? '',
				file: row.file,
				line: row.line
			});
		}
	}
	return { explanations, rejections };
}
