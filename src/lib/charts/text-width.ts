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

/**
 * Break a label into lines no wider than `maxWidth`: between words for Latin text, between
 * characters for Chinese, after an opening bracket never.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 3): string[] {
	const tokens = text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/g) ?? [text];
	const lines: string[] = [];
	let current = '';
	for (const token of tokens) {
		if (current && textWidth((current + token).trimEnd(), fontSize) > maxWidth) {
			lines.push(current.trimEnd());
			current = token.trimStart();
		} else current += token;
	}
	if (current.trim()) lines.push(current.trimEnd());
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	kept[maxLines - 1] = kept[maxLines - 1]!.replace(/.$/, '…');
	return kept;
}
