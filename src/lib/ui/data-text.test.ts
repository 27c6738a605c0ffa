/**
 * Text from the data (quotes, indicator and sector names, document titles, check labels) is
 * shown as text, never as markup: each component that shows it is rendered on the server with
 * markup in every such field, and the output must hold the escaped text and no element from it.
 */
import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import Tooltip from '$lib/charts/Tooltip.svelte';
import { layoutBars } from '$lib/charts/bar-layout.js';
import { formatNumber } from '$lib/charts/format.js';
import type { CheckResult, Discrepancy } from '$lib/data/schema.js';
import { buildPanel, type PanelKind, type PanelSpec } from '$lib/panels.js';
import { detailLines } from '$lib/series.js';
import { IMG, SCRIPT, expectInert, payloadRow } from '$lib/test-payloads.js';
import ChecksList from './ChecksList.svelte';
import DiscrepancyList from './DiscrepancyList.svelte';
import Panel from './Panel.svelte';

// Panel reads the bulletins' titles from the page's data, which only a request has
vi.mock('$app/state', () => ({ page: { data: {}, url: new URL('http://localhost/') } }));

const row = payloadRow;

const ROWS = [
	row({}),
	row({
		id: 'land-garden-2023',
		sector_id: 'garden',
		sector_zh: `园地${IMG}`,
		sector_en: `Orchards${IMG}`,
		sector_order: 2,
		value: 33,
		value_text: '33',
		base_value: 33,
		quote: `园地 33 公顷${SCRIPT}`
	}),
	row({
		id: 'land-cultivated-2022-derived',
		period: '2022-12-31',
		year: 2022,
		value: 1738,
		value_text: '1738',
		base_value: 1738,
		derived: true,
		formula: `land-cultivated-2023 + 38 ${IMG}`,
		inputs: 'land-cultivated-2023'
	})
];

const spec = (kind: PanelKind): PanelSpec => ({
	id: `payload-${kind}`,
	title: { zh: `标题${IMG}`, en: `Title${IMG}` },
	kind,
	filter: { indicators: ['land-area'] },
	category: kind === 'lines' ? 'period' : 'sector',
	series: kind === 'lines' ? 'sector' : 'period',
	notes: [{ zh: `注${SCRIPT}`, en: `Note${SCRIPT}` }]
});

describe('data text is shown as text', () => {
	it('the check itself finds an element made from a payload', () => {
		expect(() => expectInert(`<p>${IMG}</p>`)).toThrow();
		expect(() => expectInert(`<p>${SCRIPT}</p>`)).toThrow();
		expect(() =>
			expectInert(`<p title="" onmouseover="window.__xss=1">${IMG.slice(1)}</p>`)
		).toThrow();
		expect(() => expectInert('<p>nothing from the data</p>')).toThrow();
		expect(() =>
			expectInert(`<p title="${IMG.replace(/</g, '&lt;').replace(/"/g, '&quot;')}"></p>`)
		).not.toThrow();
	});

	for (const kind of ['bars', 'lines', 'share'] as const) {
		for (const lang of ['zh', 'en'] as const) {
			it(`a ${kind} chart's title, legend, marks, table and sources (${lang})`, () => {
				const panel = buildPanel(spec(kind), ROWS, lang);
				const { body } = render(Panel, { props: { panel, lang } });
				expect(body).toContain('data-chart="payload-');
				// title, note, table quote and source title at the least
				expectInert(body, 4);
			});
		}
	}

	it('a mark’s tooltip: its subject, quote, source and formula', () => {
		const panel = buildPanel(spec('bars'), ROWS, 'zh');
		const layout = layoutBars(panel.bars!.chart, 640, (v) => formatNumber(v, 'zh'));
		const derived = layout.marks.find((m) => m.figure === 'land-cultivated-2022-derived')!;
		expect(derived.detail.join('\n')).toContain(IMG);
		const { body } = render(Tooltip, { props: { lines: derived.detail, x: 0, y: 0, width: 640 } });
		expect(body).toContain('role="tooltip"');
		expectInert(body, 3);
		const lines = detailLines(ROWS[0]!, `耕地${SCRIPT}`, 'en');
		expectInert(render(Tooltip, { props: { lines, x: 0, y: 0, width: 640 } }).body, 2);
	});

	it('a check’s label and the quotes of the figures it uses', () => {
		const check: CheckResult = {
			id: 'land-classes-sum',
			kind: 'sum',
			zh: `各地类之和${IMG}`,
			en: `Land classes add up${SCRIPT}`,
			lhs: 'land-cultivated-2023 + land-garden-2023',
			rhs: 'land-total-2023',
			lhs_value: 1733,
			rhs_value: 36533,
			difference: -34800,
			unit: '公顷',
			tolerance: '0',
			passed: false,
			figures: ['land-cultivated-2023'],
			notes: `Note${SCRIPT}`,
			notes_zh: `说明${SCRIPT}`
		};
		const figures = {
			'land-cultivated-2023': {
				id: 'land-cultivated-2023',
				quote: ROWS[0]!.quote,
				doc_id: ROWS[0]!.doc_id,
				value_text: '1700',
				unit: '公顷',
				derived: false
			}
		};
		for (const lang of ['zh', 'en'] as const) {
			const { body } = render(ChecksList, { props: { checks: [check], lang, figures } });
			expect(body).toContain('data-check="land-classes-sum"');
			expect(body).toMatch(lang === 'zh' ? /<small[^>]*>说明/ : /<small[^>]*>Note/);
			expectInert(body, 2);
		}
	});

	it('both quotes of a discrepancy and their document titles', () => {
		const figure = (id: string, value: number, quote: string) => ({
			id,
			doc_id: 's21-sme-research',
			value,
			value_text: String(value),
			unit: '家',
			qualifier: null,
			base_value: value,
			base_unit: '家',
			quote,
			derived: false
		});
		const discrepancy: Discrepancy = {
			key: 'ent-high-tech|2023',
			indicator_id: 'ent-high-tech',
			sector_id: null,
			area_id: 'baoshan',
			period: '2023',
			measure: 'level',
			figures: [
				figure('a', 1850, `高新技术企业总数达1850家${IMG}`),
				figure('b', 1869, `高新技术企业总数达1869家${SCRIPT}`)
			]
		};
		const { body } = render(DiscrepancyList, {
			props: {
				discrepancies: [discrepancy],
				lang: 'zh',
				titles: { 's21-sme-research': `调研报告${IMG}` }
			}
		});
		expect(body).toContain('1850家');
		expectInert(body, 3);
		const en = render(DiscrepancyList, { props: { discrepancies: [discrepancy], lang: 'en' } });
		expect(en.body).toMatch(/<p class="value[^"]*">1,850</);
	});
});
