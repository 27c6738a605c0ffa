/**
 * From a bulletin to candidates: every mention in every document, matched against the figures
 * already curated and the mentions explained in data/coverage, set apart when it is not a
 * statistic, and otherwise proposed as a new figure in the curated format.
 */
import type { Catalog, DocumentEntry, FigureRow, Manifest } from '../data/schema.js';
import { findMentions, type Mention } from './mentions.js';
import { findNormalised, fold, normalise, type Normalised, type Span } from '../text/normalise.js';
import { readable } from '../text/sentences.js';
import { setApartReason, type SetApartReason } from './set-apart.js';
import { bigrams, coverage, createSuggester, type Suggestion } from './suggest.js';
import { FIGURE_FILE_COLUMNS } from '../dataset/validate.js';

export const CANDIDATE_STATUSES = ['curated', 'explained', 'new', 'set-apart'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** A statistical mention deliberately left out of data/figures, with why (data/coverage/*.csv). */
export interface Explanation {
	doc: string;
	/** The number as stated; empty explains every statistical mention in the quote. */
	value: string;
	quote: string;
	reason: string;
	notes: string;
	file: string;
	line: number;
}

export const EXPLANATION_COLUMNS = ['doc', 'value', 'quote', 'reason', 'notes'] as const;

/** Why a statistic is not curated: each is a deliberate decision, except `to-curate`. */
export const EXPLANATION_REASONS = {
	'to-curate': 'a district statistic that should be curated; listed here until it is',
	context: 'background, not a district statistic: city or national figures, project specifications',
	restated: 'restates a figure curated from the same document in other words',
	procedural: 'about the meeting or the report itself (agenda, attendance already curated)',
	'not-a-count': 'a number in a phrase that is not a quantity (二次开发, 5G, 四好农村路)'
} as const;
export type ExplanationReason = keyof typeof EXPLANATION_REASONS;

export interface Candidate {
	mention: Mention;
	doc: DocumentEntry;
	status: CandidateStatus;
	/** The set-apart reason, or the explanation's reason. */
	reason: string;
	/** Curated figures that state this mention. */
	figures: FigureRow[];
	explanation: Explanation | null;
	/** Set apart by rule although a curated figure states it (curation wins). */
	ruleWouldSetApart: SetApartReason | null;
	suggestion: Suggestion;
}

export interface ExtractionProblem {
	kind: 'figure-not-found' | 'explanation-unused' | 'explanation-curated' | 'unknown-reason';
	message: string;
	figure?: FigureRow;
	explanation?: Explanation;
}

export interface ExtractionInput {
	text: string;
	manifest: Manifest;
	catalog: Catalog;
	/** Curated stated figures; those of other bulletins serve only as wording examples. */
	figures: readonly FigureRow[];
	explanations: readonly Explanation[];
}

export interface Extraction {
	candidates: Candidate[];
	problems: ExtractionProblem[];
}

const absValueMatches = (m: Mention, value: number) =>
	Math.abs(value) === m.value || (m.to !== null && Math.abs(value) === m.to);

function writtenMatches(m: Mention, written: string): boolean {
	const w = fold(written);
	return w !== '' && (fold(m.written ?? m.text).includes(w) || w.includes(fold(m.text)));
}

function within(m: Mention, span: Span): boolean {
	return m.start >= span.start && m.end <= span.end;
}

/**
 * The mention a curated figure states: in its quote, with its value or its words. When a quote
 * states the same value twice (9 个高频次应用场景 … 9 个专题应用场景), a mention not yet taken
 * whose neighbourhood names the figure's sector or indicator wins.
 */
function mentionOf(
	f: FigureRow,
	mentions: Mention[],
	text: string,
	taken: ReadonlySet<Mention>
): Mention | undefined {
	const span = { start: f.quote_start, end: f.quote_end };
	const byValue = mentions.filter(
		(m) =>
			within(m, span) &&
			(absValueMatches(m, f.value) || (f.written !== null && writtenMatches(m, f.written)))
	);
	if (byValue.length <= 1) return byValue[0];
	const name = bigrams(f.sector_zh ?? f.indicator_zh);
	const score = (m: Mention) =>
		(taken.has(m) ? 0 : 4) +
		(m.unit === f.unit ? 2 : 0) +
		coverage(
			name,
			bigrams(text.slice(Math.max(span.start, m.start - 14), Math.min(span.end, m.end + 14)))
		);
	return byValue.reduce((best, m) => (score(m) > score(best) ? m : best));
}

/** A mention made from a curated figure's words when no number states it (孙晋、陈亮 → 2 名). */
function wordsMention(f: FigureRow, haystack: Normalised): Mention | null {
	if (!f.written) return null;
	const span = findNormalised(haystack, f.written, { from: f.quote_start, to: f.quote_end });
	if (!span) return null;
	return {
		start: span.start,
		end: span.end,
		text: f.written,
		value: Math.abs(f.value),
		to: null,
		unit: f.unit,
		knownUnit: true,
		qualifier: f.qualifier,
		written: f.written,
		kind: 'idiom'
	};
}

function explanationSpan(e: Explanation, doc: DocumentEntry, haystack: Normalised): Span | null {
	return findNormalised(haystack, e.quote, { from: doc.start, to: doc.end });
}

/** Candidates for every mention of every document in the manifest, in text order. */
export function extractCandidates(input: ExtractionInput): Extraction {
	const { text, manifest, catalog } = input;
	const units = catalog.units.map((u) => u.unit);
	const haystack = normalise(text);
	const suggester = createSuggester(catalog, input.figures);
	const problems: ExtractionProblem[] = [];
	const candidates: Candidate[] = [];
	const docIds = new Set(manifest.documents.map((d) => d.id));
	const figuresByDoc = new Map<string, FigureRow[]>();
	for (const f of input.figures) {
		if (f.derived || f.bulletin_id !== manifest.bulletin.id || !docIds.has(f.doc_id)) continue;
		figuresByDoc.set(f.doc_id, [...(figuresByDoc.get(f.doc_id) ?? []), f]);
	}
	const explanationsByDoc = new Map<string, Explanation[]>();
	for (const e of input.explanations) {
		if (!(e.reason in EXPLANATION_REASONS)) {
			problems.push({
				kind: 'unknown-reason',
				message: `${e.file}:${e.line}: reason "${e.reason}" is not one of ${Object.keys(EXPLANATION_REASONS).join(', ')}`,
				explanation: e
			});
		}
		if (!docIds.has(e.doc)) {
			problems.push({
				kind: 'explanation-unused',
				message: `${e.file}:${e.line}: no document "${e.doc}" in ${manifest.bulletin.id}`,
				explanation: e
			});
			continue;
		}
		explanationsByDoc.set(e.doc, [...(explanationsByDoc.get(e.doc) ?? []), e]);
	}

	for (const doc of manifest.documents) {
		const mentions = findMentions(text.slice(doc.start, doc.end), units, doc.start);
		const curated = new Map<Mention, FigureRow[]>();
		const taken = new Set<Mention>();
		for (const f of figuresByDoc.get(doc.id) ?? []) {
			let m = mentionOf(f, mentions, text, taken);
			if (!m) {
				const made = wordsMention(f, haystack);
				const same = made && mentions.find((x) => x.start === made.start && x.end === made.end);
				m = same ?? made ?? undefined;
				if (made && !same) mentions.push(made);
			}
			if (!m) {
				problems.push({
					kind: 'figure-not-found',
					message: `${doc.id}: ${f.id} (${f.value_text}${f.unit}) is not among the mentions of its quote "${f.quote}"`,
					figure: f
				});
				continue;
			}
			taken.add(m);
			curated.set(m, [...(curated.get(m) ?? []), f]);
		}
		mentions.sort((a, b) => a.start - b.start || b.end - a.end);

		const explained = new Map<Mention, Explanation>();
		for (const e of explanationsByDoc.get(doc.id) ?? []) {
			const span = explanationSpan(e, doc, haystack);
			const hits = span
				? mentions.filter(
						(m) =>
							within(m, span) &&
							(e.value === '' || absValueMatches(m, Number(e.value)) || writtenMatches(m, e.value))
					)
				: [];
			const open = hits.filter((m) => !curated.has(m));
			const statistical = open.filter(
				(m) => e.value !== '' || !setApartReason(m, { text, document: doc })
			);
			if (hits.length && !open.length) {
				problems.push({
					kind: 'explanation-curated',
					message: `${e.file}:${e.line}: ${doc.id}: "${e.value}" is curated now; delete the explanation`,
					explanation: e
				});
			} else if (!statistical.length) {
				problems.push({
					kind: 'explanation-unused',
					message: `${e.file}:${e.line}: ${doc.id}: no mention${e.value ? ` of ${e.value}` : ''} in "${e.quote}"`,
					explanation: e
				});
			}
			for (const m of statistical) if (!explained.has(m)) explained.set(m, e);
		}

		for (const m of mentions) {
			const figures = curated.get(m) ?? [];
			const rule = setApartReason(m, { text, document: doc });
			const explanation = explained.get(m) ?? null;
			const status: CandidateStatus = figures.length
				? 'curated'
				: explanation
					? 'explained'
					: rule
						? 'set-apart'
						: 'new';
			candidates.push({
				mention: m,
				doc,
				status,
				reason: status === 'set-apart' ? rule! : status === 'explained' ? explanation!.reason : '',
				figures,
				explanation,
				ruleWouldSetApart: figures.length || explanation ? rule : null,
				suggestion: suggester.suggest(m, text, doc)
			});
		}
	}
	return { candidates, problems };
}

export const CANDIDATE_COLUMNS = [
	...FIGURE_FILE_COLUMNS,
	'status',
	'reason',
	'proposal',
	'confidence',
	'period_note',
	'topic',
	'mention',
	'offset',
	'sentence'
] as const;

function slug(s: string): string {
	return s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/**
 * One row per candidate in the curated format (data/figures columns first, so accepting one
 * is copying those cells), then status, reason, the topic file it belongs in, the mention as
 * printed, its offset and its sentence. A curated candidate shows the curated figure.
 */
export function candidateRows(
	candidates: readonly Candidate[],
	catalog: Catalog
): Record<string, string>[] {
	const topicOf = new Map(catalog.indicators.map((i) => [i.id, i.topic]));
	const ids = new Set<string>();
	const rows: Record<string, string>[] = [];
	for (const c of candidates) {
		const s = c.suggestion;
		const printed = c.mention.written ?? readable(c.mention.text) + c.mention.unit;
		const extra = {
			status: c.status,
			reason: c.reason,
			proposal: c.status === 'set-apart' ? '' : s.proposal,
			confidence: c.status === 'set-apart' ? '' : String(s.confidence),
			period_note: c.status === 'set-apart' ? '' : s.periodNote,
			mention: printed,
			offset: String(c.mention.start),
			sentence: s.sentence
		};
		const figures = c.figures.length ? c.figures : [null];
		for (const f of figures) {
			if (f) {
				rows.push({
					id: f.id,
					indicator: f.indicator_id,
					sector: f.sector_id ?? '',
					area: f.area_id === 'baoshan' ? '' : f.area_id,
					period: f.period,
					measure: f.measure,
					value: f.value_text,
					unit: f.unit,
					qualifier: f.qualifier ?? '',
					written: f.written ?? '',
					doc: f.doc_id,
					quote: f.quote,
					notes: f.notes ?? '',
					topic: f.topic,
					...extra
				});
				continue;
			}
			// a number set apart is no figure: keep what it says, propose no filing
			const filed = c.status !== 'set-apart';
			const base = slug(
				[s.indicator || 'unfiled', s.sector.replace(/^.*?-/, ''), s.period]
					.filter(Boolean)
					.join('-')
			);
			let id = base;
			for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
			if (filed) ids.add(id);
			rows.push({
				id: filed ? id : '',
				indicator: filed ? s.indicator : '',
				sector: filed ? s.sector : '',
				area: filed ? s.area : '',
				period: filed ? s.period : '',
				measure: filed ? s.measure : '',
				value: s.value,
				unit: s.unit,
				qualifier: s.qualifier,
				written: s.written,
				doc: c.doc.id,
				quote: s.quote,
				notes: c.explanation?.notes ?? '',
				topic: filed ? (topicOf.get(s.indicator) ?? '') : '',
				...extra
			});
		}
	}
	return rows;
}
