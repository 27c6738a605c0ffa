import { CHART_LABELS, say, type Lang } from '$lib/messages.js';

export { CHART_LABELS, STATUS_LABELS } from '$lib/messages.js';

export function label(key: keyof typeof CHART_LABELS, lang: Lang, n?: number | string): string {
	return say(CHART_LABELS[key], lang, n === undefined ? {} : { n });
}
