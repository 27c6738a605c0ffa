import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { daysBetween, periodLength } from '../period-length.js';
import {
	auditPage,
	overPrecise,
	parseLabel,
	parseShare,
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
	base_value: 1725e8,
	area_zh: '宝山区',
	area_en: 'Baoshan District',
	doc_id: 's21-industry-report',
	value_text: '1725',
	derived: false,
	inputs: null,
	disputed: false,
	...over,
	sector_zh: over.sector_id === null ? null : (over.sector_zh ?? '新材料'),
	sector_en: over.sector_id === null ? null : (over.sector_en ?? 'New materials')
});

const FIGURES = new Map(
	[
		figure('new-materials-2023', {}),
		figure('new-materials-2024q1', {
			period: '2024Q1',
			period_type: 'quarter',
			period_start: '2024-01-01',
			period_end: '2024-03-31',
			base_value: 417.6e8,
			value_text: '417.6'
		}),
		figure('sie-share-baoshan', {
			indicator_id: 'industry-output-above-scale',
			sector_id: 'industry-category-strategic-emerging',
			measure: 'share',
			base_value: 30,
			value_text: '30'
		}),
		figure('sie-share-shanghai', {
			sector_id: 'industry-category-strategic-emerging',
			area_id: 'shanghai',
			area_zh: '上海市',
			area_en: 'Shanghai',
			measure: 'share',
			base_value: 43,
			value_text: '43'
		}),
		figure('land-2023', {
			indicator_id: 'land-area',
			sector_id: null,
			period: '2023-12-31',
			period_type: 'date',
			base_value: 36533,
			value_text: '36533'
		}),
		figure('land-change', {
			indicator_id: 'land-area',
			sector_id: null,
			measure: 'change',
			base_value: 38,
			value_text: '38'
		}),
		figure('land-2022', {
			indicator_id: 'land-area',
			sector_id: null,
			period: '2022-12-31',
			period_type: 'date',
			base_value: 36495,
			value_text: '36495',
			derived: true,
			inputs: 'land-2023 land-change'
		}),
		figure('new-materials-target-2026', {
			indicator_id: 'industry-scale-target',
			period: '2026',
			period_start: '2026-01-01',
			period_end: '2026-12-31',
			measure: 'target',
			base_value: 1500e8,
			value_text: '1500'
		}),
		// 683亿元 ÷ 四分之一: the district's output, which new materials' 半壁江山 puts at about 3500
		figure('output-from-robotics', {
			sector_id: null,
			base_value: 2732e8,
			value_text: '2700',
			derived: true,
			disputed: true
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
	/** Title and subtitle; the subtitle names the periods, as panels.ts writes it. */
	heading?: string;
	lang?: string;
	/** A note's markup, after the summary. */
	note?: string;
	title?: string;
}): Document {
	const marks = chart.marks
		.map(
			([f, v, x, label]) =>
				`<rect data-figure="${f}" data-value="${v}" x="${x}" y="10" width="20" height="50"></rect>` +
				(label ? `<text data-label-for="${f}">${label}</text>` : '')
		)
		.join('');
	const notes =
		(chart.summary ? `<p class="summary">${chart.summary}</p>` : '') + (chart.note ?? '');
	const header = `<header><h3>${chart.title ?? '重点产业产值（新材料）'}</h3><p class="subtitle">${chart.heading ?? '亿元 · 2023年'}</p></header>`;
	return parseHTML(
		`<html lang="${chart.lang ?? 'zh-CN'}"><body><figure data-chart="c" data-encodes="${chart.encodes}" data-unit="${chart.unit ?? '亿元'}" data-divisor="${chart.divisor ?? 1e8}">${header}<svg>${marks}</svg>${notes}</figure></body></html>`
	).document;
}

const rules = (doc: Document) => auditPage('/p', doc, FIGURES).map((f) => f.rule);

describe('the chart audit', () => {
	it('finds one sector drawn by its year and named nowhere: 产业规模 of which industry?', () => {
		// industry-scale panels of one key industry were titled 按重点产业 and labelled 2023
		const one = {
			encodes: 'period measure',
			marks: [['new-materials-2023', 1725e8, 0, '1725亿元']] as [string, number, number, string][]
		};
		expect(rules(page({ ...one, title: '规上工业产值：数值（按重点产业）' }))).toEqual([
			'unnamed-constant'
		]);
		expect(rules(page({ ...one, title: '规上工业产值：数值（新材料）' }))).toEqual([]);
		// a chart whose bars are its sectors names the one sector by its bar
		expect(
			rules(page({ ...one, encodes: 'sector period', title: '规上工业产值（按重点产业）' }))
		).toEqual([]);
	});

	it('finds a mark of which the bulletin gives another value, drawn without a note saying so', () => {
		const drawn = { encodes: 'period', marks: [['output-from-robotics', 2732e8, 0, '2700亿元']] };
		const said = (figures: string) =>
			`<p class="note" data-disputed="${figures}">规上工业产值 · 2023年：同一公报另有表述或推算给出不同数值，图中为其一（见数据质量）。</p>`;
		expect(rules(page({ ...drawn } as Parameters<typeof page>[0]))).toEqual(['unsaid-dispute']);
		expect(
			rules(page({ ...drawn, note: said('output-from-robotics') } as Parameters<typeof page>[0]))
		).toEqual([]);
		// an empty note says nothing; a note may not call an undisputed figure disputed
		expect(
			rules(
				page({
					...drawn,
					note: '<p data-disputed="output-from-robotics"></p>'
				} as Parameters<typeof page>[0])
			)
		).toEqual(['unsaid-dispute']);
		expect(
			rules(
				page({
					encodes: 'sector period',
					marks: [['new-materials-2023', 1725e8, 0, '1725亿元']],
					note: said('new-materials-2023')
				})
			)
		).toEqual(['unsaid-dispute']);
	});

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
			marks: [['new-materials-2023', 1725e8, 0, 'over 172.5 billion yuan']],
			heading: 'billion yuan · 2023',
			lang: 'en'
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
			`<figure data-chart="c" data-encodes="sector" data-unit="公顷" data-divisor="1"><header>2023年末</header><svg>
			<rect data-figure="land-2023" data-value="36533" x="0"></rect>
			<rect data-figure="new-materials-2024q1" data-value="1" x="5" data-role="whole"></rect>
			</svg></figure>`
		);
		expect(auditPage('/p', document, FIGURES)).toEqual([]);
	});

	it('reports a chart that names no value axis', () => {
		const { document } = parseHTML(
			'<figure data-chart="c" data-encodes="period"><header>2023年末</header><svg><rect data-figure="land-2023" data-value="36533"></rect></svg></figure>'
		);
		expect(auditPage('/p', document, FIGURES).map((f) => f.rule)).toEqual(['contract']);
	});
});

/** A progress chart as ProgressChart prints it: the value, the target, the share reached. */
function progress(share: string, kind = 'excess', of = 'new-materials-target-2026'): Document {
	return parseHTML(
		`<html lang="zh-CN"><body><figure data-chart="c" data-encodes="indicator period measure" data-unit="亿元" data-divisor="1e8">
		<header><h3>新材料：目标</h3><p class="subtitle">亿元 · 2023年 / 2026年目标</p></header><svg>
		<rect data-figure="new-materials-target-2026" data-value="150000000000" x="0" width="300"></rect>
		<rect data-figure="new-materials-2023" data-value="172500000000" x="0" width="345"></rect>
		<text data-label-for="new-materials-2023" data-label-kind="${kind}" data-share-of="${of}">${share}</text>
		<text><tspan>2023年 <tspan data-label-for="new-materials-2023">1725亿元</tspan></tspan></text>
		</svg></figure></body></html>`
	).document;
}

describe('the chart audit on shares and excesses', () => {
	it('holds a share of target to the marks, to the digits it prints', () => {
		expect(rules(progress('超出目标15%'))).toEqual([]);
		expect(rules(progress('about 15% above target'))).toEqual([]);
		expect(rules(progress('超出目标18%'))).toEqual(['label-share']);
		expect(rules(progress('已达目标的115%', 'share'))).toEqual([]);
		expect(rules(progress('已达目标的87%', 'share'))).toEqual(['label-share']);
	});

	it('reads a share whose whole is no mark, or that prints no percentage, as a broken contract', () => {
		expect(rules(progress('超出目标15%', 'excess', 'land-2023'))).toEqual(['contract']);
		expect(rules(progress('口径不同，仅供参考'))).toEqual(['contract']);
	});

	it('holds a not-itemised rest to the whole minus the parts, and its labels to it', () => {
		const rest = (value: number, label: string, share = '0.1%') =>
			parseHTML(
				`<figure data-chart="c" data-encodes="sector" data-unit="公顷" data-divisor="1"><header>2022年末</header><svg>
				<rect data-figure="land-2023" data-value="36533" x="0" data-role="whole"></rect>
				<rect data-figure="land-2022" data-value="36495" x="1"></rect>
				<rect data-role="remainder" data-value="${value}" x="2"></rect>
				<text data-label-for="remainder">${label}</text>
				<text data-label-for="remainder" data-label-kind="share" data-share-of="land-2023">${share}</text>
				</svg></figure>`
			).document;
		expect(rules(rest(38, '38公顷'))).toEqual([]);
		expect(rules(rest(48, '48公顷'))).toEqual(['label-value']);
		expect(rules(rest(38, '38公顷', '0.3%'))).toEqual(['label-share']);
		expect(rules(rest(38, '83公顷'))).toEqual(['label-value']);
	});
});

describe('the chart audit on constant dimensions', () => {
	const single = (heading: string, lang = 'zh-CN', mark = 'new-materials-2023') =>
		page({ encodes: 'sector', marks: [[mark, 1725e8, 0]], heading, lang });

	it('asks a chart whose marks share one period to name it in its heading', () => {
		expect(rules(single('亿元 · 2023年'))).toEqual([]);
		expect(rules(single('亿元'))).toEqual(['unnamed-constant']);
		expect(rules(single('100 million yuan · 2023', 'en'))).toEqual([]);
		expect(rules(single('100 million yuan · 2023年', 'en'))).toEqual([]);
		expect(rules(single('2024Q1', 'zh-CN', 'new-materials-2024q1'))).toEqual(['unnamed-constant']);
		expect(rules(single('亿元 · 2024年一季度', 'zh-CN', 'new-materials-2024q1'))).toEqual([]);
	});

	it('asks a chart of another area than the district to name it', () => {
		const shanghai = (heading: string) =>
			page({
				encodes: 'sector',
				unit: '%',
				divisor: 1,
				marks: [['sie-share-shanghai', 43, 0, '43%']],
				heading
			});
		expect(rules(shanghai('% · 2023年'))).toEqual(['unnamed-constant']);
		expect(rules(shanghai('上海市 · % · 2023年'))).toEqual([]);
	});
});

describe('the audit of values printed outside charts', () => {
	const table = (cell: string, unit = '亿元', divisor = 1e8) =>
		parseHTML(
			`<table><tr><td class="num" data-label-for="new-materials-2023" data-unit="${unit}" data-divisor="${divisor}">${cell}</td></tr></table>`
		).document;

	it('holds a table of statements to the dataset', () => {
		expect(rules(table('1725亿元'))).toEqual([]);
		expect(rules(table('172.5 billion yuan', 'billion yuan', 1e9))).toEqual([]);
		expect(rules(table('1752亿元'))).toEqual(['label-value']);
		expect(rules(table('1725万元'))).toEqual(['label-unit']);
		expect(rules(table('1725.0亿元'))).toEqual(['spurious-precision']);
	});

	it('holds a share of target printed in a sentence to the figures it names', () => {
		const reached = (text: string) =>
			parseHTML(
				`<li>2023年 1725亿元，<span data-label-for="new-materials-2023" data-label-kind="share" data-share-of="new-materials-target-2026">${text}</span></li>`
			).document;
		expect(rules(reached('已超过目标（115%）'))).toEqual([]);
		expect(rules(reached('已达目标的87%'))).toEqual(['label-share']);
	});

	it('asks a value outside a chart for its unit', () => {
		const { document } = parseHTML('<p data-label-for="new-materials-2023">1725亿元</p>');
		expect(rules(document)).toEqual(['contract']);
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

	it('reads the percentage of a share label', () => {
		expect(parseShare('已达目标的约33%')).toEqual({ value: 33, decimals: 0 });
		expect(parseShare('新材料 23.0%')).toEqual({ value: 23, decimals: 1 });
		expect(parseShare('about 15% above target')).toEqual({ value: 15, decimals: 0 });
		expect(parseShare('尚无现值')).toBeNull();
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
