// Attendance week grid (issue 5, Speed): saving a class of 30 participants × 5 days in one request
// (PUT /api/programme/attendance) over HTTP against the real app on PostgreSQL: validation against each
// programme period and the absence rules over 12 months, the upsert of 150 rows and the audit row, all
// in one transaction. Target ≤ 300 ms. Baseline (named in BENCHMARKS.md): the same 150-row upsert in
// one transaction as the app role, by a bare pg client, without validation. A B alternating, 3 rounds
// of 20 saves each; p95 per round, median of the rounds.
import { f1, median, pct, pg, programmeDatabase, signIn, startApp, stopApp } from '../lib/programme-fixture.mjs';

const PORT = 3992;
const CLASS = 30;
const fx = await programmeDatabase('eidor_bench_weekgrid', { people: Number(process.env.BENCH_PEOPLE ?? 800), participants: 200 });
console.log(`PostgreSQL ${fx.serverVersion}; ${fx.participants} participants, ${fx.attendanceRows} attendance rows; a class of ${CLASS}`);
const { buildServer } = await import('../../scripts/build-server.mjs');
await buildServer();
const app = await startApp(fx.dbUrl, PORT);
const bare = new pg.Client({ connectionString: fx.dbUrl });
await bare.connect();
try {
  const advisor = await signIn(`http://127.0.0.1:${PORT}`, 'advisor@demo.eidor.no');
  const ids = (await fx.db.query('SELECT person_id FROM programmes WHERE municipality_id = $1 ORDER BY person_id LIMIT $2', [fx.municipalityId, CLASS])).rows.map((r) => r.person_id);
  const weeks = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'];
  const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const grid = (week, k) => ({
    weekStart: week,
    rows: ids.map((personId, i) => ({
      personId,
      days: [0, 1, 2, 3, 4].map((d) => {
        const miss = (i + d + k) % 17 === 0;
        return { day: addDays(week, d), plannedHours: 7.5, presentHours: miss ? 0 : 7.5, absenceKind: miss ? 'unexcused' : null };
      }),
    })),
  });
  const A = async (body) => {
    const t0 = performance.now();
    const res = await advisor('PUT', '/api/programme/attendance', body);
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`save answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    return ms;
  };
  const B = async (body) => {
    const t0 = performance.now();
    const values = [];
    const params = [];
    for (const r of body.rows) {
      for (const d of r.days) {
        const o = params.length;
        params.push(fx.municipalityId, r.personId, d.day, d.plannedHours, d.presentHours, d.absenceKind);
        values.push(`($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5}, $${o + 6}, now())`);
      }
    }
    await bare.query('BEGIN');
    await bare.query('SET LOCAL ROLE eidor_app');
    await bare.query("SELECT set_config('app.municipality_id', $1, true)", [fx.municipalityId]);
    await bare.query(
      `INSERT INTO attendance (municipality_id, person_id, day, planned_hours, present_hours, absence_kind, recorded_at) VALUES ${values.join(',')}
       ON CONFLICT (person_id, day) DO UPDATE SET planned_hours = excluded.planned_hours, present_hours = excluded.present_hours, absence_kind = excluded.absence_kind, recorded_at = excluded.recorded_at`,
      params,
    );
    await bare.query('COMMIT');
    return performance.now() - t0;
  };
  for (let k = 0; k < 5; k++) {
    await A(grid(weeks[k % 4], k)); // warm-up
    await B(grid(weeks[k % 4], k));
  }
  const pa = [];
  const pb = [];
  for (let round = 0; round < 3; round++) {
    const ta = [];
    const tb = [];
    for (let k = 0; k < 20; k++) ta.push(await A(grid(weeks[k % 4], k + round)));
    for (let k = 0; k < 20; k++) tb.push(await B(grid(weeks[k % 4], k + round)));
    pa.push(pct(ta, 95));
    pb.push(pct(tb, 95));
    console.log(`  round ${round + 1}: A (app) p50 ${f1(pct(ta, 50))} ms p95 ${f1(pct(ta, 95))} ms   B (bare upsert) p50 ${f1(pct(tb, 50))} ms p95 ${f1(pct(tb, 95))} ms`);
  }
  const am = median(pa);
  const bm = median(pb);
  console.log(`BENCH week-grid save_p95=${f1(am)} baseline=300 ratio=${(am / 300).toFixed(3)}`);
  console.log(`BENCH week-grid vs_bare_upsert_p95=${f1(am)} baseline=${f1(bm)} ratio=${(am / bm).toFixed(2)}`);
} finally {
  await bare.end();
  await stopApp(app);
  await fx.db.end();
}
