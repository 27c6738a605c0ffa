/**
 * How many digits a number deserves. A value computed from figures the bulletin printed with
 * four significant digits is not known to nine: a ratio, share or growth rate keeps the
 * precision of its least precise input, a sum or difference the decimals of its inputs.
 */

/** Digits of a number as written: `1725` → 4, `0.46` → 2, `2.80` → 3, `1100` → 4 (or 2 with `trailingZeros: false`). */
export function significantDigits(written: string, { trailingZeros = true } = {}): number {
	const m = /^[−-]?(\d*)(?:\.(\d*))?$/.exec(written.replace(/[,\s]/g, ''));
	if (!m) return 0;
	const [, int = '', frac] = m;
	if (frac !== undefined) {
		const digits = (int + frac).replace(/^0+/, '');
		return digits.length;
	}
	const digits = int.replace(/^0+/, '');
	return trailingZeros ? digits.length : digits.replace(/0+$/, '').length;
}

/** Decimals of a number as written: `39.7` → 1, `1725` → 0. */
export function decimalsOf(written: string): number {
	const dot = written.indexOf('.');
	return dot < 0 ? 0 : written.length - dot - 1;
}

/** `value` rounded to `digits` significant digits (1 to 15). */
export function roundSignificant(value: number, digits: number): number {
	if (!Number.isFinite(value) || value === 0) return value;
	const d = Math.max(1, Math.min(15, Math.round(digits)));
	return Number(value.toPrecision(d));
}

/**
 * A ratio, share or growth rate computed from these written inputs, rounded to the fewest
 * significant digits among them (at least two, so 1:1.5 still reads as 67%, not 70%). The
 * trailing zeros of a whole number are not counted: 3000 of 9000 is 33%, not 33.33%.
 */
export function roundProduct(value: number, inputs: string[]): number {
	const digits = Math.min(
		...inputs.map((t) => significantDigits(t, { trailingZeros: false })).filter((d) => d > 0)
	);
	return roundSignificant(value, Number.isFinite(digits) ? Math.max(2, digits) : 3);
}
