/**
 * The reader of the hand-kept CSV files under data/: RFC 4180 quoting ("a ""b""", commas inside
 * quotes), UTF-8 with or without a byte-order mark, LF or CRLF, empty lines skipped. One record
 * is one line: a field may not hold a line break, so a stray quote can never swallow the rows
 * after it as one valid field. A bad line gives one problem and reading goes on at the next.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { visible } from './decimal.js';
import { columnKey, type Rejection, type SourceRow } from './table.js';

export interface CsvFile {
	file: string;
	header: string[];
	rows: SourceRow[];
	problems: Rejection[];
	/** Unreadable: no header to check, so its columns are not reported missing one by one. */
	broken?: boolean;
	/** The ids (a best guess) of rows left out for a syntax error, so no formula over them is
	 * reported again as naming an unknown figure. */
	unread: string[];
}

interface Split {
	cells: string[];
	/** The first thing wrong with the line, and the 0-based index of the field it is in. */
	problem?: { cell: number; message: string };
}

/** One line cut into cells, and the first quoting error if there is one. */
function splitLine(line: string): Split {
	const cells: string[] = [];
	let problem: Split['problem'];
	let at = 0;
	for (;;) {
		const n = cells.length;
		if (line[at] === '"') {
			let cell = '';
			let from = at + 1;
			for (;;) {
				const quote = line.indexOf('"', from);
				if (quote < 0) {
					problem ??= {
						cell: n,
						message: `the quote opened at column ${at + 1} is not closed on this line (a field cannot hold a line break)`
					};
					cell += line.slice(from);
					at = line.length;
					break;
				}
				cell += line.slice(from, quote);
				if (line[quote + 1] === '"') {
					cell += '"';
					from = quote + 2;
					continue;
				}
				at = quote + 1;
				break;
			}
			if (at < line.length && line[at] !== ',') {
				problem ??= {
					cell: n,
					message: `text after the closing quote at column ${at + 1}: quote the whole field`
				};
				const comma = line.indexOf(',', at);
				cell += line.slice(at, comma < 0 ? line.length : comma);
				at = comma < 0 ? line.length : comma;
			}
			cells.push(cell);
			if (at >= line.length) return { cells, problem };
			at++;
		} else {
			const comma = line.indexOf(',', at);
			const cell = line.slice(at, comma < 0 ? line.length : comma);
			const quote = cell.indexOf('"');
			if (quote >= 0)
				problem ??= {
					cell: n,
					message: `a quote inside an unquoted field at column ${at + quote + 1}: quote the field and double its quotes ("a ""b""")`
				};
			cells.push(cell);
			if (comma < 0) return { cells, problem };
			at = comma + 1;
		}
	}
}

function duplicateColumns(file: string, line: number, header: string[]): Rejection[] {
	const first = new Map<string, number>();
	const problems: Rejection[] = [];
	header.forEach((name, i) => {
		const key = columnKey(name);
		const earlier = first.get(key);
		if (earlier === undefined) return void first.set(key, i);
		const same = header[earlier] === name;
		problems.push({
			file,
			line,
			field: header[earlier]!,
			reason: 'duplicate-column',
			message: same
				? `column "${visible(name)}" appears twice, at positions ${earlier + 1} and ${i + 1}`
				: `column "${visible(header[earlier]!)}" at position ${earlier + 1} appears again as "${visible(name)}" at position ${i + 1}`
		});
	});
	return problems;
}

/** Parse the text of one CSV file; every problem names `file` and the line it is on. */
export function parseCsv(text: string, file: string): CsvFile {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
	const problems: Rejection[] = [];
	const syntax = (line: number, field: string, message: string) =>
		problems.push({ file, line, field, reason: 'csv-syntax', message });
	let header: string[] | null = null;
	let headerLine = 1;
	const rows: SourceRow[] = [];
	const unread: string[] = [];
	for (const [i, text] of lines.entries()) {
		const line = i + 1;
		if (text === '') continue;
		const { cells, problem } = splitLine(text);
		if (!header) {
			// a column name has no comma, so a header with a quoting error is still read by commas
			header = (problem ? text.replace(/"/g, '').split(',') : cells).map((h) => h.trim());
			headerLine = line;
			if (problem) syntax(line, '(header)', `column ${problem.cell + 1}: ${problem.message}`);
			problems.push(...duplicateColumns(file, line, header));
			continue;
		}
		const id = cells[header.indexOf('id')]?.trim();
		if ((problem || cells.length !== header.length) && id) unread.push(id);
		if (problem) {
			syntax(line, header[problem.cell] || `(field ${problem.cell + 1})`, problem.message);
			continue;
		}
		if (cells.length !== header.length) {
			const hint =
				cells.length > header.length ? 'an unquoted comma?' : 'a missing comma or a cut line?';
			syntax(
				line,
				'(row)',
				`${cells.length} fields where the header has ${header.length} (${hint})`
			);
			continue;
		}
		const values: Record<string, string> = {};
		const raw: Record<string, string> = {};
		for (const [j, h] of header.entries()) {
			if (h in raw) continue; // a duplicated column: the first one counts, and is reported
			raw[h] = cells[j]!;
			values[h] = cells[j]!.trim();
		}
		rows.push({ file, line, values, raw });
	}
	if (!header) {
		syntax(headerLine, '(file)', 'the file is empty: no header line');
		return { file, header: [], rows, problems, broken: true, unread };
	}
	return { file, header, rows, problems, unread };
}

/** Read one curated CSV; an unreadable file or a syntax error is a problem, never a throw. */
export function readCsv(path: string, root = process.cwd()): CsvFile {
	const file = relative(root, path);
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		return {
			file,
			header: [],
			rows: [],
			unread: [],
			broken: true,
			problems: [
				{
					file,
					line: 1,
					field: '(file)',
					reason: 'csv-syntax',
					message: `cannot be read: ${(error as Error).message}`
				}
			]
		};
	}
	return parseCsv(text, file);
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
