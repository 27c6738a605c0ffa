/**
 * A query server for the pages' views over a dataset too large for the browser (every county's
 * bulletins): Node DuckDB over Parquet partitioned by bulletin and year, answering the protocol
 * of src/lib/data/http-db.ts. What one client sends can never change what another sees, by
 * construction rather than by reading the SQL:
 *
 * - the figures are copied into a database file that is then opened READ_ONLY: no statement can
 *   create, change or drop a table in it;
 * - every request runs on a connection of its own, closed after it, so a temporary view that
 *   would shadow `figures`, or a connection setting, dies with the request;
 * - files and addresses outside are switched off and the configuration locked before the first
 *   request, so no statement reads `/etc/passwd` or undoes the memory and thread limits;
 * - a prepared statement is one statement; a body, an answer and a run time have limits, and a
 *   statement past its time is interrupted, not waited for.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATASET_VERSION_KEY } from '$lib/data/dataset-version.js';
import { plain } from '$lib/data/node-db.js';

export interface QueryServerOptions {
	/** A Parquet file or glob (`figures/bulletin=*\/year=*\/*.parquet`, read with hive partitions). */
	figures: string;
	port?: number;
	/** Longest run of one statement. */
	timeoutMs?: number;
	/** Most rows in one answer. */
	maxRows?: number;
	/** Largest request body. */
	maxBodyBytes?: number;
	/** Statements run at once; more wait their turn up to `queue`, then are refused. */
	concurrency?: number;
	queue?: number;
	memoryLimit?: string;
	/**
	 * The sites whose pages may ask it from the browser (CORS): `*` by default, as the figures are
	 * public and no request carries a credential; or one origin.
	 */
	allowOrigin?: string;
}

export interface QueryServer {
	url: string;
	/** The dataset version every file names, or null when they name none or differ. */
	version: string | null;
	server: Server;
	close(): Promise<void>;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

class Refused extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > limit) throw new Refused(413, `the request is larger than ${limit} bytes`);
		chunks.push(chunk);
	}
	return Buffer.concat(chunks).toString('utf8');
}

function parseRequest(text: string): { sql: string; params: (string | number | boolean)[] } {
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new Refused(400, 'the request is not JSON');
	}
	const { sql, params = [] } = (body ?? {}) as { sql?: unknown; params?: unknown };
	if (typeof sql !== 'string' || sql.trim() === '') throw new Refused(400, '`sql` is missing');
	if (
		!Array.isArray(params) ||
		!params.every((p) => ['string', 'number', 'boolean'].includes(typeof p))
	)
		throw new Refused(400, '`params` must be a list of strings, numbers and booleans');
	return { sql, params: params as (string | number | boolean)[] };
}

export async function startQueryServer(options: QueryServerOptions): Promise<QueryServer> {
	const {
		timeoutMs = 10_000,
		maxRows = 100_000,
		maxBodyBytes = 256 * 1024,
		concurrency = 2,
		queue = 32,
		memoryLimit = '2GB',
		allowOrigin = '*'
	} = options;

	// the figures go into a file of their own, which is then only ever opened for reading
	const folder = mkdtempSync(join(tmpdir(), 'query-server-'));
	const file = join(folder, 'figures.duckdb');
	const writer = await DuckDBInstance.create(file);
	const setup = await writer.connect();
	// sorted by what every view filters on first, so each block's min/max lets a query skip the
	// blocks of other indicators and areas instead of reading every row
	await setup.run(
		`CREATE TABLE figures AS SELECT * FROM read_parquet(${quote(options.figures)}, hive_partitioning = true) ORDER BY indicator_id, area_id, sector_id, period`
	);
	// the dataset version the files name (dataset/write.ts), if every file names the same one: a
	// page built from that same dataset then takes its own rows as the server's answers
	const [files] = (
		await setup.runAndReadAll(`SELECT count(*) AS n FROM glob(${quote(options.figures)})`)
	).getRowObjectsJS() as { n: bigint }[];
	const named = (
		await setup.runAndReadAll(
			`SELECT decode(value) AS version, count(DISTINCT file_name) AS files FROM parquet_kv_metadata(${quote(options.figures)}) WHERE decode(key) = ${quote(DATASET_VERSION_KEY)} GROUP BY ALL`
		)
	).getRowObjectsJS() as { version: string; files: bigint }[];
	const version = named.length === 1 && named[0]!.files === files?.n ? named[0]!.version : null;
	setup.closeSync();
	writer.closeSync();

	const instance = await DuckDBInstance.create(file, {
		access_mode: 'READ_ONLY',
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false'
	});
	const admin = await instance.connect();
	await admin.run(
		`SET memory_limit = ${quote(memoryLimit)}; SET threads = 2; SET enable_external_access = false; SET lock_configuration = true;`
	);
	admin.closeSync();

	let running = 0;
	const waiting: (() => void)[] = [];
	async function turn<T>(work: () => Promise<T>): Promise<T> {
		if (running >= concurrency) {
			if (waiting.length >= queue) throw new Refused(429, 'the server is busy; ask again');
			await new Promise<void>((resolve) => waiting.push(resolve));
		}
		running++;
		try {
			return await work();
		} finally {
			running--;
			waiting.shift()?.();
		}
	}

	async function answer(sql: string, params: (string | number | boolean)[]) {
		const connection = await instance.connect();
		const timer = setTimeout(() => connection.interrupt(), timeoutMs);
		try {
			const statement = await connection.prepare(sql).catch((error: Error) => {
				throw new Refused(400, error.message);
			});
			if (params.length > 0) statement.bind(params);
			const reader = await statement.runAndReadUntil(maxRows + 1).catch((error: Error) => {
				throw new Refused(400, error.message);
			});
			const rows = reader.getRowObjectsJS();
			if (rows.length > maxRows)
				throw new Refused(413, `the answer has more than ${maxRows} rows; narrow the question`);
			return rows.map((row) =>
				Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)]))
			);
		} finally {
			clearTimeout(timer);
			connection.closeSync();
		}
	}

	const server = createServer(async (request, response) => {
		// pages of another origin may ask (a browser sends JSON only after asking OPTIONS first);
		// no cookie or credential is ever read, so one client's request cannot act as another's
		const cors = {
			'access-control-allow-origin': allowOrigin,
			'access-control-allow-methods': 'GET, POST',
			'access-control-allow-headers': 'content-type',
			'access-control-max-age': '600',
			vary: 'origin'
		};
		const send = (status: number, body: unknown) => {
			response.writeHead(status, {
				...cors,
				'content-type': 'application/json; charset=utf-8',
				'cache-control': 'no-store',
				'x-content-type-options': 'nosniff'
			});
			response.end(JSON.stringify(body));
		};
		if (request.method === 'OPTIONS') {
			response.writeHead(204, cors);
			response.end();
			return;
		}
		// which figures it answers from (http-db.ts `version`)
		if (request.method === 'GET') return send(200, { version });
		try {
			if (request.method !== 'POST') throw new Refused(405, 'POST a JSON { sql, params }');
			const { sql, params } = parseRequest(await readBody(request, maxBodyBytes));
			send(200, { rows: await turn(() => answer(sql, params)) });
		} catch (error) {
			const status = error instanceof Refused ? error.status : 500;
			send(status, { error: error instanceof Error ? error.message : String(error) });
		}
	});
	server.requestTimeout = timeoutMs * 3;
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		version,
		server,
		async close() {
			await new Promise<void>((resolve) => server.close(() => resolve()));
			instance.closeSync();
			rmSync(folder, { recursive: true, force: true });
		}
	};
}
