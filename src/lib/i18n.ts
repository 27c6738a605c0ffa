import { base } from '$app/paths';
import type { Lang } from '$lib/messages.js';

export type { Lang };

export function langOf(param: string | undefined): Lang {
	return param === 'en' ? 'en' : 'zh';
}

/** A path in the reader's language: `/` and `/en`, `/topics/land` and `/en/topics/land`. */
export function localise(path: string, lang: Lang): string {
	const clean = path.startsWith('/') ? path : `/${path}`;
	if (lang === 'zh') return `${base}${clean}`;
	return `${base}${clean === '/' ? '/en' : `/en${clean}`}`;
}

/**
 * A page's path without its language prefix, from its route and parameters:
 * `/[[lang=lang]]/indicators/[id]` with id land-area → `/indicators/land-area`. (The URL's
 * pathname would need the absolute base, which relative asset paths do not give.)
 */
export function routePath(
	routeId: string | null,
	params: Record<string, string | undefined>
): string {
	if (!routeId) return '/';
	const path = routeId
		.replace(/\/\[\[lang=lang\]\]/, '')
		.replace(/\[\[?([^\]=]+)(?:=[^\]]+)?\]\]?/g, (_, name: string) => params[name] ?? '');
	return path || '/';
}

export { t, type MessageKey } from '$lib/messages.js';
