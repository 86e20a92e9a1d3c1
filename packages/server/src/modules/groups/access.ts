import { canAccessPerson, type Relationship } from '@eidor/domain';
import { JOURNAL_CATEGORIES, JOURNAL_DATA_CATEGORY, type JournalCategoryName } from '@eidor/contract';
import type { Ctx } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { loadReachablePerson, type PersonRow } from '../persons/public.ts';
import { findGroup, membersOf, type GroupRow, type MemberRow } from './queries.ts';

/**
 * Who may do what with a person's responsibility group:
 * - everyone who reaches the person (identity read) sees that a group exists, its members and coordinator
 *   (the same people appear on the person's team);
 * - the refugee service — roles that write the person's identity data — creates the group, adds and ends
 *   members, changes the coordinator and closes it;
 * - the group's active staff members and everyone in their units read the meetings; staff members and the
 *   refugee service record them;
 * - within a meeting, minutes, decisions and action points carry a category, and each reader sees only those
 *   in categories the access policy lets them read for this person.
 */
export type GroupRights = {
  manage: boolean;
  readCategories: JournalCategoryName[];
  via: ReturnType<typeof canAccessPerson>['via'];
};

export function personRights(ctx: Ctx, relationships: Map<string, Relationship[]>): GroupRights {
  const manage = canAccessPerson(ctx.actor, 'write', 'identity', relationships);
  const read = canAccessPerson(ctx.actor, 'read', 'identity', relationships);
  return {
    manage: manage.allowed,
    readCategories: JOURNAL_CATEGORIES.filter((c) => canAccessPerson(ctx.actor, 'read', JOURNAL_DATA_CATEGORY[c], relationships).allowed),
    via: manage.allowed ? manage.via : read.via,
  };
}

export type GroupAccess = GroupRights & {
  meetingsVisible: boolean;
  /** The actor is an active staff member of the group. */
  member: boolean;
  recordMeetings: boolean;
};

export function groupAccess(ctx: Ctx, rights: GroupRights, group: GroupRow, members: readonly MemberRow[]): GroupAccess {
  const active = members.filter((m) => m.group_id === group.id && !m.left_at && m.user_id);
  const member = active.some((m) => m.user_id === ctx.actor.userId);
  const myUnits = new Set(ctx.actor.assignments.map((a) => a.unitId));
  const unitMember = active.some((m) => m.unit_id && myUnits.has(m.unit_id));
  const meetingsVisible = rights.manage || member || unitMember;
  return { ...rights, meetingsVisible, member, recordMeetings: group.status === 'active' && (rights.manage || member) };
}

export type LoadedGroup = { group: GroupRow; person: PersonRow; relationships: Map<string, Relationship[]>; members: MemberRow[]; access: GroupAccess };

/** A group whose person the actor reaches (else 404: existence is not revealed), with the actor's rights in it. */
export async function loadGroup(ctx: Ctx, groupId: string): Promise<LoadedGroup> {
  const group = await findGroup(ctx.tx, groupId);
  if (!group) throw notFound();
  const { person, relationships } = await loadReachablePerson(ctx, group.person_id);
  const members = await membersOf(ctx.tx, [group.id]);
  return { group, person, relationships, members, access: groupAccess(ctx, personRights(ctx, relationships), group, members) };
}

export function requireManage(access: GroupRights): void {
  if (!access.manage) throw forbidden();
}

/** The meetings are for the refugee service and the group's members: others who reach the person get 404 for one meeting. */
export function requireRecord(l: LoadedGroup): void {
  if (!l.access.meetingsVisible) throw notFound();
  if (!l.access.recordMeetings) {
    if (l.group.status !== 'active') throw new AppError('CONFLICT', 'The group is closed');
    throw new AppError('FORBIDDEN', 'Only the refugee service and the staff members of the group record its meetings');
  }
}

export function requireActive(group: GroupRow): void {
  if (group.status !== 'active') throw new AppError('CONFLICT', 'The group is closed');
}

/** Refuses a category the actor may not read (they could not see what they wrote), naming the field. */
export function requireCategory(access: GroupRights, category: JournalCategoryName, path: string): void {
  if (!access.readCategories.includes(category)) {
    throw new AppError('FORBIDDEN', `You may not record ${category} information for this person`, {
      fields: [{ path, message: `your role may not read ${category} data for this person, so you cannot record it` }],
    });
  }
}
