import type { Role } from '@eidor/domain';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { existingUnitIds } from '../queries.ts';

/** Every role must point at an active unit of the municipality; duplicates are dropped. */
export async function checkRoleGrants(ctx: Ctx, roles: { role: Role; unitId: string }[]): Promise<{ role: Role; unitId: string }[]> {
  const known = await existingUnitIds(ctx.tx, ctx.actor.municipalityId, [...new Set(roles.map((r) => r.unitId))]);
  const fields = roles
    .map((r, i) => (known.has(r.unitId) ? null : { path: `roles.${i}.unitId`, message: 'is not an active unit of this municipality' }))
    .filter((f): f is { path: string; message: string } => f !== null);
  if (fields.length > 0) throw new AppError('VALIDATION', 'Unknown unit in roles', { fields });
  const seen = new Set<string>();
  return roles.filter((r) => {
    const k = `${r.role}:${r.unitId}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
