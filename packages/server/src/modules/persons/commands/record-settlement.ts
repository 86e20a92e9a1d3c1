import type { Ctx } from '../../../platform/context.ts';
import { addHistory, updatePersonIfVersion, type PersonRow } from '../queries.ts';

/**
 * Records a person's settlement date and population-register date from the settlement pipeline
 * (the caller has checked access and the pipeline's own version). Every change goes into the
 * person's history like any other edit. Returns the changed fields.
 */
export async function recordSettlementFacts(
  ctx: Ctx,
  person: PersonRow,
  facts: { settlementDate: string | null; populationRegisteredDate: string | null },
): Promise<{ field: string; from: unknown; to: unknown }[]> {
  const changes: { field: string; from: unknown; to: unknown }[] = [];
  if (person.settlementDate !== facts.settlementDate) changes.push({ field: 'settlementDate', from: person.settlementDate, to: facts.settlementDate });
  if (person.populationRegisteredDate !== facts.populationRegisteredDate) {
    changes.push({ field: 'populationRegisteredDate', from: person.populationRegisteredDate, to: facts.populationRegisteredDate });
  }
  if (changes.length === 0) return changes;
  const updated = await updatePersonIfVersion(ctx.tx, person.id, person.version, {
    settlementDate: facts.settlementDate,
    populationRegisteredDate: facts.populationRegisteredDate,
    now: ctx.now,
  });
  if (!updated) throw new Error('person changed concurrently');
  await addHistory(ctx.tx, { municipalityId: ctx.actor.municipalityId, personId: person.id, version: updated.version, now: ctx.now, by: ctx.actor.userId, changes });
  return changes;
}
