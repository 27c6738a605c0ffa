/**
 * Serve the prerendered site in build/ as a production web server would (scripts/serve-app.ts
 * says what it guarantees). Usage: tsx scripts/serve.ts [dir] [port]
 * (defaults: build 4173, on 127.0.0.1 unless HOST says otherwise)
 */
import { startServer } from './serve-app.js';

const [dir = 'build', port = process.env.PORT ?? '4173'] = process.argv.slice(2);
const host = process.env.HOST ?? '127.0.0.1';

const { origin } = await startServer({ dir, port: Number(port), host });
console.log(`serving ${dir} at ${origin}/`);
