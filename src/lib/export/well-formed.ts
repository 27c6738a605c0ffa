/**
 * A strict, minimal XML 1.0 well-formedness check for the parts of an Office file, used by the
 * tests (no DOM parser runs under Node here). It reads the raw bytes, so a part that is not
 * UTF-8 fails too. It checks what a writer can get wrong with untrusted text: characters XML
 * forbids, stray `<` or `&`, `]]>` in text, unknown entities, unquoted or repeated attributes,
 * and tags that do not nest. DTDs are refused (Office parts have none).
 */

/** Code points XML 1.0 allows (its `Char` production); everything else is forbidden. */
export function isXmlChar(code: number): boolean {
	return (
		code === 0x9 ||
		code === 0xa ||
		code === 0xd ||
		(code >= 0x20 && code <= 0xd7ff) ||
		(code >= 0xe000 && code <= 0xfffd) ||
		(code >= 0x10000 && code <= 0x10ffff)
	);
}

const NAME = /^[A-Za-z_:][\w.:-]*$/;
const REFERENCE = /^&(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;

/** The first problem found, or `undefined` when the part is well-formed. */
export function xmlProblem(bytes: Uint8Array): string | undefined {
	let xml: string;
	try {
		xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return 'not UTF-8';
	}
	for (let i = 0; i < xml.length; i++) {
		const code = xml.codePointAt(i)!;
		if (!isXmlChar(code)) return `forbidden character U+${code.toString(16)} at ${i}`;
		if (code > 0xffff) i++;
	}
	const text = (s: string, at: number, attribute = false): string | undefined => {
		if (s.includes('<')) return `"<" in text at ${at}`;
		if (!attribute && s.includes(']]>')) return `"]]>" in text at ${at}`;
		for (let k = s.indexOf('&'); k >= 0; k = s.indexOf('&', k + 1)) {
			const ref = REFERENCE.exec(s.slice(k));
			if (!ref) return `bare "&" at ${at + k}`;
			const num = /^&#(x?)([0-9a-fA-F]+);/.exec(ref[0]);
			if (num && !isXmlChar(parseInt(num[2]!, num[1] ? 16 : 10)))
				return `reference to a forbidden character at ${at + k}`;
		}
		return undefined;
	};
	const open: string[] = [];
	let roots = 0;
	let i = 0;
	if (xml.startsWith('\ufeff')) i = 1;
	while (i < xml.length) {
		const lt = xml.indexOf('<', i);
		const between = xml.slice(i, lt < 0 ? xml.length : lt);
		if (open.length === 0 && between.trim()) return `text outside the root at ${i}`;
		const bad = text(between, i);
		if (bad) return bad;
		if (lt < 0) break;
		if (xml.startsWith('<?', lt)) {
			const end = xml.indexOf('?>', lt);
			if (end < 0) return `unclosed processing instruction at ${lt}`;
			i = end + 2;
		} else if (xml.startsWith('<!--', lt)) {
			const end = xml.indexOf('-->', lt);
			if (end < 0 || xml.slice(lt + 4, end).includes('--')) return `bad comment at ${lt}`;
			i = end + 3;
		} else if (xml.startsWith('<![CDATA[', lt)) {
			if (!open.length) return `CDATA outside the root at ${lt}`;
			const end = xml.indexOf(']]>', lt);
			if (end < 0) return `unclosed CDATA at ${lt}`;
			i = end + 3;
		} else if (xml.startsWith('<!', lt)) {
			return `DTD or declaration at ${lt}`;
		} else {
			const end = tagEnd(xml, lt);
			if (end < 0) return `unclosed tag at ${lt}`;
			const tag = xml.slice(lt + 1, end);
			if (tag.startsWith('/')) {
				const name = tag.slice(1).trim();
				if (open.pop() !== name) return `</${name}> does not close the open tag at ${lt}`;
			} else {
				const selfClosing = tag.endsWith('/');
				const problem = checkTag(selfClosing ? tag.slice(0, -1) : tag, lt, text);
				if (typeof problem === 'string') return problem;
				if (open.length === 0 && ++roots > 1) return `second root element at ${lt}`;
				if (!selfClosing) open.push(problem.name);
			}
			i = end + 1;
		}
	}
	if (open.length) return `<${open.at(-1)}> is never closed`;
	if (roots !== 1) return 'no root element';
	return undefined;
}

/** Index of the `>` that ends the tag opened at `lt`, skipping quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
	let quote = '';
	for (let k = lt + 1; k < xml.length; k++) {
		const c = xml[k];
		if (quote) {
			if (c === quote) quote = '';
		} else if (c === '"' || c === "'") quote = c;
		else if (c === '>') return k;
	}
	return -1;
}

function checkTag(
	tag: string,
	at: number,
	text: (s: string, at: number, attribute: boolean) => string | undefined
): { name: string } | string {
	const name = /^[^\s]*/.exec(tag)![0];
	if (!NAME.test(name)) return `bad element name "${name}" at ${at}`;
	const seen = new Set<string>();
	let rest = tag.slice(name.length);
	while (rest.trim()) {
		const attr = /^\s+([^\s=]+)\s*=\s*("[^"]*"|'[^']*')/.exec(rest);
		if (!attr) return `bad attribute in <${name}> at ${at}`;
		const [, key, quoted] = attr;
		if (!NAME.test(key!)) return `bad attribute name "${key}" at ${at}`;
		if (seen.has(key!)) return `repeated attribute "${key}" at ${at}`;
		seen.add(key!);
		const bad = text(quoted!.slice(1, -1), at, true);
		if (bad) return bad;
		rest = rest.slice(attr[0].length);
	}
	return { name };
}
