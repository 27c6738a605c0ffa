import type { PeriodType } from '../data/schema.js';

export interface Period {
	period: string;
	type: PeriodType;
	/** First and last day covered, ISO dates; for an as-of date both are that date. */
	start: string;
	end: string;
	/** The year a chart files it under: the year of `end`. */
	year: number;
}

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})Q([1-4])$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

function lastDay(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isDate(s: string): boolean {
	const m = DATE.exec(s);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	return mo >= 1 && mo <= 12 && d >= 1 && d <= lastDay(y, mo);
}

function bounds(s: string): { type: PeriodType; start: string; end: string } | null {
	let m = YEAR.exec(s);
	if (m) return { type: 'year', start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
	m = QUARTER.exec(s);
	if (m) {
		const year = Number(m[1]);
		const q = Number(m[2]);
		const first = (q - 1) * 3 + 1;
		return {
			type: 'quarter',
			start: `${year}-${pad(first)}-01`,
			end: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}`
		};
	}
	m = MONTH.exec(s);
	if (m) {
		const month = Number(m[2]);
		if (month < 1 || month > 12) return null;
		return { type: 'month', start: `${s}-01`, end: `${s}-${pad(lastDay(Number(m[1]), month))}` };
	}
	if (isDate(s)) return { type: 'date', start: s, end: s };
	return null;
}

/**
 * `2023` · `2024Q1` · `2024-03` · `2023-12-31` (as of) · `2021..2023` or
 * `2024-01-01..2024-05-29` (a range). Null when the text is none of these.
 */
export function parsePeriod(text: string): Period | null {
	const s = text.trim();
	const range = s.split('..');
	if (range.length === 2) {
		const from = bounds(range[0]!);
		const to = bounds(range[1]!);
		if (!from || !to || from.type !== to.type || from.type === 'quarter' || from.type === 'month') {
			return null;
		}
		if (from.start >= to.end) return null;
		return {
			period: s,
			type: 'range',
			start: from.start,
			end: to.end,
			year: Number(to.end.slice(0, 4))
		};
	}
	if (range.length > 2) return null;
	const b = bounds(s);
	return b && { period: s, ...b, year: Number(b.end.slice(0, 4)) };
}

/** Why a period cannot be read, for the rejection that names its row. */
export function periodProblem(text: string): string {
	const s = text.trim();
	const impossible = s
		.split('..')
		.find((part) => (MONTH.test(part) || DATE.test(part)) && !bounds(part));
	if (impossible) return `"${s}": ${impossible} is not a date in the calendar`;
	return `"${s}" is not a year (2023), quarter (2024Q1), month (2024-03), date (2023-12-31) or range (2021..2023)`;
}
