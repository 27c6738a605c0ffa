/**
 * Cut a TrueType font down to the glyphs of a text, in the browser or in Node, with HarfBuzz's
 * subsetter (harfbuzzjs's harfbuzz-subset.wasm). Layout features are kept, so punctuation
 * and digits shape as in the full font.
 */

interface HarfBuzzSubset {
	memory: WebAssembly.Memory;
	_initialize?: () => void;
	malloc(size: number): number;
	free(ptr: number): void;
	hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
	hb_blob_destroy(blob: number): void;
	hb_blob_get_length(blob: number): number;
	hb_blob_get_data(blob: number, length: number): number;
	hb_face_create(blob: number, index: number): number;
	hb_face_destroy(face: number): void;
	hb_face_reference_blob(face: number): number;
	hb_subset_input_create_or_fail(): number;
	hb_subset_input_destroy(input: number): void;
	hb_subset_input_unicode_set(input: number): number;
	hb_subset_input_set(input: number, which: number): number;
	hb_set_add(set: number, value: number): void;
	hb_set_clear(set: number): void;
	hb_set_invert(set: number): void;
	hb_subset_or_fail(face: number, input: number): number;
}

const MEMORY_MODE_WRITABLE = 2;
const SETS_LAYOUT_FEATURE_TAG = 6;

let instance: Promise<HarfBuzzSubset> | undefined;

/** Instantiate the subsetter once, from the wasm's bytes (fetched or read from disk). */
export function loadSubsetter(wasm: () => Promise<BufferSource>): Promise<HarfBuzzSubset> {
	instance ??= wasm().then(async (bytes) => {
		const { instance: made } = await WebAssembly.instantiate(bytes, {});
		const exports = made.exports as unknown as HarfBuzzSubset;
		exports._initialize?.();
		return exports;
	});
	return instance;
}

/** A TrueType font holding exactly the glyphs `text` needs (and the .notdef glyph). */
export function subsetFont(hb: HarfBuzzSubset, font: Uint8Array, text: string): Uint8Array {
	const heap = () => new Uint8Array(hb.memory.buffer);
	const input = hb.hb_subset_input_create_or_fail();
	if (input === 0) throw new Error('HarfBuzz could not start a subset');
	const fontPtr = hb.malloc(font.byteLength);
	heap().set(font, fontPtr);
	const blob = hb.hb_blob_create(fontPtr, font.byteLength, MEMORY_MODE_WRITABLE, 0, 0);
	const face = hb.hb_face_create(blob, 0);
	hb.hb_blob_destroy(blob);
	try {
		const features = hb.hb_subset_input_set(input, SETS_LAYOUT_FEATURE_TAG);
		hb.hb_set_clear(features);
		hb.hb_set_invert(features);
		const unicodes = hb.hb_subset_input_unicode_set(input);
		for (const ch of new Set(text)) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
		const subset = hb.hb_subset_or_fail(face, input);
		if (subset === 0) throw new Error('HarfBuzz could not subset the font');
		const result = hb.hb_face_reference_blob(subset);
		const length = hb.hb_blob_get_length(result);
		const data = hb.hb_blob_get_data(result, 0);
		const bytes = heap().slice(data, data + length);
		hb.hb_blob_destroy(result);
		hb.hb_face_destroy(subset);
		if (length === 0) throw new Error('HarfBuzz returned an empty font');
		return bytes;
	} finally {
		hb.hb_face_destroy(face);
		hb.hb_subset_input_destroy(input);
		hb.free(fontPtr);
	}
}

/** The code points a TrueType font maps (its cmap), to prove a subset covers a text. */
export function fontCodePoints(font: Uint8Array): Set<number> {
	const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
	const tables = view.getUint16(4);
	let cmap = -1;
	for (let i = 0; i < tables; i++) {
		const record = 12 + i * 16;
		if (String.fromCharCode(...font.subarray(record, record + 4)) === 'cmap')
			cmap = view.getUint32(record + 8);
	}
	if (cmap < 0) throw new Error('the font has no cmap');
	const points = new Set<number>();
	const subtables = view.getUint16(cmap + 2);
	for (let i = 0; i < subtables; i++) {
		const offset = cmap + view.getUint32(cmap + 4 + i * 8 + 4);
		const format = view.getUint16(offset);
		if (format === 4) {
			const segments = view.getUint16(offset + 6) / 2;
			const ends = offset + 14;
			const starts = ends + segments * 2 + 2;
			const deltas = starts + segments * 2;
			const ranges = deltas + segments * 2;
			for (let s = 0; s < segments; s++) {
				const end = view.getUint16(ends + s * 2);
				const start = view.getUint16(starts + s * 2);
				const delta = view.getInt16(deltas + s * 2);
				const rangeOffset = view.getUint16(ranges + s * 2);
				for (let c = start; c <= end && c !== 0xffff; c++) {
					const glyph =
						rangeOffset === 0
							? (c + delta) & 0xffff
							: view.getUint16(ranges + s * 2 + rangeOffset + (c - start) * 2);
					if (glyph !== 0) points.add(c);
				}
			}
		} else if (format === 12) {
			const groups = view.getUint32(offset + 12);
			for (let g = 0; g < groups; g++) {
				const at = offset + 16 + g * 12;
				const [start, end] = [view.getUint32(at), view.getUint32(at + 4)];
				for (let c = start; c <= end; c++) points.add(c);
			}
		}
	}
	return points;
}
