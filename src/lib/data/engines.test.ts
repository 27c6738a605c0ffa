/**
 * The same SQL on both engines: Node DuckDB over the Parquet (what prerendering uses) and
 * DuckDB-WASM over the engine's Arrow IPC files, its `figures` a join of a narrow fact table
 * with its text and dimensions (what the browser uses) must return the same rows.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choiceFilter } from '../compare.js';
import { chartSource, compareDefault, headlinesQuery, topicCharts } from '../registry.js';
import { panelQuery } from '../panels.js';
import { buildDataset } from '../dataset/build.js';
import { writeDataset } from '../dataset/write.js';
import { createFigures, FIGURES_SELECT, MATERIALISE_BELOW_BYTES } from './engine-tables.js';
import { openNodeDb } from './node-db.js';
import {
	chartFigures,
	chartFiguresBatch,
	documentFigures,
	figuresPerTopic,
	splitBatch
} from './queries.js';
import { run, type Db, type Query } from './query.js';
import { FIGURE_COLUMNS } from './schema.js';
import { openWasmNodeDb } from './wasm-node-db.js';

const dataset = buildDataset('data');
const areas = dataset.catalog.areas.map((a) => a.id);
const charts = chartSource(dataset.charts, dataset.figures);
const topicPanels = (topic: string) => topicCharts(topic, charts);

/**
 * Every query the views run, by name: the overview's headlines, every topic panel, each
 * document's figures, and the comparison's default. A new view adds its queries here. The
 * indicator pages' queries differ only in their ids, so they are compared all at once below.
 */
const VIEW_QUERIES: Record<string, Query<unknown>> = {
	headlines: headlinesQuery(charts),
	figuresPerTopic: figuresPerTopic(),
	compare: chartFigures(choiceFilter(compareDefault(charts), areas)),
	...Object.fromEntries(
		dataset.catalog.topics.flatMap((t) =>
			topicPanels(t.id).map((p) => [`topic ${t.id}/${p.id}`, panelQuery(p)])
		)
	),
	...Object.fromEntries(
		dataset.manifests[0]!.documents.map((d) => [`document ${d.id}`, documentFigures(d.id)])
	)
};

/** The indicator pages' query over every indicator at once, without and with statements. */
const INDICATORS = dataset.catalog.indicators.map((i) => i.id);

let nodeDb: Db & { close(): void };
let wasmDb: Db & { close(): void };

beforeAll(async () => {
	const out = mkdtempSync(join(tmpdir(), 'figures-'));
	await writeDataset(dataset, out);
	nodeDb = await openNodeDb({ figures: join(out, 'figures.parquet') });
	wasmDb = await openWasmNodeDb(out);
}, 60_000);

afterAll(() => {
	nodeDb?.close();
	wasmDb?.close();
});

describe('both engines', () => {
	for (const [name, query] of Object.entries(VIEW_QUERIES)) {
		it(`return the same rows for ${name}`, async () => {
			const [a, b] = await Promise.all([run(query, nodeDb), run(query, wasmDb)]);
			if (!name.startsWith('document ')) expect(a.length, name).toBeGreaterThan(0);
			expect(b).toEqual(a);
		});
	}

	for (const statements of [false, true]) {
		it(`return the same rows for every indicator page${statements ? "'s statements" : ''}`, async () => {
			const query = chartFigures({ indicators: INDICATORS, areas, statements });
			const [a, b] = await Promise.all([run(query, nodeDb), run(query, wasmDb)]);
			const charted = new Set(a.map((r) => r.indicator_id));
			expect(
				INDICATORS.filter((id) => !charted.has(id)),
				'indicators with no figure'
			).toEqual([]);
			expect(b).toEqual(a);
		});
	}

	it("answer a batch of a page's charts as they answer each chart alone", async () => {
		const pages = [
			...dataset.catalog.topics.map((t) =>
				topicPanels(t.id).map((p) => ({ ...p.filter, statements: p.statements }))
			),
			// an indicator page filtered to one sector, as a reader's change asks it
			[false, true].map((statements) => ({
				indicators: ['land-area'],
				sectors: ['land-class-cultivated'],
				areas,
				statements
			}))
		];
		for (const filters of pages) {
			const alone = await Promise.all(filters.map((f) => run(chartFigures(f), nodeDb)));
			const batch = splitBatch(await run(chartFiguresBatch(filters), wasmDb), filters.length);
			expect(batch).toEqual(alone);
		}
		expect(pages.flat().length).toBeGreaterThan(30);
	});

	it("make the same figures of the narrow tables as a view, the way a large dataset's are made", async () => {
		await wasmDb.all(`CREATE VIEW figures_joined AS ${FIGURES_SELECT}`, []);
		const [table, view] = await Promise.all([
			run({ sql: 'SELECT * FROM figures ORDER BY id', params: [] }, wasmDb),
			run({ sql: 'SELECT * FROM figures_joined ORDER BY id', params: [] }, wasmDb)
		]);
		expect(createFigures(MATERIALISE_BELOW_BYTES)).toMatch(/^CREATE VIEW figures AS/);
		expect(createFigures(0)).toMatch(/^CREATE TABLE figures AS/);
		expect(view).toEqual(table);
		expect(Object.keys(view[0]!)).toEqual(FIGURE_COLUMNS.map(([n]) => n));
	});

	it('agree on every column of every figure', async () => {
		const all = { sql: 'SELECT * FROM figures ORDER BY id', params: [] };
		const [a, b] = await Promise.all([run(all, nodeDb), run(all, wasmDb)]);
		expect(a.length).toBeGreaterThan(400);
		expect(b).toEqual(a);
	});

	it('answer the overview with real values: new materials 1725 亿元 in 2023', async () => {
		const rows = await run(headlinesQuery(charts), wasmDb);
		const row = rows.find(
			(r) => r.sector_id === 'industry-key-new-materials' && r.period === '2023'
		);
		expect(row).toMatchObject({
			value: 1725,
			unit: '亿元',
			base_value: 172_500_000_000,
			derived: false
		});
	});

	it('count restatements and flag disagreeing ones', async () => {
		const rows = await run(
			chartFigures({ indicators: ['ent-high-tech'], measures: ['level'], periods: ['2023-12-31'] }),
			wasmDb
		);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			value: 1850,
			statements: 2,
			disputed: true,
			doc_id: 's21-sme-report'
		});
	});
});
