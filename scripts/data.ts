import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { toCsv } from '../src/lib/data/csv.js';
import type { Manifest } from '../src/lib/data/schema.js';
import { findNormalised, normalise } from '../src/lib/text/normalise.js';
import {
	formatScore,
	readAnswers,
	scoreCandidates,
	shortfalls,
	totalScore,
	type Answer,
	type Score
} from '../src/lib/extract/score.js';
import { readAsNew } from '../src/lib/extract/read.js';
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
import type { Review } from '../src/lib/extract/manifest.js';
import { manifestFor, splitBulletin } from '../src/lib/extract/split.js';
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
		const { manifest, problems } = manifestFor(text, review, sha);
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

/** The review beside a text, when it is that text's own (two texts may share a folder). */
function ownReview(path: string): Review | undefined {
	const reviewPath = join(dirname(path), 'review.json');
	if (!existsSync(reviewPath)) return undefined;
	const review = JSON.parse(readFileSync(reviewPath, 'utf8')) as Review;
	return review.bulletin.file === basename(path) ? review : undefined;
}

/**
 * `extract <text> [--id <id>] [--out <candidates.csv>] [--data <dir>] [--draft-review]`: split
 * the text into documents (by its review, its table of contents, its headings, or as one), find
 * every number, match it against data/, write the candidates and print the coverage. Drafts go
 * to .tmp/candidates/<id>/; only --draft-review writes review.json and manifest.json beside the
 * text, and never over existing ones. Fails, saying why, when nothing statistical is found.
 */
function extractCommand(...args: string[]): number {
	const started = performance.now();
	const path = args.find(
		(a, i) => !a.startsWith('--') && !/^--(id|out|data)$/.test(args[i - 1] ?? '')
	);
	if (!path || !existsSync(path)) {
		console.error(
			'usage: npm run extract -- <text> [--id <bulletin-id>] [--out <file.csv>] [--draft-review]'
		);
		return 2;
	}
	const dataDir = option(args, '--data') ?? 'data';
	const dir = dirname(resolve(path));
	const inSources = dirname(dir) === resolve(dataDir, 'sources');
	const id =
		option(args, '--id') ?? (inSources ? basename(dir) : basename(path).replace(/\.[^.]*$/, ''));
	const drafts = join('.tmp', 'candidates', id);
	const out = option(args, '--out') ?? join(drafts, 'candidates.csv');
	const text = readFileSync(path, 'utf8');
	if (text.trim() === '') {
		console.error(`${shown(path)}: the file is empty; nothing to extract`);
		return 1;
	}
	const sha256 = createHash('sha256').update(text).digest('hex');
	const review = ownReview(path);
	const split = splitBulletin(text, {
		id,
		file: basename(path),
		received: new Date().toISOString().slice(0, 10),
		review,
		sha256
	});
	for (const p of split.problems) console.error(`${shown(path)}: ${p.document}: ${p.message}`);
	const beside = args.includes('--draft-review');
	const draftDir = beside ? dir : drafts;
	mkdirSync(draftDir, { recursive: true });
	for (const [name, content, drafted] of [
		['review.json', split.review, split.drafted],
		['manifest.json', split.manifest, true]
	] as const) {
		const target = join(draftDir, name);
		if (!drafted || (beside && existsSync(target))) continue;
		writeFileSync(target, JSON.stringify(content, null, '\t') + '\n');
		console.log(`drafted ${shown(target)}`);
	}
	console.log(`${split.review.decisions[0] ?? ''}`);
	for (const d of split.manifest.documents)
		console.log(
			`  ${d.id}: ${d.title}${d.meeting_date ? ` (${d.meeting_date}${d.session ? `, session ${d.session}` : ''})` : ''}`
		);
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
	const statistical = extraction.candidates.filter((c) => c.status !== 'set-apart').length;
	console.log(
		`${split.manifest.documents.length} documents, ${extraction.candidates.length} numbers: ${statistical} proposed, ${extraction.candidates.length - statistical} set apart → ${out} (${Math.round(performance.now() - started)} ms)`
	);
	if (split.manifest.documents.length === 0) {
		console.error(`${shown(path)}: no document could be found in the text`);
		return 1;
	}
	if (statistical === 0) {
		console.error(
			extraction.candidates.length
				? `${shown(path)}: every number in the text was set apart (dates, list numbers, ordinals…); nothing statistical to propose`
				: `${shown(path)}: the text holds no number at all; nothing statistical to propose`
		);
		return 1;
	}
	return 0;
}

/** What the curated bulletin says its figures are, as answers; explained statistics are neutral. */
function curatedAnswers(dataset: Dataset, manifest: Manifest, text: string, dataDir: string) {
	const answers: Answer[] = dataset.figures
		.filter((f) => f.bulletin_id === manifest.bulletin.id && !f.derived)
		.map((f) => ({
			at: f.quote,
			value: Math.abs(f.value),
			unit: f.unit,
			period: f.period,
			measure: f.measure,
			setApart: '',
			start: f.quote_start,
			end: f.quote_end
		}));
	const haystack = normalise(text);
	for (const e of readExplanations(dataDir, manifest.bulletin.id).explanations) {
		const span = findNormalised(haystack, e.quote);
		if (!span) continue;
		const value = e.value === '' || !/^[\d.]+$/.test(e.value) ? -1 : Number(e.value);
		answers.push({
			at: e.quote,
			value,
			unit: '',
			period: '',
			measure: '',
			setApart: e.reason === 'not-a-count' ? e.reason : '',
			neutral: e.reason !== 'not-a-count',
			...span
		});
	}
	return answers.sort((a, b) => a.start - b.start);
}

/**
 * `score [<fixtures dir>] [--verbose]`: read each fixture document as new and score it against
 * its answers (<name>.answers.csv), then the bulletins in data/sources against their curated
 * figures. Fails when a fixture falls below the thresholds.
 */
function scoreCommand(...args: string[]): number {
	const verbose = args.includes('--verbose');
	const dir = args.find((a) => !a.startsWith('--')) ?? 'tests/fixtures/documents';
	const dataDir = 'data';
	const dataset = buildDataset(dataDir);
	const scores: Score[] = [];
	let failed = false;
	const show = (name: string, score: Score) => {
		console.log(formatScore(name, score));
		if (!verbose) return;
		for (const a of score.misses)
			console.log(`    missed ${a.at} (${a.value}${a.unit} ${a.period})`);
		for (const c of score.extra)
			console.log(
				`    extra ${c.mention.text}${c.mention.unit} @${c.mention.start}: ${c.suggestion.quote}`
			);
		for (const w of score.wrong)
			console.log(
				`    wrong ${w.answer.at}: ${w.fields.join(', ')} — ${w.candidate.suggestion.quote}`
			);
	};
	for (const name of readdirSync(dir)
		.filter((f) => f.endsWith('.txt'))
		.sort()) {
		const text = readFileSync(join(dir, name), 'utf8');
		const id = name.replace(/\.txt$/, '');
		const { answers, problems } = readAnswers(
			readFileSync(join(dir, `${id}.answers.csv`), 'utf8'),
			text
		);
		for (const p of problems) console.error(`${join(dir, id)}.answers.csv:${p.line}: ${p.message}`);
		const { candidates } = readAsNew(text, {
			id,
			file: name,
			catalog: dataset.catalog,
			examples: dataset.figures
		});
		const score = scoreCandidates(candidates, answers);
		scores.push(score);
		show(id, score);
		const short = shortfalls(score);
		if (short.length || problems.length) {
			failed = true;
			console.log(`  ${id}: ${[...short, ...problems.map((p) => p.message)].join('; ')}`);
		}
	}
	const total = totalScore(scores);
	console.log(formatScore('fixtures (total)', total));
	const short = shortfalls(total, 'total');
	if (short.length) {
		failed = true;
		console.log(`  fixtures (total): ${short.join('; ')}`);
	}
	for (const manifest of dataset.manifests) {
		const text = readFileSync(
			join(dataDir, 'sources', manifest.bulletin.id, manifest.bulletin.file),
			'utf8'
		);
		const { candidates } = readAsNew(text, {
			id: `${manifest.bulletin.id}-as-new`,
			file: manifest.bulletin.file,
			catalog: dataset.catalog,
			examples: dataset.figures.filter((f) => f.bulletin_id !== manifest.bulletin.id)
		});
		const answers = curatedAnswers(dataset, manifest, text, dataDir);
		show(`${manifest.bulletin.id} read as new`, scoreCandidates(candidates, answers));
	}
	return failed ? 1 : 0;
}

const [command, ...args] = process.argv.slice(2);
const commands: Record<string, (...args: string[]) => number | Promise<number>> = {
	manifest: (dir = 'data/sources') => manifestCommand(dir),
	build: (data = 'data', out = 'static/data') => buildCommand(data, out),
	extract: extractCommand,
	score: scoreCommand,
	coverage: coverageCommand
};
const run = command ? commands[command] : undefined;
if (!run) {
	console.error(`usage: cli.ts <${Object.keys(commands).join('|')}> …`);
	process.exit(2);
}
process.exitCode = await run(...args);
