import { describe, expect, it } from 'vitest';
import { clauseAt, readable, sentenceAt } from './sentences.js';

const span = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

describe('sentenceAt', () => {
	const text =
		'（一）吴淞创新城情况\n\n全区森林覆盖率由上年度的 16.57%上升至本年度的 17.03%，\n\n净增 0.46%。全年新增森林面积 528 亩。';
	const limits = { start: 0, end: text.length };

	it('reads a sentence across a page break and stops at its full stop', () => {
		expect(readable(span(text, sentenceAt(text, text.indexOf('0.46'), limits)))).toBe(
			'全区森林覆盖率由上年度的 16.57%上升至本年度的 17.03%，净增 0.46%。'
		);
	});

	it('never runs a heading into the sentence after it', () => {
		expect(span(text, sentenceAt(text, text.indexOf('16.57'), limits))).not.toContain('情况');
		expect(span(text, sentenceAt(text, 3, limits))).toBe('（一）吴淞创新城情况');
	});

	it('ends a salutation at its colon', () => {
		const speech = '主任、各位副主任、各位委员：\n\n2024 年末全区森林面积 5210.3 公顷。';
		const at = speech.indexOf('5210');
		expect(span(speech, sentenceAt(speech, at, { start: 0, end: speech.length }))).toBe(
			'2024 年末全区森林面积 5210.3 公顷。'
		);
	});
});

describe('clauseAt', () => {
	it('stops at commas and keeps the enumeration comma inside', () => {
		const text = '其中耕地 1700 公顷、较上年度减少 38 公顷；园地 243 公顷';
		expect(span(text, clauseAt(text, text.indexOf('38'), { start: 0, end: text.length }))).toBe(
			'其中耕地 1700 公顷、较上年度减少 38 公顷；'
		);
	});
});
