/**
 * Several bulletins in one dataset: the suite writes a small second bulletin (2024 figures and
 * restated 2023 ones) beside a copy of the real data, builds, and reads the built Parquet the
 * way the pages do. Only data files are added: the charts declared in data/charts/ take in the
 * new periods and the revisions, and their notes say the revised values.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	SECOND_BULLETIN_FILE,
	SECOND_BULLETIN_ID,
	secondBulletinFigures,
	secondBulletinReview,
	secondBulletinText
} from '../../../tests/fixtures/second-bulletin.js';
import { autoPanels, buildPanel, panelQuery } from '../panels.js';
import { filteredSpec } from '../chart-ref.js';
import { Coordinator } from '../data/coordinator.js';
import { narrowed } from '../data/narrow.js';
import { chartSource, headlineSpecs, topicCharts } from '../registry.js';
import { headlines } from '../headlines.js';
import { openNodeDb } from '../data/node-db.js';
import { chartFigures, chartFiguresBatch, splitBatch } from '../data/queries.js';
import { run, type Db } from '../data/query.js';
import { buildDataset, type Dataset } from './build.js';
import { extractCandidates } from '../extract/candidates.js';
import { coverageReport } from '../extract/coverage.js';
import { buildManifest } from '../extract/manifest.js';
import { formatRejection } from './table.js';
import { writeDataset } from './write.js';

const first = buildDataset('data');
let root: string;
let dataset: Dataset;
let db: Db & { close(): void };

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'bulletins-'));
	const data = join(root, 'data');
	cpSync('data', data, { recursive: true });
	const dir = join(data, 'sources', SECOND_BULLETIN_ID);
	mkdirSync(dir);
	writeFileSync(join(dir, SECOND_BULLETIN_FILE), secondBulletinText);
	writeFileSync(join(dir, 'review.json'), JSON.stringify(secondBulletinReview));
	const sha = createHash('sha256').update(secondBulletinText).digest('hex');
	const { manifest, problems } = buildManifest(secondBulletinText, secondBulletinReview, sha);
	expect(problems).toEqual([]);
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
	for (const [file, rows] of Object.entries(secondBulletinFigures))
		appendFileSync(join(data, 'figures', file), rows.join('\n') + '\n');
	dataset = buildDataset(data, root);
	await writeDataset(dataset, join(root, 'out'));
	db = await openNodeDb({ figures: join(root, 'out', 'figures.parquet') });
}, 60_000);

afterAll(() => {
	db?.close();
	if (root) rmSync(root, { recursive: true, force: true });
});

describe('a dataset of two bulletins', () => {
	it('validates the second bulletin beside the first without a rejection', () => {
		expect(dataset.rejections.map(formatRejection)).toEqual([]);
		expect(dataset.manifests.map((m) => m.bulletin.id).sort()).toEqual([
			'baoshan-2024-s20-s21',
			SECOND_BULLETIN_ID
		]);
	});

	it('charts forest coverage over three years, merging the periods of both bulletins', async () => {
		const rows = await run(
			chartFigures({ indicators: ['forest-coverage'], measures: ['level'] }),
			db
		);
		expect(rows.map((r) => [r.period, r.year])).toEqual([
			['2022-12-31', 2022],
			['2023-12-31', 2023],
			['2024-12-31', 2024]
		]);
		expect(rows[2]).toMatchObject({ value: 17.4, doc_id: 's22-forest-report', statements: 1 });
		// the revised 2023 value stands for its quantity, flagged as revised, not as disputed
		expect(rows[1]).toMatchObject({
			period: '2023-12-31',
			statements: 4,
			value: 17.05,
			id: 's22-forest-coverage-2023',
			revised: true,
			disputed: false
		});
	});

	it('reports the changed 2023 coverage as a revision by the later bulletin, not a discrepancy', () => {
		expect(dataset.revisions.map((r) => r.indicator_id)).toEqual([
			'forest-coverage',
			'industry-output-above-scale'
		]);
		const [revision] = dataset.revisions;
		expect(revision).toMatchObject({
			indicator_id: 'forest-coverage',
			period: '2023-12-31',
			measure: 'level',
			earlier_bulletin: 'baoshan-2024-s20-s21',
			later_bulletin: SECOND_BULLETIN_ID,
			later: [expect.objectContaining({ id: 's22-forest-coverage-2023', value: 17.05 })],
			base_unit: '%'
		});
		expect(revision!.earlier.map((s) => s.value)).toEqual([17.03, 17.03, 17.03]);
		expect(revision!.difference).toBeCloseTo(0.02, 10);
		expect(dataset.discrepancies).toEqual(first.discrepancies);
	});

	it('links a restatement that agrees to the earlier statement, with no revision', async () => {
		const rows = await run(
			chartFigures({
				indicators: ['forest-area'],
				periods: ['2023-12-31'],
				measures: ['level'],
				statements: true
			}),
			db
		);
		expect(rows.map((r) => r.id)).toContain('s22-forest-area-2023');
		expect(rows.map((r) => r.id)).toContain('forest-area-2023');
		expect(new Set(rows.map((r) => r.disputed))).toEqual(new Set([false]));
		expect(dataset.revisions.filter((r) => r.indicator_id === 'forest-area')).toEqual([]);
	});

	it('leaves every figure and check of the first bulletin unchanged, but for the revision link', () => {
		const after = new Map(dataset.figures.map((f) => [f.id, f]));
		for (const f of first.figures) {
			const { superseded_by, ...rest } = after.get(f.id)!;
			expect({ ...rest, superseded_by: f.superseded_by }, f.id).toEqual(f);
			const revision = dataset.revisions.find((r) => r.earlier.some((e) => e.id === f.id));
			expect(superseded_by, f.id).toBe(revision ? revision.later[0]!.id : null);
		}
		expect(dataset.figures.filter((f) => f.superseded_by).map((f) => f.superseded_by)).toEqual(
			expect.arrayContaining(['s22-forest-coverage-2023', 's22-new-materials-output-2023'])
		);
		expect(dataset.figures.filter((f) => f.bulletin_id === SECOND_BULLETIN_ID)).toHaveLength(9);
		expect(dataset.checks).toEqual(first.checks);
	});

	it('extracts the second bulletin: its curated figures found, the rest proposed with a filing', () => {
		const manifest = dataset.manifests.find((m) => m.bulletin.id === SECOND_BULLETIN_ID)!;
		const extraction = extractCandidates({
			text: secondBulletinText,
			manifest,
			catalog: dataset.catalog,
			figures: dataset.figures,
			explanations: []
		});
		const report = coverageReport(manifest, extraction, dataset.figures);
		expect(report.problems).toEqual([]);
		expect(report.totals).toMatchObject({ figures: 9, figures_found: 9, uncurated: 2 });
		expect(report.uncurated.map((c) => [c.mention.value, c.mention.unit])).toEqual([
			[420, '亩'],
			[10, '公顷']
		]);
		const [afforestation, cultivated] = report.uncurated.map((c) => c.suggestion);
		expect(afforestation).toMatchObject({ indicator: 'forest-new-area', period: '2024' });
		expect(cultivated).toMatchObject({
			indicator: 'land-area',
			sector: 'land-class-cultivated',
			measure: 'change',
			value: '-10'
		});
	});
});

describe('the declared charts over two bulletins', () => {
	const panels = (topic: string) =>
		topicCharts(topic, chartSource(dataset.charts, dataset.figures));

	it('declares the same charts: the second bulletin changed no chart file', () => {
		expect(dataset.charts).toEqual(first.charts);
	});

	it('draws forest coverage over three years, the revised 2023 value among them', async () => {
		const spec = panels('forest').find((p) => p.id === 'forest-coverage')!;
		const rows = await run(panelQuery(spec), db);
		expect(rows.map((r) => [r.period, r.value])).toEqual([
			['2022-12-31', expect.any(Number)],
			['2023-12-31', 17.05],
			['2024-12-31', 17.4]
		]);
		const panel = buildPanel(spec, rows, 'zh');
		expect(panel.subtitle).toContain('2024年末');
		expect(panel.common.table.map((t) => t.figure)).toContain('s22-forest-coverage-2024');
	});

	it('puts the 2024 output of new materials beside 2023 and measures the 2026 target against it', async () => {
		const output = panels('industry').find((p) => p.id === 'industry-output')!;
		const rows = await run(panelQuery(output), db);
		const newMaterials = rows.filter((r) => r.sector_id === 'industry-key-new-materials');
		expect(newMaterials.map((r) => [r.period, r.value, r.id])).toEqual([
			['2023', 1730, 's22-new-materials-output-2023'],
			['2024', 1802, 's22-new-materials-output-2024']
		]);
		const targets = panels('industry').find((p) => p.id === 'industry-targets')!;
		const progress = buildPanel(targets, await run(panelQuery(targets), db), 'zh').progress!;
		const item = progress.items.find((i) => i.label === '新材料')!;
		expect(item.current?.figure).toBe('s22-new-materials-output-2024');
	});

	it('fills the notes from the revised figures: the note says 1730亿元 where it said 1725亿元', () => {
		const note = (source: Dataset) =>
			topicCharts('industry', chartSource(source.charts, source.figures)).find(
				(p) => p.id === 'industry-targets'
			)!.notes![0]!;
		expect(note(first).zh).toContain('新材料2023年规上工业产值已达1725亿元');
		expect(note(dataset).zh).toContain('新材料2023年规上工业产值已达1730亿元');
		expect(note(dataset).en).toContain('already reached 173 billion yuan in 2023');
	});

	it('heads the overview with the latest output of new materials', async () => {
		const specs = headlineSpecs(chartSource(dataset.charts, dataset.figures));
		const rows = await run(chartFigures({ indicators: specs.map((s) => s.indicator) }), db);
		const [lead] = headlines(rows, specs);
		expect(lead!.level).toMatchObject({ id: 's22-new-materials-output-2024', value: 1802 });
	});

	// indicators of every shape a page's filter meets: sectors with a district total, a quarter
	// beside years, a range beside a quarter, years beside year-end dates, restated and revised
	// figures of two bulletins (every indicator: 765 states, 9 s; these: a tenth of that)
	const SHAPES = [
		'industry-output-above-scale',
		'industry-scale',
		'city-operations-dispatched-cases',
		'ent-high-tech',
		'forest-coverage',
		'water-resources'
	];

	it('answers every sector and period of an indicator page, narrowed in memory or from the page’s rows, exactly as the engine would', async () => {
		const catalog = {
			...dataset.catalog,
			indicators: dataset.catalog.indicators.filter((i) => SHAPES.includes(i.id))
		};
		expect(catalog.indicators).toHaveLength(SHAPES.length);
		const areas = catalog.areas.map((a) => a.id);
		const every = await run(
			chartFigures({ indicators: catalog.indicators.map((i) => i.id), areas }),
			db
		);
		const stated = await run(
			chartFigures({ indicators: catalog.indicators.map((i) => i.id), areas, statements: true }),
			db
		);
		const coordinator = new Coordinator(db);
		let states = 0;
		for (const indicator of catalog.indicators) {
			const statements = stated.filter((r) => r.indicator_id === indicator.id);
			if (!statements.length) continue;
			const all = every.filter((r) => r.indicator_id === indicator.id);
			const specs = autoPanels(indicator, all, statements, catalog.groups);
			// every sector and every period the page's selects offer
			const narrowedSpecs = [...new Set(statements.flatMap((r) => r.sector_id ?? []))].flatMap(
				(sector) => specs.flatMap((spec) => filteredSpec(spec, sector, '') ?? [])
			);
			for (const period of new Set(statements.map((r) => r.period)))
				narrowedSpecs.push(...specs.flatMap((spec) => filteredSpec(spec, '', period) ?? []));
			if (!narrowedSpecs.length) continue;
			const filters = narrowedSpecs.map((s) => ({ ...s.filter, statements: s.statements }));
			const fromMemory = await coordinator.charts(filters);
			const fromEngine = splitBatch(await run(chartFiguresBatch(filters), db), filters.length);
			expect(fromMemory, indicator.id).toEqual(fromEngine);
			// the page's own rows (the build's answer to each panel), narrowed, before the engine
			const pageRows = splitBatch(
				await run(
					chartFiguresBatch(specs.map((s) => ({ ...s.filter, statements: s.statements }))),
					db
				),
				specs.length
			);
			const fromPage = narrowedSpecs.map((spec) =>
				narrowed(pageRows[specs.findIndex((s) => s.id === spec.id)]!, spec.filter)
			);
			expect(fromPage, indicator.id).toEqual(fromEngine);
			// and no panel holds a period its own spec does not: a quarter never lands on a year's axis
			narrowedSpecs.forEach((spec, i) => {
				const own = specs.find((s) => s.id === spec.id)!.filter.periods;
				for (const row of fromMemory[i]!)
					expect(own ?? [row.period], `${spec.id} ${row.id}`).toContain(row.period);
			});
			states += filters.length;
		}
		expect(states).toBeGreaterThan(100);
		// one statement per indicator answered every state of its page
		expect(coordinator.stats.statements).toBe(SHAPES.length);
	});
});
