import { base } from '$app/paths';
import type { Lang } from '$lib/charts/format.js';

export type { Lang };

export function langOf(param: string | undefined): Lang {
	return param === 'en' ? 'en' : 'zh';
}

/** A path in the reader's language: `/` and `/en`, `/topics/land` and `/en/topics/land`. */
export function localise(path: string, lang: Lang): string {
	const clean = path.startsWith('/') ? path : `/${path}`;
	if (lang === 'zh') return `${base}${clean}`;
	return `${base}${clean === '/' ? '/en' : `/en${clean}`}`;
}

/**
 * A page's path without its language prefix, from its route and parameters:
 * `/[[lang=lang]]/indicators/[id]` with id land-area → `/indicators/land-area`. (The URL's
 * pathname would need the absolute base, which relative asset paths do not give.)
 */
export function routePath(
	routeId: string | null,
	params: Record<string, string | undefined>
): string {
	if (!routeId) return '/';
	const path = routeId
		.replace(/\/\[\[lang=lang\]\]/, '')
		.replace(/\[\[?([^\]=]+)(?:=[^\]]+)?\]\]?/g, (_, name: string) => params[name] ?? '');
	return path || '/';
}

const MESSAGES = {
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
		zh: '本页的图表和数字是预先生成的，完整可读；筛选、比较、变化视图和 SQL 控制台需要该引擎，暂时无法使用。刷新页面可重试。',
		en: 'The charts and figures on this page were prepared in advance and are complete; filters, comparisons, the change view and the SQL console need the engine and cannot be used. Reload the page to try again.'
	},
	bulletin: { zh: '数据来源公报', en: 'Source bulletin' },
	figuresCount: { zh: '条数据', en: 'figures' },
	documentsCount: { zh: '篇文件', en: 'documents' },
	checksFailed: { zh: '项校验未通过', en: 'checks failed' },
	discrepancies: { zh: '处表述不一致', en: 'discrepancies' },
	footer: {
		zh: '数据摘自宝山区人大常委会公报；推算值由公式计算并标明。本站不向外部发送任何请求。',
		en: 'Figures are quoted from the Baoshan District People’s Congress Standing Committee bulletin; derived values are computed from declared formulas and marked. This site sends no request outside itself.'
	}
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function t(key: MessageKey, lang: Lang): string {
	return MESSAGES[key][lang];
}
