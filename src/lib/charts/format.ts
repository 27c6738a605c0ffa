import { format as d3format } from 'd3-format';
import { significantDigits } from './precision.js';

import type { Lang } from '$lib/messages.js';

export type { Lang };

/** A unit to show numbers in: `value / divisor`, labelled per language. */
export interface DisplayUnit {
	divisor: number;
	zh: string;
	en: string;
}

const MONEY_ZH: DisplayUnit[] = [
	{ divisor: 1e8, zh: '亿元', en: '' },
	{ divisor: 1e4, zh: '万元', en: '' },
	{ divisor: 1, zh: '元', en: '' }
];
const MONEY_EN: DisplayUnit[] = [
	{ divisor: 1e9, zh: '', en: 'billion yuan' },
	{ divisor: 1e6, zh: '', en: 'million yuan' },
	{ divisor: 1, zh: '', en: 'yuan' }
];
/** Chinese counts in 万 (10⁴) and 亿 (10⁸); English in thousand and million. */
const LARGE_ZH = [
	{ divisor: 1e8, prefix: '亿' },
	{ divisor: 1e4, prefix: '万' }
];

/** English labels for base units that are not counts of a noun the indicator names. */
const EN_UNITS: Record<string, string> = {
	公顷: 'ha',
	'%': '%',
	平方米: 'm²',
	立方米: 'm³',
	'微克/立方米': 'µg/m³',
	吨: 'tonnes',
	公里: 'km',
	米: 'm',
	'元/亩': 'yuan per mu',
	人: 'people',
	人次: 'person-times',
	路: 'channels',
	次: 'times',
	学时: 'class hours',
	辆: 'vehicles',
	艘次: 'ship calls',
	幅: 'plots'
};

/** A change of a rate (由16.57%上升至17.03%) is in percentage points, never in percent. */
export const POINTS: DisplayUnit = { divisor: 1, zh: '个百分点', en: 'pp' };

/** Whether a figure is a change of a rate, so its values are percentage points. */
export function isRateChange(figure: { measure?: string | null; base_unit: string }): boolean {
	return figure.measure === 'change' && figure.base_unit === '%';
}

/**
 * Pick one unit for a whole axis from its largest magnitude; a change of a rate (`measure`
 * `change` of a `%` unit) is in percentage points.
 */
export function displayUnit(
	baseUnit: string,
	maxAbs: number,
	lang: Lang,
	measure?: string | null
): DisplayUnit {
	if (isRateChange({ measure, base_unit: baseUnit })) return POINTS;
	if (baseUnit === '元') {
		const ladder = lang === 'zh' ? MONEY_ZH : MONEY_EN;
		return ladder.find((u) => maxAbs >= u.divisor) ?? ladder.at(-1)!;
	}
	const en = EN_UNITS[baseUnit] ?? '';
	if (lang === 'zh' && isCount(baseUnit)) {
		const large = LARGE_ZH.find((l) => maxAbs >= l.divisor * 10);
		if (large) return { divisor: large.divisor, zh: large.prefix + baseUnit, en };
	}
	if (baseUnit === '立方米' && maxAbs >= 1e6) {
		return lang === 'zh'
			? { divisor: 1e4, zh: '万立方米', en }
			: { divisor: 1e6, zh: '', en: 'million m³' };
	}
	if (baseUnit === '元/亩' && maxAbs >= 1e4 && lang === 'zh')
		return { divisor: 1e4, zh: '万元/亩', en };
	if (baseUnit === '平方米' && maxAbs >= 1e5 && lang === 'zh')
		return { divisor: 1e4, zh: '万平方米', en };
	return { divisor: 1, zh: baseUnit, en };
}

const COUNT_UNITS = new Set([
	'家',
	'户',
	'个',
	'件',
	'人',
	'人次',
	'次',
	'场',
	'起',
	'项',
	'条',
	'路',
	'宗',
	'幅',
	'所',
	'篇',
	'期',
	'批',
	'份',
	'处',
	'类',
	'种',
	'套',
	'台',
	'辆',
	'艘次',
	'站',
	'家次',
	'名',
	'位'
]);

export function isCount(baseUnit: string): boolean {
	return COUNT_UNITS.has(baseUnit);
}

/** Without float noise or trailing zeros, keeping what the bulletin prints: 172.5, 0.46, 5147.5, 258,221. */
export function formatNumber(value: number, lang: Lang): string {
	const abs = Math.abs(value);
	const digits = abs >= 10000 ? 0 : abs >= 1000 ? 1 : abs >= 100 ? 2 : 3;
	const rounded = Number(value.toFixed(digits));
	const text = d3format(lang === 'zh' ? '' : ',')(rounded);
	return text.replace('-', '−');
}

export function unitLabel(unit: DisplayUnit, lang: Lang): string {
	return lang === 'zh' ? unit.zh : unit.en;
}

/** 约, 超过 … / about, over …: how a bound or approximate value is introduced. */
export type Qualifier = string | null | undefined;

/** The qualifier put before a number already written out: 超过1100亿元 / over 110 billion yuan. */
export function withQualifier(text: string, qualifier: Qualifier, lang: Lang): string {
	const q = qualifierText(qualifier ?? null, lang);
	if (!q) return text;
	return lang === 'zh' ? `${q}${text}` : `${q} ${text}`;
}

/**
 * 1725亿元 in Chinese, 172.5 billion yuan in English: a base value in a chosen unit, after its
 * qualifier when it has one (超过1100亿元 / over 110 billion yuan).
 */
export function formatInUnit(
	baseValue: number,
	unit: DisplayUnit,
	lang: Lang,
	qualifier?: Qualifier,
	/** At most this many significant digits: those the bulletin printed. */
	digits?: number
): string {
	const n = digits
		? formatSignificant(baseValue / unit.divisor, digits, lang)
		: formatNumber(baseValue / unit.divisor, lang);
	const label = unitLabel(unit, lang);
	const text = !label ? n : lang === 'zh' || label === '%' ? `${n}${label}` : `${n} ${label}`;
	return withQualifier(text, qualifier, lang);
}

/** A figure's own measure and qualifier, for the formatters that print a single value. */
export interface ValueOptions {
	qualifier?: Qualifier;
	measure?: string | null;
}

/** A single value in the unit that suits its own magnitude. */
export function formatQuantity(
	baseValue: number,
	baseUnit: string,
	lang: Lang,
	{ qualifier, measure }: ValueOptions = {}
): string {
	const unit = displayUnit(baseUnit, Math.abs(baseValue), lang, measure);
	return formatInUnit(baseValue, unit, lang, qualifier);
}

/**
 * The value as the bulletin printed it in Chinese (超过1100亿元, 2.8万路), converted for English
 * (over 110 billion yuan, 28,000 channels), with its qualifier. A change of a rate is in
 * percentage points: 0.46个百分点 / 0.46 pp, though the text may write 净增0.46%.
 */
export function formatStated(
	stated: {
		value_text: string;
		unit: string;
		base_value: number;
		base_unit: string;
		qualifier?: Qualifier;
		measure?: string | null;
		derived?: boolean;
	},
	lang: Lang
): string {
	if (lang === 'en') {
		// converted, it keeps the digits it was printed with: 1000亩 is 66.67 ha, not 66.667
		const unit = displayUnit(stated.base_unit, Math.abs(stated.base_value), lang, stated.measure);
		// a derived value's trailing zeros come from rounding it: 2700亿元 is 270 billion, not 273.2
		const digits =
			significantDigits(stated.value_text, { trailingZeros: !stated.derived }) || undefined;
		return formatInUnit(stated.base_value, unit, lang, stated.qualifier, digits);
	}
	const unit = isRateChange(stated) ? POINTS.zh : stated.unit;
	return withQualifier(`${stated.value_text.replace(/^-/, '−')}${unit}`, stated.qualifier, lang);
}

/**
 * The unit `formatStated` writes a figure in, with what its base value is divided by to read it:
 * the chart audit holds the printed number to the figure through these.
 */
export function statedUnit(
	stated: {
		value: number;
		unit: string;
		base_value: number;
		base_unit: string;
		measure?: string | null;
	},
	lang: Lang
): { label: string; divisor: number } {
	if (lang === 'en') {
		const unit = displayUnit(stated.base_unit, Math.abs(stated.base_value), lang, stated.measure);
		return { label: unitLabel(unit, lang), divisor: unit.divisor };
	}
	if (isRateChange(stated)) return { label: POINTS.zh, divisor: POINTS.divisor };
	return { label: stated.unit, divisor: stated.value ? stated.base_value / stated.value : 1 };
}

/** English for the units a formula writes after its numbers (the units as the text prints them). */
const FORMULA_UNITS_EN: Record<string, string> = {
	...EN_UNITS,
	平方公里: 'km²',
	亩: 'mu',
	元: 'yuan'
};

/**
 * A derived figure's formula as the reader's language writes it: 1700公顷 − -38公顷 = 1738公顷
 * reads 1700 ha − -38 ha = 1738 ha in English; 万 and 亿 become ×10⁴ and ×10⁸, and a count's
 * measure word is dropped. Null when some word has no English.
 */
export function formulaText(formula: string, lang: Lang): string | null {
	if (lang === 'zh') return formula;
	const text = formula.replace(
		/(\d)([万亿]?)([^\d\s×÷+−=()%-]+)/g,
		(whole, digit: string, scale: string, unit: string) => {
			const en = FORMULA_UNITS_EN[unit] ?? (isCount(unit) ? '' : null);
			if (en === null) return whole;
			const times = scale === '万' ? ' ×10⁴' : scale === '亿' ? ' ×10⁸' : '';
			return `${digit}${times}${en ? ` ${en}` : ''}`;
		}
	);
	return /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test(text) ? null : text;
}

const QUARTER_ZH = ['一', '二', '三', '四'];

/** 2023 → 2023年 / 2023; 2024Q1 → 2024年一季度 / Q1 2024; 2023-12-31 → 2023年末 / end of 2023. */
export function formatPeriod(period: string, lang: Lang): string {
	const range = period.split('..');
	if (range.length === 2) {
		const [from, to] = range as [string, string];
		const dates = /^(\d{4})-(\d{2})-(\d{2})$/;
		const [f, t] = [dates.exec(from), dates.exec(to)];
		if (f && t && f[1] === t[1]) {
			// a span within one year: 2024年1月1日至5月29日 / 1 Jan–29 May 2024
			return lang === 'zh'
				? `${f[1]}年${Number(f[2])}月${Number(f[3])}日至${Number(t[2])}月${Number(t[3])}日`
				: `${Number(f[3])} ${MONTHS[Number(f[2]) - 1]}–${Number(t[3])} ${MONTHS[Number(t[2]) - 1]} ${t[1]}`;
		}
		const [a, b] = range.map((p) => formatPeriod(p!, lang));
		return lang === 'zh' ? `${a}—${b}` : `${a}–${b}`;
	}
	let m = /^(\d{4})$/.exec(period);
	if (m) return lang === 'zh' ? `${m[1]}年` : m[1]!;
	m = /^(\d{4})Q([1-4])$/.exec(period);
	if (m) return lang === 'zh' ? `${m[1]}年${QUARTER_ZH[Number(m[2]) - 1]}季度` : `Q${m[2]} ${m[1]}`;
	m = /^(\d{4})-(\d{2})$/.exec(period);
	if (m)
		return lang === 'zh' ? `${m[1]}年${Number(m[2])}月` : `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
	m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
	if (m) {
		if (m[2] === '12' && m[3] === '31') return lang === 'zh' ? `${m[1]}年末` : `end of ${m[1]}`;
		if (m[2] === '01' && m[3] === '01') return lang === 'zh' ? `${m[1]}年初` : `start of ${m[1]}`;
		return lang === 'zh'
			? `${m[1]}年${Number(m[2])}月${Number(m[3])}日`
			: `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
	}
	return period;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Qualifier words as the reader's language puts them. */
export function qualifierText(qualifier: string | null, lang: Lang): string {
	if (!qualifier) return '';
	const words: Record<string, [string, string]> = {
		about: ['约', 'about'],
		over: ['超过', 'over'],
		'at-least': ['不低于', 'at least'],
		nearly: ['近', 'nearly'],
		under: ['不到', 'under']
	};
	const pair = words[qualifier];
	return pair ? pair[lang === 'zh' ? 0 : 1] : '';
}

/** A number with at most `digits` significant digits, as formatNumber writes it: 0.7944, 28,000. */
export function formatSignificant(value: number, digits: number, lang: Lang): string {
	const rounded = Number(value.toPrecision(Math.max(1, Math.min(15, digits))));
	const text = d3format(lang === 'zh' ? '' : ',')(rounded);
	return text.replace('-', '−');
}
