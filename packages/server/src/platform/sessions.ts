import { and, eq, lt, sql } from 'drizzle-orm';
import type { Actor, Role, UnitKind } from '@eidor/domain';
import type { Db } from '../db/client.ts';
import { roleAssignments, sessions, units, users } from '../db/schema.ts';
import { randomToken, sha256 } from './crypto.ts';

// Sessions are looked up before the municipality is known, so these functions run on the
// database owner's connection (the "system" path), never inside a tenant transaction.

export type SessionPolicy = { idleMs: number; absoluteMs: number; mfaPendingMs: number };

export type SessionUser = { id: string; email: string; name: string; municipalityId: string; totpEnabled: boolean };

export type LoadedSession = {
  id: string;
  csrfToken: string;
  authMethod: 'password' | 'oidc';
  mfaPending: boolean;
  absoluteExpiresAt: Date;
  idleExpiresAt: Date;
  user: SessionUser;
  actor: Actor;
  assignments: { role: Role; unitId: string; unitName: string; unitKind: UnitKind }[];
};

/** Creates a session; returns the cookie token (only its hash is stored). */
export async function createSession(
  db: Db,
  opts: { userId: string; municipalityId: string; method: 'password' | 'oidc'; mfaPending: boolean; now: Date; policy: SessionPolicy },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const { now, policy } = opts;
  const absolute = new Date(now.getTime() + (opts.mfaPending ? policy.mfaPendingMs : policy.absoluteMs));
  const idle = new Date(Math.min(absolute.getTime(), now.getTime() + policy.idleMs));
  await db.insert(sessions).values({
    municipalityId: opts.municipalityId,
    userId: opts.userId,
    tokenHash: sha256(token),
    csrfToken,
    authMethod: opts.method,
    mfaPending: opts.mfaPending,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: idle,
    absoluteExpiresAt: absolute,
  });
  return { token, csrfToken };
}

/** The role assignments of a user in active units. */
export async function loadAssignments(db: Db, userId: string) {
  const rows = await db
    .select({ role: roleAssignments.role, unitId: units.id, unitName: units.name, unitKind: units.kind })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(eq(roleAssignments.userId, userId), eq(units.active, true)))
    .orderBy(units.name, roleAssignments.role);
  return rows.map((r) => ({ role: r.role as Role, unitId: r.unitId, unitName: r.unitName, unitKind: r.unitKind as UnitKind }));
}

/**
 * Finds a live session by its cookie token. Expired sessions and sessions of users who are no
 * longer active are deleted and yield null. Sliding idle expiry is renewed at most every 15 s.
 */
export async function findSession(db: Db, token: string, now: Date, policy: SessionPolicy): Promise<LoadedSession | null> {
  if (!token || token.length > 100) return null;
  // One round trip: the session, its user and the user's roles in active units.
  const rows = await db
    .select({
      s: sessions,
      u: users,
      roles: sql<{ role: string; unitId: string; unitName: string; unitKind: string }[] | null>`(
        SELECT json_agg(json_build_object('role', ra.role, 'unitId', un.id, 'unitName', un.name, 'unitKind', un.kind) ORDER BY un.name, ra.role)
          FROM role_assignments ra JOIN units un ON un.id = ra.unit_id
         WHERE ra.user_id = ${users.id} AND un.active)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sha256(token)))
    .limit(1)
    // Every request asks this: parsed and planned once per connection (db/raw.ts preparedRows).
    .prepare('find_session')
    .execute();
  const row = rows[0];
  if (!row) return null;
  const { s, u } = row;
  if (s.idleExpiresAt <= now || s.absoluteExpiresAt <= now || u.status !== 'active') {
    await db.delete(sessions).where(eq(sessions.id, s.id));
    return null;
  }
  let idleExpiresAt = s.idleExpiresAt;
  if (!s.mfaPending && now.getTime() - s.lastSeenAt.getTime() > 15_000) {
    idleExpiresAt = new Date(Math.min(s.absoluteExpiresAt.getTime(), now.getTime() + policy.idleMs));
    await db.update(sessions).set({ lastSeenAt: now, idleExpiresAt }).where(eq(sessions.id, s.id));
  }
  const assignments = (row.roles ?? []).map((r) => ({ role: r.role as Role, unitId: r.unitId, unitName: r.unitName, unitKind: r.unitKind as UnitKind }));
  return {
    id: s.id,
    csrfToken: s.csrfToken,
    authMethod: s.authMethod,
    mfaPending: s.mfaPending,
    absoluteExpiresAt: s.absoluteExpiresAt,
    idleExpiresAt,
    user: { id: u.id, email: u.email, name: u.name, municipalityId: u.municipalityId, totpEnabled: !!u.totpSecretEnc },
    actor: {
      userId: u.id,
      municipalityId: u.municipalityId,
      assignments: assignments.map((a) => ({ role: a.role, unitId: a.unitId, unitKind: a.unitKind })),
    },
    assignments,
  };
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a user (sign out everywhere, disabling, password change). */
export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Housekeeping: removes expired sessions. */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.absoluteExpiresAt, now));
}
