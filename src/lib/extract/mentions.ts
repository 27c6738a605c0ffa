/**
 * Every numeric statement in a text: Arabic numbers with their unit (via findQuantities),
 * ranges, fractions and ratios, Chinese numerals that count something (两个, 四分之一, 九成),
 * and the few idioms reports use for a quantity (翻一番, 一半, 持平).
 */
import type { Qualifier } from '../data/schema.js';
import { findQuantities, type Quantity } from '../text/numbers.js';
import { fold } from '../text/normalise.js';

export type MentionKind = 'number' | 'range' | 'fraction' | 'ratio' | 'chinese' | 'idiom';

export interface Mention {
	/** Offsets of the number (or range, or words) in the original text, [start, end). */
	start: number;
	end: number;
	/** The number as printed, without its unit. */
	text: string;
	value: number;
	/** The upper end of a range (5—10年), else null. */
	to: number | null;
	/** As written, with its multiplier (亿元, 万户, %); '' when none follows. */
	unit: string;
	/** Whether the catalogue knows the unit. */
	knownUnit: boolean;
	qualifier: Qualifier | null;
	/** The words when the number is not printed as digits (两个, 四分之一, 2/3, 翻一番). */
	written: string | null;
	kind: MentionKind;
}

/** Measure words that may follow a number the catalogue does not list as a unit. */
const MEASURE_WORDS = [
	'微克/立方米',
	'千瓦时',
	'标准箱',
	'平方公里',
	'平方米',
	'立方米',
	'公里',
	'公顷',
	'小时',
	'分钟',
	'人次',
	'家次',
	'户次',
	'季度',
	'方面',
	'个月',
	'分贝',
	'周年',
	...'个项家名人位次件条类种批所座处户场起宗幅篇份台辆套只支块栋层张年月天日周倍成番届轮期级组章节款团队片点间元亩吨米岁号版站线区镇村'
];
const MULTIPLIER = /^[万亿千百]/;

function measureWord(after: string): string {
	const multiplier = MULTIPLIER.exec(after)?.[0] ?? '';
	const rest = after.slice(multiplier.length);
	const word = MEASURE_WORDS.find((w) => rest.startsWith(w));
	return word ? multiplier + word : multiplier;
}

const CN_DIGIT: Record<string, number> = {
	零: 0,
	〇: 0,
	一: 1,
	二: 2,
	两: 2,
	三: 3,
	四: 4,
	五: 5,
	六: 6,
	七: 7,
	八: 8,
	九: 9
};
const CN_POWER: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** A Chinese numeral: 两 → 2, 二十一 → 21, 三百 → 300, 一万二千 → 12000; null when malformed. */
export function parseChineseNumeral(s: string): number | null {
	if (s === '' || !/[零〇一二两三四五六七八九十]/.test(s)) return null;
	let total = 0;
	let section = 0;
	let digit: number | null = null;
	for (const ch of s) {
		if (ch in CN_DIGIT) {
			if (digit !== null && CN_DIGIT[ch] !== 0) return null;
			digit = CN_DIGIT[ch]!;
		} else if (ch in CN_POWER) {
			section += (digit ?? 1) * CN_POWER[ch]!;
			digit = null;
		} else if (ch in CN_BIG) {
			total += (section + (digit ?? 0)) * CN_BIG[ch]!;
			section = 0;
			digit = null;
		} else return null;
	}
	return total + section + (digit ?? 0);
}

const CN_RUN =
	/第?[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(?:分之[一二三四五六七八九十]+)?/g;

/** Fixed phrases that state a quantity without a numeral a parser could read. */
const IDIOMS: { words: string; value: number; unit: string }[] = [
	{ words: '翻一番', value: 100, unit: '%' },
	{ words: '翻两番', value: 300, unit: '%' },
	{ words: '一半', value: 50, unit: '%' },
	{ words: '半数', value: 50, unit: '%' },
	{ words: '半壁江山', value: 50, unit: '%' },
	{ words: '持平', value: 0, unit: '%' }
];

const PERCENT_WORDS = /百分之([零〇一二两三四五六七八九十]+)(?:点([零〇一二三四五六七八九]+))?/g;

/** 一 inside a word (统一, 单一, 唯一, 之一) counts nothing. */
const WORD_BEFORE_ONE = /[统唯单专同划逐归合均整纯万之]/;

const BEFORE_CHINESE: Record<string, Qualifier> = {
	近: 'nearly',
	约: 'about',
	超: 'over',
	逾: 'over'
};

function chineseMentions(text: string, offset: number): Mention[] {
	const found: Mention[] = [];
	const taken: [number, number][] = [];
	const add = (at: number, length: number, fields: Partial<Mention> & Pick<Mention, 'value'>) => {
		taken.push([at, at + length]);
		const printed = text.slice(at, at + length);
		found.push({
			start: offset + at,
			end: offset + at + length,
			text: printed,
			to: null,
			unit: '%',
			knownUnit: true,
			qualifier: null,
			written: printed,
			kind: 'chinese',
			...fields
		});
	};
	for (const idiom of IDIOMS) {
		for (let at = text.indexOf(idiom.words); at >= 0; at = text.indexOf(idiom.words, at + 1)) {
			// 支持平台 holds 持平 but says nothing of a level
			if (idiom.words === '持平' && (text[at - 1] === '支' || text[at + 2] === '台')) continue;
			add(at, idiom.words.length, { value: idiom.value, unit: idiom.unit, kind: 'idiom' });
		}
	}
	for (const match of text.matchAll(PERCENT_WORDS)) {
		const whole = parseChineseNumeral(match[1]!);
		if (whole === null) continue;
		const decimals = [...(match[2] ?? '')].map((d) => CN_DIGIT[d]).join('');
		add(match.index, match[0].length, { value: Number(decimals ? `${whole}.${decimals}` : whole) });
	}
	for (const match of text.matchAll(CN_RUN)) {
		const at = match.index;
		const run = match[0];
		if (taken.some(([s, e]) => at < e && at + run.length > s)) continue;
		if (run === '一' && WORD_BEFORE_ONE.test(text[at - 1] ?? '')) continue;
		const numeral = run.startsWith('第') ? run.slice(1) : run;
		const fraction = /^(.+)分之(.+)$/.exec(numeral);
		if (fraction) {
			const denominator = parseChineseNumeral(fraction[1]!);
			const numerator = parseChineseNumeral(fraction[2]!);
			if (denominator && numerator !== null)
				add(at, run.length, {
					value: Number(((numerator / denominator) * 100).toFixed(2)),
					kind: 'fraction'
				});
			continue;
		}
		// 十四五 (the 14th five-year plan) is no numeral: it names a planning period
		const plan = /^第?十[一二三四五六七八九]五/.exec(run);
		if (plan) {
			add(at, plan[0].length, {
				value: parseChineseNumeral(plan[0].replace(/^第/, '').slice(0, 2))!,
				unit: '',
				knownUnit: false
			});
			continue;
		}
		const value = parseChineseNumeral(numeral);
		const unit = measureWord(text.slice(at + run.length, at + run.length + 6));
		if (!value || unit === '' || /^[万亿千百]$/.test(unit)) continue;
		// 九成 is 90%
		const tenths = unit === '成';
		add(at, run.length, {
			text: run,
			value: tenths ? value * 10 : value,
			unit: tenths ? '%' : unit,
			knownUnit: tenths,
			qualifier: BEFORE_CHINESE[text[at - 1] ?? ''] ?? null,
			written: run + unit
		});
	}
	return found;
}

const RANGE_JOINER = /^(?:-|~|至|到)$/;

/** Quantities from `i` joined by colons (0.1:31.3:68.6) whose parts add up to 100, or null. */
function ratioChain(quantities: readonly Quantity[], i: number, text: string): Quantity[] | null {
	const chain = [quantities[i]!];
	for (let j = i + 1; j < quantities.length; j++) {
		const previous = quantities[j - 1]!;
		if (previous.unit !== '' || fold(text.slice(previous.end, quantities[j]!.start)) !== ':') break;
		chain.push(quantities[j]!);
	}
	const sum = chain.reduce((total, q) => total + q.value, 0);
	return chain.length >= 2 && Math.abs(sum - 100) <= 0.5 ? chain : null;
}

/**
 * Mentions in `text`, in text order. `units` are the catalogue's units (the longest match
 * wins); offsets are `offset` plus the position in `text`.
 */
export function findMentions(text: string, units: readonly string[], offset = 0): Mention[] {
	const known = new Set(units);
	const quantities = findQuantities(text, units);
	const mentions: Mention[] = [];
	const toMention = (q: Quantity): Mention => {
		const following = fold(text.slice(q.end, q.end + 8));
		// 提高1.8个百分点: percentage points, the change of a rate
		const points = /^个?百分点/.exec(following)?.[0];
		// 25.8亿千瓦时: a bare multiplier the catalogue reads as money, before a measure word
		// 25.8亿千瓦时, 1.2万家次: a longer measure word than the catalogue's unit is the unit
		const measured = measureWord(following);
		const longer = q.unit !== '' && measured.startsWith(q.unit) && measured.length > q.unit.length;
		const multiplier = /^[万亿]$/.test(q.unit) && measured.length > 1;
		const guessed = points ?? (longer || multiplier ? measured : q.unit || measured);
		return {
			start: offset + q.start,
			end: offset + q.end,
			text: q.text,
			value: q.value,
			to: null,
			unit: guessed,
			knownUnit: known.has(guessed) || points !== undefined,
			qualifier: q.qualifier,
			written: null,
			kind: 'number'
		};
	};
	for (let i = 0; i < quantities.length; i++) {
		const q = quantities[i]!;
		const next = quantities[i + 1];
		const between = next ? fold(text.slice(q.end, next.start)) : '';
		const joiner = between.startsWith(q.unit) ? between.slice(q.unit.length) : between;
		// cells of a table row (725.3\t-2.3) are no range
		const apart = next !== undefined && /[\t\u3000]| {2}/.test(text.slice(q.end, next.start));
		if (next && !apart && RANGE_JOINER.test(joiner)) {
			const last = toMention(next);
			mentions.push({
				...toMention(q),
				end: offset + next.end,
				text: fold(text.slice(q.start, next.end)),
				to: next.value,
				unit: last.unit || q.unit,
				knownUnit: known.has(last.unit || q.unit),
				qualifier: q.qualifier ?? last.qualifier,
				kind: 'range'
			});
			i++;
			continue;
		}
		const chain = ratioChain(quantities, i, text);
		if (chain) {
			// 三次产业结构比为0.1:31.3:68.6: parts that add up to 100 are shares
			for (const part of chain) {
				mentions.push({
					...toMention(part),
					unit: '%',
					knownUnit: known.has('%'),
					kind: 'ratio'
				});
			}
			i += chain.length - 1;
			continue;
		}
		if (next && (joiner === '/' || joiner === ':') && q.unit === '') {
			const written = fold(text.slice(q.start, next.end));
			const value =
				joiner === '/' ? (q.value / next.value) * 100 : (q.value / (q.value + next.value)) * 100;
			if (Number.isFinite(value)) {
				mentions.push({
					...toMention(next),
					start: offset + q.start,
					text: written,
					value: Number(value.toFixed(2)),
					unit: '%',
					knownUnit: known.has('%'),
					written,
					kind: joiner === '/' ? 'fraction' : 'ratio'
				});
				i++;
				continue;
			}
		}
		mentions.push(toMention(q));
	}
	for (const m of chineseMentions(text, offset))
		mentions.push({ ...m, knownUnit: known.has(m.unit) });
	return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}
