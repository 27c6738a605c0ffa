/**
 * A console result: columns with a simple kind, rows of plain values. Arrow values become
 * JavaScript ones a table can show and a file can hold (bigints as numbers, dates as ISO text).
 */
import { toCsv } from '$lib/data/csv.js';

export type ColumnKind = 'number' | 'text' | 'boolean' | 'date' | 'other';

export interface ResultColumn {
	name: string;
	type: string;
	kind: ColumnKind;
}

export interface ResultSet {
	columns: ResultColumn[];
	rows: unknown[][];
	/** Milliseconds from sending the query to the last row. */
	elapsed: number;
	/** True when the result was cut at the row limit. */
	truncated: boolean;
}

export const ROW_LIMIT = 500_000;

export function kindOf(arrowType: string): ColumnKind {
	const t = arrowType.toLowerCase();
	if (/int|float|double|decimal/.test(t)) return 'number';
	if (/utf8|string/.test(t)) return 'text';
	if (/bool/.test(t)) return 'boolean';
	if (/date|timestamp/.test(t)) return 'date';
	return 'other';
}

export function plainValue(value: unknown, kind: ColumnKind): unknown {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return Number(value);
	if (kind === 'date' && (typeof value === 'number' || value instanceof Date))
		return new Date(value).toISOString().slice(0, 10);
	if (typeof value === 'object')
		return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? Number(v) : v));
	return value;
}

export function resultToCsv(result: ResultSet): string {
	const names = result.columns.map((c) => c.name);
	return toCsv(
		names,
		result.rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]])))
	);
}

export interface EngineError {
	message: string;
	line: number | null;
	column: number | null;
}

/**
 * A DuckDB error as a reader should see it. DuckDB-WASM reports errors as JSON
 * ({"exception_type": "Parser", "exception_message": …, "position": "0"}) where the position is
 * a character offset into the query; older messages carry "LINE 1: …" with a caret instead.
 */
export function engineError(raw: string, sql: string): EngineError {
	let message = raw;
	let offset: number | null = null;
	try {
		const parsed = JSON.parse(raw) as {
			exception_type?: string;
			exception_message?: string;
			position?: string;
		};
		if (parsed.exception_message) {
			message = `${parsed.exception_type ? `${parsed.exception_type} Error: ` : ''}${parsed.exception_message}`;
			offset = parsed.position !== undefined ? Number(parsed.position) : null;
		}
	} catch {
		// not JSON: a plain message
	}
	if (offset !== null && Number.isFinite(offset)) {
		const before = sql.slice(0, offset).split('\n');
		return { message, line: before.length, column: before.at(-1)!.length + 1 };
	}
	const caret = /LINE (\d+): (.*)\n(\s*)\^/.exec(message);
	if (caret)
		return {
			message,
			line: Number(caret[1]),
			column: caret[3]!.length - `LINE ${caret[1]}: `.length + 1
		};
	return { message, line: null, column: null };
}
