/**
 * View state in the URL. Each page declares its parameters; reading never throws: a value that
 * is unknown, repeated, oversized or malformed falls back to the default and becomes a notice
 * the page shows the reader.
 */

export interface ParamSpec<T> {
	/** Parse one raw value; undefined means "not acceptable". */
	parse: (raw: string) => T | undefined;
	fallback: T;
	/** Whether the parameter may list several values separated by commas. */
	list?: boolean;
	/** Longest accepted value; 400 characters unless said. */
	maxLength?: number;
}

export interface ParamProblem {
	name: string;
	value: string;
}

const MAX_LENGTH = 400;

/**
 * A value the page never writes: empty (a default is left out of the address), or with broken
 * percent-encoding, which the browser decodes to U+FFFD (`%E0%A4%A` becomes `\uFFFD%A`). A value
 * that really holds U+FFFD is refused too; only a console query could, and none needs to.
 */
const unreadable = (raw: string) => raw === '' || raw.includes('\uFFFD');

export function readParams<S extends Record<string, ParamSpec<unknown>>>(
	params: URLSearchParams,
	spec: S
): { values: { [K in keyof S]: S[K]['fallback'] }; problems: ParamProblem[] } {
	const values = {} as { [K in keyof S]: S[K]['fallback'] };
	const problems: ParamProblem[] = [];
	for (const [name, p] of Object.entries(spec) as [keyof S & string, ParamSpec<unknown>][]) {
		const all = params.getAll(name);
		values[name] = p.fallback as S[typeof name]['fallback'];
		if (all.length === 0) continue;
		const raw = all[0]!;
		if (all.length > 1 || unreadable(raw) || raw.length > (p.maxLength ?? MAX_LENGTH)) {
			problems.push({ name, value: raw.slice(0, 60) });
			continue;
		}
		const parsed = p.parse(raw);
		if (parsed === undefined) problems.push({ name, value: raw.slice(0, 60) });
		else values[name] = parsed as S[typeof name]['fallback'];
	}
	for (const name of new Set(params.keys())) {
		if (!(name in spec)) problems.push({ name, value: (params.get(name) ?? '').slice(0, 60) });
	}
	return { values, problems };
}

/** One of a fixed set of words. */
export function oneOf<T extends string>(options: readonly T[], fallback: T): ParamSpec<T> {
	return { parse: (raw) => (options.includes(raw as T) ? (raw as T) : undefined), fallback };
}

/** A comma-separated list whose every item must be known; the whole list fails otherwise. */
export function listOf(
	known: (item: string) => boolean,
	fallback: string[] = []
): ParamSpec<string[]> {
	return {
		list: true,
		fallback,
		parse: (raw) => {
			const items = raw.split(',').filter(Boolean);
			return items.length > 0 && items.every(known) && new Set(items).size === items.length
				? items
				: undefined;
		}
	};
}

/** Free text up to a length (a query in the SQL console). */
export function text(fallback: string, maxLength: number): ParamSpec<string> {
	return { parse: (raw) => raw, fallback, maxLength };
}

/** A URL with these values set, defaults left out so a permalink stays short. */
export function withParams(
	url: URL,
	values: Record<string, string | string[] | null | undefined>
): URL {
	const next = new URL(url);
	for (const [name, value] of Object.entries(values)) {
		const text = Array.isArray(value) ? value.join(',') : value;
		if (text) next.searchParams.set(name, text);
		else next.searchParams.delete(name);
	}
	return next;
}
