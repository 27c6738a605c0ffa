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
});
