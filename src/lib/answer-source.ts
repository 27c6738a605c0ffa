/**
 * Where a chart's answer comes from: the one decision every page, embed and briefing makes the
 * same way, so none decides it by itself.
 *
 * - `prerendered`: the state is the one the build drew (no filter, the default choice); its rows
 *   are in the page and the engine is never asked.
 * - `engine`: any other state, once DuckDB-WASM is ready; the question goes to the coordinator.
 * - `narrowed`: another state whose every figure the build's rows hold (an indicator page's
 *   sector or period), before the engine is ready or when it failed: the page narrows the
 *   build's rows itself, exactly as the engine would answer (data/narrow.ts), so a filter works
 *   from the first paint and without the engine.
 * - `waiting`: another state before the engine is ready; the page keeps the build's rows on
 *   screen, marked as not yet the answer.
 * - `unavailable`: another state when the engine failed; the page says the chart still shows the
 *   build's rows, never passes them off as the answer.
 *
 * Once the engine is ready it answers every state that is not the build's own: one path for
 * every page, embed and briefing, through the coordinator.
 */
import type { EngineStatus } from './engine.svelte.js';

export type AnswerSource = 'prerendered' | 'engine' | 'narrowed' | 'waiting' | 'unavailable';

export function answerSource(
	prerendered: boolean,
	engine: EngineStatus,
	narrowable = false
): AnswerSource {
	if (prerendered) return 'prerendered';
	if (engine === 'ready') return 'engine';
	if (narrowable) return 'narrowed';
	if (engine === 'failed') return 'unavailable';
	return 'waiting';
}
