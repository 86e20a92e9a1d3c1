// Grant forecast (issue 6, Speed): a municipality of 5,000 people on PostgreSQL (the seed's demo
// municipality and its households, settlement years and decisions); POST /api/grants/forecast with a
// what-if, over HTTP, signed in as the grant coordinator: every person's grant facts loaded, every
// schedule computed, five years per grant type with the rest of the decision and the what-if.
// Target ≤ 200 ms (the baseline of the BENCH line). 5 warm-up requests, then 30 timed, one at a time.
import { buildKit, grantsDatabase } from '../lib/grants-fixture.mjs';
import { f1, median, pct, signIn, startApp, stopApp } from '../lib/programme-fixture.mjs';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 5000);
const PORT = 3994;
await buildKit();
const fx = await grantsDatabase('eidor_bench_forecast', PEOPLE);
const n = (await fx.db.query('SELECT count(*)::int AS n FROM persons WHERE municipality_id = $1', [fx.municipalityId])).rows[0].n;
console.log(`PostgreSQL ${fx.serverVersion}; ${n} people in the municipality`);
const app = await startApp(fx.dbUrl, PORT);
try {
  const grants = await signIn(`http://127.0.0.1:${PORT}`, 'grants@demo.eidor.no');
  const body = { whatIf: { mix: { single_adult: 10, adult_in_family: 8, child: 12, unaccompanied_minor: 2 }, date: null } };
  const once = async () => {
    const t0 = performance.now();
    const res = await grants('POST', '/api/grants/forecast', body);
    const out = await res.json();
    if (res.status !== 200) throw new Error(`forecast answered ${res.status}: ${JSON.stringify(out).slice(0, 300)}`);
    return { ms: performance.now() - t0, out };
  };
  for (let i = 0; i < 5; i++) await once();
  const times = [];
  let last;
  for (let i = 0; i < 30; i++) {
    const r = await once();
    times.push(r.ms);
    last = r.out;
  }
  const y0 = last.withWhatIf[0];
  console.log(`  ${last.people} people forecast; ${last.fromYear}: ${Math.round(y0.total).toLocaleString('nb-NO')} kr with the what-if; p50 ${f1(median(times))} ms, p95 ${f1(pct(times, 95))} ms`);
  const p95 = pct(times, 95);
  console.log(`BENCH forecast p95_ms=${f1(p95)} baseline=200 ratio=${(p95 / 200).toFixed(3)}`);
} finally {
  await stopApp(app);
  await fx.db.end();
}
