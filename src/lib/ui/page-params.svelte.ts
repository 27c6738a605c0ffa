import { browser } from '$app/environment';
import { replaceState } from '$app/navigation';
import { page } from '$app/state';
import { readParams, withParams, type ParamSpec } from '$lib/url-state.js';

/**
 * What a parameter change last wrote to the address bar, over the URL the router last navigated
 * to. A change is not a navigation: nothing is loaded and nothing re-rendered but what reads the
 * changed parameter, so a filter answers in one query's time. page.url stays the router's, so a
 * real navigation (a new page.url object, even to the same address) makes this stale.
 */
let written = $state.raw<{ over: URL; search: string } | null>(null);

let pending: { address: URL; over: URL } | null = null;

/**
 * Write the address bar once the change is painted: the view follows `written` at once, and
 * the router's replaceState (about 5–14 ms in the first changes of a page) no longer stands
 * between a choice and its chart. Changes within one frame write the last address only; a
 * navigation before the write (a new page.url) drops it, so no page gets another's address.
 */
function writeAddress(address: URL): void {
	const first = pending === null;
	pending = { address, over: page.url };
	if (!first) return;
	requestAnimationFrame(() =>
		setTimeout(() => {
			const next = pending;
			pending = null;
			if (next && next.over === page.url) replaceState(next.address, page.state);
		}, 0)
	);
}

/** The address on screen: the router's, with what parameter changes wrote since. */
export function shownUrl(): URL {
	// a copy to read from, not reactive state
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	const url = new URL(page.url);
	if (written?.over === page.url) url.search = written.search;
	return url;
}

/**
 * A page's view state, read from its URL. Prerendering sees only the defaults (a static page
 * has no query string); in the browser the URL is read and every change is written back with
 * replaceState (shallow: no navigation), so the address bar is always a permalink of what is on
 * screen.
 */
export function pageParams<S extends Record<string, ParamSpec<unknown>>>(specOf: () => S) {
	type Values = { [K in keyof S]: S[K]['fallback'] };
	// a function, so the parameters follow the page's data when the reader navigates within a route
	const spec = $derived(specOf());
	const defaults = $derived(
		Object.fromEntries(Object.entries(spec).map(([k, p]) => [k, p.fallback])) as Values
	);
	const read = $derived(
		browser ? readParams(shownUrl().searchParams, spec) : { values: defaults, problems: [] }
	);
	return {
		get values(): Values {
			return read.values as Values;
		},
		get problems() {
			return read.problems;
		},
		/** Whether a parameter differs from its default (so the prerendered rows no longer apply). */
		changed(name: keyof S): boolean {
			return JSON.stringify(read.values[name]) !== JSON.stringify(defaults[name]);
		},
		set(next: Partial<Values>) {
			const merged = { ...read.values, ...next } as Record<string, unknown>;
			const encoded: Record<string, string | string[] | null> = {};
			for (const [name, value] of Object.entries(merged)) {
				const isDefault = JSON.stringify(value) === JSON.stringify(defaults[name as keyof S]);
				encoded[name] = isDefault ? null : (value as string | string[]);
			}
			// drop parameters the page does not know, which the notice already reported
			const url = shownUrl();
			for (const name of [...url.searchParams.keys()])
				if (!(name in spec)) url.searchParams.delete(name);
			const address = withParams(url, encoded);
			written = { over: page.url, search: address.search };
			writeAddress(address);
		}
	};
}

/** The chart/table switch of several panels, kept in one `table` parameter. */
export function tableViews(params: {
	values: { table: string[] };
	set: (next: { table: string[] }) => void;
}) {
	return {
		view: (id: string): 'chart' | 'table' => (params.values.table.includes(id) ? 'table' : 'chart'),
		set: (id: string, view: 'chart' | 'table') => {
			const others = params.values.table.filter((t) => t !== id);
			params.set({ table: view === 'table' ? [...others, id] : others });
		}
	};
}
