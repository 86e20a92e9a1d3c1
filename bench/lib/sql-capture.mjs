// Loaded with `node --import` into a separate run of the app (never the measured one): appends every
// statement the app sends to PostgreSQL, with its parameters and its prepared-statement name (if the app
// prepares it), to EIDOR_BENCH_CAPTURE as JSON lines.
// The person-page benchmark uses it to give its bare baseline exactly the reads the app makes.
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const file = process.env.EIDOR_BENCH_CAPTURE;
if (file) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const pg = createRequire(path.join(root, 'packages/server/package.json'))('pg');
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function capture(config, values, callback) {
    const text = typeof config === 'string' ? config : config?.text;
    const params = Array.isArray(values) ? values : (config?.values ?? []);
    const name = typeof config === 'object' ? (config?.name ?? null) : null;
    if (text) appendFileSync(file, `${JSON.stringify({ text, values: params, name })}\n`);
    return query.call(this, config, values, callback);
  };
}
