import { untrack } from 'svelte';
import { answerSource, type AnswerSource } from '$lib/answer-source.js';
import type { EngineStatus } from '$lib/engine.svelte.js';

/**
 * The answer to a view's latest query, kept on screen while the next one runs: a change of
 * filter updates the charts in place (marks move, nothing is torn down and rebuilt for a
 * loading state), and an answer that arrives after a newer question is dropped.
 *
 * `query` gives the pending answer, or null when the view needs none (the prerendered rows
 * apply, or the engine is not ready); `initial` gives what to show then. The signal it is given
 * aborts when a newer question replaces it, so the coordinator never sends one nobody awaits.
 */
export function latest<T>(query: (signal: AbortSignal) => Promise<T> | null, initial: () => T) {
	let value = $derived(initial());
	let busy = $state(false);
	let error = $state<string | null>(null);

	$effect(() => {
		const asked = new AbortController();
		const pending = query(asked.signal);
		error = null;
		if (!pending) {
			busy = false;
			value = initial();
			return;
		}
		busy = true;
		let current = true;
		pending.then(
			(answer) => {
				if (!current) return;
				value = answer;
				busy = false;
			},
			(failure: unknown) => {
				if (!current) return;
				error = failure instanceof Error ? failure.message : String(failure);
				value = initial();
				busy = false;
			}
		);
		return () => {
			current = false;
			asked.abort();
		};
	});

	return {
		/** The latest answer, or the initial value before any (and after a failure). */
		get value(): T {
			return value;
		},
		/** Whether a newer answer is on its way. */
		get busy(): boolean {
			return busy;
		},
		/** The latest query's error message, if it failed. */
		get error(): string | null {
			return error;
		}
	};
}

/**
 * A view's charts, answered from the right place: the build's rows for the state it drew, the
 * engine (through the coordinator) for any other once it is ready. The page says which state is
 * the prerendered one, what its question is and how to ask it; `answerSource` decides, the same
 * way on every page.
 *
 * The question is a plain value (a filter, a choice) and is asked again only when it changes,
 * compared by content: a change elsewhere on the page (a panel switched to its table, a new
 * address written for the same state) asks nothing and leaves every chart as it is.
 */
export function chartAnswer<T, Q>(
	engine: { readonly status: EngineStatus },
	view: {
		/** Whether the build's rows answer the state on screen. */
		prerendered: () => boolean;
		/** The build's rows: the answer in the prerendered state, shown (marked) while waiting. */
		rows: () => T;
		/**
		 * The build's rows narrowed to a question, when they hold every figure it can show (null
		 * when they do not): the answer before the engine is ready and when it failed, and what is
		 * shown, marked busy, while the engine answers.
		 */
		narrow?: (question: Q) => T | null;
		/** What the state on screen asks: plain data (JSON), compared by content. */
		question: () => Q;
		/** The engine's answer to a question. */
		ask: (question: Q, signal: AbortSignal) => Promise<T>;
		/** Questions a reader may ask next (the other options of a filter), asked ahead. */
		next?: () => Q[];
		/** How to ask them ahead, without waiting (the coordinator's `prefetch`). */
		prefetch?: (questions: Q[], signal: AbortSignal) => void;
		/**
		 * Offer the build's rows to the coordinator as the engine's answers (the coordinator's
		 * `seed`, kept if the engine holds the same dataset): when the engine is ready and when
		 * the rows it reads change, before the state on screen is asked.
		 */
		seed?: () => void;
	}
) {
	// created before the question's effect, so it runs first when the engine becomes ready, and
	// again for a page's new rows (a client-side navigation to another indicator); a seed already
	// kept is not offered twice (Coordinator.seed)
	$effect(() => {
		if (engine.status === 'ready' && view.seed) view.seed();
	});

	// the build's rows narrowed, where they hold the state: the answer until the engine is ready
	// (or when it failed), and what stays on screen, marked busy, while the engine's answer comes
	// (never the build's unfiltered rows under a filter)
	const narrowedRows = $derived.by(() => {
		if (!view.narrow || view.prerendered()) return null;
		return view.narrow(view.question());
	});
	const source = $derived(answerSource(view.prerendered(), engine.status, narrowedRows !== null));
	// a string, so an equal question made anew does not count as a change
	const asked = $derived(source === 'engine' ? JSON.stringify(view.question() ?? null) : null);
	const answer = latest(
		(signal) => (asked === null ? null : untrack(() => view.ask(JSON.parse(asked) as Q, signal))),
		() => narrowedRows ?? view.rows()
	);
	// once the engine is ready, the likely next questions are asked while the reader reads
	const ahead = $derived(
		engine.status === 'ready' && view.next && view.prefetch ? JSON.stringify(view.next()) : null
	);
	$effect(() => {
		if (ahead === null) return;
		const page = new AbortController();
		untrack(() => view.prefetch!(JSON.parse(ahead) as Q[], page.signal));
		return () => page.abort();
	});
	return {
		/** The rows to draw. */
		get value(): T {
			return answer.value;
		},
		/** Where they come from. */
		get source(): AnswerSource {
			return source;
		},
		/** Whether what is drawn is not (or not yet) the answer to the state on screen. */
		get busy(): boolean {
			return (
				answer.busy || answer.error !== null || source === 'waiting' || source === 'unavailable'
			);
		},
		get error(): string | null {
			return answer.error;
		}
	};
}
