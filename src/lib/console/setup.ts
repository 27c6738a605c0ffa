/**
 * The console's tables, loaded into DuckDB-WASM the first time the console is opened: the
 * catalogue, documents, checks and discrepancies, from the JSON the build wrote.
 */
import { insertRows } from '$lib/data/db.js';
import type { Catalog, ChecksFile, DocumentsFile } from '$lib/data/schema.js';
import { consoleTables } from './tables.js';

let ready: Promise<void> | undefined;

/** After the engine restarts its tables are gone: load them again next time. */
export function forgetConsoleTables(): void {
	ready = undefined;
}

export function ensureConsoleTables(dataUrl: string): Promise<void> {
	ready ??= (async () => {
		const get = async <T>(name: string): Promise<T> => {
			const response = await fetch(`${dataUrl}/${name}`);
			if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
			return (await response.json()) as T;
		};
		const [catalog, bulletins, checks] = await Promise.all([
			get<Catalog>('catalog.json'),
			get<DocumentsFile[]>('documents.json'),
			get<ChecksFile>('checks.json')
		]);
		const tables = consoleTables({
			catalog,
			documents: bulletins.flatMap((b) => b.documents),
			checks
		});
		for (const [name, rows] of Object.entries(tables))
			if (rows.length) await insertRows(name, rows);
	})().catch((error) => {
		ready = undefined;
		throw error;
	});
	return ready;
}
