import { canAccessPerson, DATA_CATEGORIES } from '@eidor/domain';
import type { Ctx } from '../../platform/context.ts';
import { abilities, loadReachablePerson, type Reachable } from './access.ts';
import { presentPerson } from './presenter.ts';
import { teamOf } from './queries.ts';

/**
 * The person page's data for a person already loaded and judged reachable; the read itself is
 * audited with the categories shown (`action` null: a write's answer, audited by the write).
 */
export async function personViewOf(ctx: Ctx, reach: Reachable, action: string | null) {
  const { person, relationships } = reach;
  const can = abilities(ctx, relationships);
  if (action) {
    const shown = DATA_CATEGORIES.filter((c) => can.categories[c].read && (c === 'identity' || c === 'settlement'));
    await ctx.audit({ action, subjectType: 'person', subjectId: person.id, categories: shown, via: canAccessPerson(ctx.actor, 'read', 'identity', relationships).via });
  }
  return presentPerson(person, await teamOf(ctx.tx, person.id), can);
}

/** As personViewOf, loading the person (404 when out of reach). */
export async function personView(ctx: Ctx, id: string, action: string | null) {
  return personViewOf(ctx, await loadReachablePerson(ctx, id), action);
}
