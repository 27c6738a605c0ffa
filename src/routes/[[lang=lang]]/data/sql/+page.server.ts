import { FIGURE_COLUMNS } from '$lib/data/schema.js';
import { consoleTables, tableColumns } from '$lib/console/tables.js';
import { langOf } from '$lib/i18n.js';
import { siteData } from '$lib/server/dataset.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const { catalog, documents, checks } = siteData();
	const schema = tableColumns(
		consoleTables({ catalog, documents, checks }),
		FIGURE_COLUMNS.map(([name]) => name)
	);
	return { lang: langOf(params.lang), schema };
};
