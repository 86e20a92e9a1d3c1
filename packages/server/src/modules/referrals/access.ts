import type { ReferralSide } from '@eidor/domain';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/** A 400 naming the field, with the reason. */
export const invalid = (path: string, message: string) => new AppError('VALIDATION', `${path} ${message}`, { fields: [{ path, message }] });

/** The units the actor acts for in casework (administrators and auditors act for none). */
export function actingUnitIds(ctx: Ctx): string[] {
  return [...new Set(ctx.actor.assignments.filter((a) => a.role !== 'admin' && a.role !== 'auditor').map((a) => a.unitId))];
}

/** Which side(s) of a referral the actor is on: empty = neither (the referral does not exist for them). */
export function sidesOf(ctx: Ctx, r: { from_unit_id: string; to_unit_id: string }): ReferralSide[] {
  const units = actingUnitIds(ctx);
  const sides: ReferralSide[] = [];
  if (units.includes(r.from_unit_id)) sides.push('sender');
  if (units.includes(r.to_unit_id)) sides.push('receiver');
  return sides;
}
