/**
 * The briefing pack as a PowerPoint deck (.pptx), built in the browser with `pptxgenjs`.
 *
 * 16:9 (13.33 × 7.5 in): a title slide; one slide per chart with its title, the
 * picture fitted to the space left by the text, and the caption, note and source as
 * text boxes; then the appendix of quoted sentences over as many slides as it needs.
 *
 * PowerPoint does not shrink text to fit until a box is edited, so the text is
 * measured here (conservatively, by character class) to lay out the slides and to
 * split the appendix.
 *
 * `pptxgenjs` is loaded when the first deck is built, so importing this module costs
 * nothing until a download is asked for.
 */
import type PptxGenJS from 'pptxgenjs';
import { BRIEFING_FONTS, briefingWords, quoteNumber, xmlSafePack } from './pack.js';
import type { BriefingChart, BriefingPack, BriefingWords } from './pack.js';
import { plainText } from '../typeset.js';

type Slide = PptxGenJS.Slide;
type TextRun = PptxGenJS.TextProps;

/** Slide and margins, in inches. */
const SLIDE = { w: 13.333, h: 7.5 };
const M = 0.5;
const CONTENT_W = SLIDE.w - 2 * M;
const BOTTOM = SLIDE.h - 0.35;
const GAP = 0.12;
const SIDE_COLUMN_W = 4.0;
const MIN_PICTURE_H = 2.4;

const COLOR = { title: '1F3864', text: '262626', caption: '595959', source: '7F7F7F' };
const SIZE = { title: 24, caption: 12, note: 14, source: 10, quote: 12, group: 14 };
/** Microsoft YaHei's line is about 1.32 em high; a little more, to be safe. */
const LINE = 1.36;

/** Width of a character in em: CJK and full-width forms take a whole em. */
function charEm(c: string): number {
	const code = c.codePointAt(0) ?? 0;
	if (c === ' ') return 0.3;
	if (code < 0x80) return /[A-Z@MW%&mw]/.test(c) ? 0.75 : 0.58;
	if (code >= 0x2000 && code <= 0x206f) return 1; // quotes and dashes: full width in a zh deck
	if (code >= 0x2e80) return 1;
	return 0.65;
}

/** Lines a text takes in a box `width` inches wide at `pt` points. */
export function lineCount(text: string, width: number, pt: number): number {
	const perLine = (width * 0.92 * 72) / pt; // em per line, less word-wrap waste
	return text.split('\n').reduce((sum, para) => {
		let em = 0;
		for (const c of para) em += charEm(c);
		return sum + Math.max(1, Math.ceil(em / perLine));
	}, 0);
}

/** Height in inches of a text in a box `width` inches wide at `pt` points. */
export const textHeight = (text: string, width: number, pt: number): number =>
	(lineCount(text, width, pt) * pt * LINE) / 72;

interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

export interface ChartSlideLayout {
	titleSize: number;
	title: Box;
	picture: Box;
	noteSize: number;
	/** caption, note (absent when empty) and source, top to bottom */
	caption: Box;
	note?: Box;
	source?: Box;
	/** a note too long for the slide follows on slides of its own, in these parts */
	noteSlides: string[];
}

/**
 * Lays out a chart slide: the text below the picture or in a column to its right,
 * whichever leaves the picture larger, with the note's font reduced until it fits.
 */
export function layoutChartSlide(chart: BriefingChart, caption: string): ChartSlideLayout {
	let titleSize = SIZE.title;
	while (titleSize > 16 && lineCount(chart.title, CONTENT_W, titleSize) > 2) titleSize -= 2;
	const titleH = textHeight(chart.title, CONTENT_W, titleSize);
	const title = { x: M, y: 0.3, w: CONTENT_W, h: titleH };
	const top = title.y + titleH + 0.15;
	const note = chart.note.trim();
	const source = chart.source.trim();
	const ratio = Math.max(1, chart.width) / Math.max(1, chart.height);

	const texts = (width: number, noteSize: number) => {
		const parts: { key: 'caption' | 'note' | 'source'; h: number }[] = [
			{ key: 'caption', h: textHeight(caption, width, SIZE.caption) }
		];
		if (note) parts.push({ key: 'note', h: textHeight(note, width, noteSize) });
		if (source) parts.push({ key: 'source', h: textHeight(source, width, SIZE.source) });
		const h = parts.reduce((s, p) => s + p.h, 0) + GAP * (parts.length - 1);
		return { parts, h };
	};
	const fit = (w: number, h: number) => {
		const pw = Math.min(w, h * ratio);
		return { w: pw, h: pw / ratio };
	};

	const candidates: (Omit<ChartSlideLayout, 'noteSlides'> & { area: number; fits: boolean })[] = [];
	for (const noteSize of [SIZE.note, 13, 12, 11, 10]) {
		// text below the picture, across the slide
		const below = texts(CONTENT_W, noteSize);
		const belowPic = fit(CONTENT_W, BOTTOM - top - below.h - GAP);
		if (belowPic.h > 0) {
			const picture = { x: M + (CONTENT_W - belowPic.w) / 2, y: top, ...belowPic };
			candidates.push({
				...place(below.parts, M, picture.y + picture.h + GAP, CONTENT_W),
				titleSize,
				title,
				picture,
				noteSize,
				area: belowPic.w * belowPic.h,
				fits: belowPic.h >= MIN_PICTURE_H
			});
		}
		// text in a column to the right of the picture, as wide as the picture leaves
		const sidePic = fit(CONTENT_W - SIDE_COLUMN_W - 0.3, BOTTOM - top);
		const columnX = M + sidePic.w + 0.3;
		const side = texts(SLIDE.w - M - columnX, noteSize);
		candidates.push({
			...place(side.parts, columnX, top, SLIDE.w - M - columnX),
			titleSize,
			title,
			picture: { x: M, y: top, ...sidePic },
			noteSize,
			area: sidePic.w * sidePic.h,
			fits: side.h <= BOTTOM - top
		});
		const fitting = candidates.filter((c) => c.fits && c.noteSize === noteSize);
		if (fitting.length) return { ...best(fitting), noteSlides: [] };
	}
	// a note too long for any layout goes on slides of its own after the chart's
	return {
		...layoutChartSlide({ ...chart, note: '' }, caption),
		noteSlides: splitText(note, NOTE_BOX.w, SIZE.note, NOTE_BOX.h)
	};
}

/** The box of a slide's body under its heading: a continued note, the appendix. */
const NOTE_BOX = { x: M, y: 1.25, w: CONTENT_W, h: BOTTOM - 1.25 };

/**
 * A text cut into parts that each fit a box `width` × `height` inches at `pt` points:
 * between sentences where it can, between characters where a sentence is too long.
 */
export function splitText(text: string, width: number, pt: number, height: number): string[] {
	const fits = (s: string) => textHeight(s.trim(), width, pt) <= height;
	const sentences = text.match(/[^。！？；.!?;\n]+[。！？；.!?;\n]*|[。！？；.!?;\n]+/g) ?? [];
	const parts: string[] = [];
	let current = '';
	for (let sentence of sentences) {
		if (fits(current + sentence)) {
			current += sentence;
			continue;
		}
		if (current.trim()) parts.push(current);
		while (!fits(sentence)) {
			const chars = Array.from(sentence);
			let lo = 1;
			let hi = chars.length;
			while (lo < hi) {
				const mid = Math.ceil((lo + hi) / 2);
				if (fits(chars.slice(0, mid).join(''))) lo = mid;
				else hi = mid - 1;
			}
			parts.push(chars.slice(0, lo).join(''));
			sentence = chars.slice(lo).join('');
		}
		current = sentence;
	}
	if (current.trim()) parts.push(current);
	return parts.map((p) => p.trim());
}

const best = <T extends { area: number }>(list: T[]): T =>
	list.reduce((a, b) => (b.area > a.area + 1e-6 ? b : a));

function place(
	parts: { key: 'caption' | 'note' | 'source'; h: number }[],
	x: number,
	y: number,
	w: number
): Pick<ChartSlideLayout, 'caption' | 'note' | 'source'> {
	const out: Partial<Record<'caption' | 'note' | 'source', Box>> = {};
	let at = y;
	for (const p of parts) {
		out[p.key] = { x, y: at, w, h: p.h };
		at += p.h + GAP;
	}
	return { caption: out.caption!, note: out.note, source: out.source };
}

/** One paragraph of the appendix: a chart's heading, a quote, or a quote's source. */
interface AppendixLine {
	kind: 'group' | 'quote' | 'source';
	text: string;
	number?: string;
}

const APPENDIX_BOX = NOTE_BOX;
const LINE_STYLE: Record<AppendixLine['kind'], { size: number; before: number }> = {
	group: { size: SIZE.group, before: 10 },
	quote: { size: SIZE.quote, before: 4 },
	source: { size: SIZE.source, before: 0 }
};

const lineText = (line: AppendixLine) =>
	line.number ? `${line.number}\u2003${line.text}` : line.text;

function appendixLineHeight(line: AppendixLine): number {
	const style = LINE_STYLE[line.kind];
	return textHeight(lineText(line), APPENDIX_BOX.w, style.size) + style.before / 72;
}

/**
 * The appendix split into slides: each quote stays with its source, each chart's
 * heading with its first quote, and no slide holds more than its text box.
 */
export function paginateAppendix(pack: BriefingPack): AppendixLine[][] {
	const words = briefingWords(pack.lang);
	const blocks: AppendixLine[][] = [];
	pack.charts.forEach((chart, i) => {
		chart.quotes.forEach((quote, j) => {
			const block: AppendixLine[] = [];
			if (j === 0) block.push({ kind: 'group', text: `${i + 1}. ${chart.title}` });
			block.push({
				kind: 'quote',
				number: quoteNumber(i, j),
				text: words.open + plainText(quote.text) + words.close
			});
			if (quote.source) block.push({ kind: 'source', text: quote.source });
			blocks.push(block);
		});
	});
	const slides: AppendixLine[][] = [[]];
	let used = 0;
	for (const block of blocks) {
		const h = block.reduce((s, l) => s + appendixLineHeight(l), 0);
		const current = slides[slides.length - 1]!;
		if (current.length && used + h > APPENDIX_BOX.h) {
			slides.push([...block]);
			used = h;
		} else {
			current.push(...block);
			used += h;
		}
	}
	return slides;
}

function base64(bytes: Uint8Array): string {
	let s = '';
	for (let i = 0; i < bytes.length; i += 0x8000) {
		s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(s);
}

export async function briefingPptx(given: BriefingPack): Promise<Uint8Array> {
	const pack = xmlSafePack(given);
	const { default: Pptx } = await import('pptxgenjs');
	const words = briefingWords(pack.lang);
	const pptx = new Pptx();
	pptx.layout = 'LAYOUT_WIDE';
	pptx.title = pack.title;
	pptx.subject = pack.agendaItem;
	pptx.author = '';
	pptx.company = '';
	pptx.theme = { headFontFace: BRIEFING_FONTS.eastAsia, bodyFontFace: BRIEFING_FONTS.eastAsia };

	// every run names the font (written as latin, East Asian and complex-script
	// typeface) and the language, so PowerPoint substitutes a Chinese font if needed
	const text = { fontFace: BRIEFING_FONTS.eastAsia, lang: words.locale, margin: 0 } as const;

	titleSlide(pptx.addSlide(), pack, words, text);
	pack.charts.forEach((chart, i) => chartSlide(pptx, chart, i, words, text));
	paginateAppendix(pack).forEach((lines, i) =>
		appendixSlide(pptx.addSlide(), lines, i === 0 ? words.appendix : words.appendixContinued, text)
	);

	const out = await pptx.write({ outputType: 'uint8array' });
	return out as Uint8Array;
}

type TextDefaults = { fontFace: string; lang: string; margin: number };

function titleSlide(slide: Slide, pack: BriefingPack, words: BriefingWords, text: TextDefaults) {
	slide.addShape('rect', { x: 0, y: 0, w: SLIDE.w, h: 0.18, fill: { color: COLOR.title } });
	const titleSize = lineCount(pack.title, CONTENT_W, 36) > 2 ? 28 : 36;
	const titleH = textHeight(pack.title, CONTENT_W, titleSize);
	slide.addText(pack.title, {
		...text,
		x: M,
		y: 1.6,
		w: CONTENT_W,
		h: titleH,
		fontSize: titleSize,
		bold: true,
		color: COLOR.title,
		valign: 'top',
		objectName: 'Title'
	});
	// label and value as paragraphs of their own: pptxgenjs writes paragraph properties
	// before every run, which PowerPoint rejects once a paragraph has two runs
	const rows: [string, string][] = [
		[words.session, pack.session],
		[words.date, pack.date],
		[words.agendaItem, pack.agendaItem]
	];
	const runs: TextRun[] = rows.flatMap(([label, value], i): TextRun[] => [
		{
			text: label,
			options: { fontSize: 14, color: COLOR.caption, paraSpaceBefore: i ? 12 : 0, breakLine: true }
		},
		{ text: value, options: { fontSize: 20, color: COLOR.text, breakLine: i < rows.length - 1 } }
	]);
	const top = 1.6 + titleH + 0.5;
	const bodyH = rows.reduce(
		(s, [label, value], i) =>
			s + textHeight(label, CONTENT_W, 14) + textHeight(value, CONTENT_W, 20) + (i ? 12 / 72 : 0),
		0
	);
	slide.addText(runs, {
		...text,
		x: M,
		y: top,
		w: CONTENT_W,
		h: Math.min(bodyH, BOTTOM - top),
		valign: 'top',
		objectName: 'Session'
	});
}

function chartSlide(
	pptx: PptxGenJS,
	chart: BriefingChart,
	i: number,
	words: BriefingWords,
	text: TextDefaults
) {
	const caption = words.figure(i + 1) + words.captionSep + chart.subtitle;
	const layout = layoutChartSlide(chart, caption);
	const slide = pptx.addSlide();
	slide.addText(chart.title, {
		...text,
		...layout.title,
		fontSize: layout.titleSize,
		bold: true,
		color: COLOR.title,
		valign: 'top',
		objectName: 'Title'
	});
	slide.addImage({
		data: 'image/png;base64,' + base64(chart.png),
		...layout.picture,
		altText: `${chart.title} (${chart.subtitle})`,
		objectName: 'Chart'
	});
	slide.addText(caption, {
		...text,
		...layout.caption,
		fontSize: SIZE.caption,
		color: COLOR.caption,
		valign: 'top',
		objectName: 'Caption'
	});
	if (layout.note) {
		slide.addText(chart.note.trim(), {
			...text,
			...layout.note,
			fontSize: layout.noteSize,
			color: COLOR.text,
			valign: 'top',
			fit: 'shrink',
			objectName: 'Note'
		});
	}
	if (layout.source) {
		slide.addText(chart.source.trim(), {
			...text,
			...layout.source,
			fontSize: SIZE.source,
			color: COLOR.source,
			valign: 'top',
			objectName: 'Source'
		});
	}
	// the sentences behind the figures, for whoever presents the slide
	const notes = chart.quotes.map((q) => `${words.open}${q.text}${words.close} ${q.source}`);
	if (notes.length) slide.addNotes(notes.join('\n'));
	for (const part of layout.noteSlides) {
		const more = pptx.addSlide();
		heading(more, chart.title + words.continued, text);
		more.addText(part, {
			...text,
			...NOTE_BOX,
			fontSize: SIZE.note,
			color: COLOR.text,
			valign: 'top',
			objectName: 'Note'
		});
	}
}

function heading(slide: Slide, title: string, text: TextDefaults) {
	let size = SIZE.title;
	while (size > 16 && lineCount(title, CONTENT_W, size) > 1) size -= 2;
	slide.addText(title, {
		...text,
		x: M,
		y: 0.3,
		w: CONTENT_W,
		h: 0.75,
		fontSize: size,
		bold: true,
		color: COLOR.title,
		valign: 'top',
		objectName: 'Title'
	});
}

function appendixSlide(slide: Slide, lines: AppendixLine[], title: string, text: TextDefaults) {
	heading(slide, title, text);
	// one run per paragraph (see titleSlide)
	const runs: TextRun[] = lines.map((line, k) => {
		const style = LINE_STYLE[line.kind];
		return {
			text: lineText(line),
			options: {
				fontSize: style.size,
				paraSpaceBefore: style.before,
				bold: line.kind === 'group',
				color: { group: COLOR.title, quote: COLOR.text, source: COLOR.source }[line.kind],
				breakLine: k < lines.length - 1
			}
		};
	});
	slide.addText(runs, {
		...text,
		...APPENDIX_BOX,
		valign: 'top',
		objectName: 'Sources'
	});
}
