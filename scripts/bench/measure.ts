/**
 * Measurements in Debian's Chromium: one fresh browser context per run (cold HTTP cache, no
 * connections kept), network and CPU throttled through the DevTools protocol, figures read from
 * Paint, Resource and Navigation Timing in the page and from a probe injected before any of
 * the page's own scripts.
 */
import {
	chromium,
	type Browser,
	type BrowserContext,
	type CDPSession,
	type Page
} from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../chromium.js';

export interface Profile {
	name: string;
	label: string;
	network: { latency: number; downloadThroughput: number; uploadThroughput: number } | null;
	cpu: number;
}

export const UNTHROTTLED: Profile = {
	name: 'unthrottled',
	label: 'unthrottled',
	network: null,
	cpu: 1
};
/** 9 Mbps down, 1.5 Mbps up, 60 ms round trip, CPU four times slower. */
export const FOUR_G: Profile = {
	name: '4g',
	label: '4G + 4× CPU',
	network: { latency: 60, downloadThroughput: (9e6 / 8) | 0, uploadThroughput: (1.5e6 / 8) | 0 },
	cpu: 4
};

export function launch(): Promise<Browser> {
	return chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
}

/**
 * Injected before the page's scripts: records the first animation frame in which the first
 * `figure[data-chart] svg` has a non-zero box, when that frame's paint is done (and whether
 * the chart is in the viewport then), what
 * html[data-engine] said at that moment, and when data-engine took each of its values.
 */
const PROBE = `(() => {
	if (window.top !== window) return;
	try { performance.setResourceTimingBufferSize(2000); } catch {}
	const bench = (window.__bench = { chart: null, chartPainted: null, chartTop: null, inViewport: null, engineAtChart: null, frames: 0, engine: {} });
	const check = (t) => {
		bench.frames++;
		const svg = document.querySelector('figure[data-chart] svg');
		if (!svg) return false;
		const box = svg.getBoundingClientRect();
		if (box.width <= 0 || box.height <= 0) return false;
		bench.chart = t;
		bench.chartTop = box.top;
		bench.inViewport = box.top < innerHeight && box.bottom > 0;
		bench.engineAtChart = document.documentElement.dataset.engine ?? 'none';
		// a task posted from the frame's callbacks runs once that frame's rendering (paint) is done
		const channel = new MessageChannel();
		channel.port1.onmessage = () => { bench.chartPainted = performance.now(); };
		channel.port2.postMessage(0);
		return true;
	};
	const frame = (t) => { if (!check(t)) requestAnimationFrame(frame); };
	requestAnimationFrame(frame);
	const seen = () => {
		const state = document.documentElement.dataset.engine;
		if (state && !(state in bench.engine)) bench.engine[state] = performance.now();
	};
	// the probe runs before <html> exists: watch the whole document for the attribute
	new MutationObserver(seen).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-engine'] });
})();`;

export interface Run {
	context: BrowserContext;
	page: Page;
	cdp: CDPSession;
	/** Bytes of every response (headers + encoded body), workers' fetches included. */
	responses: Promise<{ url: string; bytes: number }>[];
	inflight: Set<unknown>;
	lastActivity: number;
}

export async function openRun(browser: Browser, profile: Profile): Promise<Run> {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		locale: 'zh-CN',
		timezoneId: 'UTC'
	});
	await context.addInitScript(PROBE);
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	if (profile.network) {
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
	}
	if (profile.cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
	const run: Run = {
		context,
		page,
		cdp,
		responses: [],
		inflight: new Set(),
		lastActivity: Date.now()
	};
	page.on('request', (r) => {
		run.inflight.add(r);
		run.lastActivity = Date.now();
	});
	const settle = (r: unknown) => {
		run.inflight.delete(r);
		run.lastActivity = Date.now();
	};
	page.on('requestfailed', settle);
	page.on('requestfinished', (r) => {
		settle(r);
		run.responses.push(
			r
				.sizes()
				.then((s) => ({ url: r.url(), bytes: s.responseBodySize + s.responseHeadersSize }))
				.catch(() => ({ url: r.url(), bytes: 0 }))
		);
	});
	return run;
}

async function networkIdle(run: Run, quietMs = 500, timeoutMs = 60_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (run.inflight.size === 0 && Date.now() - run.lastActivity >= quietMs) return;
		await new Promise((r) => setTimeout(r, 100));
	}
}

/**
 * Until html[data-engine] is ready or failed and the network is quiet; a page that never starts
 * the engine (an embed, say) counts as settled after 3 s without a request and no engine loading.
 */
async function engineSettled(run: Run, timeoutMs = 600_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		const state = await run.page.evaluate(() => document.documentElement.dataset.engine ?? '');
		if (state === 'ready' || state === 'failed') break;
		if (state !== 'loading' && run.inflight.size === 0 && Date.now() - run.lastActivity >= 3000)
			break;
		await new Promise((r) => setTimeout(r, 100));
	}
	await networkIdle(run);
}

export interface Bytes {
	html: number;
	css: number;
	js: number;
	other: number;
}

export interface LoadSample {
	/** First contentful paint, ms from navigation start. */
	fcp: number | null;
	/** The frame in which the first chart had a box. */
	chartFrame: number | null;
	/** When that frame's rendering was done (a task posted from its animation-frame callback). */
	chartPainted: number | null;
	/** Time to first chart: the later of first contentful paint and chartPainted. */
	ttfc: number | null;
	chartInViewport: boolean | null;
	/** Frames rendered until the chart had a box (1: it was in the very first one). */
	chartFrameIndex: number | null;
	/**
	 * Whether the frame that drew the chart was the first to paint any content: first contentful
	 * paint's own frame (its paintTime, where Chromium gives one) is not before the chart's.
	 */
	chartInFirstContentfulPaint: boolean | null;
	/** The chart's top edge in CSS pixels when first drawn (the viewport is 1280 × 800). */
	chartTop: number | null;
	/** html[data-engine] when the chart was first drawn (none: not yet hydrated). */
	engineAtChart: string | null;
	/** Engine files requested before the first chart (any means DuckDB-WASM was on its path). */
	engineRequestsBeforeChart: string[];
	before: Bytes;
	/** Everything until the engine is ready and the network quiet (only when waited for). */
	totalBytes: number | null;
	/** ms from navigation start to html[data-engine="ready"]. */
	engineReady: number | null;
	engineFailed: string | null;
	/** JS files requested before the first chart, with their transfer sizes. */
	jsBefore: { url: string; bytes: number }[];
	/**
	 * The engine's start, step by step: the page's and db.ts's performance marks (`page:hydrated`,
	 * `engine:launch`, `engine:instantiated` …), ms from navigation start, first of each name.
	 */
	marks: Record<string, number>;
	/**
	 * Chromium's own counters once the engine is ready and the network quiet (only when waited
	 * for): the main thread's CPU time (its tasks in thread ticks: what it took from the cores the
	 * engine's compile runs on, not time it waited for them) and the document's DOM nodes.
	 */
	mainThreadCpuMs: number | null;
	domNodes: number | null;
}

const kindOf = (url: string): keyof Bytes => {
	const path = new URL(url).pathname;
	if (/\.(m?js)$/.test(path)) return 'js';
	if (/\.css$/.test(path)) return 'css';
	if (/\.html$/.test(path) || !/\.[a-z0-9]+$/i.test(path)) return 'html';
	return 'other';
};

/**
 * Load `url` once, cold. `chart`: wait for the first chart and count bytes before it;
 * `engine`: wait until html[data-engine] is ready (or failed) and the network is quiet, and count
 * every byte.
 */
export async function loadOnce(
	browser: Browser,
	url: string,
	profile: Profile,
	options: { chart: boolean; engine: boolean; engineFiles: string[] }
): Promise<LoadSample> {
	const run = await openRun(browser, profile);
	const { page } = run;
	try {
		if (options.engine) await run.cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
		await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
		if (options.chart) {
			await page.waitForFunction(
				() =>
					(window as unknown as { __bench: { chartPainted: number | null } }).__bench
						.chartPainted !== null &&
					performance.getEntriesByName('first-contentful-paint').length > 0,
				undefined,
				{ timeout: 60_000, polling: 50 }
			);
		}
		if (options.engine) await engineSettled(run);
		const seen = await page.evaluate(() => {
			const bench = (window as unknown as { __bench: Record<string, unknown> }).__bench;
			const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
			const paint = performance.getEntriesByName('first-contentful-paint')[0] as
				(PerformanceEntry & { paintTime?: number }) | undefined;
			const fcp = paint?.startTime ?? null;
			// when the frame's paint ran on the main thread (startTime is when it was presented)
			const fcpPaint = paint ? (paint.paintTime ?? paint.startTime) : null;
			const resources = (
				performance.getEntriesByType('resource') as PerformanceResourceTiming[]
			).map((r) => ({ name: r.name, startTime: r.startTime, transferSize: r.transferSize }));
			return {
				bench,
				fcp,
				fcpPaint,
				navBytes: nav?.transferSize ?? 0,
				navUrl: nav?.name ?? location.href,
				resources,
				marks: Object.fromEntries(
					performance
						.getEntriesByType('mark')
						.filter((m) => /^(engine|page):/.test(m.name))
						.reverse()
						.map((m) => [m.name, m.startTime])
				),
				engineError: document.documentElement.dataset.engineError ?? null
			};
		});
		const bench = seen.bench as {
			chart: number | null;
			chartPainted: number | null;
			chartTop: number | null;
			frames: number;
			inViewport: boolean | null;
			engineAtChart: string | null;
			engine: Record<string, number>;
		};
		const ttfc =
			options.chart && seen.fcp !== null && bench.chart !== null
				? Math.max(seen.fcp, bench.chart)
				: null;
		const before: Bytes = { html: seen.navBytes, css: 0, js: 0, other: 0 };
		const jsBefore: { url: string; bytes: number }[] = [];
		const engineRequestsBeforeChart: string[] = [];
		const cutoff = ttfc ?? Infinity;
		for (const r of seen.resources) {
			if (r.startTime >= cutoff) continue;
			const kind = kindOf(r.name);
			before[kind] += r.transferSize;
			if (kind === 'js') jsBefore.push({ url: new URL(r.name).pathname, bytes: r.transferSize });
			if (options.engineFiles.includes(new URL(r.name).pathname))
				engineRequestsBeforeChart.push(new URL(r.name).pathname);
		}
		let totalBytes: number | null = null;
		let counters: Record<string, number> = {};
		if (options.engine) {
			const all = await Promise.all(run.responses);
			totalBytes = all.reduce((sum, r) => sum + r.bytes, 0);
			const { metrics } = await run.cdp.send('Performance.getMetrics');
			counters = Object.fromEntries(metrics.map((m) => [m.name, m.value]));
		}
		return {
			fcp: seen.fcp,
			chartFrame: bench.chart,
			chartPainted: bench.chartPainted,
			ttfc,
			chartInViewport: bench.inViewport,
			chartFrameIndex: bench.chart === null ? null : bench.frames,
			chartInFirstContentfulPaint:
				seen.fcpPaint === null || bench.chart === null ? null : seen.fcpPaint >= bench.chart,
			chartTop: bench.chartTop,
			engineAtChart: bench.engineAtChart,
			engineRequestsBeforeChart,
			before,
			totalBytes,
			engineReady: bench.engine.ready ?? null,
			engineFailed: bench.engine.failed !== undefined ? (seen.engineError ?? 'failed') : null,
			jsBefore,
			marks: seen.marks,
			mainThreadCpuMs:
				counters.TaskDuration === undefined ? null : Math.round(counters.TaskDuration * 1000),
			domNodes: counters.Nodes ?? null
		};
	} finally {
		await run.context.close();
	}
}

/**
 * In the page: change the first select of the filter form, wait until the DOM shows the new
 * choice with the charts' marks replaced and nothing busy, then for that frame to be painted.
 * A string, so no helper of the TypeScript loader leaks into the page.
 */
const CHANGE_AND_PAINT = `async (value) => {
	const select = document.querySelector('form.filters select');
	if (!select) throw new Error('no filter select on the page');
	const marks = () =>
		[...document.querySelectorAll('main figure[data-chart] svg [data-figure]')]
			.map((e) => e.getAttribute('data-figure') + '=' + e.getAttribute('data-value'))
			.join(',');
	const before = marks();
	const t0 = performance.now();
	select.value = value;
	select.dispatchEvent(new Event('change', { bubbles: true }));
	let empty = false;
	await new Promise((resolve, reject) => {
		let observer, timer;
		const done = () => {
			const filter = document.querySelector('[data-filter]')?.getAttribute('data-filter') ?? '';
			if (!filter.startsWith(value + '|')) return false;
			if (document.querySelector('main [aria-busy="true"]')) return false;
			const now = marks();
			empty = now === '' && !!document.querySelector('main p.notice[role="status"]');
			return empty || (now !== '' && now !== before);
		};
		const finish = () => {
			observer.disconnect();
			clearTimeout(timer);
			resolve();
		};
		observer = new MutationObserver(() => done() && finish());
		observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
		timer = setTimeout(() => {
			observer.disconnect();
			reject(new Error('no redrawn chart for ' + value + ' after 60 s'));
		}, 60000);
		if (done()) finish();
	});
	// the DOM matches: the next frame paints it, and a task posted from that frame's callbacks
	// runs once its rendering is done (as the page probe times the first chart; two frames
	// would add up to a frame's wait for the one after)
	await new Promise((r) =>
		requestAnimationFrame(() => {
			const channel = new MessageChannel();
			channel.port1.onmessage = r;
			channel.port2.postMessage(0);
		})
	);
	return { ms: performance.now() - t0, empty };
}`;

export interface InteractionResult {
	latencies: number[];
	empty: number;
	engineReady: number | null;
	values: number;
}

/**
 * Open `url` (unthrottled), wait for the engine, then make `changes` changes of the sector
 * select, each to another sector, and time each from the change to the updated chart painted.
 * The changes start as soon as the engine is ready, or `settleMs` after it: a reader's first
 * choice rarely comes in the second after load, while the browser still compiles and collects.
 */
export async function interactions(
	browser: Browser,
	url: string,
	changes: number,
	settleMs = 0
): Promise<InteractionResult> {
	const run = await openRun(browser, UNTHROTTLED);
	const { page } = run;
	try {
		await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
		await page.waitForFunction(
			() => ['ready', 'failed'].includes(document.documentElement.dataset.engine ?? ''),
			undefined,
			{ timeout: 900_000, polling: 200 }
		);
		const state = await page.evaluate(() => ({
			engine: document.documentElement.dataset.engine,
			ready:
				(window as unknown as { __bench: { engine: Record<string, number> } }).__bench.engine
					.ready ?? null,
			options: [
				...(document.querySelector('form.filters select')?.querySelectorAll('option') ?? [])
			]
				.map((o) => o.value)
				.filter((v) => v !== '')
		}));
		if (state.engine !== 'ready') throw new Error('DuckDB-WASM failed to start');
		if (settleMs) await page.waitForTimeout(settleMs);
		if (state.options.length < 2) throw new Error('the page has fewer than two sectors to choose');
		const latencies: number[] = [];
		let empty = 0;
		for (let i = 0; i < changes; i++) {
			const value = state.options[i % state.options.length]!;
			const result = (await page.evaluate(`(${CHANGE_AND_PAINT})(${JSON.stringify(value)})`)) as {
				ms: number;
				empty: boolean;
			};
			latencies.push(result.ms);
			if (result.empty) empty++;
		}
		return { latencies, empty, engineReady: state.ready, values: state.options.length };
	} finally {
		await run.context.close();
	}
}
