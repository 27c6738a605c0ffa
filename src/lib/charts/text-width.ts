/**
 * Text width without a DOM (the charts are laid out at build time in Node): CJK and full-width
 * characters take 1em, others about 0.58em. An estimate; labels get a little slack for it.
 */
export function textWidth(text: string, fontSize: number): number {
	let ems = 0;
	for (const ch of text) {
		const code = ch.codePointAt(0)!;
		ems += code >= 0x2e80 || (code >= 0xff00 && code <= 0xffef) ? 1 : ch === ' ' ? 0.3 : 0.58;
	}
	return ems * fontSize;
}

/** A run of text; one with a figure prints that figure's value and is never broken. */
export interface Piece {
	text: string;
	figure?: string;
}

const TOKENS = /[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/g;

/**
 * Break a label into lines no wider than `maxWidth`: between words for Latin text, between
 * characters for Chinese, after an opening bracket never.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 3): string[] {
	return wrapPieces([{ text }], maxWidth, fontSize, maxLines).map((line) =>
		line.map((p) => p.text).join('')
	);
}

/**
 * `wrapText` over runs of text, keeping each printed value (a piece with a figure) whole on one
 * line, so that it can carry its figure into the markup. A value cut short by the last line's
 * ellipsis no longer prints its number, and loses its figure.
 */
export function wrapPieces(
	pieces: Piece[],
	maxWidth: number,
	fontSize: number,
	maxLines = 3
): Piece[][] {
	const tokens = pieces.flatMap((p) =>
		p.figure ? [p] : (p.text.match(TOKENS) ?? [p.text]).map((text) => ({ text }))
	);
	const width = (line: Piece[]) => textWidth(joined(line).trimEnd(), fontSize);
	const lines: Piece[][] = [];
	let current: Piece[] = [];
	for (const token of tokens) {
		if (current.length && joined(current) && width([...current, token]) > maxWidth) {
			lines.push(trimEnd(current));
			const start = { ...token, text: token.text.trimStart() };
			current = start.text ? [start] : [];
		} else current.push(token);
	}
	if (joined(current).trim()) lines.push(trimEnd(current));
	const merged = lines.map(merge);
	if (merged.length <= maxLines) return merged;
	const kept = merged.slice(0, maxLines);
	const last = kept[maxLines - 1]!;
	const end = last.at(-1)!;
	last[last.length - 1] = { text: end.text.replace(/.$/, '…') };
	return kept;
}

const joined = (line: Piece[]) => line.map((p) => p.text).join('');

function trimEnd(line: Piece[]): Piece[] {
	const out = [...line];
	while (out.length) {
		const last = out.at(-1)!;
		const text = last.text.trimEnd();
		if (text) {
			out[out.length - 1] = { ...last, text };
			break;
		}
		out.pop();
	}
	return out;
}

/** Adjacent runs without a figure become one. */
function merge(line: Piece[]): Piece[] {
	const out: Piece[] = [];
	for (const p of line) {
		const prev = out.at(-1);
		if (prev && !prev.figure && !p.figure) out[out.length - 1] = { text: prev.text + p.text };
		else out.push(p.figure ? { text: p.text, figure: p.figure } : { text: p.text });
	}
	return out;
}
