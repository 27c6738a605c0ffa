/**
 * Serve the prerendered site in build/ as a production web server would: precompressed brotli
 * and gzip files when the browser accepts them, long caching for hashed assets, .wasm with its
 * MIME type. Usage: tsx scripts/serve.ts [dir] [port]   (defaults: build 4173, on 127.0.0.1)
 */
import { createServer } from 'node:http';
import sirv from 'sirv';

const [dir = 'build', port = process.env.PORT ?? '4173'] = process.argv.slice(2);
const host = process.env.HOST ?? '127.0.0.1';

const assets = sirv(dir, {
	brotli: true,
	gzip: true,
	etag: true,
	extensions: ['html'],
	setHeaders(res, pathname) {
		if (pathname.startsWith('/_app/immutable/'))
			res.setHeader('cache-control', 'public, max-age=31536000, immutable');
		else res.setHeader('cache-control', 'no-cache');
		if (pathname.endsWith('.wasm')) res.setHeader('content-type', 'application/wasm');
		if (pathname.endsWith('.arrow'))
			res.setHeader('content-type', 'application/vnd.apache.arrow.stream');
	}
});

// Node refuses request headers over 16 KB with a bare 431, so an oversized query string would
// never reach the page; let it through, and the page's own length limit shows a notice instead.
// 1 MiB holds a 100 KB value even when every character is percent-encoded three times over.
const MAX_HEADER_SIZE = 1024 * 1024;

createServer({ maxHeaderSize: MAX_HEADER_SIZE }, (req, res) => {
	// pages live at /en and /topics/land, not /en/: a trailing slash would break relative asset links
	const url = new URL(req.url ?? '/', 'http://localhost');
	if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
		res.statusCode = 308;
		// one leading slash: `//host/` must not become a redirect to another site
		res.setHeader('location', `/${url.pathname.replace(/^\/+|\/+$/g, '')}${url.search}`);
		res.end();
		return;
	}
	assets(req, res, () => {
		res.statusCode = 404;
		res.setHeader('content-type', 'text/plain; charset=utf-8');
		res.end('Not found');
	});
}).listen(Number(port), host, () => console.log(`serving ${dir} at http://${host}:${port}/`));
