import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import type { Ctx, Deps } from '../../../platform/context.ts';
import { auditRow, enterTenant } from '../../../platform/context.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { decrypt, encrypt } from '../../../platform/crypto.ts';
import { AppError } from '../../../platform/errors.ts';
import { verifyPassword } from '../../../platform/passwords.ts';
import { createSession, deleteSession, type LoadedSession } from '../../../platform/sessions.ts';
import { guardSignIn, recordFailure, clearFailures } from '../../../platform/throttle.ts';
import { users } from '../../../db/schema.ts';
import { findUserById } from '../queries.ts';

const PERIOD = 30;

function totpFor(secretBase32: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: 'Eidør', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: OTPAuth.Secret.fromBase32(secretBase32) });
}

/**
 * Checks a code against the secret and returns its time-step counter, or null. One step of drift
 * either way is accepted. A code whose step is not newer than the last accepted one is a replay.
 */
export function checkTotp(secretBase32: string, code: string, now: Date, lastCounter: number): number | null {
  const delta = totpFor(secretBase32, 'x').validate({ token: code, window: 1, timestamp: now.getTime() });
  if (delta === null) return null;
  const counter = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
  return counter > lastCounter ? counter : null;
}

/** The second step of sign-in: a valid, unused TOTP code turns the half session into a full one. */
export async function verifyTotpStep(
  deps: Deps,
  pending: LoadedSession,
  input: { code: string; ip: string; requestId: string },
): Promise<string> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const account = `totp:${pending.user.id}`;
  await guardSignIn(db, input.ip, account, now);
  const user = await findUserById(db, pending.user.id);
  if (!user?.totpSecretEnc) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const counter = checkTotp(decrypt(deps.secretKey, user.totpSecretEnc), input.code, now, user.totpLastCounter);
  if (counter === null) {
    await recordFailure(db, account, now);
    throw new AppError('INVALID_TOTP', 'The code is wrong, expired or already used');
  }
  await clearFailures(db, account);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ totpLastCounter: counter }).where(eq(users.id, user.id));
    await deleteSession(tx, pending.id);
    const { token } = await createSession(tx, {
      userId: user.id,
      municipalityId: user.municipalityId,
      method: 'password',
      mfaPending: false,
      now,
      policy: deps.sessionPolicy,
    });
    await enterTenant(tx, user.municipalityId, user.id);
    await appendAudit(
      tx,
      auditRow(
        { municipalityId: user.municipalityId, actorUserId: user.id, actorEmail: user.email, requestId: input.requestId, ip: input.ip, now },
        { action: 'auth.sign_in', subjectType: 'user', subjectId: user.id, categories: [] },
      ),
    );
    return token;
  });
}

/** Starts enrolment: a new secret is kept (encrypted) as pending until confirmed with a code. */
export async function setupTotp(ctx: Ctx, secretKey: Buffer): Promise<{ secret: string; otpauthUri: string }> {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await ctx.tx.update(users).set({ totpPendingEnc: encrypt(secretKey, secret) }).where(eq(users.id, ctx.actor.userId));
  await ctx.audit({ action: 'auth.totp_setup', subjectType: 'user', subjectId: ctx.actor.userId });
  return { secret, otpauthUri: totpFor(secret, ctx.actorEmail).toString() };
}

/** Confirms enrolment with a code from the authenticator app. */
export async function enableTotp(ctx: Ctx, secretKey: Buffer, code: string): Promise<void> {
  const rows = await ctx.tx.select().from(users).where(eq(users.id, ctx.actor.userId)).limit(1);
  const user = rows[0];
  if (!user?.totpPendingEnc) throw new AppError('CONFLICT', 'Start TOTP setup first');
  const counter = checkTotp(decrypt(secretKey, user.totpPendingEnc), code, ctx.now, 0);
  if (counter === null) throw new AppError('INVALID_TOTP', 'The code is wrong or expired');
  await ctx.tx
    .update(users)
    .set({ totpSecretEnc: user.totpPendingEnc, totpPendingEnc: null, totpLastCounter: counter, version: user.version + 1, updatedAt: ctx.now })
    .where(eq(users.id, user.id));
  await ctx.audit({ action: 'auth.totp_enabled', subjectType: 'user', subjectId: user.id });
}

/** Removes the second factor; needs the password again. */
export async function disableTotp(ctx: Ctx, password: string): Promise<void> {
  const rows = await ctx.tx.select().from(users).where(eq(users.id, ctx.actor.userId)).limit(1);
  const user = rows[0];
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    throw new AppError('INVALID_CREDENTIALS', 'Wrong password');
  }
  await ctx.tx
    .update(users)
    .set({ totpSecretEnc: null, totpPendingEnc: null, totpLastCounter: 0, version: user.version + 1, updatedAt: ctx.now })
    .where(eq(users.id, user.id));
  await ctx.audit({ action: 'auth.totp_disabled', subjectType: 'user', subjectId: user.id });
}
