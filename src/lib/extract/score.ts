/**
 * Measuring the extractor against answers: for each statistical number a person expects its
 * value, unit, period and measure; for each number that is no statistic, that it is set apart.
 * A proposed candidate that answers no expected figure counts against precision.
 */
import { fold, normalise } from '../text/normalise.js';
import type { Candidate } from './candidates.js';

export interface Answer {
	/** Where the number stands: the first occurrence after the previous answer of this text. */
	at: string;
	value: number;
	unit: string;
	/** '' when the text leaves the period open (the candidate must say so, not guess). */
	period: string;
	measure: string;
	/** The reason a number is no statistic; '' for a figure. */
	setApart: string;
	/** A statistic nobody filed (explained in data/coverage): neither right nor wrong. */
	neutral?: boolean;
	start: number;
	end: number;
}

export const LEVELS = ['value', 'value+unit', 'value+unit+period', 'measure'] as const;
export type Level = (typeof LEVELS)[number];

export interface Score {
	expected: number;
	proposed: number;
	/** Correct proposals at each level. */
	correct: Record<Level, number>;
	/** Numbers to set apart that were set apart. */
	setApart: { expected: number; right: number };
	misses: Answer[];
	/** Proposed candidates that answer no expected figure. */
	extra: Candidate[];
	/** Matched candidates whose unit, period or measure is wrong, with what was expected. */
	wrong: { candidate: Candidate; answer: Answer; fields: string[] }[];
}

export interface AnswerProblem {
	line: number;
	message: string;
}

const NUMBER = /\d+(?:\.\d+)?/;

/**
 * Answers from CSV (`at,value,unit,period,measure,set_apart`, no field holds a comma), placed
 * in `text` in order: each `at` is looked for after the previous one, spaces and full-width
 * forms ignored, and its first number is the value unless `value` says otherwise.
 */
export function readAnswers(
	csv: string,
	text: string
): { answers: Answer[]; problems: AnswerProblem[] } {
	const haystack = normalise(text);
	const answers: Answer[] = [];
	const problems: AnswerProblem[] = [];
	let cursor = 0;
	csv
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.forEach((line, i) => {
			if (i === 0 || line.trim() === '') return;
			const [at = '', value = '', unit = '', period = '', measure = '', setApart = ''] =
				line.split(',');
			const needle = fold(at);
			const found = haystack.text.indexOf(needle, cursor);
			// a number set apart may be written in words (一、, 三次产业): the whole of `at` is it
			const number = NUMBER.exec(needle) ?? (setApart ? { 0: needle, index: 0 } : null);
			if (found < 0 || !number || needle === '') {
				problems.push({ line: i + 1, message: `"${at}" not found after the previous answer` });
				return;
			}
			const from = found + number.index;
			cursor = found + 1;
			answers.push({
				at,
				value: value === '' ? Number(number[0]) : Number(value),
				unit,
				period,
				measure,
				setApart,
				start: haystack.offsets[from]!,
				end: haystack.offsets[from + number[0].length - 1]! + 1
			});
		});
	return { answers, problems };
}

const proposedStatuses = new Set(['new', 'curated', 'explained']);

/** Score candidates (of one text) against its answers. */
export function scoreCandidates(
	candidates: readonly Candidate[],
	answers: readonly Answer[]
): Score {
	const figures = answers.filter((a) => !a.setApart && !a.neutral);
	const neutral = answers.filter((a) => a.neutral);
	const overlaps = (a: Answer, c: Candidate) => a.start < c.mention.end && a.end > c.mention.start;
	const proposed = candidates.filter(
		(c) =>
			proposedStatuses.has(c.status) &&
			!neutral.some((a) => overlaps(a, c) && (a.value === c.mention.value || a.value === -1))
	);
	const correct: Record<Level, number> = {
		value: 0,
		'value+unit': 0,
		'value+unit+period': 0,
		measure: 0
	};
	const used = new Set<Answer>();
	const extra: Candidate[] = [];
	const wrong: Score['wrong'] = [];
	for (const c of proposed) {
		const m = c.mention;
		const s = c.suggestion;
		const answer = figures.find(
			(a) =>
				!used.has(a) &&
				a.start < m.end &&
				a.end > m.start &&
				(Math.abs(Number(s.value)) === a.value || m.value === a.value || m.to === a.value)
		);
		if (!answer) {
			extra.push(c);
			continue;
		}
		used.add(answer);
		correct.value++;
		const unit = s.unit === answer.unit;
		const period = s.period === answer.period;
		const measure = s.measure === answer.measure;
		if (unit) correct['value+unit']++;
		if (unit && period) correct['value+unit+period']++;
		if (measure) correct.measure++;
		const fields = [
			unit ? '' : `unit ${s.unit || '∅'}≠${answer.unit}`,
			period ? '' : `period ${s.period || '∅'}≠${answer.period || '∅'}`,
			measure ? '' : `measure ${s.measure}≠${answer.measure}`
		].filter(Boolean);
		if (fields.length) wrong.push({ candidate: c, answer, fields });
	}
	const apart = answers.filter((a) => a.setApart);
	const right = apart.filter(
		(a) => !proposed.some((c) => a.start < c.mention.end && a.end > c.mention.start)
	).length;
	return {
		expected: figures.length,
		proposed: proposed.length,
		correct,
		setApart: { expected: apart.length, right },
		misses: figures.filter((a) => !used.has(a)),
		extra,
		wrong
	};
}

export function precision(s: Score, level: Level): number {
	return s.proposed ? s.correct[level] / s.proposed : s.expected ? 0 : 1;
}

export function recall(s: Score, level: Level): number {
	return s.expected ? s.correct[level] / s.expected : 1;
}

/** Several scores as one (sums, not an average of ratios). */
export function totalScore(scores: readonly Score[]): Score {
	const total: Score = {
		expected: 0,
		proposed: 0,
		correct: { value: 0, 'value+unit': 0, 'value+unit+period': 0, measure: 0 },
		setApart: { expected: 0, right: 0 },
		misses: [],
		extra: [],
		wrong: []
	};
	for (const s of scores) {
		total.expected += s.expected;
		total.proposed += s.proposed;
		for (const level of LEVELS) total.correct[level] += s.correct[level];
		total.setApart.expected += s.setApart.expected;
		total.setApart.right += s.setApart.right;
		total.misses.push(...s.misses);
		total.extra.push(...s.extra);
		total.wrong.push(...s.wrong);
	}
	return total;
}

const pct = (x: number) => x.toFixed(2);

/** One line: P/R at each level, then set-apart. */
export function formatScore(name: string, s: Score): string {
	const levels = LEVELS.map((l) => `${l} P ${pct(precision(s, l))} R ${pct(recall(s, l))}`);
	return `${name}: ${s.expected} expected, ${s.proposed} proposed; ${levels.join(' · ')}; set apart ${s.setApart.right}/${s.setApart.expected}`;
}

/**
 * What a fixture must reach: every statistic found and nothing else proposed (value), and
 * value, unit and period right for most. The total over all fixtures must reach more.
 */
export const THRESHOLDS: {
	level: Level;
	kind: 'precision' | 'recall';
	each: number;
	total: number;
}[] = [
	{ level: 'value', kind: 'precision', each: 0.95, total: 0.95 },
	{ level: 'value', kind: 'recall', each: 0.95, total: 0.95 },
	{ level: 'value+unit+period', kind: 'precision', each: 0.8, total: 0.9 },
	{ level: 'value+unit+period', kind: 'recall', each: 0.8, total: 0.9 }
];

/** Where a score falls short of the thresholds (`each` for one text, `total` for all), as words. */
export function shortfalls(score: Score, which: 'each' | 'total' = 'each'): string[] {
	return THRESHOLDS.filter(
		(t) => (t.kind === 'precision' ? precision(score, t.level) : recall(score, t.level)) < t[which]
	).map((t) => `${t.level} ${t.kind} below ${t[which]}`);
}
