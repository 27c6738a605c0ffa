import { createContext } from 'svelte';

/** How a chart's links open; an embed opens them in a new tab, never inside the host's frame. */
export interface LinkTarget {
	target: '_blank';
	rel: 'noopener';
}

const [getLinkTarget, setLinkTarget, hasLinkTarget] = createContext<LinkTarget>();

export { setLinkTarget };

/** The target set by a page around the chart, or undefined: the link opens in place. */
export function linkTarget(): LinkTarget | undefined {
	return hasLinkTarget() ? getLinkTarget() : undefined;
}
