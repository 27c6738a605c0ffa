import { describe, expect, it } from 'vitest';
import {
	brackets,
	CHART_LABELS,
	chineseRuns,
	count,
	MESSAGES,
	noun,
	parens,
	say,
	STATUS_LABELS,
	t,
	words
} from './messages.js';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe('counting in both languages', () => {
	it('writes one value in the singular and two in the plural in English', () => {
		expect(count(1, 'value', 'en')).toBe('1 value');
		expect(count(2, 'value', 'en')).toBe('2 values');
		expect(count(0, 'value', 'en')).toBe('0 values');
	});

	it('agrees a target, a check and a discrepancy with their number', () => {
		expect(count(1, 'target', 'en')).toBe('1 target');
		expect(count(3, 'target', 'en')).toBe('3 targets');
		expect(count(42, 'check', 'en')).toBe('42 checks');
		expect(count(1, 'discrepancy', 'en')).toBe('1 discrepancy');
		expect(count(4, 'discrepancy', 'en')).toBe('4 discrepancies');
	});

	it('writes the dataset total of 495 figures with a measure word in Chinese', () => {
		expect(count(495, 'figure', 'zh')).toBe('495条数据');
		expect(count(495, 'figure', 'en')).toBe('495 figures');
		expect(count(1, 'figure', 'en')).toBe('1 figure');
	});

	it('groups thousands in an English count', () => {
		expect(count(258221, 'result', 'en')).toBe('258,221 results');
	});

	it('gives the bare noun to go after a number printed separately', () => {
		expect(noun(1, 'document', 'en')).toBe('document');
		expect(noun(17, 'document', 'en')).toBe('documents');
		expect(noun(17, 'document', 'zh')).toBe('篇文件');
	});
});

describe('messages', () => {
	it('fills placeholders and leaves unknown ones as written', () => {
		expect(say(CHART_LABELS.page, 'zh', { n: 34 })).toBe('第34页');
		expect(say(CHART_LABELS.page, 'en', { n: 34 })).toBe('p. 34');
		expect(say({ zh: '{x}', en: '{x}' }, 'en')).toBe('{x}');
	});

	it('joins words with spaces in English and without in Chinese', () => {
		expect(words('en', '42 checks', '', 'failed')).toBe('42 checks failed');
		expect(words('zh', '42项校验', '未通过')).toBe('42项校验未通过');
	});

	it('says every English message without a Chinese character or full-width punctuation', () => {
		const english = [MESSAGES, CHART_LABELS, STATUS_LABELS].flatMap((group) =>
			Object.entries(group).filter(([key]) => key !== 'language')
		);
		for (const [key, text] of english) expect(text.en, key).not.toMatch(CJK);
		expect(t('language', 'en')).toBe('中文');
	});
});

describe('asides and quoted Chinese', () => {
	it('brackets an aside in full-width brackets in Chinese and after a space in English', () => {
		expect(parens(7, 'zh')).toBe('（7）');
		expect(parens('29 May 2024', 'en')).toBe(' (29 May 2024)');
		expect(brackets('en')).toEqual([' (', ')']);
	});

	it('cuts the Chinese quoted in an English sentence from the English around it', () => {
		expect(chineseRuns('The TOC names 王 翥; the body names 王甯.')).toEqual([
			{ text: 'The TOC names ', zh: false },
			{ text: '王 翥', zh: true },
			{ text: '; the body names ', zh: false },
			{ text: '王甯', zh: true },
			{ text: '.', zh: false }
		]);
	});

	it('keeps quotes and book-title marks inside a Chinese title and leaves an ellipsis at its edge out', () => {
		expect(chineseRuns('关于落实《“双减”工作》的报告 (…工作情况》的审议…)')).toEqual([
			{ text: '关于落实《“双减”工作》的报告', zh: true },
			{ text: ' (…', zh: false },
			{ text: '工作情况》的审议', zh: true },
			{ text: '…)', zh: false }
		]);
		expect(chineseRuns('No Chinese here.')).toEqual([{ text: 'No Chinese here.', zh: false }]);
	});
});
