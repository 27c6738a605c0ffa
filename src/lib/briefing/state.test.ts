import { describe, expect, it } from 'vitest';
import {
	addToPack,
	cannotAdd,
	EMPTY_PACK,
	linkedPack,
	MAX_ITEMS,
	MAX_PACK_TEXT,
	moveItem,
	packFragment,
	parsePack,
	readPack,
	removeItem,
	serialisePack,
	setNote,
	type PackState
} from './state.js';
import { MAX_TEXT } from './text-limit.js';

describe('the briefing pack state', () => {
	const pack = addToPack(
		addToPack(addToPack(EMPTY_PACK, 'topic/land/land-use'), 'topic/industry/industry-output'),
		'indicator/forest-coverage/forest-coverage-level-annual'
	);

	it('adds a chart once, keeps order, moves and removes', () => {
		expect(addToPack(pack, 'topic/land/land-use').items).toHaveLength(3);
		expect(cannotAdd(pack, 'topic/land/land-use')).toBe('present');
		expect(cannotAdd(pack, 'topic/land/land-change')).toBeNull();
		expect(moveItem(pack, 0, 1).items.map((i) => i.key)).toEqual([
			'topic/industry/industry-output',
			'topic/land/land-use',
			'indicator/forest-coverage/forest-coverage-level-annual'
		]);
		expect(moveItem(pack, 0, -1)).toBe(pack);
		expect(setNote(pack, 2, '林地面积逐年增加').items.map((i) => i.note)).toEqual([
			'',
			'',
			'林地面积逐年增加'
		]);
		expect(removeItem(pack, 1).items.map((i) => i.key)).toEqual([
			'topic/land/land-use',
			'indicator/forest-coverage/forest-coverage-level-annual'
		]);
	});

	it('reads back what it writes', () => {
		const withNote = {
			...pack,
			title: '情况简报',
			items: pack.items.map((i, n) => ({ ...i, note: `说明${n}` }))
		};
		expect(parsePack(serialisePack(withNote))).toEqual(withNote);
	});

	it('drops malformed input instead of failing', () => {
		expect(parsePack('{not json')).toBeUndefined();
		expect(
			parsePack(
				JSON.stringify({ items: [{ key: '../../etc' }, { key: 'topic/land/land-use', note: 5 }] })
			)?.items
		).toEqual([{ key: 'topic/land/land-use', note: '' }]);
	});
});

/** Every character XML 1.0 forbids, and lone surrogates, as a note might hold them. */
const FORBIDDEN =
	Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c)).join('') +
	'\uFFFE\uFFFF\uD800x\uDC00"\\</script>';
/** `text` repeated to exactly `length` code units. */
const fill = (text: string, length: number) =>
	text.repeat(Math.ceil(length / text.length)).slice(0, length);
/** 40 different keys of every kind, the compare ones with the longest state chart-ref takes. */
const KEYS = Array.from({ length: MAX_ITEMS }, (_, n) => {
	const id = fill(`c${n}-`, 120).replace(/-$/, 'x');
	if (n % 3 === 0) return `compare/${id}/${id}?i=${fill(`forest-coverage.${n}.`, 1998)}`;
	if (n % 3 === 1) return `indicator/${id}/${id}?sector=industry&period=2023`;
	return `topic/${id}/${id}`;
});
const full = (note: (n: number) => string, title = fill('宝山区人大常委会会议简报', MAX_TEXT)) => ({
	title,
	session: fill('21', MAX_TEXT),
	date: fill('2024-06-20', MAX_TEXT),
	agenda: fill('听取和审议区政府关于国有自然资源资产管理情况的专项报告', MAX_TEXT),
	items: KEYS.map((key, n) => ({ key, note: note(n) }))
});

describe('a full pack', () => {
	it(`takes no chart past the ${MAX_ITEMS}th, and says why`, () => {
		const pack = full(() => '') as PackState;
		expect(cannotAdd(pack, 'topic/land/land-use')).toBe('full');
		expect(addToPack(pack, 'topic/land/land-use')).toBe(pack);
		expect(cannotAdd(pack, KEYS[0]!)).toBe('present');
	});
});

/** The link the page writes into its address bar, as another browser opens it. */
function throughLink(pack: PackState) {
	const url = new URL('https://example.org/briefing');
	url.hash = packFragment(pack);
	return { href: url.href, ...linkedPack(new URL(url.href)) };
}

describe('a link to the pack', () => {
	const packs: [string, PackState][] = [
		['Chinese notes at the limit', full(() => fill('林地面积逐年增加，', MAX_TEXT))],
		['emoji notes at the limit', full(() => fill('👍🏽📈', MAX_TEXT))],
		[
			'notes of forbidden characters',
			full(() => fill(FORBIDDEN, MAX_TEXT), fill(FORBIDDEN, MAX_TEXT))
		],
		['mixed notes', full((n) => fill(`备注 ${n} & <w:t> 👍\u000b`, MAX_TEXT - n))]
	];

	it.each(packs)('opens exactly the pack it was made from: %s', (_, pack) => {
		expect(parsePack(serialisePack(pack))).toEqual(pack);
		const link = throughLink(pack);
		expect(link.problems).toEqual([]);
		expect(link.read?.cuts).toEqual([]);
		expect(link.read?.pack).toEqual(pack);
		// Chromium refuses addresses over 2 MiB
		expect(link.href.length).toBeLessThanOrEqual(2 * 1024 * 1024);
	});

	it('is never longer than the page reads, even at every limit', () => {
		const worst = full(() => '\u0001'.repeat(MAX_TEXT), '\u0001'.repeat(MAX_TEXT));
		// every key as long as chart-ref takes
		worst.items = worst.items.map((item, n) => ({
			...item,
			key: `compare/${fill(`w${n}-`, 119)}x/${fill('p', 120)}?i=${fill('a', 1998)}`
		}));
		// the page used to refuse a link over 60 000 characters, which it wrote itself
		expect(serialisePack(worst).length).toBeGreaterThan(60_000);
		expect(serialisePack(worst).length).toBeLessThanOrEqual(MAX_PACK_TEXT);
		expect(throughLink(worst).read?.pack).toEqual(worst);
	});

	it('still refuses a pack no page could have made', () => {
		const huge = `{"title":"${'x'.repeat(MAX_PACK_TEXT)}"}`;
		const url = new URL('https://example.org/briefing');
		url.hash = new URLSearchParams({ pack: huge }).toString();
		expect(linkedPack(url).read).toBeUndefined();
		expect(linkedPack(url).problems.map((p) => p.name)).toEqual(['pack']);
		expect(linkedPack(new URL('https://example.org/briefing')).linked).toBe(false);
	});
});

describe('reading a pack over the limits', () => {
	it('cuts a long text and says how much, never splitting an emoji', () => {
		const read = readPack(
			JSON.stringify({
				title: 'x'.repeat(MAX_TEXT + 3),
				items: [
					{ key: 'topic/land/land-use', note: '' },
					{ key: 'topic/land/land-reserve-area', note: 'y'.repeat(MAX_TEXT - 1) + '👍' }
				]
			})
		);
		expect(read?.pack.title).toHaveLength(MAX_TEXT);
		expect(read?.pack.items[1]?.note).toBe('y'.repeat(MAX_TEXT - 1));
		expect(read?.cuts).toEqual([
			{ field: 'note', item: 1, dropped: 2 },
			{ field: 'title', dropped: 3 }
		]);
	});

	it('keeps the first 40 charts, each once, and says how many it left out', () => {
		const keys = Array.from({ length: 45 }, (_, n) => `topic/land/chart-${n}`);
		const read = readPack(
			JSON.stringify({ items: [...keys, keys[0]].map((key) => ({ key, note: key })) })
		);
		expect(read?.pack.items.map((i) => i.key)).toEqual(keys.slice(0, MAX_ITEMS));
		expect(read?.cuts).toEqual([{ field: 'items', dropped: 6 }]);
	});
});
