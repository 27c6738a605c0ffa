import type {
	Bulletin,
	DocumentEntry,
	DocumentKind,
	Manifest,
	SessionInfo
} from '../data/schema.js';
import { findAllNormalised, fold, normalise } from '../text/normalise.js';
import { parseChineseNumeral } from './mentions.js';

/** A line of the table of contents: `title·····  speaker\t(page)`. */
export interface TocEntry {
	title: string;
	speaker: string;
	page: number;
	line: number;
}

/** What a reviewer decided about one document; everything else the code works out. */
export interface DocumentReview {
	id: string;
	title_en: string;
	organ: string;
	organ_en: string;
	/** The speaker when the table of contents misprints the name. */
	speaker?: string;
	/** The heading as printed in the body when it differs from the table of contents. */
	heading?: string;
	/** The title, for a text split by its headings (it has no table of contents to give it). */
	title?: string;
	kind?: DocumentKind;
}

export interface Review {
	bulletin: Omit<Bulletin, 'sessions' | 'sha256'> & {
		sessions: Omit<SessionInfo, 'meeting_date'>[];
	};
	documents: DocumentReview[];
	decisions: string[];
}

export interface ManifestProblem {
	document: string;
	message: string;
}

/** Leaders of middle dots, ellipses, full stops or dashes; the page in brackets or bare. */
const TOC_LINE = /^(.+?)(?:·{2,}|…+|\.{3,}|．{3,}|-{4,})\s*(.*?)\s*(?:[（(](\d+)[）)]|(\d+))\s*$/;

/** The table of contents: consecutive TOC lines after the `目 录` heading. */
export function parseToc(text: string): TocEntry[] {
	const lines = text.split('\n');
	const heading = lines.findIndex((line) => fold(line) === '目录');
	if (heading < 0) return [];
	const entries: TocEntry[] = [];
	for (let i = heading + 1; i < lines.length; i++) {
		const line = lines[i]!;
		if (line.trim() === '') {
			// the TOC itself has a page break; it ends where the first non-TOC line appears
			continue;
		}
		const match = TOC_LINE.exec(line);
		if (!match) break;
		entries.push({
			title: match[1]!.trim(),
			speaker: match[2]!.replace(/\s+/g, ''),
			page: Number(match[3] ?? match[4]),
			line: i
		});
	}
	return entries;
}

export function guessKind(title: string): DocumentKind {
	if (/议题$/.test(title)) return 'agenda';
	if (/审议意见$/.test(title)) return 'deliberation-opinion';
	if (/调研报告$/.test(title)) return 'research-report';
	if (/名单$/.test(title)) return 'appointment-list';
	if (/(出席|列席)情况$/.test(title)) return 'attendance';
	if (/(决议|决定)$/.test(title)) return 'resolution';
	if (/公告/.test(title)) return 'announcement';
	return 'report';
}

/** 二十一 → 21, 九 → 9, 十 → 10; null when it is not a Chinese numeral below 100. */
export function chineseNumber(s: string): number | null {
	if (!/^[一二三四五六七八九十]+$/.test(s)) return null;
	const n = parseChineseNumeral(s);
	return n !== null && n < 100 ? n : null;
}

const BRACKETS = /[《》〈〉<>]/g;
/** An agenda item naming a report (一、听取和审议区政府关于…的报告) is not the report's heading. */
export const AGENDA_ITEM =
	/^\s*(?:[（(]?[一二三四五六七八九十\d]+[、.．)）]|[^，。]*(?:听取|审议))/;

/** How far into its line a heading may start (a prefix such as the organ's name). */
const MAX_HEADING_PREFIX = 32;

/**
 * Find each TOC entry's heading in the body, in order. A heading is the title (brackets
 * ignored, since the body drops some) near the start of a line after the previous heading.
 */
function locateHeadings(
	text: string,
	toc: TocEntry[],
	reviews: DocumentReview[]
): { starts: (number | null)[]; problems: ManifestProblem[] } {
	const stripped = text.replace(BRACKETS, ' ');
	const haystack = normalise(stripped);
	const lines = text.split('\n');
	let from = lines.slice(0, (toc.at(-1)?.line ?? 0) + 1).join('\n').length;
	const starts: (number | null)[] = [];
	const problems: ManifestProblem[] = [];
	toc.forEach((entry, i) => {
		const heading = (reviews[i]?.heading ?? entry.title).replace(BRACKETS, '');
		// a heading stands on its own line(s): little before it, nothing after it on its line
		const found = findAllNormalised(haystack, heading, { from }).find((span) => {
			const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
			const lineEnd = text.indexOf('\n', span.end);
			const rest = text.slice(span.end, lineEnd < 0 ? text.length : lineEnd);
			return (
				span.start - lineStart <= MAX_HEADING_PREFIX &&
				rest.trim() === '' &&
				!AGENDA_ITEM.test(text.slice(lineStart, span.start))
			);
		});
		if (!found) {
			starts.push(null);
			problems.push({
				document: reviews[i]?.id ?? entry.title,
				message: `heading not found: ${heading}`
			});
			return;
		}
		const lineStart = text.lastIndexOf('\n', found.start - 1) + 1;
		starts.push(lineStart);
		from = found.end;
	});
	return { starts, problems };
}

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

function isoDate(match: RegExpExecArray): string {
	return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
}

/** The line naming the speaker in a document's first lines, and the role before the name. */
function speakerRole(body: string, speaker: string): string | null {
	if (!speaker) return '';
	const name = [...speaker].join('[ \\t\\u3000]*');
	const head = body.split('\n').slice(0, 14).join('\n');
	const match = new RegExp(`^(.*?)[ \\t\\u3000]*${name}[ \\t\\u3000]*$`, 'm').exec(head);
	if (!match) return null;
	// a role printed over several lines before the name (区人大财经委副主任委员 / 预算工委主任)
	const inline = match[1]!.trim();
	if (inline !== '') return inline.replace(/\s+/g, ' ');
	const role: string[] = [];
	for (const line of head.slice(0, match.index).split('\n').reverse()) {
		if (line.trim() === '') continue;
		if (/会议上$|通过[）)]$/.test(line.trim())) break;
		role.unshift(line.trim());
	}
	return role.join(' ');
}

/** Build the manifest from the bulletin text and the reviewer's decisions. */
export function buildManifest(
	text: string,
	review: Review,
	sha256: string
): { manifest: Manifest; problems: ManifestProblem[] } {
	const toc = parseToc(text);
	const problems: ManifestProblem[] = [];
	if (toc.length !== review.documents.length) {
		problems.push({
			document: review.bulletin.id,
			message: `table of contents lists ${toc.length} documents; the review names ${review.documents.length}`
		});
	}
	const { starts, problems: headingProblems } = locateHeadings(text, toc, review.documents);
	problems.push(...headingProblems);

	const documents: DocumentEntry[] = [];
	const sessions: SessionInfo[] = [];
	let session = 0;
	let meetingDate = '';
	toc.forEach((entry, i) => {
		const reviewed = review.documents[i];
		const start = starts[i];
		if (!reviewed || start == null) return;
		const end = starts.slice(i + 1).find((s): s is number => s != null) ?? text.length;
		const body = text.slice(start, end);
		const kind = reviewed.kind ?? guessKind(entry.title);
		if (kind === 'agenda') {
			const number = /第([^第]+?)次会议议题/.exec(entry.title);
			session = (number && chineseNumber(number[1]!)) || session + 1;
			const date = DATE.exec(body);
			meetingDate = date ? isoDate(date) : '';
			if (!date) problems.push({ document: reviewed.id, message: 'agenda without a meeting date' });
			const info = review.bulletin.sessions.find((s) => s.session === session);
			if (!info)
				problems.push({ document: reviewed.id, message: `session ${session} not in review` });
			else sessions.push({ ...info, meeting_date: meetingDate });
		}
		const speaker = reviewed.speaker ?? entry.speaker;
		const role = speakerRole(body, speaker);
		if (role === null) {
			problems.push({
				document: reviewed.id,
				message: `speaker ${speaker} not named in the document's heading`
			});
		}
		documents.push({
			id: reviewed.id,
			bulletin_id: review.bulletin.id,
			session,
			meeting_date: meetingDate,
			kind,
			title: entry.title,
			title_en: reviewed.title_en,
			organ: reviewed.organ,
			organ_en: reviewed.organ_en,
			speaker,
			speaker_role: role ?? '',
			toc_page: entry.page,
			start,
			end
		});
	});
	const ids = new Set<string>();
	for (const doc of documents) {
		if (ids.has(doc.id)) problems.push({ document: doc.id, message: 'duplicate document id' });
		ids.add(doc.id);
	}
	const manifest: Manifest = {
		bulletin: { ...review.bulletin, sessions, sha256 },
		documents,
		decisions: review.decisions
	};
	return { manifest, problems };
}
