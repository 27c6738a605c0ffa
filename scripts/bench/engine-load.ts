/**
 * The engine's load, measured in Node: DuckDB-WASM (its blocking build, as the engine
 * comparison test opens it) given the engine's Arrow files from a data folder exactly as the
 * browser gives them, until `figures` answers a first count. Run in a child process of its own
 * (`tsx scripts/bench/engine-load.ts <data dir>`, one JSON line out), so ten million rows'
 * memory goes with it and running out of it fails only this measurement.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import {
	DIMENSIONS,
	ENGINE_TABLES,
	FACTS,
	createFigures
} from '../../src/lib/data/engine-tables.js';
import { FIGURE_COLUMNS, type FigureRow } from '../../src/lib/data/schema.js';
import { toIPC, valueColumn } from '../../src/lib/dataset/arrow.js';

export interface EngineBytes {
	rows: number;
	/** figures.arrow, the narrow fact table. */
	facts_bytes: number;
	/** Every file the engine loads: facts, text and dimensions. */
	engine_bytes: number;
	facts_bytes_per_row: number;
	engine_bytes_per_row: number;
}

/** The engine files' sizes in `dataDir`, per fact row. */
export function engineBytes(dataDir: string): EngineBytes {
	const facts = readFileSync(join(dataDir, FACTS.file));
	const rows = tableFromIPC(facts).numRows;
	const engine = ENGINE_TABLES.reduce((sum, t) => sum + statSync(join(dataDir, t.file)).size, 0);
	return {
		rows,
		facts_bytes: facts.byteLength,
		engine_bytes: engine,
		facts_bytes_per_row: facts.byteLength / rows,
		engine_bytes_per_row: engine / rows
	};
}

/** Bytes per row of the figures as one wide Arrow table, every column on every row (before). */
export function wideBytesPerRow(figuresJson: string): number {
	const figures = JSON.parse(readFileSync(figuresJson, 'utf8')) as FigureRow[];
	const bytes = toIPC(
		Object.fromEntries(
			FIGURE_COLUMNS.map(([name, type]) => [
				name,
				valueColumn(
					type,
					figures.map((f) => f[name])
				)
			])
		)
	);
	return bytes.byteLength / figures.length;
}

export interface NodeLoad {
	seconds: number;
	rows: number;
	/**
	 * Whether `figures` was made a table (small data) or left a view; `facts only` when the
	 * whole load failed and only figure_facts and the dimensions were loaded and counted.
	 */
	figures: 'table' | 'view' | 'facts only';
	/** Why the whole load failed, when it did. */
	failed?: string;
}

/**
 * Load `dataDir` into DuckDB-WASM in a child process. When that fails (ten million figures'
 * text can outgrow DuckDB-WASM's 4 GiB), the fact table and dimensions alone are measured, and
 * the failure is kept.
 */
export function nodeLoad(dataDir: string): NodeLoad | { error: string } {
	const whole = child(dataDir, false);
	if (!('error' in whole)) return whole;
	const facts = child(dataDir, true);
	return 'error' in facts ? whole : { ...facts, failed: whole.error };
}

function child(dataDir: string, factsOnly: boolean): NodeLoad | { error: string } {
	const result = spawnSync(
		'npx',
		['tsx', import.meta.filename, resolve(dataDir), ...(factsOnly ? ['--facts-only'] : [])],
		{
			encoding: 'utf8',
			maxBuffer: 1 << 24,
			env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=8192' }
		}
	);
	const line = result.stdout.trim().split('\n').at(-1) ?? '';
	try {
		return JSON.parse(line) as NodeLoad;
	} catch {
		const why = `${result.stderr}`
			.split('\n')
			.filter((l) => /error|memory|abort/i.test(l))
			.slice(0, 2)
			.join(' ')
			.trim();
		return { error: `exit ${result.status}${result.signal ? ` (${result.signal})` : ''}: ${why}` };
	}
}

async function measure(dataDir: string, factsOnly: boolean): Promise<NodeLoad> {
	const { openWasmNodeConnection } = await import('../../src/lib/data/wasm-node-db.js');
	const conn = await openWasmNodeConnection();
	const started = performance.now();
	let bytes = 0;
	for (const table of factsOnly ? [FACTS, ...DIMENSIONS] : ENGINE_TABLES) {
		const buffer = new Uint8Array(readFileSync(join(dataDir, table.file)));
		bytes += buffer.byteLength;
		conn.insertArrowFromIPCStream(buffer, { name: table.name, create: true });
	}
	if (!factsOnly) conn.query(createFigures(bytes));
	const count = factsOnly
		? 'SELECT count(*) AS n FROM figure_facts JOIN figure_indicators USING (indicator_id)'
		: 'SELECT count(*) AS n FROM figures';
	const rows = Number(conn.query(count).get(0)?.n);
	const seconds = (performance.now() - started) / 1000;
	const kind = conn.query(
		"SELECT table_type FROM information_schema.tables WHERE table_name = 'figures'"
	);
	const figures = factsOnly ? 'facts only' : kind.get(0)?.table_type === 'VIEW' ? 'view' : 'table';
	conn.close();
	return { seconds, rows, figures };
}

if (process.argv[1] === import.meta.filename && process.argv[2]) {
	const result = await measure(process.argv[2], process.argv.includes('--facts-only'));
	console.log(JSON.stringify(result));
	process.exit(0);
}
