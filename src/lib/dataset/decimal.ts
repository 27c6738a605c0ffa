/**
 * The one reader of numbers typed into data/: plain decimals only (`1700`, `-3.4`, `0.5`).
 * `Number()` also takes " 1700", "0x1F", "1e3", "Infinity" and "+5", and a value with a
 * no-break space or a full-width digit copied from a bulletin would slip through as a
 * different number or none; here each is refused with the reason.
 */

/**
 * Any decimal of up to 15 significant digits comes back unchanged from the nearest float64
 * (DBL_DIG); with 16 or 17 some do not (9007199254740993 is stored as …992), so the stored
 * number could differ from the printed one.
 */
export const MAX_DIGITS = 15;

export interface DecimalRules {
	/** A whole number: no fraction (orders). */
	integer?: boolean;
	/** Whether a leading minus is allowed; true unless said otherwise. */
	negative?: boolean;
	/** Whether `1.5e8` is allowed; no column of data/ allows it today. */
	exponent?: boolean;
}

export type Decimal = { ok: true; value: number } | { ok: false; why: string };

const NAMES: Record<number, string> = {
	0x09: 'tab',
	0x0a: 'line feed',
	0x0d: 'carriage return',
	0x20: 'space',
	0xa0: 'no-break space',
	0x2007: 'figure space',
	0x2009: 'thin space',
	0x200b: 'zero-width space',
	0x200c: 'zero-width non-joiner',
	0x200d: 'zero-width joiner',
	0x2060: 'word joiner',
	0x202f: 'narrow no-break space',
	0x2212: 'minus sign',
	0x3000: 'ideographic space',
	0xfeff: 'byte-order mark',
	0xff0b: 'full-width plus',
	0xff0c: 'full-width comma',
	0xff0d: 'full-width minus',
	0xff0e: 'full-width full stop'
};

/** Characters a reader cannot see or cannot tell from ASCII: spaces, format marks, look-alikes. */
const HIDDEN = /[\s\p{C}\p{Z}\uFF00-\uFFEF\u2010-\u2015\u2212]|(?![0-9])\p{Nd}/u;

const code = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** `text` with every invisible or look-alike character spelled out: "1700<U+00A0>". */
export function visible(text: string): string {
	return [...text].map((ch) => (HIDDEN.test(ch) ? `<${code(ch)}>` : ch)).join('');
}

function describeChar(ch: string): string {
	const name = NAMES[ch.codePointAt(0)!];
	return name ? `${code(ch)} (${name})` : code(ch);
}

const PLAIN = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
const WITH_EXPONENT = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

function hiddenProblem(text: string): string | null {
	const chars = [...text];
	const at = chars.findIndex((ch) => HIDDEN.test(ch));
	if (at < 0) return null;
	const ch = chars[at]!;
	const where = at === 0 ? 'starts with' : at === chars.length - 1 ? 'ends with' : 'holds';
	if (/\p{Nd}/u.test(ch)) return `${where} the digit ${ch} ${describeChar(ch)}: write ASCII digits`;
	if (/[\p{Pd}\u2212\uFF0D]/u.test(ch)) return `${where} ${describeChar(ch)}: write the ASCII -`;
	return `${where} ${describeChar(ch)}`;
}

function shapeProblem(text: string, rules: DecimalRules): string | null {
	const grammar = rules.exponent ? WITH_EXPONENT : PLAIN;
	if (grammar.test(text)) return null;
	const unsigned = text.replace(/^[+-]/, '');
	if (/^(?:infinity|nan)$/i.test(unsigned)) return 'not a finite number';
	if (/^0x/i.test(unsigned)) return 'hexadecimal is not allowed';
	if (/^0b/i.test(unsigned)) return 'binary is not allowed';
	if (/^0o/i.test(unsigned)) return 'octal is not allowed';
	if (text.startsWith('+')) return 'a leading + is not allowed';
	if (text.includes(','))
		return 'a comma is not allowed (no thousands separators or decimal commas)';
	if (text.includes('_')) return 'digit separators are not allowed';
	if (WITH_EXPONENT.test(text)) return 'exponent notation is not allowed in this column';
	if (/^-?0[0-9]/.test(text)) return 'a leading zero is not allowed';
	if (/^-?\./.test(text)) return 'write a digit before the point (0.5)';
	if (/\.$/.test(text)) return 'write a digit after the point, or no point';
	return 'expected digits with an optional leading - and fraction, like -12.5';
}

/** Significant digits as printed: `1700` → 4, `0.0125` → 3, `1.50` → 3. */
export function significantDigits(text: string): number {
	const mantissa = text.replace(/^-/, '').replace(/[eE].*$/, '');
	return mantissa.replace('.', '').replace(/^0+/, '').length;
}

/** Read a plain decimal, or say in a few words why `text` is not one. */
export function parseDecimal(text: string, rules: DecimalRules = {}): Decimal {
	if (text === '') return { ok: false, why: 'it is empty' };
	const why = hiddenProblem(text) ?? shapeProblem(text, rules);
	if (why) return { ok: false, why };
	if (/^-0(?:\.0+)?(?:[eE].*)?$/.test(text)) return { ok: false, why: 'write 0, not -0' };
	if (rules.negative === false && text.startsWith('-'))
		return { ok: false, why: 'it must not be negative' };
	if (rules.integer && /[.eE]/.test(text)) return { ok: false, why: 'it must be a whole number' };
	const digits = significantDigits(text);
	if (digits > MAX_DIGITS)
		return {
			ok: false,
			why: `${digits} significant digits; a float64 keeps ${MAX_DIGITS} exactly, so the stored number would not be the printed one`
		};
	const value = Number(text);
	if (!Number.isFinite(value)) return { ok: false, why: 'out of range' };
	return { ok: true, value };
}

/** The message of a refused number: `"1700<U+00A0>" is not a plain decimal: ends with U+00A0 …`. */
export function decimalMessage(text: string, why: string): string {
	return `"${visible(text)}" is not a plain decimal: ${why}`;
}
