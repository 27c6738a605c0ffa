/**
 * One coordinator between the pages and the engine. Charts ask; the coordinator
 *
 * - gathers the chart questions asked in one turn of the event loop (one filter change, however
 *   many charts it touches) into one statement, and answers each chart its own slice;
 * - asks a question already on its way or already answered only once: the same state seen again
 *   (a filter set back, a page visited again) is answered from memory, the same rows as before;
 * - answers a chart narrowed to some sectors or periods from the rows of the chart without them
 *   (narrow.ts): one statement answers every sector and period of a page, and each choice after
 *   it is a filter of rows in memory;
 * - sends nothing for a question nobody waits for any more (a filter changed again before the
 *   engine was asked), and lets a waiter stop waiting without failing the others;
 * - asks ahead, while the engine has nothing else to do, what a reader is likely to choose next
 *   (each other option of a filter), one state per statement, so that choosing it is answered
 *   from memory and a reader's own question never waits behind more than one of them;
 * - takes a page's prerendered rows as the engine's own answer (`seed`) when the engine holds
 *   the dataset the build answered them from, so the page's narrowed states ask no statement.
 *
 * The figures do not change while a page is open, so an answer stays true as long as it is kept.
 */
import { pagesDb } from './pages-db.js';
import {
	chartFigures,
	chartFiguresBatch,
	splitBatch,
	type ChartRow,
	type FigureFilter
} from './queries.js';
import { covers, narrowed, widened } from './narrow.js';
import { inlineParams, type Db, type Query } from './query.js';

/** What a question's waiter gets when it stops waiting. */
export class Cancelled extends Error {
	override name = 'AbortError';
	constructor() {
		super('no longer asked');
	}
}

interface Waiter<T> {
	resolve(value: T): void;
	reject(error: unknown): void;
	signal?: AbortSignal;
}

interface Question {
	key: string;
	/** A chart question, gathered with the others of its turn, or a statement of its own. */
	chart?: FigureFilter;
	query?: Query<unknown>;
	waiters: Set<Waiter<unknown[]>>;
}

export interface CoordinatorStats {
	/** Questions asked by charts. */
	asked: number;
	/** Of those, answered from memory or by a question already on its way. */
	shared: number;
	/** Statements sent to the engine. */
	statements: number;
	/** Questions never sent because nobody waited for them any more. */
	dropped: number;
	/** Chart questions asked ahead of a reader (`prefetch`). */
	prefetched: number;
	/** Chart answers taken from a page's prerendered rows (`seed`). */
	seeded: number;
}

export interface CoordinatorOptions {
	/** How a turn's questions are sent once it ends (tests pass their own). */
	schedule?: (flush: () => void) => void;
	/** How many answers are kept. */
	capacity?: number;
}

export class Coordinator {
	readonly stats: CoordinatorStats = {
		asked: 0,
		shared: 0,
		statements: 0,
		dropped: 0,
		prefetched: 0,
		seeded: 0
	};
	readonly #db: () => Promise<Db>;
	readonly #schedule: (flush: () => void) => void;
	readonly #capacity: number;
	/** Answers, oldest first; a hit moves to the end. */
	readonly #answers = new Map<string, unknown[]>();
	readonly #asked = new Map<string, Question>();
	readonly #sent = new Map<string, Question>();
	#scheduled = false;
	/** Turns of readers' questions on their way to the engine. */
	#turns = 0;
	/** Prefetches waiting for the readers' questions to be answered. */
	#idle: (() => void)[] = [];
	/** States to ask ahead, each the charts of one state, in order. */
	readonly #later: { filters: FigureFilter[]; signal?: AbortSignal }[] = [];
	#draining = false;
	/** Seeds whose dataset version is being compared with the engine's. */
	readonly #seeding = new Set<Promise<void>>();
	/** Seeds kept, by the key of their filter widened: each answers the choices it covers. */
	readonly #covers = new Map<string, { filter: FigureFilter; key: string }[]>();

	constructor(db: Db | (() => Promise<Db>), options: CoordinatorOptions = {}) {
		this.#db = typeof db === 'function' ? db : async () => db;
		this.#schedule = options.schedule ?? ((flush) => setTimeout(flush, 0));
		this.#capacity = options.capacity ?? 256;
	}

	/**
	 * One chart's rows, as `chartFigures(filter)` returns them. A chart narrowed to sectors or
	 * periods is answered from the wider chart's rows, the same rows for the same state each time.
	 */
	chart(filter: FigureFilter, signal?: AbortSignal): Promise<ChartRow[]> {
		// a seed on its way may answer this: the engine is asked only once it is settled
		if (this.#seeding.size > 0) return this.#seeded().then(() => this.chart(filter, signal));
		const wide = widened(filter);
		if (!wide)
			return this.#ask(`chart ${filterKey(filter)}`, { chart: filter }, signal) as Promise<
				ChartRow[]
			>;
		const key = `slice ${filterKey(filter)}`;
		const known = (this.#recall(key) as ChartRow[] | undefined) ?? this.#covered(filter);
		if (known) {
			this.#remember(key, known);
			this.stats.asked++;
			this.stats.shared++;
			return Promise.resolve(known);
		}
		return this.chart(wide, signal).then((rows) => {
			const slice = (this.#recall(key) as ChartRow[] | undefined) ?? narrowed(rows, filter);
			this.#remember(key, slice);
			return slice;
		});
	}

	/** Several charts' rows, asked together, in the order of the filters. */
	charts(filters: FigureFilter[], signal?: AbortSignal): Promise<ChartRow[][]> {
		return Promise.all(filters.map((filter) => this.chart(filter, signal)));
	}

	/**
	 * The build's answer to a chart question (a page's prerendered rows, in the order and shape
	 * `chartFigures(filter)` returns), answered from the dataset of `version`: kept as the
	 * engine's own answer if the engine holds that same dataset (`Db.version`), so the question
	 * and every state narrowed from it are answered from memory. An engine of other figures, or
	 * one that cannot tell, is asked as usual. Questions asked meanwhile wait for the comparison.
	 */
	seed(filter: FigureFilter, rows: ChartRow[], version: string): void {
		const key = `chart ${filterKey(filter)}`;
		if (this.#answers.has(key)) return;
		const compared: Promise<void> = this.#db()
			.then((db) => db.version?.() ?? null)
			.then(
				(held) => {
					if (held !== version || this.#answers.has(key)) return;
					this.#remember(key, rows);
					const wide = filterKey(widened(filter) ?? filter);
					this.#covers.set(wide, [...(this.#covers.get(wide) ?? []), { filter, key }]);
					this.stats.seeded++;
				},
				() => undefined
			)
			.finally(() => this.#seeding.delete(compared));
		this.#seeding.add(compared);
	}

	/** A kept seed's rows narrowed to `filter`, if one covers it (narrow.ts, `covers`). */
	#covered(filter: FigureFilter): ChartRow[] | undefined {
		for (const cover of this.#covers.get(filterKey(widened(filter) ?? filter)) ?? []) {
			if (!covers(cover.filter, filter)) continue;
			const rows = this.#recall(cover.key) as ChartRow[] | undefined;
			if (rows) return narrowed(rows, filter);
		}
		return undefined;
	}

	/** Resolves once every seed is compared (kept or not). */
	async #seeded(): Promise<void> {
		while (this.#seeding.size > 0) await Promise.all(this.#seeding);
	}

	/**
	 * Ask ahead: each state's charts (one state per statement) once no reader's question is
	 * waiting, so that the state, when chosen, is answered from memory. States already answered
	 * or on their way are skipped; an aborted signal drops those not yet sent.
	 */
	prefetch(states: FigureFilter[][], signal?: AbortSignal): void {
		for (const filters of states) this.#later.push({ filters, signal });
		if (!this.#draining) void this.#drain();
	}

	async #drain(): Promise<void> {
		this.#draining = true;
		try {
			for (let next = this.#later.shift(); next; next = this.#later.shift()) {
				if (next.signal?.aborted) continue;
				await this.#readersAnswered();
				await this.#seeded();
				if (next.signal?.aborted) continue;
				const questions: Question[] = [];
				for (const asked of next.filters) {
					if (this.#covered(asked)) continue;
					const chart = widened(asked) ?? asked;
					const key = `chart ${filterKey(chart)}`;
					if (this.#answers.has(key) || this.#sent.has(key) || this.#asked.has(key)) continue;
					if (questions.some((q) => q.key === key)) continue;
					const question: Question = { key, chart, waiters: new Set() };
					this.#sent.set(key, question);
					questions.push(question);
				}
				if (questions.length === 0) continue;
				this.stats.prefetched += questions.length;
				let db: Db;
				try {
					db = await this.#db();
				} catch {
					for (const q of questions) this.#sent.delete(q.key);
					this.#later.length = 0;
					return;
				}
				await this.#sendCharts(db, questions);
			}
		} finally {
			this.#draining = false;
		}
	}

	/** Resolves once no turn of readers' questions is waiting or on its way. */
	async #readersAnswered(): Promise<void> {
		while (this.#scheduled || this.#turns > 0)
			await new Promise<void>((resolve) => this.#idle.push(resolve));
	}

	/** Any other statement: asked once, answered from memory when asked again. */
	query<Row>(query: Query<Row>, signal?: AbortSignal): Promise<Row[]> {
		const key = `sql ${inlineParams(query.sql, query.params)}`;
		return this.#ask(key, { query }, signal) as Promise<Row[]>;
	}

	#ask(
		key: string,
		what: Pick<Question, 'chart' | 'query'>,
		signal?: AbortSignal
	): Promise<unknown[]> {
		this.stats.asked++;
		if (signal?.aborted) return Promise.reject(new Cancelled());
		const known = this.#recall(key);
		if (known) {
			this.stats.shared++;
			return Promise.resolve(known);
		}
		let question = this.#sent.get(key) ?? this.#asked.get(key);
		if (question) this.stats.shared++;
		else {
			question = { key, ...what, waiters: new Set() };
			this.#asked.set(key, question);
			if (!this.#scheduled) {
				this.#scheduled = true;
				this.#schedule(() => void this.#flush());
			}
		}
		const asked = question;
		return new Promise((resolve, reject) => {
			const waiter: Waiter<unknown[]> = { resolve, reject, signal };
			asked.waiters.add(waiter);
			signal?.addEventListener(
				'abort',
				() => {
					if (!asked.waiters.delete(waiter)) return;
					reject(new Cancelled());
				},
				{ once: true }
			);
		});
	}

	async #flush(): Promise<void> {
		this.#turns++;
		this.#scheduled = false;
		try {
			await this.#sendTurn();
		} finally {
			this.#turns--;
			if (!this.#scheduled && this.#turns === 0)
				for (const resolve of this.#idle.splice(0)) resolve();
		}
	}

	async #sendTurn(): Promise<void> {
		const turn = [...this.#asked.values()];
		this.#asked.clear();
		const live = turn.filter((q) => q.waiters.size > 0);
		this.stats.dropped += turn.length - live.length;
		for (const q of live) this.#sent.set(q.key, q);

		const charts = live.filter((q) => q.chart);
		const others = live.filter((q) => q.query);
		let db: Db;
		try {
			db = await this.#db();
		} catch (error) {
			for (const q of live) this.#settle(q, { error });
			return;
		}
		await Promise.all([
			charts.length > 0 && this.#sendCharts(db, charts),
			...others.map((q) => this.#send(db, q, q.query!))
		]);
	}

	async #sendCharts(db: Db, questions: Question[]): Promise<void> {
		if (questions.length === 1)
			return this.#send(db, questions[0]!, chartFigures(questions[0]!.chart!));
		const batch = chartFiguresBatch(questions.map((q) => q.chart!));
		this.stats.statements++;
		try {
			const lists = splitBatch((await db.all(batch.sql, batch.params)) as never, questions.length);
			questions.forEach((q, i) => this.#settle(q, { rows: lists[i]! }));
		} catch {
			// one question the engine refuses must not cost the others their answers
			await Promise.all(questions.map((q) => this.#send(db, q, chartFigures(q.chart!))));
		}
	}

	async #send(db: Db, q: Question, query: Query<unknown>): Promise<void> {
		this.stats.statements++;
		try {
			this.#settle(q, { rows: await db.all(query.sql, query.params) });
		} catch (error) {
			this.#settle(q, { error });
		}
	}

	#settle(q: Question, answer: { rows: unknown[] } | { error: unknown }): void {
		this.#sent.delete(q.key);
		if ('rows' in answer) this.#remember(q.key, answer.rows);
		for (const waiter of q.waiters) {
			if ('rows' in answer) waiter.resolve(answer.rows);
			else waiter.reject(answer.error);
		}
		q.waiters.clear();
	}

	/** An answer kept, now the most recently used. */
	#recall(key: string): unknown[] | undefined {
		const known = this.#answers.get(key);
		if (known) {
			this.#answers.delete(key);
			this.#answers.set(key, known);
		}
		return known;
	}

	#remember(key: string, rows: unknown[]): void {
		this.#answers.set(key, rows);
		while (this.#answers.size > this.#capacity) {
			this.#answers.delete(this.#answers.keys().next().value!);
		}
	}
}

/** A filter's identity: the same question however its fields were ordered or written. */
export function filterKey(filter: FigureFilter): string {
	const entries = Object.entries(filter)
		.filter(([, value]) => value !== undefined && value !== false)
		.map(([name, value]) => [name, Array.isArray(value) ? [...value].sort() : value] as const)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return JSON.stringify(entries);
}

let pages: Coordinator | undefined;

/**
 * The pages' coordinator, in front of the pages' engine (pages-db.ts: DuckDB-WASM, started on its
 * first question, or the query server the site was built for).
 */
export function pagesCoordinator(): Coordinator {
	pages ??= new Coordinator(pagesDb);
	return pages;
}
