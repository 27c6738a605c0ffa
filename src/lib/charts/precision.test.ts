import { describe, expect, it } from 'vitest';
import { decimalsOf, roundProduct, roundSignificant, significantDigits } from './precision.js';

describe('precision of written numbers', () => {
	it('counts the digits the bulletin printed', () => {
		expect(significantDigits('1725')).toBe(4);
		expect(significantDigits('0.46')).toBe(2);
		expect(significantDigits('2.80')).toBe(3);
		expect(significantDigits('36,533')).toBe(5);
		expect(significantDigits('1100')).toBe(4);
		expect(significantDigits('1100', { trailingZeros: false })).toBe(2);
		expect(significantDigits('−13.552')).toBe(5);
		expect(significantDigits('n/a')).toBe(0);
	});

	it('counts decimals', () => {
		expect(decimalsOf('39.7')).toBe(1);
		expect(decimalsOf('1725')).toBe(0);
	});

	it('rounds a share of 1725 in 2732 to four digits, not eleven', () => {
		expect(roundProduct((1725 / 2732) * 100, ['1725', '2732'])).toBe(63.14);
		expect(roundSignificant(13.55234, 3)).toBe(13.6);
	});

	it('does not count the trailing zeros of a whole number: 3000 of 9000 channels is 33%', () => {
		expect(roundProduct((3000 / 9000) * 100, ['3000', '9000'])).toBe(33);
		expect(roundProduct((4700 / 12000) * 100, ['4700', '16700'])).toBe(39);
		expect(roundProduct((18 / 37) * 100, ['18', '37'])).toBe(49);
	});

	it('keeps at least two digits for a ratio of one-digit inputs', () => {
		expect(roundProduct((2 / 3) * 100, ['2', '3'])).toBe(67);
	});
});
