// Reconciliation of IMDi's payment list (issue 6, Speed): 100,000 people in one municipality on
// PostgreSQL, and a 100,000-line payment list for 2026's first two terms (CSV as IMDi Tilskudd
// exports it: semicolons, decimal commas, Norwegian dates): 80 % of the lines name the person by
// fødselsnummer, 10 % by DUF number, 8 % by name and birth date (another spelling), 2 % nobody we know;
// some amounts differ. A = the app over HTTP, end to end: the import (streamed into COPY, every line
// checked) and the reconciliation of the year (matching, every person's expected terms, the
// differences stored). Target ≤ 10 000 ms. The import stage is compared with PostgreSQL COPY of the
// same validated rows into a table with the same columns and indexes (ratio = COPY / import, target
// ≥ 0.67). Importing the same file again must change 0 rows. Rounds alternate A and the COPY baseline.
import { addPeople, buildKit, copyInto, grantsDatabase, PASSWORD, rng } from '../lib/grants-fixture.mjs';
import { f1, median, signIn, startApp, stopApp } from '../lib/programme-fixture.mjs';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const LINES = Number(process.env.BENCH_LINES ?? 100_000);
const PORT = 3993;
void PASSWORD;

const kit = await buildKit();
const t0 = performance.now();
const fx = await grantsDatabase('eidor_bench_reconcile', 300);
const people = await addPeople(fx.db, kit, fx.municipalityId, PEOPLE - 300);
console.log(`PostgreSQL ${fx.serverVersion}; ${people.length + 300} people in the municipality (set up in ${f1((performance.now() - t0) / 1000)} s)`);

// Everyone's settlement date is registered in IMDinett (the list is then about amounts and people).
await fx.db.query(
  `INSERT INTO person_grant_facts (person_id, municipality_id, imdinett_registered_date) SELECT id, municipality_id, settlement_date + 10 FROM persons WHERE municipality_id = $1 AND settlement_date IS NOT NULL`,
  [fx.municipalityId],
);
// The payment list: 2026's first two terms for the LINES / 2 people settled 2022–2025, each paid the
// integration grant of their grant year (AR-2 … AR-5 at the shipped rates, a quarter a term).
const YEARLY = { 'AR-2': 250_300, 'AR-3': 177_700, 'AR-4': 88_100, 'AR-5': 74_300 };
const r = rng(11);
const csv = ['termin;tilskuddskode;belop;fodselsnummer;dufnummer;navn;fodselsdato'];
const validRows = [];
const perTerm = Math.floor(LINES / 2);
if (people.filter((p) => p.settled >= '2022-01-01' && p.settled < '2026-01-01').length < perTerm) throw new Error('too few people settled 2022–2025 for the list: raise BENCH_PEOPLE');
const norDate = (iso) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const payable = people.filter((p) => p.settled >= '2022-01-01' && p.settled < '2026-01-01');
const named = new Set(); // two people of the same name, birth date and amount would be one line twice
for (let i = 0; i < perTerm; i++) {
  const p = payable[i % payable.length];
  const code = `AR-${2026 - Number(p.settled.slice(0, 4)) + 1}`;
  const how = r();
  const amountOre = r() < 0.05 ? 5_000_000 : Math.floor(YEARLY[code] / 4) * 100;
  for (const term of ['2026-1', '2026-2']) {
    const kr = `${Math.floor(amountOre / 100).toLocaleString('nb-NO').replace(/\s/g, ' ')},${String(amountOre % 100).padStart(2, '0')}`;
    let line;
    if (how < 0.8) line = [term, code, kr, p.nid, '', '', ''];
    else if (how < 0.9) line = [term, code, kr, '', p.duf, '', ''];
    else if (how < 0.98 && !named.has(`${term} ${code} ${kr} ${p.given} ${p.family} ${p.birthDate}`)) {
      named.add(`${term} ${code} ${kr} ${p.given} ${p.family} ${p.birthDate}`);
      line = [term, code, kr, '', '', `${p.given.replace('Mohammad', 'Muhamed')} ${p.family.replace('Al-', 'Al ')}`, norDate(p.birthDate)];
    } else if (how < 0.98) line = [term, code, kr, p.nid, '', '', ''];
    else line = [term, code, kr, '', '', `Ukjent Person ${i}`, '01.01.1970'];
    csv.push(line.join(';'));
    validRows.push(line);
  }
}
const file = `\uFEFF${csv.join('\r\n')}\r\n`;
console.log(`payment list: ${validRows.length} lines, ${(Buffer.byteLength(file) / 1024 / 1024).toFixed(1)} MB`);

const lists = await fx.db.query(`INSERT INTO grant_payment_lists (municipality_id, file_sha256, file_kind, lines, imported_lines, terms, imported_at) VALUES ($1, 'bench', 'csv', 0, 0, '{}', now()) RETURNING id`, [fx.municipalityId]);
const benchListId = lists.rows[0].id;
const { createHash } = await import('node:crypto');
// The validated rows as the import writes them (parsed amounts, ISO dates, line hashes).
const validated = validRows.map((l, i) => {
  const ore = Number(l[2].replace(/\s/g, '').replace(',', ''));
  const birth = l[6] ? `${l[6].slice(6, 10)}-${l[6].slice(3, 5)}-${l[6].slice(0, 2)}` : null;
  const hash = createHash('sha1').update(l.join('|')).digest('base64');
  return [fx.municipalityId, benchListId, i + 2, l[0], l[1], ore, l[3] || null, l[4] || null, l[5] || null, l[5] ? l[5].toLowerCase() : null, null, birth, null, null, null, hash];
});
const COPY_COLS = 'bench_copy_lines (municipality_id, list_id, line_no, term, code, amount_ore, national_id, duf_number, name, name_key, name_skeleton, birth_date, settlement_date, municipality_number, paid_date, line_hash)';

const app = await startApp(fx.dbUrl, PORT);
// The baseline's table: the same columns and indexes as grant_payment_lines, without the policy
// (made after the app started: its start-up check rightly refuses a tenant table without one).
await fx.db.query('DROP TABLE IF EXISTS bench_copy_lines');
await fx.db.query('CREATE TABLE bench_copy_lines (LIKE grant_payment_lines INCLUDING DEFAULTS INCLUDING INDEXES INCLUDING IDENTITY)');
try {
  const grants = await signIn(`http://127.0.0.1:${PORT}`, 'grants@demo.eidor.no');
  const upload = (body) =>
    fetch(`http://127.0.0.1:${PORT}/api/grants/payment-lists`, { method: 'POST', headers: { ...grants.headers, 'content-type': 'text/csv' }, body });
  const reset = async () => {
    await fx.db.query('TRUNCATE grant_reconciliation_rows, grant_reconciliations, grant_payment_lines, bench_copy_lines');
    await fx.db.query(`DELETE FROM grant_payment_lists WHERE file_sha256 <> 'bench'`);
    await fx.db.query('VACUUM ANALYZE grant_payment_lines, bench_copy_lines');
  };
  const A = async () => {
    const t1 = performance.now();
    const res = await upload(file);
    const importMs = performance.now() - t1;
    const body = await res.json();
    if (res.status !== 200 || body.imported !== validRows.length) throw new Error(`import: ${res.status} ${JSON.stringify(body).slice(0, 400)}`);
    const t2 = performance.now();
    const rec = await grants('POST', '/api/grants/reconcile', { year: 2026 });
    const recMs = performance.now() - t2;
    const summary = await rec.json();
    if (rec.status !== 200) throw new Error(`reconcile: ${rec.status} ${JSON.stringify(summary).slice(0, 400)}`);
    return { importMs, recMs, total: importMs + recMs, summary };
  };
  const B = async () => {
    const t1 = performance.now();
    await copyInto(fx.db, COPY_COLS, validated);
    return performance.now() - t1;
  };
  await reset();
  await A(); // warm-up (JIT, plans), not counted
  const as = [];
  const bs = [];
  let last;
  for (let round = 0; round < 3; round++) {
    await reset();
    const a = await A();
    const b = await B();
    as.push(a);
    bs.push(b);
    last = a;
    console.log(`  round ${round + 1}: A import ${f1(a.importMs)} ms + reconcile ${f1(a.recMs)} ms = ${f1(a.total)} ms   B COPY ${f1(b)} ms`);
  }
  const s = last.summary;
  console.log(`  matched: ${s.matched.nationalId} by fødselsnummer, ${s.matched.dufNumber} by DUF, ${s.matched.nameBirthDate} by name and birth date, ${s.matched.unmatched} unknown`);
  console.log(`  terms ${s.terms.join(', ')}; ${s.agreeing} person-terms agree; differences: ${s.byReason.map((b) => `${b.reason} ${b.rows}`).join(', ')}`);
  // Importing the same file again changes nothing.
  const before = (await fx.db.query('SELECT count(*)::int AS n, coalesce(sum(amount_ore), 0)::text AS s FROM grant_payment_lines')).rows[0];
  const again = await (await upload(file)).json();
  const after = (await fx.db.query('SELECT count(*)::int AS n, coalesce(sum(amount_ore), 0)::text AS s FROM grant_payment_lines')).rows[0];
  const changed = after.n - before.n;
  console.log(`  re-import: alreadyImported=${again.alreadyImported}, imported=${again.imported}, rows before ${before.n}, after ${after.n}`);
  const total = median(as.map((a) => a.total));
  const imp = median(as.map((a) => a.importMs));
  const copy = median(bs);
  console.log(`BENCH reconcile end_to_end_ms=${Math.round(total)} baseline=10000 ratio=${(total / 10000).toFixed(3)}`);
  console.log(`BENCH reconcile import_ms=${Math.round(imp)} baseline=${Math.round(copy)} ratio=${(copy / imp).toFixed(2)}`);
  console.log(`BENCH reconcile reimport_changed_rows=${changed} baseline=0 ratio=${changed === 0 && again.alreadyImported ? '1.00' : 'FAIL'}`);
} finally {
  await stopApp(app);
  await fx.db.end();
}
