import { resolve } from 'node:path';
import { openNodeDb } from '$lib/data/node-db.js';
import type { Db } from '$lib/data/query.js';

let db: Promise<Db> | undefined;

/** The build-time engine: Node DuckDB over the Parquet that `npm run build:data` wrote. */
export function figuresDb(): Promise<Db> {
	db ??= openNodeDb({ figures: resolve('static/data/figures.parquet') });
	return db;
}
