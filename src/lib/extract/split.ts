/**
 * Splitting a new bulletin into documents before anyone has reviewed it: draft the review
 * (ids, kinds, sessions) from the table of contents, find each heading in the body even when
 * OCR spelled it differently from the TOC, and let buildManifest do the rest.
 */
import type { DocumentKind, Manifest } from '../data/schema.js';
import {
	buildManifest,
	chineseNumber,
	guessKind,
	parseToc,
	type ManifestProblem,
	type Review
} from './manifest.js';
import { findAllNormalised, fold, normalise } from '../text/normalise.js';
import { bigrams } from './suggest.js';

const KIND_SLUG: Record<DocumentKind, string> = {
	agenda: 'agenda',
	report: 'report',
	'research-report': 'research',
	'deliberation-opinion': 'opinion',
	resolution: 'resolution',
	announcement: 'announcement',
	'appointment-list': 'appointments',
	attendance: 'attendance'
};

/** How alike a TOC title and a body line must be for a slip of OCR to be forgiven. */
const HEADING_LIKENESS = 0.55;
const BRACKETS = /[《》〈〉<>]/g;

function likeness(a: string, b: string): number {
	const x = bigrams(a);
	const y = bigrams(b);
	let common = 0;
	for (const g of x) if (y.has(g)) common++;
	return x.size + y.size ? (2 * common) / (x.size + y.size) : 0;
}

/** How far into its line a heading may start, as buildManifest allows. */
const MAX_HEADING_PREFIX = 32;

/**
 * The body's heading for each TOC title: null when the body prints the title itself as a
 * heading (brackets, spaces and page breaks ignored), else the most alike short line after the
 * previous heading, or null when there is none.
 */
export function locateTitles(
	text: string,
	titles: readonly string[],
	from: number
): (string | null)[] {
	const haystack = normalise(text.replace(BRACKETS, ' '));
	const asHeading = (title: string, start: number) =>
		findAllNormalised(haystack, title.replace(BRACKETS, ''), { from: start }).find((span) => {
			const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
			const lineEnd = text.indexOf('\n', span.end);
			const rest = text.slice(span.end, lineEnd < 0 ? text.length : lineEnd);
			return span.start - lineStart <= MAX_HEADING_PREFIX && rest.trim() === '';
		});
	const lines: { start: number; text: string }[] = [];
	let at = 0;
	for (const line of text.split('\n')) {
		lines.push({ start: at, text: line });
		at += line.length + 1;
	}
	let cursor = from;
	return titles.map((title, i) => {
		const exact = asHeading(title, cursor);
		if (exact) {
			cursor = exact.end;
			return null;
		}
		const next = titles[i + 1];
		const until = (next === undefined ? undefined : asHeading(next, cursor))?.start ?? text.length;
		let best: { start: number; text: string; score: number } | null = null;
		for (const line of lines) {
			if (line.start < cursor || line.start >= until) continue;
			const t = line.text.trim();
			if (t === '' || fold(t).length > fold(title).length * 1.5) continue;
			const score = likeness(t, title);
			if (score >= HEADING_LIKENESS && (!best || score > best.score))
				best = { ...line, text: t, score };
		}
		if (!best) return null;
		cursor = best.start + best.text.length;
		return best.text;
	});
}

export interface DraftOptions {
	id: string;
	file: string;
	/** ISO date the text was received. */
	received: string;
	/** A reviewed bulletin of the same publisher, whose publisher, licence and title pattern carry over. */
	like?: Review;
}

/**
 * A review drafted from the table of contents: ids like `s22-report-3`, kinds from titles,
 * sessions from agenda titles, and a `heading` wherever the body's heading differs from the
 * TOC. English titles and organs are left for a person; `decisions` says so.
 */
export function draftReview(text: string, options: DraftOptions): Review {
	const toc = parseToc(text);
	const lines = text.split('\n');
	const bodyStart = lines.slice(0, (toc.at(-1)?.line ?? 0) + 1).join('\n').length;
	const headings = locateTitles(
		text,
		toc.map((e) => e.title),
		bodyStart
	);
	const sessions: Review['bulletin']['sessions'] = [];
	let session = 0;
	const used = new Map<string, number>();
	const documents = toc.map((entry, i) => {
		const kind = guessKind(entry.title);
		if (kind === 'agenda') {
			const n = /第(.+?)次会议议题/.exec(entry.title);
			session = (n && chineseNumber(n[1]!)) || session + 1;
			const name = entry.title.replace(/议题$/, '');
			sessions.push({ session, title: name, title_en: `Meeting ${session}` });
		}
		const base = `s${session}-${KIND_SLUG[kind]}`;
		const count = (used.get(base) ?? 0) + 1;
		used.set(base, count);
		return {
			id: `${base}-${count}`,
			title_en: '',
			organ: '',
			organ_en: '',
			...(headings[i] ? { heading: headings[i]! } : {})
		};
	});
	const like = options.like?.bulletin;
	return {
		bulletin: {
			id: options.id,
			title: like?.title ?? '',
			title_en: like?.title_en ?? '',
			publisher: like?.publisher ?? '',
			publisher_en: like?.publisher_en ?? '',
			issue: '',
			issue_en: '',
			licence: like?.licence ?? '',
			file: options.file,
			received: options.received,
			sessions
		},
		documents,
		decisions: [
			'Drafted by `npm run extract` from the table of contents: check every id (they must be unique across bulletins), fill in title_en, organ and organ_en, the bulletin title, issue and issue_en, then run `npm run manifest`.',
			...documents
				.filter((d) => d.heading)
				.map(
					(d) =>
						`${d.id}: the body's heading "${d.heading}" differs from the table of contents; matched by likeness.`
				)
		]
	};
}

/** Split a bulletin into documents: with its review when it has one, else with a drafted one. */
export function splitBulletin(
	text: string,
	options: DraftOptions & { review?: Review; sha256: string }
): { manifest: Manifest; review: Review; drafted: boolean; problems: ManifestProblem[] } {
	const review = options.review ?? draftReview(text, options);
	const { manifest, problems } = buildManifest(text, review, options.sha256);
	return { manifest, review, drafted: !options.review, problems };
}
