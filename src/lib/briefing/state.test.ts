import { describe, expect, it } from 'vitest';
import {
	addToPack,
	EMPTY_PACK,
	moveItem,
	parsePack,
	removeItem,
	serialisePack,
	setNote
} from './state.js';

describe('the briefing pack state', () => {
	const pack = addToPack(
		addToPack(addToPack(EMPTY_PACK, 'topic/land/land-use'), 'topic/industry/industry-output'),
		'indicator/forest-coverage/forest-coverage-level-annual'
	);

	it('adds a chart once, keeps order, moves and removes', () => {
		expect(addToPack(pack, 'topic/land/land-use').items).toHaveLength(3);
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
