import JSZip from 'jszip';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { xmlProblem } from '$lib/export/well-formed.js';
import { briefingDocx, pictureSize } from './docx.js';
import type { BriefingChart, BriefingPack, BriefingWords } from './pack.js';
import { briefingWords } from './pack.js';
import { briefingPptx, layoutChartSlide, paginateAppendix, splitText, textHeight } from './pptx.js';

/** A valid RGB PNG of one colour: signature, IHDR, one IDAT, IEND. */
function png(width: number, height: number, rgb: [number, number, number]): Uint8Array {
	const chunk = (type: string, data: Buffer) => {
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body) >>> 0);
		return Buffer.concat([length, body, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
	const row = Buffer.alloc(1 + width * 3); // filter byte 0, then the pixels
	for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
	const pixels = Buffer.concat(Array.from({ length: height }, () => row));
	return new Uint8Array(
		Buffer.concat([
			Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
			chunk('IHDR', header),
			chunk('IDAT', deflateSync(pixels)),
			chunk('IEND', Buffer.alloc(0))
		])
	);
}

/** Pixel sizes of the six charts: wide, wider, square, tall, and two ordinary. */
const SIZES: [number, number][] = [
	[24, 12],
	[30, 10],
	[16, 16],
	[10, 20],
	[24, 14],
	[24, 12]
];

const TEXT = {
	zh: {
		title: '宝山区人大常委会第二十一次会议 · 情况简报',
		session: '第二十一次会议（2024年6月26日）',
		date: '2024年6月20日',
		agendaItem: '听取和审议区政府关于国有自然资源资产管理情况的专项报告',
		chart: (i: number) => ({
			title: ['土地利用结构', '耕地保有量', '林地与绿地', '水域面积', '矿产资源', '储备土地'][i]!,
			subtitle: `公顷 · 2019—2023年（${i + 1}）`,
			note: i === 2 ? '' : `请关注第${i + 1}项指标的变化 & 原因 <说明>。`,
			source: `来源：《关于国有自然资源资产管理情况的专项报告》第${48 + i}页`,
			quote: (j: number) => `截至2023年底，全区第${i + 1}类资源面积为${1000 + j}公顷`
		})
	},
	en: {
		title: 'Baoshan District Standing Committee, 21st session · Briefing',
		session: '21st session (26 June 2024)',
		date: '20 June 2024',
		agendaItem: "Report on the management of the state's natural resource assets",
		chart: (i: number) => ({
			title: [
				'Land use',
				'Arable land',
				'Forest & green space',
				'Water area',
				'Minerals',
				'Land reserve'
			][i]!,
			subtitle: `ha · 2019–2023 (${i + 1})`,
			note: i === 2 ? '' : `Watch indicator ${i + 1} & why it moved <see report>.`,
			source: `Source: Report on natural resource assets, p. ${48 + i}`,
			quote: (j: number) => `By the end of 2023 resource class ${i + 1} covered ${1000 + j} ha`
		})
	}
};

function makePack(lang: 'zh' | 'en', quotesPerChart = 2): BriefingPack {
	const t = TEXT[lang];
	const charts: BriefingChart[] = SIZES.map(([w, h], i) => {
		const c = t.chart(i);
		return {
			key: `topic/land/chart-${i}`,
			title: c.title,
			subtitle: c.subtitle,
			png: png(w, h, [40 * i, 120, 255 - 30 * i]),
			width: w * 100, // the PNG stands in for a 2× rendering of this size
			height: h * 100,
			note: c.note,
			source: c.source,
			quotes:
				i === 4
					? [] // a chart whose figure is derived has no sentence of its own
					: Array.from({ length: quotesPerChart }, (_, j) => ({
							text: c.quote(j),
							source: `${c.source} (${j + 1})`
						}))
		};
	});
	return {
		lang,
		title: t.title,
		session: t.session,
		date: t.date,
		agendaItem: t.agendaItem,
		charts
	};
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
const decode = (s: string) =>
	s.replace(/&(lt|gt|quot|apos|amp|#39);/g, (_, e: string) => (e === '#39' ? "'" : ENTITIES[e]!));

/** The text of each paragraph, its runs joined: <w:p>/<w:t> in Word, <a:p>/<a:t> in PowerPoint. */
function paragraphs(xml: string, ns: 'w' | 'a'): string[] {
	const text = new RegExp(`<${ns}:t(?: [^>]*)?>([^<]*)</${ns}:t>`, 'g');
	return rawParagraphs(xml, ns).map((p) =>
		[...p.matchAll(text)].map((m) => decode(m[1]!)).join('')
	);
}
const rawParagraphs = (xml: string, ns: 'w' | 'a') =>
	xml
		.split(new RegExp(`<${ns}:p(?=[ >])`))
		.slice(1)
		.map((p) => p.split(`</${ns}:p>`)[0]!);

/** Index of the first paragraph at or after `from` whose text is `text`. */
const find = (paras: string[], text: string, from = 0) =>
	paras.findIndex((p, i) => i >= from && p === text);

async function read(zip: JSZip, path: string): Promise<string> {
	const file = zip.file(path);
	if (!file) throw new Error(`missing ${path}`);
	return file.async('string');
}

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
	a.length === b.length && a.every((v, i) => v === b[i]);

/** Numeric suffix order, so slide10 follows slide9. */
const byNumber = (a: string, b: string) =>
	Number(/(\d+)\.\w+$/.exec(a)?.[1]) - Number(/(\d+)\.\w+$/.exec(b)?.[1]);

const caption = (words: BriefingWords, i: number, chart: BriefingChart) =>
	words.figure(i + 1) + words.captionSep + chart.subtitle;

describe.each(['zh', 'en'] as const)('the Word briefing in %s', (lang) => {
	const pack = makePack(lang);
	const words = briefingWords(lang);
	const open = async () => JSZip.loadAsync(await briefingDocx(pack));
	const body = async () => read(await open(), 'word/document.xml');

	it('is a zip package declaring a Word document and PNG pictures', async () => {
		const zip = await open();
		const types = await read(zip, '[Content_Types].xml');
		expect(types).toContain(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
		);
		expect(types).toMatch(/Extension="png"/);
		expect(zip.file('word/document.xml')).not.toBeNull();
		expect(zip.file('word/styles.xml')).not.toBeNull();
	});

	it('holds the six pictures in word/media, each chart once', async () => {
		const zip = await open();
		const media = zip.file(/^word\/media\/.+\.png$/);
		expect(media).toHaveLength(6);
		const bytes = await Promise.all(media.map((f) => f.async('uint8array')));
		for (const chart of pack.charts) {
			expect(bytes.filter((b) => sameBytes(b, chart.png))).toHaveLength(1);
		}
		// every picture the body draws is a relationship to one of them
		const doc = await read(zip, 'word/document.xml');
		const rels = await read(zip, 'word/_rels/document.xml.rels');
		const embeds = [...doc.matchAll(/r:embed="(rId\d+)"/g)].map((m) => m[1]);
		expect(embeds).toHaveLength(6);
		for (const id of embeds) {
			expect(rels).toMatch(new RegExp(`Id="${id}"[^>]*Target="media/[^"]+\\.png"`));
		}
	});

	it('draws each picture whole, neither cropped nor inset, so a label at its edge is kept', async () => {
		const doc = await body();
		const fills = [...doc.matchAll(/<pic:blipFill>([\s\S]*?)<\/pic:blipFill>/g)].map((m) => m[1]);
		expect(fills).toHaveLength(6);
		for (const fill of fills) {
			expect(fill).not.toMatch(/<a:srcRect [^>]*[ltrb]="-?[1-9]/);
			expect(fill).toMatch(/<a:stretch><a:fillRect\/><\/a:stretch>/);
		}
	});

	it('opens with a title page giving the title, session, date and agenda item', async () => {
		const paras = paragraphs(await body(), 'w');
		expect(paras.slice(0, 4)).toEqual([
			pack.title,
			words.session + words.colon + pack.session,
			words.date + words.colon + pack.date,
			words.agendaItem + words.colon + pack.agendaItem
		]);
	});

	it('gives each chart its title, picture, caption, note and source, in order, as editable text', async () => {
		const paras = paragraphs(await body(), 'w');
		let from = 4;
		pack.charts.forEach((chart, i) => {
			// the picture's paragraph has no text; an empty note has no paragraph
			const block = [chart.title, '', caption(words, i, chart), chart.note, chart.source];
			const expected = chart.note ? block : block.filter((_, k) => k !== 3);
			const at = find(paras, chart.title, from);
			expect(at, chart.title).toBe(from);
			expect(paras.slice(at, at + expected.length)).toEqual(expected);
			from = at + expected.length;
		});
	});

	it('keeps each picture at the text width or less, in its own aspect ratio', async () => {
		const doc = await body();
		const extents = [...doc.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [
			Number(m[1]),
			Number(m[2])
		]);
		expect(extents).toHaveLength(6);
		const textWidthEmu = ((11906 - 2 * 1440) / 1440) * 914400;
		extents.forEach(([cx, cy], i) => {
			const chart = pack.charts[i]!;
			expect(cx).toBeLessThanOrEqual(textWidthEmu);
			expect(cx! / cy!).toBeCloseTo(chart.width / chart.height, 1);
		});
		// a wide picture takes the whole text width; a tall one is held to part of the page
		expect(pictureSize(2400, 1200).width).toBe(601);
		expect(pictureSize(1000, 2000).height).toBeLessThan(601);
	});

	it('keeps heading, picture, caption, note and source together so a chart is not split', async () => {
		const doc = await body();
		const raw = rawParagraphs(doc, 'w');
		const paras = paragraphs(doc, 'w');
		for (const chart of pack.charts) {
			const at = find(paras, chart.title);
			const last = find(paras, chart.source, at);
			expect(raw[at + 1]).toContain('<w:drawing>');
			for (let k = at; k < last; k++) expect(raw[k], paras[k]).toContain('<w:keepNext/>');
			for (let k = at; k <= last; k++) expect(raw[k], paras[k]).toContain('<w:keepLines/>');
		}
	});

	it('ends with the appendix of every quote, numbered by chart, with its source', async () => {
		const paras = paragraphs(await body(), 'w');
		const appendix = find(paras, words.appendix);
		expect(appendix).toBeGreaterThan(find(paras, pack.charts[5]!.source));
		const expected = pack.charts.flatMap((chart, i) =>
			chart.quotes.length === 0
				? [] // no quotes, no entry
				: [
						`${i + 1}. ${chart.title}`,
						...chart.quotes.flatMap((quote, j) => [
							`${i + 1}.${j + 1}${words.open}${quote.text}${words.close}`,
							quote.source
						])
					]
		);
		expect(paras.slice(appendix + 1)).toEqual(expected);
	});

	it('sets A4 portrait, the language and a Chinese-capable font', async () => {
		const zip = await open();
		const doc = await read(zip, 'word/document.xml');
		const styles = await read(zip, 'word/styles.xml');
		expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
		expect(styles).toContain(`<w:lang w:val="${words.locale}" w:eastAsia="zh-CN"/>`);
		expect(styles).toContain('w:eastAsia="Microsoft YaHei"');
		const other = briefingWords(lang === 'zh' ? 'en' : 'zh');
		const paras = paragraphs(doc, 'w');
		expect(paras).not.toContain(other.appendix);
		expect(paras.some((p) => p.startsWith(other.agendaItem + other.colon))).toBe(false);
	});
});

describe.each(['zh', 'en'] as const)('the PowerPoint briefing in %s', (lang) => {
	const pack = makePack(lang);
	const words = briefingWords(lang);
	const open = async () => JSZip.loadAsync(await briefingPptx(pack));
	const slidesOf = (zip: JSZip) =>
		zip
			.file(/^ppt\/slides\/slide\d+\.xml$/)
			.map((f) => f.name)
			.sort(byNumber);

	it('is a zip package declaring a 16:9 presentation with its slides', async () => {
		const zip = await open();
		const types = await read(zip, '[Content_Types].xml');
		expect(types).toContain(
			'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'
		);
		for (const slide of slidesOf(zip)) {
			expect(types).toContain(`PartName="/${slide}"`);
		}
		const presentation = await read(zip, 'ppt/presentation.xml');
		const [, cx, cy] = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation) ?? [];
		expect(Number(cx) / Number(cy)).toBeCloseTo(16 / 9, 2);
	});

	it('holds the six pictures in ppt/media, one per chart slide', async () => {
		const zip = await open();
		expect(zip.file(/^ppt\/media\/.+\.png$/)).toHaveLength(6);
		const slides = slidesOf(zip);
		for (const [i, chart] of pack.charts.entries()) {
			const rels = await read(zip, slides[i + 1]!.replace('slides/', 'slides/_rels/') + '.rels');
			const targets = [...rels.matchAll(/Target="\.\.\/media\/([^"]+\.png)"/g)].map((m) => m[1]);
			expect(targets).toHaveLength(1);
			const bytes = await zip.file(`ppt/media/${targets[0]}`)!.async('uint8array');
			expect(sameBytes(bytes, chart.png)).toBe(true);
		}
	});

	it('draws each chart picture whole, neither cropped nor inset, so a label at its edge is kept', async () => {
		const zip = await open();
		const slides = await Promise.all(
			zip.file(/^ppt\/slides\/slide\d+\.xml$/).map((f) => f.async('string'))
		);
		const fills = slides.flatMap((xml) =>
			[...xml.matchAll(/<p:blipFill>([\s\S]*?)<\/p:blipFill>/g)].map((m) => m[1])
		);
		expect(fills).toHaveLength(6);
		for (const fill of fills) {
			expect(fill).not.toMatch(/<a:srcRect [^>]*[ltrb]="-?[1-9]/);
			expect(fill).toMatch(/<a:stretch>\s*<a:fillRect\/>\s*<\/a:stretch>/);
		}
	});

	it('has a title slide with the session and agenda item, one slide per chart, then the appendix', async () => {
		const zip = await open();
		const slides = slidesOf(zip);
		const appendix = paginateAppendix(pack).length;
		expect(appendix).toBeGreaterThanOrEqual(1);
		expect(slides).toHaveLength(1 + 6 + appendix);
		expect(paragraphs(await read(zip, slides[0]!), 'a')).toEqual([
			pack.title,
			words.session,
			pack.session,
			words.date,
			pack.date,
			words.agendaItem,
			pack.agendaItem
		]);
	});

	it("puts each chart's title, caption, note and source on its slide as text", async () => {
		const zip = await open();
		const slides = slidesOf(zip);
		for (const [i, chart] of pack.charts.entries()) {
			const slide = await read(zip, slides[i + 1]!);
			const expected = [chart.title, caption(words, i, chart), chart.note, chart.source];
			expect(paragraphs(slide, 'a')).toEqual(expected.filter(Boolean));
			expect(slide).toContain(`lang="${words.locale}"`);
			expect(slide).toContain('typeface="Microsoft YaHei"');
		}
	});

	it('writes paragraph properties only at the start of a paragraph, as PowerPoint requires', async () => {
		const zip = await open();
		for (const name of slidesOf(zip)) {
			for (const p of rawParagraphs(await read(zip, name), 'a')) {
				const props = p.split('<a:pPr').length - 1;
				expect(props, name).toBeLessThanOrEqual(1);
				if (props) expect(p.indexOf('<a:pPr'), name).toBeLessThan(p.indexOf('<a:r>') >>> 0);
			}
		}
	});

	it('fits each picture on its slide in its own aspect ratio, clear of the text', async () => {
		const zip = await open();
		const slides = slidesOf(zip);
		const emu = 914400;
		for (const [i, chart] of pack.charts.entries()) {
			const slide = await read(zip, slides[i + 1]!);
			const boxes = [
				...slide.matchAll(
					/name="(\w+)"[\s\S]*?<a:off x="(\d+)" y="(\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/g
				)
			].map((m) => ({
				name: m[1],
				x: Number(m[2]) / emu,
				y: Number(m[3]) / emu,
				w: Number(m[4]) / emu,
				h: Number(m[5]) / emu
			}));
			expect(boxes.map((b) => b.name)).toEqual(
				['Title', 'Chart', 'Caption', 'Note', 'Source'].filter((n) => n !== 'Note' || chart.note)
			);
			const picture = boxes.find((b) => b.name === 'Chart')!;
			expect(picture.w / picture.h).toBeCloseTo(chart.width / chart.height, 1);
			for (const b of boxes) {
				expect(b.x).toBeGreaterThanOrEqual(0);
				expect(b.y).toBeGreaterThanOrEqual(0);
				expect(b.x + b.w).toBeLessThanOrEqual(13.34);
				expect(b.y + b.h).toBeLessThanOrEqual(7.5);
				if (b === picture) continue;
				const apart =
					b.x >= picture.x + picture.w - 1e-3 ||
					b.x + b.w <= picture.x + 1e-3 ||
					b.y >= picture.y + picture.h - 1e-3 ||
					b.y + b.h <= picture.y + 1e-3;
				expect(apart, `${b.name} on slide ${i + 2}`).toBe(true);
			}
		}
	});

	it('lists every quote with its number and source on the appendix slides', async () => {
		const zip = await open();
		const slides = slidesOf(zip).slice(7);
		const paras = await Promise.all(slides.map(async (s) => paragraphs(await read(zip, s), 'a')));
		paras.forEach((p, k) => expect(p[0]).toBe(k ? words.appendixContinued : words.appendix));
		const expected = pack.charts.flatMap((chart, i) =>
			chart.quotes.flatMap((quote, j) => [
				...(j === 0 ? [`${i + 1}. ${chart.title}`] : []),
				`${i + 1}.${j + 1}\u2003${words.open}${quote.text}${words.close}`,
				quote.source
			])
		);
		expect(paras.flatMap((p) => p.slice(1))).toEqual(expected);
	});
});

describe('laying out the slides', () => {
	it('splits a long appendix across slides, each quote once and in order', async () => {
		const pack = makePack('zh', 12);
		const pages = paginateAppendix(pack);
		expect(pages.length).toBeGreaterThan(1);
		const quotes = pages.flat().filter((l) => l.kind === 'quote');
		expect(quotes.map((q) => q.number)).toEqual(
			pack.charts.flatMap((c, i) => c.quotes.map((_, j) => `${i + 1}.${j + 1}`))
		);
		for (const page of pages) {
			// a chart's heading is never left at the foot of a slide without a quote
			expect(page[page.length - 1]!.kind).not.toBe('group');
		}
		const zip = await JSZip.loadAsync(await briefingPptx(pack));
		expect(zip.file(/^ppt\/slides\/slide\d+\.xml$/)).toHaveLength(7 + pages.length);
	});

	it('moves a long note beside the picture or shrinks it, never below the slide', () => {
		const chart = makePack('zh').charts[0]!;
		const long = {
			...chart,
			note: '请关注耕地保有量与永久基本农田保护任务的落实情况。'.repeat(20)
		};
		const layout = layoutChartSlide(long, '图1　公顷');
		expect(layout.note).toBeDefined();
		expect(layout.noteSlides).toEqual([]);
		const { note, source } = layout;
		expect(note!.y + note!.h).toBeLessThanOrEqual(7.5);
		expect(source!.y + source!.h).toBeLessThanOrEqual(7.5);
		expect(layout.picture.h).toBeGreaterThan(2);
	});

	it('continues a note too long for its slide on slides of its own, losing nothing', async () => {
		const pack = makePack('zh');
		const sentence = '请关注耕地保有量与永久基本农田保护任务的落实情况，并说明原因。';
		pack.charts[1] = { ...pack.charts[1]!, note: sentence.repeat(70) }; // about 2,000 characters
		const layout = layoutChartSlide(pack.charts[1], '图2　公顷');
		expect(layout.note).toBeUndefined();
		expect(layout.noteSlides.length).toBeGreaterThan(1);
		expect(layout.noteSlides.join('')).toBe(pack.charts[1].note);
		for (const part of layout.noteSlides)
			expect(textHeight(part, 12.333, 14)).toBeLessThanOrEqual(5.9);

		const zip = await JSZip.loadAsync(await briefingPptx(pack));
		const slides = zip
			.file(/^ppt\/slides\/slide\d+\.xml$/)
			.map((f) => f.name)
			.sort(byNumber);
		expect(slides).toHaveLength(7 + layout.noteSlides.length + paginateAppendix(pack).length);
		for (const [k, part] of layout.noteSlides.entries()) {
			const paras = paragraphs(await read(zip, slides[3 + k]!), 'a');
			expect(paras).toEqual([pack.charts[1].title + '（续）', part]);
		}
		expect(paragraphs(await read(zip, slides[3 + layout.noteSlides.length]!), 'a')[0]).toBe(
			pack.charts[2]!.title
		);
	});

	it('cuts a text between sentences, or inside one longer than the box', () => {
		expect(splitText('一二三。四五六。', 10, 12, 5)).toEqual(['一二三。四五六。']);
		const parts = splitText('甲'.repeat(500) + '。乙。', 2, 12, 0.5);
		expect(parts.join('')).toBe('甲'.repeat(500) + '。乙。');
		for (const p of parts) expect(textHeight(p, 2, 12)).toBeLessThanOrEqual(0.5);
	});

	it('splits a note written on several lines into paragraphs, in Word and PowerPoint', async () => {
		const pack = makePack('en');
		pack.charts[0] = { ...pack.charts[0]!, note: 'First point.\n\nSecond point.' };
		const doc = paragraphs(
			await read(await JSZip.loadAsync(await briefingDocx(pack)), 'word/document.xml'),
			'w'
		);
		const at = doc.indexOf('First point.');
		expect(doc.slice(at, at + 3)).toEqual(['First point.', 'Second point.', pack.charts[0].source]);
		const deck = await JSZip.loadAsync(await briefingPptx(pack));
		const slide = paragraphs(await read(deck, 'ppt/slides/slide2.xml'), 'a');
		expect(slide).toContain('First point.');
		expect(slide).toContain('Second point.');
	});
});

/** Every character XML 1.0 forbids, as pasted from Word or another program. */
const FORBIDDEN =
	'a\u0000b\u0001c\u0008d\u000Be\u000Cf\u000Eg\u001Fh\uD800i\uDC00j\uFFFEk\uFFFFl\uDFFF\uD83D';
/** What a reader sees of it: a line break for the vertical tab and the form feed. */
const SEEN = 'abcd\ne\nfghijkl';
const MARKUP = ' <w:t>x</w:t> ]]> &amp; <a:t>y 👍';

function hostilePack(lang: 'zh' | 'en'): BriefingPack {
	const pack = makePack(lang, 1);
	const h = (s: string) => s + FORBIDDEN + MARKUP;
	return {
		...pack,
		title: h('标题'),
		session: h('会议'),
		date: h('日期'),
		agendaItem: h('议题'),
		charts: pack.charts.map((c) => ({
			...c,
			key: h(c.key),
			title: h(c.title),
			subtitle: h(c.subtitle),
			note: h('备注'),
			source: h(c.source),
			quotes: [{ text: h('原文'), source: h('出处') }]
		}))
	};
}

async function xmlParts(bytes: Uint8Array): Promise<[string, Uint8Array][]> {
	const zip = await JSZip.loadAsync(bytes);
	const names = Object.keys(zip.files).filter((f) => /\.(xml|rels)$/.test(f));
	return Promise.all(names.map(async (f) => [f, await zip.file(f)!.async('uint8array')] as const));
}

describe('the well-formedness check the next tests rely on', () => {
	const check = (s: string) => xmlProblem(new TextEncoder().encode(s));
	it('accepts a well-formed part and refuses what the Office writers could get wrong', () => {
		expect(check('<?xml version="1.0"?><a x="1"><b>t &amp; ]] &#x41;</b><c/></a>')).toBe(undefined);
		expect(check('<a>\u000B</a>')).toMatch(/forbidden character U\+b/);
		expect(check('<a>\uFFFE</a>')).toMatch(/forbidden/);
		expect(check('<a>&#1;</a>')).toMatch(/forbidden/);
		expect(check('<a>x & y</a>')).toMatch(/bare "&"/);
		expect(check('<a>]]></a>')).toMatch(/]]>/);
		expect(check('<a><b></a></b>')).toMatch(/does not close/);
		expect(check('<a x="1" x="2"/>')).toMatch(/repeated/);
		expect(check('<a>')).toMatch(/never closed/);
		expect(
			xmlProblem(new Uint8Array([0x3c, 0x61, 0x3e, 0xed, 0xa0, 0x80, 0x3c, 0x2f, 0x61, 0x3e]))
		).toBe('not UTF-8');
	});
});

describe.each(['zh', 'en'] as const)(
	'a %s pack whose texts hold forbidden characters and markup',
	(lang) => {
		const pack = hostilePack(lang);
		const visible = (prefix: string) => prefix + SEEN + MARKUP;

		it('makes a Word file whose every part is well-formed XML', async () => {
			const parts = await xmlParts(await briefingDocx(pack));
			expect(parts.length).toBeGreaterThan(5);
			for (const [name, bytes] of parts) expect(xmlProblem(bytes), name).toBeUndefined();
		});

		it('makes a PowerPoint file whose every part is well-formed XML', async () => {
			const parts = await xmlParts(await briefingPptx(pack));
			expect(parts.length).toBeGreaterThan(10);
			for (const [name, bytes] of parts) expect(xmlProblem(bytes), name).toBeUndefined();
		});

		it('keeps the visible text in Word, markup shown as text, a pasted line break as a break', async () => {
			const zip = await JSZip.loadAsync(await briefingDocx(pack));
			const paras = paragraphs(await read(zip, 'word/document.xml'), 'w');
			expect(paras).toContain(visible('标题'));
			expect(paras).toContain(visible(pack.charts[0]!.title.split('a\u0000')[0]!));
			// a note is one paragraph per line
			const at = find(paras, '备注abcd');
			expect(at).toBeGreaterThan(0);
			expect(paras.slice(at, at + 3)).toEqual(['备注abcd', 'e', 'fghijkl' + MARKUP]);
			expect(paras.join('\n')).toContain('原文' + SEEN + MARKUP);
			expect(paras.join('\n')).toContain(visible('出处'));
			const core = await read(zip, 'docProps/core.xml');
			expect(decode(core)).toContain(visible('标题'));
		});

		it('keeps the visible text in PowerPoint, markup shown as text, a pasted line break as a break', async () => {
			const zip = await JSZip.loadAsync(await briefingPptx(pack));
			const slides = Object.keys(zip.files)
				.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
				.sort(byNumber);
			const text = (await Promise.all(slides.map((f) => read(zip, f))))
				.map((xml) => paragraphs(xml, 'a').join('\n'))
				.join('\n');
			expect(text).toContain(visible('标题'));
			expect(text).toContain(visible('备注'));
			expect(text).toContain(visible(pack.charts[0]!.source.split('a\u0000')[0]!));
			const notes = Object.keys(zip.files).filter((f) => /^ppt\/notesSlides\/.+\.xml$/.test(f));
			// pptxgenjs writes a line break in the speaker notes as CR LF
			const spoken = (await Promise.all(notes.map((f) => read(zip, f))))
				.map((xml) => decode(xml).replaceAll('\r\n', '\n'))
				.join('\n');
			expect(spoken).toContain('原文' + SEEN + MARKUP);
		});
	}
);

describe('a quote in the typesetting of its text file', () => {
	// the bulletin's file writes the printed PM₂.₅ as PM_{2.5}; a document shows the characters
	const pack = makePack('zh');
	pack.charts[0]!.quotes[0]!.text = '2023年，全区AQI优良率86.8%；PM_{2.5}浓度30微克/立方米';
	const shown = '2023年，全区AQI优良率86.8%；PM2.5浓度30微克/立方米';

	it('reads PM2.5 in the Word appendix', async () => {
		const doc = await read(await JSZip.loadAsync(await briefingDocx(pack)), 'word/document.xml');
		expect(doc).toContain(shown);
		expect(doc).not.toContain('_{');
	});

	it('reads PM2.5 on the PowerPoint appendix slides', async () => {
		const quotes = paginateAppendix(pack)
			.flat()
			.filter((l) => l.kind === 'quote');
		expect(quotes[0]!.text).toContain(shown);
		expect(quotes.map((q) => q.text).join('')).not.toContain('_{');
	});
});
