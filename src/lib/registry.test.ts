/**
 * Every topic's declared charts (data/charts/topics) against the real data: each finds figures,
 * and none puts two units on one axis (a progress chart may pair a target with a level of the
 * same unit only); their notes are filled from the figures they cite.
 */
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '$lib/data/node-db.js';
import { run, type Db } from '$lib/data/query.js';
import { buildPanel, drawnRows, panelQuery } from '$lib/panels.js';
import { exportMeta } from '$lib/export/meta.js';
import { buildDataset } from '$lib/dataset/build.js';
import { writeDataset } from '$lib/dataset/write.js';
import {
	chartSource,
	compareDefault,
	leadChange,
	overviewCharts,
	topicCharts
} from './registry.js';

const dataset = buildDataset('data');
const source = chartSource(dataset.charts, dataset.figures);
const topicPanels = (topic: string) => topicCharts(topic, source);
let db: Db & { close(): void };

beforeAll(async () => {
	const out = mkdtempSync(join(tmpdir(), 'topics-'));
	await writeDataset(dataset, out);
	db = await openNodeDb({ figures: join(out, 'figures.parquet') });
}, 60_000);
afterAll(() => db?.close());

describe('topic panels', () => {
	for (const topic of dataset.catalog.topics) {
		for (const spec of topicPanels(topic.id)) {
			it(`${topic.id}/${spec.id} finds figures in one unit`, async () => {
				const rows = await run(panelQuery(spec), db);
				expect(rows.length).toBeGreaterThan(0);
				expect(new Set(rows.map((r) => r.base_unit)).size).toBe(1);
				const panel = buildPanel(spec, rows, 'zh');
				expect(panel.common.table.length).toBeGreaterThan(0);
			});
		}
	}

	it('draws the reserve land from 777.1 公顷 through the flows to 799.9 公顷 without a gap', async () => {
		const spec = topicPanels('land').find((p) => p.id === 'land-reserve-area')!;
		const panel = buildPanel(spec, await run(panelQuery(spec), db), 'zh');
		const steps = panel.waterfall!.steps;
		expect(steps[0]).toMatchObject({ kind: 'total', value: 777.1, status: 'derived' });
		expect(steps.at(-1)).toMatchObject({ kind: 'total', value: 799.9, status: 'stated' });
		expect(steps.filter((s) => s.kind === 'delta').map((s) => s.value)).toEqual([
			82.5, 24.1, 3.1, 17.3, 14, -63.6, -54.6
		]);
		expect(panel.notes.join('')).not.toContain('相差');
		expect(panel.summary).toContain('经7项增减');
		expect(buildPanel(spec, await run(panelQuery(spec), db), 'en').summary).toContain(
			'through 7 flows to'
		);
	});

	it('shows the twelve land classes as parts of 36533 公顷', async () => {
		const spec = topicPanels('land').find((p) => p.id === 'land-use-share')!;
		const panel = buildPanel(spec, await run(panelQuery(spec), db), 'zh');
		expect(panel.share!.parts).toHaveLength(12);
		expect(panel.share!.total?.value).toBe(36533);
		expect(panel.share!.parts.reduce((a, p) => a + p.value, 0)).toBeCloseTo(36533, 6);
		expect(panel.summary).toMatch(/^12个部分，合计/);
		expect(buildPanel(spec, await run(panelQuery(spec), db), 'en').summary).toMatch(
			/^12 parts of /
		);
	});

	it('describes an exported chart with its legend, pages and bulletin in either language', async () => {
		const spec = topicPanels('land').find((p) => p.id === 'land-reserve-area')!;
		const rows = await run(panelQuery(spec), db);
		const bulletins = dataset.manifests.map((b) => ({
			id: b.bulletin.id,
			title: b.bulletin.title,
			title_en: b.bulletin.title_en
		}));
		const zh = exportMeta(buildPanel(spec, rows, 'zh'), bulletins, 'zh');
		const en = exportMeta(buildPanel(spec, rows, 'en'), bulletins, 'en');
		expect(zh.title).toBe('储备土地：2022年末至2023年末（面积）');
		// the totals of additions and releases are checked against their parts, not drawn: not exported
		const drawn = drawnRows(buildPanel(spec, rows, 'zh')).map((r) => r.id);
		expect(rows.map((r) => r.id)).toContain('land-reserve-added-area-2023');
		expect(drawn).not.toContain('land-reserve-added-area-2023');
		expect(drawn).not.toContain('land-reserve-released-area-2023');
		expect(drawn).toContain('land-reserve-area-2022-derived');
		expect(drawn).toHaveLength(9);
		expect(zh.legend.map((l) => l.label)).toEqual(['存量', '增加（+）', '减少（−）', '推算值']);
		expect(zh.legend.at(-1)).toMatchObject({ status: 'derived' });
		expect(zh.sources).toEqual([
			'来源：《关于宝山区 2023 年度国有自然资源资产管理情况的专项报告》第48页',
			'刊载于《上海市宝山区人民代表大会常务委员会公报（九届人大常委会第二十次、第二十一次会议）》'
		]);
		expect(en.legend.at(-1)).toMatchObject({ label: 'Derived', status: 'derived' });
		expect(en.sources[0]).toMatch(/^Source: Special report on .*, p\. 48$/);
		expect(en.sources[1]).toMatch(/^Published in Bulletin of the Standing Committee/);
	});

	it('fills the notes from the figures they cite: 1725亿元 comes from the figure, not the file', () => {
		const spec = topicPanels('industry').find((p) => p.id === 'industry-targets')!;
		expect(spec.notes![0]!.zh).toBe(
			'目标以“产业规模”表述，与规上工业产值口径不同；新材料2023年规上工业产值已达1725亿元。'
		);
		expect(spec.notes![0]!.en).toContain(
			'new materials output already reached 172.5 billion yuan in 2023.'
		);
		const water = topicPanels('water').find((p) => p.id === 'water-resources-change')!;
		expect(water.notes![0]!.zh).toMatch(/^地表水增加4700万立方米，浅层地下水减少800万立方米，/);
	});

	it('fills every note of every topic in both languages, leaving no brace behind', () => {
		const notes = dataset.catalog.topics.flatMap((t) =>
			topicPanels(t.id).flatMap((p) => p.notes ?? [])
		);
		expect(notes.length).toBeGreaterThan(40);
		for (const note of notes) {
			expect(note.zh).not.toMatch(/[{}]/);
			expect(note.en).not.toMatch(/[{}]/);
		}
	});

	it('fills the titles from the figures they cite, so a later bulletin cannot leave one stale', () => {
		const title = (topic: string, id: string) => topicPanels(topic).find((p) => p.id === id)!.title;
		expect(title('state-assets', 'sa-soe-classes')).toEqual({
			zh: '区属国有企业175户（按类别，2023年末）',
			en: 'The 175 district state-owned enterprises by class (end of 2023)'
		});
		expect(title('congress', 'congress-terminations').zh).toBe(
			'区人大代表资格终止（按原因，2024年5月29日），终止后实有代表348名'
		);
		expect(title('city-operations', 'city-ops-video-target').en).toBe(
			'Non-government video feeds: connected so far against the 2024 target of 9,000'
		);
		const titles = dataset.catalog.topics.flatMap((t) => topicPanels(t.id).map((p) => p.title));
		for (const t of titles) {
			expect(t.zh).not.toMatch(/[{}]/);
			expect(t.en).not.toMatch(/[{}]/);
		}
	});

	it('leads the overview with the declared chart of each topic, else its first', () => {
		const leads = overviewCharts(dataset.catalog.topics, source).map((s) => s.id);
		expect(leads).toHaveLength(dataset.catalog.topics.length);
		expect(leads).toEqual(
			expect.arrayContaining([
				'industry-output',
				'land-use',
				'forest-coverage',
				'enterprise-counts',
				'water-resources-share'
			])
		);
		expect(leadChange('land', source)).toMatchObject({
			lead: 'land-use',
			spec: { id: 'land-change' }
		});
		expect(compareDefault(source).periods).toEqual(['2023', '2024Q1']);
	});
});
