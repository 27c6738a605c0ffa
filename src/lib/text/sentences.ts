/**
 * Sentences and clauses of typeset text. A paragraph may break across pages (a blank line in
 * the middle of a sentence), so only punctuation ends a sentence, except for headings: a short
 * line without punctuation (（一）吴淞创新城情况) stands alone.
 */
import type { Span } from './normalise.js';

const SENTENCE_END = /[。；！？;!?.]/;
const CLAUSE_END = /[。；！？;!?.，,：:]/;

/**
 * Whether the character at `i` ends a sentence or clause. Web copies write half-width
 * punctuation, so `.`, `,` and `:` end one too, except between digits (5.4, 258,221, 0.1:31.3)
 * or inside a Latin word (PM2.5 is caught by the digits; www.gov.cn by the letters).
 */
function endsAt(text: string, i: number, ends: RegExp): boolean {
	const ch = text[i]!;
	if (!ends.test(ch)) return false;
	if (!/[.,:]/.test(ch)) return true;
	const before = text[i - 1] ?? '';
	const after = text[i + 1] ?? '';
	return !(/[\dA-Za-z]/.test(before) && /[\dA-Za-z]/.test(after));
}
const HEADING_MAX = 40;

const LIST_MARK = /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])/;

/** A short line that stands alone: （一）吴淞创新城情况, 1. 土地利用现状情况. */
export function isHeadingLine(line: string): boolean {
	const t = line.trim();
	if (t.length === 0 || t.length > HEADING_MAX || /[。；;]$/.test(t)) return false;
	return LIST_MARK.test(t) || !/[，。；,;：:]/.test(t);
}

/** Where the line holding `at` starts and ends. */
function lineAt(text: string, at: number): Span {
	const start = text.lastIndexOf('\n', at - 1) + 1;
	const end = text.indexOf('\n', at);
	return { start, end: end < 0 ? text.length : end };
}

function boundedSpan(text: string, at: number, ends: RegExp, limits: Span): Span {
	const own = lineAt(text, at);
	if (isHeadingLine(text.slice(own.start, own.end))) limits = own;
	const headingEndsAt = (nl: number) => isHeadingLine(text.slice(lineAt(text, nl - 1).start, nl));
	// 主任、各位副主任、各位委员：ends its line, and a sentence, with a colon
	const afterColon = (nl: number) => /[：:]\s*$/.test(text.slice(Math.max(0, nl - 4), nl));
	const headingStartsAt = (nl: number) =>
		isHeadingLine(text.slice(nl + 1, lineAt(text, nl + 1).end));
	let start = at;
	while (start > limits.start) {
		const ch = text[start - 1]!;
		if (
			endsAt(text, start - 1, ends) ||
			(ch === '\n' && (headingEndsAt(start - 1) || afterColon(start - 1)))
		)
			break;
		start--;
	}
	let end = at;
	while (end < limits.end) {
		const ch = text[end]!;
		if (endsAt(text, end, ends)) {
			end++;
			break;
		}
		if (ch === '\n' && (headingStartsAt(end) || afterColon(end))) break;
		end++;
	}
	while (start < end && /\s/.test(text[start]!)) start++;
	while (end > start && /\s/.test(text[end - 1]!)) end--;
	return { start, end };
}

/** The sentence holding offset `at`, within `limits` (a document's span). */
export function sentenceAt(text: string, at: number, limits: Span): Span {
	return boundedSpan(text, at, SENTENCE_END, limits);
}

/** The clause (between commas, colons and sentence ends) holding `at`. */
export function clauseAt(text: string, at: number, limits: Span): Span {
	return boundedSpan(text, at, CLAUSE_END, limits);
}

/** Text as a reader quotes it: page breaks and bold markers dropped, spaces kept. */
export function readable(text: string): string {
	return text
		.replace(/\*\*/g, '')
		.replace(/\s*\n\s*/g, '')
		.trim();
}
