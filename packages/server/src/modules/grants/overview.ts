import { addDays, grantSchedule, GRANT_TYPE_OF, GRANT_TYPES, osloDate, type GrantCode, type GrantType } from '@eidor/domain';
import { rows } from '../../db/raw.ts';
import type { Ctx } from '../../platform/context.ts';
import { loadFacts, loadGrantRates, loadSettings, toGrantFacts } from './queries.ts';

/**
 * The grant overview for the coordinator and leaders (issue 6 § 6): expected vs received per type
 * this year, open extra-grant applications, deadlines in the next 60 days, and money at risk —
 * deadlines within 30 days with nothing submitted.
 */
export async function grantOverview(ctx: Ctx, year: number) {
  const m = ctx.actor.municipalityId;
  const facts = await loadFacts(ctx.tx, m);
  const rates = await loadGrantRates(ctx.tx, m);
  const settings = await loadSettings(ctx.tx, m);
  const expected = new Map<GrantType, number>(GRANT_TYPES.map((t) => [t, 0]));
  let warnings = 0;
  for (const f of facts) {
    const s = grantSchedule(toGrantFacts(f), { rates, splitRule: settings.splitRule });
    for (const l of s.lines) {
      // Terms paid in the year, whatever the line's year (a late year 1 is paid next January).
      const inYear = l.terms.filter((t) => t.term.startsWith(`${year}-`)).reduce((a, t) => a + t.amount, 0);
      if (inYear === 0) continue;
      expected.set(l.type, expected.get(l.type)! + inYear);
      if (l.rateStatus !== 'verified' || l.carriedFrom !== null) warnings++;
    }
  }
  const paid = await rows<{ code: GrantCode; paid: string }>(
    ctx.tx,
    `SELECT code, sum(amount_ore)::text AS paid FROM grant_payment_lines WHERE municipality_id = $1 AND term LIKE $2 GROUP BY code`,
    [m, `${year}-%`],
  );
  const received = new Map<GrantType, number>(GRANT_TYPES.map((t) => [t, 0]));
  for (const p of paid) received.set(GRANT_TYPE_OF[p.code], received.get(GRANT_TYPE_OF[p.code])! + Number(p.paid) / 100);
  // Extra grants granted this year count as received extra grants.
  const granted = await rows<{ s: string | null }>(
    ctx.tx,
    `SELECT sum(granted_amount)::text AS s FROM extra_grant_applications WHERE municipality_id = $1 AND status IN ('granted','partly_granted') AND extract(year FROM decision_date) = $2`,
    [m, year],
  );
  received.set('extra', received.get('extra')! + Number(granted[0]?.s ?? 0) / 100); // øre
  const today = osloDate(ctx.now);
  const apps = await rows<{ id: string; case_id: string; grant_year: number; kind: string; status: string; due: string; estimate: string | null; applied: string | null; given_name: string; family_name: string }>(
    ctx.tx,
    `SELECT a.id, a.case_id, a.grant_year, a.kind, a.status,
            to_char(CASE WHEN a.postponement_status = 'granted' THEN a.postponement_until ELSE a.deadline END, 'YYYY-MM-DD') AS due,
            (SELECT sum(c.estimate) FROM extra_grant_cost_lines c WHERE c.case_id = a.case_id AND c.grant_year = a.grant_year)::text AS estimate,
            a.applied_amount::text AS applied, p.given_name, p.family_name
       FROM extra_grant_applications a JOIN extra_grant_cases k ON k.id = a.case_id JOIN persons p ON p.id = k.person_id
      WHERE a.municipality_id = $1`,
    [m],
  );
  const open = apps.filter((a) => ['draft', 'submitted', 'appealed'].includes(a.status)).length;
  const in60 = addDays(today, 60);
  const in30 = addDays(today, 30);
  const deadlines = apps
    .filter((a) => a.status === 'draft' && a.due >= today && a.due <= in60)
    .map((a) => {
      const amount = a.applied !== null ? Number(a.applied) / 100 : a.estimate !== null ? Number(a.estimate) / 100 : null;
      return {
        kind: a.kind,
        due: a.due,
        title: `${a.kind === 'tilskudd1' ? 'Tilskudd 1' : 'Tilskudd 2'}, tilskuddsår ${a.grant_year}: ${a.given_name} ${a.family_name}`,
        caseId: a.case_id,
        submitted: false,
        amountAtRisk: a.due <= in30 ? amount : null,
      };
    })
    .sort((a, b) => a.due.localeCompare(b.due));
  const moneyAtRisk = deadlines.reduce((s, d) => s + (d.amountAtRisk ?? 0), 0);
  const rec = await rows<{ reconciled_at: string }>(ctx.tx, 'SELECT reconciled_at::text AS reconciled_at FROM grant_reconciliations WHERE municipality_id = $1 AND year = $2', [m, year]);
  if (deadlines.length > 0) await ctx.audit({ action: 'grants.overview.read', subjectType: 'grant_overview', subjectId: String(year), categories: ['identity'] });
  const byType = GRANT_TYPES.map((t) => ({ type: t, expected: expected.get(t)!, received: received.get(t)! }));
  return {
    year,
    byType,
    expected: byType.reduce((s, b) => s + b.expected, 0),
    received: byType.reduce((s, b) => s + b.received, 0),
    reconciledAt: rec[0] ? new Date(rec[0].reconciled_at).toISOString() : null,
    openApplications: open,
    deadlines,
    moneyAtRisk,
    rateWarnings: warnings,
  };
}
