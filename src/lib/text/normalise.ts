/**
 * Matching text that was typeset: the bulletin breaks sentences across pages (blank lines),
 * puts spaces around and inside numbers, mixes full- and half-width punctuation and leaves
 * markdown bold markers (`**`). We compare a normalised form and map every normalised
 * character back to its offset in the original, so a stored offset points at the source.
 */

export interface Normalised {
	text: string;
	/** offsets[i] is the index in the original string of normalised character i. */
	offsets: number[];
}

const QUOTES: Record<string, string> = {
	'“': '"',
	'”': '"',
	'‘': "'",
	'’': "'",
	'「': '"',
	'」': '"',
	'〔': '[',
	'〕': ']',
	'【': '[',
	'】': ']',
	'—': '-',
	'－': '-',
	'–': '-',
	'·': '·',
	'\u3000': ' '
};

/** One character in its comparable form; '' drops it. */
export function foldChar(ch: string): string {
	const code = ch.charCodeAt(0);
	if (/\s/.test(ch)) return '';
	if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
	return QUOTES[ch] ?? ch;
}

export function normalise(original: string): Normalised {
	let text = '';
	const offsets: number[] = [];
	for (let i = 0; i < original.length; i++) {
		if (original[i] === '*' && original[i + 1] === '*') {
			i++;
			continue;
		}
		const folded = foldChar(original[i]!);
		if (folded === '' || folded === ' ') continue;
		text += folded;
		offsets.push(i);
	}
	return { text, offsets };
}

/** Normalise a short string for comparison only (no offsets). */
export function fold(s: string): string {
	return normalise(s).text;
}

export interface Span {
	start: number;
	end: number;
}

/**
 * Find `needle` in `haystack` (both normalised), searching from original offset `from` up to
 * `to`. Returns the span in the original haystack text, or null.
 */
export function findNormalised(
	haystack: Normalised,
	needle: string,
	range: { from?: number; to?: number } = {}
): Span | null {
	const target = fold(needle);
	if (target === '') return null;
	const startIndex = lowerBound(haystack.offsets, range.from ?? 0);
	const at = haystack.text.indexOf(target, startIndex);
	if (at < 0) return null;
	const start = haystack.offsets[at]!;
	const end = haystack.offsets[at + target.length - 1]! + 1;
	if (range.to !== undefined && end > range.to) return null;
	return { start, end };
}

/** Every occurrence of `needle` within [from, to). */
export function findAllNormalised(
	haystack: Normalised,
	needle: string,
	range: { from?: number; to?: number } = {}
): Span[] {
	const spans: Span[] = [];
	let from = range.from ?? 0;
	for (;;) {
		const span = findNormalised(haystack, needle, { from, to: range.to });
		if (!span) return spans;
		spans.push(span);
		from = span.start + 1;
	}
}

function lowerBound(sorted: number[], value: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (sorted[mid]! < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
