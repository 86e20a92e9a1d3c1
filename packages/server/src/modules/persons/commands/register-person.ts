import type { z } from 'zod';
import type { CreatePersonRequest } from '@eidor/contract';
import { can } from '@eidor/domain';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { personsChanged } from '../../../platform/hooks.ts';
import { assertMayWrite, categoriesOf, changedFields, checkFields, toValues } from '../person-fields.ts';
import { addHistory, findHousehold, insertHousehold, insertPerson, type PersonRow } from '../queries.ts';

/** Registers a person, in a new or an existing household or none; history starts at version 0. */
export async function registerPerson(ctx: Ctx, input: z.output<typeof CreatePersonRequest>): Promise<PersonRow> {
  const decision = can(ctx.actor, 'persons.register');
  if (!decision.allowed) throw forbidden();
  const f = input.person;
  const changes = changedFields(f, undefined);
  assertMayWrite(ctx, ['givenName', ...changes.map((c) => c.field)], new Map());
  await checkFields(ctx, f, { hasHousehold: input.household.mode !== 'none' });
  let householdId: string | null = null;
  if (input.household.mode === 'existing') {
    const h = await findHousehold(ctx.tx, ctx.actor.municipalityId, input.household.householdId);
    if (!h) throw new AppError('VALIDATION', 'Unknown household', { fields: [{ path: 'household.householdId', message: 'is not a household in this municipality' }] });
    householdId = h.id;
  } else if (input.household.mode === 'new') {
    const name = input.household.name ?? `Husstanden ${f.familyName}`;
    householdId = (await insertHousehold(ctx.tx, { municipalityId: ctx.actor.municipalityId, name, now: ctx.now })).id;
  }
  const person = await insertPerson(ctx.tx, { ...toValues(f), municipalityId: ctx.actor.municipalityId, householdId, now: ctx.now });
  const history = [...changes, ...(householdId ? [{ field: 'householdId', from: null, to: householdId }] : [])];
  await addHistory(ctx.tx, { municipalityId: ctx.actor.municipalityId, personId: person.id, version: 0, now: ctx.now, by: ctx.actor.userId, changes: history });
  await ctx.audit({ action: 'person.create', subjectType: 'person', subjectId: person.id, categories: categoriesOf(changes), via: decision.via });
  await personsChanged(ctx, { personIds: [person.id], householdIds: householdId ? [householdId] : [] });
  return person;
}
