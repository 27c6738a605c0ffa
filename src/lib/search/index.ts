/**
 * Site search, shared by the build (which indexes) and the browser (which queries): the
 * documents of the index, the tokenizer both sides must agree on, the packed form the site
 * ships, the ranking and the links. Pinyin comes in as a function (`Romanise`) so that
 * pinyin-pro and its dictionary stay in Node, and MiniSearch as a class so that the browser
 * can import it late.
 */
import type MiniSearch from 'minisearch';
import type { AsPlainObject, Options, SearchOptions, SearchResult } from 'minisearch';
import { formatPeriod, type Lang } from '$lib/charts/format.js';
import type { Catalog, DocumentEntry, FigureRow } from '$lib/data/schema.js';
import { links } from '$lib/links.js';
import { count } from '$lib/messages.js';
import { measuredLabel, otherAreaName, periodLabel, type FigureValue } from '$lib/series.js';

export type Kind = 'topic' | 'indicator' | 'sector' | 'document' | 'figure';

/** Pinyin without tones of a run of Chinese characters, one syllable per character. */
export type Romanise = (han: string) => string[];

/**
 * Where a hit leads, as `page:id[:extra]`: `indicator:forest-coverage`,
 * `indicator:industry-output-above-scale:industry-key-new-materials` (opened with `?sector=`),
 * `topic:land`, `report:s21-industry-report`, `source:s20-agenda`, `source:doc:figure-id`.
 */
export type Target = string;

/** One entry of the index. */
export interface SearchDoc {
	/** position in the index, which is also MiniSearch's short id */
	id: number;
	k: Kind;
	zh: string;
	en: string;
	/** the context shown under the name: topic, group, meeting, or period and value */
	cz: string;
	ce: string;
	/** pinyin of the whole name: joined syllables and initials (`xincailiao xcl`) */
	py: string;
	/** pinyin parts: syllables (`xin cai liao`) and initials from each later character on */
	pp: string;
	/** words that match but are not the name: period and value, organ and speaker */
	x: string;
	/** rank boost: the kind's weight, raised a little by how many figures the name has */
	b: number;
	go: Target;
}

export interface Hit {
	id: number;
	kind: Kind;
	zh: string;
	en: string;
	cz: string;
	ce: string;
	go: Target;
	score: number;
}

export type FigureInput = FigureValue &
	Pick<
		FigureRow,
		| 'id'
		| 'indicator_id'
		| 'indicator_zh'
		| 'indicator_en'
		| 'sector_id'
		| 'sector_zh'
		| 'sector_en'
		| 'area_id'
		| 'area_zh'
		| 'area_en'
		| 'inputs'
		| 'doc_id'
	>;

export interface IndexInput {
	catalog: Pick<Catalog, 'topics' | 'indicators' | 'sectors' | 'groups'>;
	documents: Pick<
		DocumentEntry,
		'id' | 'session' | 'meeting_date' | 'title' | 'title_en' | 'organ' | 'organ_en' | 'speaker'
	>[];
	figures: FigureInput[];
	romanise: Romanise;
}

/** Kinds in the order a reader looks for them when the words match equally well. */
const KIND_BOOST: Record<Kind, number> = {
	topic: 1.6,
	indicator: 1.5,
	sector: 1.4,
	document: 1.1,
	figure: 0.4
};

const HAN = /\p{Script=Han}/u;
const TOKEN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:\.\d+)*/gu;

/**
 * Words of a text: each Chinese character and each pair of neighbours (新材料 → 新 材 料 新材
 * 材料), and Latin words and numbers as written (172.5, pm2.5), lower-cased and NFKC-folded.
 */
export function tokenize(text: string): string[] {
	const tokens: string[] = [];
	for (const [run] of text.normalize('NFKC').toLowerCase().matchAll(TOKEN)) {
		if (!HAN.test(run)) {
			tokens.push(run);
			continue;
		}
		const chars = Array.from(run);
		tokens.push(...chars);
		for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
	}
	return tokens;
}

/**
 * A Chinese term as MiniSearch keys it: `~` and four base-36 digits per character (新材 →
 * ~0k2o0ko0). MiniSearch's radix tree scans a node's children to insert a key, and Chinese
 * puts a thousand characters at its root: indexing took five times as long without this.
 */
export function termKey(term: string): string {
	if (!HAN.test(term)) return term;
	return `~${Array.from(term, (c) => c.codePointAt(0)!.toString(36).padStart(4, '0')).join('')}`;
}

export function termText(key: string): string {
	if (!key.startsWith('~')) return key;
	const codes = key.slice(1).match(/.{4}/g) ?? [];
	return String.fromCodePoint(...codes.map((c) => parseInt(c, 36)));
}

const isLatinWord = (term: string) => /^[a-z]+$/.test(term);

const STORED = ['k', 'zh', 'en', 'cz', 'ce', 'b', 'go'] as const satisfies (keyof SearchDoc)[];
type Stored = (typeof STORED)[number];

export const INDEX_OPTIONS = {
	idField: 'id',
	fields: ['zh', 'en', 'py', 'pp', 'x'],
	storeFields: [...STORED],
	tokenize,
	processTerm: termKey
} satisfies Options<SearchDoc>;

export const SEARCH_OPTIONS = {
	boost: { zh: 3, en: 3, py: 3, pp: 1, x: 1 },
	boostDocument: (_id: unknown, _term: string, stored?: Record<string, unknown>) =>
		typeof stored?.b === 'number' ? stored.b : 1,
	// Chinese terms already come as characters and pairs: a prefix would add only noise
	prefix: (term: string) => !term.startsWith('~'),
	// typos in Latin words long enough to carry one: materails → materials, forrest → forest
	fuzzy: (term: string) => (isLatinWord(term) && term.length >= 4 ? 0.2 : false),
	maxFuzzy: 2
} satisfies SearchOptions;

/**
 * Pinyin of a name: `py` holds the whole name joined and as initials (新材料 → xincailiao
 * xcl); `pp` its syllables and the initials from each later character on (规上工业产值 →
 * … gycz ycz cz), so a name is found by the initials of its end as well.
 */
export function pinyinFields(name: string, romanise: Romanise): { py: string; pp: string } {
	const syllables: string[] = [];
	for (const [run] of name.normalize('NFKC').matchAll(/\p{Script=Han}+/gu)) {
		const out = romanise(run);
		if (out.length === Array.from(run).length) syllables.push(...out);
	}
	const clean = syllables.map((s) => s.toLowerCase().replace(/ü/g, 'v')).filter(isLatinWord);
	if (clean.length === 0) return { py: '', pp: '' };
	const initials = clean.map((s) => s[0]).join('');
	const whole = clean.length > 1 ? [clean.join(''), initials] : clean;
	const parts = new Set(clean);
	for (let i = 1; i + 1 < clean.length; i++) parts.add(initials.slice(i));
	return { py: whole.join(' '), pp: [...parts].filter((p) => !whole.includes(p)).join(' ') };
}

/** How often a name is used, as a gentle factor: 1 for none, about 1.2 for a hundred. */
const usage = (count: number) => 1 + Math.log10(1 + count) / 10;

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Where a figure's sentence is: a derived figure points at the sentence of its first input. */
function anchorOf(f: FigureInput): string {
	return f.derived ? (f.inputs?.split(' ')[0] ?? f.id) : f.id;
}

type Entry = Omit<SearchDoc, 'id'>;

/**
 * Everything a reader can search for: topics, indicators, sectors that have figures, documents
 * and figures, named in both languages, with pinyin for every Chinese name except a figure's
 * (its indicator and sector already answer a pinyin query).
 */
export function searchDocuments(input: IndexInput): SearchDoc[] {
	const { catalog, documents, figures, romanise } = input;
	const tally = (key: (f: FigureInput) => string) => {
		const m = new Map<string, number>();
		for (const f of figures) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
		return m;
	};
	const perIndicator = tally((f) => f.indicator_id);
	const perSector = tally((f) => f.sector_id ?? '');
	const statedPerDoc = tally((f) => (f.derived ? '' : f.doc_id));
	const perSectorIndicator = tally((f) => `${f.sector_id} ${f.indicator_id}`);
	const indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
	const topics = new Map(catalog.topics.map((t) => [t.id, t]));
	const groups = new Map(catalog.groups.map((g) => [g.id, g]));
	const named = (zh: string, en: string) => ({ zh, en, ...pinyinFields(zh, romanise) });
	const entries: Entry[] = [];

	for (const t of catalog.topics) {
		const n = catalog.indicators.filter((i) => i.topic === t.id).length;
		entries.push({
			k: 'topic',
			...named(t.zh, t.en),
			cz: count(n, 'indicator', 'zh'),
			ce: count(n, 'indicator', 'en'),
			x: '',
			b: KIND_BOOST.topic,
			go: `topic:${t.id}`
		});
	}

	for (const i of catalog.indicators) {
		const topic = topics.get(i.topic);
		entries.push({
			k: 'indicator',
			...named(i.zh, i.en),
			cz: topic?.zh ?? '',
			ce: topic?.en ?? '',
			x: '',
			b: round(KIND_BOOST.indicator * usage(perIndicator.get(i.id) ?? 0)),
			go: `indicator:${i.id}`
		});
	}

	for (const s of catalog.sectors) {
		// a sector has no page of its own: it opens its most stated indicator, filtered to it
		let best: { id: string; n: number } | undefined;
		for (const [key, n] of perSectorIndicator) {
			const [sector, indicator] = key.split(' ') as [string, string];
			if (sector === s.id && (!best || n > best.n)) best = { id: indicator, n };
		}
		if (!best) continue;
		const group = groups.get(s.group);
		const indicator = indicators.get(best.id);
		entries.push({
			k: 'sector',
			...named(s.zh, s.en),
			cz: [group?.zh, indicator?.zh].filter(Boolean).join(' · '),
			ce: [group?.en, indicator?.en].filter(Boolean).join(' · '),
			x: '',
			b: round(KIND_BOOST.sector * usage(perSector.get(s.id) ?? 0)),
			go: `indicator:${best.id}:${s.id}`
		});
	}

	for (const d of documents) {
		const stated = statedPerDoc.get(d.id) ?? 0;
		entries.push({
			k: 'document',
			...named(d.title, d.title_en),
			// several documents share a title (履职情况报告): the speaker tells them apart
			cz: [d.speaker, `第${d.session}次会议`, formatPeriod(d.meeting_date, 'zh')]
				.filter(Boolean)
				.join(' · '),
			ce: `Meeting ${d.session} · ${formatPeriod(d.meeting_date, 'en')}`,
			x: [d.organ, d.organ_en, d.speaker].filter(Boolean).join(' '),
			b: round(KIND_BOOST.document * usage(stated)),
			// a document without figures has no report page, only its text
			go: stated > 0 ? `report:${d.id}` : `source:${d.id}`
		});
	}

	for (const f of figures) {
		const name = (lang: Lang) =>
			[
				otherAreaName(f, lang),
				lang === 'zh' ? f.sector_zh : f.sector_en,
				lang === 'zh' ? f.indicator_zh : f.indicator_en
			]
				.filter(Boolean)
				.join(' · ');
		const context = (lang: Lang) =>
			[
				periodLabel(f, lang),
				measuredLabel(f, lang, figures),
				f.derived ? (lang === 'zh' ? '推算' : 'derived') : null
			]
				.filter(Boolean)
				.join(' · ');
		const [cz, ce] = [context('zh'), context('en')];
		entries.push({
			k: 'figure',
			zh: name('zh'),
			en: name('en'),
			cz,
			ce,
			py: '',
			pp: '',
			x: `${cz} ${ce}`,
			b: KIND_BOOST.figure,
			go: `source:${f.doc_id}:${anchorOf(f)}`
		});
	}
	return entries.map((e, id) => ({ id, ...e }));
}

/**
 * The index as the site ships it: stored fields by column, and each term's postings as one
 * list of numbers, a negative number `-(field + 1)` opening a field's run of document
 * positions, each given as the gap from the one before (a gap of 0: the term occurs again).
 */
export interface PackedIndex {
	v: 1;
	fields: string[];
	average: number[];
	lengths: number[][];
	stored: { [K in Stored]: SearchDoc[K][] };
	terms: string[];
	postings: number[][];
}

export function pack(index: MiniSearch<SearchDoc>): PackedIndex {
	const json = index.toJSON();
	const n = json.documentCount;
	const stored: Record<string, unknown[]> = {};
	for (const f of STORED) stored[f] = [];
	const lengths: number[][] = [];
	for (let id = 0; id < n; id++) {
		if (json.documentIds[id] !== id) throw new Error(`search index: document ${id} out of order`);
		const fields = json.storedFields[id] as Record<string, unknown>;
		for (const f of STORED) stored[f]!.push(fields[f]);
		lengths.push(Array.from(json.fieldLength[id] ?? [], (l) => l ?? 0));
	}
	const entries = json.index
		.map(([term, byField]) => [termText(term), byField] as const)
		.sort(([a], [b]) => (a < b ? -1 : 1));
	return {
		v: 1,
		fields: Object.keys(json.fieldIds),
		average: json.averageFieldLength,
		lengths,
		stored: stored as PackedIndex['stored'],
		terms: entries.map(([term]) => term),
		postings: entries.map(([, byField]) => {
			const out: number[] = [];
			for (const [field, docs] of Object.entries(byField)) {
				out.push(-(Number(field) + 1));
				let last = 0;
				for (const [id, freq] of Object.entries(docs)) {
					out.push(Number(id) - last, ...Array<number>(freq - 1).fill(0));
					last = Number(id);
				}
			}
			return out;
		})
	};
}

export function unpack(packed: PackedIndex): AsPlainObject {
	const n = packed.lengths.length;
	const documentIds: Record<string, number> = {};
	const fieldLength: Record<string, number[]> = {};
	const storedFields: Record<string, Record<string, unknown>> = {};
	const columns = Object.entries(packed.stored) as [string, unknown[]][];
	for (let id = 0; id < n; id++) {
		documentIds[id] = id;
		fieldLength[id] = packed.lengths[id]!;
		storedFields[id] = Object.fromEntries(columns.map(([f, values]) => [f, values[id]]));
	}
	const index: AsPlainObject['index'] = packed.terms.map((term, t) => {
		const byField: Record<string, Record<string, number>> = {};
		let docs: Record<string, number> = {};
		let doc = 0;
		for (const x of packed.postings[t]!) {
			if (x < 0) {
				docs = byField[-x - 1] = {};
				doc = 0;
				continue;
			}
			doc += x;
			docs[doc] = (docs[doc] ?? 0) + 1;
		}
		return [termKey(term), byField];
	});
	return {
		documentCount: n,
		nextId: n,
		documentIds,
		fieldIds: Object.fromEntries(packed.fields.map((f, i) => [f, i])),
		fieldLength,
		averageFieldLength: packed.average,
		storedFields,
		dirtCount: 0,
		index,
		serializationVersion: 2
	};
}

/** The packed index opened with the MiniSearch class the caller imported. */
export function openIndex(
	Search: typeof MiniSearch<SearchDoc>,
	packed: PackedIndex
): MiniSearch<SearchDoc> {
	return Search.loadJS(unpack(packed), INDEX_OPTIONS);
}

/** The page a hit opens, in the reader's language. */
export function hrefOf(go: Target, lang: Lang): string {
	const [page, id = '', extra] = go.split(':');
	switch (page) {
		case 'indicator':
			return links.indicator(id, lang) + (extra ? `?sector=${encodeURIComponent(extra)}` : '');
		case 'topic':
			return links.topic(id, lang);
		case 'report':
			return links.report(id, lang);
		default:
			return links.source(id, lang, extra);
	}
}

export const MAX_HITS = 12;

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

function toHit(r: SearchResult, query: string): Hit {
	const [zh, en] = [String(r.zh), String(r.en)];
	// a name typed in full beats a longer name that merely contains it
	const exact = fold(zh) === query || fold(en) === query;
	return {
		id: Number(r.id),
		kind: r.k as Kind,
		zh,
		en,
		cz: String(r.cz),
		ce: String(r.ce),
		go: String(r.go),
		score: exact ? r.score * 3 : r.score
	};
}

/**
 * Hits for what the reader typed, best first: those matching every word (by prefix, and with
 * a typo in a longer Latin word), then, if there is room, those matching at least half of the
 * words (a mistyped Chinese character).
 */
export function search(index: MiniSearch<SearchDoc>, query: string, limit = MAX_HITS): Hit[] {
	const q = fold(query);
	if (!q) return [];
	const byScore = (a: Hit, b: Hit) => b.score - a.score;
	const hits = index
		.search(q, { ...SEARCH_OPTIONS, combineWith: 'AND' })
		.map((r) => toHit(r, q))
		.sort(byScore);
	const terms = new Set(tokenize(q)).size;
	if (hits.length < limit && terms > 1) {
		const seen = new Set(hits.map((h) => h.id));
		const some = index
			.search(q, { ...SEARCH_OPTIONS, combineWith: 'OR' })
			.filter((r) => !seen.has(Number(r.id)) && r.queryTerms.length * 2 >= terms)
			.map((r) => toHit(r, q))
			.sort(byScore);
		hits.push(...some);
	}
	return hits.slice(0, limit);
}
