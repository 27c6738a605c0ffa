/**
 * The briefing pack as a Word document (.docx), built in the browser with `docx`.
 *
 * A4 portrait: a title page, then per chart a heading, the picture at the text width,
 * a caption, the staff's note and the source, kept together on one page; then the
 * appendix of the sentences behind the figures, numbered by chart.
 *
 * `docx` is loaded when the first document is built, so importing this module costs
 * nothing until a download is asked for.
 */
import type { Paragraph as DocxParagraph } from 'docx';
import { BRIEFING_FONTS, briefingWords, quoteNumber, xmlSafePack } from './pack.js';
import type { BriefingChart, BriefingPack, BriefingWords } from './pack.js';
import { plainText } from '../typeset.js';

type Docx = typeof import('docx');

/** A4 in twips (1/20 pt), with 2.54 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1440 };
const TWIPS_PER_PX = 15; // docx sizes pictures in px at 96 dpi: 1440 / 96
const TEXT_WIDTH_PX = Math.floor((PAGE.width - 2 * PAGE.margin) / TWIPS_PER_PX);
const TEXT_HEIGHT_PX = Math.floor((PAGE.height - 2 * PAGE.margin) / TWIPS_PER_PX);
/** Leaves room on the picture's page for its heading, caption, note and source. */
const MAX_PICTURE_PX = Math.floor(TEXT_HEIGHT_PX * 0.6);

const GREY = '595959';
const LIGHT_GREY = '7F7F7F';
const ACCENT = '1F3864';

/** Paragraph style ids of our own (Word shows their names). */
const STYLE = {
	meta: 'BriefingMeta',
	note: 'BriefingNote',
	source: 'BriefingSource',
	quote: 'BriefingQuote',
	picture: 'BriefingPicture'
} as const;

/** The picture's size in px at 96 dpi: the text width, or less for a tall picture. */
export function pictureSize(width: number, height: number): { width: number; height: number } {
	const w = Math.max(1, width);
	const h = Math.max(1, height);
	const scale = Math.min(TEXT_WIDTH_PX / w, MAX_PICTURE_PX / h);
	return { width: Math.round(w * scale), height: Math.round(h * scale) };
}

export async function briefingDocx(given: BriefingPack): Promise<Uint8Array> {
	const pack = xmlSafePack(given);
	const d = await import('docx');
	const words = briefingWords(pack.lang);

	const children: DocxParagraph[] = [
		...titlePage(d, pack, words),
		...pack.charts.flatMap((chart, i) => chartBlock(d, chart, i, words)),
		...appendix(d, pack, words)
	];

	const doc = new d.Document({
		title: pack.title,
		subject: pack.agendaItem,
		description: pack.session,
		creator: '',
		lastModifiedBy: '',
		styles: styles(pack, words),
		sections: [
			{
				properties: {
					titlePage: true,
					page: {
						size: {
							width: PAGE.width,
							height: PAGE.height,
							orientation: d.PageOrientation.PORTRAIT
						},
						margin: {
							top: PAGE.margin,
							right: PAGE.margin,
							bottom: PAGE.margin,
							left: PAGE.margin
						}
					}
				},
				footers: {
					default: new d.Footer({
						children: [
							new d.Paragraph({
								alignment: d.AlignmentType.CENTER,
								children: [new d.TextRun({ children: [d.PageNumber.CURRENT], size: 18 })]
							})
						]
					}),
					// the title page has no page number
					first: new d.Footer({ children: [new d.Paragraph({})] })
				},
				children
			}
		]
	});
	return d.Packer.pack(doc, 'uint8array');
}

function titlePage(d: Docx, pack: BriefingPack, words: BriefingWords): DocxParagraph[] {
	const line = (label: string, value: string) =>
		new d.Paragraph({
			style: STYLE.meta,
			children: [new d.TextRun({ text: label + words.colon, bold: true }), new d.TextRun(value)]
		});
	return [
		new d.Paragraph({
			heading: d.HeadingLevel.TITLE,
			spacing: { before: 3600, after: 960 },
			children: [new d.TextRun(pack.title)]
		}),
		line(words.session, pack.session),
		line(words.date, pack.date),
		line(words.agendaItem, pack.agendaItem)
	];
}

/**
 * One chart: heading, picture, caption, note, source. Each paragraph but the last
 * keeps with the next, and none breaks inside, so Word moves the block to a new
 * page rather than split it.
 */
function chartBlock(
	d: Docx,
	chart: BriefingChart,
	i: number,
	words: BriefingWords
): DocxParagraph[] {
	const size = pictureSize(chart.width, chart.height);
	const caption = words.figure(i + 1) + words.captionSep + chart.subtitle;
	const note = chart.note.trim();
	const source = chart.source.trim();
	const block: DocxParagraph[] = [
		new d.Paragraph({
			heading: d.HeadingLevel.HEADING_1,
			pageBreakBefore: i === 0,
			keepNext: true,
			keepLines: true,
			children: [new d.TextRun(chart.title)]
		}),
		new d.Paragraph({
			style: STYLE.picture,
			keepNext: true,
			keepLines: true,
			children: [
				new d.ImageRun({
					type: 'png',
					data: chart.png,
					transformation: size,
					altText: {
						name: chart.key,
						title: chart.title,
						description: `${chart.title} (${chart.subtitle})`
					}
				})
			]
		}),
		new d.Paragraph({
			style: 'Caption',
			keepNext: note !== '' || source !== '',
			keepLines: true,
			children: [new d.TextRun(caption)]
		})
	];
	// a note written on several lines is several paragraphs
	const lines = note.split(/\s*\n\s*/).filter(Boolean);
	lines.forEach((line, k) => {
		block.push(
			new d.Paragraph({
				style: STYLE.note,
				keepNext: k < lines.length - 1 || source !== '',
				keepLines: true,
				children: [new d.TextRun(line)]
			})
		);
	});
	if (source) {
		block.push(
			new d.Paragraph({
				style: STYLE.source,
				keepLines: true,
				children: [new d.TextRun(source)]
			})
		);
	}
	return block;
}

/** "附录：数据出处": per chart its number and title, then each quote and its source. */
function appendix(d: Docx, pack: BriefingPack, words: BriefingWords): DocxParagraph[] {
	const out: DocxParagraph[] = [
		new d.Paragraph({
			heading: d.HeadingLevel.HEADING_1,
			pageBreakBefore: true,
			keepNext: true,
			children: [new d.TextRun(words.appendix)]
		})
	];
	pack.charts.forEach((chart, i) => {
		if (chart.quotes.length === 0) return;
		out.push(
			new d.Paragraph({
				heading: d.HeadingLevel.HEADING_2,
				keepNext: true,
				keepLines: true,
				children: [new d.TextRun(`${i + 1}. ${chart.title}`)]
			})
		);
		chart.quotes.forEach((quote, j) => {
			out.push(
				new d.Paragraph({
					style: STYLE.quote,
					keepNext: quote.source !== '',
					keepLines: true,
					children: [
						new d.TextRun({ text: quoteNumber(i, j), bold: true }),
						new d.TextRun({ children: [new d.Tab()] }),
						new d.TextRun(words.open + plainText(quote.text) + words.close)
					]
				})
			);
			if (quote.source) {
				out.push(
					new d.Paragraph({
						style: STYLE.source,
						keepLines: true,
						indent: { left: 567 },
						spacing: { after: 160 },
						children: [new d.TextRun(quote.source)]
					})
				);
			}
		});
	});
	return out;
}

function styles(pack: BriefingPack, words: BriefingWords) {
	// Latin text in Arial, Chinese in Microsoft YaHei; in a Chinese pack the ambiguous
	// characters (curly quotes, dashes) take the East Asian font, as Word does for zh-CN.
	const font = {
		ascii: BRIEFING_FONTS.latin,
		hAnsi: BRIEFING_FONTS.latin,
		cs: BRIEFING_FONTS.latin,
		eastAsia: BRIEFING_FONTS.eastAsia,
		...(pack.lang === 'zh' ? { hint: 'eastAsia' } : {})
	};
	const heading = (size: number, before: number, outlineLevel: number) => ({
		run: { font, size, bold: true, color: ACCENT },
		paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel }
	});
	return {
		default: {
			document: {
				run: {
					font,
					size: 21, // 10.5 pt, 五号
					language: { value: words.locale, eastAsia: 'zh-CN' }
				},
				paragraph: { spacing: { after: 120, line: 300 } }
			},
			title: {
				run: { font, size: 44, bold: true, color: ACCENT },
				paragraph: { alignment: 'center' as const, spacing: { after: 480 } }
			},
			heading1: heading(32, 360, 0),
			heading2: heading(24, 240, 1),
			caption: {
				run: { font, size: 20, color: GREY, italics: false },
				paragraph: { alignment: 'center' as const, spacing: { before: 60, after: 120 } }
			}
		},
		paragraphStyles: [
			{
				id: STYLE.meta,
				name: 'Briefing Meta',
				basedOn: 'Normal',
				run: { size: 28 },
				paragraph: { alignment: 'center' as const, spacing: { after: 240, line: 360 } }
			},
			{
				id: STYLE.picture,
				name: 'Briefing Picture',
				basedOn: 'Normal',
				paragraph: { alignment: 'center' as const, spacing: { before: 120, after: 0, line: 240 } }
			},
			{
				id: STYLE.note,
				name: 'Briefing Note',
				basedOn: 'Normal',
				next: 'Normal',
				paragraph: { spacing: { after: 80 } }
			},
			{
				id: STYLE.source,
				name: 'Briefing Source',
				basedOn: 'Normal',
				next: 'Normal',
				run: { size: 18, color: LIGHT_GREY },
				paragraph: { spacing: { after: 240, line: 264 } }
			},
			{
				id: STYLE.quote,
				name: 'Briefing Quote',
				basedOn: 'Normal',
				paragraph: {
					indent: { left: 567, hanging: 567 },
					tabStops: [{ type: 'left' as const, position: 567 }],
					spacing: { after: 40 }
				}
			}
		]
	};
}
