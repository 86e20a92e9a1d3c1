import {
  BREAK_GLASS_DEFAULT_HOURS,
  breakGlassExpiry,
  canAccessPerson,
  classifyPersonQuery,
  DATA_CATEGORIES,
  personReach,
  type Relationship,
} from '@eidor/domain';
import type { Ctx } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { coordinatorOf } from '../groups/public.ts';
import { notify } from '../notifications/public.ts';
import { relationshipsTo } from '../persons/public.ts';
import { invalid } from './access.ts';
import { presentBreakGlass } from './presenter.ts';
import { activeBreakGlass, endBreakGlassRow, findBreakGlass, insertBreakGlass, personIdByNumber, refugeeServiceLeaders } from './queries.ts';

/**
 * Break-the-glass (nødtilgang): a user whose role reaches people only through their unit's
 * relationships opens one person they cannot reach, by typing the person's full id or DUF number and
 * a reason. Read access for BREAK_GLASS_DEFAULT_HOURS; audited as `person.break_glass`; the person's
 * coordinator (else the refugee service's leaders) is notified; the leader reviews every grant.
 */
export async function breakGlass(ctx: Ctx, input: { idNumber: string; reason: string }) {
  const reach = personReach(ctx.actor);
  // Roles that reach everyone need no glass; roles without any person access get none from it.
  if (reach.all) throw new AppError('CONFLICT', 'You already reach every person in the municipality');
  const via = ctx.actor.assignments.find((a) => reach.teamUnitIds.includes(a.unitId));
  if (!via) throw forbidden();
  const q = classifyPersonQuery(input.idNumber);
  if (q.kind !== 'national_id' && q.kind !== 'duf_number') throw invalid('idNumber', 'must be a full fødselsnummer, D-nummer or DUF number');
  const personId = await personIdByNumber(ctx.tx, ctx.actor.municipalityId, q.kind, q.value);
  if (!personId) throw notFound();
  const relationships = await relationshipsTo(ctx, personId);
  if (canAccessPerson(ctx.actor, 'read', 'identity', relationships).allowed) {
    throw new AppError('CONFLICT', 'You already have access to this person');
  }
  const grant = await insertBreakGlass(ctx.tx, {
    municipalityId: ctx.actor.municipalityId,
    personId,
    userId: ctx.actor.userId,
    unitId: via.unitId,
    reason: input.reason,
    startedAt: ctx.now,
    expiresAt: breakGlassExpiry(ctx.now, BREAK_GLASS_DEFAULT_HOURS),
  });
  // The categories the grant opens, as the policy sees them now.
  const glass = new Map<string, Relationship[]>([...relationships].map(([u, rs]) => [u, [...rs, { kind: 'break_glass' }]]));
  const opened = DATA_CATEGORIES.filter((c) => canAccessPerson(ctx.actor, 'read', c, glass).allowed);
  await ctx.audit({ action: 'person.break_glass', subjectType: 'person', subjectId: personId, categories: opened, via });
  const coordinator = await coordinatorOf(ctx, personId);
  const userIds = coordinator ? [coordinator.userId] : await refugeeServiceLeaders(ctx.tx);
  await notify(ctx, { kind: 'break_glass', recipients: { userIds }, personId, link: `/people/${personId}`, sourceKey: `break_glass:${grant.id}` });
  return presentBreakGlass(grant);
}

/** The actor's own grant on a person in force now (for the banner); says nothing about anyone else's. */
export async function myActiveBreakGlass(ctx: Ctx, personId: string) {
  const g = await activeBreakGlass(ctx.tx, ctx.actor.userId, personId, ctx.now);
  return { active: g ? presentBreakGlass(g) : null };
}

/** Ends one's own grant early. */
export async function endBreakGlass(ctx: Ctx, id: string) {
  const g = await findBreakGlass(ctx.tx, id);
  if (!g || g.user_id !== ctx.actor.userId) throw notFound();
  if (g.ended_at || new Date(g.expires_at).getTime() <= ctx.now.getTime()) return presentBreakGlass(g);
  const ended = (await endBreakGlassRow(ctx.tx, id, ctx.now))!;
  await ctx.audit({ action: 'person.break_glass.end', subjectType: 'person', subjectId: g.person_id, categories: [] });
  return presentBreakGlass(ended);
}
