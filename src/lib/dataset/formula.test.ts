import { describe, expect, it } from 'vitest';
import { evaluate, FormulaError, parseFormula, references, render } from './formula.js';

describe('formulas', () => {
	const values: Record<string, number> = { a: 1700, b: -38, c: 4 };
	const lookup = (id: string) => values[id]!;

	it('evaluates arithmetic over figure ids with precedence and parentheses', () => {
		expect(evaluate(parseFormula('{a} - {b}'), lookup)).toBe(1738);
		expect(evaluate(parseFormula('({a} + {b}) / 2 * {c}'), lookup)).toBe(3324);
		expect(evaluate(parseFormula('-{b} * 100'), lookup)).toBe(3800);
	});

	it('lists the figures a formula uses, once each', () => {
		expect(references(parseFormula('{a} + {b} + {a}'))).toEqual(['a', 'b']);
	});

	it('renders the formula with the written values', () => {
		expect(render(parseFormula('{a} - {b}'), (id) => `${values[id]}公顷`)).toBe(
			'1700公顷 − -38公顷'
		);
		expect(render(parseFormula('{a} - ({b} + {c})'), (id) => String(values[id]))).toBe(
			'1700 − (-38 + 4)'
		);
	});

	it('names what is wrong with a malformed formula', () => {
		expect(() => parseFormula('{a} +')).toThrow(FormulaError);
		expect(() => parseFormula('{a} ^ 2')).toThrow(/unexpected/);
		expect(() => parseFormula('({a} + 1')).toThrow(/missing \)/);
		expect(() => parseFormula('')).toThrow(/empty/);
	});

	it('reads a number in a formula as a plain decimal', () => {
		expect(evaluate(parseFormula('{a} * 0.25'), lookup)).toBe(425);
		expect(() => parseFormula('{a} * 1e8')).toThrow(
			'"1e8" is not a plain decimal: exponent notation is not allowed in this column'
		);
		expect(() => parseFormula('{a} * 1.2.3')).toThrow(/"1\.2\.3" is not a plain decimal/);
		expect(() => parseFormula('{a} * 100000000000000001')).toThrow(/18 significant digits/);
	});
});
