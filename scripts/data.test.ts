/**
 * The real build command (`scripts/data.ts build`, what `npm run build:data` runs) on the tiny
 * data/ folder of tests/fixtures with defects in its figures file: a missing column, then five
 * bad rows at once. Each defect must be reported once, naming file, line and field, and the
 * output of the last good build must stay as it was. (The tiny folder, not a copy of data/: the
 * command is the same, and the whole dataset is built by `npm run build`, not per test.)
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdirSync,
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
import { toCsv } from '../src/lib/data/csv.js';
import { TINY_DATA, writeTinyData } from '../tests/fixtures/tiny-data.js';

const REPO = process.cwd();
const TSX = resolve(REPO, 'node_modules/.bin/tsx');
const CLI = resolve(REPO, 'scripts/data.ts');
const FILE = 'data/figures/land.csv';

let root: string;

function build(): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return cli('build', 'data', 'out');
}

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((done, fail) => {
		const child = spawn(TSX, [CLI, ...args], { cwd: root });
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

/** The tiny figures file with a fourth figure, so five rows can each carry a defect of its own. */
const FIGURES =
	TINY_DATA['figures/land.csv'] +
	'\nland-forest-again-2023,land-area,forest,,2023-12-31,level,5147.5,公顷,,,tiny-report,林地 5147.5 公顷,\n';
const original = () => FIGURES;
const lineOf = (rows: Rows, id: string) => rows.findIndex((r) => r.id === id) + 2;
const ID = 'land-cultivated-2023';

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'bad-data-'));
	writeTinyData(join(root, 'data'), { 'figures/land.csv': FIGURES });
	const good = await build();
	expect(good.stderr).toBe('');
	expect(good.code).toBe(0);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Run the build on the figures file as `change` leaves it; it must fail and write nothing. */
async function failingBuild(change: Parameters<typeof edit>[0]): Promise<string> {
	const before = snapshot();
	expect(Object.keys(before)).toContain('figures.parquet');
	edit(change);
	try {
		const { code, stderr, stdout } = await build();
		expect(code).toBe(1);
		expect(stdout).not.toMatch(/^wrote /m);
		expect(snapshot()).toEqual(before);
		return stderr;
	} finally {
		writeFileSync(join(root, FILE), original());
	}
}

describe('the build command refuses a bad figures file', () => {
	it('fails on a missing column, naming file, line and field, and leaves the last good output', async () => {
		const stderr = await failingBuild((rows, columns) => ({
			rows,
			columns: columns.filter((c) => c !== 'quote')
		}));
		expect(stderr).toMatch(/^data\/figures\/land\.csv:1: quote: missing-column: /m);
		expect(stderr).toMatch(/\n1 problems; nothing written to out\n$/);
	}, 60_000);

	it('reports a defect in each of five rows in one run, each once, and leaves the last good output', async () => {
		const rows = parse(original(), { bom: true, columns: true }) as Rows;
		const [first, second, third, fourth] = rows as [Rows[0], ...Rows];
		const at = (row: Record<string, string>) => lineOf(rows, row.id!);
		const changed: Record<string, Record<string, string>> = {
			[second!.id!]: { value: '1,700' },
			[third!.id!]: { period: '2023-02-30' },
			[fourth!.id!]: { unit: '平方英里' },
			[ID]: { quote: '耕地 1700 公顷，此句不在报告中' }
		};
		const stderr = await failingBuild((rows, columns) => ({
			rows: [...rows.map((r) => ({ ...r, ...changed[r.id!] })), { ...first! }],
			columns
		}));
		const expected = [
			`^data/figures/land\\.csv:${at(second!)}: value: bad-number: "1,700"`,
			`^data/figures/land\\.csv:${at(third!)}: period: period-unreadable: .*2023-02-30 is not a date in the calendar`,
			`^data/figures/land\\.csv:${at(fourth!)}: unit: unknown-unit: `,
			`^data/figures/land\\.csv:${lineOf(rows, ID)}: quote: quote-not-found: not found in tiny-report`,
			`^data/figures/land\\.csv:${rows.length + 2}: id: duplicate: "${first!.id}" is already defined at data/figures/land\\.csv:${at(first!)}$`
		];
		for (const line of expected) expect(stderr).toMatch(new RegExp(line, 'm'));
		expect(stderr).toMatch(/\n5 problems; nothing written to out\n$/);
	}, 60_000);
});

describe('the extract command on a text nobody has reviewed', () => {
	it.concurrent(
		'fails, saying why, when the text holds nothing statistical, and writes nothing beside it',
		async () => {
			const dir = join(root, 'inbox-empty');
			mkdirSync(dir);
			writeFileSync(join(dir, 'note.txt'), '关于会议安排的通知\n\n会议于下周召开，请准时出席。\n');
			const { code, stderr } = await cli('extract', join(dir, 'note.txt'));
			expect(code).toBe(1);
			expect(stderr).toMatch(/nothing statistical to propose/);
			expect(readdirSync(dir)).toEqual(['note.txt']);
		},
		60_000
	);

	it.concurrent(
		'splits it by its own headings, drafts its own review under .tmp, never another text’s',
		async () => {
			const dir = join(root, 'inbox');
			mkdirSync(dir);
			cpSync(join(REPO, 'data/sources/baoshan-2024-s20-s21/review.json'), join(dir, 'review.json'));
			cpSync(join(REPO, 'tests/fixtures/documents/report-no-agenda.txt'), join(dir, 'new.txt'));
			const { code, stdout } = await cli('extract', join(dir, 'new.txt'));
			expect(code).toBe(0);
			expect(stdout).toMatch(/split at its 1 document headings/);
			expect(stdout).toMatch(/15 proposed/);
			expect(readdirSync(dir).sort()).toEqual(['new.txt', 'review.json']);
			const review = JSON.parse(
				readFileSync(join(root, '.tmp/candidates/new/review.json'), 'utf8')
			) as { bulletin: { title: string; publisher: string } };
			expect(review.bulletin.title).toBe('关于本区基础教育优质均衡发展情况的报告');
			expect(review.bulletin.publisher).not.toMatch(/宝山/);
			expect(existsSync(join(root, '.tmp/candidates/new/candidates.csv'))).toBe(true);
		},
		60_000
	);
});
