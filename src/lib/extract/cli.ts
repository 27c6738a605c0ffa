import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset } from './build.js';
import { buildManifest, type Review } from './manifest.js';
import { formatRejection } from './table.js';
import { writeDataset } from './write.js';

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
		`${dataset.figures.length} figures; ${dataset.checks.length} checks, ${failed.length} failed; ${dataset.discrepancies.length} discrepancies`
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
	if (dataset.rejections.length) {
		for (const r of dataset.rejections) console.error(formatRejection(r));
		console.error(`${dataset.rejections.length} problems; nothing written to ${outDir}`);
		return 1;
	}
	const written = await writeDataset(dataset, outDir);
	console.log(`wrote ${written.map((f) => `${outDir}/${f}`).join(', ')}`);
	return 0;
}

const [command, ...args] = process.argv.slice(2);
const commands: Record<string, (...args: string[]) => number | Promise<number>> = {
	manifest: (dir = 'data/sources') => manifestCommand(dir),
	build: (data = 'data', out = 'static/data') => buildCommand(data, out)
};
const run = command ? commands[command] : undefined;
if (!run) {
	console.error(`usage: cli.ts <${Object.keys(commands).join('|')}> …`);
	process.exit(2);
}
process.exitCode = await run(...args);
