/**
 * A text read as if nobody had seen it: split by its own shape, every number proposed or set
 * apart, nothing matched against curated figures (they serve only as wording examples).
 */
import type { Catalog, FigureRow } from '../data/schema.js';
import { extractCandidates, type Candidate } from './candidates.js';
import type { ManifestProblem } from './manifest.js';
import { splitBulletin } from './split.js';

export function readAsNew(
	text: string,
	options: { id: string; file: string; catalog: Catalog; examples: readonly FigureRow[] }
): { candidates: Candidate[]; documents: number; problems: ManifestProblem[] } {
	const split = splitBulletin(text, {
		id: options.id,
		file: options.file,
		received: '',
		sha256: ''
	});
	const { candidates } = extractCandidates({
		text,
		manifest: split.manifest,
		catalog: options.catalog,
		figures: options.examples.filter((f) => f.bulletin_id !== options.id),
		explanations: []
	});
	return { candidates, documents: split.manifest.documents.length, problems: split.problems };
}
