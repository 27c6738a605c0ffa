/**
 * The browser's side of the site search: the index and MiniSearch arrive together on first
 * use, and every keystroke after that is answered synchronously.
 */
import { base } from '$app/paths';
import type { Lang } from '$lib/i18n.js';
import type { Hit, PackedIndex } from './index.js';

export type SearchStatus = 'idle' | 'loading' | 'ready' | 'failed';

interface Searcher {
	search: (query: string) => Hit[];
	href: (hit: Hit, lang: Lang) => string;
}

let opening: Promise<Searcher> | undefined;

/** One download per page load, shared by every caller; a failure lets the next call retry. */
function openSearcher(): Promise<Searcher> {
	opening ??= Promise.all([
		import('minisearch'),
		import('./index.js'),
		fetch(`${base}/search-index.json`).then((response) => {
			if (!response.ok) throw new Error(`search-index.json: HTTP ${response.status}`);
			return response.json() as Promise<PackedIndex>;
		})
	]).then(([{ default: MiniSearch }, lib, packed]) => {
		const index = lib.openIndex(MiniSearch, packed);
		return {
			search: (query: string) => lib.search(index, query),
			href: (hit: Hit, lang: Lang) => lib.hrefOf(hit.go, lang)
		};
	});
	opening.catch(() => (opening = undefined));
	return opening;
}

export class SiteSearch {
	query = $state('');
	status = $state<SearchStatus>('idle');
	#searcher = $state.raw<Searcher>();
	hits: Hit[] = $derived(this.#searcher?.search(this.query) ?? []);

	/** Starts the download if it has not started; resolves when hits can be computed. */
	async open(): Promise<void> {
		if (this.#searcher) return;
		this.status = 'loading';
		try {
			this.#searcher = await openSearcher();
			this.status = 'ready';
		} catch {
			this.status = 'failed';
		}
	}

	href(hit: Hit, lang: Lang): string {
		return this.#searcher?.href(hit, lang) ?? '';
	}
}
