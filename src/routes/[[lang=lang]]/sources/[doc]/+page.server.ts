import { error } from '@sveltejs/kit';
import { documentFigures } from '$lib/data/queries.js';
import { run } from '$lib/data/query.js';
import { langOf } from '$lib/i18n.js';
import { documentText, siteData } from '$lib/server/dataset.js';
import { figuresDb } from '$lib/server/figures-db.js';
import { textRuns } from '$lib/source-text.js';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	siteData().documents.flatMap((d) => [
		{ doc: d.id, lang: undefined },
		{ doc: d.id, lang: 'en' }
	]);

export const load: PageServerLoad = async ({ params }) => {
	const { documents } = siteData();
	const doc = documents.find((d) => d.id === params.doc);
	if (!doc) error(404, `no document ${params.doc}`);
	const rows = await run(documentFigures(doc.id), await figuresDb());
	return {
		lang: langOf(params.lang),
		doc,
		session: siteData().bulletins.find((b) => b.bulletin.id === doc.bulletin_id)!.bulletin,
		figures: rows,
		runs: textRuns(
			documentText(doc),
			doc.start,
			rows.map((r) => ({ figure: r.id, start: r.quote_start, end: r.quote_end }))
		)
	};
};
