import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTinyData } from '../../../tests/fixtures/tiny-data.js';
import { buildDataset } from '../dataset/build.js';
import { writeDataset } from '../dataset/write.js';
import { Cancelled, Coordinator, filterKey } from './coordinator.js';
import { narrowed, widened } from './narrow.js';
import { openNodeDb } from './node-db.js';
import { chartFigures, type ChartRow, type FigureFilter } from './queries.js';
import { run, type Db } from './query.js';

/** A scheduler the test turns by hand: the questions of one turn go out on `turn()`. */
function manualTurns() {
	let pending: (() => void) | undefined;
	return {
		schedule: (flush: () => void) => void (pending = flush),
		async turn() {
			const flush = pending;
			pending = undefined;
			flush?.();
			// let the engine's answers and the waiters' callbacks run
			for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
		}
	};
}

/** An engine that answers every statement with one made-up row per chart and remembers what it was sent. */
function fakeEngine(refuse = 'refused') {
	const sent: string[] = [];
	const db: Db = {
		async all(sql, params) {
			sent.push(sql);
			if (params.includes(refuse)) throw new Error(`no such indicator: ${refuse}`);
			const charts = sql.match(/ AS batch/g)?.length ?? 0;
			if (charts === 0) return [{ id: `one ${params[0]}` }];
			// chartFiguresBatch: the first distinct indicator lists precede each chart's own parameters
			return Array.from({ length: charts }, (_, batch) => ({ batch, id: `batch ${batch}` }));
		}
	};
	return { db, sent };
}

const land: FigureFilter = { indicators: ['land-area'], measures: ['level'] };
const water: FigureFilter = { indicators: ['water'], measures: ['level'] };

describe('the coordinator', () => {
	it('sends the chart questions of one turn as one statement and answers each its own rows', async () => {
		const { db, sent } = fakeEngine();
		const turns = manualTurns();
		const coordinator = new Coordinator(db, turns);
		const answers = Promise.all([coordinator.chart(land), coordinator.chart(water)]);
		await turns.turn();
		expect(sent).toHaveLength(1);
		expect(await answers).toEqual([[{ id: 'batch 0' }], [{ id: 'batch 1' }]]);
	});

	it('answers a state seen before from memory, with the same rows', async () => {
		const { db, sent } = fakeEngine();
		const turns = manualTurns();
		const coordinator = new Coordinator(db, turns);
		const first = coordinator.chart(land);
		await turns.turn();
		// the same question with its fields in another order is the same question
		const again = await coordinator.chart({ measures: ['level'], indicators: ['land-area'] });
		expect(again).toBe(await first);
		expect(sent).toHaveLength(1);
		expect(coordinator.stats).toMatchObject({ asked: 2, shared: 1, statements: 1 });
	});

	it('asks a question once however many charts wait for it', async () => {
		const { db, sent } = fakeEngine();
		const turns = manualTurns();
		const coordinator = new Coordinator(db, turns);
		const a = coordinator.chart(land);
		const b = coordinator.chart(land);
		await turns.turn();
		expect(await a).toBe(await b);
		expect(sent).toHaveLength(1);
	});

	it('sends nothing for a question nobody waits for any more', async () => {
		const { db, sent } = fakeEngine();
		const turns = manualTurns();
		const coordinator = new Coordinator(db, turns);
		const stale = new AbortController();
		const old = coordinator.chart(land, stale.signal);
		stale.abort();
		await expect(old).rejects.toBeInstanceOf(Cancelled);
		const current = coordinator.chart(water);
		await turns.turn();
		expect(await current).toEqual([{ id: 'one water' }]);
		expect(sent).toHaveLength(1);
		expect(coordinator.stats.dropped).toBe(1);
	});

	it('lets one waiter stop waiting while another still gets the answer', async () => {
		const { db } = fakeEngine();
		const turns = manualTurns();
		const coordinator = new Coordinator(db, turns);
		const leaving = new AbortController();
		const gone = coordinator.chart(land, leaving.signal);
		const staying = coordinator.chart(land);
		leaving.abort();
		await expect(gone).rejects.toBeInstanceOf(Cancelled);
		await turns.turn();
		expect(await staying).toEqual([{ id: 'one land-area' }]);
	});

	it('gives a refused question its own error and the others of its turn their rows', async () => {
		const { db } = fakeEngine();
		const turns = manualTurns();
		const coordinator = new Coordinator(db, turns);
		const failure = (p: Promise<unknown>) =>
			p.then(
				() => null,
				(e: Error) => e.message
			);
		const bad = failure(coordinator.chart({ indicators: ['refused'] }));
		const good = coordinator.chart(land);
		await turns.turn();
		expect(await bad).toBe('no such indicator: refused');
		expect(await good).toEqual([{ id: 'one land-area' }]);
		// an error is not remembered: asked again, the question goes to the engine again
		const again = failure(coordinator.chart({ indicators: ['refused'] }));
		await turns.turn();
		expect(await again).toBe('no such indicator: refused');
	});

	it('keeps only its most recent answers', async () => {
		const { db, sent } = fakeEngine();
		const turns = manualTurns();
		const coordinator = new Coordinator(db, { ...turns, capacity: 1 });
		void coordinator.chart(land);
		await turns.turn();
		void coordinator.chart(water);
		await turns.turn();
		void coordinator.chart(land);
		await turns.turn();
		expect(sent).toHaveLength(3);
	});

	it('asks ahead one state per statement, and a state asked ahead is then answered from memory', async () => {
		const { db, sent } = fakeEngine();
		const turns = manualTurns();
		const coordinator = new Coordinator(db, turns);
		const change: FigureFilter = { ...land, measures: ['change'] };
		coordinator.prefetch([[land, change], [water]]);
		await turns.turn();
		expect(sent).toHaveLength(2);
		expect(coordinator.stats.prefetched).toBe(3);
		const chosen = await Promise.all([coordinator.chart(change), coordinator.chart(water)]);
		expect(chosen).toEqual([[{ id: 'batch 1' }], [{ id: 'one water' }]]);
		expect(sent).toHaveLength(2);
		// a state already known is not asked ahead again, nor one narrowed from a known chart
		coordinator.prefetch([
			[water],
			[
				{ ...land, sectors: ['forest'] },
				{ ...change, periods: ['2023'] }
			]
		]);
		await turns.turn();
		expect(sent).toHaveLength(2);
	});

	it('sends a reader’s question before the states still to be asked ahead', async () => {
		const sent: string[] = [];
		let release: () => void = () => {};
		const db: Db = {
			async all(_sql, params) {
				const id = String(params.find((p) => ['a', 'b', 'c', 'reader'].includes(String(p))));
				sent.push(id);
				// the first state asked ahead is still in the engine when the reader asks
				if (sent.length === 1) await new Promise<void>((r) => (release = r));
				return [{ id }];
			}
		};
		const turns = manualTurns();
		const coordinator = new Coordinator(db, turns);
		const states = ['a', 'b', 'c'].map((i) => [{ indicators: [i] }]);
		coordinator.prefetch(states);
		await turns.turn();
		const reader = coordinator.chart({ indicators: ['reader'] });
		await turns.turn();
		release();
		await turns.turn();
		expect(await reader).toEqual([{ id: 'reader' }]);
		expect(sent).toEqual(['a', 'reader', 'b', 'c']);
	});

	it('drops the states not yet asked ahead when their page goes', async () => {
		const { db, sent } = fakeEngine();
		const turns = manualTurns();
		const coordinator = new Coordinator(db, turns);
		const page = new AbortController();
		void coordinator.chart(land);
		coordinator.prefetch([[water], [{ indicators: ['x'] }]], page.signal);
		page.abort();
		await turns.turn();
		expect(sent).toHaveLength(1);
	});

	it('takes a page’s rows as the answer when the engine holds their dataset, and asks otherwise', async () => {
		const page: ChartRow[] = [{ id: 'from the build' } as unknown as ChartRow];
		const forest: FigureFilter = { ...land, sectors: ['forest'] };
		for (const [held, kept] of [
			['v1', true],
			['v2', false],
			[null, false]
		] as const) {
			const { db, sent } = fakeEngine();
			const turns = manualTurns();
			const coordinator = new Coordinator({ ...db, version: async () => held }, turns);
			coordinator.seed(land, page, 'v1');
			// asked at once, as a page asks the state on screen right after seeding
			const wide = coordinator.chart(land);
			const narrow = coordinator.chart(forest);
			await turns.turn();
			await turns.turn();
			expect(await wide, `engine holding ${held}`).toEqual(kept ? page : [{ id: 'one land-area' }]);
			expect(sent, `engine holding ${held}`).toHaveLength(kept ? 0 : 1);
			expect(coordinator.stats.seeded).toBe(kept ? 1 : 0);
			expect(await narrow).toEqual(narrowed(await wide, forest));
			// nothing is asked ahead for a seeded question either
			coordinator.prefetch([[land]]);
			await turns.turn();
			expect(sent).toHaveLength(kept ? 0 : 1);
		}
		// an engine that cannot tell its dataset (no version) is always asked
		const { db, sent } = fakeEngine();
		const turns = manualTurns();
		const coordinator = new Coordinator(db, turns);
		coordinator.seed(land, page, 'v1');
		const answer = coordinator.chart(land);
		await turns.turn();
		await turns.turn();
		expect(await answer).toEqual([{ id: 'one land-area' }]);
		expect(sent).toHaveLength(1);
	});

	it('answers from a seeded panel only the choices among its own periods, never another panel’s', async () => {
		const row = (sector_id: string | null, period: string) =>
			({ id: `${sector_id}-${period}`, sector_id, period }) as unknown as ChartRow;
		const annual: FigureFilter = { ...land, periods: ['2022', '2023'] };
		const page = [
			row(null, '2022'),
			row('forest', '2022'),
			row(null, '2023'),
			row('forest', '2023')
		];
		const { db, sent } = fakeEngine();
		const turns = manualTurns();
		const coordinator = new Coordinator({ ...db, version: async () => 'v1' }, turns);
		coordinator.seed(annual, page, 'v1');
		const chosen = coordinator.chart({ ...land, sectors: ['forest'], periods: ['2023'] });
		const panel = coordinator.chart(annual);
		await turns.turn();
		expect(await chosen).toEqual([row('forest', '2023')]);
		expect(await panel).toEqual(page);
		expect(sent).toHaveLength(0);
		// the panel's own state asked ahead: nothing to send
		coordinator.prefetch([[annual]]);
		await turns.turn();
		expect(sent).toHaveLength(0);
		// a quarter is another panel's period (and a sector alone spans every period): the engine
		const quarter = coordinator.chart({ ...land, periods: ['2024Q1'] });
		const forest = coordinator.chart({ ...land, sectors: ['forest'] });
		await turns.turn();
		await Promise.all([quarter, forest]);
		expect(sent).toHaveLength(1);
	});

	it('tells questions apart by every field, and not by their order', () => {
		expect(filterKey({ indicators: ['a', 'b'] })).toBe(filterKey({ indicators: ['b', 'a'] }));
		expect(filterKey({ indicators: ['a'], statements: false })).toBe(
			filterKey({ indicators: ['a'] })
		);
		expect(filterKey({ indicators: ['a'], sectorGroup: null })).not.toBe(
			filterKey({ indicators: ['a'] })
		);
		expect(filterKey({ indicators: ['a'], periods: ['2023'] })).not.toBe(
			filterKey({ indicators: ['a'], periods: ['2024'] })
		);
	});
});

describe('the coordinator on DuckDB', () => {
	let db: Db & { close(): void };

	beforeAll(async () => {
		const data = mkdtempSync(join(tmpdir(), 'coordinator-data-'));
		writeTinyData(data);
		const out = mkdtempSync(join(tmpdir(), 'coordinator-out-'));
		await writeDataset(buildDataset(data), out);
		db = await openNodeDb({ figures: join(out, 'figures.parquet') });
	}, 30_000);
	afterAll(() => db?.close());

	it('answers each chart of a gathered statement exactly as its own query would', async () => {
		const filters: FigureFilter[] = [
			{ indicators: ['land-area'], measures: ['level'] },
			{ indicators: ['land-area'], measures: ['change'] },
			{ indicators: ['land-area'], sectors: ['forest'] },
			{ indicators: ['land-area'], statements: true },
			{ indicators: ['nothing-here'] }
		];
		const coordinator = new Coordinator(db);
		const gathered = await coordinator.charts(filters);
		expect(coordinator.stats.statements).toBe(1);
		const alone = await Promise.all(filters.map((f) => run(chartFigures(f), db)));
		expect(gathered).toEqual(alone);
		expect(alone[0]!.map((r) => r.value)).toEqual([1738, 1700, 5147.5]);
	});

	it('answers every sector and period of a chart from one statement, each as its own query would', async () => {
		const land: FigureFilter = { indicators: ['land-area'] };
		const states: FigureFilter[] = [
			{ ...land, sectors: ['forest'] },
			{ ...land, sectors: ['cultivated'] },
			{ ...land, periods: ['2023-12-31'] },
			{ ...land, sectors: ['cultivated'], periods: ['2022-12-31', '2023'] },
			{ ...land, sectors: ['cultivated'], statements: true },
			{ ...land, sectors: ['water'] }
		];
		const coordinator = new Coordinator(db);
		const sliced = await coordinator.charts(states);
		// the wide chart and the wide chart of every statement: two questions, one statement
		expect(coordinator.stats.statements).toBe(1);
		const alone = await Promise.all(states.map((f) => run(chartFigures(f), db)));
		expect(sliced).toEqual(alone);
		expect(alone[1]!.map((r) => [r.period, r.value])).toEqual([
			['2022-12-31', 1738],
			['2023', -38],
			['2023-12-31', 1700]
		]);
		expect(alone[5]).toEqual([]);
		// asked again: the same rows, from memory
		const again = await coordinator.charts(states);
		expect(coordinator.stats.statements).toBe(1);
		again.forEach((rows, i) => expect(rows).toBe(sliced[i]));
	});
});

describe('narrowing a chart’s rows', () => {
	const row = (sector_id: string | null, period: string) => ({ sector_id, period }) as ChartRow;

	it('widens a filter by taking away only its sectors and periods', () => {
		expect(widened({ indicators: ['a'], measures: ['level'] })).toBeNull();
		expect(
			widened({ indicators: ['a'], sectors: ['x'], periods: ['2023'], areas: ['baoshan'] })
		).toEqual({ indicators: ['a'], areas: ['baoshan'] });
	});

	it('keeps the rows of the chosen sectors and periods, in order, and no district total for a sector', () => {
		const rows = [row('x', '2023'), row(null, '2023'), row('y', '2023'), row('x', '2024')];
		expect(narrowed(rows, { indicators: ['a'], sectors: ['x'] })).toEqual([rows[0], rows[3]]);
		expect(narrowed(rows, { indicators: ['a'], periods: ['2023'] })).toEqual(rows.slice(0, 3));
		expect(narrowed(rows, { indicators: ['a'], sectors: ['y', 'x'], periods: ['2024'] })).toEqual([
			rows[3]
		]);
	});
});
