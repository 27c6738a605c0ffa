/**
 * A site built for a query server, served beside it: the query server over the figures' Parquet
 * on one port, the prerendered pages on another (another origin, as a national deployment would
 * have them). The page tests of that build run against it (playwright.query-server.config.ts).
 * Usage: tsx scripts/serve-with-query-server.ts <site dir> <port> <parquet file or glob> <query port>
 * The site must have been built with QUERY_SERVER=http://127.0.0.1:<query port>/ (README).
 */
import { startQueryServer } from '../src/lib/server/query-server.js';
import { startServer } from './serve-app.js';

const [dir, port, figures, queryPort] = process.argv.slice(2);
if (!dir || !port || !figures || !queryPort) {
	console.error(
		'usage: tsx scripts/serve-with-query-server.ts <site dir> <port> <parquet> <query port>'
	);
	process.exit(2);
}
// the query server first: the pages are served only once it answers
const query = await startQueryServer({ figures, port: Number(queryPort) });
const site = await startServer({ dir, port: Number(port), host: '127.0.0.1' });
console.log(`serving ${dir} at ${site.origin}/, its queries answered at ${query.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => void query.close().then(() => process.exit(0)));
}
