/**
 * Screenshots of pages as readers see them: both languages, desktop and phone, light and dark.
 * Usage: tsx scripts/screenshots.ts [baseUrl] [outDir] [path …]   (site must be served)
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, freshProfile, requireChromium } from './chromium.js';

const [base = 'http://127.0.0.1:4173', out = 'screenshots', ...paths] = process.argv.slice(2);
const pages = paths.length ? paths : ['/', '/en'];
const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 740 } };
mkdirSync(out, { recursive: true });
const context = await chromium.launchPersistentContext(freshProfile(), {
	executablePath: requireChromium(),
	args: CHROMIUM_ARGS
});
for (const path of pages) {
	for (const [name, viewport] of Object.entries(viewports)) {
		for (const scheme of ['light', 'dark'] as const) {
			const page = await context.newPage();
			await page.setViewportSize(viewport);
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(base + path, { waitUntil: 'networkidle' });
			const file = `${out}/${path.replace(/[^a-z0-9]+/gi, '_') || 'root'}-${name}-${scheme}.png`;
			await page.screenshot({ path: file, fullPage: true });
			console.log(file);
			// each chart on its own, so a long phone page can be read at full size
			const charts = await page.locator('figure[data-chart]').all();
			for (const [i, chart] of charts.entries()) {
				const part = file.replace(/\.png$/, `-chart${i + 1}.png`);
				await chart.screenshot({ path: part });
			}
			await page.close();
		}
	}
}
await context.close();
