import { describe, expect, it } from 'vitest';
import { routePath } from './i18n.js';

describe('routePath', () => {
	it('gives a page’s path without its language prefix', () => {
		expect(routePath('/[[lang=lang]]', {})).toBe('/');
		expect(routePath('/[[lang=lang]]', { lang: 'en' })).toBe('/');
		expect(routePath('/[[lang=lang]]/indicators/[id]', { lang: 'en', id: 'land-area' })).toBe(
			'/indicators/land-area'
		);
		expect(routePath('/[[lang=lang]]/sessions/[n]', { n: '21' })).toBe('/sessions/21');
		expect(routePath(null, {})).toBe('/');
	});
});
