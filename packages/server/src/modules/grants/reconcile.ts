import { differenceReason, grantSchedule, osloDate, RECONCILE_TOLERANCE_ORE, termDate, type DifferenceReason, type GrantCode } from '@eidor/domain';
import { pgArray, rows } from '../../db/raw.ts';
import type { Ctx } from '../../platform/context.ts';
import { loadFacts, loadGrantRates, loadSettings, toGrantFacts, type FactsRow } from './queries.ts';
import { matchLines } from './matching.ts';

type Diff = { personId: string | null; lineId: number | null; term: string; code: string; expected: number; paid: number; reason: DifferenceReason; detail: Record<string, string | number | null> };

/**
 * Reconciles a year: matches the lines not matched yet, computes every person's expected terms,
 * compares them with what IMDi paid per person, term and grant, and stores the differences with
 * their reasons and a summary (replacing the year's last reconciliation).
 */
export async function reconcileYear(ctx: Ctx, year: number) {
  const m = ctx.actor.municipalityId;
  await matchLines(ctx);
  const facts = await loadFacts(ctx.tx, m);
  const rates = await loadGrantRates(ctx.tx, m);
  const settings = await loadSettings(ctx.tx, m);
  const prefix = `${year}-`;
  // Only the terms an imported list holds: a term without a list is reported as such, not as
  // everyone unpaid.
  const today = osloDate(ctx.now);
  const listed = new Set(
    (await rows<{ term: string }>(ctx.tx, 'SELECT DISTINCT term FROM grant_payment_lines WHERE municipality_id = $1 AND term LIKE $2', [m, `${prefix}%`])).map((r) => r.term),
  );
  const due = (term: string) => listed.has(term);
  const termsWithoutList = ([1, 2, 3, 4] as const).map((t) => `${year}-${t}`).filter((t) => !listed.has(t) && termDate(t) <= today);
  const expected = new Map<string, number>(); // person|term|code → øre
  const byId = new Map<string, FactsRow>();
  let expectedTotal = 0;
  for (const f of facts) {
    byId.set(f.id, f);
    const s = grantSchedule(toGrantFacts(f), { rates, splitRule: settings.splitRule });
    for (const l of s.lines) {
      for (const t of l.terms) {
        if (!t.term.startsWith(prefix) || !due(t.term)) continue;
        const k = `${f.id}|${t.term}|${l.code}`;
        expected.set(k, (expected.get(k) ?? 0) + t.amount * 100);
        expectedTotal += t.amount * 100;
      }
    }
  }
  const paidRows = await rows<{ person_id: string; term: string; code: string; paid: string; n: number; line_id: string }>(
    ctx.tx,
    `SELECT person_id, term, code, sum(amount_ore)::text AS paid, count(*)::int AS n, min(id)::text AS line_id
       FROM grant_payment_lines
      WHERE municipality_id = $1 AND person_id IS NOT NULL AND term LIKE $2
      GROUP BY person_id, term, code`,
    [m, `${prefix}%`],
  );
  const unknown = await rows<{ id: string; term: string; code: string; amount_ore: string; name: string | null; birth_date: string | null; line_no: number }>(
    ctx.tx,
    `SELECT id::text AS id, term, code, amount_ore::text AS amount_ore, name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, line_no
       FROM grant_payment_lines WHERE municipality_id = $1 AND person_id IS NULL AND term LIKE $2`,
    [m, `${prefix}%`],
  );
  const paidPersons = new Set<string>();
  const paid = new Map<string, { paid: number; n: number; lineId: number }>();
  let paidTotal = 0;
  for (const r of paidRows) {
    paid.set(`${r.person_id}|${r.term}|${r.code}`, { paid: Number(r.paid), n: r.n, lineId: Number(r.line_id) });
    paidPersons.add(r.person_id);
    paidTotal += Number(r.paid);
  }
  const diffs: Diff[] = [];
  let agreeing = 0;
  for (const k of new Set([...expected.keys(), ...paid.keys()])) {
    const [personId, term, code] = k.split('|') as [string, string, GrantCode];
    const e = expected.get(k) ?? 0;
    const p = paid.get(k);
    const pa = p?.paid ?? 0;
    if (Math.abs(pa - e) < RECONCILE_TOLERANCE_ORE && (p?.n ?? 1) <= 1) {
      agreeing++;
      continue;
    }
    const person = byId.get(personId);
    if (!person) continue; // a person of the list who left the register: not reachable
    const w = differenceReason(
      {
        status: person.status,
        statusDate: person.status_date,
        emigratedDate: person.emigrated_date,
        movedTo: person.moved_to,
        settlementDate: person.settlement_date,
        imdinettRegisteredDate: person.imdinett_registered_date,
        populationRegisteredDate: person.population_registered_date,
      },
      term,
      e,
      pa,
      p?.n ?? 0,
      paidPersons.has(personId),
    );
    diffs.push({ personId, lineId: p?.lineId ?? null, term, code, expected: e, paid: pa, ...w });
  }
  for (const u of unknown) {
    paidTotal += Number(u.amount_ore);
    diffs.push({ personId: null, lineId: Number(u.id), term: u.term, code: u.code, expected: 0, paid: Number(u.amount_ore), reason: 'unknown_person', detail: { line: u.line_no, name: u.name, birthDate: u.birth_date } });
  }
  await rows(ctx.tx, 'DELETE FROM grant_reconciliation_rows WHERE municipality_id = $1 AND year = $2', [m, year]);
  const now = ctx.now.toISOString();
  for (let i = 0; i < diffs.length; i += 5000) {
    const part = diffs.slice(i, i + 5000);
    await rows(
      ctx.tx,
      `INSERT INTO grant_reconciliation_rows (municipality_id, year, person_id, line_id, term, code, expected_ore, paid_ore, reason, detail, reconciled_at)
       SELECT $1, $2, u.person_id, u.line_id, u.term, u.code, u.expected, u.paid, u.reason, u.detail, $3
         FROM unnest($4::uuid[], $5::bigint[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::text[], $11::jsonb[])
           AS u(person_id, line_id, term, code, expected, paid, reason, detail)`,
      [
        m, year, now,
        pgArray(part.map((d) => d.personId)), pgArray(part.map((d) => d.lineId)), pgArray(part.map((d) => d.term)), pgArray(part.map((d) => d.code)),
        pgArray(part.map((d) => d.expected)), pgArray(part.map((d) => d.paid)), pgArray(part.map((d) => d.reason)), pgArray(part.map((d) => JSON.stringify(d.detail))),
      ],
    );
  }
  const byReason = new Map<string, { rows: number; difference: number }>();
  for (const d of diffs) {
    const b = byReason.get(d.reason) ?? { rows: 0, difference: 0 };
    b.rows++;
    b.difference += d.paid - d.expected;
    byReason.set(d.reason, b);
  }
  const counts = await rows<{ method: string | null; n: number }>(
    ctx.tx,
    `SELECT match_method AS method, count(*)::int AS n FROM grant_payment_lines WHERE municipality_id = $1 AND term LIKE $2 GROUP BY match_method`,
    [m, `${prefix}%`],
  );
  const c = (k: string | null) => counts.find((x) => x.method === k)?.n ?? 0;
  const summary = {
    year,
    reconciledAt: now,
    expected: expectedTotal / 100,
    paid: paidTotal / 100,
    difference: (paidTotal - expectedTotal) / 100,
    agreeing,
    terms: [...listed].sort(),
    termsWithoutList,
    byReason: [...byReason].map(([reason, b]) => ({ reason: reason as DifferenceReason, rows: b.rows, difference: b.difference / 100 })).sort((a, b) => b.rows - a.rows),
    matched: { nationalId: c('national_id'), dufNumber: c('duf_number'), nameBirthDate: c('name_birth_date') + c('manual'), unmatched: c(null) },
  };
  await rows(
    ctx.tx,
    `INSERT INTO grant_reconciliations (municipality_id, year, reconciled_at, reconciled_by, summary) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (municipality_id, year) DO UPDATE SET reconciled_at = excluded.reconciled_at, reconciled_by = excluded.reconciled_by, summary = excluded.summary`,
    [m, year, now, ctx.actor.userId, JSON.stringify(summary)],
  );
  await ctx.audit({ action: 'grants.reconcile', subjectType: 'grant_reconciliation', subjectId: String(year), categories: ['identity', 'economy'] });
  return summary;
}
