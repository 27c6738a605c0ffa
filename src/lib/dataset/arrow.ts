/**
 * The engine's tables (src/lib/data/engine-tables.ts) as Arrow IPC streams: what the browser
 * hands to DuckDB-WASM's insertArrowFromIPCStream. Columns are built straight from their
 * values (Arrow's generic builder takes minutes for a million strings; the benchmark's
 * generated tables use these too).
 */
import {
	Bool,
	Dictionary,
	Float64,
	Int16,
	Int32,
	Int8,
	Schema,
	Table,
	Utf8,
	makeData,
	makeVector,
	tableToIPC,
	type Vector
} from 'apache-arrow';
import {
	DIMENSIONS,
	FACTS,
	FIGURE_KEY,
	TEXT,
	type EngineColumnType,
	type EngineTable
} from '../data/engine-tables.js';
import { DATASET_VERSION_KEY } from '../data/dataset-version.js';
import type { FigureRow } from '../data/schema.js';

function validity(length: number, isNull: (i: number) => boolean) {
	const bitmap = new Uint8Array((length + 7) >> 3);
	let nullCount = 0;
	for (let i = 0; i < length; i++) {
		if (isNull(i)) nullCount++;
		else bitmap[i >> 3]! |= 1 << (i & 7);
	}
	return { nullCount, nullBitmap: nullCount ? bitmap : undefined };
}

/** Text, each distinct string encoded once. */
export function utf8Column(values: readonly (string | null | undefined)[]): Vector {
	const length = values.length;
	const encoder = new TextEncoder();
	const seen = new Map<string, Uint8Array>();
	const bytes: (Uint8Array | null)[] = new Array(length);
	const valueOffsets = new Int32Array(length + 1);
	let total = 0;
	for (let i = 0; i < length; i++) {
		const v = values[i];
		if (v !== null && v !== undefined) {
			let b = seen.get(v);
			if (!b) seen.set(v, (b = encoder.encode(v)));
			bytes[i] = b;
			total += b.length;
		} else bytes[i] = null;
		valueOffsets[i + 1] = total;
	}
	const data = new Uint8Array(total);
	for (let i = 0; i < length; i++) if (bytes[i]) data.set(bytes[i]!, valueOffsets[i]!);
	const { nullCount, nullBitmap } = validity(length, (i) => bytes[i] === null);
	return makeVector(
		makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets, data })
	);
}

/**
 * Text appended row by row into one growing buffer, for columns of millions of rows (the
 * benchmark's generated figures): no string is kept once it is encoded.
 */
export class Utf8Builder {
	private data = new Uint8Array(1 << 16);
	private offsets = new Int32Array(1 << 10);
	private valid = new Uint8Array(1 << 7);
	private nullCount = 0;
	private used = 0;
	private encoder = new TextEncoder();
	length = 0;

	append(value: string | null): void {
		if (this.length + 2 > this.offsets.length) {
			this.offsets = grow(this.offsets, this.offsets.length * 2);
			this.valid = grow(this.valid, this.offsets.length >> 3);
		}
		if (value === null) this.nullCount++;
		else {
			this.valid[this.length >> 3]! |= 1 << (this.length & 7);
			// a UTF-16 code unit takes at most 3 bytes of UTF-8
			if (this.used + value.length * 3 > this.data.length)
				this.data = grow(this.data, Math.max(this.data.length * 2, this.used + value.length * 3));
			this.used += this.encoder.encodeInto(value, this.data.subarray(this.used)).written;
		}
		this.offsets[++this.length] = this.used;
	}

	finish(): Vector {
		const length = this.length;
		return makeVector(
			makeData({
				type: new Utf8(),
				length,
				nullCount: this.nullCount,
				nullBitmap: this.nullCount ? this.valid.slice(0, (length + 7) >> 3) : undefined,
				valueOffsets: this.offsets.slice(0, length + 1),
				data: this.data.slice(0, this.used)
			})
		);
	}
}

function grow<T extends Uint8Array | Int32Array>(array: T, size: number): T {
	const grown = new (array.constructor as new (n: number) => T)(size);
	grown.set(array);
	return grown;
}

/**
 * Codes into `dictionary` (-1 for null) as an Arrow dictionary column, with the narrowest
 * index type that holds them: one byte a row for up to 127 distinct values.
 */
export function dictionaryColumn(codes: ArrayLike<number>, dictionary: readonly string[]): Vector {
	const length = codes.length;
	const [type, indices] =
		dictionary.length <= 127
			? [new Dictionary(new Utf8(), new Int8()), Int8Array.from(codes)]
			: dictionary.length <= 32767
				? [new Dictionary(new Utf8(), new Int16()), Int16Array.from(codes)]
				: [new Dictionary(new Utf8(), new Int32()), Int32Array.from(codes)];
	const { nullCount, nullBitmap } = validity(length, (i) => codes[i]! < 0);
	for (let i = 0; i < length; i++) if (indices[i]! < 0) indices[i] = 0;
	return makeVector(
		makeData({
			type: type as Dictionary<Utf8, Int8>,
			length,
			nullCount,
			nullBitmap,
			data: indices as Int8Array,
			dictionary: utf8Column(dictionary)
		})
	);
}

export function numberColumn(
	type: 'DOUBLE' | 'INTEGER',
	values: ArrayLike<number | null | undefined>
): Vector {
	const length = values.length;
	const { nullCount, nullBitmap } = validity(length, (i) => typeof values[i] !== 'number');
	if (type === 'DOUBLE') {
		const data = Float64Array.from({ length }, (_, i) => values[i] ?? 0);
		return makeVector(makeData({ type: new Float64(), length, nullCount, nullBitmap, data }));
	}
	const data = Int32Array.from({ length }, (_, i) => values[i] ?? 0);
	return makeVector(makeData({ type: new Int32(), length, nullCount, nullBitmap, data }));
}

export function boolColumn(values: ArrayLike<boolean | null | undefined>): Vector {
	const length = values.length;
	const data = new Uint8Array((length + 7) >> 3);
	for (let i = 0; i < length; i++) if (values[i] === true) data[i >> 3]! |= 1 << (i & 7);
	const { nullCount, nullBitmap } = validity(length, (i) => typeof values[i] !== 'boolean');
	return makeVector(makeData({ type: new Bool(), length, nullCount, nullBitmap, data }));
}

/** A column of plain values as the engine table declares it (dictionary columns aside). */
export function valueColumn(type: EngineColumnType, values: unknown[]): Vector {
	if (type === 'VARCHAR') return utf8Column(values as (string | null)[]);
	if (type === 'DOUBLE' || type === 'INTEGER') return numberColumn(type, values as number[]);
	if (type === 'BOOLEAN') return boolColumn(values as boolean[]);
	throw new Error('a dictionary column needs its codes: use dictionaryColumn');
}

export function toIPC(columns: Record<string, Vector>, metadata?: Map<string, string>): Uint8Array {
	const table = new Table(columns);
	if (!metadata) return tableToIPC(table, 'stream');
	return tableToIPC(new Table(new Schema(table.schema.fields, metadata), table.batches), 'stream');
}

/**
 * The figures as the engine's tables, file name to Arrow IPC stream. Each dimension's names
 * must be the same on every row that has its key; a figure that disagrees is a build error,
 * naming it, since the engine would show it another figure's names. `version` (the dataset's,
 * dataset/version.ts) goes into figures.arrow's schema metadata.
 */
export function engineArrow(
	figures: readonly FigureRow[],
	version?: string
): Map<string, Uint8Array> {
	const row = figures as unknown as readonly Record<string, unknown>[];
	const files = new Map<string, Uint8Array>();
	const values = (table: EngineTable, rows: readonly Record<string, unknown>[]) =>
		Object.fromEntries(
			table.columns.map(([name, type]) => [
				name,
				valueColumn(
					type,
					rows.map((r) => r[name])
				)
			])
		);

	for (const dim of DIMENSIONS) {
		const first = new Map<unknown, Record<string, unknown>>();
		for (const figure of row) {
			const key = figure[dim.key];
			if (key === null || key === undefined) continue;
			const seen = first.get(key);
			if (!seen) first.set(key, figure);
			else
				for (const [name] of dim.columns)
					if (seen[name] !== figure[name])
						throw new Error(
							`${figure.id}: ${name} "${figure[name]}" differs from "${seen[name]}" of ${seen.id}, with the same ${dim.key} ${String(key)}`
						);
		}
		files.set(dim.file, toIPC(values(dim, [...first.values()])));
	}

	const facts: Record<string, Vector> = {};
	for (const [name, type] of FACTS.columns) {
		if (name === FIGURE_KEY)
			facts[name] = numberColumn(
				'INTEGER',
				row.map((_, i) => i)
			);
		else if (type !== 'DICTIONARY')
			facts[name] = valueColumn(
				type,
				row.map((r) => r[name])
			);
		else {
			const dictionary: string[] = [];
			const index = new Map<string, number>();
			const codes = row.map((r) => {
				const value = r[name];
				if (value === null || value === undefined) return -1;
				let code = index.get(String(value));
				if (code === undefined)
					index.set(String(value), (code = dictionary.push(String(value)) - 1));
				return code;
			});
			facts[name] = dictionaryColumn(codes, dictionary);
		}
	}
	// the dataset's version (dataset-version.ts) rides in the fact table's schema
	files.set(
		FACTS.file,
		toIPC(facts, version === undefined ? undefined : new Map([[DATASET_VERSION_KEY, version]]))
	);

	files.set(
		TEXT.file,
		toIPC(
			Object.fromEntries(
				TEXT.columns.map(([name, type]) => [
					name,
					name === FIGURE_KEY
						? numberColumn(
								'INTEGER',
								row.map((_, i) => i)
							)
						: valueColumn(
								type,
								row.map((r) => r[name])
							)
				])
			)
		)
	);
	return files;
}
