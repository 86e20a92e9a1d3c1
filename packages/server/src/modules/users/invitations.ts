import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Deps } from '../../platform/context.ts';
import { auditRow, enterTenant } from '../../platform/context.ts';
import { appendAudit } from '../../platform/audit.ts';
import { sha256 } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { createSession } from '../../platform/sessions.ts';
import { invitations, municipalities, users } from '../../db/schema.ts';

// Invitations are opened by someone who is not signed in yet, so the token is looked up on the
// system path; everything after that is scoped to the invitation's municipality.

const invalid = () => new AppError('INVITATION_INVALID', 'The invitation link is invalid, used or expired. Ask for a new one.');

async function findOpen(deps: Deps, token: string) {
  const now = deps.clock.now();
  const rows = await deps.database.db
    .select({ inv: invitations, user: users, municipality: municipalities })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .innerJoin(municipalities, eq(municipalities.id, invitations.municipalityId))
    .where(and(eq(invitations.tokenHash, sha256(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
    .limit(1);
  const row = rows[0];
  if (!row || row.user.status !== 'invited') throw invalid();
  return row;
}

export async function lookupInvitation(deps: Deps, token: string) {
  const { user, municipality } = await findOpen(deps, token);
  return { email: user.email, name: user.name, municipalityName: municipality.name };
}

/** Sets the password, activates the account, spends the token and signs the user in. */
export async function acceptInvitation(deps: Deps, input: { token: string; password: string; ip: string; requestId: string }): Promise<string> {
  const { inv, user } = await findOpen(deps, input.token);
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const spent = await tx
      .update(invitations)
      .set({ usedAt: now })
      .where(and(eq(invitations.id, inv.id), isNull(invitations.usedAt)))
      .returning({ id: invitations.id });
    if (spent.length === 0) throw invalid(); // two tabs raced; the first one won
    await tx
      .update(users)
      .set({ passwordHash, status: 'active', version: user.version + 1, updatedAt: now })
      .where(and(eq(users.id, user.id), eq(users.status, 'invited')));
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
        { action: 'user.accept_invitation', subjectType: 'user', subjectId: user.id },
      ),
    );
    return token;
  });
}
