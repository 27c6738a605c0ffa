import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { daysBetween, periodLength } from '../period-length.js';
import {
	auditPage,
	overPrecise,
	parseLabel,
	printedNumbers,
	type AuditFigure
} from './chart-audit.js';

/** Figures as the bulletin states them (data/figures/industry.csv, land.csv). */
const figure = (id: string, over: Partial<AuditFigure>): AuditFigure => ({
	id,
	indicator_id: 'industry-output-above-scale',
	sector_id: 'industry-key-new-materials',
	area_id: 'baoshan',
	period: '2023',
	period_type: 'year',
	period_start: '2023-01-01',
	period_end: '2023-12-31',
	measure: 'level',
	doc_id: 's21-industry-report',
	value_text: '1725',
	derived: false,
	inputs: null,
	...over
});

const FIGURES = new Map(
	[
		figure('new-materials-2023', {}),
		figure('new-materials-2024q1', {
			period: '2024Q1',
			period_type: 'quarter',
			period_start: '2024-01-01',
			period_end: '2024-03-31',
			value_text: '417.6'
		}),
		figure('sie-share-baoshan', {
			indicator_id: 'industry-output-above-scale',
			sector_id: 'industry-category-strategic-emerging',
			measure: 'share',
			value_text: '30'
		}),
		figure('sie-share-shanghai', {
			sector_id: 'industry-category-strategic-emerging',
			area_id: 'shanghai',
			measure: 'share',
			value_text: '43'
		}),
		figure('land-2023', {
			indicator_id: 'land-area',
			sector_id: null,
			period: '2023-12-31',
			period_type: 'date',
			value_text: '36533'
		}),
		figure('land-change', {
			indicator_id: 'land-area',
			sector_id: null,
			measure: 'change',
			value_text: '38'
		}),
		figure('land-2022', {
			indicator_id: 'land-area',
			sector_id: null,
			period: '2022-12-31',
			period_type: 'date',
			value_text: '36495',
			derived: true,
			inputs: 'land-2023 land-change'
		})
	].map((f) => [f.id, f])
);

/** A chart as ChartFigure and the chart components print it. */
function page(chart: {
	encodes: string;
	unit?: string;
	divisor?: number;
	marks: [figure: string, value: number, x: number, label?: string][];
	summary?: string;
}): Document {
	const marks = chart.marks
		.map(
			([f, v, x, label]) =>
				`<rect data-figure="${f}" data-value="${v}" x="${x}" y="10" width="20" height="50"></rect>` +
				(label ? `<text data-label-for="${f}">${label}</text>` : '')
		)
		.join('');
	const notes = chart.summary ? `<p class="summary">${chart.summary}</p>` : '';
	return parseHTML(
		`<html><body><figure data-chart="c" data-encodes="${chart.encodes}" data-unit="${chart.unit ?? '亿元'}" data-divisor="${chart.divisor ?? 1e8}"><svg>${marks}</svg>${notes}</figure></body></html>`
	).document;
}

const rules = (doc: Document) => auditPage('/p', doc, FIGURES).map((f) => f.rule);

describe('the chart audit', () => {
	it('passes a chart whose marks, labels and periods agree', () => {
		const doc = page({
			encodes: 'sector period',
			marks: [['new-materials-2023', 1725e8, 0, '1725亿元']]
		});
		expect(rules(doc)).toEqual([]);
	});

	it('finds Shanghai drawn as if it were the district: an area the chart does not show', () => {
		const doc = page({
			encodes: 'sector period',
			unit: '%',
			divisor: 1,
			marks: [
				['sie-share-baoshan', 30, 0, '30%'],
				['sie-share-shanghai', 43, 0, '43%']
			]
		});
		const findings = auditPage('/indicators/x', doc, FIGURES);
		expect(findings.map((f) => f.rule).sort()).toEqual(['shared-position', 'unencoded-dimension']);
		expect(findings.find((f) => f.rule === 'unencoded-dimension')?.message).toContain('area');
		expect(findings[0]).toMatchObject({ page: '/indicators/x', chart: 'c' });
	});

	it('finds a label in 万元 under an axis in 亿元', () => {
		const doc = page({
			encodes: 'sector period',
			marks: [['new-materials-2023', 1725e8, 0, '17250000万元']]
		});
		expect(rules(doc)).toEqual(['label-unit']);
	});

	it('finds a label whose number is not its mark’s value', () => {
		const doc = page({
			encodes: 'sector period',
			marks: [['new-materials-2023', 1725e8, 0, '172.5亿元']]
		});
		expect(rules(doc)).toEqual(['label-value']);
	});

	it('reads a qualifier and English units back: over 172.5 billion yuan', () => {
		const doc = page({
			encodes: 'sector period',
			unit: 'billion yuan',
			divisor: 1e9,
			marks: [['new-materials-2023', 1725e8, 0, 'over 172.5 billion yuan']]
		});
		expect(rules(doc)).toEqual([]);
	});

	it('finds a quarter beside a full year on one axis', () => {
		const doc = page({
			encodes: 'sector period',
			marks: [
				['new-materials-2023', 1725e8, 0, '1725亿元'],
				['new-materials-2024q1', 417.6e8, 30, '417.6亿元']
			]
		});
		expect(rules(doc)).toEqual(['mixed-periods']);
	});

	it('finds nine decimals in a summary, and accepts a derived value with its inputs’ digits', () => {
		const land = (summary: string) =>
			page({
				encodes: 'period',
				unit: '公顷',
				divisor: 1,
				marks: [
					['land-2023', 36533, 0, '36533公顷'],
					['land-2022', 36495, 30, '36495公顷']
				],
				summary
			});
		expect(rules(land('相当于全区的63.140556369%。'))).toEqual(['spurious-precision']);
		expect(rules(land('2023年末较上年减少38公顷。'))).toEqual([]);
	});

	it('holds a finding sentence to the figures it names', () => {
		const { document } = parseHTML(
			'<p data-finding data-figures="new-materials-2023">需年均增长13.552%</p><p data-finding data-figures="new-materials-2023">需年均增长13.6%</p>'
		);
		const findings = auditPage('/reports/r', document, FIGURES);
		expect(findings).toHaveLength(1);
		expect(findings[0]!.message).toContain('13.552');
	});

	it('holds a part-to-whole chart’s whole to its own label, not to the parts’ period', () => {
		const { document } = parseHTML(
			`<figure data-chart="c" data-encodes="sector" data-unit="公顷" data-divisor="1"><svg>
			<rect data-figure="land-2023" data-value="36533" x="0"></rect>
			<rect data-figure="new-materials-2024q1" data-value="1" x="5" data-role="whole"></rect>
			</svg></figure>`
		);
		expect(auditPage('/p', document, FIGURES)).toEqual([]);
	});

	it('reports a chart that names no value axis', () => {
		const { document } = parseHTML(
			'<figure data-chart="c" data-encodes="period"><svg><rect data-figure="land-2023" data-value="36533"></rect></svg></figure>'
		);
		expect(auditPage('/p', document, FIGURES).map((f) => f.rule)).toEqual(['contract']);
	});
});

describe('reading printed numbers', () => {
	it('parses a label with its qualifier and unit', () => {
		expect(parseLabel('超过1100亿元')).toEqual({ value: 1100, decimals: -2, unit: '亿元' });
		expect(parseLabel('−38公顷')).toEqual({ value: -38, decimals: 0, unit: '公顷' });
		expect(parseLabel('+17.3 ha')).toEqual({ value: 17.3, decimals: 1, unit: 'ha' });
		expect(parseLabel('约940公顷')).toEqual({ value: 940, decimals: -1, unit: '公顷' });
		expect(parseLabel('28,000 channels')).toEqual({ value: 28000, decimals: -3, unit: 'channels' });
		expect(parseLabel('40.8%（占比）')?.unit).toBe('%');
		expect(parseLabel('n/a')).toBeNull();
	});

	it('leaves out years, quarters, months and page numbers', () => {
		expect(printedNumbers('2023年末为36533公顷，见第8页；Q1 2024: 417.6; 2023: 1.25')).toEqual([
			'36533',
			'417.6',
			'1.25'
		]);
	});

	it('calls a number over-precise only when its extra digits are decimals', () => {
		expect(overPrecise('13.552', ['1725', '1500'])).toBe(true);
		expect(overPrecise('13.6', ['1725', '1500'])).toBe(false);
		expect(overPrecise('18579', ['9123', '9456'])).toBe(false);
	});

	it('measures periods: a quarter, a year, a year’s end, a three-year range', () => {
		const len = (period_type: string, start: string, end: string) =>
			periodLength({ period_type, period_days: daysBetween(start, end) });
		expect(len('quarter', '2024-01-01', '2024-03-31')).toBe('quarter');
		expect(len('date', '2023-12-31', '2023-12-31')).toBe(len('year', '2023-01-01', '2023-12-31'));
		expect(len('range', '2021-01-01', '2023-12-31')).toBe('3 years');
		expect(len('range', '2024-01-01', '2024-05-29')).toBe('150 days');
	});
});
