/** CSV as spreadsheet programs read it: RFC 4180 quoting, CRLF, UTF-8 with a byte-order mark. */

export function csvField(value: unknown): string {
	if (value === null || value === undefined) return '';
	const s = String(value);
	return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(
	columns: readonly string[],
	rows: readonly Record<string, unknown>[]
): string {
	const lines = [
		columns.map(csvField).join(','),
		...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))
	];
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Characters a spreadsheet reads a cell starting with as a formula (or that hide one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as an exported file should hold it: one a spreadsheet would run as a formula
 * (=, +, -, @, tab, carriage return first) is prefixed with an apostrophe, which spreadsheet
 * programs show as text and do not display.
 */
export function neutralised(value: unknown): unknown {
	return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * CSV of rows by position, for exports: the header and every field quoted as needed, columns
 * that share a name kept apart, and the text columns marked in `text` neutralised.
 */
export function toCsvRows(
	header: readonly string[],
	rows: readonly (readonly unknown[])[],
	text: readonly boolean[] = header.map(() => true)
): string {
	const lines = [
		header.map((h) => csvField(neutralised(h))).join(','),
		...rows.map((row) =>
			header.map((_, i) => csvField(text[i] ? neutralised(row[i]) : row[i])).join(',')
		)
	];
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
