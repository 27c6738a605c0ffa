/**
 * Embedding a chart in another site: the iframe and the few lines that size it. The chart page
 * posts the height of its content whenever it changes, taller or shorter; the snippet's listener
 * finds the iframe that sent it and sets its height (320 px until the first message), which
 * works when the host is served from another origin.
 */
export const EMBED_MESSAGE = 'district-figures:resize';

export function embedSnippet({ src, title }: { src: string; title: string }): string {
	const escape = (s: string) =>
		s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
	return [
		`<iframe src="${escape(src)}" title="${escape(title)}" loading="lazy" style="width:100%;height:320px;border:0" data-district-figures></iframe>`,
		`<script>window.addEventListener("message",function(e){if(!e.data||e.data.type!=="${EMBED_MESSAGE}")return;document.querySelectorAll("iframe[data-district-figures]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+"px"})});</script>`
	].join('\n');
}
