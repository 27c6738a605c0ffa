import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset/build.js';
import { readAsNew } from './read.js';
import {
	readAnswers,
	recall,
	precision,
	scoreCandidates,
	shortfalls,
	totalScore
} from './score.js';

const DIR = 'tests/fixtures/documents';
const dataset = buildDataset('data');
const names = readdirSync(DIR)
	.filter((f) => f.endsWith('.txt'))
	.map((f) => f.replace(/\.txt$/, ''));

function scored(name: string) {
	const text = readFileSync(`${DIR}/${name}.txt`, 'utf8');
	const { answers, problems } = readAnswers(
		readFileSync(`${DIR}/${name}.answers.csv`, 'utf8'),
		text
	);
	const read = readAsNew(text, {
		id: name,
		file: `${name}.txt`,
		catalog: dataset.catalog,
		examples: dataset.figures
	});
	return { score: scoreCandidates(read.candidates, answers), problems, read };
}

describe('the extractor on documents it has never seen', () => {
	const results = new Map(names.map((name) => [name, scored(name)]));

	it.each(names)('reads %s to its thresholds of precision and recall', (name) => {
		const { score, problems, read } = results.get(name)!;
		expect(problems).toEqual([]);
		expect(read.problems).toEqual([]);
		expect(read.documents).toBeGreaterThan(0);
		expect(shortfalls(score)).toEqual([]);
	});

	it('reaches the thresholds over all ten fixtures together', () => {
		expect(names).toHaveLength(10);
		const total = totalScore([...results.values()].map((r) => r.score));
		expect(shortfalls(total, 'total')).toEqual([]);
		expect(total.setApart.right).toBe(total.setApart.expected);
	});
});

describe('readAnswers and scoreCandidates', () => {
	const text = '2024年，全区企业12家，比上年增加2家。';
	const csv = 'at,value,unit,period,measure,set_apart\n12,,家,2024,level,\n2家,,家,2024,change,\n';

	it('places each answer after the one before it', () => {
		const { answers, problems } = readAnswers(csv, text);
		expect(problems).toEqual([]);
		expect(answers.map((a) => text.slice(a.start, a.end))).toEqual(['12', '2']);
	});

	it('names an answer it cannot place', () => {
		expect(readAnswers('at\n13家\n', text).problems).toEqual([
			{ line: 2, message: '"13家" not found after the previous answer' }
		]);
	});

	it('counts a proposal that answers nothing against precision, never recall', () => {
		const { answers } = readAnswers(csv, text);
		const read = readAsNew(text, {
			id: 't',
			file: 't.txt',
			catalog: dataset.catalog,
			examples: []
		});
		const score = scoreCandidates(read.candidates, answers.slice(0, 1));
		expect(recall(score, 'value')).toBe(1);
		expect(precision(score, 'value')).toBe(0.5);
	});
});
