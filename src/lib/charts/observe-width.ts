import type { Attachment } from 'svelte/attachments';

/**
 * One observer for every plot on a page, and the callbacks it answers.
 * Made on first use: the module is also imported where there is no ResizeObserver (prerendering).
 */
let observer: ResizeObserver | undefined;
const listeners = new WeakMap<Element, (width: number) => void>();

/**
 * An attachment that tells `set` the element's width in whole CSS pixels (its content box: what
 * `clientWidth` reads on an element without padding) when it is first laid out and whenever it
 * changes. The sizes come from a ResizeObserver, which the browser answers after its own layout of
 * a frame, so measuring never makes it lay out the page. `bind:clientWidth`, which reads the width
 * as the element mounts, did: in the middle of hydration, with the page's elements still being
 * added, each chart's read laid the whole page out again (the overview has fourteen).
 */
export function observeWidth(set: (width: number) => void): Attachment<HTMLElement> {
	return (element) => {
		observer ??= new ResizeObserver((entries) => {
			// every size first, then the callbacks, which may change the page
			const sizes = entries.map((entry) => {
				const box = entry.contentBoxSize[0];
				return [entry.target, box ? box.inlineSize : entry.contentRect.width] as const;
			});
			for (const [target, width] of sizes) listeners.get(target)?.(Math.round(width));
		});
		listeners.set(element, set);
		observer.observe(element);
		return () => {
			observer?.unobserve(element);
			listeners.delete(element);
		};
	};
}
