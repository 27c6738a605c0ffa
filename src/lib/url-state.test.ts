import { describe, expect, it } from 'vitest';
import { listOf, oneOf, readParams, text } from './url-state.js';

const SPEC = {
	sector: oneOf(['', 'land-class-cultivated'], ''),
	table: listOf((id) => ['land-use', 'land-use-share'].includes(id)),
	q: text('SELECT 1', 20_000)
};
const read = (search: string) => readParams(new URLSearchParams(search), SPEC);

describe('readParams', () => {
	it('reads values the page knows', () => {
		const { values, problems } = read('sector=land-class-cultivated&table=land-use&q=SELECT%202');
		expect(values).toEqual({ sector: 'land-class-cultivated', table: ['land-use'], q: 'SELECT 2' });
		expect(problems).toEqual([]);
	});

	it('reports an empty value and keeps the default, even where the default is empty', () => {
		const { values, problems } = read('sector=&q=');
		expect(values).toEqual({ sector: '', table: [], q: 'SELECT 1' });
		expect(problems).toEqual([
			{ name: 'sector', value: '' },
			{ name: 'q', value: '' }
		]);
	});

	it('reports broken percent-encoding instead of using what the browser made of it', () => {
		const { values, problems } = read('q=%E0%A4%A&table=land-use%E0');
		expect(values.q).toBe('SELECT 1');
		expect(values.table).toEqual([]);
		expect(problems).toEqual([
			{ name: 'table', value: 'land-use\uFFFD' },
			{ name: 'q', value: '\uFFFD%A' }
		]);
	});

	it('reports repeated, oversized and unknown parameters, cut to 60 characters', () => {
		const { values, problems } = read(
			`sector=land-class-cultivated&sector=land-class-cultivated&table=${'x'.repeat(100_000)}&%3Cb%3E=1`
		);
		expect(values).toEqual({ sector: '', table: [], q: 'SELECT 1' });
		expect(problems).toEqual([
			{ name: 'sector', value: 'land-class-cultivated' },
			{ name: 'table', value: 'x'.repeat(60) },
			{ name: '<b>', value: '1' }
		]);
	});
});
