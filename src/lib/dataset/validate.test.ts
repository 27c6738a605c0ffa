import { describe, expect, it } from 'vitest';
import { formatRejection } from './table.js';
import { CULTIVATED, bulletinText, context, figureTable, table } from './test-context.js';
import { validateCatalog, validateFigures } from './validate.js';

function problems(row: Record<string, string>) {
	return validateFigures([figureTable([row])], context).rejections.map(formatRejection);
}

describe('validateFigures', () => {
	it('accepts a figure whose quote and value are in its document, and stores where the quote is', () => {
		const { figures, rejections } = validateFigures([figureTable([CULTIVATED])], context);
		expect(rejections).toEqual([]);
		expect(figures[0]).toMatchObject({
			id: 'land-cultivated-2023',
			value: 1700,
			base_value: 1700,
			base_unit: '公顷',
			sector_zh: '耕地',
			doc_page: 48,
			session: 21
		});
		const { quote_start, quote_end } = figures[0]!;
		expect(bulletinText.slice(quote_start, quote_end)).toBe('耕地 1700 公顷、较上年度减少 38 公顷');
	});

	it('converts a value to its base unit: 亩 to 公顷', () => {
		const { figures } = validateFigures(
			[
				figureTable([
					{
						...CULTIVATED,
						value: '5673.5',
						unit: '亩',
						doc: 's20-wusong-report',
						quote: '已开展土地收储面积合计 378 公顷（5673.5 亩）'
					}
				])
			],
			context
		);
		expect(figures[0]!.base_value).toBeCloseTo(378.233, 3);
	});

	it('rejects a quote that is not in its document, naming file, line and field', () => {
		expect(problems({ ...CULTIVATED, quote: '耕地 1800 公顷' })).toEqual([
			'data/figures/land.csv:2: quote: quote-not-found: not found in s21-natural-resources-report (page 48): "耕地 1800 公顷"',
			'data/figures/land.csv:2: value: value-not-in-quote: the number 1700 does not appear in the quote "耕地 1800 公顷"'
		]);
	});

	it('rejects a quote that is in the bulletin but in another document', () => {
		expect(problems({ ...CULTIVATED, doc: 's21-state-assets-report' })[0]).toMatch(
			/quote-not-found: not found in s21-state-assets-report/
		);
	});

	it('rejects a value that the quote does not state', () => {
		expect(problems({ ...CULTIVATED, value: '1710' })).toEqual([
			'data/figures/land.csv:2: value: value-not-in-quote: the number 1710 does not appear in the quote "耕地 1700 公顷、较上年度减少 38 公顷"'
		]);
	});

	it('rejects an unknown unit', () => {
		expect(problems({ ...CULTIVATED, unit: '平方英里' })).toEqual([
			'data/figures/land.csv:2: unit: unknown-unit: unit "平方英里" is not in the units catalogue'
		]);
	});

	it('rejects an unknown indicator, sector and area', () => {
		expect(
			problems({ ...CULTIVATED, indicator: 'land-areas', sector: 'paddy', area: 'pudong' })
		).toEqual([
			'data/figures/land.csv:2: indicator: unknown-indicator: no indicator "land-areas" in the catalogue',
			'data/figures/land.csv:2: sector: unknown-sector: no sector "paddy" in the catalogue',
			'data/figures/land.csv:2: area: unknown-area: no area "pudong" in areas.csv'
		]);
	});

	it('rejects a period it cannot read and a bad number', () => {
		const found = problems({ ...CULTIVATED, period: '2023年末', value: '1,700' });
		expect(found).toHaveLength(2);
		expect(found).toContainEqual(
			expect.stringMatching(
				/^data\/figures\/land.csv:2: period: period-unreadable: "2023年末" is not a year/
			)
		);
		expect(found).toContain(
			'data/figures/land.csv:2: value: bad-number: "1,700" is not a plain decimal: a comma is not allowed (no thousands separators or decimal commas)'
		);
	});

	it('refuses a value Number() would take: a hidden space, a full-width digit, hex, an exponent', () => {
		const refused = (value: string) => problems({ ...CULTIVATED, value });
		expect(refused('1700\u00a0')).toEqual([
			'data/figures/land.csv:2: value: bad-number: "1700<U+00A0>" is not a plain decimal: ends with U+00A0 (no-break space)'
		]);
		expect(refused('1700\u200b')[0]).toMatch(/"1700<U\+200B>" is not a plain decimal/);
		expect(refused('１７００')[0]).toMatch(
			/value: bad-number: "<U\+FF11><U\+FF17><U\+FF10><U\+FF10>" is not a plain decimal: starts with the digit １ U\+FF11: write ASCII digits$/
		);
		expect(refused('0x6A4')[0]).toMatch(/value: bad-number: "0x6A4" .*hexadecimal/);
		expect(refused('1.7e3')[0]).toMatch(/value: bad-number: "1.7e3" .*exponent notation/);
		expect(refused('+1700')[0]).toMatch(/value: bad-number: "\+1700" .*leading \+/);
	});

	it('reads the value as it is in the file, not as trimmed', () => {
		const table = figureTable([CULTIVATED]);
		table.rows[0]!.raw = { ...table.rows[0]!.values, value: ' 1700' };
		expect(validateFigures([table], context).rejections.map(formatRejection)).toEqual([
			'data/figures/land.csv:2: value: bad-number: "<U+0020>1700" is not a plain decimal: starts with U+0020 (space)'
		]);
	});

	it('reports a bad value and an empty field of the same row together', () => {
		expect(
			problems({ ...CULTIVATED, value: '1,700', quote: '' }).map((p) => p.split(':')[2])
		).toEqual([' value', ' quote']);
	});

	it('rejects a date that is not in the calendar, saying so', () => {
		expect(problems({ ...CULTIVATED, period: '2023-02-30' })).toEqual([
			'data/figures/land.csv:2: period: period-unreadable: "2023-02-30": 2023-02-30 is not a date in the calendar'
		]);
		expect(problems({ ...CULTIVATED, period: '2023-13' })[0]).toBe(
			'data/figures/land.csv:2: period: period-unreadable: "2023-13": 2023-13 is not a date in the calendar'
		);
		expect(problems({ ...CULTIVATED, period: '2023-01-01..2023-04-31' })[0]).toMatch(
			/period-unreadable: "2023-01-01\.\.2023-04-31": 2023-04-31 is not a date in the calendar$/
		);
	});

	it('rejects a duplicate id and names the first definition', () => {
		const { rejections, figures } = validateFigures(
			[figureTable([CULTIVATED, CULTIVATED])],
			context
		);
		expect(figures).toHaveLength(1);
		expect(rejections.map(formatRejection)).toEqual([
			'data/figures/land.csv:3: id: duplicate: "land-cultivated-2023" is already defined at data/figures/land.csv:2'
		]);
	});

	it('rejects a file without a required column', () => {
		const table = figureTable([CULTIVATED]);
		table.header = table.header.filter((c) => c !== 'quote');
		expect(validateFigures([table], context).rejections.map(formatRejection)).toEqual([
			'data/figures/land.csv:1: quote: missing-column: the header lacks column "quote"'
		]);
	});

	it('accepts a number printed in words when `written` holds the words', () => {
		const row = {
			...CULTIVATED,
			id: 'x',
			value: '25',
			unit: '%',
			written: '四分之一',
			doc: 's21-industry-report',
			quote: '机器人及智能制造产业规上工业产值683亿元，占全区规上工业产值的四分之一'
		};
		expect(problems(row)).toEqual([]);
		expect(problems({ ...row, written: '三分之一' })[0]).toMatch(
			/written: value-not-in-quote: "三分之一" does not appear/
		);
	});
});

describe('validateCatalog', () => {
	const empty = { topics: [], areas: [], units: [], indicators: [], sectors: [], groups: [] };

	it('reads orders as whole numbers and factors as positive plain decimals', () => {
		const { rejections } = validateCatalog({
			...empty,
			topics: [
				table(
					'topics.csv',
					['id', 'order', 'zh', 'en', 'description_zh', 'description_en'],
					[
						['land', '1.5', '土地', 'Land'],
						['forest', '0x2', '森林', 'Forest'],
						['water', '', '水', 'Water']
					]
				)
			],
			units: [
				table(
					'units.csv',
					['unit', 'base_unit', 'factor', 'kind', 'en'],
					[
						['公顷', '公顷', '1', 'area', 'ha'],
						['亩', '公顷', '0.06666666666666667', 'area', 'mu'],
						['万亩', '公顷', '-666.667', 'area', '10k mu'],
						['平方米', '公顷', '0', 'area', 'm²']
					]
				)
			]
		});
		expect(rejections.map(formatRejection)).toEqual([
			'topics.csv:2: order: bad-number: "1.5" is not a plain decimal: it must be a whole number',
			'topics.csv:3: order: bad-number: "0x2" is not a plain decimal: hexadecimal is not allowed',
			'topics.csv:4: order: bad-number: "" is not a plain decimal: it is empty',
			'units.csv:3: factor: bad-number: "0.06666666666666667" is not a plain decimal: 16 significant digits; a float64 keeps 15 exactly, so the stored number would not be the printed one',
			'units.csv:4: factor: bad-number: "-666.667" is not a plain decimal: it must not be negative',
			'units.csv:5: factor: bad-number: a factor of 0 makes every value 0'
		]);
	});

	it('rejects an indicator whose topic does not exist', () => {
		const { rejections } = validateCatalog({
			topics: [
				table(
					'topics.csv',
					['id', 'order', 'zh', 'en', 'description_zh', 'description_en'],
					[['land', '1', '土地', 'Land']]
				)
			],
			areas: [],
			units: [
				table(
					'units.csv',
					['unit', 'base_unit', 'factor', 'kind', 'en'],
					[['公顷', '公顷', '1', 'area', 'ha']]
				)
			],
			indicators: [
				table(
					'ind.csv',
					['id', 'topic', 'zh', 'en', 'unit_kind', 'definition_zh', 'definition_en'],
					[['forest-area', 'forest', '森林面积', 'Forest area', 'area']]
				)
			],
			sectors: [],
			groups: []
		});
		expect(rejections.map(formatRejection)).toEqual([
			'ind.csv:2: topic: unknown-topic: no topic "forest" in topics.csv'
		]);
	});
});
