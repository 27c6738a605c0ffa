/**
 * A meeting's agenda and which of the bulletin's documents answer each item. Agenda lines read
 * "3. 听取朱众伟副区长关于吴淞创新城建设推进情况的报告；"; a document belongs to the item its
 * title shares most character pairs with (titles are rephrased, so exact matching fails).
 */
import type { DocumentEntry } from '$lib/data/schema.js';

export interface AgendaItem {
	n: number;
	text: string;
	documents: string[];
}

export function parseAgenda(text: string): { n: number; text: string }[] {
	return [...text.matchAll(/^\s*(\d+)[.．、]\s*(.+?)[；;。]?\s*$/gm)].map((m) => ({
		n: Number(m[1]),
		text: m[2]!.trim()
	}));
}

function bigrams(s: string): Set<string> {
	const clean = s.replace(/[\s《》〈〉“”"（）()，,、；;：:]/g, '');
	const pairs = new Set<string>();
	for (let i = 0; i < clean.length - 1; i++) pairs.add(clean.slice(i, i + 2));
	return pairs;
}

/** Dice coefficient of character pairs: 1 for the same text, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
	const [x, y] = [bigrams(a), bigrams(b)];
	if (x.size === 0 || y.size === 0) return 0;
	let shared = 0;
	for (const pair of x) if (y.has(pair)) shared++;
	return (2 * shared) / (x.size + y.size);
}

const MIN_SIMILARITY = 0.3;

/** Items with the ids of their documents; documents matching no item are left out. */
export function linkAgenda(
	items: { n: number; text: string }[],
	documents: DocumentEntry[]
): AgendaItem[] {
	const linked = items.map((item) => ({ ...item, documents: [] as string[] }));
	for (const doc of documents) {
		if (doc.kind === 'agenda' || doc.kind === 'attendance') continue;
		let best: { item: AgendaItem; score: number } | null = null;
		for (const item of linked) {
			const score =
				doc.kind === 'appointment-list' && /任免|任命/.test(item.text)
					? 1
					: /^履职情况报告$/.test(doc.title) && /履职/.test(item.text)
						? 1
						: similarity(item.text, doc.title);
			if (!best || score > best.score) best = { item, score };
		}
		if (best && best.score >= MIN_SIMILARITY) best.item.documents.push(doc.id);
	}
	return linked;
}
