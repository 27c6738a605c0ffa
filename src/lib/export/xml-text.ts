/**
 * Text made safe for an XML 1.0 file (Word, PowerPoint, SVG): the characters XML forbids are
 * removed, except the vertical tab and form feed (Word's line and page breaks, carried over by
 * a paste), which become a line break. Escaping `<` and `&` stays the writer's job.
 */

/** C0 controls but tab, line feed and carriage return; U+FFFE and U+FFFF; unpaired surrogates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\0-\x08\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
const BREAKS = /[\v\f]/g;

export function xmlText(text: string): string {
	return text.replace(BREAKS, '\n').replace(FORBIDDEN, '');
}
