/**
 * The briefing pack's state: its title page and its charts with their notes. It lives in the
 * URL (to share) and in local storage (to keep adding from other pages); both hold the same
 * compact JSON.
 */

import { parseRef, refKey } from '$lib/chart-ref.js';
import type { ParamProblem } from '$lib/url-state.js';
import { clip, MAX_TEXT } from './text-limit.js';

export interface PackItem {
	key: string;
	note: string;
}

export interface PackState {
	title: string;
	session: string;
	date: string;
	agenda: string;
	items: PackItem[];
}

export const EMPTY_PACK: PackState = { title: '', session: '', date: '', agenda: '', items: [] };
export const STORAGE_KEY = 'district-figures:briefing';
/** Where this browser's own pack waits while a shared link's pack is open. */
export const SET_ASIDE_KEY = 'district-figures:briefing:set-aside';

/** The most charts a pack holds. */
export const MAX_ITEMS = 40;
/** The longest chart key: `compare/<id>/<id>?<state>` at chart-ref's limits (ids 120, state 2000). */
export const MAX_KEY = 'compare'.length + 2 * (1 + 120) + 1 + 2000;
/**
 * The longest JSON `serialisePack` writes for a pack within the limits: every text at its
 * limit with each code unit escaped as `\uXXXX` (6 characters), every key at its limit (chart
 * keys are ASCII and need no escaping). A link's pack longer than this was not made here.
 */
export const MAX_PACK_TEXT =
	'{"title":"","session":"","date":"","agenda":"","items":[]}'.length +
	4 * 6 * MAX_TEXT +
	MAX_ITEMS * ('{"key":"","note":""},'.length + MAX_KEY + 6 * MAX_TEXT);

/** What reading a pack cut to keep it within the limits; nothing is cut without a record. */
export interface PackCut {
	field: 'title' | 'session' | 'date' | 'agenda' | 'note' | 'items';
	/** the chart whose note was cut, counting from 0 */
	item?: number;
	/** code units of text, or charts for `items` (beyond the limit or repeated) */
	dropped: number;
}

/** A chart key in the one form `parseRef` reads back as itself, or undefined. */
function chartKey(key: unknown): string | undefined {
	const ref = typeof key === 'string' ? parseRef(key) : undefined;
	if (!ref) return undefined;
	const normal = refKey(ref);
	// a key whose state grows when written out (`~` becomes `%7E`) could fail to read back
	const again = parseRef(normal);
	return again && refKey(again) === normal ? normal : undefined;
}

/** Read a pack from its JSON, with what was cut; anything malformed is dropped, never thrown. */
export function readPack(
	text: string | null | undefined
): { pack: PackState; cuts: PackCut[] } | undefined {
	if (!text) return undefined;
	let raw: Partial<Record<keyof PackState, unknown>>;
	try {
		raw = JSON.parse(text);
	} catch {
		return undefined;
	}
	if (typeof raw !== 'object' || raw === null) return undefined;
	const cuts: PackCut[] = [];
	const str = (v: unknown, field: PackCut['field'], item?: number) => {
		if (typeof v !== 'string') return '';
		const kept = clip(v, MAX_TEXT);
		if (kept.length < v.length)
			cuts.push({
				field,
				...(item === undefined ? {} : { item }),
				dropped: v.length - kept.length
			});
		return kept;
	};
	const keyed = (Array.isArray(raw.items) ? (raw.items as Partial<PackItem>[]) : []).flatMap(
		(i) => {
			const key = chartKey(i?.key);
			return key ? [{ key, note: i.note }] : [];
		}
	);
	const seen = new Set<string>();
	const items = keyed
		.filter((i) => !seen.has(i.key) && seen.add(i.key))
		.slice(0, MAX_ITEMS)
		.map((i, n) => ({ key: i.key, note: str(i.note, 'note', n) }));
	if (keyed.length > items.length)
		cuts.push({ field: 'items', dropped: keyed.length - items.length });
	return {
		pack: {
			title: str(raw.title, 'title'),
			session: str(raw.session, 'session'),
			date: str(raw.date, 'date'),
			agenda: str(raw.agenda, 'agenda'),
			items
		},
		cuts
	};
}

/** Read a pack from its JSON; anything malformed is dropped, never thrown. */
export function parsePack(text: string | null | undefined): PackState | undefined {
	return readPack(text)?.pack;
}

export function serialisePack(pack: PackState): string {
	return JSON.stringify(pack);
}

const isEmpty = (pack: PackState) =>
	!pack.items.length && !pack.title && !pack.session && !pack.date && !pack.agenda;

/** The address fragment (without `#`) of a link to the pack; '' for an empty pack. */
export function packFragment(pack: PackState): string {
	return isEmpty(pack) ? '' : new URLSearchParams({ pack: serialisePack(pack) }).toString();
}

/**
 * The pack a link carries: after `#pack=` (a fragment never reaches the server, so a long pack
 * with its notes is neither refused by a web server nor written to its logs), or `?pack=`.
 * `linked` says whether it carries one, `read` is what could be read of it, and `problems` names
 * the parameters the page does not take, the pack among them when it cannot be read.
 */
export function linkedPack(url: URL): {
	linked: boolean;
	read?: { pack: PackState; cuts: PackCut[] };
	problems: ParamProblem[];
} {
	const problems: ParamProblem[] = [];
	for (const name of new Set(url.searchParams.keys()))
		if (name !== 'pack')
			problems.push({ name, value: (url.searchParams.get(name) ?? '').slice(0, 60) });
	const fragment = new URLSearchParams(url.hash.slice(1));
	const raw = [...url.searchParams.getAll('pack'), ...fragment.getAll('pack')];
	if (!raw.length) return { linked: false, problems };
	const read = raw.length === 1 && raw[0]!.length <= MAX_PACK_TEXT ? readPack(raw[0]) : undefined;
	if (!read) problems.push({ name: 'pack', value: raw[0]!.slice(0, 60) });
	return { linked: true, read, problems };
}

/** Why a chart cannot join the pack: it is in it already, or the pack holds MAX_ITEMS. */
export function cannotAdd(pack: PackState, key: string): 'present' | 'full' | null {
	if (pack.items.some((i) => i.key === key)) return 'present';
	return pack.items.length >= MAX_ITEMS ? 'full' : null;
}

/** The pack with the chart at its end; the same pack when cannotAdd says why not. */
export function addToPack(pack: PackState, key: string): PackState {
	if (cannotAdd(pack, key)) return pack;
	return { ...pack, items: [...pack.items, { key, note: '' }] };
}

export function moveItem(pack: PackState, index: number, by: -1 | 1): PackState {
	const to = index + by;
	if (to < 0 || to >= pack.items.length) return pack;
	const items = [...pack.items];
	[items[index], items[to]] = [items[to]!, items[index]!];
	return { ...pack, items };
}

export function removeItem(pack: PackState, index: number): PackState {
	return { ...pack, items: pack.items.filter((_, i) => i !== index) };
}

export function setNote(pack: PackState, index: number, note: string): PackState {
	return { ...pack, items: pack.items.map((item, i) => (i === index ? { ...item, note } : item)) };
}

/** The pack kept in this browser (what "add to briefing" adds to), with what reading it cut. */
export function readStoredPack(key = STORAGE_KEY): { pack: PackState; cuts: PackCut[] } {
	try {
		return readPack(localStorage.getItem(key)) ?? { pack: EMPTY_PACK, cuts: [] };
	} catch {
		return { pack: EMPTY_PACK, cuts: [] };
	}
}

export const storedPack = (key = STORAGE_KEY): PackState => readStoredPack(key).pack;

export function storePack(pack: PackState, key = STORAGE_KEY): void {
	try {
		localStorage.setItem(key, serialisePack(pack));
	} catch {
		// storage full or forbidden: the URL still holds the pack
	}
}
