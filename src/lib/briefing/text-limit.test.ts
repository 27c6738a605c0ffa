import { describe, expect, it } from 'vitest';
import { clip, MAX_TEXT, pasteWithin } from './text-limit.js';

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
