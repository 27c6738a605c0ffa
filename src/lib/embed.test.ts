import { describe, expect, it } from 'vitest';
import { EMBED_MESSAGE, embedSnippet } from './embed.js';

describe('embedSnippet', () => {
	it('gives an iframe and a listener that sizes it from its own messages', () => {
		const snippet = embedSnippet({
			src: 'https://figures.example/embed/topic/land/land-use?theme=dark',
			title: '土地利用现状（按地类）'
		});
		expect(snippet).toContain(
			'<iframe src="https://figures.example/embed/topic/land/land-use?theme=dark"'
		);
		expect(snippet).toContain('title="土地利用现状（按地类）"');
		expect(snippet).toContain(`e.data.type!=="${EMBED_MESSAGE}"`);
		expect(snippet).toContain('f.contentWindow===e.source');
	});

	it('gives the iframe a starting height but no minimum, so it can shrink to its content', () => {
		const snippet = embedSnippet({ src: '/embed/topic/industry/industry-output', title: '产值' });
		expect(snippet).toContain('height:320px');
		expect(snippet).not.toMatch(/min-height/);
		expect(snippet).toContain('f.style.height=e.data.height+"px"');
	});

	it('escapes what would break out of an attribute', () => {
		expect(embedSnippet({ src: 'x', title: '"><script>' })).toContain('title="&quot;>&lt;script>"');
	});
});
