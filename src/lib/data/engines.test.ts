/**
 * The same SQL on both engines: Node DuckDB over the Parquet (what prerendering uses) and
 * DuckDB-WASM over the Arrow IPC file (what the browser uses) must return the same rows.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overviewQueries } from '../../routes/[[lang=lang]]/overview.js';
import { buildDataset } from '../extract/build.js';
import { writeDataset } from '../extract/write.js';
import { openNodeDb } from './node-db.js';
import { chartFigures, figuresPerTopic } from './queries.js';
import { run, type Db, type Query } from './query.js';
import { openWasmNodeDb } from './wasm-node-db.js';

/** Every query a view runs, by name. A new view adds its queries here. */
const VIEW_QUERIES: Record<string, Query<unknown>> = {
	...Object.fromEntries(Object.entries(overviewQueries).map(([k, q]) => [`overview.${k}`, q])),
	figuresPerTopic: figuresPerTopic(),
	allLandLevels: chartFigures({ indicators: ['land-area'], measures: ['level'] }),
	cityComparison: chartFigures({
		indicators: ['land-industrial-output-per-mu'],
		areas: ['baoshan', 'shanghai']
	})
};

let nodeDb: Db & { close(): void };
let wasmDb: Db & { close(): void };

beforeAll(async () => {
	const out = mkdtempSync(join(tmpdir(), 'figures-'));
	await writeDataset(buildDataset('data'), out);
	nodeDb = await openNodeDb({ figures: join(out, 'figures.parquet') });
	wasmDb = await openWasmNodeDb({ figures: join(out, 'figures.arrow') });
}, 60_000);

afterAll(() => {
	nodeDb?.close();
	wasmDb?.close();
});

describe('both engines', () => {
	for (const [name, query] of Object.entries(VIEW_QUERIES)) {
		it(`return the same rows for ${name}`, async () => {
			const [a, b] = await Promise.all([run(query, nodeDb), run(query, wasmDb)]);
			expect(a.length, name).toBeGreaterThan(0);
			expect(b).toEqual(a);
		});
	}

	it('agree on every column of every figure', async () => {
		const all = { sql: 'SELECT * FROM figures ORDER BY id', params: [] };
		const [a, b] = await Promise.all([run(all, nodeDb), run(all, wasmDb)]);
		expect(a.length).toBeGreaterThan(400);
		expect(b).toEqual(a);
	});

	it('answer the overview with real values: new materials 1725 亿元 in 2023', async () => {
		const rows = await run(overviewQueries.industryOutput, wasmDb);
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
