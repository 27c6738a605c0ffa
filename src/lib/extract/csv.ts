import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Rejection, SourceRow } from './table.js';

export interface CsvFile {
	file: string;
	header: string[];
	rows: SourceRow[];
	problems: Rejection[];
}

/** Read one curated CSV; a syntax error becomes a problem naming its line, never a throw. */
export function readCsv(path: string, root = process.cwd()): CsvFile {
	const file = relative(root, path);
	const text = readFileSync(path, 'utf8');
	try {
		const records = parse(text, {
			bom: true,
			info: true,
			skip_empty_lines: true,
			relax_column_count: true
		}) as unknown as {
			record: string[];
			info: { lines: number };
		}[];
		const [head, ...body] = records;
		const header = (head?.record ?? []).map((h) => h.trim());
		const problems: Rejection[] = [];
		const rows: SourceRow[] = [];
		for (const { record, info } of body) {
			if (record.length !== header.length) {
				problems.push({
					file,
					line: info.lines,
					field: '(row)',
					reason: 'csv-syntax',
					message: `${record.length} fields where the header has ${header.length} (an unquoted comma?)`
				});
				continue;
			}
			const values: Record<string, string> = {};
			const raw: Record<string, string> = {};
			header.forEach((h, i) => {
				raw[h] = record[i]!;
				values[h] = record[i]!.trim();
			});
			rows.push({ file, line: info.lines, values, raw });
		}
		return { file, header, rows, problems };
	} catch (error) {
		const e = error as Error & { lines?: number };
		return {
			file,
			header: [],
			rows: [],
			problems: [
				{ file, line: e.lines ?? 1, field: '(file)', reason: 'csv-syntax', message: e.message }
			]
		};
	}
}

/** Every *.csv in a folder, in name order (a missing folder has none). */
export function readCsvDir(dir: string, root = process.cwd()): CsvFile[] {
	let names: string[];
	try {
		names = readdirSync(dir)
			.filter((n) => n.endsWith('.csv'))
			.sort();
	} catch {
		return [];
	}
	return names.map((name) => readCsv(join(dir, name), root));
}
