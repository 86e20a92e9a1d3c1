import type { z } from 'zod';
import type { MemberInput } from '@eidor/contract';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { addUnitsToTeam } from '../../persons/public.ts';
import { notify } from '../../notifications/public.ts';
import { insertMember, staffInUnits, type MemberRow } from '../queries.ts';

export type MemberIn = z.output<typeof MemberInput>;

/**
 * Checks members before anything is written: a staff member must hold a role in the unit they
 * represent (an active user of an active unit of this municipality), and nobody is in the group twice
 * for the same unit. `path` names each member's field in the request.
 */
export async function checkMembers(ctx: Ctx, members: readonly { m: MemberIn; path: string }[], existing: readonly MemberRow[] = []): Promise<void> {
  const staff = members.filter((x): x is { m: Extract<MemberIn, { kind: 'staff' }>; path: string } => x.m.kind === 'staff');
  const known = await staffInUnits(ctx.tx, ctx.actor.municipalityId, staff.map((x) => ({ userId: x.m.userId, unitId: x.m.unitId })));
  const seen = new Set(existing.filter((e) => e.user_id && !e.left_at).map((e) => `${e.user_id}:${e.unit_id}`));
  const fields: { path: string; message: string }[] = [];
  for (const x of staff) {
    const key = `${x.m.userId}:${x.m.unitId}`;
    if (!known.has(key)) fields.push({ path: `${x.path}.userId`, message: 'is not an active user with a role in the chosen unit' });
    else if (seen.has(key)) fields.push({ path: `${x.path}.userId`, message: 'is already a member of the group for this unit' });
    seen.add(key);
  }
  if (fields.length > 0) throw new AppError('VALIDATION', 'A member cannot be added', { fields });
}

/**
 * Inserts members; the units of staff members join the person's team (recorded in the person's
 * history) so that they see what their unit kind may see of the person; the new staff members are
 * notified (not the actor). Returns the member ids in order.
 */
export async function insertMembers(ctx: Ctx, p: { groupId: string; personId: string; members: readonly MemberIn[] }): Promise<string[]> {
  const ids: string[] = [];
  for (const m of p.members) {
    ids.push(
      await insertMember(ctx.tx, {
        municipalityId: ctx.actor.municipalityId,
        groupId: p.groupId,
        userId: m.kind === 'staff' ? m.userId : null,
        unitId: m.kind === 'staff' ? m.unitId : null,
        externalKind: m.kind === 'external' ? m.externalKind : null,
        externalName: m.kind === 'external' ? m.name : null,
        role: m.role,
        now: ctx.now,
        by: ctx.actor.userId,
      }),
    );
  }
  const staff = p.members.filter((m) => m.kind === 'staff');
  const added = await addUnitsToTeam(ctx, p.personId, staff.map((m) => m.unitId));
  if (added.length > 0) await ctx.audit({ action: 'person.team_add', subjectType: 'person', subjectId: p.personId, categories: ['identity'] });
  const userIds = [...new Set(staff.map((m) => m.userId))];
  if (userIds.length > 0) {
    await notify(ctx, { kind: 'group_member_added', recipients: { userIds }, personId: p.personId, link: `/people/${p.personId}/groups`, sourceKey: `groups.member:${p.groupId}:${ids.join(',')}`.slice(0, 200) });
  }
  return ids;
}
