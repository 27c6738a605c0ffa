/**
 * The font charts are exported with: Noto Sans SC (SIL Open Font License, from the npm
 * registry), cut down to every character the site can show — the data, the catalogue, the
 * documents and the interface strings — so an export can subset it further to exactly the
 * glyphs of one chart. Writes static/fonts/ (rebuilt, never committed).
 * Usage: tsx scripts/build-fonts.ts [dataDir=static/data] [outDir=static/fonts]
 * (dataDir may also be data/, the curated corpus, which needs no build first)
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import subsetFont from 'subset-font';

const [dataDir = 'static/data', outDir = 'static/fonts'] = process.argv.slice(2);
const require = createRequire(import.meta.url);

const characters = new Set<string>();
const add = (text: string) => {
	for (const ch of text) characters.add(ch);
};
const walk = (dir: string, files: RegExp) => {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) walk(path, files);
		else if (files.test(name)) add(readFileSync(path, 'utf8'));
	}
};
// the built data (static/data) or the curated corpus itself (data/): both hold every text shown
walk(dataDir, /\.(json|csv|txt)$/);
walk('src', /\.(ts|svelte)$/);
// printable ASCII and the typographic marks the formatter writes, whatever the data holds
for (let c = 0x20; c < 0x7f; c++) characters.add(String.fromCharCode(c));
add('−–—…·×÷‰％（）【】《》“”‘’，。、；：！？µ²³');

mkdirSync(outDir, { recursive: true });
const text = [...characters].join('');
for (const [weight, file] of [
	['400', '400Regular/NotoSansSC_400Regular.ttf'],
	['700', '700Bold/NotoSansSC_700Bold.ttf']
] as const) {
	const font = readFileSync(require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`));
	const subset = await subsetFont(font, text, { targetFormat: 'truetype' });
	writeFileSync(join(outDir, `NotoSansSC-${weight}.ttf`), subset);
	console.log(
		`${outDir}/NotoSansSC-${weight}.ttf: ${characters.size} characters, ${subset.length} bytes`
	);
}
