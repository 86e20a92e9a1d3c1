import { DEFAULT_GRANT_RATES, effectiveRates, type GrantCode, type GrantFacts, type GrantRate, type RateStatus, type SplitRule } from '@eidor/domain';
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
