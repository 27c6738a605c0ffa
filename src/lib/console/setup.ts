/**
 * The console's tables besides `figures`, loaded into the console's engine as it starts: the
 * catalogue, documents, checks and discrepancies, from the JSON the build wrote.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Catalog, ChecksFile, DocumentsFile } from '$lib/data/schema.js';
import { consoleTables } from './tables.js';

export async function loadConsoleTables(
	db: AsyncDuckDB,
	conn: AsyncDuckDBConnection,
	dataUrl: string
): Promise<void> {
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
	// as JSON the engine reads itself (Arrow's tableFromJSON compiles code, which the CSP forbids)
	for (const [name, rows] of Object.entries(tables)) {
		if (!rows.length) continue;
		const file = `console-${name}.json`;
		await db.registerFileText(file, JSON.stringify(rows));
		await conn.insertJSONFromPath(file, { name, create: true });
		await db.dropFile(file);
	}
}
