/**
 * Tables printed as text: a title line (表1 2024年…), a header row naming each column with its
 * unit in brackets (产值（亿元）, 比上年增长（%）), then rows of cells split by tabs or runs of
 * spaces. A number in a cell takes its unit, measure and period from the column and the title.
 */

export interface TableCell {
	/** The column's heading as printed (比上年增长（%）). */
	header: string;
	/** The unit in the heading's brackets, or ''. */
	unit: string;
	/** The table's title line, or '' when none stands above the header. */
	title: string;
}

const CELL_SPLIT = /\t+| {2,}|\u3000+/;
const NUMERIC = /^[-+]?[\d.,]+$/;
/** How many lines above a row its header may stand. */
const REACH = 30;

function cellsOf(line: string): string[] {
	return line
		.trim()
		.split(CELL_SPLIT)
		.map((c) => c.trim())
		.filter(Boolean);
}

/** The cell holding offset `at`, read as part of a table, or null when `at` is in no table row. */
export function tableCell(text: string, at: number): TableCell | null {
	const lineStart = text.lastIndexOf('\n', at - 1) + 1;
	const lineEnd = text.indexOf('\n', at);
	const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
	const cells = cellsOf(line);
	if (cells.length < 2 || !cells.some((c) => NUMERIC.test(c))) return null;
	// the index of the cell holding `at`: count the cells that end before it
	const upTo = cellsOf(line.slice(0, at - lineStart + 1));
	const index = upTo.length - 1;
	// the lines above, nearest first, read only as far as a header can stand
	const lines: string[] = [];
	for (let end = lineStart - 1; end > 0 && lines.length <= REACH;) {
		const start = text.lastIndexOf('\n', end - 1) + 1;
		lines.push(text.slice(start, end));
		end = start - 1;
	}
	for (let i = 0; i < Math.min(lines.length, REACH); i++) {
		const candidate = cellsOf(lines[i]!);
		if (candidate.length === 0) return null;
		if (candidate.length !== cells.length || candidate.some((c) => NUMERIC.test(c))) continue;
		const header = candidate[index] ?? '';
		const unit = /[（(]([^）)]+)[）)]/.exec(header)?.[1] ?? '';
		const title = (lines[i + 1] ?? '').trim();
		return {
			header,
			unit,
			title: title.length <= 60 && cellsOf(title).length <= 2 ? title : ''
		};
	}
	return null;
}
