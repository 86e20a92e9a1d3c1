import { can, canAccessPerson, personAbilities, personReach, type Relationship } from '@eidor/domain';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { findPerson, onTeams, type PersonRow } from './queries.ts';

/** The relationships of the actor's units to one person (issue 2/3: team membership). */
export async function relationshipsTo(ctx: Ctx, personId: string): Promise<Map<string, Relationship[]>> {
  const unitIds = [...new Set(ctx.actor.assignments.map((a) => a.unitId))];
  const map = new Map<string, Relationship[]>();
  for (const u of unitIds) {
    const hit = await onTeams(ctx.tx, [personId], [u]);
    map.set(u, hit.size > 0 ? ['team_member'] : []);
  }
  return map;
}

export type Reachable = { person: PersonRow; relationships: Map<string, Relationship[]> };

/**
 * Loads a person the actor may at least see (identity read). Anyone else — another municipality,
 * a partner not on the team, a role without person access — gets 404: existence is not revealed.
 */
export async function loadReachablePerson(ctx: Ctx, personId: string): Promise<Reachable> {
  const person = await findPerson(ctx.tx, ctx.actor.municipalityId, personId);
  if (!person) throw notFound();
  const relationships = await relationshipsTo(ctx, personId);
  if (!canAccessPerson(ctx.actor, 'read', 'identity', relationships).allowed) throw notFound();
  return { person, relationships };
}

/** Null = the actor reaches everyone; otherwise the unit ids whose teams they see. */
export function reachFilter(ctx: Ctx): string[] | null {
  const r = personReach(ctx.actor);
  return r.all ? null : r.teamUnitIds;
}

export function abilities(ctx: Ctx, relationships: Map<string, Relationship[]>) {
  const categories = personAbilities(ctx.actor, relationships);
  return {
    categories,
    editTeam: categories.identity.read && can(ctx.actor, 'persons.team').allowed,
    viewHistory: categories.identity.read,
    viewAccessLog: categories.identity.read && can(ctx.actor, 'persons.access_log').allowed,
  };
}
