import type { z } from 'zod';
import { JOURNAL_DATA_CATEGORY, type ActionPointView, type GroupView, type MeetingView, type MemberView } from '@eidor/contract';
import type { DataCategory } from '@eidor/domain';
import type { Ctx } from '../../platform/context.ts';
import { interpreterUsesByIds } from '../journal/public.ts';
import { groupAccess, type GroupRights } from './access.ts';
import {
  actionPointsOf,
  coordinatorsOf,
  decisionsOf,
  meetingsOf,
  membersOf,
  type ActionPointRow,
  type GroupRow,
  type MemberRow,
} from './queries.ts';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

/** The work-queue source of an action point's task. */
export const actionPointSource = (id: string) => `groups.action_point:${id}`;

export function presentMember(m: MemberRow): z.output<typeof MemberView> {
  return {
    id: m.id,
    kind: m.user_id ? 'staff' : 'external',
    userId: m.user_id,
    name: m.user_id ? (m.user_name ?? '') : (m.external_name ?? ''),
    unitId: m.unit_id,
    unitName: m.unit_name,
    unitKind: m.unit_kind,
    externalKind: m.external_kind,
    role: m.role_in_group,
    addedAt: iso(m.added_at),
    leftAt: isoOrNull(m.left_at),
  };
}

/** Who may mark an action point done or open: its owner unit, its owner, the coordinator, the refugee service. */
function mayChangeStatus(ctx: Ctx, rights: GroupRights, p: ActionPointRow, coordinatorUserId: string | null): boolean {
  return rights.manage || ctx.actor.assignments.some((a) => a.unitId === p.owner_unit_id) || p.owner_user_id === ctx.actor.userId || coordinatorUserId === ctx.actor.userId;
}

export { mayChangeStatus };

/**
 * The groups as the actor may see them. Returns the views and the data categories actually shown (for
 * the audit row). Meetings only to those who may read them; within them only readable categories.
 */
export async function presentGroups(ctx: Ctx, groups: GroupRow[], rights: GroupRights): Promise<{ views: z.output<typeof GroupView>[]; shown: Set<DataCategory> }> {
  const ids = groups.map((g) => g.id);
  const [members, coordinators] = await Promise.all([membersOf(ctx.tx, ids), coordinatorsOf(ctx.tx, ids)]);
  const shown = new Set<DataCategory>(['identity']);
  const access = new Map(groups.map((g) => [g.id, groupAccess(ctx, rights, g, members)]));
  const visibleIds = groups.filter((g) => access.get(g.id)!.meetingsVisible).map((g) => g.id);
  const meetings = await meetingsOf(ctx.tx, visibleIds);
  const decisions = await decisionsOf(ctx.tx, meetings.map((m) => m.id));
  // Reading writes nothing: the work queue keeps the action points' status itself (see public.ts).
  const points = await actionPointsOf(ctx.tx, visibleIds);
  const interpreters = new Map((await interpreterUsesByIds(ctx.tx, meetings.flatMap((m) => (m.interpreter_use_id ? [m.interpreter_use_id] : [])))).map((i) => [i.id, i]));
  const readable = (c: keyof typeof JOURNAL_DATA_CATEGORY) => {
    const ok = rights.readCategories.includes(c);
    if (ok) shown.add(JOURNAL_DATA_CATEGORY[c]);
    return ok;
  };

  const views = groups.map((g) => {
    const a = access.get(g.id)!;
    const periods = coordinators
      .filter((c) => c.group_id === g.id)
      .map((c) => ({ memberId: c.member_id, userId: c.user_id, name: c.user_name ?? '', from: iso(c.from_at), until: isoOrNull(c.until_at), setBy: c.set_by_name }));
    const current = periods.find((p) => p.until === null) ?? null;
    const meetingViews: z.output<typeof MeetingView>[] = meetings
      .filter((m) => m.group_id === g.id)
      .map((m) => {
        const ds = decisions.filter((d) => d.meeting_id === m.id);
        const visibleDs = ds.filter((d) => readable(d.category));
        const ps = points.filter((p) => p.meeting_id === m.id);
        const visiblePs = ps.filter((p) => readable(p.category));
        const minutesReadable = readable(m.category);
        const interp = m.interpreter_use_id ? interpreters.get(m.interpreter_use_id) : undefined;
        const interpVisible = interp ? readable(interp.category) : false;
        return {
          id: m.id,
          heldOn: m.held_on,
          mode: m.mode,
          place: m.place,
          agenda: m.agenda,
          category: m.category,
          minutes: minutesReadable ? m.minutes : null,
          minutesHidden: !minutesReadable,
          decisions: visibleDs.map((d) => ({ id: d.id, text: d.body, category: d.category })),
          hiddenDecisions: ds.length - visibleDs.length,
          attendeeMemberIds: m.attendee_member_ids,
          interpreter: m.interpreter_use_id
            ? {
                id: m.interpreter_use_id,
                visible: interpVisible,
                date: interpVisible ? interp!.used_on : null,
                language: interpVisible ? interp!.language : null,
                qualification: interpVisible ? (interp!.qualification as never) : null,
                status: interpVisible ? (interp!.status as never) : null,
                mode: interpVisible ? (interp!.mode as never) : null,
              }
            : null,
          actionPoints: visiblePs.map((p): z.output<typeof ActionPointView> => ({
            id: p.id,
            meetingId: p.meeting_id,
            text: p.body,
            category: p.category,
            ownerUnitId: p.owner_unit_id,
            ownerUnitName: p.owner_unit_name,
            ownerUserId: p.owner_user_id,
            ownerUserName: p.owner_user_name,
            dueDate: p.due_date,
            status: p.status,
            doneAt: isoOrNull(p.done_at),
            doneBy: p.done_by_name,
            version: p.version,
            canChangeStatus: mayChangeStatus(ctx, rights, p, current?.userId ?? null),
          })),
          hiddenActionPoints: ps.length - visiblePs.length,
          version: m.version,
          createdAt: iso(m.created_at),
          createdBy: m.creator,
          updatedAt: iso(m.updated_at),
          updatedBy: m.updater,
          canEdit: a.recordMeetings && minutesReadable,
        };
      });
    return {
      id: g.id,
      personId: g.person_id,
      status: g.status,
      version: g.version,
      createdAt: iso(g.created_at),
      createdBy: g.creator,
      closedAt: isoOrNull(g.closed_at),
      closedReason: g.closed_reason,
      members: members.filter((m) => m.group_id === g.id).map(presentMember),
      coordinator: current,
      coordinatorHistory: periods,
      meetingsVisible: a.meetingsVisible,
      meetings: meetingViews,
      canManage: a.manage && g.status === 'active',
      canRecordMeetings: a.recordMeetings,
    };
  });
  return { views, shown };
}
