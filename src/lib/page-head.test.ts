import { describe, expect, it } from 'vitest';
import { moveModulePreloads } from './page-head.js';

const PAGE = `<!doctype html>
<html lang="zh-CN">
	<head>
		<meta charset="utf-8" />
		<link href="../_app/immutable/entry/start.BZ0sy1ms.js" rel="modulepreload">
		<link href="../_app/immutable/chunks/BXx7mQgF.js" rel="modulepreload">
		<link rel="icon" href="../favicon.svg" type="image/svg+xml" />
		<link href="../_app/immutable/assets/app.css" rel="stylesheet" disabled media="(max-width: 0)">
		<title>产业发展</title>
	</head>
	<body>
		<div style="display: contents"><figure data-chart="x"><svg></svg></figure><script>import("../_app/immutable/entry/start.BZ0sy1ms.js")</script></div>
		%modulepreload%
	</body>
</html>`;

describe('moveModulePreloads', () => {
	it('moves every module preload from the head to after the content, in order, and nothing else', () => {
		const html = moveModulePreloads(PAGE, '%modulepreload%');
		const [head, body] = html.split('</head>');
		expect(head).not.toContain('modulepreload');
		expect(head).toContain('<link rel="icon" href="../favicon.svg" type="image/svg+xml" />');
		expect(head).toContain('rel="stylesheet" disabled');
		expect(body).not.toContain('%modulepreload%');
		const links = [...body!.matchAll(/<link href="([^"]+)" rel="modulepreload">/g)].map(
			(m) => m[1]
		);
		expect(links).toEqual([
			'../_app/immutable/entry/start.BZ0sy1ms.js',
			'../_app/immutable/chunks/BXx7mQgF.js'
		]);
		// after the page's content and its start script
		expect(body!.indexOf('<link')).toBeGreaterThan(body!.indexOf('</script>'));
	});

	it('finds a preload whatever the order and quoting of its attributes', () => {
		const html = moveModulePreloads(
			`<head><link rel=modulepreload href="/a.js"><link crossorigin rel='modulepreload' href="/b.js"></head><body>%modulepreload%</body>`,
			'%modulepreload%'
		);
		expect(html).toBe(
			`<head></head><body><link rel=modulepreload href="/a.js"><link crossorigin rel='modulepreload' href="/b.js"></body>`
		);
	});

	it('leaves a page without preloads as it is, less the placeholder', () => {
		expect(
			moveModulePreloads(
				'<head><title>t</title></head><body>%modulepreload%</body>',
				'%modulepreload%'
			)
		).toBe('<head><title>t</title></head><body></body>');
	});

	it('a chunk without the head only loses the placeholder', () => {
		expect(moveModulePreloads('<p>…</p>%modulepreload%</body>', '%modulepreload%')).toBe(
			'<p>…</p></body>'
		);
	});

	it('a replacement pattern in a file name is written as it is', () => {
		const html = moveModulePreloads(
			`<head><link href="/$&.js" rel="modulepreload"></head><body>%modulepreload%</body>`,
			'%modulepreload%'
		);
		expect(html).toBe(`<head></head><body><link href="/$&.js" rel="modulepreload"></body>`);
	});
});
