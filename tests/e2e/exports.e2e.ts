/**
 * Charts that travel: the PNG, SVG and CSV a chart's menu makes, the embed in another site, and
 * the briefing pack printed, as Word and as PowerPoint. Each file is opened and read back.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { parse as parseCsv } from 'csv-parse/sync';
import JSZip from 'jszip';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fontCodePoints } from '../../src/lib/export/subset.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.js';

const RESERVE_TITLE = '储备土地：2022年末至2023年末（面积）';

async function openMenu(page: Page, chart: string) {
	const figure = page.locator(`figure[data-chart="${chart}"]`);
	await figure.locator('details.menu > summary').click();
	return figure.locator('details.menu');
}

/** Click a menu button and read the file it hands over. */
async function downloaded(
	page: Page,
	click: () => Promise<void>
): Promise<{ name: string; bytes: Buffer }> {
	const [download] = await Promise.all([page.waitForEvent('download'), click()]);
	const path = await download.path();
	return { name: download.suggestedFilename(), bytes: await readFile(path!) };
}

function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Ink in a band of an image (share of pixels that differ from the background), measured by
 * drawing it onto a canvas in the page.
 */
async function ink(
	page: Page,
	src: string,
	band: { top: number; bottom: number }
): Promise<number> {
	return page.evaluate(
		async ({ src, band }) => {
			const image = new Image();
			await new Promise((resolve, reject) => {
				image.onload = resolve;
				image.onerror = reject;
				image.src = src;
			});
			const canvas = document.createElement('canvas');
			canvas.width = image.naturalWidth;
			canvas.height = image.naturalHeight;
			const context = canvas.getContext('2d')!;
			context.fillStyle = '#fff';
			context.fillRect(0, 0, canvas.width, canvas.height);
			context.drawImage(image, 0, 0);
			const top = Math.round(band.top * canvas.height);
			const bottom = Math.round(band.bottom * canvas.height);
			const pixels = context.getImageData(0, top, canvas.width, bottom - top).data;
			let inked = 0;
			for (let i = 0; i < pixels.length; i += 4)
				if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 600) inked++;
			return inked / (pixels.length / 4);
		},
		{ src, band }
	);
}

const norm = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
const dataUrl = (bytes: Buffer, type: string) => `data:${type};base64,${bytes.toString('base64')}`;

test.describe('a chart’s menu', () => {
	test('PNG at 2× and 3× is the exported SVG’s size, with a title band that is not blank, white or transparent', async ({
		page
	}) => {
		await page.goto('/topics/land');
		const menu = await openMenu(page, 'land-reserve-area');
		const svg = await downloaded(page, () =>
			menu.getByRole('button', { name: '下载 SVG' }).click()
		);
		const [width, height] = ['width', 'height'].map((a) =>
			Number(new RegExp(`<svg[^>]* ${a}="(\\d+)"`).exec(svg.bytes.toString('utf8'))![1])
		);
		expect(width).toBeGreaterThan(400);

		for (const scale of ['2', '3']) {
			await menu.getByLabel('倍率').selectOption(scale);
			const png = await downloaded(page, () =>
				menu.getByRole('button', { name: '下载 PNG' }).click()
			);
			expect(png.name).toBe(`land-reserve-area@${scale}x.png`);
			expect(pngSize(png.bytes)).toEqual({
				width: width! * Number(scale),
				height: height! * Number(scale)
			});
		}

		// the title band holds ink; the same render with its title and subtitle removed does not
		const png = await downloaded(page, () =>
			menu.getByRole('button', { name: '下载 PNG' }).click()
		);
		const titleBand = { top: 0, bottom: 44 / height! };
		expect(await ink(page, dataUrl(png.bytes, 'image/png'), titleBand)).toBeGreaterThan(0.02);
		const untitled = svg.bytes
			.toString('utf8')
			.replace(new RegExp(`<text[^>]*>${RESERVE_TITLE}</text>`), '');
		expect(untitled).not.toContain(`>${RESERVE_TITLE}<`);
		expect(
			await ink(page, dataUrl(Buffer.from(untitled), 'image/svg+xml'), titleBand)
		).toBeLessThan(0.001);

		// transparent: the corner is see-through
		await menu.getByLabel('背景').selectOption('transparent');
		const clear = await downloaded(page, () =>
			menu.getByRole('button', { name: '下载 PNG' }).click()
		);
		const alpha = await page.evaluate(
			async (src) => {
				const image = new Image();
				await new Promise((r) => ((image.onload = r), (image.src = src)));
				const canvas = Object.assign(document.createElement('canvas'), {
					width: image.naturalWidth,
					height: image.naturalHeight
				});
				const context = canvas.getContext('2d')!;
				context.drawImage(image, 0, 0);
				return context.getImageData(1, 1, 1, 1).data[3];
			},
			dataUrl(clear.bytes, 'image/png')
		);
		expect(alpha).toBe(0);
	});

	test('SVG parses, carries title, legend and source, and embeds a font covering every character it draws', async ({
		page
	}) => {
		await page.goto('/topics/land');
		const menu = await openMenu(page, 'land-reserve-area');
		const { name, bytes } = await downloaded(page, () =>
			menu.getByRole('button', { name: '下载 SVG' }).click()
		);
		expect(name).toBe('land-reserve-area.svg');
		const text = bytes.toString('utf8');
		const parsed = await page.evaluate((source) => {
			const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
			const byWeight: Record<string, string> = { 400: '', 700: '' };
			for (const node of doc.querySelectorAll('text, tspan')) {
				if (node.querySelector('tspan')) continue;
				const weight =
					Number(
						node.getAttribute('font-weight') ??
							node.parentElement?.getAttribute('font-weight') ??
							400
					) >= 600
						? 700
						: 400;
				byWeight[weight] += node.textContent ?? '';
			}
			return {
				error: doc.querySelector('parsererror')?.textContent ?? null,
				texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
				byWeight,
				links: doc.querySelectorAll('a').length,
				classes: doc.querySelectorAll('[class]').length
			};
		}, text);
		expect(parsed.error).toBeNull();
		expect(parsed.texts).toContain(RESERVE_TITLE);
		expect(parsed.texts).toContain('推算值');
		expect(parsed.texts.join('')).toContain(
			'来源：《关于宝山区 2023 年度国有自然资源资产管理情况的专项报告》第48页'
		);
		expect(parsed.texts.join('')).toContain('799.9');
		expect(parsed.links).toBe(0);
		expect(parsed.classes).toBe(0);

		const faces = [
			...text.matchAll(/font-weight:(\d+);src:url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\)/g)
		];
		expect(faces.map((f) => f[1]).sort()).toEqual(['400', '700']);
		for (const [, weight, data] of faces) {
			const font = Buffer.from(data!, 'base64');
			const covered = fontCodePoints(new Uint8Array(font));
			const needed = new Set([...parsed.byWeight[weight!]!.replace(/\s/g, '')]);
			const missing = [...needed].filter((c) => !covered.has(c.codePointAt(0)!));
			expect(missing, `weight ${weight} lacks glyphs`).toEqual([]);
			// a subset: far smaller than the 360 KB font it was cut from, and not padded with unused glyphs
			expect(font.byteLength).toBeLessThan(120_000);
			expect(covered.size).toBeLessThan(needed.size + 8);
		}
	});

	test('the SVG draws the same where no font is installed at all', async ({ page }) => {
		await page.goto('/topics/land');
		const menu = await openMenu(page, 'land-reserve-area');
		const { bytes } = await downloaded(page, () =>
			menu.getByRole('button', { name: '下载 SVG' }).click()
		);
		const svg = bytes.toString('utf8');
		// the same file with the whole font in place of each subset, and with no font at all
		const full: Record<string, string> = {};
		for (const weight of ['400', '700'])
			full[weight] = (
				await (await page.request.get(`/fonts/NotoSansSC-${weight}.ttf`)).body()
			).toString('base64');
		const whole = svg.replace(
			/font-weight:(\d+);src:url\(data:font\/ttf;base64,[A-Za-z0-9+/=]+\)/g,
			(_, weight: string) => `font-weight:${weight};src:url(data:font/ttf;base64,${full[weight]})`
		);
		const stripped = svg.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
		expect(whole.length).toBeGreaterThan(svg.length);

		// a browser whose fontconfig knows no font: a glyph missing from the subset has nowhere to come from
		const dir = mkdtempSync(join(tmpdir(), 'no-fonts-'));
		await writeFile(
			join(dir, 'fonts.conf'),
			`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>${dir}/none</dir><cachedir>${dir}/cache</cachedir></fontconfig>`
		);
		const bare: Browser = await chromium.launch({
			executablePath: CHROMIUM_PATH,
			args: CHROMIUM_ARGS,
			env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') }
		});
		try {
			const target = await (await bare.newContext()).newPage();
			const render = (source: string) =>
				target.evaluate(
					async (src) => {
						const image = new Image();
						await new Promise((resolve, reject) => {
							image.onload = resolve;
							image.onerror = reject;
							image.src = src;
						});
						const canvas = Object.assign(document.createElement('canvas'), {
							width: image.naturalWidth,
							height: image.naturalHeight
						});
						const context = canvas.getContext('2d')!;
						context.drawImage(image, 0, 0);
						return Array.from(context.getImageData(0, 0, canvas.width, canvas.height).data);
					},
					dataUrl(Buffer.from(source), 'image/svg+xml')
				);
			const differ = (a: number[], b: number[]) => {
				let n = 0;
				for (let i = 0; i < a.length; i += 4)
					if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 3]! - b[i + 3]!) > 64) n++;
				return n / (a.length / 4);
			};
			const subset = await render(svg);
			const reference = await render(whole);
			expect(subset.length).toBe(reference.length);
			// every character the file draws comes out as the whole font draws it
			expect(differ(subset, reference)).toBeLessThan(0.0005);
			// and the comparison can fail: without the embedded font the text is not drawn
			expect(differ(subset, await render(stripped))).toBeGreaterThan(0.005);
		} finally {
			await bare.close();
		}
	});

	test('CSV holds exactly the chart’s figures with their quotes, with a BOM', async ({ page }) => {
		await page.goto('/topics/land');
		const menu = await openMenu(page, 'land-reserve-area');
		const { name, bytes } = await downloaded(page, () =>
			menu.getByRole('button', { name: '下载 CSV' }).click()
		);
		expect(name).toBe('land-reserve-area.csv');
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parseCsv(bytes.toString('utf8').slice(1), { columns: true }) as Record<
			string,
			string
		>[];
		expect(Object.keys(rows[0]!)).toEqual([
			'figure_id',
			'indicator',
			'sector',
			'area',
			'period',
			'measure',
			'value',
			'unit',
			'qualifier',
			'base_value',
			'base_unit',
			'derived',
			'formula',
			'document',
			'page',
			'quote'
		]);
		const marks = await page
			.locator('figure[data-chart="land-reserve-area"] svg [data-figure]')
			.evaluateAll((m) => [...new Set(m.map((x) => x.getAttribute('data-figure')))].sort());
		expect(rows.map((r) => r.figure_id).sort()).toEqual(marks);
		const end = rows.find((r) => r.value === '799.9')!;
		expect(end).toMatchObject({ unit: '公顷', derived: 'false', page: '48' });
		expect(end.quote).toContain('799.9公顷');
		const start = rows.find((r) => r.derived === 'true')!;
		expect(start.value).toBe('777.1');
		expect(start.formula).not.toBe('');
	});

	test('every chart on a page has the whole menu', async ({ page }) => {
		for (const path of [
			'/topics/land',
			'/en/indicators/forest-coverage',
			'/reports/s21-natural-resources-report',
			'/'
		]) {
			await page.goto(path);
			const charts = page.locator('figure.chart');
			const n = await charts.count();
			expect(n, path).toBeGreaterThan(0);
			await expect(page.locator('figure.chart details.menu'), path).toHaveCount(n);
		}
		await page.goto('/en/topics/land');
		const menu = await openMenu(page, 'land-use');
		for (const name of [
			'Download PNG',
			'Download SVG',
			'Download CSV',
			'Copy link',
			'Copy embed code',
			'Add to briefing'
		])
			await expect(menu.getByRole('button', { name })).toBeVisible();
	});
});

/** What a reader sees of a chart on the page: its drawn text (halos left out), title, subtitle, legend, notes and source line. */
async function pageChartText(page: Page, chart: string) {
	const figure = page.locator(`figure[data-chart="${chart}"]`);
	return {
		marks: await figure
			.locator('svg text:not([data-halo])')
			.evaluateAll((ts) => ts.map((t) => t.textContent ?? '')),
		labels: await figure
			.locator('svg [data-label-for]')
			.evaluateAll((ts) => ts.map((t) => t.textContent ?? '')),
		// in the file's order: the band's lines (title, subtitle, notes), then the legend's labels
		band: [
			await figure.locator('h3').innerText(),
			await figure.locator('.subtitle').innerText(),
			...(await figure.locator('p.note').allInnerTexts()),
			...(await figure.locator('ul.legend li').allInnerTexts())
		],
		source: await figure.locator('figcaption.sources').innerText()
	};
}

/**
 * The exported SVG read in a fresh page with no site CSS: the chart's text, the bands around it,
 * and each value label's box, fill and halo fill as that page computes them.
 */
async function exportedChartText(browser: Browser, svg: string) {
	const context = await browser.newContext();
	const bare = await context.newPage();
	await bare.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
	const read = await bare.evaluate(() => {
		const root = document.querySelector('body > svg')!;
		const body = root.querySelector(':scope > svg')!;
		const origin = root.getBoundingClientRect();
		const outer = [...root.querySelectorAll(':scope > text')];
		const after = (t: Element) =>
			body.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING;
		return {
			marks: [...body.querySelectorAll('text:not([data-halo])')].map((t) => t.textContent ?? ''),
			band: outer.filter((t) => !after(t)).map((t) => t.textContent ?? ''),
			source: outer.filter(after).map((t) => t.textContent ?? ''),
			labels: [...body.querySelectorAll('[data-label-for]')].map((t) => {
				const box = t.getBoundingClientRect();
				const halo = t.previousElementSibling;
				const style = getComputedStyle(t);
				return {
					text: t.textContent ?? '',
					figure: t.getAttribute('data-label-for'),
					/** A whole text (a halo goes with it), not a run inside a caption's text. */
					own: t.tagName === 'text',
					box: {
						x: box.x - origin.x,
						y: box.y - origin.y,
						width: box.width,
						height: box.height
					},
					fill: style.fill,
					stroke: style.stroke,
					halo: halo?.hasAttribute('data-halo') ? getComputedStyle(halo).fill : null,
					haloHidden: halo?.getAttribute('aria-hidden') ?? null,
					haloFor: halo?.getAttribute('data-label-for') ?? null
				};
			})
		};
	});
	await context.close();
	return read;
}

/** A label's box in the picture's own units, and the colour its text is drawn in. */
interface InkedLabel {
	box: { x: number; y: number; width: number; height: number };
	fill: string;
}

/**
 * Per label, the share of pixels in its box that are its fill colour (within a small
 * distance): near zero when the halo covers the text, as `paint-order` lost in export did.
 */
async function labelInk(
	page: Page,
	src: string,
	labels: InkedLabel[],
	scale: number
): Promise<number[]> {
	return page.evaluate(
		async ({ src, labels, scale }) => {
			const image = new Image();
			await new Promise((resolve, reject) => {
				image.onload = resolve;
				image.onerror = reject;
				image.src = src;
			});
			const width = image.naturalWidth * (src.startsWith('data:image/svg') ? scale : 1);
			const height = image.naturalHeight * (src.startsWith('data:image/svg') ? scale : 1);
			const canvas = Object.assign(document.createElement('canvas'), { width, height });
			const context = canvas.getContext('2d')!;
			context.fillStyle = '#fff';
			context.fillRect(0, 0, width, height);
			context.drawImage(image, 0, 0, width, height);
			const rgb = (css: string) => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number);
			return labels.map(({ box, fill }) => {
				const [r, g, b] = rgb(fill) as [number, number, number];
				const x = Math.floor(box.x * scale);
				const y = Math.floor(box.y * scale);
				const w = Math.max(1, Math.ceil(box.width * scale));
				const h = Math.max(1, Math.ceil(box.height * scale));
				const pixels = context.getImageData(x, y, w, h).data;
				let hits = 0;
				for (let i = 0; i < pixels.length; i += 4)
					if (
						Math.abs(pixels[i]! - r) + Math.abs(pixels[i + 1]! - g) + Math.abs(pixels[i + 2]! - b) <
						90
					)
						hits++;
				return hits / (pixels.length / 4);
			});
		},
		{ src, labels, scale }
	);
}

/** zh 来源：《…》（第48页） on the page is 来源：《…》第48页 in the file; en “(p. 48)” is “, p. 48”. */
const sourceText = (text: string) => text.normalize('NFKC').replace(/[\s(),]/g, '');

const TEXT_CHARTS = [
	{ path: '/topics/land', chart: 'land-use-share', kind: 'part-to-whole', label: '住宅用地 16.2%' },
	{ path: '/topics/land', chart: 'land-use', kind: 'bar', label: '5926公顷' },
	{
		path: '/en/topics/land',
		chart: 'land-use-share',
		kind: 'part-to-whole',
		label: '23.0%'
	},
	{ path: '/en/topics/land', chart: 'land-use', kind: 'bar', label: '5,926 ha' }
];

test.describe('an exported picture reads like the page', () => {
	for (const { path, chart, kind, label } of TEXT_CHARTS) {
		test(`the ${kind} chart ${chart} on ${path} exports the same labels, title, unit and source line, each label drawn legibly over its halo in the SVG and the PNG`, async ({
			page,
			browser
		}) => {
			const zh = !path.startsWith('/en');
			await page.goto(path);
			// the menu is there once the page is hydrated and the chart laid out for its width
			const menu = await openMenu(page, chart);
			const shown = await pageChartText(page, chart);
			expect(shown.labels).toContain(label);
			const svg = (
				await downloaded(page, () =>
					menu.getByRole('button', { name: zh ? '下载 SVG' : 'Download SVG' }).click()
				)
			).bytes.toString('utf8');
			const png = await downloaded(page, () =>
				menu.getByRole('button', { name: zh ? '下载 PNG' : 'Download PNG' }).click()
			);
			const file = await exportedChartText(browser, svg);

			// the same words: every text the chart draws, in order, then the bands around it
			expect(file.marks).toEqual(shown.marks);
			expect(file.labels.map((l) => l.text)).toEqual(shown.labels);
			expect(norm(file.band.join(''))).toBe(norm(shown.band.join('')));
			const cited = file.source.join('').split(zh ? '刊载于' : 'Published in')[0]!;
			expect(sourceText(cited)).toBe(sourceText(shown.source));

			// each label has a box, its own colour over a halo of another, and no stroke over it
			const haloed = file.labels.filter((l) => l.own);
			expect(haloed.map((l) => l.text)).toContain(label);
			for (const l of haloed) {
				expect(l.box.width * l.box.height, l.text).toBeGreaterThan(20);
				expect(l.halo, l.text).not.toBeNull();
				expect(l.fill, l.text).not.toBe(l.halo);
				expect(l.stroke, l.text).toBe('none');
				expect(l.haloHidden).toBe('true');
				expect(l.haloFor).toBeNull();
			}

			// the PNG shows each label in its fill colour; the halo painted over the text would not
			const pngInk = await labelInk(page, dataUrl(png.bytes, 'image/png'), haloed, 2);
			const covered = await page.evaluate((source) => {
				const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
				for (const text of doc.querySelectorAll('text[data-label-for]')) {
					text.setAttribute('stroke', text.previousElementSibling!.getAttribute('fill')!);
					text.setAttribute('stroke-width', '3');
				}
				return new XMLSerializer().serializeToString(doc);
			}, svg);
			expect(covered).not.toBe(svg);
			const coveredInk = await labelInk(
				page,
				dataUrl(Buffer.from(covered), 'image/svg+xml'),
				haloed,
				2
			);
			for (const [i, l] of haloed.entries()) {
				expect(pngInk[i], `${l.text} in the PNG`).toBeGreaterThan(0.04);
				expect(coveredInk[i]!, `${l.text} under its halo`).toBeLessThan(pngInk[i]! / 2);
			}
		});
	}
});

test.describe('embeds', () => {
	let host: Server;
	const HOST_PORT = 4391;

	test.beforeAll(async () => {
		host = createServer((_, response) => {
			response.setHeader('content-type', 'text/html; charset=utf-8');
			response.end(hostPage);
		});
		await new Promise<void>((resolve) => host.listen(HOST_PORT, '127.0.0.1', resolve));
	});
	test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

	let hostPage = '';

	test('the embed code, pasted into a page on another origin, sizes its iframe to the chart', async ({
		page,
		context
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto('/topics/land');
		const menu = await openMenu(page, 'land-reserve-area');
		await menu.getByRole('button', { name: '复制嵌入代码' }).click();
		await expect(menu.locator('.status')).toHaveText('已复制嵌入代码');
		const snippet = await page.evaluate(() => navigator.clipboard.readText());
		expect(snippet).toContain(new URL('/embed/topic/land/land-reserve-area', page.url()).href);
		hostPage = `<!doctype html><meta charset="utf-8"><title>host</title><body style="margin:0"><p>Briefing page</p>${snippet}<p id="after">after</p></body>`;

		await page.goto(`http://127.0.0.1:${HOST_PORT}/`);
		const iframe = page.locator('iframe[data-district-figures]');
		const frame = page.frameLocator('iframe[data-district-figures]');
		await expect(frame.locator('figure[data-chart="land-reserve-area"] svg')).toBeVisible();
		await expect(frame.locator('h3')).toHaveText(RESERVE_TITLE);
		await expect(frame.locator('figcaption.sources')).toContainText('第48页');
		// the frame's height follows its content, which is taller than the snippet's 320 px start
		const embedded = page.frames().find((f) => f.url().includes('/embed/'))!;
		await expect
			.poll(async () => {
				const content = await embedded.evaluate(() => document.documentElement.scrollHeight);
				const box = await iframe.boundingBox();
				return Math.abs(box!.height - content);
			})
			.toBeLessThanOrEqual(1);
		expect((await iframe.boundingBox())!.height).toBeGreaterThan(320);
		// and follows it when it changes: the table view is taller
		const before = (await iframe.boundingBox())!.height;
		await frame.getByRole('button', { name: '数据表' }).click();
		await expect.poll(async () => (await iframe.boundingBox())!.height).not.toBe(before);
		const content = await embedded.evaluate(() => document.documentElement.scrollHeight);
		await expect.poll(async () => Math.round((await iframe.boundingBox())!.height)).toBe(content);
	});

	test('an embed is a chart without app chrome, drawn with JavaScript off, in a dark theme on request', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/en/embed/topic/land/land-use');
		await expect(
			page.locator('figure[data-chart="land-use"] svg [data-figure]').first()
		).toBeAttached();
		await expect(page.locator('header.site, nav')).toHaveCount(0);
		await expect(page.locator('figcaption.sources')).toContainText('p. ');
		await context.close();
		const lit = await browser.newPage();
		await lit.goto('/embed/topic/land/land-use?theme=dark');
		await expect(lit.locator('html')).toHaveAttribute('data-theme', 'dark');
		await lit.goto('/embed/topic/land/land-use?theme=purple');
		await expect(lit.getByRole('alert')).toContainText('theme=purple');
		await lit.close();
	});
});

const SIX = [
	'topic/land/land-use',
	'topic/land/land-reserve-area',
	'topic/industry/industry-output',
	'topic/forest/forest-coverage',
	'topic/enterprises/enterprise-counts',
	'topic/water/water-sections'
];

function packUrl(lang: 'zh' | 'en') {
	const pack = {
		title: lang === 'zh' ? '自然资源资产管理情况简报' : 'Natural resources briefing',
		session: '21',
		date: '2024-06-20',
		agenda: '听取和审议区政府关于2023年度国有自然资源资产管理情况的专项报告',
		items: SIX.map((key, i) => ({
			key,
			note: i === 1 ? (lang === 'zh' ? '储备土地净增22.8公顷' : 'Net increase of 22.8 ha') : ''
		}))
	};
	return `${lang === 'zh' ? '' : '/en'}/briefing#pack=${encodeURIComponent(JSON.stringify(pack))}`;
}

async function openPack(page: Page, lang: 'zh' | 'en') {
	await page.goto(packUrl(lang));
	await expect(page.locator('.sheet figure.chart svg')).toHaveCount(6);
}

test.describe('the briefing pack', () => {
	test('charts added from their menus gather in the pack, in order, kept in the URL and in storage', async ({
		page
	}) => {
		await page.goto('/topics/land');
		for (const chart of ['land-use', 'land-reserve-area']) {
			const menu = await openMenu(page, chart);
			await menu.getByRole('button', { name: '加入简报' }).click();
		}
		await expect(
			page.locator('figure[data-chart="land-reserve-area"] .menu .status')
		).toContainText('共2张图');
		await page.goto('/briefing');
		await expect(page.locator('.sheet figure.chart')).toHaveCount(2);
		await expect(page.locator('.sheet article.item').first()).toHaveAttribute(
			'data-key',
			'topic/land/land-use'
		);
		await page.getByRole('button', { name: '下移图1' }).click();
		await expect(page.locator('.sheet article.item').first()).toHaveAttribute(
			'data-key',
			'topic/land/land-reserve-area'
		);
		await page.getByLabel('备注（将印在图下）').first().fill('净增22.8公顷');
		await expect(page).toHaveURL(/#pack=.*%E5%87%80%E5%A2%9E/);
		// the link opens the same pack in a browser that has never seen it
		const shared = page.url();
		const other = await page.context().browser()!.newContext();
		const fresh = await other.newPage();
		await fresh.goto(shared);
		await expect(fresh.locator('.sheet article.item').first()).toHaveAttribute(
			'data-key',
			'topic/land/land-reserve-area'
		);
		await expect(fresh.locator('.sheet p.staff-note')).toHaveText('净增22.8公顷');
		await other.close();
		// a malformed pack falls back to the stored one with a notice
		await page.goto('/briefing?pack=%7Bbroken');
		await expect(page.getByRole('alert')).toContainText('pack=');
		await expect(page.locator('.sheet figure.chart')).toHaveCount(2);
	});

	test('six charts print to A4: a title page, one page per chart, none split, numbered, and the sources appendix', async ({
		page
	}) => {
		await openPack(page, 'zh');
		await page.emulateMedia({ media: 'print' });
		const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
		const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
		const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
		const pages: string[] = [];
		for (let n = 1; n <= doc.numPages; n++) {
			const content = await (await doc.getPage(n)).getTextContent();
			// NFKC: the PDF maps some ideographs to their Kangxi radical look-alikes (⾃ for 自)
			pages.push(norm(content.items.map((i) => ('str' in i ? i.str : '')).join('')));
		}
		const size = (await doc.getPage(1)).view;
		const contains = (page: string | undefined, text: string) => expect(page).toContain(norm(text));
		expect(Math.round(size[2]!)).toBe(595); // A4 portrait in points
		expect(Math.round(size[3]!)).toBe(842);
		const titles = await page.locator('.sheet figure.chart h3').allTextContents();
		expect(titles).toHaveLength(6);
		contains(pages[0], '自然资源资产管理情况简报');
		contains(pages[0], '2024年6月20日');
		for (const [i, title] of titles.entries()) {
			// each chart on a page of its own, with its number, title and source line together
			const on = pages.slice(1, 7).findIndex((p) => p.includes(norm(title))) + 1;
			expect(on, title).toBe(i + 1);
			contains(pages[on], `图${i + 1}`);
			contains(pages[on], '来源：《');
		}
		contains(pages[2], '储备土地净增22.8公顷');
		const appendix = pages.slice(7).join('');
		contains(appendix, '附录：数据出处');
		contains(appendix, '799.9公顷');
		expect(pages.slice(7).length).toBeGreaterThanOrEqual(1);
		// page numbers in the margin: "n / N"
		contains(pages[1], `2 / ${doc.numPages}`);
		contains(pages.at(-1), `${doc.numPages} / ${doc.numPages}`);
	});

	test('a chart drawn with its page’s filter keeps that filter in the briefing and in its embed', async ({
		page
	}) => {
		await page.goto('/indicators/industry-output-above-scale?sector=industry-key-robotics');
		await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
		const figure = page.locator('figure.chart', {
			has: page.locator('svg [data-figure="industry-robotics-output-2023"]')
		});
		await expect(figure).toHaveCount(1);
		await expect(
			figure.locator('svg [data-figure="industry-new-materials-output-2023"]')
		).toHaveCount(0);
		const chart = (await figure.getAttribute('data-chart'))!;
		const menu = await openMenu(page, chart);
		await menu.getByRole('button', { name: '加入简报' }).click();
		await page.goto('/briefing');
		const item = page.locator('.sheet article.item');
		await expect(item).toHaveAttribute(
			'data-key',
			`indicator/industry-output-above-scale/${chart}?sector=industry-key-robotics`
		);
		await expect(item.locator('svg [data-figure="industry-robotics-output-2023"]')).toHaveAttribute(
			'data-value',
			'68300000000'
		);
		await expect(
			item.locator('svg [data-figure="industry-new-materials-output-2023"]')
		).toHaveCount(0);

		await page.goto(
			`/embed/indicator/industry-output-above-scale/${chart}?sector=industry-key-robotics`
		);
		await expect(page.locator('svg [data-figure="industry-robotics-output-2023"]')).toHaveAttribute(
			'data-value',
			'68300000000',
			{ timeout: 30_000 }
		);
		await expect(
			page.locator('svg [data-figure="industry-new-materials-output-2023"]')
		).toHaveCount(0);
	});

	test('a comparison the reader chose can be briefed and embedded as chosen', async ({ page }) => {
		await page.goto('/compare?i=forest-coverage');
		await expect(page.locator('html')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
		const figure = page.locator('figure.chart', {
			has: page.locator('svg [data-figure="forest-coverage-2022"]')
		});
		await expect(figure).toHaveCount(1);
		const chart = (await figure.getAttribute('data-chart'))!;
		const menu = await openMenu(page, chart);
		await menu.getByRole('button', { name: '加入简报' }).click();
		await page.goto('/en/briefing');
		const item = page.locator('.sheet article.item');
		await expect(item).toHaveAttribute('data-key', `compare/choice/${chart}?i=forest-coverage`);
		await expect(item.locator('svg [data-figure="forest-coverage-2022"]')).toHaveAttribute(
			'data-value',
			'16.57'
		);
		await page.goto(`/en/embed/compare/choice/${chart}?i=forest-coverage`);
		await expect(page.locator('svg [data-figure="forest-coverage-2022"]')).toBeAttached({
			timeout: 30_000
		});
	});

	for (const lang of ['zh', 'en'] as const) {
		test(`Word and PowerPoint files in ${lang} hold the six pictures with captions, notes and sources as text`, async ({
			page
		}) => {
			await openPack(page, lang);
			const titles = await page.locator('.sheet figure.chart h3').allTextContents();
			const docx = await downloaded(page, () =>
				page.getByRole('button', { name: lang === 'zh' ? '下载 Word' : 'Download Word' }).click()
			);
			expect(docx.name).toMatch(/\.docx$/);
			const word = await JSZip.loadAsync(docx.bytes);
			const media = Object.keys(word.files).filter((f) => /^word\/media\/.+\.png$/.test(f));
			expect(media).toHaveLength(6);
			const body = (await word.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
			for (const [i, title] of titles.entries()) {
				expect(body).toContain(title);
				expect(body).toContain(lang === 'zh' ? `图${i + 1}` : `Figure ${i + 1}`);
			}
			expect(body).toContain(lang === 'zh' ? '储备土地净增22.8公顷' : 'Net increase of 22.8 ha');
			expect(body).toContain(lang === 'zh' ? '附录：数据出处' : 'Appendix: sources');
			expect(body).toContain(lang === 'zh' ? '第48页' : 'p. 48');
			for (const file of media) {
				const size = pngSize(Buffer.from(await word.file(file)!.async('uint8array')));
				expect(size.width).toBeGreaterThanOrEqual(1800); // 3× a 600 px chart: sharp in print
			}

			const pptx = await downloaded(page, () =>
				page
					.getByRole('button', { name: lang === 'zh' ? '下载 PowerPoint' : 'Download PowerPoint' })
					.click()
			);
			expect(pptx.name).toMatch(/\.pptx$/);
			const deck = await JSZip.loadAsync(pptx.bytes);
			expect(Object.keys(deck.files).filter((f) => /^ppt\/media\/.+\.png$/.test(f))).toHaveLength(
				6
			);
			const slides = await Promise.all(
				Object.keys(deck.files)
					.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
					.map(async (f) => (await deck.file(f)!.async('string')).replace(/<[^>]+>/g, ''))
			);
			const all = slides.join('\n');
			for (const title of titles) expect(all).toContain(title);
			expect(all).toContain(lang === 'zh' ? '储备土地净增22.8公顷' : 'Net increase of 22.8 ha');
			expect(all).toContain(lang === 'zh' ? '来源' : 'Source');
		});
	}
});

test.describe('a briefed part-to-whole chart', () => {
	for (const lang of ['zh', 'en'] as const) {
		test(`keeps its segment and value labels legible in the Word and PowerPoint pictures (${lang})`, async ({
			page
		}) => {
			const pack = {
				title: lang === 'zh' ? '土地利用简报' : 'Land use briefing',
				items: [{ key: 'topic/land/land-use-share', note: '' }]
			};
			await page.goto(
				`${lang === 'zh' ? '' : '/en'}/briefing#pack=${encodeURIComponent(JSON.stringify(pack))}`
			);
			const svg = page.locator('.sheet figure.chart svg').first();
			await expect(svg.locator('[data-figure]').first()).toBeAttached();
			const pictures: Buffer[] = [];
			for (const [button, folder] of [
				[lang === 'zh' ? '下载 Word' : 'Download Word', 'word'],
				[lang === 'zh' ? '下载 PowerPoint' : 'Download PowerPoint', 'ppt']
			] as const) {
				const file = await downloaded(page, () =>
					page.getByRole('button', { name: button }).click()
				);
				const zip = await JSZip.loadAsync(file.bytes);
				const media = Object.keys(zip.files).filter((f) =>
					new RegExp(`^${folder}/media/.+\\.png$`).test(f)
				);
				expect(media, folder).toHaveLength(1);
				pictures.push(Buffer.from(await zip.file(media[0]!)!.async('uint8array')));
			}
			// where each label sits in the chart the files drew, in its own units, and its colour
			const drawn = await svg.evaluate((root: SVGSVGElement) => ({
				height: root.viewBox.baseVal.height,
				labels: [...root.querySelectorAll<SVGTextElement>('text[data-label-for]')].map((t) => {
					const box = t.getBBox();
					return {
						text: t.textContent ?? '',
						box: { x: box.x, y: box.y, width: box.width, height: box.height },
						fill: getComputedStyle(t).fill
					};
				})
			}));
			expect(drawn.labels.map((l) => l.text)).toContain(lang === 'zh' ? '住宅用地 16.2%' : '23.0%');

			for (const picture of pictures) {
				// the picture is the chart at 3× under its legend band, with an empty source band (24 units)
				const { height } = pngSize(picture);
				const top = height / 3 - drawn.height - 24;
				const labels = drawn.labels.map((l) => ({
					...l,
					box: { ...l.box, x: l.box.x + 16, y: l.box.y + top }
				}));
				const shown = await labelInk(page, dataUrl(picture, 'image/png'), labels, 3);
				for (const [i, l] of labels.entries())
					expect(shown[i], `${l.text} in the briefing picture`).toBeGreaterThan(0.04);
			}
		});
	}
});
