import { describe, expect, it } from 'vitest';
import { parsePeriod } from './period.js';

describe('parsePeriod', () => {
	it('reads a year, a quarter, a month, a date and ranges', () => {
		expect(parsePeriod('2023')).toMatchObject({
			type: 'year',
			start: '2023-01-01',
			end: '2023-12-31',
			year: 2023
		});
		expect(parsePeriod('2024Q1')).toMatchObject({
			type: 'quarter',
			start: '2024-01-01',
			end: '2024-03-31',
			year: 2024
		});
		expect(parsePeriod('2024-02')).toMatchObject({
			type: 'month',
			start: '2024-02-01',
			end: '2024-02-29'
		});
		expect(parsePeriod('2023-12-31')).toMatchObject({
			type: 'date',
			start: '2023-12-31',
			end: '2023-12-31'
		});
		expect(parsePeriod('2021..2023')).toMatchObject({
			type: 'range',
			start: '2021-01-01',
			end: '2023-12-31',
			year: 2023
		});
		expect(parsePeriod('2024-01-01..2024-05-29')).toMatchObject({
			type: 'range',
			end: '2024-05-29',
			year: 2024
		});
	});

	it('rejects what is not a period', () => {
		for (const bad of [
			'2023x',
			'23',
			'2024Q5',
			'2023-02-30',
			'2023..2021',
			'2024Q1..2024Q2',
			'2021..2022..2023',
			''
		]) {
			expect(parsePeriod(bad), bad).toBeNull();
		}
	});
});
