import type {
	CheckResult,
	Discrepancy,
	FigureRow,
	Revision,
	RevisionStatement
} from '../data/schema.js';
import { decimalMessage, parseDecimal } from './decimal.js';
import { evaluate, FormulaError, parseFormula, references, render, type Expr } from './formula.js';
import { reject, type Rejection, type SourceRow } from './table.js';
import {
	describe,
	resolveDimensions,
	rowsOf,
	unreadIds,
	valueText,
	type Lookups,
	type Table
} from './validate.js';

export const DERIVED_COLUMNS = [
	'id',
	'indicator',
	'sector',
	'area',
	'period',
	'measure',
	'unit',
	'formula',
	'notes'
] as const;
export const CHECK_COLUMNS = [
	'id',
	'kind',
	'zh',
	'en',
	'lhs',
	'rhs',
	'tolerance',
	'notes',
	'notes_zh'
] as const;
export const CHECK_KINDS = ['sum', 'difference', 'ratio', 'conversion', 'equal'] as const;

/** The range of base values a figure allows, for the precision of what is computed from it. */
export type Ranges = Map<string, [number, number]>;

/** Base units per unit as written, learnt from the figures, for a stated zero (0万亩). */
function unitFactors(figures: Iterable<FigureRow>): Map<string, number> {
	const factors = new Map<string, number>();
	for (const f of figures) if (f.value !== 0) factors.set(f.unit, f.base_value / f.value);
	return factors;
}

/** Significant digits of a number as printed: `1725` → 4, `0.46` → 2, `25` → 2. */
function digitsOf(text: string): number {
	const plain = text.replace(/^[−-]/, '');
	if (!/^\d+(?:\.\d+)?$/.test(plain)) return 0;
	return plain.replace('.', '').replace(/^0+/, '').length;
}

/**
 * A statement's range for computing with it: half a unit of its last printed digit, ±5% for
 * 约 and 近; a bound (超过, 以上) counts as the number it names.
 */
function precisionRange(
	f: FigureRow,
	factors: Map<string, number>,
	ranges?: Ranges
): [number, number] {
	const known = ranges?.get(f.id);
	if (known) return known;
	if (f.value === 0) {
		const half =
			0.5 * 10 ** -(f.value_text.split('.')[1]?.length ?? 0) * (factors.get(f.unit) ?? 1);
		return [-half, half];
	}
	if (f.qualifier === 'over' || f.qualifier === 'at-least' || f.qualifier === 'under')
		return statedRange({ ...f, qualifier: null });
	return statedRange(f);
}

const multiplies = (e: Expr): boolean =>
	e.kind === 'binary'
		? e.op === '*' || e.op === '/' || multiplies(e.left) || multiplies(e.right)
		: e.kind === 'neg' && multiplies(e.arg);

/**
 * The range of a formula over its inputs' ranges. A sum or difference keeps the last digit of
 * its least precise input (twelve land classes add up to 36533, not 36530); anything else
 * takes the extremes over every corner of the inputs' ranges, exact for the products and
 * quotients of positive amounts the declarations use.
 */
function formulaRange(
	expr: Expr,
	inputs: FigureRow[],
	factors: Map<string, number>,
	ranges?: Ranges
): [number, number] {
	const bounds = inputs.map((f) => precisionRange(f, factors, ranges));
	if (!multiplies(expr)) {
		const exact = evaluate(expr, (id) => inputs.find((f) => f.id === id)!.base_value);
		const half = Math.max(0, ...bounds.map(([a, b]) => (b - a) / 2));
		return [exact - half, exact + half];
	}
	let lo = Infinity;
	let hi = -Infinity;
	for (let corner = 0; corner < 2 ** Math.min(inputs.length, 10); corner++) {
		const value = evaluate(expr, (id) => {
			const i = inputs.findIndex((f) => f.id === id);
			return bounds[i]![(corner >> i) & 1]!;
		});
		lo = Math.min(lo, value);
		hi = Math.max(hi, value);
	}
	return [lo, hi];
}

/**
 * `value` printed to the place of the leading digit of the width it may have (2732 ± 55 → 2700,
 * 63.14 ± 1.3 → 63, 243 − 1.9 → 241, a stated 48.98 → 48.98), with at least two significant
 * digits and at most `maxDigits`.
 */
export function supportedText(value: number, half: number, maxDigits = 12): string {
	const decimals = supportedDecimals(value, half, maxDigits);
	if (decimals === null) return valueText(value);
	if (decimals > 0) return value.toFixed(decimals);
	const step = 10 ** -decimals;
	return valueText(Math.round(value / step) * step || 0);
}

/** The decimals `supportedText` prints (−1: tens); null for an exact value, printed in full. */
function supportedDecimals(value: number, half: number, maxDigits = 12): number | null {
	if (!Number.isFinite(value) || value === 0 || !(half > 0)) return null;
	const magnitude = Math.floor(Math.log10(Math.abs(value)));
	const known = Number.isFinite(half) ? magnitude - Math.floor(Math.log10(2 * half)) + 1 : 2;
	return Math.max(2, Math.min(known, maxDigits, 12)) - magnitude - 1;
}

/** The most significant digits among the printed inputs of a product or quotient; none for a sum. */
function digitCap(expr: Expr, inputs: FigureRow[]): number {
	if (!multiplies(expr)) return 12;
	return Math.max(2, ...inputs.map((f) => digitsOf(f.value_text)));
}

/** The figures a formula may use, and the ids of rows refused (their problems are reported). */
interface Scope {
	known: Map<string, FigureRow>;
	refused: ReadonlySet<string>;
}

function parseChecked(
	row: SourceRow,
	field: string,
	{ known, refused }: Scope,
	problems: Rejection[]
): Expr | null {
	let expr: Expr;
	try {
		expr = parseFormula(row.values[field] ?? '');
	} catch (error) {
		problems.push(reject(row, field, 'bad-formula', (error as FormulaError).message));
		return null;
	}
	const missing = references(expr).filter((id) => !known.has(id));
	// a formula over a refused row is left out quietly: that row's problem is already reported
	if (missing.length && missing.every((id) => refused.has(id))) return null;
	if (missing.length) {
		problems.push(
			reject(row, field, 'unknown-figure', `no figure ${missing.map((m) => `{${m}}`).join(', ')}`)
		);
		return null;
	}
	return expr;
}

/**
 * Figures computed from declared formulas over other figures' base values. A derived figure
 * may use one declared above it. It takes its document and quote from its first input, so it
 * always leads back to a sentence, and keeps the formula with the inputs' written values.
 * `value` and `base_value` are exact; `value_text` is printed only to the digits the inputs
 * support (683亿元 ÷ 25% × 100 ≈ 2700亿元), and `ranges` holds what each result allows.
 */
export function deriveFigures(
	tables: Table[],
	stated: FigureRow[],
	l: Lookups,
	refusedStated: Iterable<string> = []
): { figures: FigureRow[]; rejections: Rejection[]; ranges: Ranges; refused: Set<string> } {
	const problems: Rejection[] = [];
	const known = new Map(stated.map((f) => [f.id, f]));
	const rows = rowsOf(tables, DERIVED_COLUMNS, problems);
	const refused = new Set([...refusedStated, ...unreadIds(tables, rows)]);
	const derived: FigureRow[] = [];
	const ranges: Ranges = new Map();
	const factors = unitFactors(stated);
	for (const row of rows) {
		const v = row.values;
		if (!v.id || !v.formula) {
			problems.push(
				reject(row, v.id ? 'formula' : 'id', 'empty-field', 'id and formula are required')
			);
			continue;
		}
		if (known.has(v.id)) {
			problems.push(reject(row, 'id', 'duplicate', `"${v.id}" is already a figure id`));
			continue;
		}
		const before = problems.length;
		const dims = resolveDimensions(row, l, problems);
		const expr = parseChecked(row, 'formula', { known, refused }, problems);
		if (problems.length > before || !dims || !expr) {
			refused.add(v.id);
			continue;
		}
		const inputs = references(expr).map((id) => known.get(id)!);
		const base = evaluate(expr, (id) => known.get(id)!.base_value);
		if (!Number.isFinite(base)) {
			problems.push(
				reject(row, 'formula', 'bad-formula', 'the formula does not give a finite number')
			);
			continue;
		}
		const kinds = new Set(inputs.map((f) => l.units.get(f.unit)?.kind));
		if (kinds.size === 1 && !kinds.has(dims.unit.kind) && dims.unit.kind !== 'percent') {
			problems.push(
				reject(
					row,
					'unit',
					'unit-mismatch',
					`inputs are ${[...kinds][0]}, the unit ${dims.unit.unit} is ${dims.unit.kind}`
				)
			);
			continue;
		}
		const first = inputs[0]!;
		const value = Number((base / dims.unit.factor).toPrecision(12));
		const range = formulaRange(expr, inputs, factors, ranges);
		const half = Math.max(base - range[0], range[1] - base) / dims.unit.factor;
		const printed = supportedText(value, half, digitCap(expr, inputs));
		const figure: FigureRow = {
			...first,
			id: v.id,
			...describe(l, dims),
			period: dims.period.period,
			period_type: dims.period.type,
			period_start: dims.period.start,
			period_end: dims.period.end,
			year: dims.period.year,
			measure: dims.measure,
			value,
			value_text: printed,
			written: null,
			// approximate when an input is, or when a count comes out fractional (1741 ÷ 1.62)
			qualifier:
				inputs.some((f) => f.qualifier) || (dims.unit.kind === 'count' && !Number.isInteger(value))
					? 'about'
					: null,
			base_value: Number(base.toPrecision(15)),
			derived: true,
			formula: `${render(expr, (id) => `${known.get(id)!.value_text}${known.get(id)!.unit}`)} ${Number(printed) === value ? '=' : '≈'} ${printed}${dims.unit.unit}`,
			inputs: inputs.map((f) => f.id).join(' '),
			notes: v.notes || null,
			disputed: false,
			superseded_by: null
		};
		derived.push(figure);
		known.set(figure.id, figure);
		ranges.set(figure.id, range);
	}
	return { figures: derived, rejections: problems, ranges, refused };
}

/** A tolerance as written: `0.5` (absolute, base units) or `0.5%` (of the right-hand side). */
export interface Tolerance {
	amount: number;
	relative: boolean;
}

/** Read a check's `tolerance` cell (empty: 0); the number is a plain decimal, never negative. */
export function readTolerance(row: SourceRow, problems: Rejection[]): Tolerance | null {
	const text = row.raw?.tolerance ?? row.values.tolerance ?? '';
	if (text === '') return { amount: 0, relative: false };
	const relative = text.endsWith('%');
	const number = relative ? text.slice(0, -1) : text;
	const read = parseDecimal(number, { negative: false });
	if (read.ok) return { amount: read.value, relative };
	problems.push(
		reject(
			row,
			'tolerance',
			'bad-number',
			`${decimalMessage(text, read.why)} (a tolerance is 0.5 or 0.5%)`
		)
	);
	return null;
}

/** A tolerance in base units against the right-hand side `rhs`. */
export function tolerance(t: Tolerance, rhs: number): number {
	return t.relative ? (Math.abs(rhs) * t.amount) / 100 : t.amount;
}

/** A check's side in base units, rounded to what its inputs support; `step` is its last digit's place. */
function checkSide(
	expr: Expr,
	known: Map<string, FigureRow>,
	factors: Map<string, number>,
	ranges?: Ranges
) {
	const inputs = references(expr).map((id) => known.get(id)!);
	const exact = evaluate(expr, (id) => known.get(id)!.base_value);
	const [lo, hi] = formulaRange(expr, inputs, factors, ranges);
	const half = Math.max(exact - lo, hi - exact);
	const cap = digitCap(expr, inputs);
	const decimals = supportedDecimals(exact, half, cap);
	const shown = Number(supportedText(exact, half, cap));
	return { exact, shown, step: decimals === null ? 0 : 10 ** -decimals, cap };
}

/**
 * Evaluate every declared check; a failing check is a result, not a rejection. Whether it
 * passes is decided on exact values; both sides and the difference are given to the digits
 * their inputs support (360 ÷ 264 × 100 is 136, not 136.363636364).
 */
export function evaluateChecks(
	tables: Table[],
	figures: FigureRow[],
	ranges?: Ranges,
	refused: ReadonlySet<string> = new Set()
): { checks: CheckResult[]; rejections: Rejection[] } {
	const problems: Rejection[] = [];
	const known = new Map(figures.map((f) => [f.id, f]));
	const factors = unitFactors(figures);
	const ids = new Set<string>();
	const checks: CheckResult[] = [];
	for (const row of rowsOf(tables, CHECK_COLUMNS, problems)) {
		const v = row.values;
		if (!v.id || ids.has(v.id)) {
			problems.push(
				reject(
					row,
					'id',
					v.id ? 'duplicate' : 'empty-field',
					v.id ? `check "${v.id}" is declared twice` : 'id is required'
				)
			);
			continue;
		}
		ids.add(v.id);
		const kindKnown = (CHECK_KINDS as readonly string[]).includes(v.kind ?? '');
		if (!kindKnown)
			problems.push(
				reject(
					row,
					'kind',
					'unknown-measure',
					`"${v.kind}" is not one of ${CHECK_KINDS.join(', ')}`
				)
			);
		const lhs = parseChecked(row, 'lhs', { known, refused }, problems);
		const rhs = parseChecked(row, 'rhs', { known, refused }, problems);
		const allowed = readTolerance(row, problems);
		if (!kindKnown || !lhs || !rhs || !allowed) continue;
		const l = checkSide(lhs, known, factors, ranges);
		const r = checkSide(rhs, known, factors, ranges);
		const left = l.exact;
		const right = r.exact;
		const tol = tolerance(allowed, right);
		if (!v.notes !== !v.notes_zh) {
			problems.push(
				reject(
					row,
					v.notes ? 'notes_zh' : 'notes',
					'empty-field',
					'a note is written in both languages: notes (English) and notes_zh'
				)
			);
			continue;
		}
		const step = Math.max(l.step, r.step);
		const gap = step ? Math.round((left - right) / step) * step : left - right;
		const difference = Number(gap.toPrecision(Math.min(l.cap, r.cap, 12))) || 0;
		const [firstFigure] = [...references(rhs), ...references(lhs)];
		checks.push({
			id: v.id,
			kind: v.kind!,
			zh: v.zh ?? '',
			en: v.en ?? '',
			lhs: v.lhs!,
			rhs: v.rhs!,
			lhs_value: l.shown,
			rhs_value: r.shown,
			difference,
			unit: firstFigure ? known.get(firstFigure)!.base_unit : '',
			tolerance: v.tolerance || '0',
			passed: Math.abs(left - right) <= tol + 1e-9 * Math.max(1, Math.abs(right)),
			figures: [...new Set([...references(lhs), ...references(rhs)])],
			notes: v.notes || null,
			notes_zh: v.notes_zh || null
		});
	}
	return { checks, rejections: problems };
}

/**
 * The range a statement allows, in base units: half a unit of its last printed digit ("378" is
 * 377.5–378.5), open-ended for bounds (超过, 以上), ±5% for 约 and 近. A derived value is
 * exact unless its inputs were approximate.
 */
export function statedRange(
	f: Pick<FigureRow, 'value' | 'value_text' | 'qualifier' | 'base_value' | 'derived'>
): [number, number] {
	const factor = f.value === 0 ? 1 : f.base_value / f.value;
	const printed = /^-?\d+(?:\.(\d+))?$/.exec(f.value_text) ? f.value_text : String(f.value);
	const decimals = printed.split('.')[1]?.length ?? 0;
	const half = f.derived ? 1e-9 * Math.abs(f.base_value) : 0.5 * 10 ** -decimals * Math.abs(factor);
	return around(f.base_value, half, f.qualifier);
}

/** A value give or take `half`, widened as its qualifier says (about: 5%; over: no upper end). */
function around(v: number, half: number, qualifier: FigureRow['qualifier']): [number, number] {
	switch (qualifier) {
		case 'over':
		case 'at-least':
			return [v - half, Infinity];
		case 'under':
			return [-Infinity, v + half];
		case 'about':
		case 'nearly':
			return [v - Math.max(half, Math.abs(v) * 0.05), v + Math.max(half, Math.abs(v) * 0.05)];
		default:
			return [v - half, v + half];
	}
}

/**
 * A derived value's range as it is printed: to the digits its inputs support, so its trailing
 * zeros are rounding (2700 from 683 ÷ 25% is 2650–2750, not 2732 exactly).
 */
function printedRange(f: FigureRow): [number, number] {
	const factor = f.value === 0 ? 1 : f.base_value / f.value;
	const m = /^-?(\d+)(?:\.(\d+))?$/.exec(f.value_text);
	const printed = Number(f.value_text);
	if (!m || printed === 0) return statedRange(f);
	// the place of the last digit printed, a whole number's trailing zeros not counted
	const place = m[2] ? 10 ** -m[2].length : 10 ** /0*$/.exec(m[1]!)![0].length;
	return around(printed * factor, 0.5 * place * Math.abs(factor), f.qualifier);
}

function quantityKey(f: FigureRow): string {
	return [f.indicator_id, f.sector_id ?? '', f.area_id, f.period, f.measure].join('|');
}

function byQuantity(figures: FigureRow[]): Map<string, FigureRow[]> {
	const groups = new Map<string, FigureRow[]>();
	for (const f of figures) {
		const key = quantityKey(f);
		groups.set(key, [...(groups.get(key) ?? []), f]);
	}
	return groups;
}

function byBulletin(group: FigureRow[]): Map<string, FigureRow[]> {
	const bulletins = new Map<string, FigureRow[]>();
	for (const f of group) bulletins.set(f.bulletin_id, [...(bulletins.get(f.bulletin_id) ?? []), f]);
	return bulletins;
}

/** Whether some value lies in every figure's range (as stated, or as a derived value is printed). */
function agree(
	group: FigureRow[],
	range: (f: FigureRow) => [number, number] = statedRange
): boolean {
	const ranges = group.map(range);
	return Math.max(...ranges.map((r) => r[0])) <= Math.min(...ranges.map((r) => r[1]));
}

/**
 * The same quantity (indicator, sector, area, period, measure) stated within one bulletin with
 * values that cannot both be right: 2.8万路 and 2.5万路 disagree; 378公顷 and 5673.5亩 agree
 * (rounding); "300多名" and 310名 agree (a bound). Statements of different bulletins that
 * disagree are revisions (findRevisions), not discrepancies. Only statements count: a derived
 * value that disagrees with one (半壁江山 against 1725 ÷ 683 × 25%) is a check, declared with
 * its formula, never a discrepancy.
 */
export function findDiscrepancies(figures: FigureRow[]): Discrepancy[] {
	const found: Discrepancy[] = [];
	for (const [key, group] of byQuantity(figures.filter((f) => !f.derived))) {
		const disagreeing = [...byBulletin(group).values()].filter((b) => !agree(b)).flat();
		if (!disagreeing.length) continue;
		const first = disagreeing[0]!;
		found.push({
			key,
			indicator_id: first.indicator_id,
			sector_id: first.sector_id,
			area_id: first.area_id,
			period: first.period,
			measure: first.measure,
			figures: disagreeing.map((f) => ({
				id: f.id,
				doc_id: f.doc_id,
				value: f.value,
				value_text: f.value_text,
				unit: f.unit,
				qualifier: f.qualifier,
				base_value: f.base_value,
				base_unit: f.base_unit,
				quote: f.quote,
				derived: f.derived
			}))
		});
	}
	return found;
}

/**
 * Derived values of one quantity within one bulletin that no statement gives, and that cannot
 * all be right: read as printed (printedRange), no value lies in every one's range. A chart shows
 * one of them (the first), so they are marked disputed and the chart says there is another:
 * 2700亿元 from robotics' "one quarter" and about 3500亿元 from new materials' "half" of the
 * district's industrial output. Where a statement gives the quantity, the chart shows it, and a
 * derived value against it is a check (checks.csv), as in findDiscrepancies.
 */
export function disagreeingDerivations(figures: FigureRow[]): string[] {
	const found: string[] = [];
	for (const group of byQuantity(figures).values()) {
		if (group.some((f) => !f.derived)) continue;
		for (const bulletin of byBulletin(group).values())
			if (!agree(bulletin, printedRange)) found.push(...bulletin.map((f) => f.id));
	}
	return found;
}

function statement(f: FigureRow): RevisionStatement {
	return {
		id: f.id,
		bulletin_id: f.bulletin_id,
		doc_id: f.doc_id,
		meeting_date: f.meeting_date,
		value: f.value,
		unit: f.unit,
		qualifier: f.qualifier,
		base_value: f.base_value,
		quote: f.quote,
		derived: f.derived
	};
}

/**
 * A quantity a later bulletin states with a value the earlier bulletin's statements rule out
 * (ranges as in findDiscrepancies): the later value supersedes the earlier. Bulletins are
 * ordered by their latest meeting date; each bulletin is compared with the one before it that
 * states the quantity. A restatement that agrees is no revision, and a derived value is none.
 */
export function findRevisions(figures: FigureRow[]): Revision[] {
	const found: Revision[] = [];
	for (const [key, group] of byQuantity(figures.filter((f) => !f.derived))) {
		const bulletins = [...byBulletin(group).entries()]
			.map(([id, stated]) => ({
				id,
				stated,
				date: stated.reduce((d, f) => (f.meeting_date > d ? f.meeting_date : d), '')
			}))
			.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
		for (let i = 1; i < bulletins.length; i++) {
			const earlier = bulletins[i - 1]!;
			const later = bulletins[i]!;
			const consistent = earlier.stated.some((e) => later.stated.some((l) => agree([e, l])));
			if (consistent) continue;
			const first = later.stated[0]!;
			found.push({
				key,
				indicator_id: first.indicator_id,
				sector_id: first.sector_id,
				area_id: first.area_id,
				period: first.period,
				measure: first.measure,
				earlier_bulletin: earlier.id,
				later_bulletin: later.id,
				earlier: earlier.stated.map(statement),
				later: later.stated.map(statement),
				difference: Number((first.base_value - earlier.stated[0]!.base_value).toPrecision(12)),
				base_unit: first.base_unit
			});
		}
	}
	return found;
}
