import type { ExtraGrantChecklist, ExtraGrantKind, ExtraGrantRate, ExtraGrantStatus, UnitKind } from '@eidor/domain';
import type { Db } from '../../db/client.ts';
import { rows } from '../../db/raw.ts';

// All SQL of the extra-grant module. Amounts are bigint øre, read as float8 (exact far beyond any grant);
// dates as YYYY-MM-DD text, so PGlite and PostgreSQL answer alike.

const d = (col: string, as: string) => `to_char(${col}, 'YYYY-MM-DD') AS ${as}`;

export type CaseRow = {
  id: string;
  person_id: string;
  status: 'open' | 'closed';
  signal: string | null;
  checklist: ExtraGrantChecklist;
  opened_at: Date | string;
  version: number;
};

const CASE_COLS = 'c.id, c.person_id, c.status, c.signal, c.checklist, c.opened_at, c.version';

export async function findCase(tx: Db, id: string): Promise<CaseRow | undefined> {
  return (await rows<CaseRow>(tx, `SELECT ${CASE_COLS} FROM extra_grant_cases c WHERE c.id = $1`, [id]))[0];
}

export async function caseOfPerson(tx: Db, personId: string): Promise<CaseRow | undefined> {
  return (await rows<CaseRow>(tx, `SELECT ${CASE_COLS} FROM extra_grant_cases c WHERE c.person_id = $1`, [personId]))[0];
}

export async function insertCase(tx: Db, v: { municipalityId: string; personId: string; signal: string | null; now: Date; by: string }): Promise<string> {
  const r = await rows<{ id: string }>(
    tx,
    `INSERT INTO extra_grant_cases (municipality_id, person_id, signal, opened_at, opened_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $4) ON CONFLICT (municipality_id, person_id) DO NOTHING RETURNING id`,
    [v.municipalityId, v.personId, v.signal, v.now, v.by],
  );
  return r[0]?.id ?? '';
}

export async function updateChecklist(tx: Db, id: string, version: number, checklist: ExtraGrantChecklist, now: Date): Promise<boolean> {
  const r = await rows<{ id: string }>(
    tx,
    `UPDATE extra_grant_cases SET checklist = $3::jsonb, version = version + 1, updated_at = $4 WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, JSON.stringify(checklist), now],
  );
  return r.length > 0;
}

/** The grant facts of a person: first settlement in Norway (the lead's table; absent row = the settlement date here). */
export async function firstSettlementOf(tx: Db, personId: string): Promise<string | null> {
  const facts = await hasTable(tx, 'person_grant_facts');
  const r = await rows<{ first: string | null }>(
    tx,
    facts
      ? `SELECT ${d('COALESCE(f.first_settlement_date, p.settlement_date)', 'first')} FROM persons p LEFT JOIN person_grant_facts f ON f.person_id = p.id WHERE p.id = $1`
      : `SELECT ${d('p.settlement_date', 'first')} FROM persons p WHERE p.id = $1`,
    [personId],
  );
  return r[0]?.first ?? null;
}

async function hasTable(tx: Db, name: string): Promise<boolean> {
  const r = await rows<{ ok: boolean }>(tx, `SELECT to_regclass($1) IS NOT NULL AS ok`, [name]);
  return r[0]?.ok === true;
}

/** FHT1/FHT2 rows of the rate table: the shipped defaults and the municipality's own (RLS shows both). */
export async function extraGrantRates(tx: Db): Promise<ExtraGrantRate[]> {
  if (!(await hasTable(tx, 'grant_rates'))) return [];
  const r = await rows<{ code: string; year: number; amount: number; status: ExtraGrantRate['status']; source: string; municipal: boolean }>(
    tx,
    `SELECT code, year, amount::float8 AS amount, status, source, municipality_id IS NOT NULL AS municipal FROM grant_rates WHERE code IN ('FHT1','FHT2')`,
  );
  return r.map((x) => ({ ...x, year: Number(x.year), amount: Number(x.amount) }));
}

export type UnitRow = { id: string; name: string; kind: UnitKind; active: boolean };
export async function findUnit(tx: Db, id: string): Promise<UnitRow | undefined> {
  return (await rows<UnitRow>(tx, `SELECT id, name, kind, active FROM units WHERE id = $1`, [id]))[0];
}

// ---------- consents ----------

export type ConsentRow = { id: string; signed_by: 'person' | 'guardian'; signer_name: string; scope: UnitKind[]; scope_note: string | null; consent_date: string; withdrawn_date: string | null; recorded_at: Date | string };

export async function consentsOf(tx: Db, caseId: string): Promise<ConsentRow[]> {
  return rows<ConsentRow>(
    tx,
    `SELECT id, signed_by, signer_name, scope, scope_note, ${d('consent_date', 'consent_date')}, ${d('withdrawn_date', 'withdrawn_date')}, recorded_at
       FROM extra_grant_consents WHERE case_id = $1 ORDER BY consent_date, recorded_at`,
    [caseId],
  );
}

export async function insertConsent(
  tx: Db,
  v: { municipalityId: string; caseId: string; signedBy: string; signerName: string; scope: string[]; scopeNote: string | null; consentDate: string; now: Date; by: string },
): Promise<void> {
  await rows(
    tx,
    `INSERT INTO extra_grant_consents (municipality_id, case_id, signed_by, signer_name, scope, scope_note, consent_date, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7::date, $8, $9)`,
    [v.municipalityId, v.caseId, v.signedBy, v.signerName, `{${v.scope.join(',')}}`, v.scopeNote, v.consentDate, v.now, v.by],
  );
}

export async function findConsent(tx: Db, id: string): Promise<(ConsentRow & { case_id: string }) | undefined> {
  return (
    await rows<ConsentRow & { case_id: string }>(
      tx,
      `SELECT id, case_id, signed_by, signer_name, scope, scope_note, ${d('consent_date', 'consent_date')}, ${d('withdrawn_date', 'withdrawn_date')}, recorded_at FROM extra_grant_consents WHERE id = $1`,
      [id],
    )
  )[0];
}

export async function withdrawConsent(tx: Db, id: string, date: string): Promise<void> {
  await rows(tx, `UPDATE extra_grant_consents SET withdrawn_date = $2::date WHERE id = $1 AND withdrawn_date IS NULL`, [id, date]);
}

// ---------- requests ----------

export type RequestRow = {
  id: string;
  case_id: string;
  unit_id: string;
  unit_name: string;
  unit_kind: UnitKind;
  kind: 'documentation' | 'costs' | 'documentation_and_costs';
  message: string;
  due_date: string;
  status: 'sent' | 'answered';
  answer: string | null;
  cost_estimate: number | null;
  informant: string | null;
  reminders: number;
  sent_at: Date | string;
  answered_at: Date | string | null;
  version: number;
  person_id: string;
  person_name: string;
  birth_date: string;
};

const REQUEST_SELECT = `
  SELECT r.id, r.case_id, r.unit_id, u.name AS unit_name, u.kind AS unit_kind, r.kind, r.message, ${d('r.due_date', 'due_date')},
         r.status, r.answer, r.cost_estimate::float8 AS cost_estimate, r.informant, r.reminders, r.sent_at, r.answered_at, r.version,
         c.person_id, p.given_name || ' ' || p.family_name AS person_name, ${d('p.birth_date', 'birth_date')}
    FROM extra_grant_requests r
    JOIN units u ON u.id = r.unit_id
    JOIN extra_grant_cases c ON c.id = r.case_id
    JOIN persons p ON p.id = c.person_id`;

export async function requestsOf(tx: Db, caseId: string): Promise<RequestRow[]> {
  return rows<RequestRow>(tx, `${REQUEST_SELECT} WHERE r.case_id = $1 ORDER BY r.sent_at, u.name`, [caseId]);
}

export async function findRequest(tx: Db, id: string): Promise<RequestRow | undefined> {
  return (await rows<RequestRow>(tx, `${REQUEST_SELECT} WHERE r.id = $1`, [id]))[0];
}

/** Requests sent to any of the units (the unit's inbox), unanswered first, then by due date. */
export async function requestsToUnits(tx: Db, unitIds: string[]): Promise<RequestRow[]> {
  if (unitIds.length === 0) return [];
  return rows<RequestRow>(tx, `${REQUEST_SELECT} WHERE r.unit_id = ANY($1::uuid[]) ORDER BY r.status DESC, r.due_date, r.sent_at LIMIT 500`, [`{${unitIds.join(',')}}`]);
}

export async function insertRequest(
  tx: Db,
  v: { municipalityId: string; caseId: string; unitId: string; consentId: string; kind: string; message: string; dueDate: string; now: Date; by: string },
): Promise<string> {
  const r = await rows<{ id: string }>(
    tx,
    `INSERT INTO extra_grant_requests (municipality_id, case_id, unit_id, consent_id, kind, message, due_date, sent_at, sent_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, $9) RETURNING id`,
    [v.municipalityId, v.caseId, v.unitId, v.consentId, v.kind, v.message, v.dueDate, v.now, v.by],
  );
  return r[0]!.id;
}

export async function answerRequest(tx: Db, v: { id: string; version: number; answer: string; costEstimate: number | null; informant: string; now: Date; by: string }): Promise<boolean> {
  const r = await rows<{ id: string }>(
    tx,
    `UPDATE extra_grant_requests SET status = 'answered', answer = $3, cost_estimate = $4, informant = $5, answered_at = $6, answered_by = $7, version = version + 1
      WHERE id = $1 AND version = $2 RETURNING id`,
    [v.id, v.version, v.answer, v.costEstimate, v.informant, v.now, v.by],
  );
  return r.length > 0;
}

export async function remindRequest(tx: Db, id: string, version: number): Promise<number | null> {
  const r = await rows<{ reminders: number }>(tx, `UPDATE extra_grant_requests SET reminders = reminders + 1, version = version + 1 WHERE id = $1 AND version = $2 RETURNING reminders`, [id, version]);
  return r[0] ? Number(r[0].reminders) : null;
}

// ---------- cost lines ----------

export type CostLineRow = { id: string; case_id: string; unit_id: string; unit_name: string; grant_year: number; description: string; currency: 'NOK'; estimate: number; actual: number | null; version: number };

const COST_SELECT = `
  SELECT l.id, l.case_id, l.unit_id, u.name AS unit_name, l.grant_year, l.description, l.currency, l.estimate::float8 AS estimate, l.actual::float8 AS actual, l.version
    FROM extra_grant_cost_lines l JOIN units u ON u.id = l.unit_id`;

export async function costLinesOf(tx: Db, caseId: string): Promise<CostLineRow[]> {
  const r = await rows<CostLineRow>(tx, `${COST_SELECT} WHERE l.case_id = $1 ORDER BY l.grant_year, u.name, l.created_at`, [caseId]);
  return r.map((x) => ({ ...x, estimate: Number(x.estimate), actual: x.actual === null ? null : Number(x.actual) }));
}

export async function findCostLine(tx: Db, id: string): Promise<CostLineRow | undefined> {
  return (await rows<CostLineRow>(tx, `${COST_SELECT} WHERE l.id = $1`, [id]))[0];
}

export async function insertCostLine(
  tx: Db,
  v: { municipalityId: string; caseId: string; unitId: string; grantYear: number; description: string; estimate: number; actual: number | null; now: Date; by: string },
): Promise<void> {
  await rows(
    tx,
    `INSERT INTO extra_grant_cost_lines (municipality_id, case_id, unit_id, grant_year, description, currency, estimate, actual, created_at, created_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'NOK', $6, $7, $8, $9, $8)`,
    [v.municipalityId, v.caseId, v.unitId, v.grantYear, v.description, v.estimate, v.actual, v.now, v.by],
  );
}

export async function updateCostLine(tx: Db, v: { id: string; version: number; description: string; estimate: number; actual: number | null; now: Date }): Promise<boolean> {
  const r = await rows<{ id: string }>(
    tx,
    `UPDATE extra_grant_cost_lines SET description = $3, estimate = $4, actual = $5, updated_at = $6, version = version + 1 WHERE id = $1 AND version = $2 RETURNING id`,
    [v.id, v.version, v.description, v.estimate, v.actual, v.now],
  );
  return r.length > 0;
}

// ---------- applications ----------

export type ApplicationRow = {
  id: string;
  case_id: string;
  grant_year: number;
  kind: ExtraGrantKind;
  status: ExtraGrantStatus;
  deadline: string;
  postponement_status: 'requested' | 'granted' | 'refused' | null;
  postponement_requested_date: string | null;
  postponement_until: string | null;
  submitted_date: string | null;
  applied_amount: number | null;
  granted_amount: number | null;
  decision_date: string | null;
  appeal_date: string | null;
  costs_reported_date: string | null;
  version: number;
};

const APP_SELECT = `
  SELECT id, case_id, grant_year, kind, status, ${d('deadline', 'deadline')}, postponement_status, ${d('postponement_requested_date', 'postponement_requested_date')},
         ${d('postponement_until', 'postponement_until')}, ${d('submitted_date', 'submitted_date')}, applied_amount::float8 AS applied_amount,
         granted_amount::float8 AS granted_amount, ${d('decision_date', 'decision_date')}, ${d('appeal_date', 'appeal_date')}, ${d('costs_reported_date', 'costs_reported_date')}, version
    FROM extra_grant_applications`;

const appOut = (x: ApplicationRow): ApplicationRow => ({
  ...x,
  grant_year: Number(x.grant_year),
  applied_amount: x.applied_amount === null ? null : Number(x.applied_amount),
  granted_amount: x.granted_amount === null ? null : Number(x.granted_amount),
});

export async function applicationsOf(tx: Db, caseId: string): Promise<ApplicationRow[]> {
  return (await rows<ApplicationRow>(tx, `${APP_SELECT} WHERE case_id = $1 ORDER BY grant_year`, [caseId])).map(appOut);
}

export async function findApplication(tx: Db, id: string): Promise<ApplicationRow | undefined> {
  const r = (await rows<ApplicationRow>(tx, `${APP_SELECT} WHERE id = $1`, [id]))[0];
  return r ? appOut(r) : undefined;
}

export async function insertApplication(tx: Db, v: { municipalityId: string; caseId: string; grantYear: number; kind: string; deadline: string; now: Date; by: string }): Promise<string> {
  const r = await rows<{ id: string }>(
    tx,
    `INSERT INTO extra_grant_applications (municipality_id, case_id, grant_year, kind, deadline, created_at, created_by) VALUES ($1, $2, $3, $4, $5::date, $6, $7) RETURNING id`,
    [v.municipalityId, v.caseId, v.grantYear, v.kind, v.deadline, v.now, v.by],
  );
  return r[0]!.id;
}

/** Columns an application action may set. */
export type ApplicationChange = Partial<{
  status: ExtraGrantStatus;
  postponement_status: 'requested' | 'granted' | 'refused';
  postponement_requested_date: string;
  postponement_until: string;
  submitted_date: string;
  applied_amount: number;
  granted_amount: number | null;
  decision_date: string;
  appeal_date: string;
  costs_reported_date: string;
}>;

export async function updateApplication(tx: Db, id: string, version: number, change: ApplicationChange): Promise<boolean> {
  const keys = Object.keys(change) as (keyof ApplicationChange)[];
  const sets = keys.map((k, i) => `${k} = $${i + 3}`);
  const r = await rows<{ id: string }>(
    tx,
    `UPDATE extra_grant_applications SET ${[...sets, 'version = version + 1'].join(', ')} WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, ...keys.map((k) => change[k])],
  );
  return r.length > 0;
}

// ---------- lists ----------

export type CaseListRow = { id: string; person_id: string; name: string; status: 'open' | 'closed'; first_settlement: string | null; birth_date: string; unaccompanied_minor: boolean; consents: number; open_requests: number };

export async function listCases(tx: Db): Promise<CaseListRow[]> {
  const facts = await hasTable(tx, 'person_grant_facts');
  return rows<CaseListRow>(
    tx,
    `SELECT c.id, c.person_id, p.given_name || ' ' || p.family_name AS name, c.status,
            ${d('p.birth_date', 'birth_date')}, p.arrival_category = 'unaccompanied_minor' AS unaccompanied_minor,
            ${d(facts ? 'COALESCE(f.first_settlement_date, p.settlement_date)' : 'p.settlement_date', 'first_settlement')},
            (SELECT count(*)::int FROM extra_grant_consents k WHERE k.case_id = c.id AND k.withdrawn_date IS NULL) AS consents,
            (SELECT count(*)::int FROM extra_grant_requests r WHERE r.case_id = c.id AND r.status = 'sent') AS open_requests
       FROM extra_grant_cases c
       JOIN persons p ON p.id = c.person_id
       ${facts ? 'LEFT JOIN person_grant_facts f ON f.person_id = p.id' : ''}
      ORDER BY c.status, p.family_name, p.given_name`,
  );
}

export async function applicationsOfAll(tx: Db): Promise<ApplicationRow[]> {
  return (await rows<ApplicationRow>(tx, `${APP_SELECT} ORDER BY case_id, grant_year`)).map(appOut);
}

export type SuggestionRow = { person_id: string; name: string; birth_date: string; first_settlement: string; signals: string[] };

/**
 * People to consider for an extra grant: settled within the grant
 * years (five, or an unaccompanied minor up to the year they turn 20), without a case, and with at
 * least one signal in the register — a health, PPT or child-welfare unit on their team, or an overdue
 * open health follow-up on the work queue.
 */
export async function suggestions(tx: Db, today: string): Promise<SuggestionRow[]> {
  const facts = await hasTable(tx, 'person_grant_facts');
  const first = facts ? 'COALESCE(f.first_settlement_date, p.settlement_date)' : 'p.settlement_date';
  const team = (kind: string, signal: string) =>
    `CASE WHEN EXISTS (SELECT 1 FROM person_team pt JOIN units u ON u.id = pt.unit_id WHERE pt.person_id = p.id AND u.kind = '${kind}') THEN '${signal}' END`;
  return rows<SuggestionRow>(
    tx,
    `SELECT * FROM (
       SELECT p.id AS person_id, p.given_name || ' ' || p.family_name AS name, ${d('p.birth_date', 'birth_date')}, ${d(first, 'first_settlement')},
              array_remove(ARRAY[
                ${team('health', 'health_team')},
                ${team('ppt', 'ppt_team')},
                ${team('child_welfare', 'child_welfare_team')},
                CASE WHEN EXISTS (SELECT 1 FROM tasks t WHERE t.person_id = p.id AND t.category = 'health' AND t.status = 'open' AND t.due_date < $1::date) THEN 'health_task' END
              ]::text[], NULL) AS signals
         FROM persons p
         ${facts ? 'LEFT JOIN person_grant_facts f ON f.person_id = p.id' : ''}
        WHERE p.status = 'active'
          AND ${first} IS NOT NULL
          AND (extract(year FROM ${first}) >= extract(year FROM $1::date) - 4
               OR (p.arrival_category = 'unaccompanied_minor' AND extract(year FROM p.birth_date) + 20 >= extract(year FROM $1::date)))
          AND NOT EXISTS (SELECT 1 FROM extra_grant_cases c WHERE c.person_id = p.id)
     ) s
     WHERE cardinality(s.signals) > 0
     ORDER BY cardinality(s.signals) DESC, s.first_settlement, s.name
     LIMIT 100`,
    [today],
  );
}

/** The user's unit ids through any role (a request is answered by membership of its unit). */
export function memberUnitIds(assignments: readonly { unitId: string }[]): string[] {
  return [...new Set(assignments.map((a) => a.unitId))];
}
