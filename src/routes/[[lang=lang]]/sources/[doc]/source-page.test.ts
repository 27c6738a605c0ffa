import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentEntry } from '$lib/data/schema.js';
import { textRuns } from '$lib/source-text.js';
import { IMG, SCRIPT, expectInert, payloadRow } from '$lib/test-payloads.js';
import SourcePage from './+page.svelte';

vi.mock('$app/state', () => ({ page: { data: {}, url: new URL('http://localhost/') } }));

const TEXT = `一、总体情况\n耕地 1700 公顷${IMG}${SCRIPT}，园地 33 公顷。\n${SCRIPT}其余为**建设用地**。`;
const OFFSET = 1000;
const start = OFFSET + TEXT.indexOf('耕地');
const end = OFFSET + TEXT.indexOf('，园地');

const doc: DocumentEntry = {
	id: 's21-natural-resources-report',
	bulletin_id: 'baoshan-2024-s20-s21',
	session: 21,
	meeting_date: '2024-06-26',
	kind: 'report',
	title: `自然资源报告${SCRIPT}`,
	title_en: `Natural resources report${IMG}`,
	organ: `区规划资源局${IMG}`,
	organ_en: `Planning and Natural Resources Bureau${IMG}`,
	speaker: `某某${SCRIPT}`,
	speaker_role: '局长',
	toc_page: 48,
	start: OFFSET,
	end: OFFSET + TEXT.length
};

describe('the source reader', () => {
	for (const lang of ['zh', 'en'] as const) {
		it(`shows a document's text, its highlighted sentence and the figure's tag as text (${lang})`, () => {
			const figure = { ...payloadRow(), quote_start: start, quote_end: end };
			const runs = textRuns(TEXT, OFFSET, [{ figure: figure.id, start, end }]);
			expect(runs.map((r) => r.text).join('')).toBe(TEXT);
			const { body } = render(SourcePage, {
				props: {
					data: { lang, doc, session: { id: doc.bulletin_id }, figures: [figure], runs },
					params: {}
				} as never
			});
			// Svelte's hydration markers left out
			expect(body.replace(/<!--[^>]*-->/g, '')).toMatch(
				/<mark data-figures="land-cultivated-2023"[^>]*>耕地 1700 公顷&lt;img /
			);
			expect(body).toContain('data-figure="land-cultivated-2023"');
			// text (twice), the highlighted run, the title, the organ, the speaker, the figure's tag
			expectInert(body, 6);
		});
	}
});
