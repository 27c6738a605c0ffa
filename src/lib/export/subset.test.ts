import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fontCodePoints, loadSubsetter, subsetFont } from './subset.js';

const require = createRequire(import.meta.url);
// the site's font is cut from the built data; a fresh checkout has none, so cut one from the corpus
const FONT_DIR = mkdtempSync(join(tmpdir(), 'fonts-'));
const SITE_FONT = join(FONT_DIR, 'NotoSansSC-400.ttf');

beforeAll(() => {
	execFileSync('npx', ['tsx', 'scripts/build-fonts.ts', 'data', FONT_DIR]);
}, 60_000);
afterAll(() => rmSync(FONT_DIR, { recursive: true, force: true }));

describe('subsetting the export font', () => {
	it('keeps exactly the glyphs a chart needs, and every one of them', async () => {
		const hb = await loadSubsetter(async () =>
			readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'))
		);
		const font = new Uint8Array(readFileSync(SITE_FONT));
		const text = '重点产业规上工业产值 新材料 1725亿元 来源：《关于特色产业推进情况的报告》第34页';
		const subset = subsetFont(hb, font, text);
		expect(subset.byteLength).toBeLessThan(font.byteLength / 10);
		const covered = fontCodePoints(subset);
		for (const ch of new Set(text)) expect(covered.has(ch.codePointAt(0)!), ch).toBe(true);
		expect(covered.has('森'.codePointAt(0)!)).toBe(false);
	});

	it('reads the code points a font maps', () => {
		const points = fontCodePoints(new Uint8Array(readFileSync(SITE_FONT)));
		expect(points.has('新'.codePointAt(0)!)).toBe(true);
		expect(points.has('A'.codePointAt(0)!)).toBe(true);
	});
});
