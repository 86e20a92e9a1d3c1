import type { Ctx } from './context.ts';

/**
 * In-process notifications between modules, inside the same transaction. The persons module says
 * "these people (of these households) changed"; modules that derive work from people (the
 * settlement pipeline, later the programme deadlines) listen and bring their tasks up to date.
 */
export type PersonsChanged = { personIds: string[]; householdIds: string[] };
type Listener = (ctx: Ctx, change: PersonsChanged) => Promise<void>;

const listeners = new Set<Listener>();

export function onPersonsChanged(fn: Listener): void {
  listeners.add(fn);
}

export async function personsChanged(ctx: Ctx, change: PersonsChanged): Promise<void> {
  const householdIds = [...new Set(change.householdIds.filter(Boolean))];
  for (const fn of listeners) await fn(ctx, { personIds: change.personIds, householdIds });
}
