// The arrival pipeline board (issue 4, Speed): GET /api/settlement/pipeline — every household still
// on its way or settled in the last 90 days, with stage, next step, due date and IMDi timing — for
// the demo municipality's settlement officer, with 100,000 people in 50 municipalities in the
// database. Autocannon, 10 connections, 10 s per run; app (A) against a bare node:http + pg server
// (B) running the same statements (cases, households still in work, members, allocations), the same
// rules (the settlement module's own summarise) and the same audit row; A B A B A B, medians of three.
// Target: p95 ≤ 150 ms.
import { actorOf, bareServer, buildKit, load, MUNICIPALITIES, seededDatabase, signIn, startApp, stopApp } from '../lib/settlement-db.mjs';

const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const APP_PORT = 3995;
const BARE_PORT = 3996;
const f1 = (x) => (Math.round(x * 10) / 10).toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const kit = await buildKit();
const fx = await seededDatabase('eidor_bench_pipeline');
console.log(`PostgreSQL ${fx.serverVersion}; seeded ${fx.stats.allPeople} people in ${MUNICIPALITIES} municipalities in ${Math.round(fx.seedMs / 1000)} s`);
console.log(`demo municipality: ${fx.stats.active} active persons, ${fx.stats.cases} settlement cases`);
const actor = await actorOf(fx.db, 'settlement@demo.eidor.no');
const m = actor.municipalityId;
const groupBy = (xs, k) => {
  const out = new Map();
  for (const x of xs) out.set(x[k], [...(out.get(x[k]) ?? []), x]);
  return out;
};
const app = await startApp(fx.dbUrl, APP_PORT);
const bare = await bareServer(
  fx.dbUrl,
  kit,
  actor,
  async (c, _url, audit) => {
    const today = kit.osloDate(new Date());
    const cutoff = kit.addDays(today, -90);
    // The app's statement (settlement/queries.ts liveCaseRows): households still in work only.
    const live = (
      await c.query(
        `SELECT id, household_id AS "householdId", imdi_reference AS "imdiReference", to_char(offered_date, 'YYYY-MM-DD') AS "offeredDate", response,
                to_char(response_date, 'YYYY-MM-DD') AS "responseDate", to_char(imdi_decision_date, 'YYYY-MM-DD') AS "imdiDecisionDate",
                to_char(planned_arrival_date, 'YYYY-MM-DD') AS "plannedArrivalDate"
           FROM settlement_cases c
          WHERE c.municipality_id = $1
            AND c.household_id IN (SELECT p.household_id FROM persons p
                  WHERE p.municipality_id = $1 AND p.status = 'active' AND p.household_id IS NOT NULL
                    AND (p.population_registered_date IS NULL OR p.population_registered_date >= $2::date))
            AND NOT (c.response = 'declined' AND c.response_date IS NOT NULL AND c.response_date < $2::date)
          ORDER BY offered_date`,
        [m, cutoff],
      )
    ).rows;
    const ids = `{${live.map((x) => x.householdId).join(',')}}`;
    const households = (await c.query('SELECT id, name FROM households WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [m, ids])).rows;
    const members = (
      await c.query(
        `SELECT id, household_id AS "householdId", to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", arrival_category AS "arrivalCategory",
                to_char(permit_date, 'YYYY-MM-DD') AS "permitDate", to_char(settlement_date, 'YYYY-MM-DD') AS "settlementDate",
                to_char(population_registered_date, 'YYYY-MM-DD') AS "populationRegisteredDate", status
           FROM persons WHERE municipality_id = $1 AND household_id = ANY($2::uuid[]) ORDER BY birth_date`,
        [m, ids],
      )
    ).rows;
    const allocs = (
      await c.query(
        `SELECT a.household_id AS "householdId", to_char(a.from_date, 'YYYY-MM-DD') AS "fromDate", to_char(a.to_date, 'YYYY-MM-DD') AS "toDate"
           FROM dwelling_allocations a JOIN dwellings d ON d.id = a.dwelling_id WHERE a.municipality_id = $1 AND a.household_id = ANY($2::uuid[]) ORDER BY a.from_date DESC`,
        [m, ids],
      )
    ).rows;
    const mb = groupBy(members, 'householdId');
    const ab = groupBy(allocs, 'householdId');
    const names = new Map(households.map((h) => [h.id, h.name]));
    const items = live.map((x) => {
      const ms = mb.get(x.householdId) ?? [];
      const s = kit.summarise(x, ms, ab.get(x.householdId) ?? [], today);
      return { id: x.id, householdId: x.householdId, householdName: names.get(x.householdId), memberCount: ms.length, stage: s.stage, nextStep: s.nextStep, nextStepDue: s.nextStepDue, overdue: s.overdue, timing: s.timing };
    });
    items.sort((a, b) => (a.nextStepDue ?? '9999').localeCompare(b.nextStepDue ?? '9999'));
    await audit(c, { action: 'settlement.pipeline.list', subjectType: 'household', categories: ['identity', 'settlement'] });
    return { items };
  },
  BARE_PORT,
);
try {
  const base = `http://127.0.0.1:${APP_PORT}`;
  const call = await signIn(base, 'settlement@demo.eidor.no');
  const first = await call('GET', '/api/settlement/pipeline');
  if (first.status !== 200) throw new Error(`board answered ${first.status}`);
  const body = await first.json();
  const bareBody = await (await fetch(`http://127.0.0.1:${BARE_PORT}/`)).json();
  if (body.items.length !== bareBody.items.length) throw new Error(`app and baseline disagree: ${body.items.length} vs ${bareBody.items.length} households`);
  console.log(`board: ${body.items.length} households (${Object.entries(body.counts).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  const sides = { A: { url: `${base}/api/settlement/pipeline`, headers: { cookie: call.headers.cookie } }, B: { url: `http://127.0.0.1:${BARE_PORT}/`, headers: {} } };
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
  console.log(`BENCH pipeline-board board_p95=${f1(p95a)} baseline=150 ratio=${(p95a / 150).toFixed(3)}`);
  console.log(`BENCH pipeline-board vs_bare_p95=${f1(p95a)} baseline=${f1(p95b)} ratio=${(p95a / p95b).toFixed(2)}`);
  console.log(`BENCH pipeline-board board_rps=${f1(rpsA)} baseline=${f1(rpsB)} ratio=${(rpsA / rpsB).toFixed(2)}`);
} finally {
  await bare.close();
  await stopApp(app);
  await fx.db.end();
}
