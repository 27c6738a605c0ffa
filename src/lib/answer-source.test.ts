import { describe, expect, it } from 'vitest';
import { answerSource } from './answer-source.js';

describe('answerSource', () => {
	it('answers the state the build drew from its rows, whatever the engine is doing', () => {
		for (const engine of ['idle', 'loading', 'ready', 'failed'] as const)
			expect(answerSource(true, engine)).toBe('prerendered');
	});

	it('asks the engine for any other state once it is ready', () => {
		expect(answerSource(false, 'ready')).toBe('engine');
	});

	it('waits for an engine not yet started or still loading', () => {
		expect(answerSource(false, 'idle')).toBe('waiting');
		expect(answerSource(false, 'loading')).toBe('waiting');
	});

	it('says a state cannot be answered when the engine failed, never passes the build rows off', () => {
		expect(answerSource(false, 'failed')).toBe('unavailable');
	});

	it('narrows the build rows that hold a state while the engine loads or when it failed, and asks the engine once ready', () => {
		expect(answerSource(false, 'idle', true)).toBe('narrowed');
		expect(answerSource(false, 'loading', true)).toBe('narrowed');
		expect(answerSource(false, 'failed', true)).toBe('narrowed');
		expect(answerSource(false, 'ready', true)).toBe('engine');
		expect(answerSource(true, 'loading', true)).toBe('prerendered');
	});
});
