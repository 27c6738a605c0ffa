import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBAppender } from '@duckdb/node-api';
import { FIGURE_COLUMNS, type ColumnType, type FigureRow } from '../data/schema.js';
import { toCsv } from '../data/csv.js';
import { engineArrow } from './arrow.js';
import { DATASET_VERSION_KEY } from '../data/dataset-version.js';
import { datasetVersion } from './version.js';
import type { Dataset } from './build.js';

/** UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese correctly. */
export function figuresToCsv(figures: FigureRow[]): string {
	return toCsv(
		FIGURE_COLUMNS.map(([name]) => name),
		figures as unknown as Record<string, unknown>[]
	);
}

function append(appender: DuckDBAppender, type: ColumnType, value: unknown): void {
	if (value === null || value === undefined) return appender.appendNull();
	if (type === 'VARCHAR') return appender.appendVarchar(String(value));
	if (type === 'DOUBLE') return appender.appendDouble(Number(value));
	if (type === 'INTEGER') return appender.appendInteger(Number(value));
	return appender.appendBoolean(Boolean(value));
}

export const CREATE_FIGURES = `CREATE TABLE figures (${FIGURE_COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ')})`;

/** The downloads' Parquet, every column on every row, naming its dataset version (version.ts). */
async function figuresToParquet(
	figures: FigureRow[],
	path: string,
	version: string
): Promise<void> {
	const instance = await DuckDBInstance.create(':memory:', {
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false'
	});
	const connection = await instance.connect();
	try {
		await connection.run(CREATE_FIGURES);
		const appender = await connection.createAppender('figures');
		for (const figure of figures) {
			for (const [name, type] of FIGURE_COLUMNS) append(appender, type, figure[name]);
			appender.endRow();
		}
		appender.closeSync();
		await connection.run(
			`COPY figures TO '${path.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd, KV_METADATA { ${DATASET_VERSION_KEY}: '${version}' })`
		);
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

/**
 * Write everything the site and its downloads need into `outDir`, with `extra` files beside.
 * All of it is made in a staging folder next to `outDir` first and moved in only when every
 * file is complete, so a failure on the way (DuckDB, a full disk) leaves the last good output.
 */
export async function writeDataset(
	dataset: Dataset,
	outDir: string,
	extra: [string, string][] = []
): Promise<string[]> {
	const { figures, catalog, manifests, checks, discrepancies, revisions } = dataset;
	const parent = dirname(resolve(outDir));
	mkdirSync(parent, { recursive: true });
	const staging = mkdtempSync(join(parent, `.${basename(outDir)}-`));
	try {
		const figuresJson = JSON.stringify(figures);
		const version = datasetVersion(figuresJson);
		const files: [string, string | Uint8Array][] = [
			// the engine's narrow tables, with the dataset's version; the downloads below keep every
			// column on every row
			...engineArrow(figures, version),
			['figures.csv', figuresToCsv(figures)],
			['figures.json', figuresJson],
			[
				'checks.json',
				JSON.stringify({ generated_from: dataset.inputs, checks, discrepancies, revisions })
			],
			['catalog.json', JSON.stringify(catalog)],
			[
				'documents.json',
				JSON.stringify(
					manifests.map((m) => ({
						bulletin: m.bulletin,
						documents: m.documents,
						decisions: m.decisions
					}))
				)
			],
			...extra
		];
		for (const [name, content] of files) writeFileSync(join(staging, name), content);
		await figuresToParquet(figures, join(staging, 'figures.parquet'), version);
		const names = [...files.map(([name]) => name), 'figures.parquet'];
		mkdirSync(outDir, { recursive: true });
		for (const name of names) renameSync(join(staging, name), join(outDir, name));
		return names;
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}
