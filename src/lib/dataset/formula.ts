/**
 * Formulas over figure ids: `{land-cultivated-2023} - {land-cultivated-change-2023}`.
 * Arithmetic only (+ − × ÷, parentheses, numbers); evaluated on base values.
 */

import { decimalMessage, parseDecimal } from './decimal.js';

export type Expr =
	| { kind: 'number'; value: number }
	| { kind: 'ref'; id: string }
	| { kind: 'neg'; arg: Expr }
	| { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

export class FormulaError extends Error {}

type Token =
	{ kind: 'number'; value: number } | { kind: 'ref'; id: string } | { kind: 'op'; op: string };

function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	const re = /\s*(?:([0-9][0-9.]*(?:e[+-]?[0-9]+)?)|\{([a-z0-9][a-z0-9-]*)\}|([-+*/()]))/iy;
	let at = 0;
	while (at < source.length) {
		if (/^\s*$/.test(source.slice(at))) break;
		re.lastIndex = at;
		const m = re.exec(source);
		if (!m)
			throw new FormulaError(`unexpected "${source.slice(at).trim().slice(0, 12)}" at ${at + 1}`);
		if (m[1]) {
			const read = parseDecimal(m[1]);
			if (!read.ok) throw new FormulaError(decimalMessage(m[1], read.why));
			tokens.push({ kind: 'number', value: read.value });
		} else if (m[2]) tokens.push({ kind: 'ref', id: m[2] });
		else tokens.push({ kind: 'op', op: m[3]! });
		at = re.lastIndex;
	}
	return tokens;
}

export function parseFormula(source: string): Expr {
	const tokens = tokenize(source);
	let i = 0;
	const peekOp = () => {
		const t = tokens[i];
		return t?.kind === 'op' ? t.op : null;
	};
	function primary(): Expr {
		const t = tokens[i++];
		if (!t) throw new FormulaError('formula ends too early');
		if (t.kind === 'number') return t;
		if (t.kind === 'ref') return t;
		if (t.op === '-') return { kind: 'neg', arg: primary() };
		if (t.op === '(') {
			const inner = sum();
			if (tokens[i]?.kind !== 'op' || peekOp() !== ')') throw new FormulaError('missing )');
			i++;
			return inner;
		}
		throw new FormulaError(`unexpected ${t.op}`);
	}
	function product(): Expr {
		let left = primary();
		while (peekOp() === '*' || peekOp() === '/') {
			const op = peekOp() as '*' | '/';
			i++;
			left = { kind: 'binary', op, left, right: primary() };
		}
		return left;
	}
	function sum(): Expr {
		let left = product();
		while (peekOp() === '+' || peekOp() === '-') {
			const op = peekOp() as '+' | '-';
			i++;
			left = { kind: 'binary', op, left, right: product() };
		}
		return left;
	}
	if (tokens.length === 0) throw new FormulaError('empty formula');
	const expr = sum();
	if (i < tokens.length) throw new FormulaError('unexpected text after the formula');
	return expr;
}

export function references(expr: Expr): string[] {
	switch (expr.kind) {
		case 'number':
			return [];
		case 'ref':
			return [expr.id];
		case 'neg':
			return references(expr.arg);
		case 'binary':
			return [...new Set([...references(expr.left), ...references(expr.right)])];
	}
}

export function evaluate(expr: Expr, lookup: (id: string) => number): number {
	switch (expr.kind) {
		case 'number':
			return expr.value;
		case 'ref':
			return lookup(expr.id);
		case 'neg':
			return -evaluate(expr.arg, lookup);
		case 'binary': {
			const a = evaluate(expr.left, lookup);
			const b = evaluate(expr.right, lookup);
			if (expr.op === '+') return a + b;
			if (expr.op === '-') return a - b;
			if (expr.op === '*') return a * b;
			return a / b;
		}
	}
}

/** The formula with each reference replaced by its value as written: `1700 − (−38)`. */
export function render(expr: Expr, show: (id: string) => string, parent = 0): string {
	const precedence = (e: Expr) =>
		e.kind === 'binary' ? (e.op === '+' || e.op === '-' ? 1 : 2) : 3;
	switch (expr.kind) {
		case 'number':
			return String(expr.value);
		case 'ref':
			return show(expr.id);
		case 'neg':
			return `−${render(expr.arg, show, 3)}`;
		case 'binary': {
			const p = precedence(expr);
			const symbol = { '+': ' + ', '-': ' − ', '*': ' × ', '/': ' ÷ ' }[expr.op];
			const text = `${render(expr.left, show, p)}${symbol}${render(expr.right, show, p + (expr.op === '-' || expr.op === '/' ? 1 : 0))}`;
			return p < parent ? `(${text})` : text;
		}
	}
}
