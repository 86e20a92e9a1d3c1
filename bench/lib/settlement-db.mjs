// Shared by the work-queue and pipeline-board benchmarks: a PostgreSQL database seeded with 100,000
// people in 50 municipalities (`npm run seed`, which also gives every municipality its settlement
// data: cases, dwellings and the work queue), the real app on it, and a bare node:http + pg server
// that runs the same statements with the same tenant transaction and audit row, without framework or
// session. Also: the server's own code (SQL builders, pipeline rules, audit hash) bundled for the bare side.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { bareAudit } from './bare-audit.mjs';
import { pg, root, signIn, startApp, stopApp, PASSWORD } from './programme-fixture.mjs';

export { signIn, startApp, stopApp };
export const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
export const MUNICIPALITIES = Number(process.env.BENCH_MUNICIPALITIES ?? 50);
const KIT = path.join(root, 'packages/server/dist/bench-settlement.mjs');

export async function buildKit() {
  const { buildServer } = await import(pathToFileURL(path.join(root, 'scripts/build-server.mjs')).href);
  await buildServer();
  const { createRequire } = await import('node:module');
  const { build } = createRequire(path.join(root, 'packages/server/package.json'))('esbuild');
  await build({
    stdin: {
      contents: [
        "export { buildTaskList, buildTaskKinds } from './src/modules/tasks/queries.ts';",
        "export { summarise } from './src/modules/settlement/pipeline.ts';",
        "export { auditHash } from './src/platform/audit.ts';",
        "export { APP_ROLE } from './src/platform/context.ts';",
        "export { statementName } from './src/db/raw.ts';",
        "export { categoryReach, osloDate, addDays, compareDates, PIPELINE_STAGES } from '@eidor/domain';",
      ].join('\n'),
      resolveDir: path.join(root, 'packages/server'),
      sourcefile: 'bench-settlement.ts',
      loader: 'ts',
    },
    outfile: KIT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'warning',
    plugins: [{ name: 'external', setup: (b) => b.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith('@eidor/') ? undefined : { path: a.path, external: true })) }],
  });
  return import(pathToFileURL(KIT).href);
}

export async function seededDatabase(name) {
  const adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const dbUrl = u.toString();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // BENCH_KEEP_SEED=1 keeps a database this suite seeded before (the seed takes minutes).
  const keep = process.env.BENCH_KEEP_SEED === '1' && (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  if (!keep) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  const serverVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
  await admin.end();
  const t0 = performance.now();
  if (!keep) await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/scripts/seed.ts', '--people', String(PEOPLE), '--municipalities', String(MUNICIPALITIES)], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: dbUrl, EIDOR_DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed exited with ${code}`))));
  });
  const seedMs = performance.now() - t0;
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  await db.query('VACUUM ANALYZE');
  const m = (await db.query("SELECT id FROM municipalities WHERE number = '9999'")).rows[0].id;
  const count = async (sql) => Number((await db.query(sql, [m])).rows[0].n);
  const stats = {
    active: await count("SELECT count(*) AS n FROM persons WHERE municipality_id = $1 AND status = 'active'"),
    tasks: await count('SELECT count(*) AS n FROM tasks WHERE municipality_id = $1'),
    openTasks: await count("SELECT count(*) AS n FROM tasks WHERE municipality_id = $1 AND status = 'open'"),
    cases: await count('SELECT count(*) AS n FROM settlement_cases WHERE municipality_id = $1'),
    allPeople: Number((await db.query('SELECT count(*) AS n FROM persons')).rows[0].n),
    allTasks: Number((await db.query('SELECT count(*) AS n FROM tasks')).rows[0].n),
  };
  return { dbUrl, db, municipalityId: m, serverVersion, seedMs, stats };
}

/** The actor as the app resolves it: role assignments with unit kinds. */
export async function actorOf(db, email) {
  const user = (await db.query('SELECT id, email, municipality_id FROM users WHERE email = $1', [email])).rows[0];
  const assignments = (await db.query('SELECT r.unit_id, r.role, u.kind FROM role_assignments r JOIN units u ON u.id = r.unit_id WHERE r.user_id = $1', [user.id])).rows.map((r) => ({
    unitId: r.unit_id,
    role: r.role,
    unitKind: r.kind,
  }));
  return { userId: user.id, email: user.email, municipalityId: user.municipality_id, assignments };
}

/**
 * A bare node:http server: for each request, one transaction as the app role with the tenant set,
 * `handler(client, url)` (the same statements as the app), and the same audit row, chained after the
 * commit as the app's sealer does (bench/lib/bare-audit.mjs).
 */
export function bareServer(dbUrl, kit, actor, handler, port) {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 10, application_name: 'eidor-bare', options: '-c jit=off -c plan_cache_mode=force_generic_plan' }); // the app's session settings (db/client.ts)
  const m = actor.municipalityId;
  const audits = bareAudit(pool, kit);
  async function audit(c, input) {
    await (Array.isArray(input) ? audits.rows(c, actor, input) : audits.row(c, actor, input));
  }
  const server = http.createServer(async (req, res) => {
    const c = await pool.connect();
    try {
      await c.query('begin');
      await c.query(`SET LOCAL ROLE ${kit.APP_ROLE}`);
      await c.query("SELECT set_config('app.municipality_id', $1, true), set_config('app.user_id', $2, true)", [m, actor.userId]);
      let mine = false;
      const out = await handler(c, new URL(req.url, 'http://x'), async (cc, input) => {
        mine = true;
        await audit(cc, input);
      });
      await c.query('commit');
      if (mine) audits.committed(m);
      const body = JSON.stringify(out);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    } catch (err) {
      await c.query('rollback').catch(() => undefined);
      res.writeHead(500);
      res.end(String(err));
    } finally {
      c.release();
    }
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        close: () => new Promise((r) => server.close(() => audits.drain().then(() => pool.end()).then(r))),
      }),
    ),
  );
}

/** One autocannon run: throughput and p50/p95/p99 from every response time. */
export async function load(url, headers, connections, seconds) {
  const latencies = [];
  const instance = autocannon({ url, connections, duration: seconds, headers });
  let bad = 0;
  instance.on('response', (_c, status, _b, ms) => {
    latencies.push(ms);
    if (status !== 200) bad++;
  });
  const r = await instance;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.max(0, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
  return { rps: r.requests.total / seconds, p50: pct(50), p95: pct(95), p99: pct(99), bad: bad + r.errors + r.timeouts };
}

export { randomBytes };
