/**
 * The text of a chart's notes: words, and figures cited by id, filled from the data when the
 * page is made, so that a later bulletin's value never leaves a note saying the old one.
 *
 *   新材料{industry-new-materials-output-2023|period}规上工业产值已达{industry-new-materials-output-2023}
 *
 * `{id}` is the figure's value as the site prints it (1725亿元, 172.5 billion yuan, with 约/超过);
 * `{id|number}` the number alone (for counts in a sentence); `{id|abs}` the value without its
 * sign (减少{…|abs}); `{id|period}` its period (2023年, 2023). `{=3+15}` is a number that is
 * a name, not a statistic. Any other number typed into a note is refused: years (1990–2035),
 * dates (5月29日, 29 May), ordinals (第20次, 9th) and codes (PM2.5) are not statistics.
 */
export const CITE_FORMATS = ['value', 'number', 'abs', 'period'] as const;
export type CiteFormat = (typeof CITE_FORMATS)[number];

/** A piece of a note: text as it is, or a figure to fill in. */
export type Segment = string | { figure: string; format: CiteFormat };

export interface TextProblem {
	reason: 'bad-value' | 'bare-number';
	message: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NUMBER = /[0-9０-９]+(?:[.．,，][0-9０-９]+)*/g;
const MONTHS =
	/^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const MONTH_BEFORE =
	/(?:January|February|March|April|May|June|July|August|September|October|November|December) $/;

/** Why a number in a note's words is allowed there, or null when it is a statistic. */
function notAStatistic(text: string, start: number, number: string): boolean {
	const before = text.slice(0, start);
	const after = text.slice(start + number.length);
	const digits = number.normalize('NFKC');
	if (/^(?:199\d|20[0-3]\d)$/.test(digits)) return true; // a year
	if (/^[月日号]/.test(after) || /第$/.test(before)) return true; // a date, an ordinal
	if (/^(?:st|nd|rd|th)\b/.test(after)) return true;
	if (MONTHS.test(after.trimStart()) || MONTH_BEFORE.test(before)) return true;
	if (/[A-Za-z]$/.test(before)) return true; // a code: PM2.5
	return false;
}

function bareNumbers(words: string): TextProblem[] {
	const problems: TextProblem[] = [];
	for (const match of words.matchAll(NUMBER)) {
		if (notAStatistic(words, match.index, match[0])) continue;
		problems.push({
			reason: 'bare-number',
			message: `"${match[0]}" is a number typed into the text: cite the figure that states it ({figure-id}), or write {=${match[0]}} if it is a name, not a statistic`
		});
	}
	return problems;
}

/** A note's text as segments, with every problem: a malformed citation, a bare number. */
export function parseCited(text: string): { segments: Segment[]; problems: TextProblem[] } {
	const segments: Segment[] = [];
	const problems: TextProblem[] = [];
	const words = (s: string) => {
		if (!s) return;
		if (/[{}]/.test(s)) {
			problems.push({ reason: 'bad-value', message: `an unmatched brace in "${s}"` });
		}
		problems.push(...bareNumbers(s));
		segments.push(s);
	};
	let rest = text;
	for (let open = rest.indexOf('{'); open >= 0; open = rest.indexOf('{')) {
		const close = rest.indexOf('}', open);
		if (close < 0) break;
		words(rest.slice(0, open));
		const inside = rest.slice(open + 1, close);
		rest = rest.slice(close + 1);
		if (inside.startsWith('=')) {
			if (inside.length > 1) segments.push(inside.slice(1));
			continue;
		}
		const [id = '', format = 'value', ...more] = inside.split('|').map((s) => s.trim());
		if (!ID.test(id) || more.length || !CITE_FORMATS.includes(format as CiteFormat)) {
			problems.push({
				reason: 'bad-value',
				message: `"{${inside}}" is not a citation: {figure-id} or {figure-id|${CITE_FORMATS.join('|')}}`
			});
			continue;
		}
		segments.push({ figure: id, format: format as CiteFormat });
	}
	words(rest);
	// neighbouring text joins up again, so a note without citations is one string
	const joined = segments.reduce<Segment[]>((out, s) => {
		const last = out.at(-1);
		if (typeof s === 'string' && typeof last === 'string') out[out.length - 1] = last + s;
		else out.push(s);
		return out;
	}, []);
	return { segments: joined, problems };
}

/** The figure ids a note cites. */
export function citedIds(segments: Segment[]): string[] {
	return segments.flatMap((s) => (typeof s === 'string' ? [] : [s.figure]));
}
