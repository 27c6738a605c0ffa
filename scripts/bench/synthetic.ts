/**
 * A generated figures table of exactly 1,000,000 rows with the columns and Arrow types of the
 * real one (FIGURE_COLUMNS, written as src/lib/dataset/write.ts writes it), for the
 * million-row interaction benchmark. Written to a temporary directory, never committed.
 *
 * Every real figure is a template. It is restated for each of Shanghai's 16 districts (the
 * city-level figures once), for every year back from the bulletin's (periods, dates and meeting
 * dates shifted by whole years, values grown or shrunk a few percent a year and scaled per
 * district), and by up to four documents of that year (the fourth disagreeing slightly, so it
 * is flagged disputed). The unshifted Baoshan rows of the first document are the real rows,
 * unchanged, so the prerendered pages' periods and sectors all find rows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
	Bool,
	Float64,
	Int32,
	Table,
	Utf8,
	makeData,
	makeVector,
	tableFromIPC,
	tableToIPC,
	type Vector
} from 'apache-arrow';
import { FIGURE_COLUMNS, type ColumnType, type FigureRow } from '../../src/lib/data/schema.js';

export const SYNTHETIC_ROWS = 1_000_000;

/**
 * One column as an Arrow vector of the type FIGURE_COLUMNS gives it (Utf8, Float64, Int32,
 * Bool: what write.ts's vectorFromArray makes), built directly from the values: a million
 * strings through Arrow's generic builder take minutes, this takes seconds.
 */
function column(type: ColumnType, values: unknown[]): Vector {
	const length = values.length;
	const validity = new Uint8Array((length + 7) >> 3);
	let nullCount = 0;
	for (let i = 0; i < length; i++) {
		if (values[i] === null || values[i] === undefined) nullCount++;
		else validity[i >> 3]! |= 1 << (i & 7);
	}
	const nullBitmap = nullCount ? validity : undefined;
	if (type === 'VARCHAR') {
		const encoder = new TextEncoder();
		const seen = new Map<string, Uint8Array>();
		const bytes: (Uint8Array | null)[] = new Array(length);
		const valueOffsets = new Int32Array(length + 1);
		let total = 0;
		for (let i = 0; i < length; i++) {
			const v = values[i];
			if (v !== null && v !== undefined) {
				const text = String(v);
				let b = seen.get(text);
				if (!b) seen.set(text, (b = encoder.encode(text)));
				bytes[i] = b;
				total += b.length;
			} else bytes[i] = null;
			valueOffsets[i + 1] = total;
		}
		const data = new Uint8Array(total);
		for (let i = 0; i < length; i++) if (bytes[i]) data.set(bytes[i]!, valueOffsets[i]!);
		return makeVector(
			makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets, data })
		);
	}
	if (type === 'DOUBLE') {
		const data = Float64Array.from(values, (v) => (typeof v === 'number' ? v : 0));
		return makeVector(makeData({ type: new Float64(), length, nullCount, nullBitmap, data }));
	}
	if (type === 'INTEGER') {
		const data = Int32Array.from(values, (v) => (typeof v === 'number' ? v : 0));
		return makeVector(makeData({ type: new Int32(), length, nullCount, nullBitmap, data }));
	}
	const data = new Uint8Array((length + 7) >> 3);
	for (let i = 0; i < length; i++) if (values[i] === true) data[i >> 3]! |= 1 << (i & 7);
	return makeVector(makeData({ type: new Bool(), length, nullCount, nullBitmap, data }));
}

/** Shanghai's 16 districts; Baoshan first, so its rows come first. */
const DISTRICTS: [id: string, zh: string, en: string, scale: number][] = [
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
const STATEMENTS = 4;

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
function shiftYears(text: string, shift: number): string {
	if (shift === 0) return text;
	return text
		.replace(/(?<!\d)(19|20)(\d\d)(?!\d)/g, (y) => String(Number(y) + shift))
		.replace(/(\d{4})-02-29/g, (d, y: string) => (isLeap(Number(y)) ? d : `${y}-02-28`));
}

function readRows(arrowFile: string): FigureRow[] {
	const table = tableFromIPC(readFileSync(arrowFile));
	return table.toArray().map((r) => ({ ...r.toJSON() }) as FigureRow);
}

function roundLike(template: FigureRow, value: number): number {
	if (template.measure === 'count' || Number.isInteger(template.value)) return Math.round(value);
	return Math.round(value * 100) / 100;
}

/** Build the million rows from the real figures.arrow and write them to `outFile`. */
export function writeSyntheticFigures(
	realArrow: string,
	outFile: string
): { rows: number; bytes: number; seconds: number } {
	const started = Date.now();
	const templates = readRows(realArrow);
	const local = templates.filter((t) => t.area_id === 'baoshan');
	const city = templates.filter((t) => t.area_id !== 'baoshan');
	const rand = random(20240626);
	const columns = new Map<keyof FigureRow, unknown[]>(
		FIGURE_COLUMNS.map(([name]) => [name, new Array<unknown>(SYNTHETIC_ROWS)])
	);
	const put = (i: number, row: FigureRow) => {
		for (const [name] of FIGURE_COLUMNS) columns.get(name)![i] = row[name];
	};

	let n = 0;
	const emit = (
		t: FigureRow,
		district: (typeof DISTRICTS)[number] | null,
		shift: number,
		k: number
	) => {
		if (n >= SYNTHETIC_ROWS) return;
		if (shift === 0 && k === 0 && (district === null || district[0] === 'baoshan')) {
			put(n++, t); // the real row itself
			return;
		}
		const growth = Math.pow(1 + 0.02 + rand() * 0.04, shift);
		const scaled = ['level', 'count', 'target'].includes(t.measure);
		let factor = scaled
			? growth * (district ? district[3] : 1) * (0.9 + rand() * 0.2)
			: 0.8 + rand() * 0.4;
		if (k === STATEMENTS - 1) factor *= 1.01; // the fourth statement disagrees a little
		const value = roundLike(t, t.value * factor);
		const baseValue = t.value === 0 ? t.base_value : (t.base_value * value) / t.value;
		const year = t.year + shift;
		const [areaId, areaZh, areaEn] = district ?? [t.area_id, t.area_zh, t.area_en];
		const docId = `syn-${areaId}-${year}-${k}`;
		const areaZhName = district ? areaZh : '宝山区';
		put(n++, {
			...t,
			id: `${t.id}~${areaId}~${year}~${k}`,
			bulletin_id: `syn-${year}`,
			area_id: areaId,
			area_zh: areaZh,
			area_en: areaEn,
			period: shiftYears(t.period, shift),
			period_start: shiftYears(t.period_start, shift),
			period_end: shiftYears(t.period_end, shift),
			year,
			value,
			value_text: String(value),
			written: null,
			base_value: baseValue,
			doc_id: docId,
			doc_title: `${areaZhName}人大常委会公报 ${year}（合成）第${k + 1}篇`,
			doc_title_en: `${district ? areaEn : 'Baoshan District'} bulletin ${year} (synthetic) no. ${k + 1}`,
			doc_page: 1 + ((t.doc_page + k * 7) % 80),
			session: Math.max(1, t.session + shift),
			meeting_date: shiftYears(t.meeting_date, shift),
			quote: `${year}年${areaZh}${t.indicator_zh}${value}${t.unit}（合成数据）`,
			quote_start: 0,
			quote_end: 0,
			notes: null,
			disputed: k === STATEMENTS - 1 || t.disputed,
			superseded_by: null
		});
	};

	// newest year first: the real rows come first, and the cut at a million trims the oldest year
	for (let shift = 0; n < SYNTHETIC_ROWS; shift--) {
		for (let k = 0; k < STATEMENTS; k++) {
			for (const district of DISTRICTS) for (const t of local) emit(t, district, shift, k);
			for (const t of city) emit(t, null, shift, k);
		}
	}

	const vectors = Object.fromEntries(
		FIGURE_COLUMNS.map(([name, type]) => [name, column(type, columns.get(name)!)])
	);
	const bytes = tableToIPC(new Table(vectors), 'stream');
	writeFileSync(outFile, bytes);
	return { rows: n, bytes: bytes.byteLength, seconds: (Date.now() - started) / 1000 };
}
