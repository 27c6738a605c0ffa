/**
 * What an exported chart carries besides its marks: title, unit and period, legend, notes and
 * its source lines (each document with its pages, then the bulletin), in the chart's language.
 * Pure: the chart menu, the embed and the briefing pack all describe a chart the same way.
 */
import { STATUS_LABELS } from '$lib/charts/labels.js';
import type { Lang } from '$lib/i18n.js';
import { drawnRows, type PanelView } from '$lib/panels.js';
import type { ExportMeta } from './compose.js';

export interface BulletinTitle {
	id: string;
	title: string;
	title_en: string;
}

/** One line per document: 来源：《…》第12、14页 / Source: … pp. 12, 14. */
export function sourceLines(
	rows: PanelView['rows'],
	bulletins: BulletinTitle[],
	lang: Lang
): string[] {
	const zh = lang === 'zh';
	const docs = new Map<string, { title: string; pages: Set<number>; bulletin: string }>();
	for (const row of rows) {
		const doc = docs.get(row.doc_id) ?? {
			title: zh ? row.doc_title : row.doc_title_en,
			pages: new Set<number>(),
			bulletin: row.bulletin_id
		};
		doc.pages.add(row.doc_page);
		docs.set(row.doc_id, doc);
	}
	const cited = [...docs.values()].map(({ title, pages }) => {
		const list = [...pages].sort((a, b) => a - b);
		return zh
			? `《${title}》第${list.join('、')}页`
			: `${title}, ${list.length > 1 ? 'pp.' : 'p.'} ${list.join(', ')}`;
	});
	const published = [...new Set([...docs.values()].map((d) => d.bulletin))]
		.map((id) => bulletins.find((b) => b.id === id))
		.filter((b): b is BulletinTitle => b !== undefined)
		.map((b) => (zh ? `《${b.title}》` : b.title_en));
	const lines = [zh ? `来源：${cited.join('；')}` : `Source: ${cited.join('; ')}`];
	if (published.length)
		lines.push(zh ? `刊载于${published.join('、')}` : `Published in ${published.join('; ')}`);
	return lines;
}

export function exportMeta(panel: PanelView, bulletins: BulletinTitle[], lang: Lang): ExportMeta {
	return {
		title: panel.title,
		subtitle: panel.subtitle,
		legend: [
			...panel.legend.map((s) => ({ label: s.label, color: s.color })),
			...panel.common.statuses
				.filter((s) => s !== 'stated')
				.map((status) => ({ label: STATUS_LABELS[status][lang], status }))
		],
		notes: panel.notes,
		sources: sourceLines(drawnRows(panel), bulletins, lang),
		lang
	};
}
