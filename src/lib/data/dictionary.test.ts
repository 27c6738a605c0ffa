import { describe, expect, it } from 'vitest';
import { COLUMN_DOCS, MEASURE_DOCS, PERIOD_DOCS, QUALIFIER_DOCS } from './dictionary.js';
import { FIGURE_COLUMNS, MEASURES, PERIOD_TYPES, QUALIFIERS } from './schema.js';

describe('the data dictionary', () => {
	it('explains every column of the dataset in both languages', () => {
		for (const [name] of FIGURE_COLUMNS) {
			expect(COLUMN_DOCS[name]?.zh, name).toBeTruthy();
			expect(COLUMN_DOCS[name]?.en, name).toBeTruthy();
		}
		expect(Object.keys(COLUMN_DOCS).sort()).toEqual(FIGURE_COLUMNS.map(([n]) => n).sort());
	});

	it('explains every measure, qualifier and kind of period', () => {
		expect(Object.keys(MEASURE_DOCS).sort()).toEqual([...MEASURES].sort());
		expect(Object.keys(QUALIFIER_DOCS).sort()).toEqual([...QUALIFIERS].sort());
		expect(Object.keys(PERIOD_DOCS).sort()).toEqual([...PERIOD_TYPES].sort());
	});

	it('writes its English without Chinese and keeps the words the bulletin prints apart, to be quoted', () => {
		const docs = [COLUMN_DOCS, MEASURE_DOCS, QUALIFIER_DOCS, PERIOD_DOCS].flatMap((group) =>
			Object.entries(group)
		);
		for (const [name, doc] of docs)
			expect(doc.en, name).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
		expect(QUALIFIER_DOCS.about).toMatchObject({ en: 'about', words: ['约', '左右'] });
		expect(COLUMN_DOCS.written.words).toEqual(['四分之一', '翻一番']);
	});
});
