/**
 * Generated figures for the benchmark: the engine's tables (src/lib/data/engine-tables.ts,
 * written as src/lib/dataset/arrow.ts writes them) for 1,000,000 or 10,000,000 figures, made
 * from the real figures.json. Written to a temporary directory, never committed.
 *
 * Every real figure is a template. It is restated for each of Shanghai's 16 districts (the
 * city-level figures once), for every year back from the bulletin's (periods and dates shifted
 * by whole years, values grown or shrunk a few percent a year and scaled per district), and by
 * four documents of that district and year (the fourth disagreeing slightly, so it is flagged
 * disputed). The unshifted Baoshan rows of the first document are the real rows, unchanged, so
 * the prerendered pages' periods and sectors all find rows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Vector } from 'apache-arrow';
import {
	DIMENSIONS,
	FACTS,
	FIGURE_KEY,
	TEXT,
	type EngineTable
} from '../../src/lib/data/engine-tables.js';
import type { FigureRow } from '../../src/lib/data/schema.js';
import {
	Utf8Builder,
	boolColumn,
	dictionaryColumn,
	numberColumn,
	toIPC,
	valueColumn
} from '../../src/lib/dataset/arrow.js';

export const SYNTHETIC_ROWS = 1_000_000;

/** Shanghai's 16 districts; Baoshan first, so its rows come first. */
export const DISTRICTS: [id: string, zh: string, en: string, scale: number][] = [
	['baoshan', '宝山区', 'Baoshan District', 1],
	['pudong', '浦东新区', 'Pudong New Area', 3.4],
	['huangpu', '黄浦区', 'Huangpu District', 0.6],
	['xuhui', '徐汇区', 'Xuhui District', 0.9],
	['changning', '长宁区', 'Changning District', 0.6],
	['jingan', '静安区', "Jing'an District", 0.8],
	['putuo', '普陀区', 'Putuo District', 0.6],
	['hongkou', '虹口区', 'Hongkou District', 0.5],
	['yangpu', '杨浦区', 'Yangpu District', 0.7],
	['minhang', '闵行区', 'Minhang District', 1.5],
	['jiading', '嘉定区', 'Jiading District', 1.4],
	['jinshan', '金山区', 'Jinshan District', 0.9],
	['songjiang', '松江区', 'Songjiang District', 1.3],
	['qingpu', '青浦区', 'Qingpu District', 1.1],
	['fengxian', '奉贤区', 'Fengxian District', 1],
	['chongming', '崇明区', 'Chongming District', 0.5]
];
export const STATEMENTS = 4;
/** The meeting a synthetic document of the bulletin's year is dated to. */
export const MEETING_DATE = '2024-06-26';

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same table. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Every four-digit year in `text` moved by `shift` (29 February becomes the 28th when needed). */
export function shiftYears(text: string, shift: number): string {
	if (shift === 0) return text;
	return text
		.replace(/(?<!\d)(19|20)(\d\d)(?!\d)/g, (y) => String(Number(y) + shift))
		.replace(/(\d{4})-02-29/g, (d, y: string) => (isLeap(Number(y)) ? d : `${y}-02-28`));
}

function roundLike(template: FigureRow, value: number): number {
	if (template.measure === 'count' || Number.isInteger(template.value)) return Math.round(value);
	return Math.round(value * 100) / 100;
}

/** Values to dictionary codes, and each value's dimension row the first time it is seen. */
class Coded {
	readonly codes: Int32Array;
	readonly values: string[] = [];
	readonly rows: Record<string, unknown>[] = [];
	private index = new Map<string, number>();
	constructor(size: number) {
		this.codes = new Int32Array(size);
	}
	set(i: number, value: string | null, row?: () => Record<string, unknown>): void {
		if (value === null) {
			this.codes[i] = -1;
			return;
		}
		let code = this.index.get(value);
		if (code === undefined) {
			this.index.set(value, (code = this.values.push(value) - 1));
			if (row) this.rows.push(row());
		}
		this.codes[i] = code;
	}
}

export interface Synthetic {
	rows: number;
	/** Bytes of each engine file, by file name. */
	files: Record<string, number>;
	seconds: number;
}

/** Build `rows` figures from the real figures.json and write the engine's tables into `outDir`. */
export function writeSyntheticFigures(
	figuresJson: string,
	outDir: string,
	rows = SYNTHETIC_ROWS
): Synthetic {
	const started = Date.now();
	const templates = JSON.parse(readFileSync(figuresJson, 'utf8')) as FigureRow[];
	const local = templates.filter((t) => t.area_id === 'baoshan');
	const city = templates.filter((t) => t.area_id !== 'baoshan');
	const rand = random(20240626);

	const ids = new Utf8Builder();
	const valueTexts = new Utf8Builder();
	const superseded = new Utf8Builder();
	const value = new Float64Array(rows);
	const baseValue = new Float64Array(rows);
	const quoteStart = new Int32Array(rows);
	const quoteEnd = new Int32Array(rows);
	const derived = new Array<boolean>(rows);
	const disputed = new Array<boolean>(rows);
	const coded = Object.fromEntries(
		FACTS.columns.filter(([, t]) => t === 'DICTIONARY').map(([n]) => [n, new Coded(rows)])
	) as Record<string, Coded>;
	const text = {
		written: new Utf8Builder(),
		formula: new Utf8Builder(),
		inputs: new Utf8Builder()
	};
	const quotes = new Utf8Builder();
	const notes = new Utf8Builder();
	const periods = new Map<string, FigureRow>();

	let n = 0;
	const put = (f: FigureRow) => {
		const i = n++;
		ids.append(f.id);
		valueTexts.append(f.value_text);
		superseded.append(f.superseded_by);
		value[i] = f.value;
		baseValue[i] = f.base_value;
		quoteStart[i] = f.quote_start;
		quoteEnd[i] = f.quote_end;
		derived[i] = f.derived;
		disputed[i] = f.disputed;
		for (const [name, c] of Object.entries(coded)) {
			const dim = DIMENSIONS.find((d) => d.key === name);
			const key = f[name as keyof FigureRow] as string | null;
			c.set(i, key, dim && (() => f as unknown as Record<string, unknown>));
		}
		text.written.append(f.written);
		text.formula.append(f.formula);
		text.inputs.append(f.inputs);
		quotes.append(f.quote);
		notes.append(f.notes);
		const seen = periods.get(f.period);
		if (!seen) periods.set(f.period, f);
		else if (seen.period_start !== f.period_start || seen.period_end !== f.period_end)
			throw new Error(`period ${f.period} shifted to two different spans`);
	};

	const emit = (
		t: FigureRow,
		district: (typeof DISTRICTS)[number] | null,
		shift: number,
		k: number
	) => {
		if (n >= rows) return;
		if (shift === 0 && k === 0 && (district === null || district[0] === 'baoshan')) {
			put(t); // the real row itself
			return;
		}
		const growth = Math.pow(1 + 0.02 + rand() * 0.04, shift);
		const scaled = ['level', 'count', 'target'].includes(t.measure);
		let factor = scaled
			? growth * (district ? district[3] : 1) * (0.9 + rand() * 0.2)
			: 0.8 + rand() * 0.4;
		if (k === STATEMENTS - 1) factor *= 1.01; // the fourth statement disagrees a little
		const v = roundLike(t, t.value * factor);
		const year = t.year + shift;
		const [areaId, areaZh, areaEn] = district ?? [t.area_id, t.area_zh, t.area_en];
		const docYear = 2024 + shift;
		put({
			...t,
			id: `${t.id}~${areaId}~${year}~${k}`,
			bulletin_id: `syn-${docYear}`,
			area_id: areaId,
			area_zh: areaZh,
			area_en: areaEn,
			period: shiftYears(t.period, shift),
			period_start: shiftYears(t.period_start, shift),
			period_end: shiftYears(t.period_end, shift),
			year,
			value: v,
			value_text: String(v),
			written: null,
			base_value: t.value === 0 ? t.base_value : (t.base_value * v) / t.value,
			// one document per district, year and statement, its names the same on all its rows
			doc_id: `syn-${district ? areaId : 'baoshan'}-${docYear}-${k}`,
			doc_title: `${district ? areaZh : '宝山区'}人大常委会公报 ${docYear}（合成）第${k + 1}篇`,
			doc_title_en: `${district ? areaEn : 'Baoshan District'} bulletin ${docYear} (synthetic) no. ${k + 1}`,
			doc_kind: 'report',
			doc_page: 1 + k * 7,
			session: Math.max(1, 21 + shift),
			meeting_date: shiftYears(MEETING_DATE, shift),
			quote: `${year}年${areaZh}${t.indicator_zh}${v}${t.unit}（合成数据）`,
			quote_start: 0,
			quote_end: 0,
			notes: null,
			disputed: k === STATEMENTS - 1 || t.disputed,
			superseded_by: null
		});
	};

	// newest year first: the real rows come first, and the cut trims the oldest year
	for (let shift = 0; n < rows; shift--) {
		for (let k = 0; k < STATEMENTS; k++) {
			for (const district of DISTRICTS) for (const t of local) emit(t, district, shift, k);
			for (const t of city) emit(t, null, shift, k);
		}
	}

	const files: Record<string, number> = {};
	const write = (table: EngineTable, columns: Record<string, Vector>) => {
		const bytes = toIPC(columns);
		writeFileSync(join(outDir, table.file), bytes);
		files[table.file] = bytes.byteLength;
	};
	const key = numberColumn(
		'INTEGER',
		Int32Array.from({ length: n }, (_, i) => i)
	);
	const plain: Record<string, Vector> = {
		[FIGURE_KEY]: key,
		id: ids.finish(),
		value: numberColumn('DOUBLE', value),
		value_text: valueTexts.finish(),
		base_value: numberColumn('DOUBLE', baseValue),
		derived: boolColumn(derived),
		quote_start: numberColumn('INTEGER', quoteStart),
		quote_end: numberColumn('INTEGER', quoteEnd),
		disputed: boolColumn(disputed),
		superseded_by: superseded.finish()
	};
	write(
		FACTS,
		Object.fromEntries(
			FACTS.columns.map(([name, type]) => [
				name,
				type === 'DICTIONARY'
					? dictionaryColumn(coded[name]!.codes, coded[name]!.values)
					: plain[name]!
			])
		)
	);
	write(TEXT, {
		[FIGURE_KEY]: key,
		written: text.written.finish(),
		formula: text.formula.finish(),
		inputs: text.inputs.finish(),
		quote: quotes.finish(),
		notes: notes.finish()
	});
	for (const dim of DIMENSIONS) {
		const dimRows = coded[dim.key]!.rows;
		write(
			dim,
			Object.fromEntries(
				dim.columns.map(([name, type]) => [
					name,
					valueColumn(
						type,
						dimRows.map((r) => r[name])
					)
				])
			)
		);
	}
	return { rows: n, files, seconds: (Date.now() - started) / 1000 };
}
