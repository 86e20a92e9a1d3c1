import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { households, persons } from '../../db/schema.ts';

/** Everyone with a settlement date: what the yearly numbers count. */
export async function settledPeople(tx: Db, municipalityId: string) {
  return tx
    .select({ arrivalCategory: persons.arrivalCategory, birthDate: persons.birthDate, settlementDate: persons.settlementDate })
    .from(persons)
    .where(and(eq(persons.municipalityId, municipalityId), isNotNull(persons.settlementDate)));
}

/** Households with their members, for many households at once (the pipeline board). */
export async function householdsOf(tx: Db, municipalityId: string, householdIds: string[]) {
  if (householdIds.length === 0) return { households: [], members: [] };
  const hs = await tx
    .select({ id: households.id, name: households.name })
    .from(households)
    .where(and(eq(households.municipalityId, municipalityId), inArray(households.id, householdIds)));
  const members = await tx
    .select({
      id: persons.id,
      householdId: persons.householdId,
      birthDate: persons.birthDate,
      arrivalCategory: persons.arrivalCategory,
      permitDate: persons.permitDate,
      settlementDate: persons.settlementDate,
      populationRegisteredDate: persons.populationRegisteredDate,
      status: persons.status,
    })
    .from(persons)
    .where(and(eq(persons.municipalityId, municipalityId), inArray(persons.householdId, householdIds)))
    .orderBy(asc(persons.birthDate));
  return { households: hs, members };
}

export async function personsByDuf(tx: Db, municipalityId: string, dufNumbers: string[]) {
  if (dufNumbers.length === 0) return [];
  return tx
    .select({ id: persons.id, dufNumber: persons.dufNumber })
    .from(persons)
    .where(and(eq(persons.municipalityId, municipalityId), inArray(persons.dufNumber, dufNumbers)));
}

/** Names and settlement dates of some people (lists in other modules show who they are about). */
export async function personNames(tx: Db, municipalityId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; settlementDate: string | null; householdId: string | null }>();
  const r = await tx
    .select({ id: persons.id, given: persons.givenName, family: persons.familyName, settlementDate: persons.settlementDate, householdId: persons.householdId })
    .from(persons)
    .where(and(eq(persons.municipalityId, municipalityId), inArray(persons.id, [...new Set(ids)])));
  return new Map(r.map((x) => [x.id, { name: `${x.given} ${x.family}`, settlementDate: x.settlementDate, householdId: x.householdId }]));
}

/**
 * People whose name contains `text` (any case), for pickers of functions that are not about
 * reading a record (the access review): ids, names and birth years only.
 */
export async function personsByNameFragment(tx: Db, municipalityId: string, text: string, limit: number) {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return tx
    .select({ id: persons.id, given: persons.givenName, family: persons.familyName, birthDate: persons.birthDate })
    .from(persons)
    .where(and(eq(persons.municipalityId, municipalityId), sql`(${persons.givenName} || ' ' || ${persons.familyName}) ILIKE ${pattern}`))
    .orderBy(asc(persons.familyName), asc(persons.givenName))
    .limit(limit);
}
