/**
 * The length limit on the pack's texts (title, agenda item, notes) and how a field keeps to it.
 * Lengths are UTF-16 code units, as the `maxlength` attribute counts them (an emoji counts 2).
 */

/** The longest title, meeting, date, agenda item or note a pack keeps. */
export const MAX_TEXT = 2000;

/** The text cut to at most `max` code units, never between the halves of a surrogate pair. */
export function clip(text: string, max: number): string {
	if (text.length <= max) return text;
	const last = text.charCodeAt(max - 1);
	return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

export interface Paste {
	/** the field's value before the paste, and the selection the paste replaces */
	value: string;
	start: number;
	end: number;
	pasted: string;
	max: number;
}

/** A paste into a field with a limit: as much as fits, and how many code units were left out. */
export function pasteWithin({ value, start, end, pasted, max }: Paste): {
	value: string;
	caret: number;
	dropped: number;
} {
	const room = Math.max(0, max - (value.length - (end - start)));
	const kept = clip(pasted, room);
	return {
		value: value.slice(0, start) + kept + value.slice(end),
		caret: start + kept.length,
		dropped: pasted.length - kept.length
	};
}

/**
 * A field over its limit after text went in at the caret (typed, dropped, chosen from a list,
 * committed by an input method): the end of what went in is taken out again, so the text
 * before and after it stays, and how many code units were left out is known.
 */
export function trimInserted({
	value,
	caret,
	max
}: {
	value: string;
	caret: number;
	max: number;
}): {
	value: string;
	caret: number;
	dropped: number;
} {
	let over = value.length - max;
	if (over <= 0) return { value, caret, dropped: 0 };
	let cut = Math.max(0, caret - over);
	// never between the halves of a surrogate pair: take the whole character out
	const before = value.charCodeAt(cut - 1);
	if (cut > 0 && before >= 0xd800 && before <= 0xdbff) {
		cut--;
		over++;
	}
	const end = Math.max(caret, cut + over);
	return { value: value.slice(0, cut) + value.slice(end), caret: cut, dropped: end - cut };
}
