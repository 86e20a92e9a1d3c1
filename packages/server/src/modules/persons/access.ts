import { can, canAccessPerson, personAbilities, personReach, type DataCategory, type Relationship } from '@eidor/domain';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { pgArray, preparedRows, rows } from '../../db/raw.ts';
import { findPerson, type PersonRow } from './queries.ts';

/**
 * The relationships of the actor's units to one person: team membership, accepted referrals and
 * active consents to a unit, and the user's own active break-the-glass grant (entered on each of the
 * user's units: it is per user, and the policy gives it read only). One statement.
 */
export async function relationshipsTo(ctx: Ctx, personId: string): Promise<Map<string, Relationship[]>> {
  const unitIds = [...new Set(ctx.actor.assignments.map((a) => a.unitId))];
  const map = new Map<string, Relationship[]>(unitIds.map((u) => [u, []]));
  if (unitIds.length === 0) return map;
  const found = await preparedRows<{ unit_id: string | null; kind: Relationship['kind']; categories: DataCategory[] | null }>(
    ctx.tx,
    'person_relationships',
    `SELECT t.unit_id, 'team_member' AS kind, NULL::text[] AS categories
       FROM person_team t WHERE t.person_id = $1 AND t.unit_id = ANY($2::uuid[])
     UNION ALL
     SELECT g.unit_id, g.kind, g.categories
       FROM person_access_grants g
      WHERE g.person_id = $1 AND (g.unit_id = ANY($2::uuid[]) OR g.user_id = $3::uuid)
        AND g.starts_at <= $4::timestamptz AND (g.ends_at IS NULL OR g.ends_at > $4::timestamptz)`,
    [personId, pgArray(unitIds), ctx.actor.userId, ctx.now.toISOString()],
  );
  for (const r of found) {
    const entry: Relationship =
      r.kind === 'referral' || r.kind === 'consent' ? { kind: r.kind, categories: r.categories ?? [] } : { kind: r.kind === 'break_glass' ? 'break_glass' : 'team_member' };
    const targets = r.kind === 'break_glass' ? unitIds : r.unit_id ? [r.unit_id] : [];
    for (const u of targets) map.get(u)?.push(entry);
  }
  return map;
}

/**
 * SQL text of the ids of every person reached through `units` (a uuid[] parameter): on their team, or
 * by an accepted referral or active consent to them, or by the user's (`user`) active break-the-glass
 * grant at `at`. Lists put `p.id IN (…)` around it: an uncorrelated set the planner hashes once.
 */
export function reachedPersonsSql(units: string, user: string, at: string): string {
  return `SELECT t.person_id FROM person_team t WHERE t.unit_id = ANY(${units}::uuid[])
          UNION ALL
          SELECT g.person_id FROM person_access_grants g
           WHERE (g.unit_id = ANY(${units}::uuid[]) OR g.user_id = ${user}::uuid)
             AND g.starts_at <= ${at}::timestamptz AND (g.ends_at IS NULL OR g.ends_at > ${at}::timestamptz)`;
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

/**
 * Null = the actor reaches everyone; otherwise the unit ids whose related people they see (team,
 * referral, consent — and, with any such unit, the user's break-the-glass persons; see personReach).
 */
export function reachFilter(ctx: Ctx): string[] | null {
  const r = personReach(ctx.actor);
  return r.all ? null : r.teamUnitIds;
}

/** The user and instant a list's reach is judged by (grants start and end in time). */
export function reachContext(ctx: Ctx): { userId: string; at: string } {
  return { userId: ctx.actor.userId, at: ctx.now.toISOString() };
}

/**
 * Which of these person ids the actor may `action` on `category` for through `unitIds` (units whose
 * scope reaches that category for a team): on the unit's team, or by an accepted referral naming the
 * category (read and write), an active consent naming it (read), or the user's break-the-glass (read).
 */
export async function reachedAmongFor(ctx: Ctx, personIds: string[], unitIds: string[], category: DataCategory, action: 'read' | 'write'): Promise<Set<string>> {
  if (personIds.length === 0 || unitIds.length === 0) return new Set();
  const kinds = action === 'write' ? ['referral'] : ['referral', 'consent', 'break_glass'];
  const r = await rows<{ id: string }>(
    ctx.tx,
    `SELECT t.person_id AS id FROM person_team t WHERE t.person_id = ANY($1::uuid[]) AND t.unit_id = ANY($2::uuid[])
     UNION
     SELECT g.person_id FROM person_access_grants g
      WHERE g.person_id = ANY($1::uuid[]) AND (g.unit_id = ANY($2::uuid[]) OR g.user_id = $3::uuid)
        AND g.kind = ANY($5::text[]) AND (g.kind = 'break_glass' OR $6 = 'identity' OR $6 = ANY(g.categories))
        AND g.starts_at <= $4::timestamptz AND (g.ends_at IS NULL OR g.ends_at > $4::timestamptz)`,
    [pgArray(personIds), pgArray(unitIds), ctx.actor.userId, ctx.now.toISOString(), pgArray(kinds), category],
  );
  return new Set(r.map((x) => x.id));
}

/** Which of these person ids the actor reaches through `unitIds` (see reachedPersonsSql). */
export async function reachedAmong(ctx: Ctx, personIds: string[], unitIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0 || unitIds.length === 0) return new Set();
  const r = await rows<{ id: string }>(
    ctx.tx,
    `SELECT p.id FROM unnest($1::uuid[]) AS p(id) WHERE p.id IN (${reachedPersonsSql('$2', '$3', '$4')})`,
    [pgArray(personIds), pgArray(unitIds), ctx.actor.userId, ctx.now.toISOString()],
  );
  return new Set(r.map((x) => x.id));
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
