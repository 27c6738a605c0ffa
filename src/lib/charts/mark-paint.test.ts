import { describe, expect, it } from 'vitest';
import { markPaint } from './mark-paint.js';

describe('markPaint', () => {
	it('fills a stated bar with its series colour and no outline', () => {
		expect(markPaint('stated', 2, { id: 'land-use' })).toEqual({
			fill: 'var(--c2)',
			stroke: 'none',
			strokeWidth: 1,
			dash: undefined
		});
	});

	it('hatches a derived bar with the chart’s own pattern, outlined in its colour', () => {
		const paint = markPaint('derived', 1, { id: 'land-reserve-area' });
		expect(paint.fill).toBe('url(#land-reserve-area-hatch-1)');
		expect(paint.stroke).toBe('var(--c1)');
	});

	it('draws a target as a dashed outline on the background, never filled with colour', () => {
		expect(markPaint('target', 0, { id: 'x' })).toEqual({
			fill: 'var(--chart-bg, #fff)',
			stroke: 'var(--c0)',
			strokeWidth: 2,
			dash: '4 2'
		});
	});

	it('fills a bound (约, 超过, 以上) like a stated value but keeps an outline', () => {
		const paint = markPaint('bound', 3, { id: 'x' });
		expect(paint.fill).toBe('var(--c3)');
		expect(paint.stroke).toBe('var(--c3)');
		expect(paint.dash).toBeUndefined();
	});

	it('gives a textured part its dot pattern but never hides a derived or target status behind it', () => {
		expect(markPaint('stated', 4, { id: 's', textured: true }).fill).toBe('url(#s-dots-4)');
		expect(markPaint('bound', 4, { id: 's', textured: true }).fill).toBe('url(#s-dots-4)');
		expect(markPaint('derived', 4, { id: 's', textured: true }).fill).toBe('url(#s-hatch-4)');
		expect(markPaint('target', 4, { id: 's', textured: true }).fill).toBe('var(--chart-bg, #fff)');
	});

	it('leaves a point hollow when derived or a target, and dashes only the target’s ring', () => {
		const point = (status: 'stated' | 'derived' | 'target' | 'bound') =>
			markPaint(status, 1, { shape: 'point' });
		expect([point('stated').fill, point('bound').fill]).toEqual(['var(--c1)', 'var(--c1)']);
		expect([point('derived').fill, point('target').fill]).toEqual([
			'var(--chart-bg, #fff)',
			'var(--chart-bg, #fff)'
		]);
		expect(point('target').dash).toBe('2 2');
		expect(point('derived').dash).toBeUndefined();
		expect(point('stated').stroke).toBe('var(--c1)');
	});

	it('draws a target track as an unfilled dashed outline whatever its status', () => {
		for (const status of ['stated', 'target', 'bound'] as const)
			expect(markPaint(status, 2, { id: 'x', shape: 'track' })).toEqual({
				fill: 'none',
				stroke: 'var(--c2)',
				strokeWidth: 2,
				dash: '4 2'
			});
	});
});
