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
import { documentFacts } from './headings.js';
import { fromToTail, resolvePeriod, type DocumentTime } from './periods.js';
import { tableCell } from './tables.js';

export interface Suggestion {
	/** '' when no catalogue indicator is named confidently enough. */
	indicator: string;
	/** How sure the filing under `indicator` is, 0–1. */
	confidence: number;
	/** The indicator id, or `new:<words>` naming the new indicator the number seems to need. */
	proposal: string;
	/** Why the period is left open, or ''. */
	periodNote: string;
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

// 增加到, 下降至 name the new level, not the change
const CHANGE_UP =
	/(增长|增加|提高|提升|上升|增幅|新增|净增|增长率|增速|加快|扩大)(?:了|约|为|达到|达|超过|近|逾)*$/;
const CHANGE_DOWN = /(减少|下降|降低|压降|缩减|减幅|回落|放缓|收窄)(?:了|约|为|达到|达|近)*$/;
const SHARE = /(占|比重|份额|比例)/;
/** 为调整预算的101.2%, 完成年度目标的52%: a part of a whole named before it. */
const PART_OF = /(?:为|是|达|完成)[^，。；,;]{1,16}的$/;
/** Counting what was done in a period (新认定86家, 解决诉求2350件), not a stock. */
const DONE =
	/(新增|新建|新认定|认定|完成|开展|组织|举办|召开|解决|办理|受理|办结|培育|引进|发放|惠及|提供|走访|改扩建|新开工|竣工|淘汰|查处|检查|培训|服务|出生|死亡|推出|创建|招录|获评|落实|推送|发现|处置|预警|研究|指导|帮助|推动|实施|修订|开通|建成|上线|签约|吸引|帮扶|调解|审结|立案|收到|收集|答复|派单|评选|表彰|制定|出台|发布|举行|接待|调研|视察)[^，。；,;]{0,14}$/;
/** 累计建成, 已完成: what has been done so far is a total standing now, a level. */
const SO_FAR = /累计|已完成|已建成|已有|目前已/;
/** Units that count events: a number of them is a count over a period, never a stock. */
const EVENT_UNIT = /^万?(?:次|场|起|件|人次|家次|户次|艘次|批次|架次|宗)$/;
/** Words that state a stock (共有, 现有): what is there, not what was done. */
const STOCK = /共有|现有|拥有|集聚|总数|总量|保有|实有|在册|在校|常住|户籍/;

/** Below this confidence a candidate proposes a new indicator instead of filing under one. */
export const CONFIDENT = 0.4;

/** The words naming what a number counts: its clause before it, without dates, verbs and fillers. */
export function newName(before: string): string {
	return fold(before)
		.replace(/.*[，。；,;：:]/, '')
		.replace(
			/\d{4}年(?:度|底|末)?|截至[^，,]*?[底末]|(?:今|去|上|本)年(?:度|末|底)?|全年|年末|[上下]半年|[一二三四]季度|\d+[-~至]\d+月|\d+月(?:份|当月|末|底)?/g,
			''
		)
		.replace(/^(?:其中|全区|全市|共有|共|现有|累计|分产业看|另外|此外|实现|完成)+/, '')
		.replace(
			/(?:比上年末?|较上年末?|比去年同期|同比|比年初|较年初|比|较)?(?:为|达到|达|实现|完成|是|共有|有|约|超过|增长|增加|下降|减少|提高|上升|下降到|占[^，,]*的|的)+$/,
			''
		)
		.replace(/[\d.%()（）"“”、]/g, '')
		.replace(/^(?:比|较|同比|与)$/, '')
		.slice(-12);
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
	const sectorNames = new Map<string, string[]>();
	const sectors = catalog.sectors.map((s) => ({
		sector: s,
		// 生物医药及合成生物 is written 生物医药 too: any part before 及/和 names it
		names: [s.zh, ...s.zh.split(/[及和、]/).filter((p) => p.length >= 2 && p !== s.zh)].map(fold)
	}));
	for (const { sector, names } of sectors) sectorNames.set(sector.id, names);

	/**
	 * The words right around the number (the last few before it, the noun after its unit) weigh
	 * most; the rest of the quote and the curated examples' wording break ties.
	 */
	function bestIndicator(
		near: Bigrams,
		far: Bigrams,
		kinds: readonly string[] | null
	): { indicator: Indicator | null; confidence: number } {
		let best: Indicator | null = null;
		let bestScore = 0.2;
		let confidence = 0;
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
				// how much of the name stands right before the number, backed by the wider quote
				// and by curated wording; 1 when the whole name is there and examples agree
				confidence = Math.min(
					1,
					0.6 * coverage(words, near) + 0.2 * coverage(words, far) + 0.2 * fromExamples
				);
			}
		}
		return { indicator: best, confidence: Number(confidence.toFixed(2)) };
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

	const times = new Map<string, DocumentTime>();
	/** The document's own date and the year it reports on; a document naming no date takes the date of the one before it. */
	function timeOf(text: string, doc: DocumentEntry): DocumentTime {
		const known = times.get(doc.id);
		if (known) return known;
		const facts = documentFacts(doc.title, text.slice(doc.start, doc.end));
		const previous = [...times.values()].at(-1);
		const time = {
			date: doc.meeting_date || facts.meetingDate || facts.issued || previous?.date || '',
			reportYear: facts.reportYear
		};
		times.set(doc.id, time);
		return time;
	}

	return {
		suggest(m, text, doc) {
			const limits = { start: doc.start, end: doc.end };
			const sentenceSpan = sentenceAt(text, m.start, limits);
			const span = quoteSpan(text, m, limits);
			const quote = readable(text.slice(span.start, span.end));
			const before = text.slice(span.start, m.start);
			const sentenceBefore = text.slice(sentenceSpan.start, m.start);
			const clause = clauseAt(text, m.start, limits);
			const clauseAfter = text.slice(m.end, clause.end);
			const near = fold(text.slice(Math.max(span.start, m.start - 8), m.start));
			const fromTo = fromToTail(sentenceBefore) !== null;
			const points = /百分点$/.test(m.unit);
			const changeCue = !fromTo && (points || CHANGE_UP.test(near) || CHANGE_DOWN.test(near));
			const unit = points ? '%' : m.unit;
			// 同比增长 25%: a change in percent of whatever the clause counts, in any unit
			const subject = changeCue
				? fold(before).replace(
						/(同比|较上年度?|比上年度?|较年初|比年初)?[增减下降提高上升长加少率幅了约为达到至超过近逾]*$/,
						''
					)
				: fold(before);
			const after = fold(clauseAfter).slice(fold(m.unit).length, fold(m.unit).length + 8);
			const kind = unit ? unitKind.get(unit) : undefined;
			const kinds = changeCue && unit === '%' ? null : kind ? [kind] : null;
			const { indicator, confidence: named } = bestIndicator(
				bigrams(subject.slice(-14) + after),
				bigrams(subject + after),
				kinds
			);
			// a sector of the indicator named right before the number (其中耕地…) backs the filing
			const sector = bestSector(before, indicator);
			const sectorNear =
				sector !== '' && sectorNames.get(sector)!.some((name) => subject.slice(-14).includes(name));
			const confidence = Math.min(1, Number((named + (sectorNear ? 0.3 : 0)).toFixed(2)));
			// 增长5.2%: what changed is named before the number that comes before it
			const previousSubject = fold(sentenceBefore).replace(/[\d.]+[^\d]*$/, '');
			const time = timeOf(text, doc);
			const cue = resolvePeriod(
				{
					sentenceBefore,
					paragraphBefore: text.slice(
						paragraphStart(text, sentenceSpan.start, doc.start),
						sentenceSpan.start
					)
				},
				time
			);
			const down = !fromTo && CHANGE_DOWN.test(near);
			// the examples of an indicator speak for a number only when it is filed under it
			const filed = indicator && confidence >= CONFIDENT ? indicator : null;
			const clauseBefore = fold(text.slice(clause.start, m.start));
			let measure: Measure;
			if (cue.target) measure = 'target';
			else if (points) measure = 'change';
			else if (changeCue)
				// a rate that rises by 0.46% rises by points: a change, not a change in percent
				measure = unit === '%' && indicator?.unit_kind !== 'percent' ? 'change_pct' : 'change';
			else if (
				m.kind === 'ratio' ||
				(unit === '%' && (SHARE.test(fold(before)) || PART_OF.test(fold(before))))
			)
				measure = 'share';
			else {
				const counts = filed ? measures.get(filed.id) : undefined;
				const common = counts && [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
				measure =
					common && common !== 'change' && common !== 'change_pct' && common !== 'target'
						? common
						: kind === 'count' &&
							  !STOCK.test(clauseBefore) &&
							  (EVENT_UNIT.test(unit) || (DONE.test(clauseBefore) && !SO_FAR.test(clauseBefore)))
							? 'count'
							: 'level';
			}
			const area = /全市|本市/.test(fold(before).slice(-12))
				? 'shanghai'
				: /全国/.test(fold(before).slice(-12))
					? 'china'
					: '';
			let period = cue.period;
			const docYear = Number(time.date.slice(0, 4));
			const flow =
				measure === 'change' || measure === 'change_pct' || /新增|增加|减少/.test(clauseBefore);
			if (cue.yearEnd && flow) period = period.slice(0, 4);
			else if (cue.asOf && flow && /(?:较|比)(?:年初|上年末|上年底)/.test(fold(sentenceBefore)))
				// 截至6月末…比上年末增加: the change covers the months since the year began
				period = `${period.slice(0, 4)}-01-01..${period}`;
			else if (
				/^\d{4}$/.test(period) &&
				Number(period) < docYear &&
				measure === 'level' &&
				filed &&
				// 2024年度, 全年: the text says the number covers the year
				!/\d{4}年度|全年/.test(fold(sentenceBefore))
			) {
				// a stock (coverage, land, enterprises) is stated as of the year's end when its
				// examples always are, or mostly are and the sentence counts a total
				const levels = examplesOf(filed.id).filter((e) => e.figure.measure === 'level');
				const dated = levels.filter((e) => e.figure.period_type === 'date').length;
				const total = /总数|共有|现有|累计|总量/.test(fold(sentenceBefore));
				if (levels.length && (dated >= 0.8 * levels.length || (dated * 2 > levels.length && total)))
					period = `${period}-12-31`;
			}
			const cell = m.unit ? null : tableCell(text, m.start);
			if (cell) {
				// a table's column says what its numbers are, and its title when
				const header = fold(cell.header);
				const percent = cell.unit === '%' || cell.unit === '％';
				measure = /增减|增加|减少/.test(header)
					? 'change'
					: /增长|增速|增幅|下降/.test(header)
						? percent
							? 'change_pct'
							: 'change'
						: /占比|比重|构成|占/.test(header)
							? 'share'
							: 'level';
				const titled = resolvePeriod({ sentenceBefore: cell.title, paragraphBefore: '' }, time);
				period =
					titled.yearEnd && (measure === 'change' || measure === 'change_pct')
						? titled.period.slice(0, 4)
						: titled.period;
			}
			const signed = cell && /-$/.test(text.slice(Math.max(0, m.start - 1), m.start));
			return {
				indicator: filed?.id ?? '',
				confidence,
				proposal: filed ? filed.id : `new:${newName(subject) || newName(previousSubject) || '?'}`,
				sector: filed ? sector : '',
				area,
				period,
				periodNote: cell ? '' : (cue.note ?? ''),
				measure,
				value:
					(down || signed ? '-' : '') +
					(m.kind === 'number' || m.kind === 'range' ? m.text.split('-')[0] : String(m.value)),
				unit: cell ? cell.unit.replace('％', '%') : unit,
				qualifier: m.qualifier ?? '',
				written: m.written ?? '',
				quote,
				quoteSpan: span,
				sentence: readable(text.slice(sentenceSpan.start, sentenceSpan.end))
			};
		}
	};
}
