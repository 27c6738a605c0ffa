/**
 * The briefing pack's state: its title page and its charts with their notes. It lives in the
 * URL (to share) and in local storage (to keep adding from other pages); both hold the same
 * compact JSON.
 */

import { parseRef, refKey } from '$lib/chart-ref.js';

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

/** Read a pack from its JSON; anything malformed is dropped, never thrown. */
export function parsePack(text: string | null | undefined): PackState | undefined {
	if (!text) return undefined;
	try {
		const raw = JSON.parse(text) as Partial<PackState>;
		const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 2000) : '');
		const items = Array.isArray(raw.items)
			? raw.items
					.filter((i): i is PackItem => typeof i?.key === 'string' && parseRef(i.key) !== undefined)
					.map((i) => ({ key: refKey(parseRef(i.key)!), note: str(i.note) }))
					.slice(0, 40)
			: [];
		return {
			title: str(raw.title),
			session: str(raw.session),
			date: str(raw.date),
			agenda: str(raw.agenda),
			items
		};
	} catch {
		return undefined;
	}
}

export function serialisePack(pack: PackState): string {
	return JSON.stringify(pack);
}

export function addToPack(pack: PackState, key: string): PackState {
	if (pack.items.some((i) => i.key === key)) return pack;
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

/** The pack kept in this browser (what "add to briefing" adds to). */
export function storedPack(key = STORAGE_KEY): PackState {
	try {
		return parsePack(localStorage.getItem(key)) ?? EMPTY_PACK;
	} catch {
		return EMPTY_PACK;
	}
}

export function storePack(pack: PackState, key = STORAGE_KEY): void {
	try {
		localStorage.setItem(key, serialisePack(pack));
	} catch {
		// storage full or forbidden: the URL still holds the pack
	}
}
