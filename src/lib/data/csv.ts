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
		columns.join(','),
		...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))
	];
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
