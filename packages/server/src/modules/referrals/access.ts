import { ROLE_GRANTS, type ReferralSide, type Role } from '@eidor/domain';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/** A 400 naming the field, with the reason. */
export const invalid = (path: string, message: string) => new AppError('VALIDATION', `${path} ${message}`, { fields: [{ path, message }] });

/**
 * Does the role do casework for its unit? Roles that write some data category do; a partner is its
 * unit's caseworker (what it reads and writes follows the unit's kind). Read-only roles (leader,
 * finance) and administrators and auditors do not: a referral is not theirs to see or answer.
 */
function doesCasework(role: Role): boolean {
  if (role === 'partner') return true;
  return Object.values(ROLE_GRANTS[role]).some((g) => g?.write !== undefined);
}

/** The units the actor acts for in casework. */
export function actingUnitIds(ctx: Ctx): string[] {
  return [...new Set(ctx.actor.assignments.filter((a) => doesCasework(a.role)).map((a) => a.unitId))];
}

/** The actor's casework role in a unit (for the audit's `via`). */
export function actingAssignment(ctx: Ctx, unitId: string) {
  return ctx.actor.assignments.find((a) => a.unitId === unitId && doesCasework(a.role));
}

/** Which side(s) of a referral the actor is on: empty = neither (the referral does not exist for them). */
export function sidesOf(ctx: Ctx, r: { from_unit_id: string; to_unit_id: string }): ReferralSide[] {
  const units = actingUnitIds(ctx);
  const sides: ReferralSide[] = [];
  if (units.includes(r.from_unit_id)) sides.push('sender');
  if (units.includes(r.to_unit_id)) sides.push('receiver');
  return sides;
}
