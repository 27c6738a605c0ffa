/**
 * How to file a mention: the indicator and sector whose names (and whose curated examples'
 * wording) are closest to the words before the number, the period from dates in the sentence,
 * the measure from cue words (增长 → change, 占 → share, 到2026年 → target).
 */
import type {
	Catalog,
	DocumentEntry,
	FigureRow,
	Indicator,
	Measure,
	Qualifier
} from '../data/schema.js';
import type { Mention } from './mentions.js';
import { fold, type Span } from '../text/normalise.js';
import { clauseAt, isHeadingLine, readable, sentenceAt } from '../text/sentences.js';

export interface Suggestion {
	indicator: string;
	sector: string;
	area: string;
	period: string;
	measure: Measure;
	/** Signed: a decrease (减少, 下降) is negative. */
	value: string;
	unit: string;
	qualifier: Qualifier | '';
	written: string;
	quote: string;
	/** Where the quote lies in the text. */
	quoteSpan: Span;
	sentence: string;
}

type Bigrams = Set<string>;

export function bigrams(s: string): Bigrams {
	const clean = fold(s).replace(/[\d.%,，。；：、“”"'()（）\-+/]/g, '');
	const set = new Set<string>();
	for (let i = 0; i + 1 < clean.length; i++) set.add(clean.slice(i, i + 2));
	if (clean.length === 1) set.add(clean);
	return set;
}

function overlap(a: Bigrams, b: Bigrams): number {
	let n = 0;
	for (const x of a) if (b.has(x)) n++;
	return n;
}

/** How many of `name`'s bigrams occur in `context`, as a share of `name`'s. */
export function coverage(name: Bigrams, context: Bigrams): number {
	return name.size ? overlap(name, context) / name.size : 0;
}

function dice(a: Bigrams, b: Bigrams): number {
	return a.size + b.size ? (2 * overlap(a, b)) / (a.size + b.size) : 0;
}

export interface Suggester {
	suggest(m: Mention, text: string, doc: DocumentEntry): Suggestion;
}

interface Example {
	figure: FigureRow;
	words: Bigrams;
}

/** Least context a quote needs before its number, in characters, before it takes in the clause before. */
const MIN_LEAD = 6;

/** The quote for a mention: its clause, with clauses before it until the number has context. */
export function quoteSpan(text: string, m: Mention, limits: Span): Span {
	const sentence = sentenceAt(text, m.start, limits);
	const clause = clauseAt(text, m.start, limits);
	let start = clause.start;
	while (fold(text.slice(start, m.start)).length < MIN_LEAD && start > sentence.start) {
		// step back over a page break to the punctuation that closed the clause before
		let end = start - 1;
		while (end > sentence.start && /\s/.test(text[end]!)) end--;
		const previous = clauseAt(text, Math.max(sentence.start, end - 1), limits).start;
		if (previous >= start) break;
		start = previous;
	}
	return { start: Math.max(start, sentence.start), end: Math.max(clause.end, m.end) };
}

const CHANGE_UP = /(增长|增加|提高|提升|上升|增幅|新增|净增|增长率|增速)[了约为达到至超过近逾]*$/;
const CHANGE_DOWN = /(减少|下降|降低|压降|缩减|减幅)[了约为达到至近]*$/;
const SHARE = /(占|比重|份额)/;
const TARGET = /(到|至|于)\d{4}年|力争|目标|计划|预计|将达|确保/;

interface DateCue {
	period: string;
	target: boolean;
	/** 截至2023年底: a stock's date; a flow in the same sentence covers the year. */
	yearEnd?: boolean;
}

/**
 * The date expression nearest before the number in `b`, or null. A goal year (到2026年)
 * wins wherever it stands; `paragraph` cues are only years and year ends, since a quarter or
 * "今年以来" rarely carries past its sentence.
 */
function dateCue(
	b: string,
	meeting: { year: number; date: string; anchor: number },
	paragraph = false
): DateCue | null {
	const target = /(?:到|至)(\d{4})年/.exec(b) ?? /(\d{4})年(?:前|底前)/.exec(b);
	if (!paragraph && target && Number(target[1]) >= meeting.year)
		return { period: target[1]!, target: true };
	const found: { start: number; at: number; cue: DateCue }[] = [];
	const each = (re: RegExp, make: (m: RegExpMatchArray) => DateCue | null) => {
		for (const m of b.matchAll(re)) {
			const cue = make(m);
			if (cue) found.push({ start: m.index!, at: m.index! + m[0].length, cue });
		}
	};
	each(/(\d{4})(?:年)?[-~至到](\d{4})年/g, (m) => ({ period: `${m[1]}..${m[2]}`, target: false }));
	each(/(\d{4})年(?:度)?(?!\d|[-~至到]\d)/g, (m) =>
		paragraph && Number(m[1]) > meeting.year ? null : { period: m[1]!, target: false }
	);
	each(/(\d{4})年(?:底|末)/g, (m) => ({ period: `${m[1]}-12-31`, target: false, yearEnd: true }));
	if (!paragraph) {
		each(/(\d{4})年(\d{1,2})月(?!\d{1,2}日)/g, (m) => ({
			period: `${m[1]}-${m[2]!.padStart(2, '0')}`,
			target: false
		}));
		each(/(今年)?(?:第)?([一二三四])季度/g, (m) => {
			const years = [...b.slice(0, m.index).matchAll(/(\d{4})年/g)];
			const year = m[1] ? meeting.year : (years.at(-1)?.[1] ?? meeting.year);
			return { period: `${year}Q${'一二三四'.indexOf(m[2]!) + 1}`, target: false };
		});
		each(/今年以来|年初以来/g, () => ({
			period: `${meeting.year}-01-01..${meeting.date}`,
			target: false
		}));
		each(/近三年|三年来/g, () => ({
			period: `${meeting.year - 3}..${meeting.year - 1}`,
			target: false
		}));
		// 上年末, 本年度: relative to the latest year named before them, else the report's year
		const anchor = (at: number) =>
			Number([...b.slice(0, at).matchAll(/(\d{4})年/g)].at(-1)?.[1] ?? meeting.anchor);
		each(/(?<![较比与同])上年(?:末|底)/g, (m) => ({
			period: `${anchor(m.index!) - 1}-12-31`,
			target: false,
			yearEnd: true
		}));
		each(/本年(?:末|底)/g, (m) => ({
			period: `${anchor(m.index!)}-12-31`,
			target: false,
			yearEnd: true
		}));
		each(/(?<![较比与同])上年度?(?!度?同期|[末底])/g, (m) => ({
			period: String(anchor(m.index!) - 1),
			target: false
		}));
		each(/本年度?(?![末底])/g, (m) => ({ period: String(anchor(m.index!)), target: false }));
		each(/去年/g, () => ({ period: String(meeting.year - 1), target: false }));
	}
	// 2019年至2023年 also ends in the year 2023: at the same end, the longer expression wins
	found.sort((x, y) => x.at - y.at || y.start - x.start);
	return found.at(-1)?.cue ?? null;
}

/**
 * The period the text puts a mention in: a date before the number in its sentence, else the
 * latest one earlier in its paragraph, else the year a report's title names (2023 年度), else
 * the meeting date (a count as of the report).
 */
export function suggestPeriod(
	texts: { sentenceBefore: string; paragraphBefore: string },
	doc: Pick<DocumentEntry, 'meeting_date' | 'title'>
): DateCue {
	const meetingYear = Number(doc.meeting_date.slice(0, 4)) || new Date().getUTCFullYear();
	const titleYear = /(\d{4})\s*年度/.exec(doc.title)?.[1];
	const paragraph = fold(texts.paragraphBefore);
	const named = [...paragraph.matchAll(/(\d{4})年/g)].at(-1)?.[1];
	const meeting = {
		year: meetingYear,
		date: doc.meeting_date,
		anchor: Number(named ?? titleYear ?? meetingYear)
	};
	const b = fold(texts.sentenceBefore);
	const cue = dateCue(b, meeting) ?? dateCue(paragraph, meeting, true);
	if (cue)
		return { ...cue, target: cue.target || (TARGET.test(b) && Number(cue.period) > meetingYear) };
	if (titleYear) return { period: titleYear, target: false };
	return { period: doc.meeting_date, target: TARGET.test(b) };
}

/** Where the paragraph holding `at` starts: the line after the nearest heading, at most `reach` back. */
function paragraphStart(text: string, at: number, floor: number, reach = 600): number {
	let line = text.lastIndexOf('\n', at - 1);
	while (line > floor && line > at - reach) {
		const previous = text.lastIndexOf('\n', line - 1);
		const content = text.slice(previous + 1, line).trim();
		if (isHeadingLine(content)) return line + 1;
		line = previous;
	}
	return Math.max(floor, at - reach);
}

/** Build a suggester from the catalogue and the figures already curated (as examples). */
export function createSuggester(catalog: Catalog, examples: readonly FigureRow[]): Suggester {
	const unitKind = new Map(catalog.units.map((u) => [u.unit, u.kind]));
	const examplesOf = (id: string) => byIndicator.get(id) ?? [];
	// 新增森林面积（造林）: the words in brackets qualify the name but are rarely printed
	const names = catalog.indicators.map((i) => ({
		indicator: i,
		words: bigrams(i.zh.replace(/（[^）]*）|\([^)]*\)/g, ''))
	}));
	const byIndicator = new Map<string, Example[]>();
	const measures = new Map<string, Map<Measure, number>>();
	const groups = new Map<string, Set<string>>();
	for (const f of examples) {
		const list = byIndicator.get(f.indicator_id) ?? [];
		list.push({ figure: f, words: bigrams(f.quote) });
		byIndicator.set(f.indicator_id, list);
		const counts = measures.get(f.indicator_id) ?? new Map<Measure, number>();
		counts.set(f.measure, (counts.get(f.measure) ?? 0) + 1);
		measures.set(f.indicator_id, counts);
		if (f.sector_group) {
			const set = groups.get(f.indicator_id) ?? new Set<string>();
			set.add(f.sector_group);
			groups.set(f.indicator_id, set);
		}
	}
	const sectors = catalog.sectors.map((s) => ({
		sector: s,
		// 生物医药及合成生物 is written 生物医药 too: any part before 及/和 names it
		names: [s.zh, ...s.zh.split(/[及和、]/).filter((p) => p.length >= 2 && p !== s.zh)].map(fold)
	}));

	/**
	 * The words right around the number (the last few before it, the noun after its unit) weigh
	 * most; the rest of the quote and the curated examples' wording break ties.
	 */
	function bestIndicator(
		near: Bigrams,
		far: Bigrams,
		kinds: readonly string[] | null
	): Indicator | null {
		let best: Indicator | null = null;
		let bestScore = 0.2;
		for (const { indicator, words } of names) {
			if (kinds && !kinds.includes(indicator.unit_kind)) continue;
			const examples = examplesOf(indicator.id);
			const fromExamples = Math.max(0, ...examples.map((e) => dice(e.words, far)));
			// a longer name found whole is more specific than a shorter one
			const score =
				3 * coverage(words, near) +
				0.1 * overlap(words, near) +
				coverage(words, far) +
				fromExamples;
			if (score > bestScore) {
				best = indicator;
				bestScore = score;
			}
		}
		return best;
	}

	function bestSector(before: string, indicator: Indicator | null): string {
		// the groups the indicator's examples use, else the groups of its topic
		const allowed =
			indicator &&
			(groups.get(indicator.id) ??
				new Set(
					catalog.groups.filter((g) => g.id.startsWith(`${indicator.topic}-`)).map((g) => g.id)
				));
		if (!allowed) return '';
		const b = fold(before);
		let best = '';
		let at = -1;
		let length = 0;
		for (const { sector, names: variants } of sectors) {
			if (!allowed.has(sector.group)) continue;
			for (const name of variants) {
				const i = b.lastIndexOf(name);
				if (i > at || (i === at && i >= 0 && name.length > length)) {
					best = sector.id;
					at = i;
					length = name.length;
				}
			}
		}
		return best;
	}

	return {
		suggest(m, text, doc) {
			const limits = { start: doc.start, end: doc.end };
			const sentenceSpan = sentenceAt(text, m.start, limits);
			const span = quoteSpan(text, m, limits);
			const quote = readable(text.slice(span.start, span.end));
			const before = text.slice(span.start, m.start);
			const sentenceBefore = text.slice(sentenceSpan.start, m.start);
			const clauseAfter = text.slice(m.end, clauseAt(text, m.start, limits).end);
			const near = fold(text.slice(Math.max(span.start, m.start - 8), m.start));
			const changeCue = CHANGE_UP.test(near) || CHANGE_DOWN.test(near);
			// 同比增长 25%: a change in percent of whatever the clause counts, in any unit
			const subject = changeCue
				? fold(before).replace(
						/(同比|较上年度?)?[增减下降提高上升长加少率幅了约为达到至超过近逾]*$/,
						''
					)
				: fold(before);
			const after = fold(clauseAfter).slice(fold(m.unit).length, fold(m.unit).length + 8);
			const kind = m.unit ? unitKind.get(m.unit) : undefined;
			const kinds = changeCue && m.unit === '%' ? null : kind ? [kind] : null;
			const indicator = bestIndicator(
				bigrams(subject.slice(-14) + after),
				bigrams(subject + after),
				kinds
			);
			const cue = suggestPeriod(
				{
					sentenceBefore,
					paragraphBefore: text.slice(
						paragraphStart(text, sentenceSpan.start, doc.start),
						sentenceSpan.start
					)
				},
				doc
			);
			const target = cue.target;
			const down = CHANGE_DOWN.test(near);
			let measure: Measure;
			if (target) measure = 'target';
			else if (down || CHANGE_UP.test(near))
				// a rate that rises by 0.46% rises by points: a change, not a change in percent
				measure = m.unit === '%' && indicator?.unit_kind !== 'percent' ? 'change_pct' : 'change';
			else if (m.unit === '%' && SHARE.test(fold(before))) measure = 'share';
			else {
				const counts = indicator ? measures.get(indicator.id) : undefined;
				const common = counts && [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
				measure =
					common && common !== 'change' && common !== 'change_pct' && common !== 'target'
						? common
						: 'level';
			}
			const area = /全市|本市/.test(fold(before).slice(-12))
				? 'shanghai'
				: /全国/.test(fold(before).slice(-12))
					? 'china'
					: '';
			let period = cue.period;
			const meetingYear = Number(doc.meeting_date.slice(0, 4));
			const flow =
				measure === 'change' ||
				measure === 'change_pct' ||
				/新增|增加|减少/.test(fold(text.slice(clauseAt(text, m.start, limits).start, m.start)));
			if (cue.yearEnd && flow) period = period.slice(0, 4);
			else if (
				/^\d{4}$/.test(period) &&
				Number(period) < meetingYear &&
				measure === 'level' &&
				indicator
			) {
				// a stock (coverage, land, enterprises) is stated as of the year's end when its
				// examples always are, or mostly are and the sentence counts a total
				const levels = examplesOf(indicator.id).filter((e) => e.figure.measure === 'level');
				const dated = levels.filter((e) => e.figure.period_type === 'date').length;
				const total = /总数|共有|现有|累计|总量/.test(fold(sentenceBefore));
				if (levels.length && (dated >= 0.8 * levels.length || (dated * 2 > levels.length && total)))
					period = `${period}-12-31`;
			}
			return {
				indicator: indicator?.id ?? '',
				sector: bestSector(before, indicator),
				area,
				period,
				measure,
				value:
					(down ? '-' : '') +
					(m.kind === 'number' || m.kind === 'range' ? m.text.split('-')[0] : String(m.value)),
				unit: m.unit,
				qualifier: m.qualifier ?? '',
				written: m.written ?? '',
				quote,
				quoteSpan: span,
				sentence: readable(text.slice(sentenceSpan.start, sentenceSpan.end))
			};
		}
	};
}
