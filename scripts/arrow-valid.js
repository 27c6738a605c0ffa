// apache-arrow's builder/valid.mjs, without eval: Arrow compiles each builder's null test with
// `new Function`, which the site's Content-Security-Policy refuses (no 'unsafe-eval'), so
// tableFromJSON() fails in the browser. vite.config.ts serves this module in its place.
// Same answers: a value is null when it is one of the null values (NaN included).

/**
 * @param {readonly unknown[] | undefined} nullValues
 * @returns {(value: unknown) => boolean}
 */
export function createIsValidFunction(nullValues) {
	if (!nullValues || nullValues.length <= 0) return () => true;
	const nulls = [...nullValues];
	return (value) => !nulls.includes(value);
}
