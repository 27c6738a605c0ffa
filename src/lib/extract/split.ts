/**
 * Splitting a new bulletin into documents before anyone has reviewed it: draft the review
 * (ids, kinds, sessions) from the table of contents, find each heading in the body even when
 * OCR spelled it differently from the TOC, and let buildManifest do the rest.
 */
import type { DocumentEntry, DocumentKind, Manifest, SessionInfo } from '../data/schema.js';
import {
	buildManifest,
	chineseNumber,
	guessKind,
	parseToc,
	AGENDA_ITEM,
	type DocumentReview,
	type ManifestProblem,
	type Review
} from './manifest.js';
import { findAllNormalised, fold, normalise } from '../text/normalise.js';
import { bigrams } from './suggest.js';
import { documentFacts, findHeadings, firstLine } from './headings.js';

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
			return (
				span.start - lineStart <= MAX_HEADING_PREFIX &&
				rest.trim() === '' &&
				!AGENDA_ITEM.test(text.slice(lineStart, span.start))
			);
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
}

/**
 * What the text says of itself as a whole: its title (the first line), its issue (2025年第2号)
 * and the organ that publishes it, all as printed; English and licence are left to a person.
 */
export function bulletinFacts(
	text: string
): Omit<Review['bulletin'], 'id' | 'file' | 'received' | 'sessions'> {
	const title = firstLine(text, 90);
	const facts = documentFacts(title, text);
	const issue = /(\d{4}\s*年\s*第\s*\d+\s*[号期](?:[（(]总第\s*\d+\s*[号期][)）])?)/.exec(
		text.slice(0, 600)
	);
	return {
		title,
		title_en: '',
		publisher: facts.publisher || facts.meetingOrgan,
		publisher_en: '',
		issue: issue ? issue[1]!.replace(/\s+/g, '') : '',
		issue_en: '',
		licence: ''
	};
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
			const n = /第([^第]+?)次会议议题/.exec(entry.title);
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
	const own = bulletinFacts(text);
	return {
		bulletin: {
			id: options.id,
			...own,
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

/**
 * A review drafted from the text's headings when it has no table of contents: a document at each
 * report title, bulletin or agenda heading, one for any text before the first, and the whole
 * text as one document when there is no heading at all.
 */
export function draftReviewFromHeadings(text: string, options: DraftOptions): Review {
	const headings = findHeadings(text);
	const starts: { start: number; title: string; heading: string }[] = headings.map((h) => ({
		...h,
		heading: h.title
	}));
	const firstAt = headings[0]?.start ?? text.length;
	if (text.slice(0, firstAt).trim() !== '')
		starts.unshift({ start: 0, title: firstLine(text), heading: '' });
	const used = new Map<string, number>();
	let session = 0;
	const sessions: Review['bulletin']['sessions'] = [];
	const documents: DocumentReview[] = starts.map((s, i) => {
		const body = text.slice(s.start, starts[i + 1]?.start ?? text.length);
		const facts = documentFacts(s.title, body);
		if (facts.session && facts.session !== session) {
			session = facts.session;
			sessions.push({ session, title: facts.sessionTitle, title_en: '' });
		}
		const kind = guessKind(s.title);
		const base = `${session ? `s${session}-` : ''}${KIND_SLUG[kind]}`;
		const count = (used.get(base) ?? 0) + 1;
		used.set(base, count);
		return {
			id: `${base}-${count}`,
			title: s.title,
			heading: s.heading,
			title_en: '',
			organ: facts.publisher,
			organ_en: '',
			...(facts.speaker ? { speaker: facts.speaker } : {})
		};
	});
	const shape = headings.length
		? `at its ${headings.length} document headings${starts.length > headings.length ? ', with the text before the first as a document of its own' : ''}`
		: 'as one document: it has no table of contents and no document heading';
	return {
		bulletin: {
			id: options.id,
			...bulletinFacts(text),
			file: options.file,
			received: options.received,
			sessions
		},
		documents,
		decisions: [
			`Drafted by \`npm run extract\` from the text itself, split ${shape}: check every id, title and kind, fill in title_en, organ_en, the bulletin's English title and licence, then run \`npm run manifest\`.`
		]
	};
}

/**
 * The manifest of a text split by headings: each reviewed document starts at the line that
 * prints its heading (after the previous one), or at the text's start when its heading is empty.
 * Meeting, session and speaker are read from each document's first lines.
 */
export function manifestFromHeadings(
	text: string,
	review: Review,
	sha256: string
): { manifest: Manifest; problems: ManifestProblem[] } {
	const problems: ManifestProblem[] = [];
	const lines: { start: number; text: string }[] = [];
	let at = 0;
	for (const line of text.split('\n')) {
		lines.push({ start: at, text: fold(line) });
		at += line.length + 1;
	}
	let cursor = 0;
	const starts = review.documents.map((d) => {
		if (!d.heading) return cursor === 0 ? 0 : null;
		const heading = fold(d.heading);
		const line = lines.find((l) => l.start >= cursor && l.text === heading);
		if (!line) {
			problems.push({ document: d.id, message: `heading not found: ${d.heading}` });
			return null;
		}
		cursor = line.start + 1;
		return line.start;
	});
	const documents: DocumentEntry[] = [];
	const sessions: SessionInfo[] = [];
	let session = 0;
	let meetingDate = '';
	review.documents.forEach((d, i) => {
		const start = starts[i];
		if (start == null) return;
		const end = starts.slice(i + 1).find((s): s is number => s != null) ?? text.length;
		const title = d.title ?? d.heading ?? '';
		const facts = documentFacts(title, text.slice(start, end));
		if (facts.session && facts.session !== session) {
			session = facts.session;
			meetingDate = facts.meetingDate;
			const info = review.bulletin.sessions.find((s) => s.session === session);
			if (info) sessions.push({ ...info, meeting_date: meetingDate });
		}
		documents.push({
			id: d.id,
			bulletin_id: review.bulletin.id,
			session,
			meeting_date: facts.meetingDate || meetingDate,
			kind: d.kind ?? guessKind(title),
			title,
			title_en: d.title_en,
			organ: d.organ,
			organ_en: d.organ_en,
			speaker: d.speaker ?? facts.speaker,
			speaker_role: facts.speakerRole,
			toc_page: 0,
			start,
			end
		});
	});
	return {
		manifest: {
			bulletin: { ...review.bulletin, sessions, sha256 },
			documents,
			decisions: review.decisions
		},
		problems
	};
}

/** The manifest a review makes of its text, by the table of contents when it has one. */
export function manifestFor(
	text: string,
	review: Review,
	sha256: string
): { manifest: Manifest; problems: ManifestProblem[] } {
	return parseToc(text).length > 0
		? buildManifest(text, review, sha256)
		: manifestFromHeadings(text, review, sha256);
}

/**
 * Split a text into documents: with its review when it has one; else by its table of contents;
 * else by its headings; else as one document. Never none while the text holds anything.
 */
export function splitBulletin(
	text: string,
	options: DraftOptions & { review?: Review; sha256: string }
): { manifest: Manifest; review: Review; drafted: boolean; problems: ManifestProblem[] } {
	const byToc = parseToc(text).length > 0;
	const review =
		options.review ?? (byToc ? draftReview(text, options) : draftReviewFromHeadings(text, options));
	const { manifest, problems } = manifestFor(text, review, options.sha256);
	return { manifest, review, drafted: !options.review, problems };
}
