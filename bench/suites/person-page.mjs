// Opening a person page (issue 7, Speed): the person with their team, the newest journal notes and the
// open referrals — GET /api/persons/:id/overview, the one request the page makes — for random people of
// the demo municipality who each have a team, notes with corrections, interpreter use, documents,
// referrals and a consent, with 100,000 people in 50 municipalities in the database. 10 users over 10
// connections. App (A) against a bare node:http + pg server (B) that runs exactly the statements the app
// sent for the same request (captured from a separate run of the app with bench/lib/sql-capture.mjs: the
// reads, without the session lookup, in one tenant transaction as the application role, with the same
// audit rows in one insert, chained after the commit as the app does); A B A B A B, 10 s each, medians
// of three. Target: p95 ≤ 80 ms. BENCH_PAGE=three measures the three separate pages' requests in
// parallel instead (the person, the journal, the referrals), for comparison.
import { readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { actorOf, bareServer, buildKit, MUNICIPALITIES, seededDatabase, signIn, startApp, stopApp } from '../lib/settlement-db.mjs';
import { root } from '../lib/programme-fixture.mjs';

const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PEOPLE_WITH_RECORDS = 1000;
const APP_PORT = 3997;
const BARE_PORT = 3998;
const f1 = (x) => (Math.round(x * 10) / 10).toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const kit = await buildKit();
const fx = await seededDatabase('eidor_bench_person');
const db = fx.db;
const m = fx.municipalityId;
console.log(`PostgreSQL ${fx.serverVersion}; ${fx.stats.allPeople} people in ${MUNICIPALITIES} municipalities (seeded in ${Math.round(fx.seedMs / 1000)} s)`);

// ---- the demo municipality's records: team, notes, interpreters, documents, referrals, consents ----
const actor = await actorOf(db, 'advisor@demo.eidor.no');
const units = Object.fromEntries((await db.query('SELECT kind, id FROM units WHERE municipality_id = $1', [m])).rows.map((r) => [r.kind, r.id]));
// The app migrates on start; the tables of issue 7 exist once it has started once.
await stopApp(await startApp(fx.dbUrl, APP_PORT));
const people = (await db.query("SELECT id FROM persons WHERE municipality_id = $1 AND status = 'active' ORDER BY id LIMIT $2", [m, PEOPLE_WITH_RECORDS])).rows.map((r) => r.id);
if (Number((await db.query("SELECT count(*) AS n FROM journal_notes WHERE municipality_id = $1", [m])).rows[0].n) === 0) {
  const t0 = performance.now();
  const now = new Date();
  const day = 86_400_000;
  const cats = ['general', 'settlement', 'programme', 'health', 'economy', 'general', 'programme', 'settlement'];
  await db.query('BEGIN');
  for (const [i, id] of people.entries()) {
    for (const unit of [units.nav, units.health]) {
      await db.query('INSERT INTO person_team (municipality_id, person_id, unit_id, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [m, id, unit, now]);
    }
    for (const [k, category] of cats.entries()) {
      const at = new Date(now.getTime() - (cats.length - k) * 7 * day);
      const note = (await db.query('INSERT INTO journal_notes (municipality_id, person_id, category, meeting_date, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [m, id, category, k % 2 ? at.toISOString().slice(0, 10) : null, at, actor.userId])).rows[0].id;
      await db.query('INSERT INTO journal_note_versions (municipality_id, note_id, version, body, written_at, written_by) VALUES ($1, $2, 0, $3, $4, $5)', [m, note, `Samtale om ${category}: oppfølging avtalt, nytt møte om to uker. `.repeat(4), at, actor.userId]);
      if (k === 2) await db.query('INSERT INTO journal_note_versions (municipality_id, note_id, version, body, reason, written_at, written_by) VALUES ($1, $2, 1, $3, $4, $5, $6)', [m, note, 'Rettet: møtet ble flyttet.', 'Feil dato', at, actor.userId]);
    }
    await db.query(
      `INSERT INTO interpreter_uses (municipality_id, person_id, used_on, category, topic, language, qualification, status, mode, interpreter_name, created_at, created_by)
       VALUES ($1, $2, $3, 'programme', 'Oppfølgingssamtale', 'ar', 'category_1', 'used', 'on_site', 'Tolk Tolkesen', $4, $5)`,
      [m, id, new Date(now.getTime() - 14 * day).toISOString().slice(0, 10), now, actor.userId],
    );
    await db.query(
      `INSERT INTO journal_documents (municipality_id, person_id, category, file_name, doc_type, size_bytes, sha256, storage_key, uploaded_at, uploaded_by)
       VALUES ($1, $2, 'settlement', 'leiekontrakt.pdf', 'pdf', 120000, $3, $4, $5, $6)`,
      [m, id, 'f'.repeat(64), `bench/${id}`, now, actor.userId],
    );
    const consent = (
      await db.query(
        `INSERT INTO consents (municipality_id, person_id, given_by, purpose, categories, valid_from, valid_until, effective_from, effective_until, recorded_at, recorded_by)
         VALUES ($1, $2, 'person', 'Samordnet oppfølging', '{health,programme}', $3, $4, $5, $6, $5, $7) RETURNING id`,
        [m, id, new Date(now.getTime() - 30 * day).toISOString().slice(0, 10), new Date(now.getTime() + 330 * day).toISOString().slice(0, 10), new Date(now.getTime() - 30 * day), new Date(now.getTime() + 331 * day), actor.userId],
      )
    ).rows[0].id;
    await db.query('INSERT INTO consent_units (municipality_id, consent_id, unit_id) VALUES ($1, $2, $3), ($1, $2, $4)', [m, consent, units.nav, units.health]);
    await db.query(
      `INSERT INTO referrals (municipality_id, person_id, from_unit_id, to_unit_id, reason, requested_help, categories, legal_basis, due_date, status, sent_at, sent_by, answered_at, answered_by)
       VALUES ($1, $2, $3, $4, 'Behov for arbeidsrettet oppfølging', 'Kartlegging og tiltak', '{programme,economy}', 'integreringsloven_41', $5, 'accepted', $6, $7, $6, $7)`,
      [m, id, units.refugee_service, units.nav, new Date(now.getTime() + 14 * day).toISOString().slice(0, 10), new Date(now.getTime() - 10 * day), actor.userId],
    );
    if (i % 2 === 0) {
      await db.query(
        `INSERT INTO referrals (municipality_id, person_id, from_unit_id, to_unit_id, reason, requested_help, categories, legal_basis, consent_id, due_date, status, sent_at, sent_by)
         VALUES ($1, $2, $3, $4, 'Helsevurdering', 'Time hos helsesykepleier', '{health}', 'consent', $5, $6, 'sent', $7, $8)`,
        [m, id, units.refugee_service, units.health, consent, new Date(now.getTime() + 7 * day).toISOString().slice(0, 10), new Date(now.getTime() - 2 * day), actor.userId],
      );
    }
  }
  await db.query('COMMIT');
  await db.query('VACUUM ANALYZE');
  console.log(`records for ${people.length} people of the demo municipality in ${Math.round((performance.now() - t0) / 1000)} s`);
}
const counts = (await db.query(
  `SELECT (SELECT count(*) FROM journal_notes WHERE municipality_id = $1) AS notes, (SELECT count(*) FROM referrals WHERE municipality_id = $1) AS referrals,
          (SELECT count(*) FROM person_team WHERE municipality_id = $1) AS team, (SELECT count(*) FROM audit_log) AS audit`,
  [m],
)).rows[0];
console.log(`demo municipality: ${counts.notes} notes, ${counts.referrals} referrals, ${counts.team} team rows; ${counts.audit} audit rows in the database`);

// ---- what the app reads for one page, captured from a separate run ----
const THREE = process.env.BENCH_PAGE === 'three';
const PAGE = (id) => (THREE ? [`/api/persons/${id}`, `/api/journal/persons/${id}`, `/api/referrals/persons/${id}`] : [`/api/persons/${id}/overview`]);
const captureFile = path.join(tmpdir(), `eidor-person-page-${process.pid}.jsonl`);
rmSync(captureFile, { force: true });
const capturing = await startApp(fx.dbUrl, APP_PORT, { nodeArgs: ['--import', path.join(root, 'bench/lib/sql-capture.mjs')], env: { EIDOR_BENCH_CAPTURE: captureFile } });
const sample = people[0];
const statements = [];
try {
  const call = await signIn(`http://127.0.0.1:${APP_PORT}`, 'advisor@demo.eidor.no');
  for (const url of PAGE(sample)) {
    const before = readFileSync(captureFile, 'utf8').split('\n').filter(Boolean).length;
    const res = await call('GET', url);
    if (res.status !== 200) throw new Error(`${url.replace(sample, ':id')} answered ${res.status}`);
    await res.arrayBuffer();
    statements.push(readFileSync(captureFile, 'utf8').split('\n').filter(Boolean).slice(before).map((l) => JSON.parse(l)));
  }
} finally {
  await stopApp(capturing);
  rmSync(captureFile, { force: true });
}
// The bare side runs the reads: not the session and actor lookup (it has no sessions), not the
// transaction and tenant statements (it opens its own), not the audit row (it writes its own).
const skip = (text) =>
  /^\s*(begin|commit|rollback|savepoint|release)/i.test(text) ||
  /set local|set_config\(/i.test(text) ||
  /\b(sessions|audit_log|audit_chain_head|role_assignments)\b/i.test(text) ||
  /from\s+"?users"?\s+where\s+"?users"?\."?id"?\s*=/i.test(text);
const reads = statements.map((list) => list.filter((s) => !skip(s.text)));
console.log(`app statements per request (all / reads): ${statements.map((l, i) => `${l.length}/${reads[i].length}`).join(', ')}`);
if (process.env.BENCH_SHOW_SQL) for (const list of reads) for (const s of list) console.log(`  ${s.text.replace(/\s+/g, ' ').slice(0, 160)}`);
const ACTIONS = THREE ? [['person.read'], ['journal.read'], ['referral.read']] : [['person.read', 'journal.read']];

// ---- the app and the bare baseline ----
const app = await startApp(fx.dbUrl, APP_PORT);
const bare = await bareServer(
  fx.dbUrl,
  kit,
  actor,
  async (c, url, audit) => {
    const [, kind, id] = url.pathname.split('/');
    const i = Number(kind);
    const out = [];
    let openReferrals = 0;
    for (const s of reads[i]) {
      const values = s.values.map((v) => (v === sample ? id : typeof v === 'string' && v.includes(sample) ? v.split(sample).join(id) : v));
      // Prepared by name where the app prepares it, as a bare server issuing the same SQL would.
      const found = (await c.query(s.name ? { name: s.name, text: s.text, values } : { text: s.text, values })).rows;
      if (/from referrals r\b/i.test(s.text)) openReferrals += found.filter((r) => r.status === 'sent' || r.status === 'accepted').length;
      out.push(found);
    }
    // The app's audit rows: one per part shown, one per open referral shown, in one insert.
    const actions = [...ACTIONS[i], ...(THREE && i !== 2 ? [] : Array.from({ length: openReferrals }, () => 'referral.read'))];
    await audit(c, actions.map((action) => ({ action, subjectType: 'person', subjectId: id, categories: ['identity'] })));
    return out;
  },
  BARE_PORT,
);

/** Page opens from `workers` concurrent users over `connections` keep-alive sockets, for `seconds`. */
async function pageLoad(urls, headers, seconds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const get = (u) =>
    new Promise((resolve, reject) => {
      const req = http.get(u, { agent, headers }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${res.statusCode}`))));
      });
      req.on('error', reject);
    });
  const pages = [];
  const requests = [];
  let bad = 0;
  const end = performance.now() + seconds * 1000;
  async function user() {
    while (performance.now() < end) {
      const id = people[Math.floor(Math.random() * people.length)];
      const t0 = performance.now();
      await Promise.all(
        urls(id).map(async (u) => {
          const r0 = performance.now();
          await get(u).catch(() => bad++);
          requests.push(performance.now() - r0);
        }),
      );
      pages.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: CONNECTIONS }, user));
  agent.destroy();
  const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)];
  return { pagesPerS: pages.length / seconds, p50: pct(pages, 50), p95: pct(pages, 95), p99: pct(pages, 99), reqP95: pct(requests, 95), bad };
}

try {
  const base = `http://127.0.0.1:${APP_PORT}`;
  const call = await signIn(base, 'advisor@demo.eidor.no');
  const sides = {
    A: { urls: (id) => PAGE(id).map((u) => `${base}${u}`), headers: { cookie: call.headers.cookie } },
    B: { urls: (id) => PAGE(id).map((_, i) => `http://127.0.0.1:${BARE_PORT}/${i}/${id}`), headers: {} },
  };
  for (const s of ['A', 'B']) await pageLoad(sides[s].urls, sides[s].headers, 3); // warm-up
  const r = { A: [], B: [] };
  for (let round = 0; round < 3; round++) {
    for (const s of ['A', 'B']) {
      const x = await pageLoad(sides[s].urls, sides[s].headers, SECONDS);
      if (x.bad) throw new Error(`${s}: ${x.bad} failed requests`);
      r[s].push(x);
      console.log(`  ${s}  ${f1(x.pagesPerS).padStart(6)} pages/s  page p50 ${f1(x.p50).padStart(6)} ms  p95 ${f1(x.p95).padStart(6)} ms  p99 ${f1(x.p99).padStart(6)} ms  (request p95 ${f1(x.reqP95)} ms)`);
    }
  }
  const p95a = median(r.A.map((x) => x.p95));
  const p95b = median(r.B.map((x) => x.p95));
  const rateA = median(r.A.map((x) => x.pagesPerS));
  const rateB = median(r.B.map((x) => x.pagesPerS));
  console.log(`BENCH person-page page_p95=${f1(p95a)} baseline=80 ratio=${(p95a / 80).toFixed(3)}`);
  console.log(`BENCH person-page vs_bare_p95=${f1(p95a)} baseline=${f1(p95b)} ratio=${(p95a / p95b).toFixed(2)}`);
  console.log(`BENCH person-page pages_per_s=${f1(rateA)} baseline=${f1(rateB)} ratio=${(rateA / rateB).toFixed(2)}`);
} finally {
  await bare.close();
  await stopApp(app);
  await db.end();
}
