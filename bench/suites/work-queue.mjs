// The work queue (issue 4, Speed): "my unit's tasks" — GET /api/tasks?scope=unit, first page of 50,
// due first — for the demo municipality's refugee service, with 100,000 people in 50 municipalities
// in the database (every municipality with its settlement data and queue). Autocannon, 10
// connections, 10 s per run, app (A) and a bare node:http + pg server running the same statement
// (the tasks module's own buildTaskList), the same kinds query and the same audit row (B), alternating
// A B A B A B; medians of three. Target: p95 ≤ 100 ms.
import { actorOf, bareServer, buildKit, load, MUNICIPALITIES, seededDatabase, signIn, startApp, stopApp } from '../lib/settlement-db.mjs';

const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const APP_PORT = 3993;
const BARE_PORT = 3994;
const f1 = (x) => (Math.round(x * 10) / 10).toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const kit = await buildKit();
const fx = await seededDatabase('eidor_bench_queue');
console.log(`PostgreSQL ${fx.serverVersion}; seeded ${fx.stats.allPeople} people in ${MUNICIPALITIES} municipalities (${fx.stats.allTasks} tasks) in ${Math.round(fx.seedMs / 1000)} s`);
console.log(`demo municipality: ${fx.stats.active} active persons, ${fx.stats.cases} settlement cases, ${fx.stats.tasks} tasks (${fx.stats.openTasks} open)`);
const actor = await actorOf(fx.db, 'advisor@demo.eidor.no');
const app = await startApp(fx.dbUrl, APP_PORT);
const bare = await bareServer(
  fx.dbUrl,
  kit,
  actor,
  async (c) => {
    const reach = kit.categoryReach(actor, 'read');
    const q = kit.buildTaskList({
      municipalityId: actor.municipalityId,
      scope: 'unit',
      userId: actor.userId,
      unitIds: [...new Set(actor.assignments.map((a) => a.unitId))],
      status: 'open',
      kind: undefined,
      today: kit.osloDate(new Date()),
      visibility: { allCategories: reach.all, teamUnitIds: [...new Set(reach.team.filter((t) => t.category === 'identity').map((t) => t.unitId))] },
      limit: 50,
      offset: 0,
    });
    // Prepared under the app's names, as the app prepares them (db/raw.ts statementName).
    const items = (await c.query({ name: kit.statementName('task_list', q.text), text: q.text, values: q.values })).rows;
    const k = kit.buildTaskKinds({ municipalityId: actor.municipalityId, scope: 'unit', userId: actor.userId, unitIds: [...new Set(actor.assignments.map((a) => a.unitId))], status: 'open' });
    const kinds = (await c.query({ name: kit.statementName('task_kinds', k.text), text: k.text, values: k.values })).rows;
    return { items, kinds };
  },
  BARE_PORT,
);
try {
  const base = `http://127.0.0.1:${APP_PORT}`;
  const call = await signIn(base, 'advisor@demo.eidor.no');
  const first = await call('GET', '/api/tasks?scope=unit&pageSize=50');
  const body = await first.json();
  if (first.status !== 200) throw new Error(`queue answered ${first.status}`);
  const bareBody = await (await fetch(`http://127.0.0.1:${BARE_PORT}/`)).json();
  if (JSON.stringify(body.items.map((i) => i.id)) !== JSON.stringify(bareBody.items.map((i) => i.id))) throw new Error('app and baseline disagree on the queue');
  console.log(`queue: ${body.total} open tasks for the refugee service, ${body.overdue} overdue; page of ${body.items.length}`);
  const sides = { A: { url: `${base}/api/tasks?scope=unit&pageSize=50`, headers: { cookie: call.headers.cookie } }, B: { url: `http://127.0.0.1:${BARE_PORT}/`, headers: {} } };
  for (const s of ['A', 'B']) await load(sides[s].url, sides[s].headers, CONNECTIONS, 3); // warm-up
  const r = { A: [], B: [] };
  for (let round = 0; round < 3; round++) {
    for (const s of ['A', 'B']) {
      const x = await load(sides[s].url, sides[s].headers, CONNECTIONS, SECONDS);
      if (x.bad) throw new Error(`${s}: ${x.bad} failed requests`);
      r[s].push(x);
      console.log(`  ${s}  ${f1(x.rps).padStart(7)} req/s  p50 ${f1(x.p50).padStart(6)} ms  p95 ${f1(x.p95).padStart(6)} ms  p99 ${f1(x.p99).padStart(6)} ms`);
    }
  }
  const p95a = median(r.A.map((x) => x.p95));
  const p95b = median(r.B.map((x) => x.p95));
  const rpsA = median(r.A.map((x) => x.rps));
  const rpsB = median(r.B.map((x) => x.rps));
  console.log(`BENCH work-queue queue_p95=${f1(p95a)} baseline=100 ratio=${(p95a / 100).toFixed(3)}`);
  console.log(`BENCH work-queue vs_bare_p95=${f1(p95a)} baseline=${f1(p95b)} ratio=${(p95a / p95b).toFixed(2)}`);
  console.log(`BENCH work-queue queue_rps=${f1(rpsA)} baseline=${f1(rpsB)} ratio=${(rpsA / rpsB).toFixed(2)}`);
} finally {
  await bare.close();
  await stopApp(app);
  await fx.db.end();
}
