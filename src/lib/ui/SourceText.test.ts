import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { IMG, SCRIPT, expectInert } from '$lib/test-payloads.js';
import SourceText from './SourceText.svelte';

describe('SourceText', () => {
	it('sets the subscript of the AQI sentence lower, as the bulletin printed it', () => {
		const { body } = render(SourceText, { props: { text: 'PM_{2.5}浓度30微克/立方米' } });
		// Svelte's hydration markers left out
		expect(body.replace(/<!--[^>]*-->/g, '')).toBe('PM<sub>2.5</sub>浓度30微克/立方米');
		expect(body).not.toContain('_{');
	});

	it('leaves bold markers out and markup in the text as text, inside a script run too', () => {
		const { body } = render(SourceText, {
			props: { text: `**概况**${IMG}x_{${SCRIPT}}y^{2}` }
		});
		expect(body).not.toContain('**');
		expect(body.replace(/<!--[^>]*-->/g, '')).toMatch(
			/^概况&lt;img .*x<sub>&lt;script>.*<\/sub>y<sup>2<\/sup>$/
		);
		expect(body).toContain('<sup>2</sup>');
		expectInert(body, 2);
	});
});
