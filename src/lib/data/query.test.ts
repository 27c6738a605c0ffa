import { describe, expect, it } from 'vitest';
import { inlineParams } from './query.js';

describe('parameters written in as literals', () => {
	it('quotes strings with their quotes doubled, and writes numbers and booleans', () => {
		expect(
			inlineParams('SELECT * FROM figures WHERE sector_id = ? AND value > ? AND derived = ?', [
				"it's",
				1.5,
				false
			])
		).toBe("SELECT * FROM figures WHERE sector_id = 'it''s' AND value > 1.5 AND derived = FALSE");
	});

	it('leaves a question mark in quoted text, quoted names and comments alone', () => {
		expect(
			inlineParams(`SELECT '?' AS "a?b", ? -- why?\nFROM t WHERE x IN (?, ?)`, ['x', 'y', 'z'])
		).toBe(`SELECT '?' AS "a?b", 'x' -- why?\nFROM t WHERE x IN ('y', 'z')`);
	});

	it('cannot be escaped from: a hostile value stays one string', () => {
		const sql = inlineParams('SELECT ? AS v', ["'); DROP TABLE figures; --"]);
		expect(sql).toBe("SELECT '''); DROP TABLE figures; --' AS v");
	});

	it('refuses a count of parameters that does not match, and numbers that are not finite', () => {
		expect(() => inlineParams('SELECT ?, ?', ['a'])).toThrow(/more placeholders/);
		expect(() => inlineParams('SELECT ?', ['a', 'b'])).toThrow(/2 parameters for 1 placeholders/);
		expect(() => inlineParams('SELECT ?', [Number.NaN])).toThrow(/finite/);
		expect(() => inlineParams("SELECT 'open", [])).toThrow(/unterminated/);
	});
});
