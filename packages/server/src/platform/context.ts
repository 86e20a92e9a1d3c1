import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Actor, DataCategory, RoleAssignment } from '@eidor/domain';
import { tenantSql, type Database, type Db } from '../db/client.ts';
import type { Clock } from './clock.ts';
import { appendAuditBatch, type AuditEntry, type AuditSealer } from './audit.ts';
import type { LoadedSession, SessionPolicy } from './sessions.ts';
import type { Config } from '../config.ts';
import { AppError } from './errors.ts';

export { APP_ROLE } from '../db/client.ts';

/** Everything a request needs, built once at start-up. */
export type Deps = {
  config: Config;
  database: Database;
  clock: Clock;
  secretKey: Buffer;
  migration: string;
  sessionPolicy: SessionPolicy;
  /** Chains committed audit rows after the fact (platform/audit.ts). */
  auditSealer: AuditSealer;
  /** Where log lines go (stdout when absent); tests capture them to prove nothing personal is logged. */
  logStream?: { write(line: string): void };
};

/** What one audit row says, seen from a command. */
export type AuditInput = {
  action: string;
  subjectType?: string;
  subjectId?: string;
  categories?: DataCategory[] | string[];
  /** The role assignment that authorised the action. */
  via?: RoleAssignment | undefined;
};

/** Passed to every command and query: actor, tenant-scoped transaction, request id, clock, audit. */
export type Ctx = {
  actor: Actor;
  actorEmail: string;
  tx: Db;
  requestId: string;
  ip: string | null;
  now: Date;
  log: FastifyBaseLogger;
  /** The app's address as users reach it (links in mails). */
  publicUrl: string;
  audit(input: AuditInput): Promise<void>;
};

/** Sets the tenant of the transaction: SET LOCAL ROLE to the non-superuser role, and the municipality. */
export async function enterTenant(tx: Db, municipalityId: string, userId: string | null): Promise<void> {
  // One round trip: set_config('role', …, true) is SET LOCAL ROLE (start-up checks that it took).
  await tx.execute(tenantSql(municipalityId, userId));
}

export function auditRow(
  base: { municipalityId: string; actorUserId: string | null; actorEmail: string | null; requestId: string; ip: string | null; now: Date },
  input: AuditInput,
) {
  return {
    municipalityId: base.municipalityId,
    occurredAt: base.now,
    actorUserId: base.actorUserId,
    actorEmail: base.actorEmail,
    unitId: input.via?.unitId ?? null,
    role: input.via?.role ?? null,
    action: input.action,
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId ?? null,
    categories: [...(input.categories ?? [])],
    requestId: base.requestId,
    ip: base.ip,
  };
}

/**
 * Runs `fn` in one transaction scoped to the signed-in user's municipality. The audit rows the
 * command writes commit with its changes or not at all.
 */
export async function withTenant<T>(deps: Deps, req: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const session = req.session;
  if (!session || session.mfaPending) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return runAsTenant(deps, session, { requestId: req.id, ip: req.ip ?? null, log: req.log }, fn);
}

export async function runAsTenant<T>(
  deps: Deps,
  session: Pick<LoadedSession, 'actor' | 'user'>,
  meta: { requestId: string; ip: string | null; log: FastifyBaseLogger },
  fn: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  const now = deps.clock.now();
  const pending: AuditEntry[] = [];
  const result = await deps.database.tenantTransaction(session.actor.municipalityId, session.actor.userId, async (tx) => {
    // Audit rows are collected and inserted when the command has finished, in its transaction: they
    // commit with the command's changes or not at all, and a failed insert fails the request. They
    // are chained (hash chain, platform/audit.ts) by the sealer after the commit, off the request path.
    const ctx: Ctx = {
      actor: session.actor,
      actorEmail: session.user.email,
      tx: tx as unknown as Db,
      requestId: meta.requestId,
      ip: meta.ip,
      now,
      log: meta.log,
      publicUrl: deps.config.publicUrl,
      async audit(input) {
        pending.push(
          auditRow(
            { municipalityId: session.actor.municipalityId, actorUserId: session.actor.userId, actorEmail: session.user.email, requestId: meta.requestId, ip: meta.ip, now },
            input,
          ),
        );
      },
    };
    const out = await fn(ctx);
    await appendAuditBatch(tx as unknown as Db, pending);
    return out;
  });
  if (pending.length > 0) deps.auditSealer.kick(session.actor.municipalityId);
  return result;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: LoadedSession | null;
  }
}
