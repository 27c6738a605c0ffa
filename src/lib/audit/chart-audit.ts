/**
 * The chart audit: what a prerendered chart draws, read back from its markup and held to the
 * figures it claims to show. Pure: it takes DOM elements (a browser's or linkedom's) and the
 * dataset's figure rows, and returns findings; `scripts/audit-charts.ts` walks the build.
 *
 * The markup contract it reads (see ChartFigure.svelte and the chart components):
 * - `figure[data-chart]` with `data-encodes` (the dimensions the chart shows, space-separated),
 *   `data-unit` and `data-divisor` (its value axis: the label and what a base value is divided by);
 * - marks: SVG elements with `data-figure` and `data-value` (the base value); a part-to-whole
 *   chart's total carries `data-role="whole"` and is held to its label, not to the parts' dimensions;
 * - value labels: `[data-label-for]` naming the figure whose value they print (those with
 *   `data-label-kind="share"` print a percentage of a whole and are held to precision only);
 * - findings outside charts: `[data-finding][data-figures]`, a sentence computed from figures.
 */
import { decimalsOf, significantDigits } from '../charts/precision.js';
import { daysBetween, periodLength } from '../period-length.js';

/** The columns of a figure row the audit reads (static/data/figures.json). */
export interface AuditFigure {
	id: string;
	indicator_id: string;
	sector_id: string | null;
	area_id: string;
	period: string;
	period_type: string;
	period_start: string;
	period_end: string;
	measure: string;
	doc_id: string;
	value_text: string;
	derived: boolean;
	inputs: string | null;
}

export type Rule =
	| 'shared-position'
	| 'unencoded-dimension'
	| 'label-unit'
	| 'label-value'
	| 'spurious-precision'
	| 'mixed-periods'
	| 'unknown-figure'
	| 'contract';

export interface Finding {
	page: string;
	chart: string;
	rule: Rule;
	figures: string[];
	message: string;
}

/** What is drawn: a chart read back from its markup. */
export interface DrawnChart {
	id: string;
	encodes: string[];
	unit: string;
	divisor: number;
	/** `whole`: a part-to-whole chart's total, labelled as its own quantity and period. */
	marks: { figure: string; value: number; position: string; role: string | null }[];
	labels: { figure: string; text: string }[];
	/** Text the chart computes: labels, table values, summary (curated notes quote the reports). */
	texts: string[];
}

/** Dimensions a chart's rows can differ in, each read from a figure. */
const DIMENSIONS: Record<string, (f: AuditFigure) => string> = {
	indicator: (f) => f.indicator_id,
	sector: (f) => f.sector_id ?? '',
	area: (f) => f.area_id,
	period: (f) => f.period,
	measure: (f) => f.measure
};

const round = (v: string | null) => (v === null ? '' : String(Math.round(Number(v) * 2) / 2));

/** Where a mark sits: its element and geometry, to the half pixel. */
function positionOf(el: Element): string {
	const attrs = ['x', 'y', 'width', 'height', 'cx', 'cy', 'r', 'd', 'points'];
	return `${el.tagName.toLowerCase()}:${attrs
		.map((a) =>
			a === 'd' || a === 'points' ? (el.getAttribute(a) ?? '') : round(el.getAttribute(a))
		)
		.join(',')}`;
}

/** Reads one `figure[data-chart]` as drawn. */
export function readChart(figure: Element): DrawnChart {
	const marks = [...figure.querySelectorAll('svg [data-figure][data-value]')].map((el) => ({
		figure: el.getAttribute('data-figure') ?? '',
		value: Number(el.getAttribute('data-value')),
		position: positionOf(el),
		role: el.getAttribute('data-role')
	}));
	const labels = [...figure.querySelectorAll('[data-label-for]')].map((el) => ({
		figure: el.getAttribute('data-label-for') ?? '',
		text: (el.textContent ?? '').trim(),
		kind: el.getAttribute('data-label-kind') ?? 'value'
	}));
	const texts = [
		...labels.map((l) => l.text),
		...[...figure.querySelectorAll('td.num, .summary')].map((el) => (el.textContent ?? '').trim())
	];
	return {
		id: figure.getAttribute('data-chart') ?? '',
		encodes: (figure.getAttribute('data-encodes') ?? '').split(/\s+/).filter(Boolean),
		unit: figure.getAttribute('data-unit') ?? '',
		divisor: Number(figure.getAttribute('data-divisor') ?? 'NaN'),
		marks,
		// a share label (a part of its whole, a target reached) is in percent, not the axis unit
		labels: labels.filter((l) => l.kind === 'value'),
		texts
	};
}

const QUALIFIER_WORDS =
	/^(?:约|超过|不低于|不到|近|以上|逾|about|over|at least|nearly|under|more than)\s*/i;

/** A printed value read back: its number and the unit written after it. */
/** `decimals` is the place of the last digit the number claims: 1 for 17.3, −1 for 940. */
export function parseLabel(text: string): { value: number; decimals: number; unit: string } | null {
	const rest = text.trim().replace(QUALIFIER_WORDS, '');
	const m = /^([−+-]?)([\d,]*\.?\d+)\s*(.*)$/.exec(rest);
	if (!m) return null;
	const digits = m[2]!.replace(/,/g, '');
	const unit = m[3]!.replace(/[（(].*$/, '').trim();
	// a whole number's trailing zeros are not digits it claims: 940 is 940 ± 5, 2700 is 2700 ± 50
	const zeros = digits.includes('.') ? 0 : (/0*$/.exec(digits)?.[0].length ?? 0);
	return {
		value: (m[1] === '−' || m[1] === '-' ? -1 : 1) * Number(digits),
		decimals: digits === '0' ? 0 : zeros > 0 ? -zeros : decimalsOf(digits),
		unit: unit.replace(/^以上|以上$/, '').trim()
	};
}

/** Numbers in running text, without years, quarters, months, days and page numbers. */
export function printedNumbers(text: string): string[] {
	const found: string[] = [];
	const number = /(第|Q|p\.\s?)?([−-]?\d[\d,]*(?:\.\d+)?)(\s*(?:年|月|日|季度|页|届|次会议))?/g;
	for (const m of text.matchAll(number)) {
		if (m[1] || m[3]) continue;
		const n = m[2]!.replace(/^[−-]/, '');
		if (/^(19|20)\d\d$/.test(n)) continue;
		found.push(n);
	}
	return found;
}

/** The written numbers a figure rests on: its own, or its formula's inputs. */
function writtenInputs(f: AuditFigure, figures: Map<string, AuditFigure>): string[] {
	if (!f.derived) return [f.value_text];
	const inputs = (f.inputs ?? '').split(/\s+/).filter(Boolean);
	return inputs.flatMap((id) => {
		const input = figures.get(id);
		return input ? writtenInputs(input, figures) : [];
	});
}

/**
 * A number over-precise for its inputs: more significant digits than the most precise written
 * input, and the extra digits are decimals (a sum of 4-digit integers may well need 5 digits).
 */
export function overPrecise(printed: string, inputs: string[]): boolean {
	const allowed = Math.max(0, ...inputs.map((t) => significantDigits(t)));
	const digits = significantDigits(printed, { trailingZeros: false });
	return digits > allowed && decimalsOf(printed.replace(/,/g, '')) > 0;
}

/** Every rule, for one drawn chart. */
export function auditChart(
	page: string,
	chart: DrawnChart,
	figures: Map<string, AuditFigure>
): Finding[] {
	const findings: Finding[] = [];
	const add = (rule: Rule, ids: string[], message: string) =>
		findings.push({ page, chart: chart.id, rule, figures: [...new Set(ids)], message });

	if (!Number.isFinite(chart.divisor) || chart.divisor <= 0)
		add('contract', [], 'the chart names no value axis (data-unit, data-divisor)');

	const drawn: AuditFigure[] = [];
	const parts: AuditFigure[] = [];
	for (const mark of chart.marks) {
		const f = figures.get(mark.figure);
		if (!f) add('unknown-figure', [mark.figure], `a mark names a figure the dataset does not hold`);
		else {
			drawn.push(f);
			if (mark.role !== 'whole') parts.push(f);
		}
	}

	const byPosition = new Map<string, Set<string>>();
	for (const mark of chart.marks)
		byPosition.set(mark.position, (byPosition.get(mark.position) ?? new Set()).add(mark.figure));
	for (const ids of byPosition.values())
		if (ids.size > 1)
			add('shared-position', [...ids], `${ids.size} marks are drawn at one position`);

	for (const [dimension, of] of Object.entries(DIMENSIONS)) {
		if (chart.encodes.includes(dimension)) continue;
		const values = new Map<string, string[]>();
		for (const f of parts) values.set(of(f), [...(values.get(of(f)) ?? []), f.id]);
		if (values.size > 1)
			add(
				'unencoded-dimension',
				[...values.values()].map((ids) => ids[0]!),
				`the marks differ in ${dimension} (${[...values.keys()].join(', ')}) but the chart does not show it`
			);
	}

	const lengths = new Map<string, string>();
	for (const f of parts) {
		const length = periodLength({ ...f, period_days: daysBetween(f.period_start, f.period_end) });
		if (!lengths.has(length)) lengths.set(length, f.id);
	}
	if (lengths.size > 1)
		add(
			'mixed-periods',
			[...lengths.values()],
			`periods of different length share the value axis: ${[...lengths.keys()].join(', ')}`
		);

	const values = new Map(chart.marks.map((m) => [m.figure, m.value]));
	for (const label of chart.labels) {
		const value = values.get(label.figure);
		const read = parseLabel(label.text);
		if (value === undefined || !read) {
			add('contract', [label.figure], `label "${label.text}" names no mark or prints no number`);
			continue;
		}
		if (read.unit !== chart.unit) {
			add(
				'label-unit',
				[label.figure],
				`label "${label.text}" is in "${read.unit}", the axis in "${chart.unit}"`
			);
			continue;
		}
		const tolerance = (0.5 * 10 ** -read.decimals + 1e-9) * chart.divisor;
		// a rounded derived count (1741 ÷ 1.62 ≈ 1075) is within half a unit too
		if (Math.abs(read.value * chart.divisor - value) > tolerance + 1e-9 * Math.abs(value))
			add(
				'label-value',
				[label.figure],
				`label "${label.text}" reads ${read.value * chart.divisor}, the mark is ${value}`
			);
	}

	const inputs = drawn.flatMap((f) => writtenInputs(f, figures));
	const noisy = new Set<string>();
	for (const text of chart.texts)
		for (const n of printedNumbers(text)) if (overPrecise(n, inputs)) noisy.add(n);
	if (noisy.size > 0)
		add(
			'spurious-precision',
			drawn.map((f) => f.id),
			`printed with more digits than the figures carry: ${[...noisy].join(', ')}`
		);
	return findings;
}

/** A finding sentence outside a chart: its numbers held to the figures it names. */
export function auditFinding(
	page: string,
	el: Element,
	figures: Map<string, AuditFigure>
): Finding[] {
	const ids = (el.getAttribute('data-figures') ?? '').split(/\s+/).filter(Boolean);
	const known = ids.map((id) => figures.get(id)).filter((f): f is AuditFigure => f !== undefined);
	const inputs = known.flatMap((f) => writtenInputs(f, figures));
	const text = el.textContent ?? '';
	const noisy = printedNumbers(text).filter((n) => overPrecise(n, inputs));
	const chart = `finding:${text.trim().slice(0, 40)}`;
	const findings: Finding[] = [];
	if (known.length < ids.length || ids.length === 0)
		findings.push({
			page,
			chart,
			rule: 'unknown-figure',
			figures: ids,
			message: 'a finding names no figure, or one the dataset does not hold'
		});
	if (noisy.length > 0)
		findings.push({
			page,
			chart,
			rule: 'spurious-precision',
			figures: ids,
			message: `printed with more digits than the figures carry: ${noisy.join(', ')}`
		});
	return findings;
}

/** Every chart and finding of one page. */
export function auditPage(
	page: string,
	root: ParentNode,
	figures: Map<string, AuditFigure>
): Finding[] {
	return [
		...[...root.querySelectorAll('figure[data-chart]')].flatMap((el) =>
			auditChart(page, readChart(el), figures)
		),
		...[...root.querySelectorAll('[data-finding]')].flatMap((el) => auditFinding(page, el, figures))
	];
}
