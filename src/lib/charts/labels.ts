import type { Lang } from './format.js';
import type { MarkStatus } from './types.js';

export const STATUS_LABELS: Record<MarkStatus, Record<Lang, string>> = {
	stated: { zh: '报告所述', en: 'Stated' },
	derived: { zh: '推算值', en: 'Derived' },
	target: { zh: '目标值', en: 'Target' },
	bound: { zh: '约数或界限（约、超过、以上）', en: 'Approximate or bound (about, over, at least)' }
};

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
} as const;

export function label(key: keyof typeof CHART_LABELS, lang: Lang, n?: number | string): string {
	const text = CHART_LABELS[key][lang];
	return n === undefined ? text : text.replace('{n}', String(n));
}
