/**
 * `npm run query-server -- <parquet file or glob> [port]`: the views' SQL over HTTP for a
 * dataset too large for the browser (src/lib/server/query-server.ts; the page side is
 * src/lib/data/http-db.ts). Example, a national dataset partitioned by bulletin and year:
 *   npm run query-server -- 'national/figures/bulletin_id=*\/year=*\/*.parquet' 4190
 */
import { startQueryServer } from '../src/lib/server/query-server.js';

const [figures, port = '4190'] = process.argv.slice(2);
if (!figures) {
	console.error('usage: npm run query-server -- <parquet file or glob> [port]');
	process.exit(2);
}
const server = await startQueryServer({ figures, port: Number(port) });
console.log(`query server: POST { sql, params } to ${server.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => void server.close().then(() => process.exit(0)));
}
