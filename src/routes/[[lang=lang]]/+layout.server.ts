import { siteData } from '$lib/server/dataset.js';
import type { LayoutServerLoad } from './$types';

/** The bulletins' titles, which every exported chart names in its source line. */
export const load: LayoutServerLoad = () => ({
	bulletins: siteData().bulletins.map(({ bulletin }) => ({
		id: bulletin.id,
		title: bulletin.title,
		title_en: bulletin.title_en
	}))
});
