import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rows } from '../../db/raw.ts';
import { dwellingAllocations, dwellings, households } from '../../db/schema.ts';

export type DwellingRow = typeof dwellings.$inferSelect;
export type AllocationRow = typeof dwellingAllocations.$inferSelect;

export async function listDwellingRows(tx: Db, municipalityId: string): Promise<DwellingRow[]> {
  return tx.select().from(dwellings).where(eq(dwellings.municipalityId, municipalityId)).orderBy(asc(dwellings.address));
}

export async function findDwelling(tx: Db, municipalityId: string, id: string, opts: { lock?: boolean } = {}): Promise<DwellingRow | undefined> {
  if (opts.lock) {
    // Serialises allocations of one dwelling, so two overlapping ones cannot both pass the check.
    const r = await rows<{ id: string }>(tx, 'SELECT id FROM dwellings WHERE id = $1 AND municipality_id = $2 FOR UPDATE', [id, municipalityId]);
    if (!r[0]) return undefined;
  }
  const r = await tx.select().from(dwellings).where(and(eq(dwellings.id, id), eq(dwellings.municipalityId, municipalityId))).limit(1);
  return r[0];
}

export async function allocationsWithNames(tx: Db, dwellingIds: string[]) {
  if (dwellingIds.length === 0) return [];
  return tx
    .select({
      id: dwellingAllocations.id,
      dwellingId: dwellingAllocations.dwellingId,
      householdId: dwellingAllocations.householdId,
      householdName: households.name,
      fromDate: dwellingAllocations.fromDate,
      toDate: dwellingAllocations.toDate,
      version: dwellingAllocations.version,
    })
    .from(dwellingAllocations)
    .innerJoin(households, eq(households.id, dwellingAllocations.householdId))
    .where(inArray(dwellingAllocations.dwellingId, dwellingIds))
    .orderBy(desc(dwellingAllocations.fromDate));
}

export async function findAllocation(tx: Db, municipalityId: string, id: string): Promise<AllocationRow | undefined> {
  const r = await tx.select().from(dwellingAllocations).where(and(eq(dwellingAllocations.id, id), eq(dwellingAllocations.municipalityId, municipalityId))).limit(1);
  return r[0];
}

/** A household's allocations with the address, newest first (the settlement pipeline shows them). */
export async function allocationsOfHouseholds(tx: Db, municipalityId: string, householdIds: string[]) {
  if (householdIds.length === 0) return [];
  return tx
    .select({
      id: dwellingAllocations.id,
      dwellingId: dwellingAllocations.dwellingId,
      householdId: dwellingAllocations.householdId,
      address: dwellings.address,
      fromDate: dwellingAllocations.fromDate,
      toDate: dwellingAllocations.toDate,
    })
    .from(dwellingAllocations)
    .innerJoin(dwellings, eq(dwellings.id, dwellingAllocations.dwellingId))
    .where(and(eq(dwellingAllocations.municipalityId, municipalityId), inArray(dwellingAllocations.householdId, householdIds)))
    .orderBy(desc(dwellingAllocations.fromDate));
}

export async function bumpAllocation(tx: Db, id: string, version: number, toDate: string | null) {
  const r = await tx
    .update(dwellingAllocations)
    .set({ toDate, version: sql`${dwellingAllocations.version} + 1` })
    .where(and(eq(dwellingAllocations.id, id), eq(dwellingAllocations.version, version)))
    .returning();
  return r[0];
}
