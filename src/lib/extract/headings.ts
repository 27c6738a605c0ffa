/**
 * Reading a text's own shape when it has no table of contents: where its documents start (report
 * titles, bulletins, agendas, parts, attachments) and what each says about itself in its first
 * lines (meeting date and session, speaker, publisher, date of issue, the year it reports on).
 */
import { fold } from '../text/normalise.js';
import { parseChineseNumeral } from './mentions.js';

export interface Heading {
	/** Offset of the heading's line in the text. */
	start: number;
	title: string;
}

/** Lines that start a document of their own, once trimmed; list items and agenda items never do. */
const DOCUMENT_TITLE = [
	/^.{0,40}关于.{2,80}的(?:综合|专项|情况)?(?:报告|说明|意见|决定|决议)$/,
	/^.{2,60}(?:统计公报|公报)$/,
	/^.{0,30}(?:政府)?工作报告$/,
	/^.{2,60}(?:会议)?议题$/,
	/^.{2,60}(?:审议意见|调研报告|名单|出席情况)$/,
	/^第[一二三四五六七八九十]+部分/,
	/^附件\s*[\d一二三四五六七八九十]*[:：]?\s*\S*$/
];
const NOT_A_TITLE = /^(?:[（(]?[一二三四五六七八九十\d]+[、.．)）]|听取|审议|——|—)|[，。；;,：:·]/;
const TITLE_MAX = 90;

/** Whether a trimmed line names a document of its own. */
export function isDocumentTitle(line: string): boolean {
	const t = line.trim();
	if (t.length < 4 || t.length > TITLE_MAX || NOT_A_TITLE.test(t)) return false;
	return DOCUMENT_TITLE.some((re) => re.test(t));
}

/**
 * Document headings in order. A bulletin's own title (…公报 followed by its issue and
 * publisher lines) is no document when another heading follows it; a text with none has none.
 */
export function findHeadings(text: string): Heading[] {
	const headings: Heading[] = [];
	let at = 0;
	for (const line of text.split('\n')) {
		if (isDocumentTitle(line)) headings.push({ start: at, title: line.trim() });
		at += line.length + 1;
	}
	return headings;
}

/** The first non-empty line, or the first sentence of a text with no line breaks. */
export function firstLine(text: string, max = 60): string {
	const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
	const t = line.trim();
	if (t.length <= max) return t;
	const cut = /^(.{4,}?)(?:\s|[。；;!！?？]|[.,，:：](?!\d))/.exec(t);
	return (cut?.[1] ?? t.slice(0, max)).slice(0, max);
}

const pad = (n: string | number) => String(n).padStart(2, '0');

export interface DocumentFacts {
	/** ISO date of the meeting it was given at, or ''. */
	meetingDate: string;
	/** The body that met (东滨区第十届人民代表大会常务委员会), or ''. */
	meetingOrgan: string;
	session: number;
	/** The meeting as printed (东滨区第十届人民代表大会常务委员会第八次会议), or ''. */
	sessionTitle: string;
	/** ISO date of issue or publication, or ''. */
	issued: string;
	speaker: string;
	speakerRole: string;
	/** The organ named as author or source (东滨区统计局), or ''. */
	publisher: string;
	/** The year the document reports on when its title names one (2024年国民经济…公报). */
	reportYear: number | null;
}

const MEETING =
	/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日在(.{2,40}?)第([一二三四五六七八九十百\d]+)次会议上/;
const AGENDA_DATE = /[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)）]/;
const DATE_CN = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const DATE_ISO = /(?:时间|日期|发布)[:：\s]*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/;
const ORGAN =
	/^(?:来源[:：]\s*)?(\S{2,30}?(?:人民政府|人民代表大会常务委员会(?:办公室)?|人大常委会|统计局|财政局|[^\s，。]{1,12}(?:局|委员会|委|办公室|中心)))(?:编|编印|发布)?$/;
const SOURCE = /来源[:：]\s*(\S{2,30}?(?:局|委员会|委|政府|办公室|中心))/;
const SPEAKER = /^(\S.{1,40}?)[ \t\u3000]{2,}(\S{2,4})$/;

function iso(m: RegExpExecArray): string {
	return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
}

/** What a document says about itself in its title and first lines. */
export function documentFacts(title: string, body: string): DocumentFacts {
	const head = body.slice(0, 400);
	const lines = head
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean)
		.slice(0, 8);
	const meeting = MEETING.exec(fold(head));
	const agenda = /议题$/.test(title) ? AGENDA_DATE.exec(head) : null;
	const sessionWords = meeting?.[5] ?? /第([^第]+?)次会议/.exec(title)?.[1];
	const session = sessionWords
		? (parseChineseNumeral(sessionWords) ?? (Number(sessionWords) || 0))
		: 0;
	let speaker = '';
	let speakerRole = '';
	for (const line of lines.slice(1)) {
		const m = SPEAKER.exec(line);
		if (m && !/\d/.test(line)) {
			speakerRole = m[1]!.trim();
			speaker = m[2]!;
			break;
		}
	}
	const organLine = lines.slice(1).find((l) => ORGAN.test(l));
	const publisher = SOURCE.exec(head)?.[1] ?? (organLine ? ORGAN.exec(organLine)![1]! : '');
	const dated = lines.slice(0, 6).join('\n');
	const issuedMatch = DATE_ISO.exec(head) ?? DATE_CN.exec(dated);
	const year = /(?<![\d\-~—至到])(\d{4})\s*年(?![\d\-~—至到前])/.exec(fold(title));
	return {
		meetingDate: meeting ? iso(meeting) : agenda ? iso(agenda) : '',
		meetingOrgan: meeting?.[4] ?? '',
		session,
		sessionTitle: meeting
			? `${meeting[4]}第${meeting[5]}次会议`
			: /议题$/.test(title)
				? title.replace(/议题$/, '')
				: '',
		issued: issuedMatch ? iso(issuedMatch) : '',
		speaker,
		speakerRole,
		publisher,
		reportYear: year ? Number(year[1]) : null
	};
}
