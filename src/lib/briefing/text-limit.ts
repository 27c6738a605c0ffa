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
