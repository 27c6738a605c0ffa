/**
 * A document's text cut into runs for the source reader: plain text, and highlighted runs
 * covered by one or more figures' quotes. Pure; offsets are the bulletin's, shifted to the
 * document's start.
 */

export interface QuoteSpan {
	figure: string;
	start: number;
	end: number;
}

export interface TextRun {
	text: string;
	/** Figures whose quote covers this run. */
	figures: string[];
	/** Figures whose quote starts here (anchors) and ends here (their links follow the run). */
	starts: string[];
	ends: string[];
}

export function textRuns(text: string, offset: number, spans: QuoteSpan[]): TextRun[] {
	const local = spans
		.map((s) => ({ ...s, start: s.start - offset, end: s.end - offset }))
		.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
	const cuts = [...new Set([0, text.length, ...local.flatMap((s) => [s.start, s.end])])].sort(
		(a, b) => a - b
	);
	const runs: TextRun[] = [];
	for (let i = 0; i < cuts.length - 1; i++) {
		const [from, to] = [cuts[i]!, cuts[i + 1]!];
		runs.push({
			text: text.slice(from, to),
			figures: local.filter((s) => s.start <= from && s.end >= to).map((s) => s.figure),
			starts: local.filter((s) => s.start === from).map((s) => s.figure),
			ends: local.filter((s) => s.end === to).map((s) => s.figure)
		});
	}
	return runs;
}
