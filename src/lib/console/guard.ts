/**
 * What the SQL console lets a reader run: one read-only query over the shipped tables. The
 * engine is also locked (no external access, configuration locked), so this check is the
 * first line, there to say clearly why something is refused, not the only one.
 */

export type Refusal =
	| 'empty'
	| 'too-long'
	| 'several-statements'
	| 'not-a-query'
	| 'file-or-url'
	| 'extension'
	| 'attach'
	| 'copy-or-export'
	| 'settings';

export type GuardResult =
	{ ok: true; sql: string } | { ok: false; reason: Refusal; message: { zh: string; en: string } };

/** The text with comments removed and string and identifier literals blanked, same length. */
export function blankLiterals(sql: string): string {
	let out = '';
	for (let i = 0; i < sql.length; i++) {
		const ch = sql[i]!;
		const next = sql[i + 1];
		if (ch === '-' && next === '-') {
			const end = sql.indexOf('\n', i);
			const stop = end < 0 ? sql.length : end;
			out += ' '.repeat(stop - i);
			i = stop - 1;
		} else if (ch === '/' && next === '*') {
			const end = sql.indexOf('*/', i + 2);
			const stop = end < 0 ? sql.length : end + 2;
			out += ' '.repeat(stop - i);
			i = stop - 1;
		} else if (ch === "'" || ch === '"') {
			let j = i + 1;
			while (j < sql.length && !(sql[j] === ch && sql[j + 1] !== ch)) j += sql[j] === ch ? 2 : 1;
			out +=
				ch + ' '.repeat(Math.max(0, Math.min(j, sql.length) - i - 1)) + (j < sql.length ? ch : '');
			i = j;
		} else out += ch;
	}
	return out;
}

/** The longest query the console runs; a permalink (`?q=`) must be able to hold it too. */
export const MAX_QUERY_LENGTH = 20_000;

const READ_STARTS =
	/^(select|with|from|values|describe|show|summarize|explain|table|pivot|unpivot)\b/i;
/** Statements that change data or the database, wherever they stand (a CTE may end in one). */
const WRITES =
	/\b(insert\s+(or\s+\w+\s+)?into|update\s+\S+\s+set|delete\s+from|create\s+(or\s+replace\s+)?(temp\w*\s+)?(table|view|macro|schema|sequence|type|index|function|secret)|drop\s+\w+|alter\s+\w+|truncate\b|merge\s+into|vacuum\b|checkpoint\b|begin\s+transaction|commit\b|rollback\b|prepare\s+\w+|execute\s+\w+|deallocate\b|comment\s+on)/i;
const FILE_FUNCTIONS =
	/\b(read_\w+|\w+_scan|glob|parquet_\w+|sniff_csv|read_text|read_blob|query_table|getvariable)\s*\(/i;

const MESSAGES: Record<Refusal, { zh: string; en: string }> = {
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
		zh: '控制台只读：只能运行 SELECT、WITH、DESCRIBE、SUMMARIZE 等查询，不能修改数据。',
		en: 'The console is read-only: SELECT, WITH, DESCRIBE, SUMMARIZE and the like, nothing that changes data.'
	},
	'file-or-url': {
		zh: '不能读取文件或网址：本站不向外部发送任何请求，请查询已载入的表。',
		en: 'Files and web addresses cannot be read: this site sends no request outside itself. Query the loaded tables.'
	},
	extension: { zh: '不能安装或加载扩展。', en: 'Extensions cannot be installed or loaded.' },
	attach: { zh: '不能附加其他数据库。', en: 'Other databases cannot be attached.' },
	'copy-or-export': {
		zh: '不能写出文件；请用“导出”按钮下载结果。',
		en: 'Nothing can be written to files; use the export buttons to download results.'
	},
	settings: { zh: '不能更改引擎设置。', en: 'Engine settings cannot be changed.' }
};

function refuse(reason: Refusal): GuardResult {
	return { ok: false, reason, message: MESSAGES[reason] };
}

export function guardSql(input: string): GuardResult {
	if (input.length > MAX_QUERY_LENGTH) return refuse('too-long');
	const sql = input.trim().replace(/;\s*$/, '');
	const bare = blankLiterals(sql).trim();
	if (bare === '') return refuse('empty');
	if (bare.includes(';')) return refuse('several-statements');
	if (/\b(install|load|force\s+install)\b/i.test(bare) && !READ_STARTS.test(bare))
		return refuse('extension');
	if (/^\s*(attach|detach|use)\b/i.test(bare)) return refuse('attach');
	if (/^\s*(copy|export|import)\b/i.test(bare)) return refuse('copy-or-export');
	if (/^\s*(set|reset|pragma|call)\b/i.test(bare)) return refuse('settings');
	// a misspelt query goes to the engine, which says where the mistake is; a write never does
	if (WRITES.test(bare)) return refuse('not-a-query');
	// a URL or path can only hide in a string literal, which is blank in `bare`: look at the raw text
	if (/\b(https?|s3|gcs|gs|r2|azure|az|hf|file):\/\//i.test(sql) || FILE_FUNCTIONS.test(bare))
		return refuse('file-or-url');
	if (/\bfrom\s+'/i.test(sql) || /\bjoin\s+'/i.test(sql)) return refuse('file-or-url');
	return { ok: true, sql };
}
