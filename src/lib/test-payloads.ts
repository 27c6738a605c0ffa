/** Test helpers: markup hidden in data text, and the check that it was rendered as text. */
import { expect } from 'vitest';
import type { ChartRow } from '$lib/data/queries.js';

export const IMG = '<img src=x onerror="window.__xss=1">';
export const SCRIPT = '<script>window.__xss=1</script>';

/** The payload as the renderer escapes it in text (`<`) and in attribute values (`<` and `"`). */
function escaped(payload: string): string[] {
	const text = payload.replace(/&/g, '&amp;').replace(/</g, '&lt;');
	return [...new Set([text, text.replace(/"/g, '&quot;')])];
}

/** The attribute names of every element (Svelte double-quotes values and escapes `"` in them). */
function attributeNames(html: string): string[] {
	return [...html.matchAll(/<[a-z][\w-]*((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/gi)].flatMap(
		(tag) =>
			(tag[1] ?? '')
				.replace(/="[^"]*"/g, '')
				.split(/\s+/)
				.filter(Boolean)
				.map((name) => name.toLowerCase())
	);
}

/**
 * Rendered HTML holds the payloads as escaped text, at least `atLeast` times, and nothing made
 * from them: no img or script element, no event-handler attribute.
 */
export function expectInert(html: string, atLeast = 1): void {
	expect(html).not.toMatch(/<img[\s>/]/i);
	expect(html).not.toMatch(/<script[\s>/]/i);
	expect(attributeNames(html).filter((name) => name.startsWith('on'))).toEqual([]);
	const count = [IMG, SCRIPT]
		.flatMap(escaped)
		.reduce((n, text) => n + html.split(text).length - 1, 0);
	expect(count).toBeGreaterThanOrEqual(atLeast);
}

/** A figure of the land topic with markup in every text field people or reports write. */
export const payloadRow = (over: Partial<ChartRow> = {}): ChartRow => ({
	id: 'land-cultivated-2023',
	indicator_id: 'land-area',
	indicator_zh: `土地面积${IMG}`,
	indicator_en: `Land area${IMG}`,
	sector_id: 'cultivated',
	sector_zh: `耕地${SCRIPT}`,
	sector_en: `Cultivated${SCRIPT}`,
	sector_order: 1,
	sector_group: 'land-class',
	area_id: 'baoshan',
	area_zh: '宝山区',
	area_en: 'Baoshan District',
	topic: 'land',
	period: '2023-12-31',
	period_type: 'date',
	period_days: 1,
	year: 2023,
	measure: 'level',
	value: 1700,
	value_text: '1700',
	unit: '公顷',
	qualifier: null,
	base_value: 1700,
	base_unit: '公顷',
	derived: false,
	formula: null,
	inputs: null,
	bulletin_id: 'baoshan-2024-s20-s21',
	superseded_by: null,
	doc_id: 's21-natural-resources-report',
	doc_title: `自然资源报告${SCRIPT}`,
	doc_title_en: `Natural resources report${IMG}`,
	doc_page: 48,
	quote: `耕地 1700 公顷${IMG}${SCRIPT}`,
	statements: 1,
	disputed: false,
	revised: false,
	...over
});
