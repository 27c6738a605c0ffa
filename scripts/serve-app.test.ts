import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, parseTarget, startServer, type Running } from './serve-app.js';

interface Reply {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
	ms: number;
}

let temp: string;
let site: string;
let server: Running;
const port = () => Number(new URL(server.origin).port);

/** A request with the path sent exactly as given (fetch would normalise it first). */
function get(
	path: string,
	{ method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}
): Promise<Reply> {
	const started = performance.now();
	return new Promise((ok, fail) => {
		const req = request(
			{ host: '127.0.0.1', port: port(), path, method, headers, agent: false },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					ok({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: Buffer.concat(chunks),
						ms: performance.now() - started
					})
				);
			}
		);
		req.on('error', fail);
		req.end();
	});
}

/** The status line of a request written byte for byte on a socket (for what http.request refuses). */
function raw(requestLine: string): Promise<string> {
	return new Promise((ok, fail) => {
		const socket = connect(port(), '127.0.0.1', () =>
			socket.end(`${requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
		);
		let reply = '';
		socket.on('data', (chunk) => (reply += chunk.toString('latin1')));
		socket.on('end', () => ok(reply.split('\r\n')[0] ?? ''));
		socket.on('error', fail);
	});
}

function write(path: string, content: string | Buffer, { compressed = false } = {}) {
	const file = join(site, path);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, content);
	if (compressed) {
		writeFileSync(`${file}.br`, brotliCompressSync(content));
		writeFileSync(`${file}.gz`, gzipSync(content));
	}
}

const PAGE = '<!doctype html><title>overview</title><p>overview</p>';

beforeAll(async () => {
	temp = mkdtempSync(join(tmpdir(), 'serve-app-'));
	site = join(temp, 'site');
	writeFileSync(join(temp, 'secret.txt'), 'outside the site');
	write('index.html', PAGE, { compressed: true });
	write('topics/land.html', '<!doctype html><p>land</p>', { compressed: true });
	write('embed/topic/land/area.html', '<!doctype html><p>embed</p>');
	write('en/embed/topic/land/area.html', '<!doctype html><p>embed en</p>');
	write('_app/immutable/chunks/a1b2.js', 'export const a = 1;', { compressed: true });
	write('_app/version.json', '{"version":"1"}');
	write('data/figures.json', '[]', { compressed: true });
	write('data/figures.csv', '\ufeffid,value\n');
	write('data/figures.arrow', Buffer.from([0xff, 0xff, 0xff, 0xff]));
	write('data/figures.parquet', Buffer.from('PAR1PAR1'));
	write('_app/immutable/assets/duckdb-eh.wasm', Buffer.from([0, 0x61, 0x73, 0x6d]), {
		compressed: true
	});
	write('_app/immutable/assets/app.css', 'p{margin:0}', { compressed: true });
	write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', { compressed: true });
	write('og.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
	write('fonts/noto.woff2', Buffer.from('wOF2'));
	write('robots.txt', 'User-agent: *\n');
	write('sitemap.xml', '<?xml version="1.0"?><urlset/>', { compressed: true });
	write('briefing/sample.docx', Buffer.from('PK\u0003\u0004'));
	write('briefing/sample.pptx', Buffer.from('PK\u0003\u0004'));
	write('.env', 'SECRET=1');
	server = await startServer({ dir: site, port: 0 });
	await get('/');
});

afterAll(async () => {
	await server?.close();
	rmSync(temp, { recursive: true, force: true });
});

describe('paths', () => {
	it('refuses a path of 160,000 slashes at once, and serves the next request at once', async () => {
		const [slashes, next] = await Promise.all([get('/'.repeat(160_000)), get('/')]);
		expect(slashes.status).toBe(414);
		expect(slashes.ms).toBeLessThan(100);
		expect(next.status).toBe(200);
		expect(next.ms).toBeLessThan(100);
	});

	it.each([
		['slashes just under the limit, ending in one', `/${'/'.repeat(2000)}`, 308],
		['slashes inside a path', `/a${'/'.repeat(2000)}b`, 404],
		['dots', `/${'.'.repeat(2000)}`, 404],
		['dot segments', `/${'../'.repeat(600)}secret.txt`, 404],
		['encoded dot segments', `/${'%2e%2e/'.repeat(250)}secret.txt`, 404],
		['encoded slashes', `/${'%2f'.repeat(600)}`, 404],
		['percent signs', `/${'%'.repeat(2000)}`, 400],
		['long segment', `/${'a'.repeat(5000)}`, 414],
		['encoded NUL', '/index.html%00.png', 404]
	])('answers a path of many %s in under 100 ms', async (_, path, status) => {
		const reply = await get(path);
		expect(reply.status).toBe(status);
		expect(reply.ms).toBeLessThan(100);
	});

	it.each([
		'/../secret.txt',
		'/%2e%2e/secret.txt',
		'/%2E%2E%2Fsecret.txt',
		'/topics/..%2f..%2fsecret.txt',
		'/..%5csecret.txt',
		'/%252e%252e/secret.txt',
		'/.env',
		'/%2eenv',
		'/topics/%2e%2e/%2e%2e/secret.txt'
	])('never reaches outside the site or a dotfile: %s', async (path) => {
		const reply = await get(path);
		expect(reply.status).toBe(404);
		expect(reply.body.toString()).not.toContain('outside the site');
		expect(reply.body.toString()).not.toContain('SECRET');
	});

	it('refuses a raw NUL, backslash or absolute-form target without reading it', async () => {
		expect(await raw('GET /index.html\\..\\..\\secret.txt HTTP/1.1')).toMatch(/ 400 /);
		expect(await raw('GET http://elsewhere.example/ HTTP/1.1')).toMatch(/ 400 /);
		expect(await raw('GET /a\u0000b HTTP/1.1')).toMatch(/ 400 /);
	});

	it('redirects a trailing slash to one leading slash, keeping the query', async () => {
		const topic = await get('/topics/land/?sector=x');
		expect(topic.status).toBe(308);
		expect(topic.headers.location).toBe('/topics/land?sector=x');
		expect((await get('//elsewhere.example/')).headers.location).toBe('/elsewhere.example');
	});

	it('serves a page by its path without .html, and the overview at /', async () => {
		expect((await get('/topics/land')).body.toString()).toContain('land');
		expect((await get('/topics/land.html')).status).toBe(200);
		expect((await get('/')).body.toString()).toBe(PAGE);
		expect((await get('/topics/nowhere')).status).toBe(404);
	});

	it('lets a query string of 100 KB through to the page', async () => {
		const reply = await get(`/topics/land?q=${'%25'.repeat(34_000)}`);
		expect(reply.status).toBe(200);
	});

	it('parses a target once, whatever it holds', () => {
		expect(parseTarget('/en/topics/land?x=1')).toEqual({
			kind: 'file',
			segments: ['en', 'topics', 'land'],
			search: '?x=1'
		});
		expect(parseTarget('/%E5%9C%9F%E5%9C%B0')).toMatchObject({ segments: ['土地'] });
		expect(parseTarget('/a|b[1]^')).toMatchObject({ segments: ['a|b[1]^'] });
		expect(parseTarget('/a b')).toEqual({ kind: 'error', status: 400 });
	});
});

describe('content types', () => {
	it.each([
		['/', 'text/html; charset=utf-8'],
		['/topics/land', 'text/html; charset=utf-8'],
		['/_app/immutable/chunks/a1b2.js', 'text/javascript; charset=utf-8'],
		['/_app/immutable/assets/app.css', 'text/css; charset=utf-8'],
		['/data/figures.json', 'application/json; charset=utf-8'],
		['/_app/immutable/assets/duckdb-eh.wasm', 'application/wasm'],
		['/data/figures.arrow', 'application/vnd.apache.arrow.stream'],
		['/data/figures.parquet', 'application/vnd.apache.parquet'],
		['/favicon.svg', 'image/svg+xml'],
		['/og.png', 'image/png'],
		['/data/figures.csv', 'text/csv; charset=utf-8'],
		['/fonts/noto.woff2', 'font/woff2'],
		['/robots.txt', 'text/plain; charset=utf-8'],
		['/sitemap.xml', 'application/xml; charset=utf-8'],
		[
			'/briefing/sample.docx',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		],
		[
			'/briefing/sample.pptx',
			'application/vnd.openxmlformats-officedocument.presentationml.presentation'
		]
	])('serves %s as %s, raw and precompressed', async (path, type) => {
		for (const encoding of ['identity', 'gzip', 'br']) {
			const reply = await get(path, { headers: { 'accept-encoding': encoding } });
			expect(reply.status).toBe(200);
			expect(reply.headers['content-type']).toBe(type);
			expect(reply.headers.vary).toBe('Accept-Encoding');
		}
	});

	it('says which encoding it sent, and the body decodes to the file', async () => {
		const br = await get('/', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
		expect(br.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(br.body).toString()).toBe(PAGE);
		const gz = await get('/', { headers: { 'accept-encoding': 'gzip' } });
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gz.body).toString()).toBe(PAGE);
		const plain = await get('/data/figures.csv', { headers: { 'accept-encoding': 'br' } });
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.toString()).toBe('\ufeffid,value\n');
	});
});

describe('Accept-Encoding', () => {
	it.each([
		['br;q=0', undefined],
		['br;q=0, gzip', 'gzip'],
		['gzip;q=1, br;q=0.5', 'gzip'],
		['br;q=0.5, gzip;q=0.5', 'br'],
		['*;q=0', undefined],
		['identity', undefined],
		['identity;q=1, br;q=0.9', undefined],
		['*', 'br'],
		['*;q=0.3, br;q=0', 'gzip'],
		['BR', 'br'],
		['', undefined]
	])('answers %j with %s', async (header, encoding) => {
		const reply = await get('/', { headers: { 'accept-encoding': header } });
		expect(reply.status).toBe(200);
		expect(reply.headers['content-encoding']).toBe(encoding);
		if (!encoding) expect(reply.body.toString()).toBe(PAGE);
	});

	it('reads the first entries of a long header, and skips malformed ones', () => {
		const started = performance.now();
		const long = acceptedEncodings(`${'x;q=0.1,'.repeat(50_000)}gzip`);
		expect(long).toEqual(['identity']);
		const malformed = acceptedEncodings(';q=0.5,gzip;q=0.8,br;q=abc,deflate;q=2,identity;q=x');
		expect(malformed).toEqual(['gzip', 'identity']);
		expect(performance.now() - started).toBeLessThan(100);
	});
});

describe('methods', () => {
	it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND'])(
		'answers %s with 405 and Allow: GET, HEAD',
		async (method) => {
			const reply = await get('/', { method });
			expect(reply.status).toBe(405);
			expect(reply.headers.allow).toBe('GET, HEAD');
			expect(reply.headers['x-content-type-options']).toBe('nosniff');
		}
	);

	it('answers HEAD with the headers of GET and no body', async () => {
		const headers = { 'accept-encoding': 'br' };
		const [head, full] = await Promise.all([
			get('/topics/land', { method: 'HEAD', headers }),
			get('/topics/land', { headers })
		]);
		expect(head.status).toBe(200);
		expect(head.body.length).toBe(0);
		expect(head.headers['content-length']).toBe(String(full.body.length));
		expect(head.headers['content-encoding']).toBe('br');
		expect(head.headers['content-type']).toBe(full.headers['content-type']);
	});
});

describe('caching', () => {
	it('caches hashed assets for a year and revalidates everything else', async () => {
		const asset = await get('/_app/immutable/chunks/a1b2.js');
		expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect((await get('/_app/version.json')).headers['cache-control']).toBe('no-cache');
		expect((await get('/')).headers['cache-control']).toBe('no-cache');
	});

	it('answers a matching If-None-Match with 304 for the same encoding only', async () => {
		const br = await get('/', { headers: { 'accept-encoding': 'br' } });
		const etag = String(br.headers.etag);
		const again = await get('/', { headers: { 'accept-encoding': 'br', 'if-none-match': etag } });
		expect(again.status).toBe(304);
		expect(again.headers.vary).toBe('Accept-Encoding');
		const other = await get('/', { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } });
		expect(other.status).toBe(200);
	});
});

describe('security headers', () => {
	const cases: [string, string, number][] = [
		['a page', '/topics/land', 200],
		['an asset', '/_app/immutable/chunks/a1b2.js', 200],
		['a missing page', '/nowhere', 404],
		['a redirect', '/topics/land/', 308],
		['a refused method', '/', 405],
		['a too long path', `/${'a'.repeat(3000)}`, 414],
		['a malformed path', '/%zz', 400]
	];
	it.each(cases)('sends them on %s', async (_, path, status) => {
		const reply = await get(path, { method: status === 405 ? 'DELETE' : 'GET' });
		expect(reply.status).toBe(status);
		expect(reply.headers['x-content-type-options']).toBe('nosniff');
		expect(reply.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
		expect(reply.headers['content-security-policy']).toMatch(/frame-ancestors '(self|none)'/);
	});

	it('lets any site frame an embed page, and only the site itself frame the rest', async () => {
		const policy = async (path: string) =>
			String((await get(path)).headers['content-security-policy']);
		for (const path of ['/embed/topic/land/area', '/en/embed/topic/land/area'])
			expect(await policy(path)).toMatch(/frame-ancestors \*(;|$)/);
		for (const path of ['/', '/topics/land', '/embedded', '/en/topics/embed'])
			expect(await policy(path)).toContain("frame-ancestors 'self'");
		expect(await policy('/')).toContain("object-src 'none'");
		expect(await policy('/nowhere')).toContain("default-src 'none'");
	});
});
