/** The export fonts in the browser: the site's Noto Sans SC, subset per file with HarfBuzz. */
import wasmUrl from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import { base } from '$app/paths';
import type { ExportFonts } from './compose.js';
import { loadSubsetter, subsetFont } from './subset.js';

const fonts = new Map<number, Promise<Uint8Array>>();

async function fetchBytes(url: string): Promise<Uint8Array<ArrayBuffer>> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}

export const exportFonts: ExportFonts = {
	async subset(text, weight) {
		const hb = await loadSubsetter(() => fetchBytes(wasmUrl));
		if (!fonts.has(weight)) fonts.set(weight, fetchBytes(`${base}/fonts/NotoSansSC-${weight}.ttf`));
		return subsetFont(hb, await fonts.get(weight)!, text);
	}
};
