import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findNormalised, fold, normalise } from './normalise.js';

const BULLETIN = readFileSync(
	'data/sources/baoshan-2024-s20-s21/baoshan-npcsc-bulletin-2024-s20-s21.txt',
	'utf8'
);

describe('normalise', () => {
	it('drops whitespace and bold markers and folds full-width forms', () => {
		expect(fold('**宝武集团已建成项目和在建项目**建筑面积共 26 万方（ＡＢＣ）')).toBe(
			'宝武集团已建成项目和在建项目建筑面积共26万方(ABC)'
		);
	});

	it('maps every kept character back to its original offset', () => {
		const n = normalise('a b\n\nc');
		expect(n.text).toBe('abc');
		expect(n.offsets).toEqual([0, 2, 5]);
	});
});

describe('findNormalised', () => {
	const haystack = normalise(BULLETIN);

	it('matches a quote across a page break inside a sentence', () => {
		// the bulletin prints "规划总用地面" and "积 25.3 平方公里" on two pages
		const span = findNormalised(haystack, '吴淞创新城规划总用地面积25.3平方公里');
		expect(span).not.toBeNull();
		const original = BULLETIN.slice(span!.start, span!.end);
		expect(original).toContain('\n');
		expect(original.startsWith('吴淞创新城规划总用地面')).toBe(true);
		expect(original.endsWith('平方公里')).toBe(true);
	});

	it('matches full-width punctuation written half-width and spaces around numbers', () => {
		const span = findNormalised(
			haystack,
			'新材料产业规上工业产值 1725 亿元,占全区规上工业产值的"半壁江山"'
		);
		expect(span).not.toBeNull();
		expect(BULLETIN.slice(span!.start, span!.end)).toBe(
			'新材料产业规上工业产值1725亿元，占全区规上工业产值的“半壁江山”'
		);
	});

	it('does not match outside the range it is given', () => {
		const at = BULLETIN.indexOf('关于特色产业推进情况的报告\n');
		expect(
			findNormalised(haystack, '新材料产业规上工业产值1725亿元', { from: 0, to: at })
		).toBeNull();
	});
});
