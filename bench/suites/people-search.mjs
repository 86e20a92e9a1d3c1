// People search under load (issue 3, point 7). Seeds 100,000 people in 50 municipalities on
// PostgreSQL (`npm run seed -- --people 100000 --municipalities 50`), starts the real app (the bundle
// `npm start` runs) signed in as the demo municipality's advisor, and load-tests over HTTP with
// autocannon, 20 connections, 10 s per run: search by a name fragment, search by a misspelled name,
// and the person page. Baseline in the same run: a bare node:http + pg server issuing the same SQL
// for the same request (the statement from the persons module's own buildPersonSearch, the tenant
// transaction with SET LOCAL ROLE, and the hash-chained audit insert), without sessions or schemas.
// App and baseline alternate A B A B A B per workload; the medians of the three runs are reported.
// Targets: search p95 ≤ 50 ms (the baseline of the *_p95 lines, ratio = measured / 50) and
// throughput ≥ 0.7 × the bare server's (the *_rps lines, ratio = app / bare).
//
// BENCH_DATABASE_URL names the PostgreSQL server (default: the local one); the database
// eidor_bench_people is dropped and created again on it. BENCH_KEEP_DB=1 keeps it afterwards,
// BENCH_SECONDS changes the run length. BENCH_TRGM_LEAKPROOF=1 is an experiment, not the product:
// it marks pg_trgm's word-similarity operators LEAKPROOF in the bench database only, so that
// row-level security lets the search use the trigram part of its index (see BENCHMARKS.md).
// BENCH_BARE_SESSION=1 is a diagnostic: the bare server also runs the app's two session-lookup
// statements per request, to tell the cost of authentication's SQL from the framework's.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { bareAudit } from '../lib/bare-audit.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// pg and esbuild are the server's dependencies: load them as the server does.
const serverRequire = createRequire(path.join(root, 'packages/server/package.json'));
const pg = serverRequire('pg');
const KIT = path.join(root, 'packages/server/dist/bench-people-search.mjs');

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const MUNICIPALITIES = Number(process.env.BENCH_MUNICIPALITIES ?? 50);
const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = 3;
const APP_PORT = 3981;
const BARE_PORT = 3982;
const PASSWORD = 'bench-people-password-1';
const RATE = 50; // searches per second for the fixed-rate run
const POOL_MAX = 10; // the app's pool size (db/client.ts openPostgres)

// ---------------------------------------------------------------------------------------------
// B: the bare server. Same statements, same transaction, same audit row; no framework, no session.

async function bareServer() {
  const kit = await import(pathToFileURL(KIT).href);
  const actor = JSON.parse(process.env.BENCH_ACTOR);
  const m = actor.municipalityId;
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: POOL_MAX, application_name: 'eidor-bare', options: '-c jit=off -c plan_cache_mode=force_generic_plan' }); // the app's session settings (db/client.ts)
  // Dates as 'YYYY-MM-DD' text, as the app's Drizzle schema reads them (mode: 'string').
  pg.types.setTypeParser(1082, (v) => v);

  // platform/sessions.ts findSession, statement for statement (diagnostic only, see above).
  const tokenHash = process.env.BENCH_SESSION_TOKEN ? createHash('sha256').update(process.env.BENCH_SESSION_TOKEN).digest('hex') : null;
  async function session() {
    const s = await pool.query(
      'select "sessions"."id", "sessions"."municipality_id", "sessions"."user_id", "sessions"."token_hash", "sessions"."csrf_token", "sessions"."auth_method", "sessions"."mfa_pending", "sessions"."created_at", "sessions"."last_seen_at", "sessions"."idle_expires_at", "sessions"."absolute_expires_at", "users"."id", "users"."municipality_id", "users"."email", "users"."name", "users"."status", "users"."password_hash", "users"."totp_secret_enc", "users"."totp_pending_enc", "users"."totp_last_counter", "users"."version", "users"."created_at", "users"."updated_at" from "sessions" inner join "users" on "users"."id" = "sessions"."user_id" where "sessions"."token_hash" = $1 limit $2',
      [tokenHash, 1],
    );
    if (s.rowCount !== 1) throw new Error('no session');
    await pool.query(
      'select "role_assignments"."role", "units"."id", "units"."name", "units"."kind" from "role_assignments" inner join "units" on "units"."id" = "role_assignments"."unit_id" where ("role_assignments"."user_id" = $1 and "units"."active" = $2) order by "units"."name", "role_assignments"."role"',
      [actor.userId, true],
    );
  }

  async function tenant(fn) {
    if (tokenHash) await session();
    const c = await pool.connect();
    try {
      await c.query('begin');
      await c.query(`SET LOCAL ROLE ${kit.APP_ROLE}`);
      await c.query("SELECT set_config('app.municipality_id', $1, true), set_config('app.user_id', $2, true)", [m, actor.userId]);
      const out = await fn(c);
      await c.query('commit');
      audits.committed(m);
      return out;
    } catch (err) {
      await c.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  // platform/audit.ts: the unchained insert, and the sealer after commit (bench/lib/bare-audit.mjs).
  const audits = bareAudit(pool, kit);
  async function audit(c, input) {
    await audits.row(c, actor, input);
  }

  const summary = (r) => ({
    id: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    birthDate: r.birth_date,
    sex: r.sex,
    arrivalCategory: r.arrival_category,
    settlementDate: r.settlement_date,
    status: r.status,
    householdId: r.household_id,
    score: r.score === null ? null : Number(r.score),
  });

  async function search(body) {
    const page = body.page ?? 1;
    const pageSize = body.pageSize ?? 25;
    return tenant(async (c) => {
      await c.query(kit.SET_THRESHOLD_SQL);
      const q = kit.buildPersonSearch({ municipalityId: m, teamUnitIds: null, q: String(body.q ?? '').trim(), limit: pageSize, offset: (page - 1) * pageSize });
      const found = (await c.query(q.text, q.values)).rows;
      await audit(c, { action: 'person.search', subjectType: 'person', categories: ['identity'] });
      return { items: found.map(summary), total: Number(found[0]?.total ?? 0), page, pageSize, can: { register: true } };
    });
  }

  // modules/persons routes.ts personView: load, relationships per unit, audit, team.
  async function person(id) {
    return tenant(async (c) => {
      const p = (await c.query('select * from "persons" where ("persons"."id" = $1 and "persons"."municipality_id" = $2) limit $3', [id, m, 1])).rows[0];
      if (!p) return null;
      for (const unitId of [...new Set(actor.assignments.map((a) => a.unitId))]) {
        await c.query('select "person_id" from "person_team" where ("person_team"."person_id" in ($1) and "person_team"."unit_id" in ($2))', [id, unitId]);
      }
      await audit(c, { action: 'person.read', subjectType: 'person', subjectId: id, categories: ['identity', 'settlement'], via: actor.via });
      const team = (
        await c.query(
          'select "person_team"."unit_id", "units"."name", "units"."kind", "person_team"."added_at" from "person_team" inner join "units" on "units"."id" = "person_team"."unit_id" where "person_team"."person_id" = $1 order by "units"."name" asc',
          [id],
        )
      ).rows;
      return {
        id: p.id,
        version: p.version,
        identity: {
          givenName: p.given_name,
          familyName: p.family_name,
          otherSpellings: p.other_spellings,
          birthDate: p.birth_date,
          sex: p.sex,
          nationalId: p.national_id,
          dufNumber: p.duf_number,
          originCountry: p.origin_country,
          nationality: p.nationality,
          languages: p.languages,
          interpreterNeeded: p.interpreter_needed,
          interpreterLanguage: p.interpreter_language,
          householdId: p.household_id,
          householdRole: p.household_role,
          status: p.status,
          statusDate: p.status_date,
        },
        settlement: {
          arrivalCategory: p.arrival_category,
          sponsorPersonId: p.sponsor_person_id,
          permitType: p.permit_type,
          permitDate: p.permit_date,
          settlementDate: p.settlement_date,
          previousMunicipality: p.previous_municipality,
        },
        team: team.map((t) => ({ unitId: t.unit_id, unitName: t.name, unitKind: t.kind, addedAt: t.added_at.toISOString() })),
        can: actor.can,
        createdAt: p.created_at.toISOString(),
        updatedAt: p.updated_at.toISOString(),
      };
    });
  }

  const server = http.createServer((req, res) => {
    const send = (status, body) => {
      const json = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json), 'cache-control': 'no-store' });
      res.end(json);
    };
    const fail = (err) => {
      console.error(err);
      send(500, { error: { code: 'INTERNAL' } });
    };
    if (req.method === 'POST' && req.url === '/api/persons/search') {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        let body;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        } catch {
          return send(400, { error: { code: 'VALIDATION' } });
        }
        search(body).then((r) => send(200, r), fail);
      });
    } else if (req.method === 'GET' && req.url.startsWith('/api/persons/')) {
      person(req.url.slice('/api/persons/'.length)).then((r) => (r ? send(200, r) : send(404, { error: { code: 'NOT_FOUND' } })), fail);
    } else if (req.url === '/api/health') send(200, { ok: true });
    else send(404, { error: { code: 'NOT_FOUND' } });
  });
  server.listen(Number(process.env.PORT), '127.0.0.1');
  const stop = () => server.close(() => audits.drain().then(() => pool.end()).then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

// ---------------------------------------------------------------------------------------------
// The run

function run(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

async function startServer(args, env, port) {
  await portIsFree(port);
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200) return child;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - t0 > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`server on ${port} did not answer within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function stopServer(child) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const cookiesOf = (res) => res.headers.getSetCookie().map((c) => c.split(';')[0]);

/** Signs in as the web app does: pre-session CSRF token, then e-mail and password. */
async function signIn(base, email) {
  const pre = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await pre.json();
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookiesOf(pre).join('; '), 'x-csrf-token': csrfToken },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = await res.json();
  if (res.status !== 200 || body.status !== 'signed_in') throw new Error(`sign-in as ${email} failed: ${res.status} ${JSON.stringify(body)}`);
  return { cookie: cookiesOf(res).join('; '), csrf: body.session.csrfToken };
}

/** One autocannon run; p95 from every response time (autocannon's own table has p90 and p97.5). */
async function load(base, workload, headers, seconds) {
  const latencies = [];
  let k = 0;
  const request =
    workload.kind === 'person'
      ? { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/persons/${workload.ids[k++ % workload.ids.length]}` }) }
      : { method: 'POST', path: '/api/persons/search', body: JSON.stringify(workload.body) };
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...headers },
    requests: [request],
  });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.max(0, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
  return {
    rps: result['2xx'] / result.duration,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * Open loop: one request every 1000/rate ms whatever the answers do (autocannon's rate limit sends
 * each second's quota in a burst), over up to 20 keep-alive connections; latency includes queueing.
 */
async function paced(base, workload, headers, seconds, rate) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies = [];
  let bad = 0;
  let k = 0;
  const one = () =>
    new Promise((resolve) => {
      const person = workload.kind === 'person';
      const body = person ? undefined : JSON.stringify(workload.body);
      const t0 = performance.now();
      const req = http.request(
        `${base}${person ? `/api/persons/${workload.ids[k++ % workload.ids.length]}` : '/api/persons/search'}`,
        { method: person ? 'GET' : 'POST', agent, headers: { 'content-type': 'application/json', ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) bad++;
            latencies.push(performance.now() - t0);
            resolve();
          });
        },
      );
      req.on('error', () => {
        bad++;
        resolve();
      });
      req.end(body);
    });
  const pending = [];
  const start = performance.now();
  for (let i = 0; i < Math.round(seconds * rate); i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(one());
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.max(0, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
  return { rps: latencies.length / elapsed, p50: pct(50), p95: pct(95), p99: pct(99), bad };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f1 = (x) => (Math.round(x * 10) / 10).toFixed(1);

async function main() {
  const { buildServer } = await import(pathToFileURL(path.join(root, 'scripts/build-server.mjs')).href);
  await buildServer(); // the bundle npm start runs
  const { build } = serverRequire('esbuild');
  // The baseline's SQL comes from the server's own source, bundled like the server.
  await build({
    stdin: {
      contents: [
        "export { buildPersonSearch, SET_THRESHOLD_SQL } from './src/modules/persons/search-sql.ts';",
        "export { auditHash } from './src/platform/audit.ts';",
        "export { APP_ROLE } from './src/platform/context.ts';",
      ].join('\n'),
      resolveDir: path.join(root, 'packages/server'),
      sourcefile: 'bench-people-search.ts',
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

  const adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = 'eidor_bench_people';
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  const dbUrl = u.toString();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const serverVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
  await admin.end();

  let app;
  let bare;
  const db = new pg.Client({ connectionString: dbUrl });
  try {
    console.log(`seeding ${PEOPLE} people in ${MUNICIPALITIES} municipalities on PostgreSQL ${serverVersion} …`);
    const t0 = performance.now();
    await run(process.execPath, ['--import', 'tsx', 'packages/server/src/scripts/seed.ts', '--people', String(PEOPLE), '--municipalities', String(MUNICIPALITIES)], {
      DATABASE_URL: dbUrl,
      EIDOR_DEMO_PASSWORD: PASSWORD,
      LOG_LEVEL: 'warn',
    });
    const seedMs = performance.now() - t0;

    await db.connect();
    const leakproof = process.env.BENCH_TRGM_LEAKPROOF === '1';
    if (leakproof) {
      await db.query('ALTER FUNCTION word_similarity_op(text, text) LEAKPROOF');
      await db.query('ALTER FUNCTION word_similarity_commutator_op(text, text) LEAKPROOF');
      console.log('EXPERIMENT: pg_trgm word-similarity operators marked LEAKPROOF in the bench database');
    }
    const m = (await db.query("SELECT id FROM municipalities WHERE number = '9999'")).rows[0].id;
    const people = Number((await db.query('SELECT count(*) AS n FROM persons WHERE municipality_id = $1', [m])).rows[0].n);
    const user = (await db.query("SELECT id, email FROM users WHERE email = 'advisor@demo.eidor.no'")).rows[0];
    const assignments = (
      await db.query('SELECT r.unit_id, r.role, u.kind FROM role_assignments r JOIN units u ON u.id = r.unit_id WHERE r.user_id = $1', [user.id])
    ).rows.map((r) => ({ unitId: r.unit_id, role: r.role, unitKind: r.kind }));
    // 500 of the demo municipality's people for the person page, in random (uuid) order.
    const ids = (await db.query('SELECT id FROM persons WHERE municipality_id = $1 ORDER BY id LIMIT 500', [m])).rows.map((r) => r.id);

    app = await startServer(['--enable-source-maps', 'packages/server/dist/main.mjs'], {
      DATABASE_URL: dbUrl,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      EIDOR_SEED_DEMO: 'false',
      EIDOR_DAILY_JOBS: 'false',
      EIDOR_SECRET_KEY: randomBytes(32).toString('hex'),
    }, APP_PORT);
    const appBase = `http://127.0.0.1:${APP_PORT}`;
    const session = await signIn(appBase, user.email);
    const sample = await fetch(`${appBase}/api/persons/${ids[0]}`, { headers: { cookie: session.cookie } });
    if (sample.status !== 200) throw new Error(`person page answered ${sample.status}`);
    const can = (await sample.json()).can;
    const actor = { municipalityId: m, userId: user.id, email: user.email, assignments, via: assignments.find((a) => a.role === 'advisor'), can };
    const token = process.env.BENCH_BARE_SESSION === '1' ? session.cookie.match(/eidor_session=([^;]+)/)?.[1] : undefined;
    if (token) console.log('DIAGNOSTIC: the bare server also looks the session up (2 statements per request)');
    bare = await startServer([fileURLToPath(import.meta.url), '--bare'], { DATABASE_URL: dbUrl, BENCH_ACTOR: JSON.stringify(actor), ...(token ? { BENCH_SESSION_TOKEN: decodeURIComponent(token) } : {}) }, BARE_PORT);
    const bareBase = `http://127.0.0.1:${BARE_PORT}`;

    const workloads = [
      { name: 'search', kind: 'search', label: 'search, name fragment "moham"', body: { q: 'moham' } },
      { name: 'misspelled', kind: 'search', label: 'search, misspelled "Muhamad Alhasan"', body: { q: 'Muhamad Alhasan' } },
      { name: 'person', kind: 'person', label: `person page (${ids.length} people in turn)`, ids },
    ];
    const sides = {
      A: { base: appBase, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } },
      B: { base: bareBase, headers: {} },
    };
    // The two answer the same: same hits, same order.
    for (const w of workloads.filter((x) => x.kind === 'search')) {
      const get = (s) => fetch(`${sides[s].base}/api/persons/search`, { method: 'POST', headers: { 'content-type': 'application/json', ...sides[s].headers }, body: JSON.stringify(w.body) }).then((r) => r.json());
      const [a, b] = [await get('A'), await get('B')];
      if (JSON.stringify(a.items.map((i) => i.id)) !== JSON.stringify(b.items.map((i) => i.id)) || a.total !== b.total) throw new Error(`app and baseline disagree on ${w.name}: app ${a.total} ${JSON.stringify(a).slice(0, 300)} bare ${b.total} ${JSON.stringify(b).slice(0, 300)}`);
      w.total = a.total;
    }

    console.log(`demo municipality: ${people} people; advisor@demo.eidor.no; ${CONNECTIONS} connections, ${SECONDS} s per run, A = app, B = bare node:http + pg`);
    const results = {};
    let bad = 0;
    for (const w of workloads) {
      for (const s of ['A', 'B']) await load(sides[s].base, w, sides[s].headers, 3); // warm-up, not counted
      results[w.name] = { A: [], B: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const s of ['A', 'B']) {
          const r = await load(sides[s].base, w, sides[s].headers, SECONDS);
          bad += r.bad;
          results[w.name][s].push(r);
          console.log(`  ${w.label.padEnd(48)} ${s}  ${f1(r.rps).padStart(7)} req/s  p50 ${f1(r.p50).padStart(6)} ms  p95 ${f1(r.p95).padStart(6)} ms  p99 ${f1(r.p99).padStart(6)} ms${r.bad ? `  ${r.bad} errors/non-2xx` : ''}`);
        }
      }
    }

    // Closed-loop at 20 connections is saturation: latency there is connections / throughput. At a
    // fixed rate like a busy office's (open loop), latency is the time of one request.
    const atRate = {};
    for (const w of workloads.filter((x) => x.kind === 'search')) {
      atRate[w.name] = await paced(sides.A.base, w, sides.A.headers, SECONDS, RATE);
      bad += atRate[w.name].bad;
      console.log(`  ${`${w.label} at ${RATE} req/s`.padEnd(48)} A  ${f1(atRate[w.name].rps).padStart(7)} req/s  p50 ${f1(atRate[w.name].p50).padStart(6)} ms  p95 ${f1(atRate[w.name].p95).padStart(6)} ms  p99 ${f1(atRate[w.name].p99).padStart(6)} ms`);
    }

    // Where the search time goes: the plan and the database's time for each search, warm, as the
    // app runs it (the app's role, so row-level security applies) and as the table owner.
    const kit = await import(pathToFileURL(KIT).href);
    for (const w of workloads.filter((x) => x.kind === 'search')) {
      const q = kit.buildPersonSearch({ municipalityId: m, teamUnitIds: null, q: w.body.q, limit: 25, offset: 0 });
      for (const asApp of [true, false]) {
        await db.query('BEGIN');
        if (asApp) await db.query(`SET LOCAL ROLE ${kit.APP_ROLE}`);
        await db.query("SELECT set_config('app.municipality_id', $1, true), set_config('app.user_id', $2, true)", [m, user.id]);
        await db.query(kit.SET_THRESHOLD_SQL);
        const plan = (await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.text}`, q.values)).rows[0]['QUERY PLAN'][0];
        // The name matching runs inside eidor_person_name_matches (migration 0010): plan its body too.
        const body = (await db.query("SELECT prosrc FROM pg_proc WHERE proname = 'eidor_person_name_matches'")).rows[0]?.prosrc ?? '';
        const names = q.values.slice(1, 3);
        const inner = body ? (await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${body.replace(/\bqn\b/g, '$1::text').replace(/\bqk\b/g, '$2::text')}`, names)).rows[0]['QUERY PLAN'][0] : null;
        await db.query('COMMIT');
        const text = JSON.stringify(plan) + JSON.stringify(inner ?? {});
        const trigram = /%>|<%/.test(text.match(/"Index Cond":"[^"]*"/g)?.join(' ') ?? '');
        console.log(
          `  EXPLAIN ${w.name} as ${asApp ? 'the app role (RLS)' : 'the table owner'}: ${f1(plan['Execution Time'])} ms (name matching ${inner ? f1(inner['Execution Time']) : '–'} ms), ${w.total} matches, ` +
            `persons_search_idx ${text.includes('persons_search_idx') ? (trigram ? 'on municipality + trigrams' : 'on municipality only, trigrams as a filter') : 'NOT USED'}${text.includes('"Seq Scan"') ? ', SEQ SCAN' : ''}`,
        );
      }
    }

    console.log(`BENCH people-search seed_ms=${Math.round(seedMs)} baseline=120000 ratio=${(seedMs / 120000).toFixed(3)}`);
    let missed = bad > 0;
    for (const w of workloads) {
      const a = results[w.name].A;
      const b = results[w.name].B;
      const p95 = median(a.map((r) => r.p95));
      const rpsA = median(a.map((r) => r.rps));
      const rpsB = median(b.map((r) => r.rps));
      console.log(`BENCH people-search ${w.name}_p95=${f1(p95)} baseline=50 ratio=${(p95 / 50).toFixed(3)}`);
      console.log(`BENCH people-search ${w.name}_rps=${f1(rpsA)} baseline=${f1(rpsB)} ratio=${(rpsA / rpsB).toFixed(3)}`);
      console.log(`  (bare ${w.name}: p95 ${f1(median(b.map((r) => r.p95)))} ms)`);
      if (atRate[w.name]) console.log(`BENCH people-search ${w.name}_p95_at_${RATE}rps=${f1(atRate[w.name].p95)} baseline=50 ratio=${(atRate[w.name].p95 / 50).toFixed(3)}`);
      if (rpsA / rpsB < 0.7) missed = true;
      if (w.kind === 'search' && p95 > 50) missed = true;
    }
    if (missed) process.exitCode = 1;
  } finally {
    await stopServer(app);
    await stopServer(bare);
    await db.end().catch(() => undefined);
    if (!process.env.BENCH_KEEP_DB) {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await a.end();
    }
  }
}

if (process.argv[2] === '--bare') await bareServer();
else await main();

/** A server left over from an interrupted run would answer in the new one's place: refuse to start. */
async function portIsFree(port) {
  const answered = await fetch(`http://127.0.0.1:${port}/api/health`).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`something already answers on port ${port} (a server left from an interrupted run?): stop it first`);
}
