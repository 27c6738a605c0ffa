import { readFile } from 'node:fs/promises';
import { run } from '$lib/data/query.js';
import type { ChecksFile } from '$lib/data/schema.js';
import { langOf } from '$lib/i18n.js';
import { figuresDb } from '$lib/server/figures-db.js';
import type { PageServerLoad } from './$types';
import { overviewQueries, type OverviewRows } from './overview.js';

export const load: PageServerLoad = async ({ params }) => {
	const db = await figuresDb();
	const entries = await Promise.all(
		Object.entries(overviewQueries).map(
			async ([name, query]) => [name, await run(query, db)] as const
		)
	);
	const checks = JSON.parse(await readFile('static/data/checks.json', 'utf8')) as ChecksFile;
	const documents = JSON.parse(await readFile('static/data/documents.json', 'utf8')) as {
		bulletin: {
			title: string;
			title_en: string;
			sessions: { session: number; meeting_date: string }[];
		};
		documents: { id: string }[];
	}[];
	const figures = JSON.parse(await readFile('static/data/figures.json', 'utf8')) as {
		derived: boolean;
		doc_id: string;
	}[];
	return {
		lang: langOf(params.lang),
		rows: Object.fromEntries(entries) as OverviewRows,
		summary: {
			bulletins: documents.map((d) => ({
				title: d.bulletin.title,
				title_en: d.bulletin.title_en,
				sessions: d.bulletin.sessions
			})),
			figures: figures.filter((f) => !f.derived).length,
			derived: figures.filter((f) => f.derived).length,
			documents: new Set(figures.map((f) => f.doc_id)).size,
			checksFailed: checks.checks.filter((c) => !c.passed).length,
			checks: checks.checks.length,
			discrepancies: checks.discrepancies.length
		}
	};
};
