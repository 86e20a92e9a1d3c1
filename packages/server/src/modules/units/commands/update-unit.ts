import { can, type UnitKind } from '@eidor/domain';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../../platform/errors.ts';
import { findUnit, nameTaken, updateUnitIfVersion, type UnitRow } from '../queries.ts';

/** Renames, re-kinds or (de)activates a unit; the caller's version must be current. */
export async function updateUnit(
  ctx: Ctx,
  input: { id: string; name: string; kind: UnitKind; active: boolean; version: number },
): Promise<UnitRow> {
  const decision = can(ctx.actor, 'units.manage');
  const existing = await findUnit(ctx.tx, ctx.actor.municipalityId, input.id);
  if (!existing) throw notFound();
  if (!decision.allowed) throw forbidden();
  if (await nameTaken(ctx.tx, ctx.actor.municipalityId, input.name, input.id)) {
    throw new AppError('CONFLICT', 'A unit with this name already exists', { fields: [{ path: 'name', message: 'is already in use' }] });
  }
  const updated = await updateUnitIfVersion(ctx.tx, ctx.actor.municipalityId, input.id, input.version, { ...input, now: ctx.now });
  if (!updated) throw versionConflict();
  await ctx.audit({ action: 'unit.update', subjectType: 'unit', subjectId: updated.id, via: decision.via });
  return updated;
}
