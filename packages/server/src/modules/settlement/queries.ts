import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { checklistTemplates, familyReunifications, settlementCases, settlementYears } from '../../db/schema.ts';

export type CaseRow = typeof settlementCases.$inferSelect;
export type YearRow = typeof settlementYears.$inferSelect;
export type ReunificationRow = typeof familyReunifications.$inferSelect;

export async function yearRows(tx: Db, municipalityId: string): Promise<YearRow[]> {
  return tx.select().from(settlementYears).where(eq(settlementYears.municipalityId, municipalityId)).orderBy(desc(settlementYears.year));
}

export async function findYear(tx: Db, municipalityId: string, year: number): Promise<YearRow | undefined> {
  const r = await tx.select().from(settlementYears).where(and(eq(settlementYears.municipalityId, municipalityId), eq(settlementYears.year, year))).limit(1);
  return r[0];
}

export async function caseRows(tx: Db, municipalityId: string): Promise<CaseRow[]> {
  return tx.select().from(settlementCases).where(eq(settlementCases.municipalityId, municipalityId)).orderBy(asc(settlementCases.offeredDate));
}

/**
 * The cases of households still in work on `since`: an active member not yet in the population
 * register or registered on or after `since`, and not declined before it. One statement on the
 * live-household index (migration 0019) instead of every case and every person of the municipality.
 */
export async function liveCaseRows(tx: Db, municipalityId: string, since: string): Promise<CaseRow[]> {
  return tx
    .select()
    .from(settlementCases)
    .where(
      and(
        eq(settlementCases.municipalityId, municipalityId),
        sql`${settlementCases.householdId} IN (SELECT p.household_id FROM persons p
              WHERE p.municipality_id = ${municipalityId} AND p.status = 'active' AND p.household_id IS NOT NULL
                AND (p.population_registered_date IS NULL OR p.population_registered_date >= ${since}::date))`,
        sql`NOT (${settlementCases.response} = 'declined' AND ${settlementCases.responseDate} IS NOT NULL AND ${settlementCases.responseDate} < ${since}::date)`,
      ),
    )
    .orderBy(asc(settlementCases.offeredDate));
}

export async function findCase(tx: Db, municipalityId: string, id: string): Promise<CaseRow | undefined> {
  const r = await tx.select().from(settlementCases).where(and(eq(settlementCases.municipalityId, municipalityId), eq(settlementCases.id, id))).limit(1);
  return r[0];
}

export async function casesOfHouseholds(tx: Db, municipalityId: string, householdIds: string[]): Promise<CaseRow[]> {
  if (householdIds.length === 0) return [];
  return tx
    .select()
    .from(settlementCases)
    .where(and(eq(settlementCases.municipalityId, municipalityId), sql`${settlementCases.householdId} = ANY(${`{${householdIds.join(',')}}`}::uuid[])`));
}

export async function caseByReference(tx: Db, municipalityId: string, refs: string[]): Promise<{ imdiReference: string | null }[]> {
  if (refs.length === 0) return [];
  return tx
    .select({ imdiReference: settlementCases.imdiReference })
    .from(settlementCases)
    .where(and(eq(settlementCases.municipalityId, municipalityId), sql`${settlementCases.imdiReference} = ANY(${`{${refs.map((r) => `"${r.replace(/["\\]/g, '')}"`).join(',')}}`}::text[])`));
}

export async function templateRow(tx: Db, municipalityId: string) {
  const r = await tx.select().from(checklistTemplates).where(eq(checklistTemplates.municipalityId, municipalityId)).limit(1);
  return r[0];
}

export async function reunificationRows(tx: Db, municipalityId: string): Promise<ReunificationRow[]> {
  return tx
    .select()
    .from(familyReunifications)
    .where(eq(familyReunifications.municipalityId, municipalityId))
    .orderBy(asc(familyReunifications.expectedArrivalDate), asc(familyReunifications.createdAt));
}

export async function findReunification(tx: Db, municipalityId: string, id: string): Promise<ReunificationRow | undefined> {
  const r = await tx.select().from(familyReunifications).where(and(eq(familyReunifications.municipalityId, municipalityId), eq(familyReunifications.id, id))).limit(1);
  return r[0];
}
