/** Medians, ranges and percentiles of a benchmark's samples. */

export interface Spread {
	median: number;
	min: number;
	max: number;
	n: number;
}

/** Linear-interpolated percentile (p in 0..100) of the values. */
export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	const at = ((sorted.length - 1) * p) / 100;
	const lo = Math.floor(at);
	const hi = Math.ceil(at);
	return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export function spread(values: (number | null | undefined)[]): Spread | null {
	const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
	if (xs.length === 0) return null;
	return { median: percentile(xs, 50), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

export const round = (x: number, digits = 0) => {
	const f = 10 ** digits;
	return Math.round(x * f) / f;
};

/** "812 (790–845)" */
export function ms(s: Spread | null): string {
	if (!s) return '–';
	return s.n > 1 ? `${round(s.median)} (${round(s.min)}–${round(s.max)})` : `${round(s.median)}`;
}

export const kb = (bytes: number | null | undefined, digits = 1) =>
	typeof bytes === 'number' ? `${(bytes / 1024).toFixed(digits)}` : '–';

/** A plain-text table with aligned columns. */
export function table(head: string[], rows: string[][]): string {
	const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: string[]) =>
		'| ' +
		cells.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join(' | ') +
		' |';
	const rule =
		'| ' +
		width.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ') +
		' |';
	return [line(head), rule, ...rows.map(line)].join('\n');
}
