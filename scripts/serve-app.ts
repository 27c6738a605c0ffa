/**
 * The static server for the prerendered site, fit to face the network: precompressed brotli and
 * gzip chosen by the request's Accept-Encoding q-values, a Content-Type for every file type the
 * site has, long caching for hashed assets, security headers on every response, GET and HEAD
 * only, and no path that costs more than one linear pass. scripts/serve.ts is its command line.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

/** A longer path is no page of this site; it is refused before any work is done on it. */
export const MAX_PATH_BYTES = 2048;

// Node refuses request headers over 16 KB with a bare 431, so an oversized query string would
// never reach the page; let it through, and the page's own length limit shows a notice instead.
// 1 MiB holds a 100 KB value even when every character is percent-encoded three times over.
export const MAX_HEADER_SIZE = 1024 * 1024;

const TEXT = 'charset=utf-8';
const CONTENT_TYPES: Record<string, string> = {
	html: `text/html; ${TEXT}`,
	js: `text/javascript; ${TEXT}`,
	mjs: `text/javascript; ${TEXT}`,
	css: `text/css; ${TEXT}`,
	json: `application/json; ${TEXT}`,
	map: `application/json; ${TEXT}`,
	csv: `text/csv; ${TEXT}`,
	txt: `text/plain; ${TEXT}`,
	xml: `application/xml; ${TEXT}`,
	svg: 'image/svg+xml',
	png: 'image/png',
	jpg: 'image/jpeg',
	webp: 'image/webp',
	ico: 'image/x-icon',
	woff2: 'font/woff2',
	woff: 'font/woff',
	ttf: 'font/ttf',
	wasm: 'application/wasm',
	arrow: 'application/vnd.apache.arrow.stream',
	parquet: 'application/vnd.apache.parquet',
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	webmanifest: 'application/manifest+json'
};

/** The Content-Type of a file by the extension of its uncompressed name. */
export function contentType(name: string): string {
	const dot = name.lastIndexOf('.');
	const extension = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
	return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

export type Encoding = 'br' | 'gzip' | 'identity';

const MAX_ENCODINGS = 32;
/** The weight of an encoding acceptable by default: below any q-value a header can write. */
const LEAST = 0.0001;

/**
 * The encodings the request accepts, best first, among those the server has (its own order
 * breaks ties: brotli, then gzip, then the raw file). An encoding with q=0 is refused; the raw
 * file, unless weighted in the header, comes after any accepted encoding, and the server sends
 * it even when refused, as a 406 would help no one. Only the first entries are read.
 */
export function acceptedEncodings(header: string | undefined): Encoding[] {
	const q = new Map<string, number>();
	for (const part of (header ?? '').split(',', MAX_ENCODINGS)) {
		const [name = '', ...params] = part.split(';');
		const coding = name.trim().toLowerCase();
		if (!coding) continue;
		let weight = 1;
		for (const param of params) {
			const [key = '', value = ''] = param.split('=');
			if (key.trim().toLowerCase() === 'q') weight = Number(value.trim());
		}
		if (!Number.isFinite(weight) || weight < 0 || weight > 1) continue;
		if (!q.has(coding)) q.set(coding, weight);
	}
	const weight = (coding: Encoding) =>
		q.get(coding) ?? q.get('*') ?? (coding === 'identity' ? LEAST : 0);
	return (['br', 'gzip', 'identity'] as const)
		.map((coding, order) => ({ coding, order, q: weight(coding) }))
		.filter((c) => c.q > 0)
		.sort((a, b) => b.q - a.q || a.order - b.order)
		.map((c) => c.coding);
}

const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz', identity: '' };

// what a browser sends in a path: RFC 3986 pchar, '/', and the few it leaves unencoded ([]^|)
const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/[\]^|]*$/;

export type Target =
	| { kind: 'file'; segments: string[]; search: string }
	| { kind: 'redirect'; location: string }
	| { kind: 'error'; status: 400 | 404 | 414 };

/**
 * What a request target asks for, in one pass over it: a file's decoded path segments, a
 * redirect away from a trailing slash, or an error. A segment that decodes to `.`, `..`, a
 * dotfile, or holds a slash, backslash or NUL names no file: nothing outside the site's
 * folder can be reached.
 */
export function parseTarget(url: string): Target {
	const mark = url.indexOf('?');
	const path = mark < 0 ? url : url.slice(0, mark);
	const search = mark < 0 ? '' : url.slice(mark);
	if (Buffer.byteLength(path) > MAX_PATH_BYTES) return { kind: 'error', status: 414 };
	if (!path.startsWith('/') || !PATH_CHARS.test(path)) return { kind: 'error', status: 400 };
	// pages live at /en and /topics/land, not /en/: a trailing slash would break relative links
	if (path.length > 1 && path.endsWith('/')) {
		let start = 0;
		let end = path.length;
		while (start < end && path[start] === '/') start++;
		while (end > start && path[end - 1] === '/') end--;
		// one leading slash: `//host/` must not become a redirect to another site
		return { kind: 'redirect', location: `/${path.slice(start, end)}${search}` };
	}
	const segments: string[] = [];
	for (const raw of path.slice(1).split('/')) {
		let segment: string;
		try {
			segment = decodeURIComponent(raw);
		} catch {
			return { kind: 'error', status: 400 };
		}
		if (segment === '' && path !== '/') return { kind: 'error', status: 404 };
		if (segment.startsWith('.') || /[/\\\0]/.test(segment)) return { kind: 'error', status: 404 };
		if (segment) segments.push(segment.normalize());
	}
	return { kind: 'file', segments, search };
}

/** Embed pages (`/embed/…`, `/en/embed/…`) may be framed by any site; nothing else may. */
export function isEmbed(segments: string[]): boolean {
	return segments[0] === 'embed' || (segments[0] === 'en' && segments[1] === 'embed');
}

// The page's full policy (script hashes included) is the <meta http-equiv> SvelteKit writes
// (svelte.config.js, kit.csp); a meta tag cannot carry frame-ancestors, so the header does.
// Browsers enforce both, so the header only adds what the meta cannot say.
function contentSecurityPolicy(embed: boolean, status: number): string {
	const ancestors = `frame-ancestors ${embed ? '*' : "'self'"}`;
	if (status >= 300) return `default-src 'none'; ${ancestors}`;
	return `${ancestors}; object-src 'none'; base-uri 'self'; form-action 'self'`;
}

function secure(res: ServerResponse, embed: boolean, status: number): void {
	res.setHeader('x-content-type-options', 'nosniff');
	res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
	res.setHeader('content-security-policy', contentSecurityPolicy(embed, status));
}

const REASONS: Record<number, string> = {
	400: 'Bad request',
	404: 'Not found',
	405: 'Method not allowed',
	414: 'URI too long',
	500: 'Internal server error'
};

function fail(res: ServerResponse, status: number, embed = false): void {
	secure(res, embed, status);
	res.statusCode = status;
	res.setHeader('content-type', `text/plain; ${TEXT}`);
	res.setHeader('cache-control', 'no-cache');
	if (status === 405) res.setHeader('allow', 'GET, HEAD');
	res.end(REASONS[status] ?? '');
}

interface Found {
	file: string;
	name: string;
	encoding: Encoding;
	size: number;
	mtime: Date;
}

async function regularFile(file: string) {
	try {
		const stats = await stat(file);
		return stats.isFile() ? stats : undefined;
	} catch {
		return undefined;
	}
}

/** The first of `/p`, `/p.html`, `/p/index.html` that is a file, in the best encoding it has. */
async function find(
	dir: string,
	segments: string[],
	encodings: Encoding[]
): Promise<Found | undefined> {
	const base = join(dir, ...segments);
	const index = join(base, 'index.html');
	for (const name of segments.length ? [base, `${base}.html`, index] : [index]) {
		const raw = await regularFile(name);
		if (!raw) continue;
		for (const encoding of encodings) {
			if (encoding === 'identity') break;
			const file = `${name}${SUFFIX[encoding]}`;
			const stats = await regularFile(file);
			if (stats) return { file, name, encoding, size: stats.size, mtime: stats.mtime };
		}
		return { file: name, name, encoding: 'identity', size: raw.size, mtime: raw.mtime };
	}
	return undefined;
}

function send(req: IncomingMessage, res: ServerResponse, found: Found, pathname: string): void {
	const etag = `W/"${found.size}-${found.mtime.getTime()}-${found.encoding}"`;
	res.setHeader('content-type', contentType(found.name));
	res.setHeader('vary', 'Accept-Encoding');
	res.setHeader(
		'cache-control',
		pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
	);
	res.setHeader('etag', etag);
	res.setHeader('last-modified', found.mtime.toUTCString());
	if (found.encoding !== 'identity') res.setHeader('content-encoding', found.encoding);
	const matches = (req.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim());
	if (matches.includes(etag) || matches.includes('*')) {
		res.statusCode = 304;
		res.end();
		return;
	}
	res.statusCode = 200;
	res.setHeader('content-length', found.size);
	if (req.method === 'HEAD') {
		res.end();
		return;
	}
	const stream = createReadStream(found.file);
	stream.on('error', () => res.destroy());
	stream.pipe(res);
}

/** A request listener serving the files under `dir`. */
export function createHandler(dir: string): (req: IncomingMessage, res: ServerResponse) => void {
	const root = resolve(dir);
	return (req, res) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405);
		const target = parseTarget(req.url ?? '/');
		if (target.kind === 'error') return fail(res, target.status);
		if (target.kind === 'redirect') {
			secure(res, false, 308);
			res.statusCode = 308;
			res.setHeader('location', target.location);
			res.end();
			return;
		}
		const embed = isEmbed(target.segments);
		const encodings = acceptedEncodings(req.headers['accept-encoding']);
		find(root, target.segments, encodings).then(
			(found) => {
				if (!found) return fail(res, 404, embed);
				secure(res, embed, 200);
				send(req, res, found, `/${target.segments.join('/')}`);
			},
			() => fail(res, 500, embed)
		);
	};
}

export interface Running {
	server: Server;
	origin: string;
	close(): Promise<void>;
}

/** Serve `dir` on `host:port` (port 0: any free port); resolves once it listens. */
export function startServer({
	dir,
	port,
	host = '127.0.0.1'
}: {
	dir: string;
	port: number;
	host?: string;
}): Promise<Running> {
	const server = createServer({ maxHeaderSize: MAX_HEADER_SIZE }, createHandler(dir));
	return new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => {
			const { port: bound } = server.address() as AddressInfo;
			ok({
				server,
				origin: `http://${host}:${bound}`,
				close: () =>
					new Promise<void>((done) => {
						server.close(() => done());
						server.closeAllConnections();
					})
			});
		});
	});
}
