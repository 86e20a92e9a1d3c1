import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Role, UnitKind } from '@eidor/domain';
import type { Db } from '../../db/client.ts';
import { invitations, roleAssignments, sessions, units, users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;
export type UserRoleRow = { userId: string; role: Role; unitId: string; unitName: string; unitKind: UnitKind };

export const listUsers = (tx: Db, municipalityId: string) =>
  tx.select().from(users).where(eq(users.municipalityId, municipalityId)).orderBy(asc(users.name));

export async function findUser(tx: Db, municipalityId: string, id: string): Promise<UserRow | undefined> {
  const rows = await tx.select().from(users).where(and(eq(users.id, id), eq(users.municipalityId, municipalityId))).limit(1);
  return rows[0];
}

export async function rolesOf(tx: Db, municipalityId: string, userIds: string[]): Promise<UserRoleRow[]> {
  if (userIds.length === 0) return [];
  const rows = await tx
    .select({ userId: roleAssignments.userId, role: roleAssignments.role, unitId: units.id, unitName: units.name, unitKind: units.kind })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(eq(roleAssignments.municipalityId, municipalityId), inArray(roleAssignments.userId, userIds)))
    .orderBy(asc(units.name), asc(roleAssignments.role));
  return rows.map((r) => ({ ...r, role: r.role as Role, unitKind: r.unitKind as UnitKind }));
}

/** Any user with this e-mail, in any municipality (e-mail is the sign-in name, so it is unique). */
export async function emailExists(tx: Db, email: string): Promise<boolean> {
  // The tenant transaction cannot see other municipalities' users; the unique index still refuses
  // a duplicate, which the command turns into a field error.
  const rows = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return rows.length > 0;
}

export async function insertUser(tx: Db, v: { municipalityId: string; email: string; name: string; now: Date }): Promise<UserRow> {
  const rows = await tx
    .insert(users)
    .values({ municipalityId: v.municipalityId, email: v.email, name: v.name, status: 'invited', createdAt: v.now, updatedAt: v.now })
    .returning();
  return rows[0]!;
}

export async function replaceRoles(tx: Db, municipalityId: string, userId: string, roles: { role: Role; unitId: string }[]): Promise<void> {
  await tx.delete(roleAssignments).where(and(eq(roleAssignments.municipalityId, municipalityId), eq(roleAssignments.userId, userId)));
  if (roles.length > 0) {
    await tx.insert(roleAssignments).values(roles.map((r) => ({ municipalityId, userId, unitId: r.unitId, role: r.role })));
  }
}

/** Bumps the version when it matches; undefined on a stale version. */
export async function bumpUser(
  tx: Db,
  municipalityId: string,
  id: string,
  version: number,
  set: Partial<Pick<UserRow, 'status'>> & { now: Date },
): Promise<UserRow | undefined> {
  const rows = await tx
    .update(users)
    .set({ ...(set.status ? { status: set.status } : {}), version: version + 1, updatedAt: set.now })
    .where(and(eq(users.id, id), eq(users.municipalityId, municipalityId), eq(users.version, version)))
    .returning();
  return rows[0];
}

export async function endSessionsOf(tx: Db, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export async function insertInvitation(
  tx: Db,
  v: { municipalityId: string; userId: string; tokenHash: string; createdBy: string; now: Date; expiresAt: Date },
): Promise<void> {
  await tx.insert(invitations).values({ ...v, createdAt: v.now });
}

export async function existingUnitIds(tx: Db, municipalityId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.municipalityId, municipalityId), inArray(units.id, ids), eq(units.active, true)));
  return new Set(rows.map((r) => r.id));
}
