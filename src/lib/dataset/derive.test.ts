import { describe, expect, it } from 'vitest';
import type { FigureRow } from '../data/schema.js';
import {
	deriveFigures,
	disagreeingDerivations,
	evaluateChecks,
	findDiscrepancies,
	statedRange,
	supportedText
} from './derive.js';
import { formatRejection } from './table.js';
import { CULTIVATED, catalog, context, figureTable, table } from './test-context.js';
import { lookups, validateFigures } from './validate.js';

const CHANGE = {
	...CULTIVATED,
	id: 'land-cultivated-change-2023',
	period: '2023',
	measure: 'change',
	value: '-38'
};
const GARDEN = {
	...CULTIVATED,
	id: 'land-garden-2023',
	sector: 'garden',
	value: '243',
	quote: '园地 243 公顷、较上年度增加 1.9 公顷'
};
const stated = validateFigures([figureTable([CULTIVATED, CHANGE, GARDEN])], context).figures;

const DERIVED_HEADER = [
	'id',
	'indicator',
	'sector',
	'area',
	'period',
	'measure',
	'unit',
	'formula',
	'notes'
];
const CHECK_HEADER = ['id', 'kind', 'zh', 'en', 'lhs', 'rhs', 'tolerance', 'notes', 'notes_zh'];

describe('deriveFigures', () => {
	const l = lookups(catalog, context.documents);

	it('computes the 2022 cultivated land implied by "减少 38 公顷", marked derived with its formula', () => {
		const { figures, rejections } = deriveFigures(
			[
				table('derived/land.csv', DERIVED_HEADER, [
					[
						'land-cultivated-2022',
						'land-area',
						'cultivated',
						'',
						'2022-12-31',
						'level',
						'公顷',
						'{land-cultivated-2023} - {land-cultivated-change-2023}'
					]
				])
			],
			stated,
			l
		);
		expect(rejections).toEqual([]);
		expect(figures[0]).toMatchObject({
			id: 'land-cultivated-2022',
			value: 1738,
			derived: true,
			period: '2022-12-31',
			formula: '1700公顷 − -38公顷 = 1738公顷',
			inputs: 'land-cultivated-2023 land-cultivated-change-2023',
			doc_id: 's21-natural-resources-report',
			quote: CULTIVATED.quote
		});
	});

	it('expresses the result in its declared unit', () => {
		const { figures } = deriveFigures(
			[
				table('derived/land.csv', DERIVED_HEADER, [
					[
						'land-cultivated-2023-mu',
						'land-area',
						'cultivated',
						'',
						'2023-12-31',
						'level',
						'亩',
						'{land-cultivated-2023}'
					]
				])
			],
			stated,
			l
		);
		expect(figures[0]!.value).toBe(25500);
	});

	it('prints a quotient only to the digits its inputs support, keeping the exact value', () => {
		const { figures } = deriveFigures(
			[
				table('derived/land.csv', DERIVED_HEADER, [
					[
						'cultivated-per-garden',
						'land-area',
						'',
						'',
						'2023-12-31',
						'share',
						'%',
						'{land-cultivated-2023} / {land-garden-2023} * 100'
					]
				])
			],
			stated,
			l
		);
		// 1700 ÷ 243 is 6.99588…; each input is known to half a hectare, so the result to three digits
		expect(figures[0]).toMatchObject({ value: 699.588477366, value_text: '700' });
		expect(figures[0]!.formula).toBe('1700公顷 ÷ 243公顷 × 100 ≈ 700%');
	});

	it('names a formula that refers to a figure that does not exist', () => {
		const { rejections } = deriveFigures(
			[
				table('derived/land.csv', DERIVED_HEADER, [
					[
						'x',
						'land-area',
						'',
						'',
						'2022-12-31',
						'level',
						'公顷',
						'{land-cultivated-2023} - {land-cultivated-change}'
					]
				])
			],
			stated,
			l
		);
		expect(rejections.map(formatRejection)).toEqual([
			'derived/land.csv:2: formula: unknown-figure: no figure {land-cultivated-change}'
		]);
	});
});

describe('evaluateChecks', () => {
	it('reports a passing sum and a failing one with the difference', () => {
		const { checks, rejections } = evaluateChecks(
			[
				table('checks/land.csv', CHECK_HEADER, [
					['sum-ok', 'sum', '', '', '{land-cultivated-2023} + {land-garden-2023}', '1943', '0.5'],
					['sum-off', 'sum', '', '', '{land-cultivated-2023} + {land-garden-2023}', '1953', '0.5%']
				])
			],
			stated
		);
		expect(rejections).toEqual([]);
		expect(checks.map((c) => [c.id, c.passed, c.difference])).toEqual([
			['sum-ok', true, 0],
			['sum-off', false, -10]
		]);
		expect(checks[0]!.figures).toEqual(['land-cultivated-2023', 'land-garden-2023']);
	});

	it('gives the sides of a ratio check to the digits its inputs support and decides on exact values', () => {
		const { checks } = evaluateChecks(
			[
				table('checks/land.csv', CHECK_HEADER, [
					[
						'ratio',
						'ratio',
						'',
						'',
						'{land-cultivated-2023} / {land-garden-2023} * 100',
						'699',
						'0.5'
					]
				])
			],
			stated
		);
		expect(checks[0]).toMatchObject({
			lhs_value: 700,
			rhs_value: 699,
			difference: 1,
			passed: false
		});
	});

	it('keeps a note in both languages and rejects one written in only one', () => {
		const sum = ['sum', '', '', '{land-cultivated-2023} + {land-garden-2023}', '1943', '0.5'];
		const { checks, rejections } = evaluateChecks(
			[
				table('checks/land.csv', CHECK_HEADER, [
					['both', ...sum, 'Whole hectares as printed.', '原文均以整公顷表述。'],
					['english-only', ...sum, 'Whole hectares as printed.', ''],
					['chinese-only', ...sum, '', '原文均以整公顷表述。'],
					['none', ...sum, '', '']
				])
			],
			stated
		);
		expect(checks.map((c) => [c.id, c.notes, c.notes_zh])).toEqual([
			['both', 'Whole hectares as printed.', '原文均以整公顷表述。'],
			['none', null, null]
		]);
		expect(rejections.map(formatRejection)).toEqual([
			'checks/land.csv:3: notes_zh: empty-field: a note is written in both languages: notes (English) and notes_zh',
			'checks/land.csv:4: notes: empty-field: a note is written in both languages: notes (English) and notes_zh'
		]);
	});

	it('rejects an unknown kind and a bad tolerance', () => {
		const { rejections } = evaluateChecks(
			[
				table('checks/land.csv', CHECK_HEADER, [
					['a', 'product', '', '', '1', '1', ''],
					['b', 'equal', '', '', '1', '1', 'abc']
				])
			],
			stated
		);
		expect(rejections.map((r) => r.field)).toEqual(['kind', 'tolerance']);
	});

	it('reports every bad cell of a check row, not only the first', () => {
		const { rejections } = evaluateChecks(
			[table('checks/land.csv', CHECK_HEADER, [['a', 'product', '', '', '{nope}', '1', '1e-3']])],
			stated
		);
		expect(rejections.map((r) => r.field)).toEqual(['kind', 'lhs', 'tolerance']);
	});

	it('reads a tolerance as a plain decimal, absolute or in percent, never negative', () => {
		const read = (tolerance: string) => {
			const { checks, rejections } = evaluateChecks(
				[table('checks/land.csv', CHECK_HEADER, [['a', 'equal', '', '', '100', '101', tolerance]])],
				stated
			);
			return rejections.length ? rejections[0]!.message : checks[0]!.passed;
		};
		expect([read(''), read('1'), read('1%'), read('0.5%')]).toEqual([false, true, true, false]);
		expect(read('-1')).toBe(
			'"-1" is not a plain decimal: it must not be negative (a tolerance is 0.5 or 0.5%)'
		);
		expect(read('1 %')).toBe(
			'"1<U+0020>%" is not a plain decimal: ends with U+0020 (space) (a tolerance is 0.5 or 0.5%)'
		);
		expect(read('Infinity')).toMatch(/not a finite number/);
		expect(read('1\u00a0')).toMatch(/^"1<U\+00A0>" is not a plain decimal/);
	});
});

describe('findDiscrepancies', () => {
	const figure = (over: Partial<FigureRow>): FigureRow =>
		({
			...stated[0]!,
			indicator_id: 'ent-high-tech',
			sector_id: null,
			period: '2023-12-31',
			measure: 'level',
			qualifier: null,
			derived: false,
			...over
		}) as FigureRow;

	it('finds the same quantity stated with two values: 1850 and 1869 high-tech enterprises', () => {
		const found = findDiscrepancies([
			figure({
				id: 'a',
				doc_id: 's21-sme-report',
				value: 1850,
				value_text: '1850',
				base_value: 1850
			}),
			figure({
				id: 'b',
				doc_id: 's21-sme-research',
				value: 1869,
				value_text: '1869',
				base_value: 1869
			})
		]);
		expect(found).toHaveLength(1);
		expect(found[0]!.figures.map((f) => [f.doc_id, f.value])).toEqual([
			['s21-sme-report', 1850],
			['s21-sme-research', 1869]
		]);
	});

	it('lets rounding and bounds agree: 378 公顷 with 5673.5 亩, and 300多 with 310', () => {
		expect(
			findDiscrepancies([
				figure({ id: 'ha', value: 378, value_text: '378', base_value: 378 }),
				figure({ id: 'mu', value: 5673.5, value_text: '5673.5', base_value: 5673.5 / 15 })
			])
		).toEqual([]);
		expect(
			findDiscrepancies([
				figure({ id: 'over', value: 300, value_text: '300', base_value: 300, qualifier: 'over' }),
				figure({ id: 'exact', value: 310, value_text: '310', base_value: 310 })
			])
		).toEqual([]);
	});

	it('raises no discrepancy from a derived value, only from two statements', () => {
		const share = (over: Partial<FigureRow>) =>
			figure({
				indicator_id: 'industry-output-above-scale',
				sector_id: 'industry-key-new-materials',
				period: '2023',
				measure: 'share',
				...over
			});
		expect(
			findDiscrepancies([
				share({ id: 'half', value: 50, value_text: '50', base_value: 50, qualifier: 'about' }),
				share({ id: 'implied', value: 63.14, value_text: '63', base_value: 63.14, derived: true })
			])
		).toEqual([]);
	});

	it('gives a printed value half a unit of its last digit', () => {
		expect(
			statedRange({
				value: 2.8,
				value_text: '2.8',
				qualifier: null,
				base_value: 28000,
				derived: false
			})
		).toEqual([27500, 28500]);
	});
});

describe('disagreeingDerivations', () => {
	/** The district's industrial output in 2023, which no statement gives. */
	const total = (over: Partial<FigureRow>): FigureRow =>
		({
			...stated[0]!,
			indicator_id: 'industry-output-above-scale',
			sector_id: null,
			period: '2023',
			measure: 'level',
			unit: '亿元',
			qualifier: null,
			derived: true,
			...over
		}) as FigureRow;
	// 683亿元 ÷ 四分之一, printed 2700; 1725亿元 ÷ 半壁江山, printed 约3500
	const fromRobotics = total({
		id: 'from-robotics',
		value: 2732,
		value_text: '2700',
		base_value: 273_200_000_000
	});
	const fromMaterials = total({
		id: 'from-materials',
		value: 3450,
		value_text: '3500',
		qualifier: 'about',
		base_value: 345_000_000_000
	});

	it('marks two derived values of one quantity that cannot both be right: 2700 and about 3500亿元', () => {
		expect(disagreeingDerivations([fromRobotics, fromMaterials])).toEqual([
			'from-robotics',
			'from-materials'
		]);
	});

	it('reads a derived value as printed: 2700 (2732) agrees with 2700 (2740), not with 2900', () => {
		const close = { ...fromMaterials, value: 2740, base_value: 274_000_000_000, qualifier: null };
		expect(disagreeingDerivations([fromRobotics, { ...close, value_text: '2700' }])).toEqual([]);
		const far = { ...close, value: 2900, value_text: '2900', base_value: 290_000_000_000 };
		expect(disagreeingDerivations([fromRobotics, far])).toEqual([
			'from-robotics',
			'from-materials'
		]);
	});

	it('leaves derived values alone where a statement gives the quantity, and across bulletins', () => {
		const statement = total({
			id: 'stated',
			value: 2800,
			value_text: '2800',
			base_value: 280_000_000_000,
			derived: false
		});
		expect(disagreeingDerivations([fromRobotics, fromMaterials, statement])).toEqual([]);
		expect(
			disagreeingDerivations([fromRobotics, { ...fromMaterials, bulletin_id: 'later' }])
		).toEqual([]);
	});
});

describe('supportedText', () => {
	it('rounds a computed value to the leading digit of the width it may have', () => {
		// 683亿元 ÷ 四分之一: 2732 ± 55
		expect(supportedText(2732, 55, 3)).toBe('2700');
		// 1725 ÷ 683 × 25%: 63.14 ± 1.3
		expect(supportedText(63.140556369, 1.3, 4)).toBe('63');
		// 1850 ÷ 1.25: 1480 ± 6
		expect(supportedText(1480, 6.3, 4)).toBe('1480');
		expect(supportedText(4.048, 0.135, 3)).toBe('4.0');
	});

	it('keeps two digits at least and never more than the inputs printed', () => {
		expect(supportedText(66.666, 30, 1)).toBe('67');
		expect(supportedText(136.3636, 0.7, 3)).toBe('136');
		expect(supportedText(1943, 0)).toBe('1943');
	});
});
