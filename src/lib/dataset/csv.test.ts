import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, readCsv } from './csv.js';
import { formatRejection } from './table.js';

const FILE = 'data/figures/x.csv';
const read = (text: string) => parseCsv(text, FILE);
const problems = (text: string) => read(text).problems.map(formatRejection);
const lines = (...l: string[]) => l.join('\n') + '\n';

describe('parseCsv', () => {
	it('reads quoted fields, doubled quotes, commas inside quotes, CRLF, a BOM and empty lines', () => {
		const csv = read('\uFEFFid,value,quote\r\na,1,"耕地 1,700 公顷"\r\n\r\nb,2,"他说""好"""\r\n');
		expect(csv.problems).toEqual([]);
		expect(csv.header).toEqual(['id', 'value', 'quote']);
		expect(csv.rows.map((r) => [r.line, r.values])).toEqual([
			[2, { id: 'a', value: '1', quote: '耕地 1,700 公顷' }],
			[4, { id: 'b', value: '2', quote: '他说"好"' }]
		]);
	});

	it('keeps each cell as written beside the trimmed one, for the number reader', () => {
		const [row] = read(lines('id,value', ' a ,1700\u00a0')).rows;
		expect(row!.values).toEqual({ id: 'a', value: '1700' });
		expect(row!.raw).toEqual({ id: ' a ', value: '1700\u00a0' });
	});

	it('reports an unterminated quote once, on its line, and reads the next lines', () => {
		const csv = read(lines('id,value,quote', 'a,1,"耕地 1700 公顷', 'b,2,"园地 3 公顷"', 'c,3,水'));
		expect(csv.problems.map(formatRejection)).toEqual([
			'data/figures/x.csv:2: quote: csv-syntax: the quote opened at column 5 is not closed on this line (a field cannot hold a line break)'
		]);
		expect(csv.rows.map((r) => r.values.id)).toEqual(['b', 'c']);
	});

	it('reports a stray quote inside an unquoted field', () => {
		expect(problems(lines('id,value,quote', 'a,1,他说"好"'))).toEqual([
			'data/figures/x.csv:2: quote: csv-syntax: a quote inside an unquoted field at column 7: quote the field and double its quotes ("a ""b""")'
		]);
	});

	it('reports text after a closing quote', () => {
		expect(problems(lines('id,value,quote', 'a,"1"7,q'))).toEqual([
			'data/figures/x.csv:2: value: csv-syntax: text after the closing quote at column 6: quote the whole field'
		]);
	});

	it('reports a row with too many or too few fields', () => {
		expect(problems(lines('id,value,quote', 'a,1,700,q', 'b,2'))).toEqual([
			'data/figures/x.csv:2: (row): csv-syntax: 4 fields where the header has 3 (an unquoted comma?)',
			'data/figures/x.csv:3: (row): csv-syntax: 2 fields where the header has 3 (a missing comma or a cut line?)'
		]);
	});

	it('gives exactly one error for each of three problems, on the right lines, and keeps the good rows', () => {
		const csv = read(
			lines(
				'id,value,quote',
				'a,1,ok',
				'b,2,"never closed',
				'c,3,fine',
				'd,4,5,extra',
				'e,5,"also fine"',
				'f,6,stray"quote',
				'g,7,"last"'
			)
		);
		expect(csv.problems.map((p) => [p.line, p.field, p.reason])).toEqual([
			[3, 'quote', 'csv-syntax'],
			[5, '(row)', 'csv-syntax'],
			[7, 'quote', 'csv-syntax']
		]);
		expect(csv.rows.map((r) => [r.line, r.values.id])).toEqual([
			[2, 'a'],
			[4, 'c'],
			[6, 'e'],
			[8, 'g']
		]);
	});

	it('counts physical lines: skipped empty lines and CRLF keep the line numbers true', () => {
		expect(problems('id,value\r\n\r\n\r\na,1,2\r\n')).toEqual([
			'data/figures/x.csv:4: (row): csv-syntax: 3 fields where the header has 2 (an unquoted comma?)'
		]);
	});

	it('reports a duplicated column with both positions', () => {
		const csv = read(lines('id,value,unit,value', 'a,1,公顷,2'));
		expect(csv.problems.map(formatRejection)).toEqual([
			'data/figures/x.csv:1: value: duplicate-column: column "value" appears twice, at positions 2 and 4'
		]);
		expect(csv.rows[0]!.values.value).toBe('1');
	});

	it('takes columns differing only by case, spaces, a BOM or width as the same', () => {
		expect(problems(lines('id,value, value\uFEFF'))).toEqual([
			'data/figures/x.csv:1: value: duplicate-column: column "value" appears twice, at positions 2 and 3'
		]);
		for (const [other, shown] of [
			['Value', 'Value'],
			['val ue', 'val<U+0020>ue'],
			['value\u200b', 'value<U+200B>'],
			['ｖａｌｕｅ', '<U+FF56><U+FF41><U+FF4C><U+FF55><U+FF45>']
		])
			expect(problems(lines(`id,value,${other}`))).toEqual([
				`data/figures/x.csv:1: value: duplicate-column: column "value" at position 2 appears again as "${shown}" at position 3`
			]);
	});

	it('reports a quoting error in the header and still reads the rows by its columns', () => {
		const csv = read(lines('id,"value,quote', 'a,1,q'));
		expect(csv.problems.map(formatRejection)).toEqual([
			'data/figures/x.csv:1: (header): csv-syntax: column 2: the quote opened at column 4 is not closed on this line (a field cannot hold a line break)'
		]);
		expect(csv.header).toEqual(['id', 'value', 'quote']);
		expect(csv.rows.map((r) => r.values)).toEqual([{ id: 'a', value: '1', quote: 'q' }]);
	});

	it('reports an empty file once', () => {
		const csv = read('\n\n');
		expect(csv.problems.map(formatRejection)).toEqual([
			'data/figures/x.csv:1: (file): csv-syntax: the file is empty: no header line'
		]);
		expect(csv.broken).toBe(true);
	});
});

describe('readCsv', () => {
	it('reports a file it cannot read instead of throwing', () => {
		const dir = mkdtempSync(join(tmpdir(), 'csv-'));
		try {
			writeFileSync(join(dir, 'ok.csv'), 'id\na\n');
			expect(readCsv(join(dir, 'ok.csv'), dir).rows).toHaveLength(1);
			const missing = readCsv(join(dir, 'missing.csv'), dir);
			expect(missing.broken).toBe(true);
			expect(missing.problems.map(formatRejection)).toEqual([
				expect.stringMatching(/^missing\.csv:1: \(file\): csv-syntax: cannot be read: ENOENT/)
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
