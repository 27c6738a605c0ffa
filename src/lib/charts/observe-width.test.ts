import { afterEach, describe, expect, it, vi } from 'vitest';

/** A ResizeObserver the test drives: `deliver` hands it entries as the browser would after a layout. */
class FakeObserver {
	static last: FakeObserver | undefined;
	observed = new Set<Element>();
	constructor(readonly callback: (entries: ResizeObserverEntry[]) => void) {
		FakeObserver.last = this;
	}
	observe(element: Element) {
		this.observed.add(element);
	}
	unobserve(element: Element) {
		this.observed.delete(element);
	}
	deliver(sizes: [Element, number][]) {
		this.callback(
			sizes.map(([target, inlineSize]) => ({
				target,
				contentBoxSize: [{ inlineSize, blockSize: 100 }],
				contentRect: { width: inlineSize }
			})) as unknown as ResizeObserverEntry[]
		);
	}
}

afterEach(() => {
	vi.unstubAllGlobals();
	vi.resetModules();
});

async function load() {
	vi.stubGlobal('ResizeObserver', FakeObserver);
	return (await import('./observe-width.js')).observeWidth;
}

describe('observeWidth', () => {
	it('tells each plot its own width in whole pixels, from one observer for the page', async () => {
		const observeWidth = await load();
		const a = {} as HTMLElement;
		const b = {} as HTMLElement;
		const widths: string[] = [];
		observeWidth((w) => widths.push(`a ${w}`))(a);
		const observer = FakeObserver.last!;
		observeWidth((w) => widths.push(`b ${w}`))(b);
		expect(FakeObserver.last).toBe(observer);
		observer.deliver([
			[a, 542.4],
			[b, 797.6]
		]);
		expect(widths).toEqual(['a 542', 'b 798']);
	});

	it('reads every size of a delivery before any callback can change the page', async () => {
		const observeWidth = await load();
		const a = {} as HTMLElement;
		const b = {} as HTMLElement;
		const order: string[] = [];
		observeWidth(() => order.push('a called'))(a);
		observeWidth(() => order.push('b called'))(b);
		const sizes = [a, b].map((target, i) => ({
			target,
			get contentBoxSize() {
				order.push(`size ${i === 0 ? 'a' : 'b'} read`);
				return [{ inlineSize: 300, blockSize: 1 }];
			}
		}));
		FakeObserver.last!.callback(sizes as unknown as ResizeObserverEntry[]);
		expect(order).toEqual(['size a read', 'size b read', 'a called', 'b called']);
	});

	it('stops telling a plot once it is detached', async () => {
		const observeWidth = await load();
		const plot = {} as HTMLElement;
		const widths: number[] = [];
		const detach = observeWidth((w) => widths.push(w))(plot) as () => void;
		const observer = FakeObserver.last!;
		expect(observer.observed.has(plot)).toBe(true);
		detach();
		expect(observer.observed.has(plot)).toBe(false);
		observer.deliver([[plot, 400]]);
		expect(widths).toEqual([]);
	});
});
