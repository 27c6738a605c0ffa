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
 * - a part-to-whole chart's not-itemised rest: `data-role="remainder"` with `data-value` and no
 *   figure, held to the whole minus the parts; its labels name it as `data-label-for="remainder"`;
 * - value labels: `[data-label-for]` naming the mark whose value they print, with `data-label-kind`:
 *   `value` (the default) prints it in the axis unit; `share` prints it as a percentage of the
 *   whole its `data-share-of` names (figure ids, summed), `excess` as the percentage by which it
 *   exceeds that whole; either is held to the tolerance of its printed digits;
 * - the figure's heading (`header`: title and subtitle) names any period or area every mark shares,
 *   in the language of the page (`lang` on the figure or an ancestor);
 * - a note naming, in `data-disputed`, every drawn figure of which the bulletin gives another value
 *   (its row's `disputed`), and no other;
 * - numbers outside charts: `[data-label-for]` with `data-unit` and `data-divisor` (on it or an
 *   ancestor) print a figure's value, held to the dataset; `[data-finding][data-figures]` is a
 *   sentence computed from figures.
 */
import { formatPeriod } from '../charts/format.js';
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
	/** The value in its base unit (元, 公顷 …). */
	base_value: number;
	area_zh: string;
	area_en: string;
	sector_zh: string | null;
	sector_en: string | null;
	doc_id: string;
	value_text: string;
	derived: boolean;
	inputs: string | null;
	/** The bulletin gives another value of its quantity (a discrepancy, or derivations that disagree). */
	disputed: boolean;
}

export type Rule =
	| 'shared-position'
	| 'unencoded-dimension'
	| 'label-unit'
	| 'label-value'
	| 'spurious-precision'
	| 'mixed-periods'
	| 'unnamed-constant'
	| 'label-share'
	| 'unknown-figure'
	| 'unsaid-dispute'
	| 'contract';

export interface Finding {
	page: string;
	chart: string;
	rule: Rule;
	figures: string[];
	message: string;
}

export type LabelKind = 'value' | 'share' | 'excess';

/** A printed number read back: the mark it names, and against what it is held. */
export interface DrawnLabel {
	figure: string;
	text: string;
	kind: LabelKind;
	/** For a share or an excess: the figures whose sum is the whole. */
	of: string[];
}

/** The key a not-itemised remainder's labels name it by. */
export const REMAINDER = 'remainder';

/** What is drawn: a chart read back from its markup. */
export interface DrawnChart {
	id: string;
	encodes: string[];
	unit: string;
	divisor: number;
	/** `whole`: a part-to-whole chart's total, labelled as its own quantity and period. */
	/** `remainder`: the whole minus the parts, a mark without a figure (its figure is `remainder`). */
	marks: { figure: string; value: number; position: string; role: string | null }[];
	labels: DrawnLabel[];
	/** Text the chart computes: labels, table values, summary (curated notes quote the reports). */
	texts: string[];
	/** The title and subtitle as the reader sees them. */
	heading: string;
	lang: 'zh' | 'en';
	/** Figures a note of the chart says the bulletin gives another value of (`data-disputed`). */
	saysDisputed: string[];
}

/** Dimensions a chart's rows can differ in, each read from a figure. */
const DIMENSIONS: Record<string, (f: AuditFigure) => string> = {
	indicator: (f) => f.indicator_id,
	sector: (f) => f.sector_id ?? '',
	area: (f) => f.area_id,
	period: (f) => f.period,
	measure: (f) => f.measure
};

/**
 * A printed percentage against what a value and its whole give (`share`: value ÷ whole, `excess`:
 * value ÷ whole − 1), to half a unit of its last printed digit: what is off, or null.
 */
function shareOff(
	read: { value: number; decimals: number },
	kind: LabelKind,
	value: number,
	whole: number
): string | null {
	const expected = (kind === 'excess' ? value / whole - 1 : value / whole) * 100;
	const tolerance = 0.5 * 10 ** -read.decimals + 1e-9;
	return Math.abs(read.value - expected) <= tolerance
		? null
		: `reads ${read.value}%, the figures give ${Number(expected.toPrecision(6))}%`;
}

/** The district itself: a chart of its own figures need not name it. */
const HOME_AREA = 'baoshan';

/**
 * Dimensions a chart must name in its heading when every mark shares one value: the period as
 * the charts write it (2023年 / 2023), an area other than the district by its name, and a sector
 * the chart does not show by position or colour (one key industry's bar, labelled by its year).
 */
const NAMED_CONSTANTS: Record<string, (f: AuditFigure, lang: 'zh' | 'en') => string> = {
	period: (f, lang) => formatPeriod(f.period, lang),
	area: (f, lang) => (f.area_id === HOME_AREA ? '' : lang === 'zh' ? f.area_zh : f.area_en),
	sector: (f, lang) => (lang === 'zh' ? f.sector_zh : f.sector_en) ?? ''
};

/** The constants a chart names by its marks' labels instead, when it shows their dimension. */
const NAMED_BY_MARKS = new Set(['sector']);

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
	const marks = [
		...figure.querySelectorAll('svg [data-figure][data-value], svg [data-role="remainder"]')
	].map((el) => ({
		figure: el.getAttribute('data-figure') || REMAINDER,
		value: Number(el.getAttribute('data-value')),
		position: positionOf(el),
		role: el.getAttribute('data-role')
	}));
	const labels = [...figure.querySelectorAll('[data-label-for]')].map(readLabel);
	const texts = [
		...labels.map((l) => l.text),
		...[...figure.querySelectorAll('td.num, .summary')].map((el) => (el.textContent ?? '').trim())
	];
	const heading = [...figure.querySelectorAll('header')].map((el) => el.textContent ?? '');
	return {
		id: figure.getAttribute('data-chart') ?? '',
		encodes: (figure.getAttribute('data-encodes') ?? '').split(/\s+/).filter(Boolean),
		unit: figure.getAttribute('data-unit') ?? '',
		divisor: Number(figure.getAttribute('data-divisor') ?? 'NaN'),
		marks,
		labels,
		texts,
		heading: heading.join(' ').replace(/\s+/g, ' ').trim(),
		lang: langOf(figure),
		saysDisputed: [...figure.querySelectorAll('[data-disputed]')]
			.filter((el) => (el.textContent ?? '').trim())
			.flatMap((el) => (el.getAttribute('data-disputed') ?? '').split(/\s+/).filter(Boolean))
	};
}

function readLabel(el: Element): DrawnLabel {
	const kind = el.getAttribute('data-label-kind');
	return {
		figure: el.getAttribute('data-label-for') ?? '',
		text: (el.textContent ?? '').trim(),
		kind: kind === 'share' || kind === 'excess' ? kind : 'value',
		of: (el.getAttribute('data-share-of') ?? '').split(/\s+/).filter(Boolean)
	};
}

function langOf(el: Element): 'zh' | 'en' {
	const lang =
		el.closest('[lang]')?.getAttribute('lang') ??
		el.ownerDocument?.documentElement?.getAttribute('lang');
	return lang?.startsWith('en') ? 'en' : 'zh';
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

/** The percentage a share label prints (已达目标的约33% / 15% above target): its last `n%`. */
export function parseShare(text: string): { value: number; decimals: number } | null {
	const found = [...text.matchAll(/([−-]?[\d,]*\.?\d+)\s*%/g)].at(-1);
	const read = found ? parseLabel(found[0]) : null;
	return read && { value: read.value, decimals: read.decimals };
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
		if (mark.role === 'remainder') continue;
		const f = figures.get(mark.figure);
		if (!f) add('unknown-figure', [mark.figure], `a mark names a figure the dataset does not hold`);
		else {
			drawn.push(f);
			if (mark.role !== 'whole') parts.push(f);
		}
	}

	// a chart draws one value per quantity: where the bulletin gives another, the reader is told
	const says = new Set(chart.saysDisputed);
	for (const f of drawn) {
		if (f.disputed && !says.has(f.id))
			add(
				'unsaid-dispute',
				[f.id],
				'the bulletin gives another value of this figure and no note of the chart says so'
			);
		if (!f.disputed && says.has(f.id))
			add('unsaid-dispute', [f.id], 'a note says the bulletin disputes a figure it does not');
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

	for (const [dimension, name] of Object.entries(NAMED_CONSTANTS)) {
		const of = DIMENSIONS[dimension]!;
		const shared = new Set(parts.map(of));
		const first = parts[0];
		if (shared.size !== 1 || !first) continue;
		if (NAMED_BY_MARKS.has(dimension) && chart.encodes.includes(dimension)) continue;
		const text = name(first, chart.lang);
		if (text && !chart.heading.includes(text))
			add(
				'unnamed-constant',
				[first.id],
				`every mark is of ${dimension} ${of(first)}, but the heading ("${chart.heading}") does not say "${text}"`
			);
	}

	const values = new Map(chart.marks.map((m) => [m.figure, m.value]));
	const remainder = chart.marks.find((m) => m.role === 'remainder');
	const whole = chart.marks.find((m) => m.role === 'whole');
	if (remainder) {
		const sum = chart.marks
			.filter((m) => m.role !== 'whole' && m.role !== 'remainder')
			.reduce((a, m) => a + m.value, 0);
		const expected = (whole?.value ?? NaN) - sum;
		if (!(Math.abs(remainder.value - expected) <= 1e-6 * Math.abs(whole?.value ?? 0) + 1e-9))
			add(
				'label-value',
				whole ? [whole.figure] : [],
				`the not-itemised rest is drawn as ${remainder.value}, the whole minus the parts is ${expected}`
			);
	}
	for (const label of chart.labels) {
		const value = values.get(label.figure);
		if (label.kind !== 'value') {
			checkShare(label, value);
			continue;
		}
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

	function checkShare(label: DrawnLabel, value: number | undefined) {
		const wholes = label.of.map((id) => values.get(id));
		const read = parseShare(label.text);
		if (value === undefined || !read || wholes.length === 0 || wholes.includes(undefined)) {
			add(
				'contract',
				[label.figure, ...label.of],
				`${label.kind} label "${label.text}" names no mark, no whole among the marks, or prints no percentage`
			);
			return;
		}
		const off = shareOff(
			read,
			label.kind,
			value,
			(wholes as number[]).reduce((a, v) => a + v, 0)
		);
		if (off)
			add('label-share', [label.figure, ...label.of], `${label.kind} label "${label.text}" ${off}`);
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

/**
 * A figure's value printed outside a chart (a table of statements, a report's notable figures):
 * held to the dataset, in the unit and divisor it declares, and to the digits the figure was
 * written with; a share or an excess, to the figures it names.
 */
export function auditValue(
	page: string,
	el: Element,
	figures: Map<string, AuditFigure>
): Finding[] {
	const label = readLabel(el);
	const { text } = label;
	const ids = [label.figure, ...label.of];
	const finding = (rule: Rule, message: string): Finding[] => [
		{ page, chart: `value:${label.figure}`, rule, figures: ids, message }
	];
	const f = figures.get(label.figure);
	const wholes = label.of.map((id) => figures.get(id));
	if (!f || wholes.includes(undefined))
		return finding('unknown-figure', `"${text}" names a figure the dataset does not hold`);
	if (label.kind !== 'value') {
		const read = parseShare(text);
		if (!read || wholes.length === 0)
			return finding('contract', `${label.kind} "${text}" names no whole or prints no percentage`);
		const whole = (wholes as AuditFigure[]).reduce((a, w) => a + w.base_value, 0);
		const off = shareOff(read, label.kind, f.base_value, whole);
		return off ? finding('label-share', `${label.kind} "${text}" ${off}`) : [];
	}
	const axis = el.closest('[data-unit]');
	const unit = axis?.getAttribute('data-unit') ?? '';
	const divisor = Number(axis?.getAttribute('data-divisor') ?? 'NaN');
	const read = parseLabel(text);
	if (!axis || !(divisor > 0) || !read)
		return finding('contract', `"${text}" names no unit and divisor, or prints no number`);
	if (read.unit !== unit)
		return finding('label-unit', `"${text}" is in "${read.unit}", not "${unit}"`);
	const tolerance = (0.5 * 10 ** -read.decimals + 1e-9) * divisor;
	if (Math.abs(read.value * divisor - f.base_value) > tolerance + 1e-9 * Math.abs(f.base_value))
		return finding(
			'label-value',
			`"${text}" reads ${read.value * divisor}, the figure is ${f.base_value}`
		);
	const noisy = printedNumbers(text).filter((n) => overPrecise(n, writtenInputs(f, figures)));
	return noisy.length
		? finding('spurious-precision', `printed with more digits than the figure carries: ${noisy}`)
		: [];
}

/** Every chart, finding and value printed outside a chart of one page. */
export function auditPage(
	page: string,
	root: ParentNode,
	figures: Map<string, AuditFigure>
): Finding[] {
	return [
		...[...root.querySelectorAll('figure[data-chart]')].flatMap((el) =>
			auditChart(page, readChart(el), figures)
		),
		...[...root.querySelectorAll('[data-finding]')].flatMap((el) =>
			auditFinding(page, el, figures)
		),
		...[...root.querySelectorAll('[data-label-for]')]
			.filter((el) => !el.closest('figure[data-chart]'))
			.flatMap((el) => auditValue(page, el, figures))
	];
}
