import { can, type UnitKind } from '@eidor/domain';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { insertUnit, nameTaken, type UnitRow } from '../queries.ts';

/** Creates a unit (enhet) in the actor's municipality. */
export async function createUnit(ctx: Ctx, input: { name: string; kind: UnitKind }): Promise<UnitRow> {
  const decision = can(ctx.actor, 'units.manage');
  if (!decision.allowed) throw forbidden();
  if (await nameTaken(ctx.tx, ctx.actor.municipalityId, input.name)) {
    throw new AppError('CONFLICT', 'A unit with this name already exists', { fields: [{ path: 'name', message: 'is already in use' }] });
  }
  const unit = await insertUnit(ctx.tx, { municipalityId: ctx.actor.municipalityId, name: input.name, kind: input.kind, now: ctx.now });
  await ctx.audit({ action: 'unit.create', subjectType: 'unit', subjectId: unit.id, via: decision.via });
  return unit;
}
