/**
 * The real build command (`cli.ts build`, what `npm run build:data` runs) on a copy of data/ with
 * one defect at a time in a figures file: each must stop the build with a message naming file,
 * line and field, and leave the output of the last good build as it was.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	cpSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../data/csv.js';

const REPO = process.cwd();
const TSX = resolve(REPO, 'node_modules/.bin/tsx');
const CLI = resolve(REPO, 'src/lib/extract/cli.ts');
const FILE = 'data/figures/land.csv';

let root: string;

function build(): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((done, fail) => {
		const child = spawn(TSX, [CLI, 'build', 'data', 'out'], { cwd: root });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', fail);
		child.on('close', (code) => done({ code, stdout, stderr }));
	});
}

/** Every output file with its content hash and modification time. */
function snapshot(): Record<string, string> {
	const dir = join(root, 'out');
	return Object.fromEntries(
		readdirSync(dir).map((name) => {
			const path = join(dir, name);
			const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
			return [name, `${hash} ${statSync(path).mtimeMs}`];
		})
	);
}

type Rows = Record<string, string>[];

/** The figures file as rows, edited, written back; row i stays on line i + 2. */
function edit(change: (rows: Rows, columns: string[]) => { rows: Rows; columns: string[] }): void {
	const path = join(root, FILE);
	const rows = parse(readFileSync(path, 'utf8'), { bom: true, columns: true }) as Rows;
	const columns = Object.keys(rows[0]!);
	const next = change(rows, columns);
	writeFileSync(path, toCsv(next.columns, next.rows));
}

const original = () => readFileSync(join(REPO, FILE));
const lineOf = (rows: Rows, id: string) => rows.findIndex((r) => r.id === id) + 2;
const ID = 'land-cultivated-2023';

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'bad-data-'));
	cpSync(join(REPO, 'data'), join(root, 'data'), { recursive: true });
	const good = await build();
	expect(good.stderr).toBe('');
	expect(good.code).toBe(0);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the build command refuses a bad figures file', () => {
	const defects: {
		name: string;
		inject: () => void;
		expected: (rows: Rows) => RegExp;
	}[] = [
		{
			name: 'a missing column',
			inject: () =>
				edit((rows, columns) => ({ rows, columns: columns.filter((c) => c !== 'quote') })),
			expected: () => /^data\/figures\/land\.csv:1: quote: missing-column: /m
		},
		{
			name: 'a bad number',
			inject: () =>
				edit((rows, columns) => ({
					rows: rows.map((r) => (r.id === ID ? { ...r, value: '1,700' } : r)),
					columns
				})),
			expected: (rows) =>
				new RegExp(`^data/figures/land\\.csv:${lineOf(rows, ID)}: value: bad-number: "1,700"`, 'm')
		},
		{
			name: 'a bad date',
			inject: () =>
				edit((rows, columns) => ({
					rows: rows.map((r) => (r.id === ID ? { ...r, period: '2023-02-30' } : r)),
					columns
				})),
			expected: (rows) =>
				new RegExp(
					`^data/figures/land\\.csv:${lineOf(rows, ID)}: period: period-unreadable: .*2023-02-30 is not a date in the calendar`,
					'm'
				)
		},
		{
			name: 'an unknown unit',
			inject: () =>
				edit((rows, columns) => ({
					rows: rows.map((r) => (r.id === ID ? { ...r, unit: '平方英里' } : r)),
					columns
				})),
			expected: (rows) =>
				new RegExp(`^data/figures/land\\.csv:${lineOf(rows, ID)}: unit: unknown-unit: `, 'm')
		},
		{
			name: 'a duplicate id',
			inject: () =>
				edit((rows, columns) => ({
					rows: [...rows, { ...rows.find((r) => r.id === ID)! }],
					columns
				})),
			expected: (rows) =>
				new RegExp(
					`^data/figures/land\\.csv:${rows.length + 2}: id: duplicate: "${ID}" is already defined at data/figures/land\\.csv:${lineOf(rows, ID)}$`,
					'm'
				)
		},
		{
			name: 'a quote not in the source',
			inject: () =>
				edit((rows, columns) => ({
					rows: rows.map((r) =>
						r.id === ID ? { ...r, quote: '耕地 1700 公顷，此句不在报告中' } : r
					),
					columns
				})),
			expected: (rows) =>
				new RegExp(
					`^data/figures/land\\.csv:${lineOf(rows, ID)}: quote: quote-not-found: not found in s21-natural-resources-report`,
					'm'
				)
		}
	];

	for (const defect of defects) {
		it(`fails on ${defect.name}, naming file, line and field, and leaves the last good output`, async () => {
			const before = snapshot();
			expect(Object.keys(before)).toContain('figures.parquet');
			const rows = parse(original(), { bom: true, columns: true }) as Rows;
			defect.inject();
			try {
				const { code, stderr, stdout } = await build();
				expect(code).toBe(1);
				expect(stderr).toMatch(defect.expected(rows));
				expect(stderr).toMatch(/\d+ problems; nothing written to out\n$/);
				expect(stdout).not.toMatch(/^wrote /m);
				expect(snapshot()).toEqual(before);
			} finally {
				writeFileSync(join(root, FILE), original());
			}
		}, 60_000);
	}
});
