/**
 * A declared note filled in from the data: each cited figure is written as the site writes it
 * (valueLabel, periodLabel), so the note says what the figures say, in the reader's language.
 * A figure a later bulletin revised is cited as revised. The result is plain text, rendered
 * as text, never as HTML.
 */
import { formatNumber, type Lang } from '$lib/charts/format.js';
import type { ChartRow } from '$lib/data/queries.js';
import type { CitedText } from '$lib/dataset/charts.js';
import type { Segment } from '$lib/dataset/chart-text.js';
import type { Text } from '$lib/messages.js';
import { periodLabel, valueLabel, type FigureValue } from '$lib/series.js';

/** What a note needs of a figure: a row of figures.json or of a chart query. */
export type CitedFigure = FigureValue & Pick<ChartRow, 'id'> & { superseded_by?: string | null };

export type FigureLookup = (id: string) => CitedFigure | undefined;

/** The statement that stands for a figure now: itself, or the later one that revised it. */
export function currentFigure(id: string, lookup: FigureLookup): CitedFigure | undefined {
	const seen = new Set<string>();
	let figure = lookup(id);
	while (figure?.superseded_by && !seen.has(figure.id)) {
		seen.add(figure.id);
		figure = lookup(figure.superseded_by) ?? figure;
	}
	return figure;
}

function segmentText(segment: Segment, lang: Lang, lookup: FigureLookup): string {
	if (typeof segment === 'string') return segment;
	const figure = currentFigure(segment.figure, lookup);
	// the build refuses a note citing an unknown figure; a missing one here is a stale build
	if (!figure) throw new Error(`a note cites ${segment.figure}, which the figures do not hold`);
	switch (segment.format) {
		case 'period':
			return periodLabel(figure, lang);
		case 'number':
			return lang === 'zh'
				? figure.value_text.replace(/^-/, '−')
				: formatNumber(figure.value, lang);
		case 'abs':
			return valueLabel(
				{
					...figure,
					value: Math.abs(figure.value),
					base_value: Math.abs(figure.base_value),
					value_text: figure.value_text.replace(/^-/, '')
				},
				lang
			);
		case 'value':
			return valueLabel(figure, lang);
	}
}

export function citeText(segments: Segment[], lang: Lang, lookup: FigureLookup): string {
	return segments.map((s) => segmentText(s, lang, lookup)).join('');
}

/** A declared note in both languages, filled in. */
export function citeNote(note: CitedText, lookup: FigureLookup): Text {
	return { zh: citeText(note.zh, 'zh', lookup), en: citeText(note.en, 'en', lookup) };
}
