import { ageOn, osloDate } from '@eidor/domain';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { membersOf } from './queries.ts';

/**
 * A household that keeps members must keep an adult: removing (or moving out) its only adult
 * would leave children alone in the register.
 */
export async function assertAdultRemains(ctx: Ctx, householdId: string, leavingPersonId: string, path: string): Promise<void> {
  const today = osloDate(ctx.now);
  const remaining = (await membersOf(ctx.tx, householdId)).filter((m) => m.id !== leavingPersonId && m.status === 'active');
  if (remaining.length > 0 && !remaining.some((m) => ageOn(m.birthDate, today) >= 18)) {
    throw new AppError('VALIDATION', 'The household would have no adult left', { fields: [{ path, message: 'would leave the household without an adult' }] });
  }
}
