import { existsSync, readFileSync } from 'node:fs';
import { langOf } from '$lib/i18n.js';
import { checkFigures, siteData } from '$lib/server/dataset.js';
import type { PageServerLoad } from './$types';

/** One document's extraction coverage, as the extractor's report gives it. */
export interface DocumentCoverage {
	bulletin_id: string;
	doc_id: string;
	found: number;
	curated: number;
	uncurated: number;
	set_apart: number;
	explained?: number;
}

export const load: PageServerLoad = ({ params }) => {
	const { checks, documents } = siteData();
	const coveragePath = 'static/data/coverage.json';
	return {
		lang: langOf(params.lang),
		checks: checks.checks,
		discrepancies: checks.discrepancies,
		revisions: checks.revisions ?? [],
		figures: checkFigures(checks.checks),
		titles: Object.fromEntries(documents.map((d) => [d.id, { zh: d.title, en: d.title_en }])),
		coverage: existsSync(coveragePath)
			? (JSON.parse(readFileSync(coveragePath, 'utf8')) as DocumentCoverage[])
			: null
	};
};
