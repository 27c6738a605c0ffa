import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { toCsv } from '../src/lib/data/csv.js';
import type { Manifest } from '../src/lib/data/schema.js';
import { buildDataset, type Dataset } from '../src/lib/dataset/build.js';
import {
	CANDIDATE_COLUMNS,
	candidateRows,
	extractCandidates
} from '../src/lib/extract/candidates.js';
import {
	coverageReport,
	coverageRows,
	explanationsFrom,
	formatCoverage,
	type CoverageReport
} from '../src/lib/extract/coverage.js';
import { readCsv } from '../src/lib/dataset/csv.js';
import { buildManifest, type Review } from '../src/lib/extract/manifest.js';
import { splitBulletin } from '../src/lib/extract/split.js';
import { formatRejection, type Rejection } from '../src/lib/dataset/table.js';
import { writeDataset } from '../src/lib/dataset/write.js';

/** A path as short as it can be said from here. */
const shown = (path: string) => (relative('.', path).startsWith('..') ? path : relative('.', path));

function manifestCommand(sourcesDir: string): number {
	let failed = false;
	for (const bulletin of readdirSync(sourcesDir, { withFileTypes: true })) {
		if (!bulletin.isDirectory()) continue;
		const dir = join(sourcesDir, bulletin.name);
		const review = JSON.parse(readFileSync(join(dir, 'review.json'), 'utf8')) as Review;
		const text = readFileSync(join(dir, review.bulletin.file), 'utf8');
		const sha = createHash('sha256').update(text).digest('hex');
		const { manifest, problems } = buildManifest(text, review, sha);
		for (const p of problems) console.error(`${dir}/review.json: ${p.document}: ${p.message}`);
		failed ||= problems.length > 0;
		writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
		console.log(
			`${bulletin.name}: ${manifest.documents.length} documents → ${join(dir, 'manifest.json')}`
		);
	}
	return failed ? 1 : 0;
}

/** The explanations of one bulletin's uncurated mentions: data/coverage/<bulletin>.csv. */
function readExplanations(dataDir: string, bulletinId: string) {
	const path = join(dataDir, 'coverage', `${bulletinId}.csv`);
	if (!existsSync(path)) return { explanations: [], rejections: [] as Rejection[] };
	const file = readCsv(path);
	const read = explanationsFrom([file]);
	return { explanations: read.explanations, rejections: [...file.problems, ...read.rejections] };
}

/** Extract one bulletin against the curated data and report its coverage. */
function extractBulletin(dataset: Dataset, manifest: Manifest, text: string, dataDir: string) {
	const { explanations, rejections } = readExplanations(dataDir, manifest.bulletin.id);
	const extraction = extractCandidates({
		text,
		manifest,
		catalog: dataset.catalog,
		figures: dataset.figures,
		explanations
	});
	return { extraction, report: coverageReport(manifest, extraction, dataset.figures), rejections };
}

/** Every bulletin under data/sources, extracted and reported. */
function coverageOf(dataset: Dataset, dataDir: string) {
	return dataset.manifests.map((manifest) => {
		const dir = join(dataDir, 'sources', manifest.bulletin.id);
		const text = readFileSync(join(dir, manifest.bulletin.file), 'utf8');
		return extractBulletin(dataset, manifest, text, dataDir);
	});
}

/** Validate data/, report per document, and write static/data/ only when nothing failed. */
async function buildCommand(dataDir: string, outDir: string): Promise<number> {
	const dataset = buildDataset(dataDir);
	const perDoc = new Map<string, { stated: number; derived: number }>();
	for (const f of dataset.figures) {
		const counts = perDoc.get(f.doc_id) ?? { stated: 0, derived: 0 };
		counts[f.derived ? 'derived' : 'stated']++;
		perDoc.set(f.doc_id, counts);
	}
	for (const doc of dataset.manifests.flatMap((m) => m.documents)) {
		const counts = perDoc.get(doc.id);
		if (counts)
			console.log(
				`${doc.id}: ${counts.stated} figures${counts.derived ? `, ${counts.derived} derived` : ''}`
			);
	}
	const failed = dataset.checks.filter((c) => !c.passed);
	console.log(
		`${dataset.figures.length} figures; ${dataset.checks.length} checks, ${failed.length} failed; ${dataset.discrepancies.length} discrepancies; ${dataset.revisions.length} revisions`
	);
	for (const c of failed)
		console.log(
			`  check failed: ${c.id}: ${c.lhs_value} vs ${c.rhs_value} (difference ${c.difference})`
		);
	for (const d of dataset.discrepancies) {
		console.log(
			`  discrepancy: ${d.key}: ${d.figures.map((f) => `${f.value}${f.unit} (${f.doc_id})`).join(' vs ')}`
		);
	}
	for (const r of dataset.revisions) {
		const said = (s: typeof r.earlier) =>
			s.map((f) => `${f.value}${f.unit} (${f.doc_id})`).join(', ');
		console.log(
			`  revision: ${r.key}: ${said(r.earlier)} in ${r.earlier_bulletin} → ${said(r.later)} in ${r.later_bulletin}`
		);
	}
	const coverage = coverageOf(dataset, dataDir);
	const rejections = [...dataset.rejections, ...coverage.flatMap((c) => c.rejections)];
	if (rejections.length) {
		for (const r of rejections) console.error(formatRejection(r));
		console.error(`${rejections.length} problems; nothing written to ${outDir}`);
		return 1;
	}
	const written = await writeDataset(dataset, outDir, [
		['coverage.json', JSON.stringify(coverageRows(coverage.map((c) => c.report)))],
		['charts.json', JSON.stringify(dataset.charts)]
	]);
	console.log(`wrote ${written.map((f) => `${outDir}/${f}`).join(', ')}`);
	return 0;
}

function printReports(reports: CoverageReport[]): void {
	for (const report of reports) for (const line of formatCoverage(report)) console.log(line);
}

/**
 * The coverage report of every bulletin (what `npm run data` prints). Fails when a curated
 * figure no longer validates, when the extractor no longer finds one, or when an explanation
 * is stale or malformed. Mentions neither curated nor explained are listed; `--strict` fails on
 * them too.
 */
function coverageCommand(...args: string[]): number {
	const strict = args.includes('--strict');
	const dataDir = args.find((a) => !a.startsWith('--')) ?? 'data';
	const started = performance.now();
	const dataset = buildDataset(dataDir);
	const results = coverageOf(dataset, dataDir);
	printReports(results.map((r) => r.report));
	const rejections = [...dataset.rejections, ...results.flatMap((r) => r.rejections)];
	for (const r of rejections) console.error(formatRejection(r));
	const problems = results.flatMap((r) => r.report.problems).length;
	const uncurated = results.reduce((n, r) => n + r.report.uncurated.length, 0);
	console.log(
		`${rejections.length} curated rows that do not validate, ${problems} extraction problems, ${uncurated} statistical mentions neither curated nor explained (${Math.round(performance.now() - started)} ms)`
	);
	return rejections.length || problems || (strict && uncurated) ? 1 : 0;
}

function option(args: string[], name: string): string | undefined {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
}

/**
 * `extract <bulletin.txt> [--id <id>] [--out <candidates.csv>] [--data <dir>]`: split the text
 * into documents (drafting review.json and manifest.json beside it when they are missing),
 * find every number, match it against data/, write the candidates and print the coverage.
 */
function extractCommand(...args: string[]): number {
	const started = performance.now();
	const path = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
	if (!path || !existsSync(path)) {
		console.error(
			'usage: npm run extract -- <bulletin.txt> [--id <bulletin-id>] [--out <file.csv>]'
		);
		return 2;
	}
	const dataDir = option(args, '--data') ?? 'data';
	const dir = dirname(resolve(path));
	const inSources = dirname(dir) === resolve(dataDir, 'sources');
	const id =
		option(args, '--id') ?? (inSources ? basename(dir) : basename(path).replace(/\.[^.]*$/, ''));
	const out = option(args, '--out') ?? join('.tmp', 'candidates', `${id}.csv`);
	const text = readFileSync(path, 'utf8');
	const sha256 = createHash('sha256').update(text).digest('hex');
	const reviewPath = join(dir, 'review.json');
	const manifestPath = join(dir, 'manifest.json');
	const review = existsSync(reviewPath)
		? (JSON.parse(readFileSync(reviewPath, 'utf8')) as Review)
		: undefined;
	const like = readdirSync(resolve(dataDir, 'sources'), { withFileTypes: true })
		.filter((e) => e.isDirectory() && existsSync(join(dataDir, 'sources', e.name, 'review.json')))
		.map(
			(e) =>
				JSON.parse(readFileSync(join(dataDir, 'sources', e.name, 'review.json'), 'utf8')) as Review
		)
		.at(-1);
	const split = splitBulletin(text, {
		id,
		file: basename(path),
		received: new Date().toISOString().slice(0, 10),
		review,
		like,
		sha256
	});
	for (const p of split.problems)
		console.error(`${shown(reviewPath)}: ${p.document}: ${p.message}`);
	if (split.drafted) {
		writeFileSync(reviewPath, JSON.stringify(split.review, null, '\t') + '\n');
		console.log(`drafted ${shown(reviewPath)}: check ids, fill in English titles and organs`);
	}
	if (!existsSync(manifestPath)) {
		writeFileSync(manifestPath, JSON.stringify(split.manifest, null, '\t') + '\n');
		console.log(`drafted ${shown(manifestPath)}: ${split.manifest.documents.length} documents`);
	}
	const dataset = buildDataset(dataDir);
	const { extraction, report, rejections } = extractBulletin(
		dataset,
		split.manifest,
		text,
		dataDir
	);
	mkdirSync(dirname(out), { recursive: true });
	writeFileSync(
		out,
		toCsv(CANDIDATE_COLUMNS, candidateRows(extraction.candidates, dataset.catalog))
	);
	printReports([report]);
	for (const r of [...dataset.rejections, ...rejections]) console.error(formatRejection(r));
	console.log(
		`${split.manifest.documents.length} documents, ${extraction.candidates.length} candidates → ${out} (${Math.round(performance.now() - started)} ms)`
	);
	return 0;
}

const [command, ...args] = process.argv.slice(2);
const commands: Record<string, (...args: string[]) => number | Promise<number>> = {
	manifest: (dir = 'data/sources') => manifestCommand(dir),
	build: (data = 'data', out = 'static/data') => buildCommand(data, out),
	extract: extractCommand,
	coverage: coverageCommand
};
const run = command ? commands[command] : undefined;
if (!run) {
	console.error(`usage: cli.ts <${Object.keys(commands).join('|')}> …`);
	process.exit(2);
}
process.exitCode = await run(...args);
