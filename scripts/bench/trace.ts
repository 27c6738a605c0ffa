/**
 * What stands between a page and its first chart: one cold load recorded as a Chromium trace
 * (devtools.timeline, the same events the Performance panel shows), and the page's main thread
 * from navigation start to the chart's painted frame, summed by kind of work. The trace is
 * written beside the benchmark's results, to open in Chromium's Performance panel.
 */
import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { openRun, type Profile } from './measure.js';

interface TraceEvent {
	name: string;
	cat: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: Record<string, unknown> & { name?: string; data?: { url?: string } };
}

/**
 * Main-thread work before the first chart, ms, by kind; `idle` is the thread waiting. `other` is
 * task time no instrumented event covers: under a CPU slowdown it holds the throttle's pauses.
 */
export interface FirstChartTrace {
	path: string;
	profile: string;
	/** Navigation start to the first chart's painted frame. */
	until_ms: number;
	work_ms: Record<Kind, number>;
	idle_ms: number;
	/** The longest main-thread tasks before the chart: start, length, what they did most. */
	longest: { at_ms: number; ms: number; mostly: Kind }[];
	file: string;
}

export const KINDS = [
	'navigation',
	'parse HTML',
	'script',
	'style',
	'layout',
	'paint',
	'gc',
	'other'
] as const;
export type Kind = (typeof KINDS)[number];

/** The kind of work an event's own time (without its children's) is. */
function kindOf(name: string): Kind {
	if (name === 'ParseHTML') return 'parse HTML';
	if (name.startsWith('DocumentLoader::') || name === 'CommitLoad') return 'navigation';
	if (
		/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)$/.test(
			name
		)
	)
		return 'style';
	if (/^(Layout|UpdateLayer|IntersectionObserverController)/.test(name)) return 'layout';
	if (/^(Paint|PrePaint|Layerize|Commit|CompositeLayers|PaintImage|Decode)/.test(name))
		return 'paint';
	if (/GC|GarbageCollect/.test(name)) return 'gc';
	if (
		/^(EvaluateScript|FunctionCall|RunMicrotasks|TimerFire|EventDispatch|FireAnimationFrame|v8\.|V8\.|HandlePostMessage|XHRLoad|FireIdleCallback)/.test(
			name
		)
	)
		return 'script';
	return 'other';
}

/** Own time of each complete event on one thread: its length less its children's. */
function ownTimes(events: TraceEvent[]): { event: TraceEvent; own: number }[] {
	const sorted = events
		.filter((e) => e.ph === 'X' && e.dur !== undefined)
		.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
	const out: { event: TraceEvent; own: number }[] = [];
	const stack: { event: TraceEvent; own: number }[] = [];
	for (const event of sorted) {
		while (stack.length && stack.at(-1)!.event.ts + stack.at(-1)!.event.dur! <= event.ts)
			stack.pop();
		const parent = stack.at(-1);
		const entry = { event, own: event.dur! };
		if (parent) parent.own -= Math.min(event.dur!, parent.event.ts + parent.event.dur! - event.ts);
		out.push(entry);
		stack.push(entry);
	}
	return out;
}

export async function traceFirstChart(
	browser: Browser,
	origin: string,
	path: string,
	profile: Profile,
	file: string
): Promise<FirstChartTrace> {
	const run = await openRun(browser, profile);
	const { page, cdp } = run;
	try {
		const events: TraceEvent[] = [];
		cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
		const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
		await cdp.send('Tracing.start', {
			categories: [
				'devtools.timeline',
				'disabled-by-default-devtools.timeline',
				'blink.user_timing',
				'loading',
				'v8.execute',
				'__metadata'
			].join(','),
			transferMode: 'ReportEvents'
		});
		await page.goto(origin + path, { waitUntil: 'load', timeout: 180_000 });
		await page.waitForFunction(
			() =>
				(window as unknown as { __bench: { chartPainted: number | null } }).__bench.chartPainted !==
				null,
			undefined,
			{ timeout: 60_000, polling: 50 }
		);
		const painted = await page.evaluate(
			() => (window as unknown as { __bench: { chartPainted: number } }).__bench.chartPainted
		);
		await cdp.send('Tracing.end');
		await complete;
		writeFileSync(file, JSON.stringify({ traceEvents: events }));

		// the page's renderer: the process that parsed its HTML
		const parse = events.find(
			(e) =>
				e.name === 'ParseHTML' &&
				String((e.args?.beginData as { url?: string } | undefined)?.url ?? '').startsWith(origin)
		);
		if (!parse) throw new Error('the trace holds no ParseHTML event');
		const main = events.find(
			(e) => e.name === 'thread_name' && e.pid === parse.pid && e.args?.name === 'CrRendererMain'
		);
		const tid = main?.tid ?? parse.tid;
		const start = events.find((e) => e.name === 'navigationStart' && e.pid === parse.pid)?.ts;
		if (start === undefined) throw new Error('the trace holds no navigationStart mark');
		const end = start + painted * 1000;

		const thread = ownTimes(events.filter((e) => e.pid === parse.pid && e.tid === tid));
		const none = () => Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
		const work = none();
		let busy = 0;
		const tasks: { at_ms: number; ms: number; kinds: Record<Kind, number> }[] = [];
		let task: (typeof tasks)[number] | null = null;
		let taskEnd = 0;
		for (const { event, own } of thread) {
			if (event.ts >= end || event.ts + event.dur! <= start) continue;
			// the part of the event before the chart was painted
			const ms = (Math.min(own, Math.max(0, end - event.ts)) || 0) / 1000;
			const kind = kindOf(event.name);
			if (event.name === 'RunTask' || event.ts >= taskEnd) {
				task = { at_ms: (event.ts - start) / 1000, ms: event.dur! / 1000, kinds: none() };
				tasks.push(task);
				taskEnd = event.ts + event.dur!;
				busy += Math.min(event.dur!, end - event.ts) / 1000;
			}
			work[kind] += ms;
			if (task) task.kinds[kind] += ms;
		}
		const round = (n: number) => Math.round(n * 10) / 10;
		return {
			path,
			profile: profile.name,
			until_ms: round(painted),
			work_ms: Object.fromEntries(KINDS.map((k) => [k, round(work[k])])) as Record<Kind, number>,
			idle_ms: round(Math.max(0, painted - busy)),
			longest: tasks
				.sort((a, b) => b.ms - a.ms)
				.slice(0, 3)
				.map((t) => ({
					at_ms: round(t.at_ms),
					ms: round(t.ms),
					mostly: KINDS.reduce((a, b) => (t.kinds[b] > t.kinds[a] ? b : a))
				})),
			file
		};
	} finally {
		await run.context.close();
	}
}
