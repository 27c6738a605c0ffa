/**
 * The UI's words in both languages, in one place: the `Text` pair, the site's messages, the
 * chart labels, and counts that agree with their number in English ("1 value", "2 values").
 * Nothing here knows about routes or the browser, so charts, tests and the build can use it.
 */

export type Lang = 'zh' | 'en';

/** One thing said in both languages. */
export type Text = { zh: string; en: string };

/** `text` in `lang`, with `{name}` placeholders filled from `vars`. */
export function say(text: Text, lang: Lang, vars: Record<string, string | number> = {}): string {
	return text[lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in vars ? String(vars[name]) : whole
	);
}

/** A counted noun: its Chinese measure word and noun, its English singular and plural. */
export interface Noun {
	zh: string;
	one: string;
	other: string;
}

export const NOUNS = {
	value: { zh: '个数值', one: 'value', other: 'values' },
	derivedValue: { zh: '个推算值', one: 'derived value', other: 'derived values' },
	figure: { zh: '条数据', one: 'figure', other: 'figures' },
	document: { zh: '篇文件', one: 'document', other: 'documents' },
	target: { zh: '项目标', one: 'target', other: 'targets' },
	check: { zh: '项校验', one: 'check', other: 'checks' },
	discrepancy: { zh: '处表述不一致', one: 'discrepancy', other: 'discrepancies' },
	indicator: { zh: '项指标', one: 'indicator', other: 'indicators' },
	chart: { zh: '张图', one: 'chart', other: 'charts' },
	part: { zh: '个部分', one: 'part', other: 'parts' },
	flow: { zh: '项增减', one: 'flow', other: 'flows' },
	row: { zh: '行', one: 'row', other: 'rows' },
	result: { zh: '条结果', one: 'result', other: 'results' }
} as const satisfies Record<string, Noun>;

export type NounKey = keyof typeof NOUNS;

const EN_PLURAL = new Intl.PluralRules('en');

/** The noun that goes with `n`: 个数值 / value / values. */
export function noun(n: number, what: NounKey | Noun, lang: Lang): string {
	const word: Noun = typeof what === 'string' ? NOUNS[what] : what;
	if (lang === 'zh') return word.zh;
	return EN_PLURAL.select(n) === 'one' ? word.one : word.other;
}

/** `n` with its noun: 3个数值 / 1 value / 1,200 values. */
export function count(n: number, what: NounKey | Noun, lang: Lang): string {
	if (lang === 'zh') return `${n}${noun(n, what, lang)}`;
	return `${n.toLocaleString('en')} ${noun(n, what, lang)}`;
}

/** Words joined as each language writes them: without spaces in Chinese, with them in English. */
export function words(lang: Lang, ...parts: string[]): string {
	return parts.filter(Boolean).join(lang === 'zh' ? '' : ' ');
}

/** Punctuation inside a sentence: full-width in Chinese, ASCII with its spacing in English. */
export const PUNCTUATION = {
	colon: { zh: '：', en: ': ' },
	comma: { zh: '，', en: ', ' },
	semicolon: { zh: '；', en: '; ' },
	stop: { zh: '。', en: '. ' },
	enumeration: { zh: '、', en: ', ' }
} as const satisfies Record<string, Text>;

export function punct(key: keyof typeof PUNCTUATION, lang: Lang): string {
	return PUNCTUATION[key][lang];
}

/** The brackets of an aside, for one that holds markup: `（` `）` / ` (` `)`. */
export function brackets(lang: Lang): [open: string, close: string] {
	return lang === 'zh' ? ['（', '）'] : [' (', ')'];
}

/** An aside in brackets after what it qualifies: （7） / ` (7)`. */
export function parens(text: string | number, lang: Lang): string {
	const [open, close] = brackets(lang);
	return `${open}${text}${close}`;
}

/** Chinese characters and full-width punctuation. */
const HAN = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
/** A stretch of Chinese: Chinese at both ends, quotes, ellipses and spaces allowed between. */
const CHINESE_RUN = new RegExp(`[${HAN}](?:[${HAN}“”‘’…\\s]*[${HAN}])?`, 'g');

/**
 * An English sentence that quotes Chinese verbatim, cut into its English and Chinese stretches
 * so each quote can be marked `lang="zh-CN"`: `names 王甯.` → `names `, `王甯` (zh), `.`.
 */
export function chineseRuns(text: string): { text: string; zh: boolean }[] {
	const runs: { text: string; zh: boolean }[] = [];
	let at = 0;
	for (const match of text.matchAll(CHINESE_RUN)) {
		if (match.index > at) runs.push({ text: text.slice(at, match.index), zh: false });
		runs.push({ text: match[0], zh: true });
		at = match.index + match[0].length;
	}
	if (at < text.length) runs.push({ text: text.slice(at), zh: false });
	return runs;
}

/** The site's frame: navigation, engine status, footer. */
export const MESSAGES = {
	siteTitle: { zh: '宝山区人大常委会公报数据', en: 'Baoshan District Congress Figures' },
	siteTagline: {
		zh: '公报中的每一个数字，都能追溯到原文句子',
		en: 'Every figure in the bulletin, traced to its sentence'
	},
	skip: { zh: '跳到正文', en: 'Skip to content' },
	nav: { zh: '主导航', en: 'Main navigation' },
	overview: { zh: '概览', en: 'Overview' },
	topics: { zh: '主题', en: 'Topics' },
	indicators: { zh: '指标', en: 'Indicators' },
	compare: { zh: '比较', en: 'Compare' },
	sessions: { zh: '会议', en: 'Meetings' },
	data: { zh: '数据', en: 'Data' },
	theme: { zh: '配色', en: 'Theme' },
	themeAuto: { zh: '跟随系统', en: 'System' },
	themeLight: { zh: '浅色', en: 'Light' },
	themeDark: { zh: '深色', en: 'Dark' },
	language: { zh: 'English', en: '中文' },
	languageLabel: { zh: '切换到英文', en: 'Switch to Chinese' },
	engineIdle: { zh: '交互数据引擎待启动', en: 'Interactive engine not started' },
	engineLoading: { zh: '正在加载交互数据引擎…', en: 'Loading the interactive engine…' },
	engineReady: { zh: '交互数据引擎已就绪', en: 'Interactive engine ready' },
	engineFailed: {
		zh: '交互数据引擎不可用，图表仍显示预先生成的数据',
		en: 'The interactive engine is unavailable; charts show the prerendered figures'
	},
	engineUnavailable: { zh: '交互功能暂不可用。', en: 'Interactive features are unavailable.' },
	engineProgramFailed: {
		zh: '浏览器未能加载数据引擎（DuckDB 的 WebAssembly 程序缺失或损坏）。',
		en: 'The browser could not load the data engine (its DuckDB WebAssembly program is missing or damaged).'
	},
	engineDataFailed: {
		zh: '数据引擎未能读取数据文件 figures.arrow（文件缺失或损坏）。',
		en: 'The data engine could not read the data file figures.arrow (it is missing or damaged).'
	},
	engineStillWorks: {
		zh: '本页的图表和数字是预先生成的，完整可读；指标页的分类和时期筛选仍可使用。比较、变化视图和 SQL 控制台需要该引擎，暂时无法使用。刷新页面可重试。',
		en: 'The charts and figures on this page were prepared in advance and are complete, and an indicator’s sector and period filters still work; comparisons, the change view and the SQL console need the engine and cannot be used. Reload the page to try again.'
	},
	engineServerFailed: {
		zh: '未能连接回答本站筛选和比较的查询服务器。',
		en: 'The query server that answers this site’s filters and comparisons could not be reached.'
	},
	engineServerStillWorks: {
		zh: '本页的图表和数字是预先生成的，完整可读；指标页的分类和时期筛选仍可使用。比较和变化视图需要查询服务器，暂时无法使用；SQL 控制台在浏览器内运行，不受影响。刷新页面可重试。',
		en: 'The charts and figures on this page were prepared in advance and are complete, and an indicator’s sector and period filters still work; comparisons and the change view need the query server and cannot be used; the SQL console runs in the browser and still works. Reload the page to try again.'
	},
	engineServerReady: { zh: '查询服务器已就绪', en: 'Query server ready' },
	engineServerLoading: { zh: '正在连接查询服务器…', en: 'Connecting to the query server…' },
	bulletin: { zh: '数据来源公报', en: 'Source bulletin' },
	checksFailed: { zh: '未通过', en: 'failed' },
	footer: {
		zh: '数据摘自宝山区人大常委会公报；推算值由公式计算并标明。本站不向外部发送任何请求。',
		en: 'Figures are quoted from the Baoshan District People’s Congress Standing Committee bulletin; derived values are computed from declared formulas and marked. This site sends no request outside itself.'
	},
	footerQueryServer: {
		zh: '数据摘自宝山区人大常委会公报；推算值由公式计算并标明。筛选和比较的查询发送至 {host} 的查询服务器，除此之外本站不向外部发送任何请求。',
		en: 'Figures are quoted from the Baoshan District People’s Congress Standing Committee bulletin; derived values are computed from declared formulas and marked. Filters and comparisons are sent to the query server at {host}; this site sends no other request outside itself.'
	}
} as const satisfies Record<string, Text>;

export type MessageKey = keyof typeof MESSAGES;

export function t(key: MessageKey, lang: Lang): string {
	return MESSAGES[key][lang];
}

/** How a value came to be, as a chart's legend and table name it. */
export const STATUS_LABELS = {
	stated: { zh: '报告所述', en: 'Stated' },
	derived: { zh: '推算值', en: 'Derived' },
	target: { zh: '目标值', en: 'Target' },
	bound: { zh: '约数或界限（约、超过、以上）', en: 'Approximate or bound (about, over, at least)' }
} as const satisfies Record<string, Text>;

/** The words around a chart: its source line, table view and column heads. */
export const CHART_LABELS = {
	source: { zh: '来源', en: 'Source' },
	page: { zh: '第{n}页', en: 'p. {n}' },
	table: { zh: '数据表', en: 'Data table' },
	chart: { zh: '图表', en: 'Chart' },
	category: { zh: '类别', en: 'Category' },
	series: { zh: '系列', en: 'Series' },
	value: { zh: '数值', en: 'Value' },
	kind: { zh: '性质', en: 'Kind' },
	period: { zh: '时期', en: 'Period' },
	quote: { zh: '原文', en: 'Quote' },
	formula: { zh: '推算公式', en: 'Formula' },
	legend: { zh: '图例', en: 'Legend' }
} as const satisfies Record<string, Text>;

/** What a figure's tooltip and table add about its standing. */
export const FIGURE_NOTES = {
	disputed: {
		zh: '同一公报中另有表述或推算给出不同数值，见数据质量',
		en: 'Another statement or derivation in the same bulletin gives a different value; see data quality'
	},
	revised: { zh: '后续公报修订了此数值', en: 'A later bulletin revised this value' },
	target: { zh: '{period}目标', en: '{period} target' },
	disputedDrawn: {
		zh: '{figures}：同一公报另有表述或推算给出不同数值，图中为其一（见数据质量）。',
		en: '{figures}: another statement or derivation from the same bulletin gives a different value; the chart shows one (see data quality).'
	},
	number: { zh: '数量', en: 'number' }
} as const satisfies Record<string, Text>;
