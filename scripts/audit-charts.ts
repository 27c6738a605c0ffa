/**
 * npm run build:audit — reads every prerendered page of the built site, holds each chart and
 * finding to the figures it shows (src/lib/audit/chart-audit.ts), prints what fails with page,
 * chart and figure ids, and exits 1 when anything does. Runs at the end of `npm run build`.
 *
 * Usage: tsx scripts/audit-charts.ts [build-dir] [figures.json] [--json file]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { auditPage, type AuditFigure, type Finding } from '../src/lib/audit/chart-audit.js';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
const [buildDir = 'build', figuresFile = 'static/data/figures.json'] = args;

function* pages(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* pages(path);
		else if (entry.name.endsWith('.html')) yield path;
	}
}

const figures = new Map(
	(JSON.parse(readFileSync(figuresFile, 'utf8')) as AuditFigure[]).map((f) => [f.id, f])
);
const started = performance.now();
const findings: Finding[] = [];
let pageCount = 0;
let chartCount = 0;
for (const file of pages(buildDir)) {
	const html = readFileSync(file, 'utf8');
	// pages with a chart or a finding (an attribute's value: the inlined CSS names data-chart too)
	if (!/data-(chart|finding)="/.test(html)) continue;
	const { document } = parseHTML(html);
	pageCount += 1;
	chartCount += document.querySelectorAll('figure[data-chart]').length;
	findings.push(...auditPage('/' + relative(buildDir, file), document, figures));
}

if (jsonFile) writeFileSync(jsonFile, JSON.stringify(findings, null, '\t'));
const byRule = new Map<string, number>();
for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
for (const f of findings.slice(0, 200))
	console.log(`${f.rule}  ${f.page}  ${f.chart}  [${f.figures.join(' ')}]  ${f.message}`);
if (findings.length > 200) console.log(`… and ${findings.length - 200} more`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
	`chart audit: ${chartCount} charts on ${pageCount} pages, ${findings.length} findings` +
		(findings.length ? ` (${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')})` : '') +
		` in ${seconds} s`
);
process.exit(findings.length > 0 ? 1 : 0);
