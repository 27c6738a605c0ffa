import { decimalMessage, parseDecimal, visible, type DecimalRules } from './decimal.js';

/** A row of a curated CSV file, with where it came from so every error can name it. */
export interface SourceRow {
	file: string;
	/** 1-based line of the row in its file (the header is line 1). */
	line: number;
	/** Cells trimmed of surrounding whitespace. */
	values: Record<string, string>;
	/** Cells exactly as in the file, for numbers, where a stray space is an error; else `values`. */
	raw?: Record<string, string>;
}

export const REJECTION_REASONS = [
	'csv-syntax',
	'duplicate-column',
	'missing-column',
	'unknown-column',
	'empty-field',
	'bad-number',
	'unknown-unit',
	'unknown-topic',
	'unknown-indicator',
	'unknown-sector',
	'unknown-area',
	'unknown-document',
	'unknown-measure',
	'unknown-qualifier',
	'period-unreadable',
	'quote-not-found',
	'value-not-in-quote',
	'duplicate',
	'bad-formula',
	'unknown-figure',
	'unit-mismatch',
	'yaml-syntax',
	'unknown-field',
	'bad-value',
	'unknown-chart',
	'no-rows',
	'bare-number'
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface Rejection {
	file: string;
	line: number;
	field: string;
	reason: RejectionReason;
	message: string;
}

export function reject(
	row: SourceRow,
	field: string,
	reason: RejectionReason,
	message: string
): Rejection {
	return { file: row.file, line: row.line, field, reason, message };
}

/** A numeric cell read as a plain decimal (decimal.ts); a refusal names row, field and text. */
export function numberCell(
	row: SourceRow,
	field: string,
	problems: Rejection[],
	rules: DecimalRules = {}
): number | null {
	const text = row.raw?.[field] ?? row.values[field] ?? '';
	const read = parseDecimal(text, rules);
	if (read.ok) return read.value;
	problems.push(reject(row, field, 'bad-number', decimalMessage(text, read.why)));
	return null;
}

export function formatRejection(r: Rejection): string {
	return `${r.file}:${r.line}: ${r.field}: ${r.reason}: ${r.message}`;
}

/** A column name as a person reads it: case, spaces, a BOM and full width do not count. */
export function columnKey(name: string): string {
	return name
		.normalize('NFKC')
		.replace(/[\s\p{Cf}]/gu, '')
		.toLowerCase();
}

/** Check a table's header against the columns it must have and may have. */
export function checkColumns(
	file: string,
	header: string[],
	required: readonly string[],
	optional: readonly string[] = []
): Rejection[] {
	const problems: Rejection[] = [];
	for (const column of required) {
		if (!header.includes(column)) {
			problems.push({
				file,
				line: 1,
				field: column,
				reason: 'missing-column',
				message: `the header lacks column "${column}"`
			});
		}
	}
	const keys = header.map(columnKey);
	for (const [i, column] of header.entries()) {
		if (keys.indexOf(keys[i]!) < i) continue; // a duplicate, reported where the file is read
		if (!required.includes(column) && !optional.includes(column)) {
			problems.push({
				file,
				line: 1,
				field: column,
				reason: 'unknown-column',
				message: `unexpected column "${visible(column)}"; expected ${required.join(',')}`
			});
		}
	}
	return problems;
}
