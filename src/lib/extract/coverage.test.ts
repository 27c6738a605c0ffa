/** The coverage report of the current bulletin, with the explanations in data/coverage. */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset/build.js';
import { extractCandidates } from './candidates.js';
import { coverageReport, coverageRows, explanationsFrom, formatCoverage } from './coverage.js';
import { readCsv } from '../dataset/csv.js';
import { formatRejection } from '../dataset/table.js';
import { bulletinText, manifest, table } from '../dataset/test-context.js';

const dataset = buildDataset('data');
const coverageFile = readCsv(`data/coverage/${manifest.bulletin.id}.csv`);
const { explanations, rejections } = explanationsFrom([coverageFile]);
const extraction = extractCandidates({
	text: bulletinText,
	manifest,
	catalog: dataset.catalog,
	figures: dataset.figures,
	explanations
});
const report = coverageReport(manifest, extraction, dataset.figures);
const doc = (id: string) => report.documents.find((d) => d.doc_id === id)!;

describe('the coverage report of the current bulletin', () => {
	it('leaves no statistical mention unexplained, and no explanation stale', () => {
		expect(coverageFile.problems).toEqual([]);
		expect(rejections).toEqual([]);
		expect(report.problems).toEqual([]);
		expect(report.uncurated.map((c) => `${c.doc.id}: ${c.suggestion.sentence}`)).toEqual([]);
	});

	it('counts per document what was found, curated, explained and set apart', () => {
		const industry = doc('s21-industry-report');
		expect(industry).toMatchObject({ figures: 43, figures_found: 43, uncurated: 0 });
		expect(industry.found).toBe(industry.curated + industry.explained);
		expect(industry.explained).toBe(3);
		expect(industry.set_apart_by).toMatchObject({
			year: expect.any(Number),
			date: expect.any(Number)
		});
		expect(doc('s21-natural-resources-report')).toMatchObject({ figures: 172, figures_found: 172 });
	});

	it('sets apart a deputy’s personal report as out of scope instead of listing it as uncurated', () => {
		const deputy = doc('s20-deputy-tang-jun');
		expect(deputy.found).toBe(0);
		expect(deputy.set_apart_by['out-of-scope']).toBeGreaterThan(10);
	});

	it('finds all 495 curated figures of the bulletin', () => {
		expect(report.totals).toMatchObject({ figures: 495, figures_found: 495, uncurated: 0 });
		expect(report.totals.found).toBe(report.totals.curated + report.totals.explained);
	});

	it('prints one line per document and a total', () => {
		const lines = formatCoverage(report);
		expect(lines).toHaveLength(manifest.documents.length + 1);
		expect(lines.find((l) => l.startsWith('s21-industry-report: '))).toMatch(
			/^s21-industry-report: \d+ statistical: \d+ curated, 3 explained, 0 not curated; \d+ set apart \(.*\); 43\/43 curated figures found$/
		);
		expect(lines.at(-1)).toMatch(/^baoshan-2024-s20-s21 \(39 documents\): /);
	});

	it('gives the data page one row per document', () => {
		const rows = coverageRows([report]);
		expect(rows).toHaveLength(39);
		expect(rows.find((r) => r.doc_id === 's21-industry-report')).toMatchObject({
			bulletin_id: 'baoshan-2024-s20-s21',
			uncurated: 3,
			explained: 3
		});
	});
});

describe('explanationsFrom', () => {
	it('takes a value in words or as a plain decimal, and refuses a number with a hidden space', () => {
		const { explanations: read, rejections: wrong } = explanationsFrom([
			table(
				'data/coverage/x.csv',
				['doc', 'value', 'quote', 'reason', 'notes'],
				[
					['s21-state-assets-opinion', '2', '两个报告在报告范围', 'procedural', ''],
					['s21-state-assets-opinion', '三', '三类国有资产', 'context', ''],
					['s21-state-assets-opinion', '3\u00a0', '三类国有资产', 'context', '']
				]
			)
		]);
		expect(read.map((e) => e.value)).toEqual(['2', '三']);
		expect(wrong.map(formatRejection)).toEqual([
			'data/coverage/x.csv:4: value: bad-number: "3<U+00A0>" is not a plain decimal: ends with U+00A0 (no-break space)'
		]);
	});

	it('rejects an explanation without a reason, naming file and line', () => {
		const { explanations: read, rejections: wrong } = explanationsFrom([
			table(
				'data/coverage/x.csv',
				['doc', 'value', 'quote', 'reason', 'notes'],
				[
					['s21-state-assets-opinion', '2', '两个报告在报告范围', 'procedural', ''],
					['s21-state-assets-opinion', '3', '三类国有资产', '', '']
				]
			)
		]);
		expect(read).toHaveLength(1);
		expect(wrong).toEqual([
			expect.objectContaining({ file: 'data/coverage/x.csv', line: 3, field: 'reason' })
		]);
	});
});
