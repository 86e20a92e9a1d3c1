import type { z } from 'zod';
import type { AddMemberRequest, CloseGroupRequest, CreateGroupRequest, SetCoordinatorRequest } from '@eidor/contract';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, versionConflict } from '../../../platform/errors.ts';
import { loadReachablePerson } from '../../persons/public.ts';
import { loadGroup, personRights, requireActive, requireManage } from '../access.ts';
import { actionPointsOf, bumpGroup, coordinatorsOf, endMembership, findMember, insertGroup, membersOf, setCoordinator } from '../queries.ts';
import { checkMembers, insertMembers } from './members.ts';

/** Creates a person's responsibility group with its members and coordinator, in one transaction. */
export async function createGroup(ctx: Ctx, personId: string, input: z.output<typeof CreateGroupRequest>): Promise<string> {
  const { relationships } = await loadReachablePerson(ctx, personId);
  const rights = personRights(ctx, relationships);
  requireManage(rights);
  const coordinatorIndex = input.members.findIndex((m) => m.kind === 'staff' && m.userId === input.coordinatorUserId);
  if (coordinatorIndex < 0) {
    throw new AppError('VALIDATION', 'The coordinator must be a member', { fields: [{ path: 'coordinatorUserId', message: 'is not one of the staff members of the group' }] });
  }
  await checkMembers(ctx, input.members.map((m, i) => ({ m, path: `members.${i}` })));
  const groupId = await insertGroup(ctx.tx, { municipalityId: ctx.actor.municipalityId, personId, now: ctx.now, by: ctx.actor.userId });
  if (!groupId) throw new AppError('CONFLICT', 'The person already has an active responsibility group');
  const memberIds = await insertMembers(ctx, { groupId, personId, members: input.members });
  await setCoordinator(ctx.tx, { municipalityId: ctx.actor.municipalityId, groupId, memberId: memberIds[coordinatorIndex]!, userId: input.coordinatorUserId, now: ctx.now, by: ctx.actor.userId });
  await ctx.audit({ action: 'groups.create', subjectType: 'person', subjectId: personId, categories: ['identity'], via: rights.via });
  return groupId;
}

export async function addMember(ctx: Ctx, groupId: string, input: z.output<typeof AddMemberRequest>): Promise<void> {
  const l = await loadGroup(ctx, groupId);
  requireManage(l.access);
  requireActive(l.group);
  if (l.group.version !== input.version) throw versionConflict();
  await checkMembers(ctx, [{ m: input.member, path: 'member' }], l.members);
  if (!(await bumpGroup(ctx.tx, groupId, input.version))) throw versionConflict();
  await insertMembers(ctx, { groupId, personId: l.group.person_id, members: [input.member] });
  await ctx.audit({ action: 'groups.member.add', subjectType: 'person', subjectId: l.group.person_id, categories: ['identity'], via: l.access.via });
}

/** Ends a membership. The unit stays on the person's team: other work may hang on it; the team is edited on the person page. */
export async function endMember(ctx: Ctx, memberId: string, version: number): Promise<string> {
  const m = await findMember(ctx.tx, memberId);
  if (!m) throw new AppError('NOT_FOUND', 'Not found');
  const l = await loadGroup(ctx, m.group_id);
  requireManage(l.access);
  requireActive(l.group);
  if (m.left_at) throw new AppError('CONFLICT', 'The membership has already ended');
  if (l.group.version !== version) throw versionConflict();
  const coordinator = (await coordinatorsOf(ctx.tx, [l.group.id])).find((c) => c.until_at === null);
  if (coordinator?.member_id === m.id) throw new AppError('CONFLICT', 'Choose another coordinator before ending the coordinator\'s membership');
  const open = (await actionPointsOf(ctx.tx, [l.group.id])).filter((p) => p.status === 'open' && p.owner_user_id === m.user_id && m.user_id);
  if (open.length > 0) throw new AppError('CONFLICT', `The member owns ${open.length} open action point(s): complete or hand them over first`);
  if (!(await bumpGroup(ctx.tx, l.group.id, version))) throw versionConflict();
  await endMembership(ctx.tx, m.id, ctx.now, ctx.actor.userId);
  await ctx.audit({ action: 'groups.member.end', subjectType: 'person', subjectId: l.group.person_id, categories: ['identity'], via: l.access.via });
  return l.group.id;
}

export async function changeCoordinator(ctx: Ctx, groupId: string, input: z.output<typeof SetCoordinatorRequest>): Promise<void> {
  const l = await loadGroup(ctx, groupId);
  requireManage(l.access);
  requireActive(l.group);
  if (l.group.version !== input.version) throw versionConflict();
  const member = (await membersOf(ctx.tx, [groupId])).find((m) => m.user_id === input.userId && !m.left_at);
  if (!member) throw new AppError('VALIDATION', 'The coordinator must be a member', { fields: [{ path: 'userId', message: 'is not an active staff member of the group' }] });
  if (!(await bumpGroup(ctx.tx, groupId, input.version))) throw versionConflict();
  await setCoordinator(ctx.tx, { municipalityId: ctx.actor.municipalityId, groupId, memberId: member.id, userId: input.userId, now: ctx.now, by: ctx.actor.userId });
  await ctx.audit({ action: 'groups.coordinator.set', subjectType: 'person', subjectId: l.group.person_id, categories: ['identity'], via: l.access.via });
}

/** Closes the group; open action points must be done first (a closed group leaves no work behind unseen). */
export async function closeGroup(ctx: Ctx, groupId: string, input: z.output<typeof CloseGroupRequest>): Promise<void> {
  const l = await loadGroup(ctx, groupId);
  requireManage(l.access);
  requireActive(l.group);
  if (l.group.version !== input.version) throw versionConflict();
  const open = (await actionPointsOf(ctx.tx, [groupId])).filter((p) => p.status === 'open');
  if (open.length > 0) throw new AppError('CONFLICT', `The group has ${open.length} open action point(s): mark them done first`);
  if (!(await bumpGroup(ctx.tx, groupId, input.version, { status: 'closed', closedAt: ctx.now, closedBy: ctx.actor.userId, closedReason: input.reason }))) throw versionConflict();
  await ctx.audit({ action: 'groups.close', subjectType: 'person', subjectId: l.group.person_id, categories: ['identity'], via: l.access.via });
}
