import { describe, expect, it } from 'vitest';
import { textRuns } from './source-text.js';

describe('textRuns', () => {
	const text = '耕地 1700 公顷、较上年度减少 38 公顷；园地 243 公顷。';

	it('highlights each quote and marks where figures start and end', () => {
		const runs = textRuns(text, 100, [
			{ figure: 'level', start: 100, end: 123 },
			{ figure: 'change', start: 100, end: 123 },
			{ figure: 'garden', start: 124, end: 134 }
		]);
		expect(runs.map((r) => r.text).join('')).toBe(text);
		expect(runs[0]).toMatchObject({
			text: '耕地 1700 公顷、较上年度减少 38 公顷',
			figures: ['level', 'change'],
			starts: ['level', 'change'],
			ends: ['level', 'change']
		});
		expect(runs[1]).toMatchObject({ text: '；', figures: [] });
		expect(runs[2]).toMatchObject({ text: '园地 243 公顷。', figures: ['garden'] });
	});

	it('splits overlapping quotes into runs covered by each', () => {
		const runs = textRuns('abcdef', 0, [
			{ figure: 'x', start: 0, end: 4 },
			{ figure: 'y', start: 2, end: 6 }
		]);
		expect(runs.map((r) => [r.text, r.figures])).toEqual([
			['ab', ['x']],
			['cd', ['x', 'y']],
			['ef', ['y']]
		]);
	});

	it('ignores a span outside the document', () => {
		expect(textRuns('abc', 10, [{ figure: 'z', start: 0, end: 5 }])).toEqual([
			{ text: 'abc', figures: [], starts: [], ends: [] }
		]);
	});
});
