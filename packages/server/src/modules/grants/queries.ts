import { DEFAULT_GRANT_RATES, effectiveRates, type GrantCode, type GrantFacts, type GrantRate, type RateStatus, type SplitRule } from '@eidor/domain';
import type { GrantFactsFields } from '@eidor/contract';
import type { z } from 'zod';
import { rows } from '../../db/raw.ts';
import type { Db } from '../../db/client.ts';

/**
 * What the grant schedules need about each person, in one statement for a whole municipality:
 * the person, their grant facts, their household's size, the sponsor (referanseperson) when in the
 * register, the application date from the family-reunification record, and — for a child born
 * here — the mother's first settlement.
 */
export type FactsRow = {
  id: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  arrival_category: string | null;
  permit_type: string | null;
  settlement_date: string | null;
  status: string;
  status_date: string | null;
  population_registered_date: string | null;
  household_size: number | null;
  first_settlement_date: string | null;
  settled_by_agreement: boolean | null;
  imdinett_registered_date: string | null;
  sponsor_first_settlement_date: string | null;
  sponsor_permit_type: string | null;
  sponsor_was_family_immigrant: boolean | null;
  sponsor_nordic_citizen: boolean | null;
  family_application_date: string | null;
  special_agreement: boolean | null;
  moved_to: string | null;
  emigrated_date: string | null;
  facts_version: number | null;
  sponsor_id: string | null;
  sp_first_settlement: string | null;
  sp_permit_type: string | null;
  sp_arrival_category: string | null;
  reunification_application_date: string | null;
  mother_settlement_date: string | null;
};

const d = (c: string) => `to_char(${c}, 'YYYY-MM-DD')`;

export function factsSql(onePerson: boolean): string {
  return `
WITH sizes AS (
  SELECT household_id, count(*)::int AS n FROM persons WHERE municipality_id = $1 AND household_id IS NOT NULL ${onePerson ? 'AND household_id = (SELECT household_id FROM persons WHERE id = $2)' : ''} GROUP BY household_id
), mothers AS (
  SELECT m.household_id, min(coalesce(mf.first_settlement_date, m.settlement_date)) AS settled
    FROM persons m LEFT JOIN person_grant_facts mf ON mf.person_id = m.id
   WHERE m.municipality_id = $1 AND m.sex = 'female' AND m.household_role IN ('head', 'spouse')
     ${onePerson ? 'AND m.household_id = (SELECT household_id FROM persons WHERE id = $2)' : ''}
   GROUP BY m.household_id
), applications AS (
  SELECT r.arrived_person_id AS person_id, min(r.application_date) AS application_date
    FROM family_reunifications r
   WHERE r.municipality_id = $1 AND r.arrived_person_id IS NOT NULL ${onePerson ? 'AND r.arrived_person_id = $2' : ''}
   GROUP BY r.arrived_person_id
)
SELECT p.id, p.given_name, p.family_name, ${d('p.birth_date')} AS birth_date, p.arrival_category, p.permit_type,
       ${d('p.settlement_date')} AS settlement_date, p.status, ${d('p.status_date')} AS status_date,
       ${d('p.population_registered_date')} AS population_registered_date, s.n AS household_size,
       ${d('f.first_settlement_date')} AS first_settlement_date, f.settled_by_agreement, ${d('f.imdinett_registered_date')} AS imdinett_registered_date,
       ${d('f.sponsor_first_settlement_date')} AS sponsor_first_settlement_date, f.sponsor_permit_type, f.sponsor_was_family_immigrant,
       f.sponsor_nordic_citizen, ${d('f.family_application_date')} AS family_application_date, f.special_agreement, f.moved_to,
       ${d('f.emigrated_date')} AS emigrated_date, f.version AS facts_version,
       sp.id AS sponsor_id, ${d('coalesce(spf.first_settlement_date, sp.settlement_date)')} AS sp_first_settlement, sp.permit_type AS sp_permit_type,
       sp.arrival_category AS sp_arrival_category,
       ${d('ap.application_date')} AS reunification_application_date,
       CASE WHEN p.household_role = 'child' THEN ${d('mo.settled')} END AS mother_settlement_date
  FROM persons p
  LEFT JOIN person_grant_facts f ON f.person_id = p.id
  LEFT JOIN sizes s ON s.household_id = p.household_id
  LEFT JOIN mothers mo ON mo.household_id = p.household_id
  LEFT JOIN persons sp ON sp.id = p.sponsor_person_id
  LEFT JOIN person_grant_facts spf ON spf.person_id = sp.id
  LEFT JOIN applications ap ON ap.person_id = p.id
 WHERE p.municipality_id = $1 ${onePerson ? 'AND p.id = $2' : ''}`;
}

export async function loadFacts(tx: Db, municipalityId: string, personId?: string): Promise<FactsRow[]> {
  return rows<FactsRow>(tx, factsSql(personId !== undefined), personId !== undefined ? [municipalityId, personId] : [municipalityId]);
}

/** The schedule's input from a row: the register's facts, overridden by what the grant facts say. */
export function toGrantFacts(r: FactsRow): GrantFacts {
  const sponsorInRegister = r.sponsor_id !== null;
  const sponsorKnown = sponsorInRegister || r.sponsor_first_settlement_date !== null || r.sponsor_permit_type !== null;
  return {
    birthDate: r.birth_date,
    arrivalCategory: r.arrival_category,
    permitType: r.permit_type,
    settlementDate: r.settlement_date,
    firstSettlementDate: r.first_settlement_date,
    householdSize: r.household_size ?? 1,
    settledByAgreement: r.settled_by_agreement ?? (r.arrival_category === null ? null : !['self_settled', 'family_reunified'].includes(r.arrival_category)),
    status: r.status,
    statusDate: r.status_date,
    emigratedDate: r.emigrated_date,
    populationRegisteredDate: r.population_registered_date,
    imdinettRegisteredDate: r.imdinett_registered_date,
    sponsor: sponsorKnown
      ? {
          firstSettlementDate: sponsorInRegister ? r.sp_first_settlement : r.sponsor_first_settlement_date,
          permitType: sponsorInRegister ? (r.sp_permit_type ?? (r.sp_arrival_category === 'resettlement' ? 'refugee' : null)) : r.sponsor_permit_type,
          wasFamilyImmigrant: r.sponsor_was_family_immigrant === true || (sponsorInRegister && (r.sp_permit_type === 'family_immigration' || r.sp_arrival_category === 'family_reunified')),
          nordicCitizen: r.sponsor_nordic_citizen === true,
        }
      : null,
    familyApplicationDate: r.family_application_date ?? r.reunification_application_date,
    motherSettlementDate: r.mother_settlement_date,
  };
}

type RateRow = { code: GrantCode; year: number; amount: string; source: string; status: RateStatus; note: string | null; version: number; updated_at: string };

export async function ownRates(tx: Db, municipalityId: string): Promise<RateRow[]> {
  return rows<RateRow>(
    tx,
    `SELECT code, year, amount::text AS amount, source, status, note, version, updated_at::text AS updated_at FROM grant_rates WHERE municipality_id = $1 ORDER BY code, year`,
    [municipalityId],
  );
}

/** The rates in force for the municipality: the shipped defaults with its own rows over them. */
export async function loadGrantRates(tx: Db, municipalityId: string): Promise<GrantRate[]> {
  const own = await ownRates(tx, municipalityId);
  return effectiveRates(
    DEFAULT_GRANT_RATES,
    own.map((r) => ({ code: r.code, year: r.year, amount: Number(r.amount), source: r.source, status: r.status, note: r.note })),
  );
}

export async function loadSettings(tx: Db, municipalityId: string): Promise<{ splitRule: SplitRule; version: number }> {
  const r = await rows<{ split_rule: SplitRule; version: number }>(tx, 'SELECT split_rule, version FROM grant_settings WHERE municipality_id = $1', [municipalityId]);
  return r[0] ? { splitRule: r[0].split_rule, version: r[0].version } : { splitRule: 'month_based', version: 0 };
}

/** A municipality's own rate for a code and year: a correction of a default or an added year. */
export async function saveOwnRate(
  tx: Db,
  municipalityId: string,
  r: { code: GrantCode; year: number; amount: number; source: string; status: RateStatus; note: string | null },
  exists: boolean,
  now: Date,
  userId: string,
): Promise<void> {
  const values = [municipalityId, r.code, r.year, r.amount, r.source, r.status, r.note, now.toISOString(), userId];
  await rows(
    tx,
    exists
      ? `UPDATE grant_rates SET amount = $4, source = $5, status = $6, note = $7, version = version + 1, updated_at = $8, updated_by = $9
          WHERE municipality_id = $1 AND code = $2 AND year = $3`
      : `INSERT INTO grant_rates (municipality_id, code, year, amount, source, status, note, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    values,
  );
}

export async function deleteOwnRate(tx: Db, municipalityId: string, code: GrantCode, year: number): Promise<void> {
  await rows(tx, 'DELETE FROM grant_rates WHERE municipality_id = $1 AND code = $2 AND year = $3', [municipalityId, code, year]);
}

export async function saveSettings(tx: Db, municipalityId: string, splitRule: SplitRule, now: Date, userId: string): Promise<void> {
  await rows(
    tx,
    `INSERT INTO grant_settings (municipality_id, split_rule, version, updated_at, updated_by) VALUES ($1, $2, 1, $3, $4)
     ON CONFLICT (municipality_id) DO UPDATE SET split_rule = excluded.split_rule, version = grant_settings.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [municipalityId, splitRule, now.toISOString(), userId],
  );
}

/** The version of a person's grant facts, locked for the update; null when none are recorded. */
export async function grantFactsVersionForUpdate(tx: Db, personId: string): Promise<number | null> {
  const r = await rows<{ version: number }>(tx, 'SELECT version FROM person_grant_facts WHERE person_id = $1 FOR UPDATE', [personId]);
  return r[0]?.version ?? null;
}

export async function saveGrantFacts(tx: Db, municipalityId: string, personId: string, f: z.output<typeof GrantFactsFields>, exists: boolean, now: Date, userId: string): Promise<void> {
  const values = [
    personId, municipalityId, f.firstSettlementDate, f.settledByAgreement, f.imdinettRegisteredDate, f.sponsorFirstSettlementDate, f.sponsorPermitType,
    f.sponsorWasFamilyImmigrant, f.sponsorNordicCitizen, f.familyApplicationDate, f.specialAgreement, f.movedTo, f.emigratedDate, now.toISOString(), userId,
  ];
  await rows(
    tx,
    exists
      ? `UPDATE person_grant_facts SET first_settlement_date = $3, settled_by_agreement = $4, imdinett_registered_date = $5, sponsor_first_settlement_date = $6,
                sponsor_permit_type = $7, sponsor_was_family_immigrant = $8, sponsor_nordic_citizen = $9, family_application_date = $10, special_agreement = $11,
                moved_to = $12, emigrated_date = $13, updated_at = $14, updated_by = $15, version = version + 1
          WHERE person_id = $1 AND municipality_id = $2`
      : `INSERT INTO person_grant_facts (person_id, municipality_id, first_settlement_date, settled_by_agreement, imdinett_registered_date, sponsor_first_settlement_date,
                sponsor_permit_type, sponsor_was_family_immigrant, sponsor_nordic_citizen, family_application_date, special_agreement, moved_to, emigrated_date, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    values,
  );
}

/** The council's decided total for a settlement year, if recorded. */
export async function decidedTotal(tx: Db, municipalityId: string, year: number): Promise<number | null> {
  const r = await rows<{ decided_total: number | null }>(tx, 'SELECT decided_total FROM settlement_years WHERE municipality_id = $1 AND year = $2', [municipalityId, year]);
  return r[0]?.decided_total ?? null;
}

export async function paymentLists(tx: Db, municipalityId: string) {
  return rows<{ id: string; file_kind: 'csv' | 'xlsx'; lines: number; imported_lines: number; terms: string[]; imported_at: string; email: string | null }>(
    tx,
    `SELECT l.id, l.file_kind, l.lines, l.imported_lines, l.terms, l.imported_at::text AS imported_at, u.email
       FROM grant_payment_lists l LEFT JOIN users u ON u.id = l.imported_by
      WHERE l.municipality_id = $1 ORDER BY l.imported_at DESC LIMIT 200`,
    [municipalityId],
  );
}

export async function reconciliationSummary(tx: Db, municipalityId: string, year: number): Promise<Record<string, unknown> | undefined> {
  const s = await rows<{ summary: Record<string, unknown> }>(tx, 'SELECT summary FROM grant_reconciliations WHERE municipality_id = $1 AND year = $2', [municipalityId, year]);
  return s[0]?.summary;
}

/** A page of a year's differences, the largest first, with the person's name and birth date. */
export async function reconciliationRows(tx: Db, municipalityId: string, q: { year: number; reason?: string | undefined; limit: number; offset: number }) {
  const params: unknown[] = [municipalityId, q.year, q.limit, q.offset];
  const reasonCond = q.reason ? `AND r.reason = $${params.push(q.reason)}` : '';
  return rows<{
    id: string; person_id: string | null; given_name: string | null; family_name: string | null; birth_date: string | null; term: string; code: GrantCode;
    expected_ore: string; paid_ore: string; reason: string; detail: Record<string, string | number | null>; total: string;
  }>(
    tx,
    `SELECT r.id::text AS id, r.person_id, p.given_name, p.family_name, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, r.term, r.code,
            r.expected_ore::text AS expected_ore, r.paid_ore::text AS paid_ore, r.reason, r.detail, count(*) OVER ()::text AS total
       FROM grant_reconciliation_rows r LEFT JOIN persons p ON p.id = r.person_id
      WHERE r.municipality_id = $1 AND r.year = $2 ${reasonCond}
      ORDER BY abs(r.paid_ore - r.expected_ore) DESC, r.term, r.id
      LIMIT $3 OFFSET $4`,
    params,
  );
}
