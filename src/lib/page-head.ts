/**
 * Where a prerendered page asks for its JavaScript. SvelteKit writes a
 * `<link rel="modulepreload">` into the head for every module the page hydrates with (some
 * twenty, 80–90 KB compressed). Asked for there, they are fetched while the HTML still arrives
 * and compiled while it is parsed, and the first chart paints later: under 4G with a 4× slower
 * CPU, 560–670 ms to the first chart with them in the head, 450–510 ms with them at the end of
 * the body (interleaved cold loads, scripts/bench). Nothing before the first paint needs them,
 * and at the end of the body they are fetched at once, beside the modules SvelteKit's start
 * script imports there, so hydration does not wait longer (with no preload at all it would:
 * each import found only once its importer arrives).
 */
const MODULE_PRELOAD = /[ \t]*<link\b[^>]*\brel=["']?modulepreload["']?[^>]*>\n?/gi;

/**
 * The page with the head's module preloads moved to `placeholder` (in app.html after the body's
 * content). A chunk without the head (a streamed page's later part) only loses the placeholder.
 */
export function moveModulePreloads(html: string, placeholder: string): string {
	const end = html.indexOf('</head>');
	if (end < 0) return html.replace(placeholder, '');
	const links: string[] = [];
	const head = html.slice(0, end).replace(MODULE_PRELOAD, (link) => {
		links.push(link.trim());
		return '';
	});
	return (head + html.slice(end)).replace(placeholder, () => links.join(''));
}
