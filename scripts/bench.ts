/**
 * npm run bench [-- --quick] [-- --json <file>] [-- --no-build] [-- --site <dir>] [-- --engine-load]
 * npm run bench -- --query-server [--rows N] [--quick] [--json <file>]
 *
 * --quick: 2 runs and 10 changes instead of 5 and 30, the build/ there is (built if none), and
 * nothing at ten million figures;
 * --no-build: measure the build/ there is (built if none);
 * --site <dir>: measure another built site (a copy of build/, say) without building;
 * --engine-load: only the engine's load (bytes per fact row, load time), no page or interaction;
 * --query-server: only the views past one machine (scripts/bench/query-server.ts): N generated
 * figures (10,000,000; --quick 1,000,000; --rows N) as Parquet partitioned by bulletin and year,
 * the query server started on them, and the views' queries timed through httpDb over HTTP. No
 * build and no browser; long, so never part of the default run.
 *
 * Builds the site, serves a private copy of the static build on a free port of 127.0.0.1 with
 * precompressed brotli/gzip (scripts/serve.ts), and drives Debian's Chromium, cold each run, to
 * measure time to first chart, bytes before it, DuckDB-WASM start-up (the app's and a bare
 * page's), interaction latency on the real data and on a generated million rows, against a
 * plain page holding one inline SVG chart as the lower bound, and the engine's load: bytes per
 * fact row of its narrow tables and the time to load them, on the real data, a million and ten
 * million generated figures (Chromium and Node's DuckDB-WASM; ten million in Node only). Ten
 * million figures do not fit in a browser tab, so their interaction latency is measured the way
 * such a dataset is served: the site built for a query server (QUERY_SERVER) and the server over
 * ten million generated figures as partitioned Parquet, the same sector changes in Chromium. It
 * prints figures; a missed target or a failed measurement is reported, never an exit code that
 * fails a build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import {
	FOUR_G,
	UNTHROTTLED,
	interactions,
	launch,
	loadOnce,
	type InteractionResult,
	type LoadSample,
	type Profile
} from './bench/measure.js';
import {
	BARE_ENGINE_PATH,
	LOWER_BOUND_PATH,
	engineFiles,
	sitePages,
	writeBenchPages
} from './bench/pages.js';
import {
	engineBytes,
	nodeLoad,
	wideBytesPerRow,
	type EngineBytes,
	type NodeLoad
} from './bench/engine-load.js';
import {
	buildSite,
	buildSiteForQueryServer,
	copyBuild,
	freePort,
	precompressMissing,
	removeCopy,
	serve
} from './bench/server.js';
import { ENGINE_TABLES } from '../src/lib/data/engine-tables.js';
import { kb, ms, percentile, round, spread, table, type Spread } from './bench/stats.js';
import { SYNTHETIC_ROWS, writeSyntheticFigures } from './bench/synthetic.js';
import { KINDS, traceFirstChart, type FirstChartTrace } from './bench/trace.js';
import {
	QUERY_SERVER_ROWS,
	benchQueryServer,
	serveGenerated,
	reportQueryServer,
	type QueryServerResult
} from './bench/query-server.js';

const ROOT = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const siteAt = argv.indexOf('--site');
const siteArg = siteAt >= 0 ? argv[siteAt + 1] : undefined;
const noBuild = argv.includes('--no-build') || !!siteArg;
const jsonAt = argv.indexOf('--json');
const jsonFile = jsonAt >= 0 ? argv[jsonAt + 1] : undefined;
const engineOnly = argv.includes('--engine-load');
const queryServerOnly = argv.includes('--query-server');
const rowsAt = argv.indexOf('--rows');
const queryServerRows =
	rowsAt >= 0 ? Number(argv[rowsAt + 1]) : quick ? 1_000_000 : QUERY_SERVER_ROWS;
let queryServer: QueryServerResult | null = null;
const RUNS = quick ? 2 : 5;
/** Cold loads of the engine alone on a million figures: each takes seconds. */
const MILLION_LOADS = quick ? 2 : 3;
const TEN_MILLION = 10_000_000;
const CHANGES = quick ? 10 : 30;
/** How long the settled interaction run waits after the engine is ready. */
const SETTLE_MS = 3000;
const PROFILES = [UNTHROTTLED, FOUR_G];
/** The marks of the engine's start (db.ts, engine.svelte.ts, the layout, app.html), in order. */
const ENGINE_STEPS: [string, string][] = [
	['engine:early-worker', 'app.html starts the worker (compiles the wasm)'],
	['page:hydrated', 'page hydrated'],
	['engine:start', 'engine asked to start'],
	['engine:launch', 'db chunk loaded, engine launched'],
	['engine:instantiated', 'wasm instantiated'],
	['engine:opened', 'database opened, connected'],
	['engine:files', 'tables fetched'],
	['engine:loaded', 'tables inserted, figures made']
];

const started = Date.now();
const problems: string[] = [];
const say = (line: string) =>
	console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** What must be undone however the run ends: servers, the browser, the copies of the build. */
const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp(): Promise<void> {
	for (const undo of cleanups.splice(0).reverse()) await Promise.resolve(undo()).catch(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.once(signal, () => {
		say(`${signal}: stopping the servers and removing the copies`);
		void cleanUp().finally(() => process.exit(130));
	});

async function attempt<T>(what: string, fn: () => Promise<T>): Promise<T | null> {
	try {
		return await fn();
	} catch (error) {
		const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
		problems.push(`${what}: ${message}`);
		say(`! ${what}: ${message}`);
		return null;
	}
}

interface PageRow {
	name: string;
	path: string | null;
	note?: string;
	samples: Record<string, LoadSample[]>;
}

async function main(): Promise<void> {
	if (queryServerOnly) {
		try {
			const realParquet = join(ROOT, 'static/data/figures.parquet');
			if (!existsSync(realParquet)) {
				say('no static/data/figures.parquet: npm run build:data …');
				execFileSync('npm', ['run', 'build:data'], { cwd: ROOT, stdio: 'ignore' });
			}
			if (!Number.isInteger(queryServerRows) || queryServerRows < 1)
				throw new Error(`--rows ${argv[rowsAt + 1]}: a whole number of rows, please`);
			queryServer = await attempt('query server', () =>
				benchQueryServer({ realParquet, rows: queryServerRows, say, cleanups, problems })
			);
		} finally {
			await cleanUp();
		}
		return report(null);
	}

	// 1. the build
	const buildDir = siteArg ? resolve(siteArg) : join(ROOT, 'build');
	const haveBuild = existsSync(join(buildDir, 'index.html'));
	if (haveBuild && (noBuild || quick)) {
		const age = (Date.now() - statSync(join(buildDir, 'index.html')).mtimeMs) / 60_000;
		say(`measuring the existing ${buildDir} (built ${age.toFixed(0)} min ago)`);
	} else if (siteArg) {
		problems.push(`${buildDir} holds no built site (index.html)`);
		return report(null);
	} else {
		say('npm run build …');
		const built = buildSite();
		say(`build ${built.ok ? 'done' : 'FAILED'} in ${built.seconds.toFixed(0)} s`);
		if (!built.ok) {
			problems.push(`npm run build failed:\n${built.tail}`);
			if (!existsSync(join(buildDir, 'index.html'))) return report(null);
			say('measuring the build/ that is there');
		}
	}

	// 2. a private copy with the bench pages, served compressed on a free port
	const site = copyBuild(buildDir, 'site');
	cleanups.push(() => removeCopy(site));
	let browser: Browser | null = null;
	try {
		const measured = sitePages(site).flatMap((p) => (p.path ? [p.path] : []));
		const compressed = await precompressMissing(site, measured);
		if (compressed) say(`precompressed ${compressed} files the build left uncompressed`);
		const { bareEngine } = await writeBenchPages(site);
		if (!bareEngine)
			problems.push('no chunk exporting configureBrowserDb/connect: bare engine page not written');
		const engine = engineFiles(site);
		const server = await serve(site);
		cleanups.push(() => server.stop());
		say(`serving a copy of build/ at ${server.origin}`);
		browser = await launch();
		cleanups.push(() => browser?.close());
		const chromiumVersion = browser.version();

		// 3. time to first chart and bytes: every page each run, runs interleaved, and with each
		// run the bare engine page, so the app's engine start and the bare one's are measured in
		// the same minutes (measured one phase after the other, a drift of the machine between the
		// phases read as overhead: +11% / +24% one evening, −4% / +8% the one before)
		const bare: Record<string, LoadSample[]> = {};
		const bareOnce = (profile: Profile, run: number) =>
			attempt(`bare engine ${profile.name} run ${run}`, () =>
				loadOnce(browser!, server.origin + BARE_ENGINE_PATH, profile, {
					chart: false,
					engine: true,
					engineFiles: engine
				})
			).then((sample) => {
				if (sample) (bare[profile.name] ??= []).push(sample);
			});
		const pages: PageRow[] = [
			{ name: 'lower bound', path: LOWER_BOUND_PATH, samples: {} },
			...sitePages(site).map((p) => ({ ...p, samples: {} }))
		];
		for (const profile of engineOnly ? [] : PROFILES) {
			for (let i = 0; i < RUNS; i++) {
				for (const page of pages) {
					if (!page.path) continue;
					const waitEngine =
						page.path !== LOWER_BOUND_PATH && (profile === UNTHROTTLED || page.path === '/');
					const sample = await attempt(`${page.name} ${profile.name} run ${i + 1}`, () =>
						loadOnce(browser!, server.origin + page.path, profile, {
							chart: true,
							engine: waitEngine,
							engineFiles: engine
						})
					);
					if (sample) (page.samples[profile.name] ??= []).push(sample);
				}
				if (bareEngine) await bareOnce(profile, i + 1);
			}
			say(
				`first chart, ${profile.label}: ${RUNS} runs of ${pages.filter((p) => p.path).length} pages`
			);
		}

		// 3b. one traced load per page under 4G: what the main thread does before the first chart
		const traces: FirstChartTrace[] = [];
		if (!engineOnly) {
			const dir = join(ROOT, 'bench-results');
			mkdirSync(dir, { recursive: true });
			for (const page of pages) {
				if (!page.path) continue;
				const slug = page.path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'overview';
				const traced = await attempt(`trace of ${page.name}`, () =>
					traceFirstChart(
						browser!,
						server.origin,
						page.path!,
						FOUR_G,
						join(dir, `trace-${slug}-4g.json`)
					)
				);
				if (traced) traces.push(traced);
			}
			say(`first chart traced under ${FOUR_G.label}: ${traces.length} pages → bench-results/`);
		}

		// 4. DuckDB-WASM alone, from the same chunk and bundles (with the pages above, else here)
		if (bareEngine && engineOnly) for (let i = 0; i < RUNS; i++) await bareOnce(UNTHROTTLED, i + 1);
		if (bareEngine) say('bare DuckDB-WASM start-up measured');

		// 5. interaction latency on the real data
		const indicator = pages.find((p) => p.name === 'indicator')?.path;
		const real =
			indicator && !engineOnly
				? await attempt('interaction, real data', () =>
						interactions(browser!, server.origin + indicator, CHANGES)
					)
				: null;
		if (real) say(`interaction latency on the real data: ${CHANGES} changes`);
		const settled =
			indicator && !engineOnly
				? await attempt('interaction, real data, settled', () =>
						interactions(browser!, server.origin + indicator, CHANGES, SETTLE_MS)
					)
				: null;
		if (settled) say(`… and ${SETTLE_MS / 1000} s after the engine was ready`);

		// 6. … and on a million generated rows, served from a second copy
		const load: EngineLoad = {
			real: {
				...engineBytes(join(site, 'data')),
				wide_bytes_per_row: wideBytesPerRow(join(site, 'data/figures.json')),
				node: nodeLoad(join(site, 'data')),
				chromium_ready_ms: (bare[UNTHROTTLED.name] ?? []).map((s) => s.engineReady)
			},
			million: null,
			tenMillion: null
		};
		say('engine load on the real data measured');
		let million: (InteractionResult & { generated: number }) | null = null;
		await attempt('engine load and interaction, 1,000,000 figures', async () => {
			// a second copy (of the precompressed one) whose engine tables are generated ones
			const big = copyBuild(site, 'million');
			cleanups.push(() => removeCopy(big));
			// replace, never write through, the hard-linked files; and no stale compressed copies
			for (const { file } of ENGINE_TABLES)
				for (const f of [file, `${file}.br`, `${file}.gz`])
					rmSync(join(big, 'data', f), { force: true });
			say(`generating ${SYNTHETIC_ROWS.toLocaleString('en')} figures …`);
			const made = writeSyntheticFigures(
				join(site, 'data/figures.json'),
				join(big, 'data'),
				SYNTHETIC_ROWS
			);
			const bytes = engineBytes(join(big, 'data'));
			say(
				`${made.rows.toLocaleString('en')} rows, ${(bytes.engine_bytes / 2 ** 20).toFixed(0)} MiB in ${made.seconds.toFixed(0)} s`
			);
			load.million = { ...bytes, node: nodeLoad(join(big, 'data')), chromium_ready_ms: [] };
			const bigServer = await serve(big);
			cleanups.push(() => bigServer.stop());
			if (bareEngine)
				for (let i = 0; i < MILLION_LOADS; i++) {
					const sample = await attempt(`bare engine, 1,000,000 figures, run ${i + 1}`, () =>
						loadOnce(browser!, bigServer.origin + BARE_ENGINE_PATH, UNTHROTTLED, {
							chart: false,
							engine: true,
							engineFiles: engine
						})
					);
					load.million.chromium_ready_ms.push(sample?.engineReady ?? null);
				}
			say('engine load on a million figures measured');
			if (indicator && !engineOnly) {
				const result = await interactions(browser!, bigServer.origin + indicator, CHANGES);
				million = { ...result, generated: made.rows };
				say('interaction latency on a million rows measured');
			}
		});

		// 7. ten million figures, loaded in Node's DuckDB-WASM only (Chromium would need ~2 GiB of files)
		if (!quick)
			await attempt('engine load, 10,000,000 figures', async () => {
				const dir = mkdtempSync(join(os.tmpdir(), 'bench-ten-million-'));
				cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
				say(`generating ${TEN_MILLION.toLocaleString('en')} figures …`);
				const made = writeSyntheticFigures(join(site, 'data/figures.json'), dir, TEN_MILLION);
				const bytes = engineBytes(dir);
				say(
					`${made.rows.toLocaleString('en')} rows, ${(bytes.engine_bytes / 2 ** 20).toFixed(0)} MiB in ${made.seconds.toFixed(0)} s; loading in Node …`
				);
				load.tenMillion = { ...bytes, node: nodeLoad(dir), chromium_ready_ms: [] };
				say('engine load on ten million figures measured');
			});

		// 8. … and ten million in the browser the way a national dataset is served: the pages
		// built for a query server (QUERY_SERVER) and the server over ten million generated
		// figures, the same sector changes timed in Chromium
		let tenMillion: TenMillion | null = null;
		if (!quick && indicator && !engineOnly)
			await attempt('interaction, 10,000,000 figures on the query server', async () => {
				const port = await freePort();
				const address = `http://127.0.0.1:${port}/`;
				const dir = join(mkdtempSync(join(os.tmpdir(), 'bench-query-site-')), 'site');
				cleanups.push(() => rmSync(resolve(dir, '..'), { recursive: true, force: true }));
				say(`building the site for a query server at ${address} (in ${dir}) …`);
				// the build and the generation at once: neither is measured
				const [qsBuilt, served] = await Promise.all([
					buildSiteForQueryServer(dir, address, cleanups),
					serveGenerated({
						realParquet: join(site, 'data/figures.parquet'),
						rows: TEN_MILLION,
						port,
						say,
						cleanups
					})
				]);
				if (!qsBuilt.ok) throw new Error(`the query-server build failed:\n${qsBuilt.tail}`);
				say(`query-server build done in ${qsBuilt.seconds.toFixed(0)} s`);
				const qsServer = await serve(dir);
				cleanups.push(() => qsServer.stop());
				const result = await interactions(browser!, qsServer.origin + indicator, CHANGES);
				tenMillion = {
					...result,
					rows: served.generated.rows,
					parquet_bytes: served.generated.bytes,
					server_start_s: served.start_seconds
				};
				say('interaction latency on ten million rows (query server) measured');
			});

		report({
			chromiumVersion,
			pages,
			bare,
			real,
			settled,
			million,
			tenMillion,
			load,
			origin: server.origin,
			traces
		});
	} finally {
		await cleanUp();
	}
}

interface LoadAt extends EngineBytes {
	/** The same figures as one wide table (the real data only). */
	wide_bytes_per_row?: number;
	node: NodeLoad | { error: string };
	/** html[data-engine="ready"] on the bare engine page, each cold run (null: failed). */
	chromium_ready_ms: (number | null)[];
}

interface TenMillion extends InteractionResult {
	rows: number;
	parquet_bytes: number;
	server_start_s: number;
}

interface EngineLoad {
	real: LoadAt;
	million: LoadAt | null;
	tenMillion: LoadAt | null;
}

interface Results {
	chromiumVersion: string;
	pages: PageRow[];
	bare: Record<string, LoadSample[]>;
	real: InteractionResult | null;
	/** The same changes, begun SETTLE_MS after the engine was ready. */
	settled: InteractionResult | null;
	million: (InteractionResult & { generated: number }) | null;
	/** The sector changes on the pages built for a query server over ten million figures. */
	tenMillion: TenMillion | null;
	load: EngineLoad;
	origin: string;
	traces: FirstChartTrace[];
}

const median = (xs: (number | null)[]) => spread(xs)?.median ?? null;

function report(results: Results | null): void {
	const machine = {
		cpus: os.cpus().length,
		memory_gib: round(os.totalmem() / 2 ** 30, 1),
		node: process.version,
		chromium: results?.chromiumVersion ?? (queryServerOnly ? 'not used' : null),
		platform: `${os.type()} ${os.release()}`
	};
	const date = new Date().toISOString();
	const out: string[] = [];
	const json: Record<string, unknown> = {
		date,
		machine,
		runs: RUNS,
		changes: CHANGES,
		quick,
		profiles: Object.fromEntries(
			PROFILES.map((p) => [p.name, { network: p.network, cpu_slowdown: p.cpu }])
		)
	};

	if (results) {
		const { pages, bare, real, settled, million, tenMillion, load } = results;
		if (engineOnly) {
			reportEngineLoad(load, out, json);
			return finish(out, json, machine, date);
		}
		const lower = pages[0]!;
		const ttfcOf = (p: PageRow, profile: Profile): Spread | null =>
			spread((p.samples[profile.name] ?? []).map((s) => s.ttfc));
		const lowerMedian = Object.fromEntries(
			PROFILES.map((pr) => [pr.name, ttfcOf(lower, pr)?.median ?? null])
		);

		// time to first chart
		const pageEntries: Record<string, unknown>[] = [];
		const ttfcRows: string[][] = [];
		for (const p of pages) {
			if (!p.path) {
				ttfcRows.push([p.name, p.note ?? 'not built', '', '', '', '', '']);
				for (const pr of PROFILES)
					pageEntries.push({
						page: p.name,
						path: null,
						profile: pr.name,
						built: false,
						note: p.note
					});
				continue;
			}
			const cells = [`${p.name} (${p.path})`];
			for (const pr of PROFILES) {
				const samples = p.samples[pr.name] ?? [];
				const t = ttfcOf(p, pr);
				const ratio = t && lowerMedian[pr.name] ? t.median / lowerMedian[pr.name]! : null;
				const inFirstPaint = samples.every((s) => s.chartInViewport && s.chartFrameIndex === 1);
				const inFirstContentfulPaint = samples.every(
					(s) => s.chartInViewport && s.chartInFirstContentfulPaint
				);
				const engineOnPath = samples.some(
					(s) =>
						s.engineRequestsBeforeChart.length > 0 ||
						!['none', 'idle', null].includes(s.engineAtChart)
				);
				cells.push(ms(t), ratio === null ? '–' : `${ratio.toFixed(2)}×`);
				pageEntries.push({
					page: p.name,
					path: p.path,
					profile: pr.name,
					built: true,
					runs: samples.length,
					ttfc_ms: t ? round(t.median, 1) : null,
					ttfc_min_ms: t ? round(t.min, 1) : null,
					ttfc_max_ms: t ? round(t.max, 1) : null,
					ttfc_ratio: ratio === null ? null : round(ratio, 3),
					fcp_ms: round(median(samples.map((s) => s.fcp)) ?? NaN, 1),
					chart_frame_ms: round(median(samples.map((s) => s.chartFrame)) ?? NaN, 1),
					chart_painted_ms: round(median(samples.map((s) => s.chartPainted)) ?? NaN, 1),
					chart_in_first_paint: inFirstPaint,
					chart_in_first_contentful_paint: inFirstContentfulPaint,
					chart_in_viewport: samples.every((s) => s.chartInViewport),
					chart_top_px: median(samples.map((s) => s.chartTop)),
					chart_frame_index_max: Math.max(...samples.map((s) => s.chartFrameIndex ?? Infinity)),
					engine_on_path_to_first_chart: engineOnPath,
					html_bytes_before_first_chart: median(samples.map((s) => s.before.html)),
					css_bytes_before_first_chart: median(samples.map((s) => s.before.css)),
					js_bytes_before_first_chart: median(samples.map((s) => s.before.js)),
					other_bytes_before_first_chart: median(samples.map((s) => s.before.other)),
					js_files_before_first_chart: samples[0]?.jsBefore ?? [],
					total_bytes_until_idle: median(samples.map((s) => s.totalBytes)),
					engine_ready_ms: median(samples.map((s) => s.engineReady)),
					engine_failed: samples.find((s) => s.engineFailed)?.engineFailed ?? null
				});
			}
			const mine = pageEntries.filter((e) => e.path === p.path);
			const frame = Math.max(...mine.map((e) => e.chart_frame_index_max as number));
			const firstPaint = mine.every((e) => e.chart_in_first_paint)
				? 'yes'
				: !mine.every((e) => e.chart_in_viewport)
					? `no: below the fold (top ${round((mine[0]!.chart_top_px as number) ?? NaN)} px)`
					: mine.every((e) => e.chart_in_first_contentful_paint)
						? `frame ${frame}, the first with content`
						: `no: frame ${frame}, content painted before it`;
			cells.push(
				firstPaint,
				pageEntries.filter((e) => e.path === p.path).some((e) => e.engine_on_path_to_first_chart)
					? 'YES'
					: 'no'
			);
			ttfcRows.push(cells);
		}
		json.pages = pageEntries;
		out.push(
			`Time to first chart, ms from navigation start: median (min–max) of ${RUNS} cold runs; ratio to the lower bound's median, same profile`,
			table(
				[
					'page',
					'unthrottled',
					'ratio',
					'4G + 4× CPU',
					'ratio',
					'chart in 1st paint',
					'DuckDB on path'
				],
				ttfcRows
			),
			''
		);

		// what the main thread does before the first chart, from one traced load per page
		if (results.traces.length) {
			const whole = (n: number) => String(Math.round(n));
			const pageName = (path: string) => pages.find((p) => p.path === path)?.name ?? path;
			out.push(
				`Main thread before the first chart under ${FOUR_G.label}, ms, one traced load per page (the traces, for Chromium's Performance panel, are in bench-results/; tracing slows the load). "other" is task time no traced event covers, most of it the 4× CPU slowdown's pauses`,
				table(
					['page', 'chart painted', ...KINDS, 'idle', 'longest tasks (at: ms, mostly)'],
					results.traces.map((t) => [
						pageName(t.path),
						whole(t.until_ms),
						...KINDS.map((k) => whole(t.work_ms[k])),
						whole(t.idle_ms),
						t.longest.map((l) => `${whole(l.at_ms)}: ${whole(l.ms)} ${l.mostly}`).join('; ')
					])
				),
				''
			);
			json.first_chart_traces = results.traces;
		}

		// bytes
		const bytesRows = pageEntries
			.filter((e) => e.built && e.profile === FOUR_G.name)
			.map((e) => {
				const un = pageEntries.find((x) => x.path === e.path && x.profile === UNTHROTTLED.name)!;
				return [
					`${e.page}`,
					kb(e.html_bytes_before_first_chart as number),
					kb(e.css_bytes_before_first_chart as number),
					kb(e.js_bytes_before_first_chart as number),
					kb(un.js_bytes_before_first_chart as number),
					e.path === LOWER_BOUND_PATH ? '–' : kb(un.total_bytes_until_idle as number, 0)
				];
			});
		out.push(
			'Bytes on the wire (KiB, compressed, headers included): requested before the first chart (4G run; JS also unthrottled), and everything until DuckDB-WASM is ready and the network idle',
			table(['page', 'HTML', 'CSS', 'JS (4G)', 'JS (unthr.)', 'total until idle'], bytesRows),
			''
		);

		// engine start-up
		const home = pages.find((p) => p.path === '/');
		const engineRows: string[][] = [];
		const engineJson: Record<string, unknown> = {};
		for (const pr of PROFILES) {
			const app = spread((home?.samples[pr.name] ?? []).map((s) => s.engineReady));
			const alone = spread((bare[pr.name] ?? []).map((s) => s.engineReady));
			const overhead = app && alone ? (app.median - alone.median) / alone.median : null;
			// what the page itself asks of the machine meanwhile: its main thread's CPU, its nodes
			// (CPU unthrottled only: under the 4× slowdown the ticks are not the page's own work, the
			// bare page's grew from 141 to 2291 ms)
			const cpu = (samples: LoadSample[] = []) =>
				pr === UNTHROTTLED ? median(samples.map((s) => s.mainThreadCpuMs)) : null;
			const nodes = (samples: LoadSample[] = []) => median(samples.map((s) => s.domNodes));
			const appCpu = cpu(home?.samples[pr.name]);
			const bareCpu = cpu(bare[pr.name]);
			const count = (v: number | null) => (v === null ? '–' : v.toFixed(0));
			engineRows.push([
				pr.label,
				ms(app),
				ms(alone),
				overhead === null ? '–' : `${(overhead * 100).toFixed(0)}%`,
				`${count(appCpu)} / ${count(bareCpu)}`,
				`${count(nodes(home?.samples[pr.name]))} / ${count(nodes(bare[pr.name]))}`
			]);
			engineJson[pr.name] = {
				app_ready_ms: app ? round(app.median, 1) : null,
				app_ready_min_ms: app ? round(app.min, 1) : null,
				app_ready_max_ms: app ? round(app.max, 1) : null,
				bare_ready_ms: alone ? round(alone.median, 1) : null,
				bare_ready_min_ms: alone ? round(alone.min, 1) : null,
				bare_ready_max_ms: alone ? round(alone.max, 1) : null,
				overhead_ratio: overhead === null ? null : round(overhead, 3),
				bare_total_bytes: median((bare[pr.name] ?? []).map((s) => s.totalBytes)),
				app_main_thread_cpu_ms: appCpu,
				bare_main_thread_cpu_ms: bareCpu,
				app_dom_nodes: nodes(home?.samples[pr.name]),
				bare_dom_nodes: nodes(bare[pr.name])
			};
		}
		json.duckdb = engineJson;
		out.push(
			'DuckDB-WASM ready (html[data-engine="ready"], figures.arrow loaded), ms from navigation start: the app on / and a bare page starting only the engine from the same chunk and bundles; with Chromium’s counters once ready and the network quiet: the main thread’s CPU time (thread ticks, medians; unthrottled only) and the DOM’s nodes',
			table(
				[
					'profile',
					'app (/)',
					'bare engine',
					'overhead',
					'main-thread CPU ms, app / bare',
					'DOM nodes, app / bare'
				],
				engineRows
			),
			''
		);
		// where the start's time goes: the marks db.ts, the layout and app.html set, medians
		const stepRows: string[][] = [];
		for (const pr of PROFILES) {
			const at = (samples: LoadSample[] = [], step: string) =>
				median(samples.map((s) => s.marks[step] ?? null));
			const steps = Object.fromEntries(
				ENGINE_STEPS.map(([step]) => [
					step,
					{ app: at(home?.samples[pr.name], step), bare: at(bare[pr.name], step) }
				])
			);
			(engineJson[pr.name] as Record<string, unknown>).steps_ms = steps;
			for (const [step, label] of ENGINE_STEPS) {
				const { app, bare: alone } = steps[step]!;
				if (app === null && alone === null) continue;
				const cell = (v: number | null) => (v === null ? '–' : v.toFixed(0));
				stepRows.push([pr.label, label, cell(app), cell(alone)]);
			}
		}
		out.push(
			'The engine’s start, step by step (performance marks, ms from navigation start, medians): the app on / and the bare page',
			table(['profile', 'step', 'app (/)', 'bare engine'], stepRows),
			''
		);

		// interaction
		const interactionRow = (name: string, r: InteractionResult | null, extra = '') => {
			if (!r) return [name, '–', '–', '–', 'failed (see problems)'];
			return [
				name,
				percentile(r.latencies, 50).toFixed(0),
				percentile(r.latencies, 95).toFixed(0),
				Math.max(...r.latencies).toFixed(0),
				`${r.latencies.length} changes over ${r.values} sectors${r.empty ? `, ${r.empty} empty` : ''}${extra}`
			];
		};
		const indicatorPath = pages.find((p) => p.name === 'indicator')?.path;
		out.push(
			`Interaction latency (ms, unthrottled): the sector select on ${indicatorPath} changed, until the redrawn chart is painted`,
			table(
				['data', 'p50', 'p95', 'max', 'notes'],
				[
					interactionRow('real figures', real),
					interactionRow(
						`real figures, ${SETTLE_MS / 1000} s after ready`,
						settled,
						'; begun once the page had settled'
					),
					interactionRow(
						`${SYNTHETIC_ROWS.toLocaleString('en')} rows`,
						million,
						million
							? `; engine files ${((load.million?.engine_bytes ?? NaN) / 2 ** 20).toFixed(0)} MiB, engine ready after ${((million.engineReady ?? NaN) / 1000).toFixed(1)} s`
							: ''
					),
					...(quick
						? []
						: [
								interactionRow(
									`${TEN_MILLION.toLocaleString('en')} rows, query server`,
									tenMillion,
									tenMillion
										? `; the pages built for a query server (QUERY_SERVER), which answers over ${(tenMillion.parquet_bytes / 2 ** 20).toFixed(0)} MiB of Parquet (started in ${tenMillion.server_start_s.toFixed(0)} s)`
										: ''
								)
							])
				]
			),
			''
		);
		const interactionJson = (r: InteractionResult | null) =>
			r && {
				p50_ms: round(percentile(r.latencies, 50), 1),
				p95_ms: round(percentile(r.latencies, 95), 1),
				max_ms: round(Math.max(...r.latencies), 1),
				changes: r.latencies.length,
				empty_results: r.empty,
				engine_ready_ms: r.engineReady,
				latencies_ms: r.latencies.map((x) => round(x, 1))
			};
		json.interaction = {
			page: indicatorPath,
			real: interactionJson(real),
			real_settled: settled && { ...interactionJson(settled), settle_ms: SETTLE_MS },
			million: million && {
				...interactionJson(million),
				rows: million.generated,
				engine_bytes: load.million?.engine_bytes ?? null
			},
			ten_million_query_server: tenMillion && {
				...interactionJson(tenMillion),
				rows: tenMillion.rows,
				parquet_bytes: tenMillion.parquet_bytes,
				server_start_s: round(tenMillion.server_start_s, 1)
			}
		};

		reportEngineLoad(load, out, json);

		// targets
		const g = (path: string | null | undefined, profile: string) =>
			pageEntries.find((e) => e.path === path && e.profile === profile);
		const sitePaths = pages.slice(1).filter((p) => p.path);
		const worstRatio = Math.max(
			...sitePaths.map((p) => (g(p.path, FOUR_G.name)?.ttfc_ratio as number) ?? Infinity)
		);
		const worstJs = Math.max(
			...sitePaths.flatMap((p) =>
				PROFILES.map((pr) => (g(p.path, pr.name)?.js_bytes_before_first_chart as number) ?? 0)
			)
		);
		const onPath = sitePaths.filter((p) =>
			PROFILES.some((pr) => g(p.path, pr.name)?.engine_on_path_to_first_chart)
		);
		const overheads = PROFILES.map(
			(pr) => (engineJson[pr.name] as { overhead_ratio: number | null }).overhead_ratio
		);
		// the chart in the first frame that paints anything, in both profiles, where it is on screen
		const notFirst = sitePaths.filter((p) =>
			PROFILES.some((pr) => !g(p.path, pr.name)?.chart_in_first_contentful_paint)
		);
		const belowFold = notFirst.filter((p) =>
			PROFILES.some((pr) => g(p.path, pr.name)?.chart_in_viewport === false)
		);
		const targets = [
			{
				target: 'first chart in the first paint (the first frame with content)',
				value: notFirst.length
					? `not on ${notFirst.map((p) => p.name + (belowFold.includes(p) ? ' (below the fold)' : '')).join(', ')}`
					: 'every page',
				met: notFirst.length === 0
			},
			{
				target: 'time to first chart ≤ 1.2× lower bound under 4G',
				value: `worst ${worstRatio.toFixed(2)}×`,
				met: worstRatio <= 1.2
			},
			{
				target: 'JS before first chart ≤ 100 KB compressed',
				value: `worst ${(worstJs / 1000).toFixed(1)} KB`,
				met: worstJs <= 100_000
			},
			{
				target: 'DuckDB-WASM never on the path to the first chart',
				value: onPath.length ? onPath.map((p) => p.name).join(', ') : 'never',
				met: onPath.length === 0
			},
			{
				target: 'interaction p95 ≤ 50 ms on the real data',
				value: real ? `${percentile(real.latencies, 95).toFixed(0)} ms` : 'not measured',
				met: !!real && percentile(real.latencies, 95) <= 50
			},
			{
				target: 'interaction p95 ≤ 250 ms on a million rows',
				value: million ? `${percentile(million.latencies, 95).toFixed(0)} ms` : 'not measured',
				met: !!million && percentile(million.latencies, 95) <= 250
			},
			...(quick
				? []
				: [
						{
							target: 'interaction at ten million rows (the pages on a query server): a figure',
							value: tenMillion
								? `p95 ${percentile(tenMillion.latencies, 95).toFixed(0)} ms`
								: 'not measured',
							met: !!tenMillion
						}
					]),
			{
				target: 'overhead above bare DuckDB-WASM start-up ≤ 10%',
				value: PROFILES.map(
					(pr, i) =>
						`${pr.name} ${overheads[i] === null ? '–' : `${(overheads[i]! * 100).toFixed(0)}%`}`
				).join(', '),
				met: overheads.every((o) => o !== null && o <= 0.1)
			}
		];
		json.targets = targets;
		out.push(
			'Targets',
			table(
				['target', 'measured', 'met'],
				targets.map((t) => [t.target, t.value, t.met ? 'yes' : 'NO'])
			),
			''
		);
	}
	if (queryServerOnly) reportQueryServer(queryServer, out, json);

	finish(out, json, machine, date);
}

/** The engine's load: bytes per fact row and the time to a first answer, at each scale. */
function reportEngineLoad(load: EngineLoad, out: string[], json: Record<string, unknown>): void {
	const loadRows: string[][] = [];
	const loadJson: Record<string, unknown> = {};
	const scales = [
		['real', 'real figures', load.real],
		['million', '1,000,000 generated', load.million],
		['ten_million', '10,000,000 generated', load.tenMillion]
	] as const;
	for (const [key, label, at] of scales) {
		if (!at) {
			loadRows.push([label, '–', '–', '–', '–', 'not measured', '–']);
			loadJson[key] = null;
			continue;
		}
		const chromium = spread(at.chromium_ready_ms);
		const node = 'error' in at.node ? null : at.node;
		loadRows.push([
			label,
			at.rows.toLocaleString('en'),
			at.facts_bytes_per_row.toFixed(0),
			at.engine_bytes_per_row.toFixed(0),
			at.wide_bytes_per_row === undefined ? '–' : at.wide_bytes_per_row.toFixed(0),
			!node
				? 'failed (see problems)'
				: node.failed
					? `${node.seconds.toFixed(1)} s (facts and dimensions only)`
					: `${node.seconds.toFixed(1)} s (figures a ${node.figures})`,
			chromium ? `${ms(chromium)} ms` : 'not measured'
		]);
		if ('error' in at.node) problems.push(`engine load in Node, ${label}: ${at.node.error}`);
		else if (at.node.failed)
			problems.push(
				`engine load in Node, ${label}: every table failed (${at.node.failed}); figure_facts and the dimensions alone loaded`
			);
		loadJson[key] = {
			rows: at.rows,
			facts_bytes: at.facts_bytes,
			engine_bytes: at.engine_bytes,
			facts_bytes_per_row: round(at.facts_bytes_per_row, 1),
			engine_bytes_per_row: round(at.engine_bytes_per_row, 1),
			wide_bytes_per_row:
				at.wide_bytes_per_row === undefined ? null : round(at.wide_bytes_per_row, 1),
			node_load_s: node ? round(node.seconds, 2) : null,
			node_figures: node?.figures ?? null,
			node_whole_load_failed: node?.failed ?? null,
			chromium_ready_ms: chromium ? round(chromium.median, 1) : null,
			chromium_ready_min_ms: chromium ? round(chromium.min, 1) : null,
			chromium_ready_max_ms: chromium ? round(chromium.max, 1) : null,
			chromium_runs: at.chromium_ready_ms.length
		};
	}
	json.engine_load = loadJson;
	out.push(
		"Engine load: bytes per fact row of figures.arrow (the narrow fact table) and of every file the engine loads (facts, text, dimensions), against the figures as one wide table; time to load them in Node's DuckDB-WASM until `figures` answers a count, and until the bare engine page is ready in Chromium (unthrottled, cold, ms from navigation start)",
		table(
			[
				'data',
				'fact rows',
				'facts B/row',
				'engine B/row',
				'wide B/row',
				'Node DuckDB-WASM',
				'Chromium ready'
			],
			loadRows
		),
		''
	);
}

function finish(
	out: string[],
	json: Record<string, unknown>,
	machine: { cpus: number; memory_gib: number; node: string; chromium: string | null },
	date: string
): void {
	out.push(
		`Machine: ${machine.cpus} cores, ${machine.memory_gib} GiB, Node ${machine.node}, Chromium ${machine.chromium ?? '?'}; ${date}; ${RUNS} runs${quick ? ' (--quick)' : ''}${engineOnly ? ' (--engine-load)' : ''}${queryServerOnly ? ' (--query-server)' : ''}; ${((Date.now() - started) / 1000).toFixed(0)} s`
	);
	if (problems.length) out.push('', 'Problems:', ...problems.map((p) => `- ${p}`));
	json.problems = problems;
	json.seconds = round((Date.now() - started) / 1000);
	console.log(`\n${out.join('\n')}`);
	if (jsonFile) {
		writeFileSync(resolve(process.cwd(), jsonFile), JSON.stringify(json, null, '\t') + '\n');
		console.log(`\nfigures written to ${jsonFile}`);
	}
}

main()
	.catch((error) => {
		problems.push(`benchmark stopped: ${error instanceof Error ? error.stack : String(error)}`);
		report(null);
	})
	.finally(() => {
		// figures, not a verdict: a missed target or a failed measurement never fails a build
		process.exitCode = 0;
	});
