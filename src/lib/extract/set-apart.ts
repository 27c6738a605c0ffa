/**
 * Numbers that are not statistics: dates, years, document and article numbers, ordinals,
 * list numbering, names of policies and transit lines. Each is set apart with a named reason
 * so the coverage report can count them and a reader can check the call.
 */
import type { DocumentEntry } from '../data/schema.js';
import type { Mention } from './mentions.js';
import { fold } from '../text/normalise.js';
import { tableCell } from './tables.js';

export const SET_APART_REASONS = [
	'out-of-scope',
	'date',
	'year',
	'planning-period',
	'document-number',
	'law-article',
	'page-number',
	'list-numbering',
	'ordinal',
	'policy-name',
	'title',
	'transit-line',
	'identifier',
	'phone-number',
	'indefinite',
	'duration',
	'text-structure',
	'administrative-level',
	'figure-number',
	'anniversary',
	'threshold',
	'term'
] as const;
export type SetApartReason = (typeof SET_APART_REASONS)[number];

/** What each reason means, for the report and the data README. */
export const SET_APART_MEANING: Record<SetApartReason, string> = {
	'out-of-scope': 'a document the dataset does not cover (a deputy’s personal duty report)',
	date: 'a date or part of one (2024年5月29日, 5-6月, 一季度)',
	year: 'a year (2023年, 2023 年度)',
	'planning-period': 'a span of years naming a plan or period (2023-2025年, 十四五)',
	'document-number': 'the number of an official document (〔2017〕33号, 沪财资〔2024〕4号, 第九号)',
	'law-article': 'an article of a law or rule (第十条)',
	'page-number': 'a page number',
	'list-numbering': 'the numbering of a list item (1. at a line or sentence start, （2）, 3）)',
	ordinal: 'an ordinal or a term (第6代表组, 第二十次会议, 九届, 二期)',
	'policy-name':
		'part of a name of a policy, slogan or version (科创30条, 黄金十条, 7.0版, “1+5+X”)',
	title: 'part of a book or document title in 《》',
	'transit-line': 'the number of a transit line (3号线)',
	identifier: 'a code or plot number (07-01 地块)',
	'phone-number': 'a telephone number (12345 热线)',
	indefinite: '一 as an article (一批, 一名, 一线, 一方面)',
	duration: 'how long something has run (三年来, 近 20 年来)',
	'text-structure': 'the report counting its own parts (三方面, 以下三点)',
	'administrative-level': 'levels of government or organisation (三级平台, 市区两级)',
	'figure-number': 'the number of a figure, table or image (图1, 表2, chart-3.png)',
	anniversary: 'an anniversary (建校70周年, 成立70周年)',
	threshold: 'a bound that defines a group (60岁及以上, 2000万元及以上的企业)',
	term: 'a numeral inside a fixed term (三次产业, 8小时平均浓度)'
};

export interface SetApartContext {
	/** The whole text the mention's offsets point into. */
	text: string;
	document: Pick<DocumentEntry, 'id' | 'title' | 'kind'>;
}

const isYear = (n: number) => Number.isInteger(n) && n >= 1949 && n <= 2100;

/** The nearest opening mark before `at` whose closing mark comes after `at`, within `reach`. */
function enclosedBy(
	text: string,
	at: number,
	end: number,
	open: string,
	close: string,
	reach = 24
): boolean {
	const before = text.slice(Math.max(0, at - reach), at);
	const o = before.lastIndexOf(open);
	if (o < 0 || before.indexOf(close, o) >= 0) return false;
	const after = text.slice(end, end + reach);
	const c = after.indexOf(close);
	return c >= 0 && !after.slice(0, c).includes(open);
}

/** Why a mention is not a statistic, or null when it may be one. */
export function setApartReason(m: Mention, ctx: SetApartContext): SetApartReason | null {
	const { text, document } = ctx;
	if (/履职情况报告/.test(document.title)) return 'out-of-scope';
	const before = fold(text.slice(Math.max(0, m.start - 8), m.start));
	const after = fold(text.slice(m.end, m.end + 10));
	const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
	const lineEnd = text.indexOf('\n', m.end);
	const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
	// a web copy may be one line of many thousand characters: never fold all of it per number
	const lead = /^[\s*]*$/.test(text.slice(lineStart, m.start)) ? '' : 'text';
	const chinese = m.kind === 'chinese';

	if (line.length <= 24 && fold(line).replace(/[-—–]/g, '') === fold(m.text)) return 'page-number';
	// 图1, 见表2: the mark right before the number, not the end of a word (代表 348 名)
	const marked = /(?:^|[^\p{Script=Han}]|[见如附详下上])(?:图|表)$/u.test(
		text.slice(Math.max(0, m.start - 3), m.start)
	);
	if (marked || /^[\w-]*\.(?:png|jpe?g|gif|svg|webp)/i.test(after)) return 'figure-number';
	if (m.unit === '周年' || /^周年/.test(after)) return 'anniversary';
	if (m.unit === '岁' && /^岁?(?:及)?以[上下]/.test(after)) return 'threshold';
	// 年主营业务收入2000万元及以上的工业企业: 及以上 defines a group, it states no amount
	if (/^及以[上下]/.test(after.startsWith(m.unit) ? after.slice(m.unit.length) : after))
		return 'threshold';
	const afterUnit = after.startsWith(m.unit) ? after.slice(m.unit.length) : after;
	if (chinese && /^产业/.test(afterUnit)) return 'term';
	// 日最大8小时平均浓度: the averaging window of an air-quality measure
	if (m.unit === '小时' && /^(?:平均|滑动)/.test(afterUnit)) return 'term';
	const around = fold(text.slice(Math.max(0, m.start - 11), m.end + 11));
	if (/\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(around) && /^[\d\-/.]+$/.test(fold(m.text)))
		for (const d of around.matchAll(/\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/g))
			if (d[0].includes(fold(m.text))) return 'date';
	if (
		/^[零〇一二两三四五六七八九十]+号/.test(m.text) ||
		/^第.*号$/.test(m.text + after.slice(0, 1))
	)
		return 'document-number';
	if (/\[$/.test(before) && /^\]/.test(after)) return 'document-number';
	if (/\]$/.test(before) && /^号/.test(after)) return 'document-number';
	if (m.kind === 'range' && isYear(m.value) && m.to !== null && isYear(m.to))
		return 'planning-period';
	if (/^第?十[一二三四五六七八九]五$/.test(m.text)) return 'planning-period';
	if (/^号线/.test(after)) return 'transit-line';
	if (m.text.startsWith('第') || /第$/.test(before)) {
		// 跃居全市第6, 全市排名第 3: a rank is a statistic
		if (/(?:排名|排|位列|位居|跃居|名列|全市|全国|全区)第?$/.test(before)) return null;
		return /^条/.test(after) || m.unit === '条' ? 'law-article' : 'ordinal';
	}
	// 1. at a line start, or after a full stop inside a line (注：1.…。2.…), and 1）
	const startsClause = lead === '' || /[。；;：:]$/.test(before);
	if (m.kind === 'number' && /^[.、．](?!\d)/.test(after) && startsClause) return 'list-numbering';
	if (m.kind === 'number' && /^[)）]/.test(after) && startsClause) return 'list-numbering';
	if (
		m.kind === 'number' &&
		/[(（]$/.test(text.slice(m.start - 1, m.start)) &&
		/^[)）]/.test(after)
	)
		return 'list-numbering';
	if (/^年级/.test(after)) return 'ordinal';
	if (/^0\d/.test(m.text) || /^G/i.test(after) || /PM_?\{?$/i.test(before)) return 'identifier';
	if (/^"?(?:市民)?热线/.test(after) || m.value === 12345) return 'phone-number';
	// a web page's furniture: 浏览次数：1234, 字号, 邮编
	if (/(?:浏览|阅读|点击|访问)(?:次数|量|数)?[:：]?$/.test(before) || /邮编[:：]?$/.test(before))
		return 'identifier';
	if (/^年/.test(after) && /^年(?:\d|[一二三四五六七八九十]+月)/.test(after) && isYear(m.value))
		return 'date';
	if (isYear(m.value) && (m.unit === '' || m.unit === '年' || /^年/.test(after))) return 'year';
	if (m.unit === '月' || m.unit === '日' || /^[月日]/.test(after) || m.unit === '季度')
		return 'date';
	if (m.kind === 'range' && /^月/.test(after)) return 'date';
	if (
		m.unit === '版' ||
		/^版/.test(after) ||
		(/^\d+\.0$/.test(m.text) && !m.knownUnit && !tableCell(text, m.start))
	)
		return 'policy-name';
	if (enclosedBy(text, m.start, m.end, '《', '》', 40)) return 'title';
	if (m.kind !== 'idiom' && enclosedBy(text, m.start, m.end, '“', '”', 12)) {
		// “科创30条”, “1+5+X”, “四个城区” name things; “2 平方公里先行启动区” still measures one
		const inside = quoted(text, m);
		const measured = m.kind === 'number' && m.knownUnit && m.unit !== '条' && !/\+/.test(inside);
		if (!measured && !/^[\d.]+%?$/.test(inside)) return 'policy-name';
	}
	if (chinese && (m.unit === '届' || m.unit === '期' || /^次(?:会议|全会)/.test(after.slice(0, 3))))
		return 'ordinal';
	if (m.unit === '届' && /[十九八七六五四三二一]$/.test(before)) return 'ordinal';
	if (chinese && m.value === 1) return 'indefinite';
	if (chinese && m.unit === '级') return 'administrative-level';
	if (chinese && (m.unit === '方面' || m.unit === '点' || /^个方面/.test(after)))
		return 'text-structure';
	if (chinese && (m.unit === '年' || m.unit === '个月') && !/^年(度|级)/.test(after))
		return 'duration';
	if (m.unit === '年' && (/^年(?:来|以来)/.test(after) || /(?:近|连续)$/.test(before)))
		return 'duration';
	return null;
}

/** The text between the quotation marks around a mention. */
function quoted(text: string, m: Mention): string {
	const o = text.lastIndexOf('“', m.start);
	const c = text.indexOf('”', m.end);
	return fold(text.slice(o + 1, c));
}
