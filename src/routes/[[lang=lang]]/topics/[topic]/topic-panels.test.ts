/**
 * Every topic's declared panels against the real data: each finds figures, and none puts
 * two units on one axis (a progress chart may pair a target with a level of the same unit only).
 */
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '$lib/data/node-db.js';
import { run, type Db } from '$lib/data/query.js';
import { buildPanel, panelQuery } from '$lib/panels.js';
import { buildDataset } from '$lib/extract/build.js';
import { writeDataset } from '$lib/extract/write.js';
import { topicPanels } from './topic-panels.js';

const dataset = buildDataset('data');
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
	});

	it('shows the twelve land classes as parts of 36533 公顷', async () => {
		const spec = topicPanels('land').find((p) => p.id === 'land-use-share')!;
		const panel = buildPanel(spec, await run(panelQuery(spec), db), 'zh');
		expect(panel.share!.parts).toHaveLength(12);
		expect(panel.share!.total?.value).toBe(36533);
		expect(panel.share!.parts.reduce((a, p) => a + p.value, 0)).toBeCloseTo(36533, 6);
	});
});
