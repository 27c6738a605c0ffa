/**
 * The real dataset: everything under data/ validates, and the figures representatives quote
 * are what the bulletin says.
 */
import { describe, expect, it } from 'vitest';
import type { FigureRow } from '../data/schema.js';
import { buildDataset } from './build.js';
import { formatRejection } from './table.js';

const dataset = buildDataset('data');
const byId = new Map(dataset.figures.map((f) => [f.id, f]));
const find = (where: Partial<FigureRow>) =>
	dataset.figures.filter((f) =>
		Object.entries(where).every(([k, v]) => f[k as keyof FigureRow] === v)
	);

describe('the curated dataset', () => {
	it('validates without a single rejection', () => {
		expect(dataset.rejections.map(formatRejection)).toEqual([]);
	});

	it('holds several hundred stated figures across all fourteen topics', () => {
		const stated = dataset.figures.filter((f) => !f.derived);
		expect(stated.length).toBeGreaterThan(400);
		expect(new Set(stated.map((f) => f.topic))).toEqual(
			new Set(dataset.catalog.topics.map((t) => t.id))
		);
	});

	it('states new materials output in 2023 as 1725 亿元 with its 2026 target of over 1500 亿元', () => {
		const [output] = find({
			indicator_id: 'industry-output-above-scale',
			sector_id: 'industry-key-new-materials',
			period: '2023',
			measure: 'level'
		});
		expect(output).toMatchObject({
			value: 1725,
			unit: '亿元',
			base_value: 172_500_000_000,
			doc_id: 's21-industry-report'
		});
		const [target] = find({
			indicator_id: 'industry-scale',
			sector_id: 'industry-key-new-materials',
			measure: 'target'
		});
		expect(target).toMatchObject({ value: 1500, unit: '亿元', period: '2026', qualifier: 'over' });
	});

	it('has twelve land classes that sum to 36533 公顷, with derived 2022 values', () => {
		const classes = find({
			indicator_id: 'land-area',
			sector_group: 'land-class',
			period: '2023-12-31',
			derived: false,
			doc_id: 's21-natural-resources-report'
		});
		expect(classes).toHaveLength(12);
		expect(classes.reduce((sum, f) => sum + f.base_value, 0)).toBeCloseTo(36533, 6);
		const cultivated2022 = find({
			indicator_id: 'land-area',
			sector_id: 'land-class-cultivated',
			period: '2022-12-31'
		});
		expect(cultivated2022).toHaveLength(1);
		expect(cultivated2022[0]).toMatchObject({ value: 1738, derived: true });
		expect(cultivated2022[0]!.formula).toContain('1700公顷');
	});

	it('has forest coverage rising from 16.57% to 17.03%', () => {
		const values = find({
			indicator_id: 'forest-coverage',
			measure: 'level',
			doc_id: 's21-natural-resources-report'
		}).map((f) => [f.period, f.value]);
		expect(values).toEqual(
			expect.arrayContaining([
				['2022-12-31', 16.57],
				['2023-12-31', 17.03]
			])
		);
	});

	it('quotes every figure from the document it names', () => {
		for (const f of dataset.figures.filter((x) => !x.derived)) {
			const doc = dataset.manifests[0]!.documents.find((d) => d.id === f.doc_id)!;
			expect(f.quote_start, f.id).toBeGreaterThanOrEqual(doc.start);
			expect(f.quote_end, f.id).toBeLessThanOrEqual(doc.end);
		}
	});

	it('passes the balance-sheet checks and fails the technology-centre sum (5 + 66 + 340 ≠ 401)', () => {
		const check = (id: string) => dataset.checks.find((c) => c.id === id);
		const failed = dataset.checks.filter((c) => !c.passed).map((c) => c.id);
		expect(failed).toContain('enterprises-tech-centres-sum');
		const centres = check('enterprises-tech-centres-sum')!;
		expect([centres.lhs_value, centres.rhs_value]).toEqual([411, 401]);
		const equity = dataset.checks.find(
			(c) =>
				c.figures.some((id) => byId.get(id)?.indicator_id.includes('equity')) &&
				c.kind === 'difference'
		);
		expect(equity?.passed).toBe(true);
	});

	it('finds the discrepancies between documents: video channels 2.8万 vs 2.5万, high-tech enterprises 1850 vs 1869', () => {
		const described = dataset.discrepancies.map((d) =>
			d.figures
				.map((f) => `${f.value}${f.unit}`)
				.sort()
				.join(' vs ')
		);
		expect(described).toEqual(['2.5万路 vs 2.8万路', '1850家 vs 1869家']);
	});

	it('raises no discrepancy from a derived value: new materials’ 半壁江山 against a share implied by robotics’ quarter is a failing check', () => {
		expect(dataset.discrepancies.flatMap((d) => d.figures).filter((f) => f.derived)).toEqual([]);
		expect(byId.get('industry-new-materials-share-implied-2023')).toMatchObject({
			value_text: '63',
			formula: '1725亿元 ÷ 683亿元 × 25% ≈ 63%'
		});
		const total = dataset.checks.find((c) => c.id === 'industry-implied-total-output-2023')!;
		expect(total).toMatchObject({
			passed: false,
			lhs_value: 270_000_000_000,
			rhs_value: 350_000_000_000,
			difference: -70_000_000_000
		});
	});

	it('gives checks and derived figures only the digits the bulletin supports', () => {
		const growth = dataset.checks.find((c) => c.id === 'enterprises-specialised-growth')!;
		expect([growth.lhs_value, growth.rhs_value, growth.difference]).toEqual([136, 137, -1]);
		expect(byId.get('governance-ohc-total-implied-by-cross-membership')?.value_text).toBe('706');
		expect(byId.get('industry-animation-revenue-2023q1')?.formula).toBe(
			'7944万元 ÷ (1 + 15% ÷ 100) ≈ 6910万元'
		);
	});
});
