import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { addHistory, findPerson, teamOf, updatePersonIfVersion } from '../queries.ts';
import { personTeam } from '../../../db/schema.ts';

/**
 * Adds units to a person's team without removing any (used when a unit joins the person's
 * responsibility group: the unit then works with the person and sees what its kind may see).
 * Recorded in the person's history like a team edit; the person's version moves on. Returns the
 * units that were added (none when all were on the team already: nothing is written then).
 * The caller has authorised the change and writes its own audit row.
 */
export async function addUnitsToTeam(ctx: Ctx, personId: string, unitIds: readonly string[]): Promise<string[]> {
  const before = (await teamOf(ctx.tx, personId)).map((t) => t.unitId);
  const added = [...new Set(unitIds)].filter((u) => !before.includes(u));
  if (added.length === 0) return [];
  const person = await findPerson(ctx.tx, ctx.actor.municipalityId, personId);
  if (!person) throw new AppError('NOT_FOUND', 'Not found');
  const updated = await updatePersonIfVersion(ctx.tx, personId, person.version, { now: ctx.now });
  if (!updated) throw new AppError('VERSION_CONFLICT', 'The record was changed by someone else. Reload it and try again.');
  await ctx.tx.insert(personTeam).values(added.map((unitId) => ({ municipalityId: ctx.actor.municipalityId, personId, unitId, addedAt: ctx.now, addedBy: ctx.actor.userId })));
  await addHistory(ctx.tx, {
    municipalityId: ctx.actor.municipalityId,
    personId,
    version: updated.version,
    now: ctx.now,
    by: ctx.actor.userId,
    changes: [{ field: 'team', from: [...before].sort(), to: [...before, ...added].sort() }],
  });
  return added;
}
