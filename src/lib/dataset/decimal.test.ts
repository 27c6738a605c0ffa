import { describe, expect, it } from 'vitest';
import { decimalMessage, parseDecimal, significantDigits, visible } from './decimal.js';

const why = (text: string, rules = {}) => {
	const read = parseDecimal(text, rules);
	return read.ok ? `accepted as ${read.value}` : read.why;
};

describe('parseDecimal', () => {
	it('accepts plain decimals: digits, an optional leading minus and an optional fraction', () => {
		for (const [text, value] of [
			['1700', 1700],
			['0', 0],
			['-38', -38],
			['5673.5', 5673.5],
			['0.0666666666666667', 0.0666666666666667],
			['1.50', 1.5]
		] as const)
			expect(parseDecimal(text)).toEqual({ ok: true, value });
	});

	it('refuses what Number() takes silently: hex, binary, octal, Infinity, NaN, exponents, a plus', () => {
		expect(why('0x1F')).toBe('hexadecimal is not allowed');
		expect(why('0b101')).toBe('binary is not allowed');
		expect(why('0o17')).toBe('octal is not allowed');
		expect(why('Infinity')).toBe('not a finite number');
		expect(why('-Infinity')).toBe('not a finite number');
		expect(why('NaN')).toBe('not a finite number');
		expect(why('1e3')).toBe('exponent notation is not allowed in this column');
		expect(why('+5')).toBe('a leading + is not allowed');
	});

	it('takes exponent notation only where the column allows it', () => {
		expect(parseDecimal('1.5e8', { exponent: true })).toEqual({ ok: true, value: 1.5e8 });
		expect(why('1e999', { exponent: true })).toBe('out of range');
	});

	it('refuses thousands separators, decimal commas and other shapes', () => {
		expect(why('1,700')).toMatch(/^a comma is not allowed/);
		expect(why('1,5')).toMatch(/^a comma is not allowed/);
		expect(why('1_000')).toBe('digit separators are not allowed');
		expect(why('007')).toBe('a leading zero is not allowed');
		expect(why('.5')).toBe('write a digit before the point (0.5)');
		expect(why('5.')).toBe('write a digit after the point, or no point');
		expect(why('1.2.3')).toMatch(/^expected digits/);
		expect(why('1700亩')).toMatch(/^expected digits/);
		expect(why('-')).toMatch(/^expected digits/);
		expect(why('')).toBe('it is empty');
		expect(why('-0')).toBe('write 0, not -0');
	});

	it('refuses whitespace of any kind, before, after or inside, naming the character', () => {
		expect(why(' 1700')).toBe('starts with U+0020 (space)');
		expect(why('1700\t')).toBe('ends with U+0009 (tab)');
		expect(why('1 700')).toBe('holds U+0020 (space)');
		expect(why('1700\u00a0')).toBe('ends with U+00A0 (no-break space)');
		expect(why('1\u2007700')).toBe('holds U+2007 (figure space)');
		expect(why('1\u202f700')).toBe('holds U+202F (narrow no-break space)');
		expect(why('\u3000' + '1700')).toBe('starts with U+3000 (ideographic space)');
	});

	it('refuses invisible format characters that trim() keeps', () => {
		expect(why('1700\u200b')).toBe('ends with U+200B (zero-width space)');
		expect(why('17\u200c00')).toBe('holds U+200C (zero-width non-joiner)');
		expect(why('17\u200d00')).toBe('holds U+200D (zero-width joiner)');
		expect(why('17\u206000')).toBe('holds U+2060 (word joiner)');
		expect(why('\ufeff1700')).toBe('starts with U+FEFF (byte-order mark)');
	});

	it('refuses full-width digits and look-alike minus signs', () => {
		expect(why('１７００')).toBe('starts with the digit １ U+FF11: write ASCII digits');
		expect(why('17０0')).toBe('holds the digit ０ U+FF10: write ASCII digits');
		expect(why('\u221238')).toBe('starts with U+2212 (minus sign): write the ASCII -');
		expect(why('－38')).toBe('starts with U+FF0D (full-width minus): write the ASCII -');
	});

	it('refuses more significant digits than a float64 keeps, so the stored number is the printed one', () => {
		expect(parseDecimal('123456789012345')).toEqual({ ok: true, value: 123456789012345 });
		expect(parseDecimal('0.000123456789012345')).toEqual({ ok: true, value: 0.000123456789012345 });
		expect(why('9007199254740993')).toMatch(/^16 significant digits; a float64 keeps 15 exactly/);
		expect(why('0.1000000000000000055')).toMatch(/^19 significant digits/);
	});

	it('applies the column rules: whole numbers, no minus', () => {
		expect(why('1.5', { integer: true })).toBe('it must be a whole number');
		expect(parseDecimal('12', { integer: true })).toEqual({ ok: true, value: 12 });
		expect(why('-0.5', { negative: false })).toBe('it must not be negative');
	});
});

describe('significantDigits', () => {
	it('counts digits as printed, without leading zeros', () => {
		expect([
			significantDigits('1700'),
			significantDigits('0.0125'),
			significantDigits('-1.50')
		]).toEqual([4, 3, 3]);
	});
});

describe('visible', () => {
	it('spells out invisible and look-alike characters and leaves the rest', () => {
		expect(visible('1\u00a0700\u200b')).toBe('1<U+00A0>700<U+200B>');
		expect(visible('１7 亩')).toBe('<U+FF11>7<U+0020>亩');
		expect(decimalMessage('1700\u00a0', 'ends with U+00A0 (no-break space)')).toBe(
			'"1700<U+00A0>" is not a plain decimal: ends with U+00A0 (no-break space)'
		);
	});
});
