/**
 * Running a reader's query on a connection of the console's engine, as plan.ts writes it: the
 * engine's parser decides what is a query, the engine enforces the limits, and every value
 * arrives exactly. Knows nothing of the browser, so the same code is tested in Node against the
 * same DuckDB-WASM build.
 */
import type { RecordBatch } from 'apache-arrow';
import { toCsvRows } from '$lib/data/csv.js';
import {
	describeSql,
	LIMITS,
	limitHit,
	MAX_QUERY_LENGTH,
	offsetInDescribe,
	offsetInResult,
	planColumns,
	resultSql,
	statementOf,
	type ColumnKind,
	type Limits,
	type PlannedColumn
} from './plan.js';

/** What the console needs of a connection: each statement prepared alone, its answer streamed. */
export interface ConsoleConnection {
	stream(sql: string): Promise<AsyncIterable<RecordBatch> | Iterable<RecordBatch>>;
}

export interface ResultColumn {
	name: string;
	/** DuckDB's type (BIGINT, DECIMAL(18,3), TIMESTAMP…). */
	type: string;
	kind: ColumnKind;
	/** The values are DuckDB's own text for them (exact past what a JavaScript number holds). */
	asText: boolean;
}

export interface ResultSet {
	columns: ResultColumn[];
	rows: unknown[][];
	/** Milliseconds from sending the query to the last row. */
	elapsed: number;
	/** True when the result was cut at the row limit. */
	truncated: boolean;
}

export type Refusal =
	| 'empty'
	| 'too-long'
	| 'several-statements'
	| 'not-a-query'
	| 'file-or-url'
	| 'cell-limit'
	| 'total-limit'
	| 'time-limit'
	| 'engine-stopped';

type Message = { zh: string; en: string };

const MESSAGES: Record<Exclude<Refusal, 'time-limit' | 'engine-stopped'>, Message> = {
	empty: { zh: '请输入一条查询。', en: 'Type a query.' },
	'too-long': {
		zh: `查询过长，未运行：控制台只运行 ${MAX_QUERY_LENGTH.toLocaleString('en')} 个字符以内的查询。编辑器中的文字保持不变。`,
		en: `The query is too long and was not run: the console runs queries of up to ${MAX_QUERY_LENGTH.toLocaleString('en')} characters. Your text stays in the editor.`
	},
	'several-statements': {
		zh: '一次只能运行一条查询（请删去分号后的语句）。',
		en: 'Run one query at a time (remove the statement after the semicolon).'
	},
	'not-a-query': {
		zh: '控制台只读：只能运行查询（SELECT、WITH、FROM、VALUES、DESCRIBE、SUMMARIZE、SHOW 等），不能修改数据、更改设置、附加数据库、读写文件或加载扩展。',
		en: 'The console is read-only: it runs queries (SELECT, WITH, FROM, VALUES, DESCRIBE, SUMMARIZE, SHOW…) and nothing that changes data or settings, attaches databases, reads or writes files, or loads extensions.'
	},
	'file-or-url': {
		zh: '不能读取文件或网址：本站不向外部发送任何请求，请查询已载入的表。',
		en: 'Files and web addresses cannot be read: this site sends no request outside itself. Query the loaded tables.'
	},
	'cell-limit': {
		zh: `结果过大，已停止：一个值最多 ${LIMITS.cell.toLocaleString('en')} 字节。`,
		en: `The result is too large and was stopped: one value may take up to ${LIMITS.cell.toLocaleString('en')} bytes.`
	},
	'total-limit': {
		zh: `结果过大，已停止：结果最多 ${(LIMITS.total / 1e6).toLocaleString('en')} MB。请用 LIMIT 或筛选条件缩小结果。`,
		en: `The result is too large and was stopped: a result may take up to ${(LIMITS.total / 1e6).toLocaleString('en')} MB. Narrow it with LIMIT or a filter.`
	}
};

/** A query the console does not run, with why, in both languages. */
export class RefusedError extends Error {
	constructor(
		readonly reason: Refusal,
		readonly text: Message,
		/** The engine's own words, where it gave them. */
		readonly detail: string | null = null
	) {
		super(text.en);
	}
}

/** An error of the engine, its position mapped back into the reader's text. */
export class QueryError extends Error {
	constructor(
		message: string,
		/** Offset into the reader's query, if the engine gave one. */
		readonly position: number | null
	) {
		super(message);
	}
}

function refuse(
	reason: keyof typeof MESSAGES,
	detail: string | null = null,
	extra = ''
): RefusedError {
	const text = MESSAGES[reason];
	return new RefusedError(
		reason,
		extra ? { zh: `${text.zh}${extra}`, en: `${text.en}${extra}` } : text,
		detail
	);
}

/** The text of an engine error: DuckDB-WASM sends JSON, the Node build plain text. */
function engineMessage(error: unknown): { message: string; position: number | null } {
	const raw = error instanceof Error ? error.message : String(error);
	try {
		const parsed = JSON.parse(raw) as {
			exception_type?: string;
			exception_message?: string;
			position?: string;
		};
		if (parsed.exception_message) {
			const position = parsed.position === undefined ? null : Number(parsed.position);
			return {
				message: `${parsed.exception_type ? `${parsed.exception_type} Error: ` : ''}${parsed.exception_message}`,
				position: Number.isFinite(position) ? position : null
			};
		}
	} catch {
		// not JSON: plain text
	}
	return { message: raw, position: null };
}

/**
 * The engine's message as the reader's query gives it: the quoted lines of the wrapper (LINE n:
 * … ^) are dropped, since the page marks the place in the reader's own text instead.
 */
function readerError(error: unknown, sql: string, offset: number, prefix: string): QueryError {
	const { message, position } = engineMessage(error);
	let at = position === null ? null : position - offset;
	// the Node build and some browser errors give the place as a quoted line and a caret instead
	const caret = /LINE (\d+): (.*)\n([ \t]*)\^/.exec(message);
	if (at === null && caret && !caret[2]!.startsWith('...')) {
		const line = Number(caret[1]) - (prefix.split('\n').length - 1);
		const column = caret[3]!.length - `LINE ${caret[1]}: `.length;
		const lines = sql.split('\n');
		if (line >= 1 && line <= lines.length)
			at = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column;
	}
	const shown = message.replace(/\n+LINE \d+:[^\n]*\n[ \t]*\^[^\n]*/g, '').trim();
	return new QueryError(shown, at !== null && at >= 0 && at <= sql.length ? at : null);
}

/** Keywords a statement that is not a query starts with, to say why it was refused. */
const NOT_A_QUERY =
	/^(insert|update|delete|merge|upsert|create|drop|alter|truncate|attach|detach|use|copy|export|import|install|load|force|set|reset|pragma|call|checkpoint|vacuum|begin|start|commit|end|rollback|abort|prepare|execute|deallocate|comment|grant|revoke|analyze|explain)\b/i;

/** The first word of the query, past comments and opening parentheses. */
function firstWord(sql: string): string {
	return sql.replace(/^(\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/|\()+/, '').slice(0, 20);
}

/** Refuses a query DuckDB's parser does not take as one query, saying why. */
function refusal(error: QueryError, sql: string): RefusedError | null {
	// inside the parentheses a second statement is a syntax error at its semicolon
	if (/multiple statements|syntax error at or near ";"/i.test(error.message))
		return refuse('several-statements', error.message);
	// the engine has external access switched off: say so in the reader's words
	if (
		/^Permission Error/i.test(error.message) ||
		/Table with name \S*(:\/\/|\/)\S* does not exist/.test(error.message)
	)
		return refuse('file-or-url', error.message);
	if (/^Parser Error/i.test(error.message) && NOT_A_QUERY.test(firstWord(sql)))
		return refuse('not-a-query', error.message);
	return null;
}

/** Collect an answer's rows, stopping when `stop` says so. */
async function collect(
	batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
	stop: () => boolean
): Promise<unknown[][]> {
	const rows: unknown[][] = [];
	for await (const batch of batches) {
		if (stop()) break;
		const vectors = batch.schema.fields.map((_, i) => batch.getChildAt(i));
		for (let r = 0; r < batch.numRows; r++) rows.push(vectors.map((v) => plainValue(v?.get(r))));
	}
	return rows;
}

/** An Arrow value as a page and a file hold it (only exact types arrive as Arrow values). */
function plainValue(value: unknown): unknown {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return Number(value);
	return value;
}

/**
 * Run one query: its columns from DESCRIBE, then its rows. `cancelled` is asked between
 * batches. Throws RefusedError (not a query, a limit) or QueryError (the engine's error).
 */
export async function executeQuery(
	conn: ConsoleConnection,
	text: string,
	options: { limits?: Limits; cancelled?: () => boolean } = {}
): Promise<ResultSet> {
	const limits = options.limits ?? LIMITS;
	const cancelled = options.cancelled ?? (() => false);
	if (text.length > MAX_QUERY_LENGTH) throw refuse('too-long');
	const sql = statementOf(text);
	if (!sql) throw refuse('empty');
	const started = performance.now();
	let planned: PlannedColumn[];
	try {
		const described = await collectObjects(await conn.stream(describeSql(sql)));
		planned = planColumns(described as { column_name: string; column_type: string }[]);
	} catch (error) {
		const failed = readerError(error, sql, offsetInDescribe(), 'DESCRIBE (\n');
		throw refusal(failed, sql) ?? failed;
	}
	let rows: unknown[][];
	try {
		rows = await collect(await conn.stream(resultSql(sql, planned, limits)), cancelled);
	} catch (error) {
		const offset = offsetInResult(planned, limits);
		const failed = readerError(error, sql, offset, resultSql('', planned, limits).slice(0, offset));
		const hit = limitHit(failed.message);
		if (hit?.limit === 'cell') {
			const name = planned[hit.column]?.name ?? '';
			throw refuse('cell-limit', null, ` (${name})`);
		}
		if (hit?.limit === 'total') throw refuse('total-limit');
		throw refusal(failed, sql) ?? failed;
	}
	const truncated = rows.length > limits.rows;
	if (truncated) rows.length = limits.rows;
	return {
		columns: planned.map(({ name, type, kind, asText }) => ({ name, type, kind, asText })),
		rows,
		elapsed: performance.now() - started,
		truncated
	};
}

async function collectObjects(
	batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>
): Promise<Record<string, unknown>[]> {
	const out: Record<string, unknown>[] = [];
	for await (const batch of batches)
		for (let r = 0; r < batch.numRows; r++) out.push({ ...batch.get(r)?.toJSON() });
	return out;
}

/** A number column's value as a number for a chart (exact text parsed; the table keeps the text). */
export function numberOf(value: unknown): number | null {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value.trim() !== '') {
		const n = Number(value);
		return Number.isFinite(n) ? n : null;
	}
	return null;
}

/**
 * The result as CSV: by column position, so two columns of one name stay apart; text that a
 * spreadsheet would take for a formula is neutralised, numbers are written as they are.
 */
export function resultToCsv(result: ResultSet): string {
	return toCsvRows(
		result.columns.map((c) => c.name),
		result.rows,
		result.columns.map((c) => c.kind !== 'number')
	);
}
