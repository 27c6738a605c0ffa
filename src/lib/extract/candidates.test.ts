/**
 * The extractor on the real bulletin: it finds every curated figure, marks it curated, and
 * proposes new figures in the curated format.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset/build.js';
import {
	CANDIDATE_COLUMNS,
	candidateRows,
	extractCandidates,
	type Candidate,
	type Explanation
} from './candidates.js';
import { bulletinText, manifest } from '../dataset/test-context.js';
import { FIGURE_FILE_COLUMNS, validateFigures } from '../dataset/validate.js';
import { normalise } from '../text/normalise.js';

const dataset = buildDataset('data');
const stated = dataset.figures.filter((f) => !f.derived);
const extract = (figures = dataset.figures, explanations: Explanation[] = []) =>
	extractCandidates({
		text: bulletinText,
		manifest,
		catalog: dataset.catalog,
		figures,
		explanations
	});
const all = extract();
const at = (candidates: Candidate[], doc: string, value: number, unit: string) =>
	candidates.find((c) => c.doc.id === doc && c.mention.value === value && c.mention.unit === unit)!;

describe('extractCandidates on the current bulletin', () => {
	it('finds every curated figure among its candidates', () => {
		expect(all.problems).toEqual([]);
		const found = new Set(all.candidates.flatMap((c) => c.figures.map((f) => f.id)));
		expect(stated.filter((f) => !found.has(f.id)).map((f) => f.id)).toEqual([]);
		expect(found.size).toBe(stated.length);
	});

	it('marks 新材料 1725亿元 in s21-industry-report curated, filed under industry-output-above-scale', () => {
		const c = at(all.candidates, 's21-industry-report', 1725, '亿元');
		expect(c.status).toBe('curated');
		const [row] = candidateRows([c], dataset.catalog);
		expect(row).toMatchObject({
			indicator: 'industry-output-above-scale',
			sector: 'industry-key-new-materials',
			period: '2023',
			measure: 'level',
			value: '1725',
			unit: '亿元',
			status: 'curated',
			topic: 'industry'
		});
	});

	it('suggests indicator, sector, period and measure for the same figure when it is not curated', () => {
		const without = dataset.figures.filter((f) => f.id !== 'industry-new-materials-output-2023');
		const c = at(extract(without).candidates, 's21-industry-report', 1725, '亿元');
		expect(c.status).toBe('new');
		expect(c.suggestion).toMatchObject({
			indicator: 'industry-output-above-scale',
			sector: 'industry-key-new-materials',
			period: '2023',
			measure: 'level',
			value: '1725',
			unit: '亿元',
			quote: '我区新材料产业规上工业产值1725亿元，'
		});
	});

	it('suggests a change in percent, a share and a target from cue words', () => {
		const fresh = extract(dataset.figures.filter((f) => f.doc_id !== 's21-industry-report'));
		const measure = (value: number, unit: string) =>
			at(fresh.candidates, 's21-industry-report', value, unit).suggestion;
		expect(measure(15, '%')).toMatchObject({ measure: 'change_pct', period: '2024Q1' });
		expect(measure(25, '%')).toMatchObject({ measure: 'share', written: '四分之一' });
		expect(measure(1100, '亿元')).toMatchObject({
			indicator: 'industry-scale',
			measure: 'target',
			period: '2026',
			qualifier: 'over'
		});
	});

	it('writes new candidates in a known unit that validate once copied into data/figures', () => {
		const fresh = extract(dataset.figures.filter((f) => f.doc_id !== 's21-industry-report'));
		const rows = candidateRows(
			fresh.candidates.filter(
				(c) => c.status === 'new' && c.suggestion.indicator && c.mention.knownUnit
			),
			dataset.catalog
		);
		expect(CANDIDATE_COLUMNS.slice(0, FIGURE_FILE_COLUMNS.length)).toEqual([
			...FIGURE_FILE_COLUMNS
		]);
		const file = 'data/figures/industry.csv';
		const { figures, rejections } = validateFigures(
			[
				{
					file,
					header: [...FIGURE_FILE_COLUMNS],
					rows: rows.map((values, i) => ({ file, line: i + 2, values }))
				}
			],
			{
				catalog: dataset.catalog,
				documents: manifest.documents,
				texts: new Map([
					[
						manifest.bulletin.id,
						{ bulletin_id: manifest.bulletin.id, normalised: normalise(bulletinText) }
					]
				])
			}
		);
		expect(rejections).toEqual([]);
		// only candidates filed with confidence carry an indicator; the rest propose a new one
		expect(figures.length).toBeGreaterThan(25);
	});

	it('marks a mention explained by data/coverage and reports an explanation no mention needs', () => {
		const explanation = (value: string, quote: string, line: number): Explanation => ({
			doc: 's21-state-assets-opinion',
			value,
			quote,
			reason: 'procedural',
			notes: '',
			file: 'data/coverage/test.csv',
			line
		});
		const { candidates, problems } = extract(dataset.figures, [
			explanation('2', '两个报告在报告范围和内容上基本符合有关要求', 2),
			explanation('7', '两个报告在报告范围和内容上基本符合有关要求', 3)
		]);
		expect(at(candidates, 's21-state-assets-opinion', 2, '个')).toMatchObject({
			status: 'explained',
			reason: 'procedural'
		});
		expect(problems.map((p) => p.kind)).toEqual(['explanation-unused']);
	});

	it('reports an explanation of a mention that is curated now', () => {
		const { problems } = extract(dataset.figures, [
			{
				doc: 's21-industry-report',
				value: '1725',
				quote: '我区新材料产业规上工业产值1725亿元',
				reason: 'context',
				notes: '',
				file: 'data/coverage/test.csv',
				line: 2
			}
		]);
		expect(problems.map((p) => p.kind)).toEqual(['explanation-curated']);
	});
});
