/**
 * A chart as a file that looks the same anywhere: its SVG with every style resolved in the
 * light theme, a title band, its sources, and the font embedded as a subset holding exactly
 * the glyphs the file uses. Browser only; loaded when the reader exports.
 */
import {
	PAD,
	sourceBand,
	titleBand,
	type BandLine,
	type LegendEntry,
	type PlacedLegend
} from './band.js';

export interface ExportMeta {
	title: string;
	subtitle: string;
	/** The chart's legend: its series' colours and the statuses of values it shows. */
	legend: LegendEntry[];
	/** Lines under the legend: notes on what the chart holds. */
	notes: string[];
	/** Source lines: document, page, bulletin. */
	sources: string[];
	/** The file's language, for its lang attribute. */
	lang: 'zh' | 'en';
}

export interface ExportFonts {
	/** A TrueType font holding the glyphs of `text` at a weight (400 or 700). */
	subset(text: string, weight: 400 | 700): Promise<Uint8Array>;
}

export const FONT_FAMILY = 'NotoSansSC Export';
const SVG_NS = 'http://www.w3.org/2000/svg';
const STYLE_PROPERTIES = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-linejoin',
	'stroke-opacity',
	'opacity',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'visibility',
	'display'
] as const;
const COLORS = { text: '#1d2630', muted: '#4a5561', background: '#ffffff' };

/** Read every element's styles with the page in its light theme, then put the theme back. */
function inLightTheme<T>(read: () => T): T {
	const root = document.documentElement;
	const previous = root.dataset.theme;
	root.dataset.theme = 'light';
	try {
		return read();
	} finally {
		if (previous === undefined) delete root.dataset.theme;
		else root.dataset.theme = previous;
	}
}

/** A copy of the chart with its computed styles written onto it, links and focus wrappers gone. */
function resolvedCopy(svg: SVGSVGElement): SVGSVGElement {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	const originals = [svg, ...svg.querySelectorAll('*')];
	const copies = [copy, ...copy.querySelectorAll('*')];
	inLightTheme(() => {
		originals.forEach((original, i) => {
			const target = copies[i] as Element;
			const style = getComputedStyle(original);
			for (const property of STYLE_PROPERTIES) {
				const value = style.getPropertyValue(property);
				if (value && value !== 'auto' && value !== 'normal') target.setAttribute(property, value);
			}
			target.removeAttribute('class');
			target.removeAttribute('style');
			target.removeAttribute('tabindex');
		});
	});
	// a standalone file has nowhere to link to: keep what a link holds, drop the link
	for (const link of [...copy.querySelectorAll('a')]) {
		const group = document.createElementNS(SVG_NS, 'g');
		while (link.firstChild) group.appendChild(link.firstChild);
		link.replaceWith(group);
	}
	return copy;
}

function bandText(parent: Element, lines: BandLine[]) {
	for (const line of lines) {
		const text = document.createElementNS(SVG_NS, 'text');
		text.setAttribute('x', String(PAD));
		text.setAttribute('y', String(line.y));
		text.setAttribute('font-size', String(line.size));
		text.setAttribute('font-weight', String(line.weight));
		text.setAttribute('fill', COLORS[line.color]);
		text.textContent = line.text;
		parent.appendChild(text);
	}
}

/** The legend's swatches and labels, drawn as the page's legend draws them. */
function legendMarks(parent: Element, entries: PlacedLegend[]) {
	const palette = inLightTheme(() => getComputedStyle(document.documentElement));
	const colour = (n: number) => palette.getPropertyValue(`--c${n}`).trim() || COLORS.muted;
	const el = (name: string, attrs: Record<string, string | number>) => {
		const node = document.createElementNS(SVG_NS, name);
		for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
		parent.appendChild(node);
		return node;
	};
	const s = 11;
	for (const entry of entries) {
		const { x, y } = entry;
		if (entry.status === 'derived') {
			el('rect', { x, y, width: s, height: s, fill: '#ffffff', stroke: COLORS.muted });
			for (let d = 3; d < 2 * s; d += 4)
				el('line', {
					x1: x + Math.max(0, d - s),
					y1: y + Math.min(s, d),
					x2: x + Math.min(s, d),
					y2: y + Math.max(0, d - s),
					stroke: COLORS.muted,
					'stroke-width': 1.5
				});
		} else if (entry.status === 'target') {
			el('rect', {
				x: x + 1,
				y: y + 1,
				width: s - 2,
				height: s - 2,
				fill: 'none',
				stroke: COLORS.muted,
				'stroke-width': 2,
				'stroke-dasharray': '3 2'
			});
		} else if (entry.status === 'bound') {
			el('path', {
				d: `M${x},${y}h${s * 0.7}l${s * 0.3},${s / 2}l${-s * 0.3},${s / 2}h${-s * 0.7}z`,
				fill: COLORS.muted
			});
		} else {
			el('rect', { x, y, width: s, height: s, rx: 2, fill: colour(entry.color ?? 0) });
		}
		const label = el('text', {
			x: x + s + 5,
			y: entry.baseline,
			'font-size': 12,
			'font-weight': 400,
			fill: COLORS.muted
		});
		label.textContent = entry.label;
	}
}

function base64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

/** The exported SVG's text, per weight, so each font subset holds exactly what it draws. */
function textByWeight(svg: SVGSVGElement): { 400: string; 700: string } {
	const out = { 400: '', 700: '' };
	for (const node of svg.querySelectorAll('text, tspan')) {
		if (node.querySelector('tspan')) continue;
		const weight =
			Number(
				node.getAttribute('font-weight') ?? node.parentElement?.getAttribute('font-weight') ?? 400
			) >= 600
				? 700
				: 400;
		out[weight] += node.textContent ?? '';
	}
	return out;
}

export async function composeSvg(
	chart: SVGSVGElement,
	meta: ExportMeta,
	fonts: ExportFonts,
	{
		background = true,
		titles = true
	}: {
		background?: boolean;
		/** Without title and sources: for a document that sets them as its own editable text. */
		titles?: boolean;
	} = {}
): Promise<string> {
	const body = resolvedCopy(chart);
	const view = chart.viewBox.baseVal;
	const chartWidth = view?.width || chart.getBoundingClientRect().width;
	const chartHeight = view?.height || chart.getBoundingClientRect().height;
	const width = Math.ceil(Math.max(chartWidth + 2 * PAD, 480));
	const head = titleBand(titles ? meta : { ...meta, title: '', subtitle: '' }, width);
	const top = head.height;
	const foot = sourceBand(titles ? meta.sources : [], width, top + chartHeight);
	const height = Math.ceil(top + chartHeight + foot.height);

	const root = document.createElementNS(SVG_NS, 'svg');
	root.setAttribute('xmlns', SVG_NS);
	root.setAttribute('width', String(width));
	root.setAttribute('height', String(height));
	root.setAttribute('viewBox', `0 0 ${width} ${height}`);
	root.setAttribute('font-family', `'${FONT_FAMILY}', sans-serif`);
	root.setAttribute('role', 'img');
	root.setAttribute('lang', meta.lang === 'zh' ? 'zh-CN' : 'en');
	const title = document.createElementNS(SVG_NS, 'title');
	title.textContent = `${meta.title} · ${meta.subtitle}`;
	root.appendChild(title);
	if (background) {
		const rect = document.createElementNS(SVG_NS, 'rect');
		rect.setAttribute('width', '100%');
		rect.setAttribute('height', '100%');
		rect.setAttribute('fill', COLORS.background);
		root.appendChild(rect);
	}
	bandText(root, head.lines);
	legendMarks(root, head.legend);
	body.setAttribute('x', String(PAD));
	body.setAttribute('y', String(top));
	body.setAttribute('width', String(chartWidth));
	body.setAttribute('height', String(chartHeight));
	body.removeAttribute('role');
	body.removeAttribute('aria-label');
	root.appendChild(body);
	bandText(root, foot.lines);

	const text = textByWeight(root);
	const faces: string[] = [];
	for (const weight of [400, 700] as const) {
		if (!text[weight]) continue;
		const font = await fonts.subset(text[weight], weight);
		faces.push(
			`@font-face{font-family:'${FONT_FAMILY}';font-weight:${weight};src:url(data:font/ttf;base64,${base64(font)}) format('truetype');}`
		);
	}
	const style = document.createElementNS(SVG_NS, 'style');
	style.textContent = faces.join('');
	root.insertBefore(style, root.firstChild);
	return new XMLSerializer().serializeToString(root);
}

/** The SVG drawn onto a canvas at `scale`, as PNG; transparent unless the SVG has a background. */
export async function svgToPng(
	svg: string,
	scale: number
): Promise<{ blob: Blob; width: number; height: number }> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.decoding = 'sync';
		await new Promise<void>((resolve, reject) => {
			image.onload = () => resolve();
			image.onerror = () => reject(new Error('the SVG could not be drawn'));
			image.src = url;
		});
		const width = Math.round(image.naturalWidth * scale);
		const height = Math.round(image.naturalHeight * scale);
		const canvas = document.createElement('canvas');
		canvas.width = width;
		canvas.height = height;
		canvas.getContext('2d')!.drawImage(image, 0, 0, width, height);
		const blob = await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob(
				(b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))),
				'image/png'
			)
		);
		return { blob, width, height };
	} finally {
		URL.revokeObjectURL(url);
	}
}
