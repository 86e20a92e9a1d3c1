import type { z } from 'zod';
import type { UpdatePersonRequest } from '@eidor/contract';
import { canAccessPerson } from '@eidor/domain';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, versionConflict } from '../../../platform/errors.ts';
import { personsChanged } from '../../../platform/hooks.ts';
import { loadReachablePerson } from '../access.ts';
import { assertAdultRemains } from '../household-rules.ts';
import { assertMayWrite, categoriesOf, changedFields, checkFields, toValues } from '../person-fields.ts';
import { addHistory, findHousehold, updatePersonIfVersion, type PersonRow } from '../queries.ts';

/** Edits a person with the version the editor read; every changed field goes into the history. */
export async function updatePerson(ctx: Ctx, id: string, input: z.output<typeof UpdatePersonRequest>): Promise<PersonRow> {
  const { person: before, relationships } = await loadReachablePerson(ctx, id);
  const f = input.person;
  const changes: { field: string; from: unknown; to: unknown }[] = changedFields(f, before);
  const householdChanged = (before.householdId ?? null) !== input.householdId;
  assertMayWrite(ctx, householdChanged ? ['householdRole', ...changes.map((c) => c.field as 'givenName')] : changes.map((c) => c.field as 'givenName'), relationships);
  if (before.version !== input.version) throw versionConflict();
  await checkFields(ctx, f, { personId: id, hasHousehold: input.householdId !== null });
  if (householdChanged) {
    if (input.householdId && !(await findHousehold(ctx.tx, ctx.actor.municipalityId, input.householdId))) {
      throw new AppError('VALIDATION', 'Unknown household', { fields: [{ path: 'householdId', message: 'is not a household in this municipality' }] });
    }
    if (before.householdId) await assertAdultRemains(ctx, before.householdId, id, 'householdId');
    changes.push({ field: 'householdId', from: before.householdId, to: input.householdId });
  }
  if (changes.length === 0) return before;
  const updated = await updatePersonIfVersion(ctx.tx, id, input.version, { ...toValues(f), householdId: input.householdId, now: ctx.now });
  if (!updated) throw versionConflict();
  await addHistory(ctx.tx, { municipalityId: ctx.actor.municipalityId, personId: id, version: updated.version, now: ctx.now, by: ctx.actor.userId, changes });
  const categories = categoriesOf(changes);
  const via = canAccessPerson(ctx.actor, 'write', categories[0]!, relationships).via;
  await ctx.audit({ action: 'person.update', subjectType: 'person', subjectId: id, categories, via });
  await personsChanged(ctx, { personIds: [id], householdIds: [before.householdId, input.householdId].filter((h): h is string => h !== null) });
  return updated;
}
