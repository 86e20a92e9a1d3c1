import { can } from '@eidor/domain';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, forbidden, versionConflict } from '../../../platform/errors.ts';
import { loadReachablePerson } from '../access.ts';
import { addHistory, replaceTeam, teamOf, unitIdsIn, updatePersonIfVersion, type PersonRow } from '../queries.ts';

/** Sets which units are on a person's team; partners' access follows at once. */
export async function setPersonTeam(ctx: Ctx, id: string, input: { unitIds: string[]; version: number }): Promise<PersonRow> {
  const { person } = await loadReachablePerson(ctx, id);
  const decision = can(ctx.actor, 'persons.team');
  if (!decision.allowed) throw forbidden();
  if (person.version !== input.version) throw versionConflict();
  const unitIds = [...new Set(input.unitIds)];
  const known = await unitIdsIn(ctx.tx, ctx.actor.municipalityId, unitIds);
  const bad = input.unitIds.map((u, i) => (known.has(u) ? null : { path: `unitIds.${i}`, message: 'is not a unit of this municipality' })).filter((x) => x !== null);
  if (bad.length > 0) throw new AppError('VALIDATION', 'Unknown unit', { fields: bad });
  const before = (await teamOf(ctx.tx, id)).map((t) => t.unitId).sort();
  const updated = await updatePersonIfVersion(ctx.tx, id, input.version, { now: ctx.now });
  if (!updated) throw versionConflict();
  await replaceTeam(ctx.tx, { municipalityId: ctx.actor.municipalityId, personId: id, unitIds, now: ctx.now, by: ctx.actor.userId });
  await addHistory(ctx.tx, { municipalityId: ctx.actor.municipalityId, personId: id, version: updated.version, now: ctx.now, by: ctx.actor.userId, changes: [{ field: 'team', from: before, to: [...unitIds].sort() }] });
  await ctx.audit({ action: 'person.set_team', subjectType: 'person', subjectId: id, categories: ['identity'], via: decision.via });
  return updated;
}
