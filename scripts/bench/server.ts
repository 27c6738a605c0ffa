/**
 * Server control for the benchmark: a private copy of build/ (so a rebuild elsewhere cannot
 * change what is measured, and bench pages never land in build/), precompressed like
 * `npm run build` does, served by scripts/serve.ts on a free port of 127.0.0.1.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Built {
	ok: boolean;
	seconds: number;
	tail: string;
}

/** The environment of `npm run build`: precompression on, whatever the caller's says. */
function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env = { ...process.env, ...extra };
	delete env.PRECOMPRESS;
	return env;
}

const built = (started: number, status: number | null, out: string): Built => ({
	ok: status === 0,
	seconds: (Date.now() - started) / 1000,
	tail: out.split('\n').slice(-15).join('\n')
});

/** Run `npm run build`. */
export function buildSite(): Built {
	const started = Date.now();
	const result = spawnSync('npm', ['run', 'build'], {
		cwd: ROOT,
		env: buildEnv({}),
		encoding: 'utf8'
	});
	return built(started, result.status, `${result.stdout ?? ''}${result.stderr ?? ''}`);
}

/**
 * Build the site for a query server (`QUERY_SERVER`, svelte.config.js) into `dir` instead of
 * build/, without blocking this process (a query server may be answering in it meanwhile).
 */
export function buildSiteForQueryServer(
	dir: string,
	queryServer: string,
	/** Where to leave a way to stop the build (npm and what it starts), for a run stopped meanwhile. */
	cleanups: (() => void)[]
): Promise<Built> {
	const started = Date.now();
	// a process group of its own, so that stopping it stops vite too, not npm alone
	const child = spawn('npm', ['run', 'build'], {
		cwd: ROOT,
		env: buildEnv({ BUILD_DIR: dir, QUERY_SERVER: queryServer }),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true
	});
	let running = true;
	child.once('close', () => (running = false));
	cleanups.push(() => {
		try {
			if (running && child.pid) process.kill(-child.pid, 'SIGTERM');
		} catch {
			// the group ended meanwhile
		}
	});
	let out = '';
	child.stdout!.on('data', (chunk: Buffer) => (out = (out + chunk.toString()).slice(-20_000)));
	child.stderr!.on('data', (chunk: Buffer) => (out = (out + chunk.toString()).slice(-20_000)));
	return new Promise((resolve) => {
		child.once('error', (error) => resolve(built(started, 1, String(error))));
		child.once('close', (status) => resolve(built(started, status, out)));
	});
}

/** A copy of `dir` in a temporary directory: hard links where possible (cheap), else a copy. */
export function copyBuild(dir: string, label: string): string {
	const target = join(mkdtempSync(join(tmpdir(), `bench-${label}-`)), 'site');
	const linked = spawnSync('cp', ['-al', dir, target]);
	if (linked.status !== 0) cpSync(dir, target, { recursive: true });
	return target;
}

export function removeCopy(site: string): void {
	rmSync(resolve(site, '..'), { recursive: true, force: true });
}

// what SvelteKit's builder.compress() compresses
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.json', '.css', '.svg', '.xml', '.wasm']);

function listFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]
	);
}

/** Write `file`.br and `file`.gz exactly as SvelteKit's precompress does (max quality). */
export async function compressFile(file: string): Promise<void> {
	const size = statSync(file).size;
	// never write through a hard link into build/
	for (const out of [`${file}.br`, `${file}.gz`]) rmSync(out, { force: true });
	await Promise.all([
		pipeline(
			createReadStream(file),
			zlib.createBrotliCompress({
				params: {
					[zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
					[zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
					[zlib.constants.BROTLI_PARAM_SIZE_HINT]: size
				}
			}),
			createWriteStream(`${file}.br`)
		),
		pipeline(
			createReadStream(file),
			zlib.createGzip({ level: zlib.constants.Z_BEST_COMPRESSION }),
			createWriteStream(`${file}.gz`)
		)
	]);
}

/** Compressed immutable assets (their names carry a content hash) kept between runs. */
const CACHE = join(tmpdir(), 'district-figures-bench-precompressed');

/**
 * Precompress what a build made with PRECOMPRESS=0 left uncompressed, as far as the benchmark
 * fetches it: the hashed assets under _app/immutable/ (the duckdb wasm bundle Chromium does not
 * pick, mvp, excepted), reused from a cache across runs since their names change with their
 * content, and the given pages (paths like `/` or `/topics/industry`). Returns how many files.
 */
export async function precompressMissing(site: string, pages: string[]): Promise<number> {
	const assets = listFiles(join(site, '_app/immutable')).filter(
		(f) => COMPRESSIBLE.has(extname(f)) && !/duckdb-mvp\.[^/]*\.wasm$/.test(f)
	);
	const html = pages
		.map((p) => join(site, p === '/' ? 'index.html' : `${p.replace(/^\//, '')}.html`))
		.filter((f) => existsSync(f));
	const wanted = [...assets, ...html].filter((f) => !existsSync(`${f}.br`));
	mkdirSync(CACHE, { recursive: true });
	let next = 0;
	const worker = async () => {
		while (next < wanted.length) {
			const file = wanted[next++]!;
			const immutable = file.startsWith(join(site, '_app/immutable'));
			const cached = join(
				CACHE,
				relative(join(site, '_app/immutable'), file).replace(/[\\/]/g, '__')
			);
			if (immutable && existsSync(`${cached}.br`) && existsSync(`${cached}.gz`)) {
				for (const ext of ['br', 'gz']) {
					rmSync(`${file}.${ext}`, { force: true });
					copyFileSync(`${cached}.${ext}`, `${file}.${ext}`);
				}
				continue;
			}
			await compressFile(file);
			if (immutable)
				for (const ext of ['br', 'gz']) copyFileSync(`${file}.${ext}`, `${cached}.${ext}`);
		}
	};
	// a few at a time: brotli at quality 11 is CPU-bound and this machine has two cores
	await Promise.all([worker(), worker(), worker()]);
	return wanted.length;
}

/** A port the kernel says is free on 127.0.0.1 (never the preview port). */
export async function freePort(): Promise<number> {
	for (;;) {
		const port = await new Promise<number>((ok, fail) => {
			const probe = createServer();
			probe.once('error', fail);
			probe.listen(0, '127.0.0.1', () => {
				const address = probe.address();
				probe.close(() => ok(typeof address === 'object' && address ? address.port : 0));
			});
		});
		if (port && port !== 4173) return port;
	}
}

export interface Server {
	origin: string;
	stop(): Promise<void>;
}

/** Start scripts/serve.ts on `site` and a free port; resolves once it listens. */
export async function serve(site: string): Promise<Server> {
	const port = await freePort();
	// one process (node with tsx's loader), so stopping it by its pid stops the server
	const args = ['--import', 'tsx', join(ROOT, 'scripts/serve.ts'), site, String(port)];
	const child: ChildProcess = spawn(process.execPath, args, {
		cwd: ROOT,
		env: { ...process.env, HOST: '127.0.0.1' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	await new Promise<void>((ok, fail) => {
		const timer = setTimeout(() => fail(new Error(`server did not start:\n${log}`)), 30_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			log += chunk.toString();
			if (log.includes('serving')) {
				clearTimeout(timer);
				ok();
			}
		});
		child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
		child.once('exit', (code) => {
			clearTimeout(timer);
			fail(new Error(`server exited (${code}):\n${log}`));
		});
	});
	return {
		origin: `http://127.0.0.1:${port}`,
		stop: () =>
			new Promise<void>((ok) => {
				if (child.exitCode !== null) return ok();
				child.once('exit', () => ok());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 5000).unref();
			})
	};
}
