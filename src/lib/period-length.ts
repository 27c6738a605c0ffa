/**
 * How long a figure's period lasts, in the kinds a reader compares: values over periods of
 * different length never share a value axis (a quarter's output is not a year's).
 */
export interface PeriodSpan {
	period_type: string;
	/** Days from the period's first to its last, both counted. */
	period_days: number;
}

/** Days from `start` to `end` (ISO dates), both counted. */
export function daysBetween(start: string, end: string): number {
	return Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
}

/** `year`, `quarter`, `month`, `3 years` or `150 days`. */
export function periodLength(f: PeriodSpan): string {
	if (f.period_type !== 'range') {
		// the reports date a stock either to a year or to its end (2023 / 2023年末): both stand
		// for the year's position, so they may share an axis; a quarter or a month may not
		return f.period_type === 'date' ? 'year' : f.period_type;
	}
	const days = f.period_days;
	const years = days / 365.25;
	return Math.abs(years - Math.round(years)) < 0.02 && years >= 1
		? `${Math.round(years)} years`
		: `${Math.round(days)} days`;
}

/** The length as id characters, empty for a year so that year-long panels keep their ids. */
export function lengthSlug(length: string): string {
	return length === 'year' ? '' : length.replace(/\s+/g, '');
}

/** How a panel's title names a length other than a year. */
export function lengthTitle(length: string): { zh: string; en: string } {
	if (length === 'year') return { zh: '', en: '' };
	if (length === 'quarter') return { zh: '（季度值）', en: ' (quarterly values)' };
	if (length === 'month') return { zh: '（月度值）', en: ' (monthly values)' };
	const years = /^(\d+) years$/.exec(length);
	if (years) return { zh: `（${years[1]}年累计）`, en: ` (${years[1]}-year totals)` };
	const days = /^(\d+) days$/.exec(length)!;
	return { zh: `（${days[1]}天累计）`, en: ` (totals over ${days[1]} days)` };
}
