import { can } from '@eidor/domain';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../../platform/errors.ts';
import { bumpUser, endSessionsOf, findUser, type UserRow } from '../queries.ts';

/**
 * Disables a user (all their sessions end in the same transaction, so the next request with an old
 * cookie is refused) or enables them again.
 */
export async function setUserStatus(ctx: Ctx, input: { id: string; version: number; disable: boolean }): Promise<UserRow> {
  const decision = can(ctx.actor, 'users.manage');
  const user = await findUser(ctx.tx, ctx.actor.municipalityId, input.id);
  if (!user) throw notFound();
  if (!decision.allowed) throw forbidden();
  if (input.disable && user.id === ctx.actor.userId) throw new AppError('CONFLICT', 'You cannot disable yourself');
  if (!input.disable && user.status !== 'disabled') throw new AppError('CONFLICT', 'The user is not disabled');
  const status = input.disable ? 'disabled' : user.passwordHash ? 'active' : 'invited';
  const updated = await bumpUser(ctx.tx, ctx.actor.municipalityId, user.id, input.version, { status, now: ctx.now });
  if (!updated) throw versionConflict();
  if (input.disable) await endSessionsOf(ctx.tx, user.id);
  await ctx.audit({ action: input.disable ? 'user.disable' : 'user.enable', subjectType: 'user', subjectId: user.id, via: decision.via });
  return updated;
}
