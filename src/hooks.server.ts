import type { Handle } from '@sveltejs/kit';

/** `<html lang>` follows the page's language: zh-CN at `/`, en under `/en/`. */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%lang%', event.params.lang === 'en' ? 'en' : 'zh-CN')
	});
