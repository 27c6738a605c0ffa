/**
 * The typesetting the bulletins' text files carry from their conversion: `**` around bold
 * headings, and `_{…}` / `^{…}` around what the printed bulletin set lower or higher (PM_{2.5}
 * is the printed PM₂.₅). The marks are kept in the data, as the files have them, so every quote
 * and its offsets stay the source's own; they are read here when the text is shown: as
 * subscript and superscript text in a page, as the characters alone where only plain text goes
 * (a tooltip, an accessible name, a Word or PowerPoint briefing). Pure.
 */

export interface TypesetRun {
	text: string;
	/** Set lower (sub) or higher (sup) than the line; none for the line itself. */
	shift?: 'sub' | 'sup';
}

const MARKS = /\*\*|([_^])\{([^{}\n]+)\}/g;

/** `text` as runs of the line and of sub- and superscript, its bold markers left out. */
export function typesetRuns(text: string): TypesetRun[] {
	const runs: TypesetRun[] = [];
	const line = (s: string) => {
		if (!s) return;
		const last = runs.at(-1);
		if (last && !last.shift) last.text += s;
		else runs.push({ text: s });
	};
	let at = 0;
	for (const match of text.matchAll(MARKS)) {
		line(text.slice(at, match.index));
		if (match[1]) runs.push({ text: match[2]!, shift: match[1] === '_' ? 'sub' : 'sup' });
		at = match.index + match[0].length;
	}
	line(text.slice(at));
	return runs;
}

/** `text` with its typesetting marks taken out: PM_{2.5} → PM2.5. */
export function plainText(text: string): string {
	return typesetRuns(text)
		.map((r) => r.text)
		.join('');
}
