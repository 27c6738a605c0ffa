import type { Qualifier } from '../data/schema.js';
import { normalise } from './normalise.js';

/** A number as printed in the text, with where it lies in the original string. */
export interface NumberToken {
	/** The digits as printed, after folding full-width forms and dropping separators. */
	text: string;
	value: number;
	start: number;
	end: number;
}

/**
 * Every Arabic number in `text`: full-width digits (１７２５), thousands separators (1,725 and
 * "3 000" as typeset), decimals. Chinese numerals are left to the caller's `written` column.
 */
export function findNumbers(text: string): NumberToken[] {
	const folded = normalise(guardSeparators(text));
	const tokens: NumberToken[] = [];
	// normalise() drops whitespace, so "3 000" arrives as "3000"; a typeset space inside a
	// number is only taken as a separator when it separates a group of exactly three digits
	const re = /\d+(?:,\d{3})*(?:\.\d+)?/g;
	for (const match of folded.text.matchAll(re)) {
		const start = folded.offsets[match.index]!;
		const end = folded.offsets[match.index + match[0].length - 1]! + 1;
		for (const piece of splitSpaced(text, start, end, match[0])) tokens.push(piece);
	}
	return tokens;
}

/**
 * The text with every tab, and every space between digits that does not separate a thousands
 * group, made a visible mark of the same length, so normalise() keeps the numbers apart
 * (a table row "725.3\t6.2\t38.9" is three numbers; "36 533" stays one).
 */
function guardSeparators(text: string): string {
	return text.replace(
		/(\d)([ \t\u3000]+)(?=(\d+)(\.\d)?)/g,
		(all, digit: string, space: string, next: string, decimal: string | undefined, at: number) => {
			const run = /[\d.,]*$/.exec(text.slice(Math.max(0, at - 40), at + 1))![0];
			const group =
				!/\t/.test(space) &&
				next.length === 3 &&
				!decimal &&
				/^\d{1,3}(?:,\d{3})*$/.test(run.replace(/ /g, ''));
			return group ? all : digit + '|'.repeat(space.length);
		}
	);
}

/** Undo a merge across whitespace that was not a thousands separator ("2023 5" → 2023, 5). */
function splitSpaced(original: string, start: number, end: number, digits: string): NumberToken[] {
	const raw = original.slice(start, end);
	const parts = raw.split(/[\s\u3000]+/);
	const isGrouped = parts.length > 1 && parts.slice(1).every((p) => /^\d{3}(?:\.\d+)?$/.test(p));
	if (parts.length === 1 || isGrouped) {
		const clean = digits.replace(/,/g, '');
		return [{ text: clean, value: Number(clean), start, end }];
	}
	const tokens: NumberToken[] = [];
	let cursor = start;
	for (const part of parts) {
		const at = original.indexOf(part, cursor);
		const clean = normalise(part).text.replace(/,/g, '');
		tokens.push({ text: clean, value: Number(clean), start: at, end: at + part.length });
		cursor = at + part.length;
	}
	return tokens;
}

/** Whether `quote` states the number `value` (a decimal string; its sign is ignored). */
export function quoteStatesValue(quote: string, value: string): boolean {
	const target = Math.abs(Number(value));
	if (!Number.isFinite(target)) return false;
	return findNumbers(quote).some((token) => token.value === target);
}

const QUALIFIER_BEFORE: [RegExp, Qualifier][] = [
	[/(约|大约|左右)$/, 'about'],
	[/(超过|逾|突破|高于|多于)$/, 'over'],
	[/(不低于|不少于)$/, 'at-least'],
	[/(近|将近|接近)$/, 'nearly'],
	[/(不到|不足|低于)$/, 'under']
];
const QUALIFIER_AFTER: [RegExp, Qualifier][] = [
	[/^(余|多)/, 'over'],
	[/^(左右)/, 'about'],
	[/^(以上)/, 'at-least'],
	[/^(以下|以内)/, 'under']
];

export interface Quantity extends NumberToken {
	/** The unit as written, with its multiplier: 亿元, 万户, 公顷, %. Empty when none follows. */
	unit: string;
	qualifier: Qualifier | null;
}

/**
 * Numbers with the unit that follows them. `units` are the units the catalogue knows; the
 * longest one that matches wins, so 万立方米 beats 万 and 立方米. "3万余次" is 3 万次 over;
 * "3000余路" is 3000 路 over.
 */
export function findQuantities(text: string, units: readonly string[]): Quantity[] {
	const known = [...units].sort((a, b) => b.length - a.length);
	const unitAt = (s: string) => known.find((u) => s.startsWith(u)) ?? '';
	return findNumbers(text).map((token) => {
		const before = normalise(text.slice(Math.max(0, token.start - 4), token.start)).text;
		const after = normalise(text.slice(token.end, token.end + 12)).text;
		let qualifier = QUALIFIER_BEFORE.find(([re]) => re.test(before))?.[1] ?? null;
		let unit = unitAt(after);
		let rest = after.slice(unit.length);
		const spelled = /^([万亿]?)(余|多)/.exec(after);
		if (!unit && spelled) {
			// 3000余路, 3万余次: the 余 sits between the number (with its multiplier) and the unit
			const tail = unitAt(after.slice(spelled[0].length));
			const combined = spelled[1] + tail;
			unit = known.includes(combined) ? combined : tail;
			rest = after.slice(spelled[0].length + tail.length);
			qualifier = 'over';
		}
		for (const [re, q] of QUALIFIER_AFTER) if (re.test(rest)) qualifier ??= q;
		return { ...token, unit, qualifier };
	});
}
