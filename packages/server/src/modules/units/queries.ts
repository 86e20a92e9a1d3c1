import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { units } from '../../db/schema.ts';

// Runs inside the tenant transaction: row-level security limits every statement to the
// actor's municipality; the explicit municipality filter is the application's own lock.

export type UnitRow = typeof units.$inferSelect;

export const listUnits = (tx: Db, municipalityId: string) =>
  tx.select().from(units).where(eq(units.municipalityId, municipalityId)).orderBy(asc(units.name));

export async function findUnit(tx: Db, municipalityId: string, id: string): Promise<UnitRow | undefined> {
  const rows = await tx.select().from(units).where(and(eq(units.id, id), eq(units.municipalityId, municipalityId))).limit(1);
  return rows[0];
}

export async function unitsByIds(tx: Db, municipalityId: string, ids: string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(units).where(and(eq(units.municipalityId, municipalityId), inArray(units.id, ids)));
}

export async function nameTaken(tx: Db, municipalityId: string, name: string, exceptId?: string): Promise<boolean> {
  const rows = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.municipalityId, municipalityId), sql`lower(${units.name}) = lower(${name})`));
  return rows.some((r) => r.id !== exceptId);
}

export async function insertUnit(tx: Db, values: { municipalityId: string; name: string; kind: string; now: Date }): Promise<UnitRow> {
  const rows = await tx
    .insert(units)
    .values({ municipalityId: values.municipalityId, name: values.name, kind: values.kind, createdAt: values.now, updatedAt: values.now })
    .returning();
  return rows[0]!;
}

/** Updates when the version matches; returns undefined on a stale version. */
export async function updateUnitIfVersion(
  tx: Db,
  municipalityId: string,
  id: string,
  version: number,
  values: { name: string; kind: string; active: boolean; now: Date },
): Promise<UnitRow | undefined> {
  const rows = await tx
    .update(units)
    .set({ name: values.name, kind: values.kind, active: values.active, version: version + 1, updatedAt: values.now })
    .where(and(eq(units.id, id), eq(units.municipalityId, municipalityId), eq(units.version, version)))
    .returning();
  return rows[0];
}
