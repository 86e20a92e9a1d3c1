// Shared set-up for the programme benchmarks (payment-run, week-grid): a PostgreSQL database with the
// demo municipality seeded by `npm run seed`, N participants in the introduction programme with a year
// of daily attendance (deterministic: hashtext of id and day), the real app (the bundle `npm start`
// runs) started against it, and helpers to sign in and time requests.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const serverRequire = createRequire(path.join(root, 'packages/server/package.json'));
export const pg = serverRequire('pg');
pg.types.setTypeParser(1082, (v) => v);
export const PASSWORD = 'bench-programme-password-1';

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

export async function startApp(dbUrl, port, opts = {}) {
  await portIsFree(port);
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--enable-source-maps', 'packages/server/dist/main.mjs'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: dbUrl, PORT: String(port), NODE_ENV: 'development', LOG_LEVEL: 'warn', EIDOR_SEED_DEMO: 'false', EIDOR_DAILY_JOBS: 'false', EIDOR_SECRET_KEY: randomBytes(32).toString('hex'), ...(opts.env ?? {}) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200) return child;
    } catch {
      /* not yet */
    }
    if (performance.now() - t0 > 60_000) throw new Error('app did not start within 60 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function stopApp(child) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

const cookiesOf = (res) => res.headers.getSetCookie().map((c) => c.split(';')[0]);

export async function signIn(base, email) {
  const pre = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await pre.json();
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookiesOf(pre).join('; '), 'x-csrf-token': csrfToken },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = await res.json();
  if (res.status !== 200 || body.status !== 'signed_in') throw new Error(`sign-in as ${email} failed: ${res.status}`);
  const headers = { 'content-type': 'application/json', cookie: cookiesOf(res).join('; '), 'x-csrf-token': body.session.csrfToken };
  const call = (method, url, payload) => fetch(`${base}${url}`, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload) });
  call.headers = headers;
  return call;
}

/** Builds the server bundle and a kit with the server's own benefit code (for the baselines). */
export async function buildKit() {
  const { buildServer } = await import(pathToFileURL(path.join(root, 'scripts/build-server.mjs')).href);
  await buildServer();
  const { build } = serverRequire('esbuild');
  const outfile = path.join(root, 'packages/server/dist/bench-programme.mjs');
  await build({
    stdin: {
      contents: "export { benefitFor, monthPeriod } from './src/modules/programme/benefit.ts';\nexport { APP_ROLE } from './src/platform/context.ts';",
      resolveDir: path.join(root, 'packages/server'),
      sourcefile: 'bench-programme.ts',
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'warning',
    plugins: [{ name: 'external', setup: (b) => b.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith('@eidor/') ? undefined : { path: a.path, external: true })) }],
  });
  return import(pathToFileURL(outfile).href);
}

/**
 * A fresh database `name` with the demo municipality (`people` people, its settlement data), and
 * `participants` of its adults in the programme since 2025-09 … 2026-06 with attendance every working
 * day from 2025-11-01 to 2026-10-31: mostly present, about 3 % whole days and 2 % hours of unexcused
 * absence, 2 % with a doctor's note.
 */
export async function programmeDatabase(name, { people, participants }) {
  const adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const dbUrl = u.toString();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const serverVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
  await admin.end();
  await run(['--import', 'tsx', 'packages/server/src/scripts/seed.ts', '--people', String(people), '--municipalities', '1'], { DATABASE_URL: dbUrl, EIDOR_DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' });
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const m = (await db.query("SELECT id FROM municipalities WHERE number = '9999'")).rows[0].id;
  await db.query(
    `INSERT INTO programmes (person_id, municipality_id, participant_group, skills_mapping_date, decision_date, start_date, end_goal, planned_months, weekly_hours, status, elements, created_at, updated_at)
     SELECT id, municipality_id, 'other_goal', d - 20, d - 5, d, 'Arbeid', 24, 37.5, 'active', '{"norwegian": true}', now(), now()
       FROM (SELECT p.id, p.municipality_id, (date '2025-09-01' + (abs(hashtext(p.id::text)) % 300))::date AS d
               FROM persons p WHERE p.municipality_id = $1 AND p.birth_date BETWEEN date '1971-01-01' AND date '2007-01-01'
              ORDER BY p.family_name, p.given_name, p.birth_date LIMIT $2) x`,
    [m, participants],
  );
  const n = Number((await db.query('SELECT count(*) AS n FROM programmes WHERE municipality_id = $1', [m])).rows[0].n);
  if (n < participants) throw new Error(`only ${n} adults for ${participants} participants: seed more people`);
  await db.query(
    `INSERT INTO attendance (municipality_id, person_id, day, planned_hours, present_hours, absence_kind, recorded_at)
     SELECT g.municipality_id, g.person_id, d::date, 7.5,
            CASE WHEN r < 0.03 THEN 0 WHEN r < 0.05 THEN 5.5 WHEN r < 0.07 THEN 0 ELSE 7.5 END,
            CASE WHEN r < 0.05 THEN 'unexcused' WHEN r < 0.07 THEN 'doctor_certified' END,
            now()
       FROM programmes g
      CROSS JOIN generate_series(greatest(g.start_date, date '2025-11-01'), date '2026-10-31', interval '1 day') d
      CROSS JOIN LATERAL (SELECT (abs(hashtext(g.person_id::text || d::text)) % 10000) / 10000.0 AS r) rr
      WHERE g.municipality_id = $1 AND extract(isodow FROM d) < 6`,
    [m],
  );
  const days = Number((await db.query('SELECT count(*) AS n FROM attendance WHERE municipality_id = $1', [m])).rows[0].n);
  await db.query('VACUUM ANALYZE');
  return { dbUrl, db, municipalityId: m, participants: n, attendanceRows: days, serverVersion };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
};
export const f1 = (x) => (Math.round(x * 10) / 10).toFixed(1);

/** A server left over from an interrupted run would answer in the new one's place: refuse to start. */
async function portIsFree(port) {
  const answered = await fetch(`http://127.0.0.1:${port}/api/health`).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`something already answers on port ${port} (a server left from an interrupted run?): stop it first`);
}
