import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createIsValidFunction as withoutEval } from './arrow-valid.js';

// Arrow's own, by path: an import would get the replacement that vite.config.ts serves for it
const { createIsValidFunction: withEval } = createRequire(import.meta.url)(
	'../node_modules/apache-arrow/builder/valid.js'
) as { createIsValidFunction(nulls?: readonly unknown[]): (value: unknown) => boolean };

describe("Arrow's null test without eval", () => {
	const values = [null, undefined, NaN, 0, -0, 1, 1n, '', 'N/A', 'null', false, true, [], {}];
	it.each([
		['none given', undefined],
		['none', []],
		['the default', [null, undefined]],
		['a string and NaN', [null, 'N/A', NaN]],
		['falsy values and a bigint', [0, 1n, false, '']]
	] as [string, unknown[] | undefined][])('answers as Arrow does for %s', (_, nulls) => {
		const ours = withoutEval(nulls);
		const arrows = withEval(nulls);
		for (const value of values) expect(ours(value)).toBe(arrows(value));
	});
});
