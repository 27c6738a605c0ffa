/**
 * The views past one machine, measured (`npm run bench -- --query-server [--rows N]`): N
 * generated figures written as Parquet partitioned by bulletin and year, the query server
 * (src/lib/server/query-server.ts) started on them, and the views' queries timed through the
 * real client (`httpDb`, src/lib/data/http-db.ts) over HTTP on 127.0.0.1.
 *
 * The figures are made with Node DuckDB's SQL from the real figures.parquet, as
 * scripts/bench/synthetic.ts makes the engine's tables: each real figure restated for Shanghai's
 * 16 districts (the city-level ones once), for as many years back as N needs (periods and dates
 * shifted by whole years, values grown a few percent a year and scaled per district) and by four
 * statements; the unshifted Baoshan rows of the first statement are the real rows, unchanged, so
 * the views' queries find rows. Deterministic: the same N gives the same rows.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { register } from 'node:module';
import { httpDb } from '../../src/lib/data/http-db.js';
import { openNodeDb } from '../../src/lib/data/node-db.js';
import { chartFigures, type ChartRow } from '../../src/lib/data/queries.js';
import { run, type Db, type Query } from '../../src/lib/data/query.js';
import { FIGURE_COLUMNS } from '../../src/lib/data/schema.js';
import type { PanelSpec } from '../../src/lib/panels.js';
import { siteData } from '../../src/lib/server/dataset.js';
import { startQueryServer, type QueryServer } from '../../src/lib/server/query-server.js';
import { percentile, round, table } from './stats.js';
import { DISTRICTS, MEETING_DATE, STATEMENTS, shiftYears } from './synthetic.js';

export const QUERY_SERVER_ROWS = 10_000_000;
/** Warm repetitions of each query, after its one cold run. */
export const WARM_RUNS = 20;

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Bytes and files under `dir`. */
function sizeOf(dir: string): { bytes: number; files: number } {
	let bytes = 0;
	let files = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		bytes += statSync(join(entry.parentPath, entry.name)).size;
		files++;
	}
	return { bytes, files };
}

export interface Generated {
	rows: number;
	seconds: number;
	bytes: number;
	files: number;
	/** Years back from the bulletin's the figures reach (0: the real year only). */
	years: number;
	/** The glob the server reads. */
	glob: string;
}

/**
 * Write `rows` figures from `realParquet` as `<outDir>/bulletin_id=…/year=…/*.parquet`. Row
 * `seq` of the generated table is (years back, statement, district, template) in that order,
 * newest first, so the cut at `rows` trims the oldest year, as synthetic.ts does.
 */
export async function writePartitionedFigures(
	realParquet: string,
	outDir: string,
	rows: number,
	/** Where to leave a way to stop the writing, for a run stopped meanwhile. */
	cleanups?: (() => Promise<void> | void)[]
): Promise<Generated> {
	const started = performance.now();
	const instance = await DuckDBInstance.create(':memory:', {
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false'
	});
	const db = await instance.connect();
	let open = true;
	cleanups?.push(() => {
		if (open) db.interrupt();
	});
	try {
		await db.run(
			`SET threads = 2; SET preserve_insertion_order = false; SET memory_limit = '4GB'; SET temp_directory = ${quote(join(outDir, 'spill'))}`
		);
		await db.run(`CREATE TEMP TABLE templates AS
SELECT * EXCLUDE (file_row_number), area_id = 'baoshan' AS is_local,
	(row_number() OVER (PARTITION BY area_id = 'baoshan' ORDER BY file_row_number) - 1)::BIGINT AS t_ord
FROM read_parquet(${quote(realParquet)}, file_row_number = true)`);
		const counts = (
			await db.runAndReadAll(
				'SELECT count(*) FILTER (WHERE is_local) AS local, count(*) FILTER (WHERE NOT is_local) AS city FROM templates'
			)
		).getRowObjectsJS()[0]!;
		const local = Number(counts.local);
		const city = Number(counts.city);
		const perStatement = DISTRICTS.length * local + city;
		const perYear = STATEMENTS * perStatement;
		const years = Math.ceil(rows / perYear);

		// periods and dates shifted as synthetic.ts shifts them (every four-digit year in the text)
		const texts = (
			await db.runAndReadAll(
				`SELECT DISTINCT unnest([period, period_start, period_end]) AS text FROM templates`
			)
		)
			.getRowObjectsJS()
			.map((r) => r.text as string | null)
			.filter((t): t is string => t !== null);
		texts.push(MEETING_DATE);
		const shifted: string[] = [];
		for (let s = 0; s < years; s++)
			for (const text of new Set(texts))
				shifted.push(`(${s}, ${quote(text)}, ${quote(shiftYears(text, -s))})`);
		await db.run('CREATE TEMP TABLE shifted (s BIGINT, text VARCHAR, moved VARCHAR)');
		for (let i = 0; i < shifted.length; i += 5000)
			await db.run(`INSERT INTO shifted VALUES ${shifted.slice(i, i + 5000).join(', ')}`);
		await db.run(
			`CREATE TEMP TABLE districts (d_ord BIGINT, d_id VARCHAR, d_zh VARCHAR, d_en VARCHAR, scale DOUBLE);
INSERT INTO districts VALUES ${DISTRICTS.map(([id, zh, en, scale], i) => `(${i}, ${quote(id)}, ${quote(zh)}, ${quote(en)}, ${scale})`).join(', ')}`
		);

		// a deterministic number in [0, 1) for row `seq` (Knuth's multiplicative hash, salted)
		const rand = (salt: number) =>
			`(((seq * 2654435761 + ${salt * 40503}) % 4294967296)::DOUBLE / 4294967296)`;
		const synthetic: Record<string, string> = {
			id: `id || '~' || area || '~' || (year - s) || '~' || k`,
			bulletin_id: `'syn-' || (2024 - s)`,
			area_id: 'area',
			area_zh: 'area_zh_',
			area_en: 'area_en_',
			period: 'p_period',
			period_start: 'p_start',
			period_end: 'p_end',
			year: '(year - s)::INTEGER',
			value: 'v',
			value_text: 'v_text',
			written: 'NULL',
			base_value: 'CASE WHEN value = 0 THEN base_value ELSE base_value * v / value END',
			doc_id: `'syn-' || doc_area || '-' || (2024 - s) || '-' || k`,
			doc_title: `doc_zh || '人大常委会公报 ' || (2024 - s) || '（合成）第' || (k + 1) || '篇'`,
			doc_title_en: `doc_en || ' bulletin ' || (2024 - s) || ' (synthetic) no. ' || (k + 1)`,
			doc_kind: `'report'`,
			doc_page: '(1 + k * 7)::INTEGER',
			session: 'greatest(1, 21 - s)::INTEGER',
			meeting_date: 'p_meeting',
			quote: `(year - s) || '年' || area_zh_ || indicator_zh || v_text || unit || '（合成数据）'`,
			quote_start: '0',
			quote_end: '0',
			notes: 'NULL',
			disputed: `k = ${STATEMENTS - 1} OR disputed`,
			superseded_by: 'NULL'
		};
		const columns = FIGURE_COLUMNS.map(([name, type]) => {
			const made = synthetic[name];
			return made ? `CASE WHEN is_real THEN ${name} ELSE (${made})::${type} END AS ${name}` : name;
		});
		const dir = join(outDir, 'figures');
		// a few years at a time: a year back is a bulletin of its own (syn-<year>) with its partitions,
		// so each COPY writes partitions no other writes, one file each, and holds only its own rows.
		// All at once, DuckDB keeps every partition's rows until the end (past 17 GB at ten million), or,
		// past 100 open files, closes and reopens them (30,000 small files instead of 2,000).
		const BATCH = 10;
		for (let from = 0; from < years; from += BATCH)
			await db.run(`COPY (
WITH expanded AS (
	SELECT t.*, d.*, s.s, k.k,
		s.s * ${perYear} + k.k * ${perStatement}
			+ CASE WHEN is_local THEN d_ord * ${local} + t_ord ELSE ${DISTRICTS.length * local} + t_ord END AS seq
	FROM templates t
	JOIN districts d ON is_local OR d_ord = 0
	CROSS JOIN range(${from}, ${Math.min(years, from + BATCH)}) s(s)
	CROSS JOIN range(${STATEMENTS}) k(k)
), valued AS (
	SELECT *,
		s = 0 AND k = 0 AND (NOT is_local OR d_ord = 0) AS is_real,
		CASE WHEN is_local THEN d_id ELSE area_id END AS area,
		CASE WHEN is_local THEN d_zh ELSE area_zh END AS area_zh_,
		CASE WHEN is_local THEN d_en ELSE area_en END AS area_en_,
		CASE WHEN is_local THEN d_id ELSE 'baoshan' END AS doc_area,
		CASE WHEN is_local THEN d_zh ELSE '宝山区' END AS doc_zh,
		CASE WHEN is_local THEN d_en ELSE 'Baoshan District' END AS doc_en,
		value * CASE WHEN measure IN ('level', 'count', 'target')
			THEN pow(1.02 + ${rand(1)} * 0.04, -s) * CASE WHEN is_local THEN scale ELSE 1 END * (0.9 + ${rand(2)} * 0.2)
			ELSE 0.8 + ${rand(3)} * 0.4 END
			* CASE WHEN k = ${STATEMENTS - 1} THEN 1.01 ELSE 1 END AS v_raw
	FROM expanded
	WHERE seq < ${rows}
), rounded AS (
	SELECT *, CASE WHEN measure = 'count' OR value = round(value) THEN round(v_raw) ELSE round(v_raw, 2) END AS v
	FROM valued
)
SELECT ${columns.join(',\n\t')}
FROM (
	SELECT r.*,
		CASE WHEN v = round(v) AND abs(v) < 1e15 THEN v::BIGINT::VARCHAR ELSE v::VARCHAR END AS v_text,
		pp.moved AS p_period, ps.moved AS p_start, pe.moved AS p_end, pm.moved AS p_meeting
	FROM rounded r
	LEFT JOIN shifted pp ON pp.s = r.s AND pp.text = r.period
	LEFT JOIN shifted ps ON ps.s = r.s AND ps.text = r.period_start
	LEFT JOIN shifted pe ON pe.s = r.s AND pe.text = r.period_end
	LEFT JOIN shifted pm ON pm.s = r.s AND pm.text = ${quote(MEETING_DATE)}
)
) TO ${quote(dir)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (bulletin_id, year), WRITE_PARTITION_COLUMNS true,
	FILENAME_PATTERN 'figures_{i}', OVERWRITE_OR_IGNORE)`);
		const seconds = (performance.now() - started) / 1000;
		rmSync(join(outDir, 'spill'), { recursive: true, force: true });
		const glob = join(dir, '*', '*', '*.parquet');
		const check = (
			await db.runAndReadAll(
				`SELECT count(*) AS n, count(DISTINCT id) AS ids,
	count(*) FILTER (WHERE NOT starts_with(bulletin_id, 'syn-')) AS real
FROM read_parquet(${quote(glob)}, hive_partitioning = true)`
			)
		).getRowObjectsJS()[0]!;
		const written = Number(check.n);
		if (written !== rows || Number(check.ids) !== rows)
			throw new Error(`${written} rows (${Number(check.ids)} ids) written, ${rows} asked`);
		if (rows >= perStatement && Number(check.real) !== local + city)
			throw new Error(`${Number(check.real)} of the ${local + city} real rows written`);
		return {
			rows: written,
			seconds,
			...sizeOf(dir),
			years: years - 1,
			glob
		};
	} finally {
		open = false;
		db.closeSync();
		instance.closeSync();
	}
}

/**
 * The modules that build the views' questions (registry, panels, compare, chart-ref), loaded
 * outside SvelteKit: their links import `base` from `$app/paths`, which only SvelteKit's Vite
 * plugin provides, so it is resolved here to a root-relative stub (no link is made anyway).
 */
async function viewModules() {
	const stub = 'export const base = ""; export const assets = "";';
	const hook = `export async function resolve(specifier, context, next) {
	if (specifier === '$app/paths') return { url: ${JSON.stringify(`data:text/javascript,${encodeURIComponent(stub)}`)}, shortCircuit: true };
	return next(specifier, context);
}`;
	register(`data:text/javascript,${encodeURIComponent(hook)}`);
	const [chartRef, compare, panels, registry] = await Promise.all([
		import('../../src/lib/chart-ref.js'),
		import('../../src/lib/compare.js'),
		import('../../src/lib/panels.js'),
		import('../../src/lib/registry.js')
	]);
	return { ...chartRef, ...compare, ...panels, ...registry };
}

/** One of the views' questions, as the page asks it; `rows` is the size of its answer. */
interface Question {
	name: string;
	kind: 'headlines' | 'topic panel' | 'compare default' | 'indicator, filtered' | 'topic batch';
	ask(db: Db): Promise<number>;
}

/** Every question the views ask of the figures, with the indicator page's filter picked from the real rows. */
async function viewQuestions(
	realParquet: string
): Promise<{ questions: Question[]; note: string }> {
	const {
		autoPanels,
		choiceFilter,
		compareDefault,
		filteredSpec,
		headlinesQuery,
		panelQuery,
		runPanels,
		siteCharts,
		topicCharts
	} = await viewModules();
	const charts = siteCharts();
	const { catalog } = siteData();
	const areas = catalog.areas.map((a) => a.id);
	const count = (query: Query<unknown>) => async (db: Db) => (await run(query, db)).length;
	const questions: Question[] = [
		{ name: 'headlines', kind: 'headlines', ask: count(headlinesQuery(charts)) }
	];
	let widest: { topic: string; specs: PanelSpec[] } | null = null;
	for (const topic of catalog.topics) {
		const specs = topicCharts(topic.id, charts);
		for (const spec of specs)
			questions.push({
				name: `topic ${topic.id}/${spec.id}`,
				kind: 'topic panel',
				ask: count(panelQuery(spec))
			});
		if (specs.length > (widest?.specs.length ?? 0)) widest = { topic: topic.id, specs };
	}
	questions.push({
		name: 'compare default',
		kind: 'compare default',
		ask: count(chartFigures(choiceFilter(compareDefault(charts), areas)))
	});

	// an indicator page narrowed to one sector and one period, as its selects narrow it
	// (indicatorCharts' panels, filteredSpec, runPanels: one batch for all the page's panels)
	const local = await openNodeDb({ figures: realParquet });
	let note = '';
	try {
		const indicators = [
			...catalog.indicators.filter((i) => i.id === 'land-area'),
			...catalog.indicators.filter((i) => i.id !== 'land-area')
		];
		for (const indicator of indicators) {
			const rows = await run(chartFigures({ indicators: [indicator.id], areas }), local);
			const statements = await run(
				chartFigures({ indicators: [indicator.id], areas, statements: true }),
				local
			);
			const sectors = new Map<string, ChartRow[]>();
			for (const r of statements)
				if (r.sector_id) sectors.set(r.sector_id, [...(sectors.get(r.sector_id) ?? []), r]);
			if (sectors.size < 2) continue;
			const specs = autoPanels(indicator, rows, statements, catalog.groups);
			// the sector with the most statements, and its most stated period
			const [sector, ofSector] = [...sectors].sort(
				(a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])
			)[0]!;
			const periods = new Map<string, number>();
			for (const r of ofSector) periods.set(r.period, (periods.get(r.period) ?? 0) + 1);
			const period = [...periods].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
			// a panel that does not hold the choice is left out, as on the page (filteredSpec: null)
			const narrowed = specs.flatMap((s) => filteredSpec(s, sector, period) ?? []);
			questions.push({
				name: `indicator ${indicator.id}, sector ${sector}, period ${period} (${narrowed.length} of ${specs.length} panels, one batch)`,
				kind: 'indicator, filtered',
				ask: async (db) =>
					Object.values(await runPanels(narrowed, db)).reduce((n, r) => n + r.length, 0)
			});
			note = `indicator ${indicator.id}?sector=${sector}&period=${period}`;
			break;
		}
	} finally {
		local.close();
	}
	if (widest) {
		const { topic, specs } = widest;
		questions.push({
			name: `topic ${topic}: its ${specs.length} charts in one chartFiguresBatch`,
			kind: 'topic batch',
			ask: async (db) => Object.values(await runPanels(specs, db)).reduce((n, r) => n + r.length, 0)
		});
	}
	return { questions, note };
}

export interface Timed {
	name: string;
	kind: Question['kind'];
	rows: number | null;
	cold_ms: number | null;
	warm_ms: number[];
	error?: string;
}

export interface QueryServerResult {
	generated: Generated;
	start_seconds: number;
	database_bytes: number | null;
	/** This process's resident memory once the server answers (the server runs in it). */
	rss_bytes_after_start: number;
	queries: Timed[];
	indicator_filter: string;
	load_average: { before: number[]; after: number[] };
}

/** Generated figures with the query server answering over them (in this process). */
export interface GeneratedServer {
	generated: Generated;
	server: QueryServer;
	start_seconds: number;
	database_bytes: number | null;
	/** This process's resident memory once the server answers (the server runs in it). */
	rss_bytes_after_start: number;
}

/**
 * Generate `rows` figures as partitioned Parquet and start the query server on them (on `port`,
 * else a free one). `cleanups` gets the temporary directory (with the server's database, made
 * there) and the server, to be undone however the run ends.
 */
export async function serveGenerated(options: {
	realParquet: string;
	rows: number;
	port?: number;
	say: (line: string) => void;
	cleanups: (() => Promise<void> | void)[];
}): Promise<GeneratedServer> {
	const { realParquet, rows, port, say, cleanups } = options;
	const dir = mkdtempSync(join(os.tmpdir(), 'bench-query-server-'));
	// retried: a run stopped while DuckDB writes there can find a file made during the removal
	cleanups.push(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));
	say(`generating ${rows.toLocaleString('en')} figures as partitioned Parquet in ${dir} …`);
	const generated = await writePartitionedFigures(realParquet, dir, rows, cleanups);
	say(
		`${generated.rows.toLocaleString('en')} rows, ${generated.files} files, ${(generated.bytes / 2 ** 20).toFixed(0)} MiB (${(generated.bytes / generated.rows).toFixed(1)} B/row) in ${generated.seconds.toFixed(1)} s`
	);

	// the server makes its database under os.tmpdir(): here, so that it is found, measured and removed
	const tmp = process.env.TMPDIR;
	process.env.TMPDIR = dir;
	const started = performance.now();
	let server: QueryServer;
	try {
		server = await startQueryServer({ figures: generated.glob, port, timeoutMs: 120_000 });
	} finally {
		if (tmp === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = tmp;
	}
	const startSeconds = (performance.now() - started) / 1000;
	cleanups.push(() => server.close());
	const folder = readdirSync(dir).find((n) => n.startsWith('query-server-'));
	const database = folder ? sizeOf(join(dir, folder)).bytes : null;
	say(
		`query server at ${server.url} after ${startSeconds.toFixed(1)} s; database ${database === null ? '?' : `${(database / 2 ** 20).toFixed(0)} MiB`}`
	);
	return {
		generated,
		server,
		start_seconds: startSeconds,
		database_bytes: database,
		rss_bytes_after_start: process.memoryUsage().rss
	};
}

/**
 * Generate, serve, time. A query that fails or finds no row is a problem, not a stop.
 */
export async function benchQueryServer(options: {
	realParquet: string;
	rows: number;
	say: (line: string) => void;
	cleanups: (() => Promise<void> | void)[];
	problems: string[];
	warmRuns?: number;
}): Promise<QueryServerResult> {
	const { realParquet, rows, say, cleanups, problems, warmRuns = WARM_RUNS } = options;
	const before = os.loadavg().map((x) => round(x, 2));
	const { generated, server, ...started } = await serveGenerated({
		realParquet,
		rows,
		say,
		cleanups
	});

	const db = httpDb(server.url);
	const { questions, note } = await viewQuestions(realParquet);
	if (!questions.some((q) => q.kind === 'indicator, filtered'))
		problems.push('query server: no indicator with two sectors, so no filtered indicator query');
	const timed: Timed[] = questions.map((q) => ({
		name: q.name,
		kind: q.kind,
		rows: null,
		cold_ms: null,
		warm_ms: []
	}));
	const once = async (i: number): Promise<number | null> => {
		const t = timed[i]!;
		if (t.error) return null;
		const start = performance.now();
		try {
			const n = await questions[i]!.ask(db);
			const elapsed = performance.now() - start;
			if (t.rows !== null && t.rows !== n) throw new Error(`${n} rows, ${t.rows} the first time`);
			t.rows = n;
			return elapsed;
		} catch (error) {
			t.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
			problems.push(`query server, ${t.name}: ${t.error}`);
			return null;
		}
	};
	// each cold once, then the warm runs interleaved, so a busy minute spreads over every query
	for (let i = 0; i < questions.length; i++) timed[i]!.cold_ms = await once(i);
	for (const t of timed)
		if (t.rows === 0) problems.push(`query server, ${t.name}: no rows (the partitions unread?)`);
	say(`${questions.length} queries run cold; ${warmRuns} warm runs of each …`);
	for (let r = 0; r < warmRuns; r++)
		for (let i = 0; i < questions.length; i++) {
			const elapsed = await once(i);
			if (elapsed !== null) timed[i]!.warm_ms.push(elapsed);
		}
	say('queries over HTTP timed');
	return {
		generated,
		...started,
		queries: timed,
		indicator_filter: note,
		load_average: { before, after: os.loadavg().map((x) => round(x, 2)) }
	};
}

const p = (xs: number[], q: number) => (xs.length ? round(percentile(xs, q), 1) : null);
const cell = (x: number | null) => (x === null ? '–' : x < 10 ? x.toFixed(1) : x.toFixed(0));

/** The report's table and the `queryServer` section of --json. */
export function reportQueryServer(
	result: QueryServerResult | null,
	out: string[],
	json: Record<string, unknown>
): void {
	if (!result) {
		json.queryServer = null;
		out.push('Query server: not measured (see problems)', '');
		return;
	}
	const { generated: g, queries } = result;
	const kinds = [...new Set(queries.map((q) => q.kind))];
	const byKind = kinds.map((kind) => {
		const of = queries.filter((q) => q.kind === kind);
		const warm = of.flatMap((q) => q.warm_ms);
		const cold = of.map((q) => q.cold_ms).filter((x): x is number => x !== null);
		const rows = of.map((q) => q.rows).filter((x): x is number => x !== null);
		return {
			kind,
			queries: of.length,
			failed: of.filter((q) => q.error).length,
			cold_ms_median: p(cold, 50),
			cold_ms_max: cold.length ? round(Math.max(...cold), 1) : null,
			warm_p50_ms: p(warm, 50),
			warm_p95_ms: p(warm, 95),
			warm_runs: warm.length,
			rows_min: rows.length ? Math.min(...rows) : null,
			rows_max: rows.length ? Math.max(...rows) : null
		};
	});
	json.queryServer = {
		rows: g.rows,
		years_back: g.years,
		generate_s: round(g.seconds, 1),
		parquet_bytes: g.bytes,
		parquet_files: g.files,
		parquet_bytes_per_row: round(g.bytes / g.rows, 2),
		server_start_s: round(result.start_seconds, 2),
		database_bytes: result.database_bytes,
		database_bytes_per_row:
			result.database_bytes === null ? null : round(result.database_bytes / g.rows, 2),
		rss_bytes_after_start: result.rss_bytes_after_start,
		indicator_filter: result.indicator_filter,
		load_average: result.load_average,
		kinds: byKind,
		queries: queries.map((q) => ({
			name: q.name,
			kind: q.kind,
			rows: q.rows,
			cold_ms: q.cold_ms === null ? null : round(q.cold_ms, 1),
			warm_p50_ms: p(q.warm_ms, 50),
			warm_p95_ms: p(q.warm_ms, 95),
			warm_max_ms: q.warm_ms.length ? round(Math.max(...q.warm_ms), 1) : null,
			warm_runs: q.warm_ms.length,
			error: q.error ?? null
		}))
	};
	const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
	out.push(
		`Query server over ${g.rows.toLocaleString('en')} generated figures (${g.years + 1} years × 16 districts × 4 statements of the real ones): Parquet by bulletin and year ${mib(g.bytes)} in ${g.files} files (${(g.bytes / g.rows).toFixed(1)} B/row), written in ${g.seconds.toFixed(1)} s; server start (copy into the read-only database) ${result.start_seconds.toFixed(1)} s, database ${result.database_bytes === null ? '?' : `${mib(result.database_bytes)} (${(result.database_bytes / g.rows).toFixed(1)} B/row)`}, process RSS ${mib(result.rss_bytes_after_start)}; load average ${result.load_average.before.join(' ')} before, ${result.load_average.after.join(' ')} after`,
		`The views' queries through httpDb over HTTP on 127.0.0.1, ms: each once cold, then ${WARM_RUNS} warm runs (p50/p95 of every warm run of the kind); answer rows`,
		table(
			['query', 'queries', 'cold (median)', 'cold (max)', 'warm p50', 'warm p95', 'rows'],
			byKind.map((k) => [
				k.kind,
				`${k.queries}${k.failed ? ` (${k.failed} failed)` : ''}`,
				cell(k.cold_ms_median),
				cell(k.cold_ms_max),
				cell(k.warm_p50_ms),
				cell(k.warm_p95_ms),
				k.rows_min === k.rows_max ? `${k.rows_min ?? '–'}` : `${k.rows_min}–${k.rows_max}`
			])
		),
		`indicator, filtered: ${result.indicator_filter || '–'}; the slowest topic panel (warm p95): ${
			queries
				.filter((q) => q.kind === 'topic panel' && q.warm_ms.length)
				.map((q) => ({ name: q.name, p95: p(q.warm_ms, 95)! }))
				.sort((a, b) => b.p95 - a.p95)
				.map((q) => `${q.name} ${cell(q.p95)} ms`)[0] ?? '–'
		}`,
		''
	);
}
