// Monthly payment run (issue 5, Speed): preparing October 2026's run for 2,000 participants with a
// year of attendance, over HTTP against the real app on PostgreSQL — every participant's benefit
// computed from the programme and the month's attendance, the lines saved in one transaction.
// Target ≤ 5 000 ms. Baseline (as the issue names it): the same arithmetic (the server's own
// benefitFor) in a plain loop over rows loaded beforehand. Alternating A B A B A B, medians.
import { buildKit, f1, median, programmeDatabase, signIn, startApp, stopApp } from '../lib/programme-fixture.mjs';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 2000);
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? Math.round(PARTICIPANTS * 2.6));
const MONTH = '2026-10';
const PORT = 3991;

const kit = await buildKit();
const fx = await programmeDatabase('eidor_bench_payment', { people: PEOPLE, participants: PARTICIPANTS });
console.log(`PostgreSQL ${fx.serverVersion}; ${fx.participants} participants, ${fx.attendanceRows} attendance rows (a year)`);
const app = await startApp(fx.dbUrl, PORT);
try {
  const finance = await signIn(`http://127.0.0.1:${PORT}`, 'finance@demo.eidor.no');
  const period = kit.monthPeriod(MONTH);
  // B's rows, loaded once (not timed): what A reads inside its request.
  const ps = (
    await fx.db.query(
      `SELECT g.*, to_char(g.start_date, 'YYYY-MM-DD') AS start, to_char(g.end_date, 'YYYY-MM-DD') AS stop, to_char(p.birth_date, 'YYYY-MM-DD') AS birth,
              p.permit_type, to_char(p.permit_date, 'YYYY-MM-DD') AS permit
         FROM programmes g JOIN persons p ON p.id = g.person_id WHERE g.municipality_id = $1`,
      [fx.municipalityId],
    )
  ).rows;
  const att = (await fx.db.query('SELECT person_id, to_char(day, \'YYYY-MM-DD\') AS day, planned_hours, present_hours, absence_kind FROM attendance WHERE municipality_id = $1 AND day BETWEEN $2 AND $3', [fx.municipalityId, period.from, period.to])).rows;
  const byPerson = new Map();
  for (const a of att) {
    const list = byPerson.get(a.person_id) ?? [];
    list.push({ day: a.day, plannedHours: Number(a.planned_hours), presentHours: Number(a.present_hours), absenceKind: a.absence_kind });
    byPerson.set(a.person_id, list);
  }
  const A = async () => {
    const t0 = performance.now();
    const res = await finance('POST', '/api/payment-runs', { month: MONTH });
    const ms = performance.now() - t0;
    if (res.status !== 201) throw new Error(`prepare answered ${res.status}: ${await res.text()}`);
    const body = await res.json();
    return { ms, total: body.totalNet, n: body.participants };
  };
  const B = () => {
    const t0 = performance.now();
    let total = 0;
    for (const p of ps) {
      const r = kit.benefitFor(
        { birthDate: p.birth, permitType: p.permit_type, permitDate: p.permit, startDate: p.start, endDate: p.stop, plannedMonths: p.planned_months, extensionMonths: p.extension_months, status: p.status, livesWithParents: p.lives_with_parents, coupleBothParticipantsNoChildren: p.couple_both_participants_no_children },
        MONTH,
        byPerson.get(p.person_id) ?? [],
      );
      total += r.net;
    }
    return { ms: performance.now() - t0, total, n: ps.length };
  };
  await A(); // warm-up (JIT, plans), not counted
  B();
  const a = [];
  const b = [];
  for (let round = 0; round < 3; round++) {
    const ra = await A();
    const rb = B();
    if (ra.total !== rb.total || ra.n !== rb.n) throw new Error(`app and baseline disagree: ${ra.n} ${ra.total} vs ${rb.n} ${rb.total}`);
    a.push(ra.ms);
    b.push(rb.ms);
    console.log(`  round ${round + 1}: A (app, HTTP) ${f1(ra.ms)} ms   B (loop over pre-loaded rows) ${f1(rb.ms)} ms   ${ra.n} payments, ${(ra.total / 100).toLocaleString('nb-NO')} kr`);
  }
  const am = median(a);
  const bm = median(b);
  console.log(`BENCH payment-run run_ms=${Math.round(am)} baseline=5000 ratio=${(am / 5000).toFixed(3)}`);
  console.log(`BENCH payment-run vs_loop_ms=${Math.round(am)} baseline=${f1(bm)} ratio=${(am / bm).toFixed(1)}`);
} finally {
  await stopApp(app);
  await fx.db.end();
}
