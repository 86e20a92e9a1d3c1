import { can, type Role } from '@eidor/domain';
import type { Ctx } from '../../../platform/context.ts';
import { randomToken, sha256 } from '../../../platform/crypto.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { enqueueMail } from '../../../platform/mail.ts';
import { insertInvitation, insertUser, replaceRoles, type UserRow } from '../queries.ts';
import { checkRoleGrants } from './role-checks.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '23505') return true;
  }
  return false;
}

/**
 * Invites a user: creates the account (status invited, no password) with its roles and mails a
 * one-time link. The token is in the link's fragment, so it never reaches a server log.
 */
export async function inviteUser(
  ctx: Ctx,
  input: { email: string; name: string; roles: { role: Role; unitId: string }[] },
  opts: { publicUrl: string; municipalityName: string },
): Promise<UserRow> {
  const decision = can(ctx.actor, 'users.manage');
  if (!decision.allowed) throw forbidden();
  const roles = await checkRoleGrants(ctx, input.roles);
  let user: UserRow;
  try {
    user = await ctx.tx.transaction((sp) => insertUser(sp, { municipalityId: ctx.actor.municipalityId, email: input.email, name: input.name, now: ctx.now }));
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('CONFLICT', 'A user with this e-mail already exists', { fields: [{ path: 'email', message: 'is already in use' }] });
    }
    throw err;
  }
  await replaceRoles(ctx.tx, ctx.actor.municipalityId, user.id, roles);
  const token = randomToken();
  await insertInvitation(ctx.tx, {
    municipalityId: ctx.actor.municipalityId,
    userId: user.id,
    tokenHash: sha256(token),
    createdBy: ctx.actor.userId,
    now: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + INVITATION_TTL_MS),
  });
  const link = `${opts.publicUrl}/invitation#token=${token}`;
  await enqueueMail(ctx.tx, {
    municipalityId: ctx.actor.municipalityId,
    to: input.email,
    subject: `Invitasjon til Eidør – ${opts.municipalityName}`,
    body: [
      `Hei ${input.name},`,
      '',
      `Du er invitert som bruker av Eidør i ${opts.municipalityName}.`,
      'Åpne lenken for å velge passord. Lenken kan brukes én gang og gjelder i 7 dager.',
      '',
      link,
      '',
      'Hvis du ikke venter denne invitasjonen, kan du se bort fra e-posten.',
    ].join('\n'),
    now: ctx.now,
  });
  await ctx.audit({ action: 'user.invite', subjectType: 'user', subjectId: user.id, via: decision.via });
  return user;
}
