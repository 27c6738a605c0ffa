import type { CheckResult, Discrepancy, FigureRow } from '../data/schema.js';
import { evaluate, FormulaError, parseFormula, references, render, type Expr } from './formula.js';
import { checkColumns, reject, type Rejection, type SourceRow } from './table.js';
import { describe, resolveDimensions, valueText, type Lookups, type Table } from './validate.js';

export const DERIVED_COLUMNS = ['id', 'indicator', 'sector', 'area', 'period', 'measure', 'unit', 'formula', 'notes'] as const;
export const CHECK_COLUMNS = ['id', 'kind', 'zh', 'en', 'lhs', 'rhs', 'tolerance', 'notes'] as const;
export const CHECK_KINDS = ['sum', 'difference', 'ratio', 'conversion', 'equal'] as const;

function parseChecked(
	row: SourceRow,
	field: string,
	known: Map<string, FigureRow>,
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
	if (missing.length) {
		problems.push(reject(row, field, 'unknown-figure', `no figure ${missing.map((m) => `{${m}}`).join(', ')}`));
		return null;
	}
	return expr;
}

function rowsOf(tables: Table[], columns: readonly string[], problems: Rejection[]): SourceRow[] {
	return tables.flatMap((t) => {
		const header = checkColumns(t.file, t.header, columns);
		problems.push(...header);
		return header.some((p) => p.reason === 'missing-column') ? [] : t.rows;
	});
}

/**
 * Figures computed from declared formulas over other figures' base values. A derived figure
 * may use one declared above it. It takes its document and quote from its first input, so it
 * always leads back to a sentence, and keeps the formula with the inputs' written values.
 */
export function deriveFigures(
	tables: Table[],
	stated: FigureRow[],
	l: Lookups
): { figures: FigureRow[]; rejections: Rejection[] } {
	const problems: Rejection[] = [];
	const known = new Map(stated.map((f) => [f.id, f]));
	const derived: FigureRow[] = [];
	for (const row of rowsOf(tables, DERIVED_COLUMNS, problems)) {
		const v = row.values;
		if (!v.id || !v.formula) {
			problems.push(reject(row, v.id ? 'formula' : 'id', 'empty-field', 'id and formula are required'));
			continue;
		}
		if (known.has(v.id)) {
			problems.push(reject(row, 'id', 'duplicate', `"${v.id}" is already a figure id`));
			continue;
		}
		const before = problems.length;
		const dims = resolveDimensions(row, l, problems);
		const expr = parseChecked(row, 'formula', known, problems);
		if (problems.length > before || !dims || !expr) continue;
		const inputs = references(expr).map((id) => known.get(id)!);
		const base = evaluate(expr, (id) => known.get(id)!.base_value);
		if (!Number.isFinite(base)) {
			problems.push(reject(row, 'formula', 'bad-formula', 'the formula does not give a finite number'));
			continue;
		}
		const kinds = new Set(inputs.map((f) => l.units.get(f.unit)?.kind));
		if (kinds.size === 1 && !kinds.has(dims.unit.kind) && dims.unit.kind !== 'percent') {
			problems.push(reject(row, 'unit', 'unit-mismatch', `inputs are ${[...kinds][0]}, the unit ${dims.unit.unit} is ${dims.unit.kind}`));
			continue;
		}
		const first = inputs[0]!;
		const value = Number((base / dims.unit.factor).toPrecision(12));
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
			value_text: valueText(value),
			qualifier: inputs.some((f) => f.qualifier) ? 'about' : null,
			base_value: Number(base.toPrecision(15)),
			derived: true,
			formula: `${render(expr, (id) => `${known.get(id)!.value_text}${known.get(id)!.unit}`)} = ${valueText(value)}${dims.unit.unit}`,
			inputs: inputs.map((f) => f.id).join(' '),
			notes: v.notes || null
		};
		derived.push(figure);
		known.set(figure.id, figure);
	}
	return { figures: derived, rejections: problems };
}

/** Parse `0.5` (absolute, base units) or `0.5%` (relative to the right-hand side). */
export function tolerance(text: string, rhs: number): number | null {
	const t = text.trim();
	if (t === '') return 0;
	const relative = t.endsWith('%');
	const n = Number(relative ? t.slice(0, -1) : t);
	if (!Number.isFinite(n) || n < 0) return null;
	return relative ? (Math.abs(rhs) * n) / 100 : n;
}

/** Evaluate every declared check; a failing check is a result, not a rejection. */
export function evaluateChecks(
	tables: Table[],
	figures: FigureRow[]
): { checks: CheckResult[]; rejections: Rejection[] } {
	const problems: Rejection[] = [];
	const known = new Map(figures.map((f) => [f.id, f]));
	const ids = new Set<string>();
	const checks: CheckResult[] = [];
	for (const row of rowsOf(tables, CHECK_COLUMNS, problems)) {
		const v = row.values;
		if (!v.id || ids.has(v.id)) {
			problems.push(reject(row, 'id', v.id ? 'duplicate' : 'empty-field', v.id ? `check "${v.id}" is declared twice` : 'id is required'));
			continue;
		}
		ids.add(v.id);
		if (!(CHECK_KINDS as readonly string[]).includes(v.kind ?? '')) {
			problems.push(reject(row, 'kind', 'unknown-measure', `"${v.kind}" is not one of ${CHECK_KINDS.join(', ')}`));
			continue;
		}
		const lhs = parseChecked(row, 'lhs', known, problems);
		const rhs = parseChecked(row, 'rhs', known, problems);
		if (!lhs || !rhs) continue;
		const base = (id: string) => known.get(id)!.base_value;
		const left = evaluate(lhs, base);
		const right = evaluate(rhs, base);
		const tol = tolerance(v.tolerance ?? '', right);
		if (tol === null) {
			problems.push(reject(row, 'tolerance', 'bad-number', `"${v.tolerance}" is not a tolerance (0.5 or 0.5%)`));
			continue;
		}
		const difference = Number((left - right).toPrecision(12));
		checks.push({
			id: v.id,
			kind: v.kind!,
			zh: v.zh ?? '',
			en: v.en ?? '',
			lhs: v.lhs!,
			rhs: v.rhs!,
			lhs_value: Number(left.toPrecision(12)),
			rhs_value: Number(right.toPrecision(12)),
			difference,
			tolerance: v.tolerance || '0',
			passed: Math.abs(left - right) <= tol + 1e-9 * Math.max(1, Math.abs(right)),
			figures: [...new Set([...references(lhs), ...references(rhs)])],
			notes: v.notes || null
		});
	}
	return { checks, rejections: problems };
}

/**
 * The same quantity (indicator, sector, area, period, measure) stated with different values.
 * Values are compared in base units, relative to 10⁻⁹, so 1.1亿元 and 11000万元 agree.
 */
export function findDiscrepancies(figures: FigureRow[]): Discrepancy[] {
	const groups = new Map<string, FigureRow[]>();
	for (const f of figures) {
		const key = [f.indicator_id, f.sector_id ?? '', f.area_id, f.period, f.measure].join('|');
		groups.set(key, [...(groups.get(key) ?? []), f]);
	}
	const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
	const found: Discrepancy[] = [];
	for (const [key, group] of groups) {
		const values = group.map((f) => f.base_value);
		if (values.every((v) => same(v, values[0]!))) continue;
		const first = group[0]!;
		found.push({
			key,
			indicator_id: first.indicator_id,
			sector_id: first.sector_id,
			area_id: first.area_id,
			period: first.period,
			measure: first.measure,
			figures: group.map((f) => ({
				id: f.id,
				doc_id: f.doc_id,
				value: f.value,
				unit: f.unit,
				base_value: f.base_value,
				quote: f.quote,
				derived: f.derived
			}))
		});
	}
	return found;
}
