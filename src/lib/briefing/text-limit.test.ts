import { describe, expect, it } from 'vitest';
import { clip, MAX_TEXT, pasteWithin, trimInserted } from './text-limit.js';

describe('a text field with a limit', () => {
	it('cuts a text to the limit, never between the halves of an emoji', () => {
		expect(clip('简报', 5)).toBe('简报');
		expect(clip('abcdef', 4)).toBe('abcd');
		expect(clip('abc👍', 4)).toBe('abc');
		expect(clip('ab👍', 4)).toBe('ab👍');
	});

	it('takes as much of a paste as fits and says how much it left out', () => {
		const value = 'x'.repeat(MAX_TEXT - 10);
		expect(
			pasteWithin({ value, start: 2, end: 2, pasted: '林地'.repeat(8), max: MAX_TEXT })
		).toEqual({
			value: 'xx' + '林地'.repeat(5) + 'x'.repeat(MAX_TEXT - 12),
			caret: 12,
			dropped: 6
		});
	});

	it('counts the selection a paste replaces as room', () => {
		expect(pasteWithin({ value: 'abcdef', start: 1, end: 5, pasted: '12345', max: 6 })).toEqual({
			value: 'a1234f',
			caret: 5,
			dropped: 1
		});
		expect(pasteWithin({ value: 'abc', start: 3, end: 3, pasted: 'd', max: 6 })).toEqual({
			value: 'abcd',
			caret: 4,
			dropped: 0
		});
	});
});

describe('text that went into a full field at the caret', () => {
	const max = 10;
	it('loses the end of what went in, keeps what was before and after it, and counts it', () => {
		// "林地面积" committed by an input method after the 8th of 9 characters: room for one
		expect(trimInserted({ value: '森林覆盖率上升到林地面积了', caret: 12, max })).toEqual({
			value: '森林覆盖率上升到林了',
			caret: 9,
			dropped: 3
		});
	});
	it('leaves a field within its limit as it is', () => {
		expect(trimInserted({ value: '耕地1700公顷', caret: 8, max })).toEqual({
			value: '耕地1700公顷',
			caret: 8,
			dropped: 0
		});
	});
	it('takes a whole emoji out rather than half of it', () => {
		// 9 code units, then an emoji (2) goes in: one over, and the emoji goes whole
		const value = '123456789🌲';
		expect(trimInserted({ value, caret: 11, max })).toEqual({
			value: '123456789',
			caret: 9,
			dropped: 2
		});
	});
	it(`keeps a field at exactly ${MAX_TEXT} characters`, () => {
		const value = 'x'.repeat(MAX_TEXT);
		expect(trimInserted({ value, caret: 5, max: MAX_TEXT }).dropped).toBe(0);
	});
});
