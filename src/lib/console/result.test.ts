import { describe, expect, it } from 'vitest';
import { engineError, kindOf, plainValue, resultToCsv } from './result.js';

describe('console results', () => {
	it('names column kinds from Arrow types', () => {
		expect(kindOf('Float64')).toBe('number');
		expect(kindOf('Int32')).toBe('number');
		expect(kindOf('Utf8')).toBe('text');
		expect(kindOf('Bool')).toBe('boolean');
		expect(kindOf('Date32<DAY>')).toBe('date');
	});

	it('turns engine values into plain ones', () => {
		expect(plainValue(12n, 'number')).toBe(12);
		expect(plainValue(Date.UTC(2023, 11, 31), 'date')).toBe('2023-12-31');
		expect(plainValue(null, 'text')).toBeNull();
	});

	it('writes CSV with a byte-order mark and quoted fields', () => {
		const csv = resultToCsv({
			columns: [
				{ name: 'sector_zh', type: 'Utf8', kind: 'text' },
				{ name: 'value', type: 'Float64', kind: 'number' }
			],
			rows: [
				['新材料', 1725],
				['a,b', null]
			],
			elapsed: 1,
			truncated: false
		});
		expect(csv).toBe('\uFEFFsector_zh,value\r\n新材料,1725\r\n"a,b",\r\n');
	});

	it('reads where an engine error points, from its JSON or its caret', () => {
		const json = JSON.stringify({
			exception_type: 'Parser',
			exception_message: 'syntax error at or near "FORM"',
			position: '16'
		});
		expect(engineError(json, 'SELECT a\n     , b FORM figures')).toEqual({
			message: 'Parser Error: syntax error at or near "FORM"',
			line: 2,
			column: 8
		});
		const caret =
			'Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC * FROM figures\n        ^';
		expect(engineError(caret, 'SELEC * FROM figures')).toMatchObject({ line: 1, column: 1 });
		expect(engineError('Catalog Error: Table with name x does not exist!', 'x')).toEqual({
			message: 'Catalog Error: Table with name x does not exist!',
			line: null,
			column: null
		});
	});
});
