/**
 * The period a number is stated for, resolved against the document's own date, never today's:
 * 2024年, 年末, 全年, 上年, 去年, 今年以来, 上半年, 一季度, 前三季度, 1-6月, 截至6月末, 到2027年.
 * A relative expression in a document that names no date is left open, with a note saying so.
 */
import { fold } from '../text/normalise.js';
import { parseChineseNumeral } from './mentions.js';

export interface DocumentTime {
	/** ISO date the document speaks from (its meeting, else its date of issue); '' when none. */
	date: string;
	/** The year the document reports on, when its title names one (2024年…统计公报). */
	reportYear: number | null;
}

export interface PeriodCue {
	/** '' when it cannot be resolved; `note` then says why. */
	period: string;
	target: boolean;
	/** 截至2023年底: a stock's date; a flow in the same sentence covers the year. */
	yearEnd?: boolean;
	/** An as-of date inside a year (截至6月末): a change since the year's start covers the months. */
	asOf?: boolean;
	note?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthEnd = (year: number, month: number) =>
	`${year}-${pad(month)}-${pad(lastDay(year, month))}`;
const CN_QUARTER = '一二三四';
interface Context {
	/** The document's year, NaN when it names no date. */
	year: number;
	date: string;
	/** The year a bare 年末, 全年, 上年 counts from, NaN when none. */
	anchor: number;
	/** The last whole year before the document's date (what 全年 means in a mid-year report). */
	lastWhole: number;
	/** The latest year named in the paragraph before the sentence. */
	named: number | null;
	reportYear: number | null;
}

/**
 * The date expression nearest before the number in `b` (folded), or null. A goal year (到2026年)
 * wins wherever it stands; `paragraph` cues are only years, year ends, 全年, 去年 and 今年, since a
 * quarter or "今年以来" rarely carries past its sentence. A year after 比/较 is a comparison's
 * base (比2020年增长), never the period.
 */
function dateCue(b: string, ctx: Context, paragraph = false): PeriodCue | null {
	const target = /(?<!截)(?:到|至)(\d{4})年/.exec(b) ?? /(\d{4})年(?:前|底前)/.exec(b);
	if (!paragraph && target && !(Number(target[1]) < ctx.year))
		return { period: target[1]!, target: true };
	const found: { start: number; at: number; cue: PeriodCue }[] = [];
	const each = (re: RegExp, make: (m: RegExpMatchArray) => PeriodCue | null) => {
		for (const m of b.matchAll(re)) {
			const cue = make(m);
			if (cue) found.push({ start: m.index!, at: m.index! + m[0].length, cue });
		}
	};
	const known = (n: number, cue: () => PeriodCue): PeriodCue =>
		Number.isFinite(n) ? cue() : { period: '', target: false, note: 'the document names no date' };
	// a part of a year (上半年, 一季度, 6月) is the document's year unless a year is named
	const subYear = (at: number) =>
		Number(
			[...b.slice(0, at).matchAll(/(?<![比较与])(\d{4})年(?!\d)/g)].at(-1)?.[1] ??
				(/今年/.test(b.slice(0, at)) ? ctx.year : (ctx.named ?? ctx.reportYear ?? ctx.year))
		);
	const yearBefore = (at: number) =>
		Number(
			[...b.slice(0, at).matchAll(/(?<![比较与])(\d{4})年(?!\d)/g)].at(-1)?.[1] ??
				(/今年/.test(b.slice(0, at)) ? ctx.year : ctx.anchor)
		);
	each(/(?<![比较与])(\d{4})(?:年)?[-~至到](\d{4})年/g, (m) => ({
		period: `${m[1]}..${m[2]}`,
		target: false
	}));
	each(/(?<![比较与\d])(\d{4})年(?:度)?(?!\d|[-~至到]\d|[底末])/g, (m) =>
		paragraph && Number(m[1]) > ctx.year ? null : { period: m[1]!, target: false }
	);
	each(/(?<![比较与])(\d{4})年(?:底|末)/g, (m) => ({
		period: `${m[1]}-12-31`,
		target: false,
		yearEnd: true
	}));
	each(/(\d{4})年(\d{1,2})月(\d{1,2})日/g, (m) => {
		const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
		const date = `${year}-${pad(month)}-${pad(day)}`;
		return month === 12 && day === 31
			? { period: date, target: false, yearEnd: true }
			: paragraph
				? null
				: { period: date, target: false, asOf: true };
	});
	each(/(?<![上本去今\d比较])年(?:末|底)/g, (m) =>
		paragraph
			? null
			: known(ctx.anchor, () => ({
					period: `${yearBefore(m.index!)}-12-31`,
					target: false,
					yearEnd: true
				}))
	);
	each(/全年/g, (m) =>
		known(ctx.lastWhole, () => ({
			period: String(
				/\d{4}年|今年|去年/.test(b.slice(0, m.index)) ? yearBefore(m.index!) : ctx.lastWhole
			),
			target: false
		}))
	);
	each(/(?<![比较与同])去年(?!同期|底|末)/g, () =>
		known(ctx.year, () => ({ period: String(ctx.year - 1), target: false }))
	);
	each(/(?<![比较与同])去年(?:底|末)/g, () =>
		known(ctx.year, () => ({ period: `${ctx.year - 1}-12-31`, target: false, yearEnd: true }))
	);
	// the part of the year a release covers carries to the sentences after it
	each(/(?<![\d.])1[-~至到](\d{1,2})月(?!\d{1,2}日)/g, (m) =>
		known(ctx.year, () => {
			const year = subYear(m.index!);
			return { period: `${year}-01-01..${monthEnd(year, Number(m[1]))}`, target: false };
		})
	);
	each(/(?<![比较与])(上|下)半年/g, (m) =>
		known(ctx.year, () => {
			const year = subYear(m.index!);
			return {
				period: m[1] === '上' ? `${year}-01-01..${year}-06-30` : `${year}-07-01..${year}-12-31`,
				target: false
			};
		})
	);
	each(/(?<![比较与])前(三|两|二)季度/g, (m) =>
		known(ctx.year, () => {
			const year = subYear(m.index!);
			const month = m[1] === '三' ? 9 : 6;
			return { period: `${year}-01-01..${monthEnd(year, month)}`, target: false };
		})
	);
	if (!paragraph) {
		each(/(\d{4})年(\d{1,2})月(?!\d{1,2}日|\d)(?:份|当月)?(?![底末])/g, (m) => ({
			period: `${m[1]}-${pad(Number(m[2]))}`,
			target: false
		}));
		each(/(?<![\d-])(\d{1,2})月(?:份|当月)/g, (m) =>
			known(ctx.year, () => ({
				period: `${subYear(m.index!)}-${pad(Number(m[1]))}`,
				target: false
			}))
		);
		each(/截至(?:(\d{4})年|今年)?(\d{1,2}|[一二三四五六七八九十]+)月(?:底|末)/g, (m) => {
			const month = Number(m[2]) || parseChineseNumeral(m[2]!)!;
			const year = m[1] ? Number(m[1]) : m[0].includes('今年') ? ctx.year : subYear(m.index!);
			return known(year, () => ({
				period: monthEnd(year, month),
				target: false,
				yearEnd: month === 12,
				asOf: month !== 12
			}));
		});
		each(/(?<![比较与])(今年)?(?<!前)(?:第)?([一二三四1-4])季度/g, (m) => {
			const year = m[1] ? ctx.year : subYear(m.index!);
			const quarter = Number(m[2]) || CN_QUARTER.indexOf(m[2]!) + 1;
			return known(year, () => ({
				period: `${year}Q${quarter}`,
				target: false
			}));
		});
		each(
			/今年以来|年初以来|年初至今|今年(?!\d|[一二三四五六七八九十]+月|第?[一二三四]季度|上半年)/g,
			(m) =>
				known(ctx.year, () =>
					// 今年 in a document dated before the year is out is the year so far, or a goal
					m[0] === '今年' && (TARGET_WORDS.test(b) || ctx.date.slice(5) === '12-31')
						? { period: String(ctx.year), target: TARGET_WORDS.test(b) }
						: { period: `${ctx.year}-01-01..${ctx.date}`, target: false }
				)
		);
		// 已超过400家, 现已有50所, 至今: what stands so far, as of the document, unless a year is named
		const named = /\d{4}年/.test(b);
		each(
			named
				? /截至目前|目前|现有|仍有|尚有|至今|现已/g
				: /截至目前|目前|现有|仍有|尚有|至今|现已|已有|已超|已达|已经/g,
			() =>
				ctx.date
					? { period: ctx.date, target: false }
					: { period: '', target: false, note: 'as of the document, which names no date' }
		);
		each(/近三年|三年来/g, () =>
			known(ctx.year, () => ({ period: `${ctx.year - 3}..${ctx.year - 1}`, target: false }))
		);
		// 上年末, 本年度: relative to the latest year named before them, else the document's
		each(/(?<![较比与同])上年(?:末|底)/g, (m) =>
			known(ctx.anchor, () => ({
				period: `${yearBefore(m.index!) - 1}-12-31`,
				target: false,
				yearEnd: true
			}))
		);
		each(/本年(?:末|底)/g, (m) =>
			known(ctx.anchor, () => ({
				period: `${yearBefore(m.index!)}-12-31`,
				target: false,
				yearEnd: true
			}))
		);
		each(/(?<![较比与同])上年度?(?!度?同期|[末底])/g, (m) =>
			known(ctx.anchor, () => ({ period: String(yearBefore(m.index!) - 1), target: false }))
		);
		each(/(?:本|当)年度?(?![末底])/g, (m) =>
			known(ctx.anchor, () => ({ period: String(yearBefore(m.index!)), target: false }))
		);
	}
	// 2019年至2023年 also ends in the year 2023: at the same end, the longer expression wins
	found.sort((x, y) => x.at - y.at || y.start - x.start);
	return found.at(-1)?.cue ?? null;
}

/**
 * 由上年的39.7%上升到40.8%: the number after 到 is the later state. Returns the words between
 * 到 and the number (到2023年的 names its period), or null when the number is not such a state.
 */
export function fromToTail(sentenceBefore: string): { head: string; tail: string } | null {
	const b = fold(sentenceBefore);
	const m =
		/^(.*?)(?:由|从)[^，。；,;]*?\d[\d.]*[^，。；,;\d]{0,6}?(?:上升|提高|增加|增长|下降|减少|降低|提升|扩大|缩小|回升|回落|降|升)?(?:到|至)([^，。；,;\d]{0,12})$/.exec(
			b
		);
	return m ? { head: m[1]!, tail: m[2]! } : null;
}

const TARGET_WORDS = /力争|目标|计划|预计|预期|将达|确保|争取/;

/**
 * The period the text puts a number in: a date before it in its sentence, else the latest one
 * earlier in its paragraph, else the year the document reports on, else the document's date (a
 * count as of the report). Open, with a note, when the document names no date at all.
 */
export function resolvePeriod(
	texts: { sentenceBefore: string; paragraphBefore: string; documentBefore?: string },
	time: DocumentTime
): PeriodCue {
	const year = Number(time.date.slice(0, 4)) || NaN;
	const paragraph = fold(texts.paragraphBefore);
	const named = [...paragraph.matchAll(/(?<![比较与\d])(\d{4})年(?![-~至到]\d)/g)].at(-1)?.[1];
	const lastWhole = time.reportYear ?? (time.date.slice(5) === '12-31' ? year : year - 1);
	const ctx: Context = {
		year,
		date: time.date,
		anchor: Number(named ?? time.reportYear ?? (Number.isFinite(year) ? lastWhole : NaN)),
		lastWhole,
		named: named ? Number(named) : null,
		reportYear: time.reportYear
	};
	let b = fold(texts.sentenceBefore);
	const later = fromToTail(b);
	if (later) {
		const own = dateCue(later.tail, ctx);
		if (own) return own;
		// 由上年的39.7%上升到40.8%: the later state is the year after 上年, the year in hand
		const from = b.slice(later.head.length);
		const earlier = /上年度?的/.test(from) ? dateCue(from, ctx) : null;
		if (earlier && /^\d{4}$/.test(earlier.period))
			return { period: String(Number(earlier.period) + 1), target: false };
		b = later.head;
	}
	const cue = dateCue(b, ctx) ?? dateCue(paragraph, ctx, true);
	if (cue) {
		const goal = TARGET_WORDS.test(b) && /^\d{4}$/.test(cue.period) && !(Number(cue.period) < year);
		return { ...cue, target: cue.target || goal };
	}
	if (time.reportYear) return { period: String(time.reportYear), target: false };
	if (time.date) return { period: time.date, target: TARGET_WORDS.test(b) };
	return {
		period: '',
		target: TARGET_WORDS.test(b),
		note: 'no date in its sentence, and the document names none'
	};
}
