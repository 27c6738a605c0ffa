/**
 * A chart anywhere on the site, named so that it can be embedded, briefed and drawn again:
 * `<kind>/<owner>/<panel>`, and after a `?` the state of the page it was on when that state
 * changes what the chart shows (an indicator's sector and period, a comparison's choice).
 * Without state a chart is prerendered (its declaration and rows at /charts/<key>.json); with
 * state, DuckDB-WASM answers the same query the page ran.
 */
import { chartFigures, type ChartRow } from '$lib/data/queries.js';
import type { Query } from '$lib/data/query.js';
import { panelQuery, type PanelSpec } from '$lib/panels.js';
import { choiceFilter, comparePanels, type Choice } from '$lib/compare.js';

export const CHART_KINDS = ['topic', 'indicator', 'report', 'compare'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface ChartRef {
	kind: ChartKind;
	owner: string;
	panel: string;
	/** The page state the chart depends on, as a query string without `?` ('' for none). */
	state: string;
}

/** The parameters each kind of chart takes from its page. */
export const STATE_PARAMS: Record<ChartKind, readonly string[]> = {
	topic: [],
	report: [],
	indicator: ['sector', 'period'],
	compare: ['i', 's', 'p']
};

const ID = /^[a-z0-9-]{1,120}$/;
const MAX_STATE = 2000;

/** The state a chart keeps: only its kind's parameters, each once, in a fixed order. */
export function chartState(
	kind: ChartKind,
	params: URLSearchParams | Record<string, string>
): string {
	const source = params instanceof URLSearchParams ? params : new URLSearchParams(params);
	const out = new URLSearchParams();
	for (const name of STATE_PARAMS[kind]) {
		const value = source.get(name);
		if (value) out.set(name, value);
	}
	return out.toString();
}

export function refKey(ref: ChartRef): string {
	const base = `${ref.kind}/${ref.owner}/${ref.panel}`;
	return ref.state ? `${base}?${ref.state}` : base;
}

/** Read a key; anything malformed or with parameters its kind does not take is refused. */
export function parseRef(key: string): ChartRef | undefined {
	const [path = '', state = '', ...rest] = key.split('?');
	if (rest.length || state.length > MAX_STATE) return undefined;
	const [kind, owner, panel, ...more] = path.split('/');
	if (more.length || !CHART_KINDS.includes(kind as ChartKind)) return undefined;
	if (!ID.test(owner ?? '') || !ID.test(panel ?? '')) return undefined;
	const params = new URLSearchParams(state);
	const names = [...params.keys()];
	const allowed = STATE_PARAMS[kind as ChartKind];
	if (names.some((n) => !allowed.includes(n)) || new Set(names).size !== names.length)
		return undefined;
	return {
		kind: kind as ChartKind,
		owner: owner!,
		panel: panel!,
		state: chartState(kind as ChartKind, params)
	};
}

/**
 * An indicator page's panel narrowed to the sector and period its reader chose, or null when
 * the panel does not hold the choice: a chosen period of another length than the panel's (a
 * quarter on the annual panel), or a sector the panel does not draw, leaves the panel out; it
 * is never filled with figures its title and axis do not describe.
 */
export function filteredSpec(spec: PanelSpec, sector: string, period: string): PanelSpec | null {
	const { sectors, periods } = spec.filter;
	if (sector && sectors?.length && !sectors.includes(sector)) return null;
	if (period && periods?.length && !periods.includes(period)) return null;
	return {
		...spec,
		filter: {
			...spec.filter,
			sectors: sector ? [sector] : sectors,
			periods: period ? [period] : periods
		}
	};
}

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

export function choiceOf(state: string): Choice {
	const params = new URLSearchParams(state);
	return {
		indicators: list(params.get('i')),
		sectors: list(params.get('s')),
		periods: list(params.get('p'))
	};
}

export interface Resolvers {
	/** A prerendered chart: its declaration and rows. */
	prerendered(key: string): Promise<{ spec: PanelSpec; rows: ChartRow[] }>;
	/** Run a query on the interactive engine. */
	run<T>(query: Query<T>): Promise<T[]>;
}

const AREAS: Query<{ area_id: string }> = {
	sql: 'SELECT DISTINCT area_id FROM figures ORDER BY area_id',
	params: []
};

export class ChartNotFound extends Error {}

/** A chart's declaration and rows: from the build when it has no state, else from the engine. */
export async function resolveRef(
	ref: ChartRef,
	{ prerendered, run }: Resolvers
): Promise<{ spec: PanelSpec; rows: ChartRow[] }> {
	const params = new URLSearchParams(ref.state);
	if (!ref.state) return prerendered(refKey(ref));
	if (ref.kind === 'indicator') {
		const { spec } = await prerendered(refKey({ ...ref, state: '' }));
		const narrowed = filteredSpec(spec, params.get('sector') ?? '', params.get('period') ?? '');
		return narrowed
			? { spec: narrowed, rows: await run(panelQuery(narrowed)) }
			: { spec, rows: [] };
	}
	if (ref.kind === 'compare') {
		const choice = choiceOf(ref.state);
		if (!choice.indicators.length) throw new ChartNotFound('no indicator chosen');
		// every area, as the comparison page asks for
		const areas = (await run<{ area_id: string }>(AREAS)).map((a) => a.area_id);
		const rows = await run(chartFigures(choiceFilter(choice, areas)));
		const found = comparePanels(rows, choice).find((p) => p.spec.id === ref.panel);
		if (!found) throw new ChartNotFound(`no panel ${ref.panel} in this comparison`);
		return found;
	}
	throw new ChartNotFound(`a ${ref.kind} chart takes no state`);
}
