import { can, type Role } from '@eidor/domain';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../../platform/errors.ts';
import { bumpUser, findUser, replaceRoles, type UserRow } from '../queries.ts';
import { checkRoleGrants } from './role-checks.ts';

/** Replaces a user's roles. Admins cannot remove their own admin role (no lock-out). */
export async function setUserRoles(
  ctx: Ctx,
  input: { id: string; roles: { role: Role; unitId: string }[]; version: number },
): Promise<UserRow> {
  const decision = can(ctx.actor, 'users.manage');
  const user = await findUser(ctx.tx, ctx.actor.municipalityId, input.id);
  if (!user) throw notFound();
  if (!decision.allowed) throw forbidden();
  const roles = await checkRoleGrants(ctx, input.roles);
  if (user.id === ctx.actor.userId && !roles.some((r) => r.role === 'admin')) {
    throw new AppError('CONFLICT', 'You cannot remove your own administrator role', { fields: [{ path: 'roles', message: 'must keep your admin role' }] });
  }
  const updated = await bumpUser(ctx.tx, ctx.actor.municipalityId, user.id, input.version, { now: ctx.now });
  if (!updated) throw versionConflict();
  await replaceRoles(ctx.tx, ctx.actor.municipalityId, user.id, roles);
  await ctx.audit({ action: 'user.set_roles', subjectType: 'user', subjectId: user.id, via: decision.via });
  return updated;
}
