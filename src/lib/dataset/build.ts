import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type {
	Catalog,
	CheckResult,
	Discrepancy,
	DocumentEntry,
	FigureRow,
	Manifest,
	Revision
} from '../data/schema.js';
import { buildCharts, type ChartsFile } from './charts.js';
import { readCsv, readCsvDir } from './csv.js';
import {
	deriveFigures,
	disagreeingDerivations,
	evaluateChecks,
	findDiscrepancies,
	findRevisions
} from './derive.js';
import { normalise } from '../text/normalise.js';
import type { Rejection } from './table.js';
import { lookups, validateCatalog, validateFigures, type SourceText } from './validate.js';

export interface Dataset {
	manifests: Manifest[];
	catalog: Catalog;
	figures: FigureRow[];
	checks: CheckResult[];
	discrepancies: Discrepancy[];
	revisions: Revision[];
	/** The charts declared in data/charts/, checked against the figures. */
	charts: ChartsFile;
	rejections: Rejection[];
	inputs: string[];
}

function loadManifests(
	dataDir: string,
	root: string
): { manifests: Manifest[]; texts: Map<string, SourceText>; rejections: Rejection[] } {
	const sourcesDir = join(dataDir, 'sources');
	const manifests: Manifest[] = [];
	const texts = new Map<string, SourceText>();
	const rejections: Rejection[] = [];
	if (!existsSync(sourcesDir)) {
		const file = relative(root, sourcesDir);
		const message = 'no bulletins: the folder is missing';
		rejections.push({ file, line: 1, field: '(file)', reason: 'unknown-document', message });
		return { manifests, texts, rejections };
	}
	for (const entry of readdirSync(sourcesDir, { withFileTypes: true })) {
		if (!entry.isDirectory()) continue;
		const path = join(sourcesDir, entry.name, 'manifest.json');
		const file = relative(root, path);
		if (!existsSync(path)) {
			rejections.push({
				file,
				line: 1,
				field: '(file)',
				reason: 'unknown-document',
				message: 'no manifest: run `npm run manifest`'
			});
			continue;
		}
		let manifest: Manifest;
		let text: string;
		try {
			manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
			text = readFileSync(join(sourcesDir, entry.name, manifest.bulletin.file), 'utf8');
		} catch (error) {
			rejections.push({
				file,
				line: 1,
				field: '(file)',
				reason: 'unknown-document',
				message: `cannot be read: ${(error as Error).message}`
			});
			continue;
		}
		const sha = createHash('sha256').update(text).digest('hex');
		if (sha !== manifest.bulletin.sha256) {
			rejections.push({
				file,
				line: 1,
				field: 'sha256',
				reason: 'unknown-document',
				message: `${manifest.bulletin.file} changed since the manifest was made: run \`npm run manifest\``
			});
		}
		manifests.push(manifest);
		texts.set(manifest.bulletin.id, {
			bulletin_id: manifest.bulletin.id,
			normalised: normalise(text)
		});
	}
	return { manifests, texts, rejections };
}

/** Read and validate everything under `dataDir`; nothing is written. */
export function buildDataset(dataDir: string, root = process.cwd()): Dataset {
	const { manifests, texts, rejections } = loadManifests(dataDir, root);
	const documents: DocumentEntry[] = manifests.flatMap((m) => m.documents);
	// figures name their document by id alone, so an id must be unique across bulletins
	const seen = new Map<string, string>();
	for (const doc of documents) {
		const first = seen.get(doc.id);
		if (first && first !== doc.bulletin_id)
			rejections.push({
				file: relative(root, join(dataDir, 'sources', doc.bulletin_id, 'review.json')),
				line: 1,
				field: 'documents',
				reason: 'duplicate',
				message: `document id "${doc.id}" is also used by bulletin ${first}`
			});
		else seen.set(doc.id, doc.bulletin_id);
	}
	const cat = (name: string) => readCsvDir(join(dataDir, 'catalog', name), root);
	const tables = {
		topics: [readCsv(join(dataDir, 'catalog', 'topics.csv'), root)],
		areas: [readCsv(join(dataDir, 'catalog', 'areas.csv'), root)],
		units: cat('units'),
		indicators: cat('indicators'),
		sectors: cat('sectors'),
		groups: [readCsv(join(dataDir, 'catalog', 'groups.csv'), root)]
	};
	const figureFiles = readCsvDir(join(dataDir, 'figures'), root);
	const derivedFiles = readCsvDir(join(dataDir, 'derived'), root);
	const checkFiles = readCsvDir(join(dataDir, 'checks'), root);
	const all = [...Object.values(tables).flat(), ...figureFiles, ...derivedFiles, ...checkFiles];
	rejections.push(...all.flatMap((t) => t.problems));

	const { catalog, rejections: catalogProblems } = validateCatalog(tables);
	const stated = validateFigures(figureFiles, { catalog, documents, texts });
	const derived = deriveFigures(
		derivedFiles,
		stated.figures,
		lookups(catalog, documents),
		stated.refused
	);
	const figures = [...stated.figures, ...derived.figures];
	const checks = evaluateChecks(checkFiles, figures, derived.ranges, derived.refused);
	rejections.push(
		...catalogProblems,
		...stated.rejections,
		...derived.rejections,
		...checks.rejections
	);
	const discrepancies = findDiscrepancies(figures);
	const revisions = findRevisions(figures);
	// the findings travel with the figures, so every view can say a value is disputed or revised
	const disputed = new Set([
		...discrepancies.flatMap((d) => d.figures.map((f) => f.id)),
		...disagreeingDerivations(figures)
	]);
	const supersededBy = new Map(
		revisions.flatMap((r) => r.earlier.map((e) => [e.id, r.later[0]!.id] as const))
	);
	for (const f of figures) {
		f.disputed = disputed.has(f.id);
		f.superseded_by = supersededBy.get(f.id) ?? null;
	}
	// a chart over a refused row is not reported again: that row's problem already is
	const charts = buildCharts(
		dataDir,
		{ catalog, documents, figures, refused: derived.refused },
		root
	);
	rejections.push(...charts.rejections);
	return {
		manifests,
		catalog,
		figures,
		checks: checks.checks,
		discrepancies,
		revisions,
		charts: charts.charts,
		rejections,
		inputs: all.map((t) => t.file)
	};
}
