import type { Deps } from '../../../platform/context.ts';
import { auditRow, enterTenant } from '../../../platform/context.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { verifyPassword } from '../../../platform/passwords.ts';
import { createSession, deleteSession } from '../../../platform/sessions.ts';
import { clearFailures, guardSignIn, recordFailure } from '../../../platform/throttle.ts';
import { findUserByEmail } from '../queries.ts';

export type SignInResult =
  | { status: 'signed_in'; token: string }
  | { status: 'totp_required'; token: string };

/**
 * Password sign-in. Unknown e-mail, wrong password and a disabled or not yet activated account all
 * answer the same way after the same work, so the answer does not reveal which accounts exist.
 * A user with TOTP gets a short-lived half session that only the TOTP step accepts.
 */
export async function signIn(
  deps: Deps,
  input: { email: string; password: string; ip: string; requestId: string; previousSessionId: string | undefined },
): Promise<SignInResult> {
  const db = deps.database.db;
  const now = deps.clock.now();
  await guardSignIn(db, input.ip, input.email, now);
  const user = await findUserByEmail(db, input.email);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || user.status !== 'active') {
    await recordFailure(db, input.email, now);
    throw new AppError('INVALID_CREDENTIALS', 'Wrong e-mail or password');
  }
  await clearFailures(db, input.email);
  const mfa = !!user.totpSecretEnc;
  return db.transaction(async (tx) => {
    // Rotation: whatever session the browser had is gone; a fresh id is issued.
    if (input.previousSessionId) await deleteSession(tx, input.previousSessionId);
    const { token } = await createSession(tx, {
      userId: user.id,
      municipalityId: user.municipalityId,
      method: 'password',
      mfaPending: mfa,
      now,
      policy: deps.sessionPolicy,
    });
    if (!mfa) {
      await enterTenant(tx, user.municipalityId, user.id);
      await appendAudit(
        tx,
        auditRow(
          { municipalityId: user.municipalityId, actorUserId: user.id, actorEmail: user.email, requestId: input.requestId, ip: input.ip, now },
          { action: 'auth.sign_in', subjectType: 'user', subjectId: user.id },
        ),
      );
    }
    return { status: mfa ? 'totp_required' : 'signed_in', token };
  });
}
