import { z } from 'zod';
import { IsoDateTime, Uuid, Version } from './common.ts';
import { InterpreterMode, InterpreterQualification, InterpreterStatus, JournalCategory } from './journal.ts';
import { CalendarDate } from './people.ts';
import { IdParams } from './platform.ts';

// Issue 7 § 1: responsibility groups (ansvarsgruppe) of one person — members from several units
// with a coordinator, meetings with agenda, minutes and decisions, action points on the work queue.

export const GROUP_LIMITS = {
  members: 30,
  roleMax: 100,
  nameMax: 200,
  reasonMax: 500,
  placeMax: 200,
  agendaItems: 30,
  agendaItemMax: 300,
  minutesMax: 20_000,
  decisions: 30,
  decisionMax: 2_000,
  actionPoints: 30,
  actionPointMax: 500,
} as const;

const Text = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max, { message: `must be at most ${max} characters` });

/** External participants: the person themself, a guardian, the GP (fastlege) or someone else, by name and role. */
export const EXTERNAL_KINDS = ['person', 'guardian', 'gp', 'other'] as const;
export const ExternalKind = z.enum(EXTERNAL_KINDS);
export const MEETING_MODES = ['on_site', 'video', 'phone'] as const;
export const MeetingMode = z.enum(MEETING_MODES);
export const ACTION_POINT_STATUSES = ['open', 'done'] as const;
export const ActionPointStatus = z.enum(ACTION_POINT_STATUSES);

export const MemberInput = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('staff'),
      userId: Uuid,
      /** The unit the user represents in the group (they must hold a role there). */
      unitId: Uuid,
      role: Text(GROUP_LIMITS.roleMax),
    })
    .strict(),
  z
    .object({
      kind: z.literal('external'),
      externalKind: ExternalKind,
      name: Text(GROUP_LIMITS.nameMax),
      role: Text(GROUP_LIMITS.roleMax),
    })
    .strict(),
]);

export const CreateGroupRequest = z
  .object({
    members: z.array(MemberInput).min(1, { message: 'add at least the coordinator' }).max(GROUP_LIMITS.members),
    /** One of the staff members above. */
    coordinatorUserId: Uuid,
  })
  .strict();

export const AddMemberRequest = z.object({ member: MemberInput, version: Version }).strict();
export const GroupVersionRequest = z.object({ version: Version }).strict();
export const SetCoordinatorRequest = z.object({ userId: Uuid, version: Version }).strict();
export const CloseGroupRequest = z.object({ reason: Text(GROUP_LIMITS.reasonMax), version: Version }).strict();

export const DecisionInput = z
  .object({
    text: Text(GROUP_LIMITS.decisionMax),
    /** The decision's category; the meeting's when left out. */
    category: JournalCategory.optional(),
  })
  .strict();

export const ActionPointInput = z
  .object({
    text: Text(GROUP_LIMITS.actionPointMax),
    /** A unit represented in the group; the task goes on its work queue. */
    ownerUnitId: Uuid,
    /** Optionally a staff member of the group from that unit. */
    ownerUserId: Uuid.nullable().default(null),
    dueDate: CalendarDate,
    category: JournalCategory.optional(),
  })
  .strict();

const meetingFields = {
  heldOn: CalendarDate,
  mode: MeetingMode,
  place: z.string().trim().max(GROUP_LIMITS.placeMax).nullable().default(null),
  agenda: z.array(Text(GROUP_LIMITS.agendaItemMax)).max(GROUP_LIMITS.agendaItems).default([]),
  /** Who may read the minutes follows this category (default: general, which every member reads). */
  category: JournalCategory.default('general'),
  minutes: z.string().trim().max(GROUP_LIMITS.minutesMax).nullable().default(null),
  attendeeMemberIds: z.array(Uuid).max(GROUP_LIMITS.members).default([]),
  /** An interpreter use recorded in the person's journal (language, register category, booked or used). */
  interpreterUseId: Uuid.nullable().default(null),
};

export const CreateMeetingRequest = z
  .object({
    ...meetingFields,
    decisions: z.array(DecisionInput).max(GROUP_LIMITS.decisions).default([]),
    actionPoints: z.array(ActionPointInput).max(GROUP_LIMITS.actionPoints).default([]),
  })
  .strict();

export const UpdateMeetingRequest = z
  .object({
    ...meetingFields,
    /** Decisions to add; recorded decisions are kept as they are. */
    addDecisions: z.array(DecisionInput).max(GROUP_LIMITS.decisions).default([]),
    version: Version,
  })
  .strict();

export const SetActionPointStatusRequest = z.object({ status: ActionPointStatus, version: Version }).strict();

export const MemberView = z.object({
  id: Uuid,
  kind: z.enum(['staff', 'external']),
  userId: Uuid.nullable(),
  name: z.string(),
  unitId: Uuid.nullable(),
  unitName: z.string().nullable(),
  unitKind: z.string().nullable(),
  externalKind: ExternalKind.nullable(),
  role: z.string(),
  addedAt: IsoDateTime,
  leftAt: IsoDateTime.nullable(),
});

export const CoordinatorPeriod = z.object({
  memberId: Uuid,
  userId: Uuid,
  name: z.string(),
  from: IsoDateTime,
  until: IsoDateTime.nullable(),
  setBy: z.string().nullable(),
});

export const ActionPointView = z.object({
  id: Uuid,
  meetingId: Uuid,
  text: z.string(),
  category: JournalCategory,
  ownerUnitId: Uuid,
  ownerUnitName: z.string(),
  ownerUserId: Uuid.nullable(),
  ownerUserName: z.string().nullable(),
  dueDate: z.string(),
  status: ActionPointStatus,
  doneAt: IsoDateTime.nullable(),
  doneBy: z.string().nullable(),
  version: Version,
  canChangeStatus: z.boolean(),
});

export const DecisionView = z.object({ id: Uuid, text: z.string(), category: JournalCategory });

export const MeetingInterpreterView = z.object({
  id: Uuid,
  /** False when the interpreter record is in a category the actor may not read: only that one was linked is shown. */
  visible: z.boolean(),
  date: z.string().nullable(),
  language: z.string().nullable(),
  qualification: InterpreterQualification.nullable(),
  status: InterpreterStatus.nullable(),
  mode: InterpreterMode.nullable(),
});

export const MeetingView = z.object({
  id: Uuid,
  heldOn: z.string(),
  mode: MeetingMode,
  place: z.string().nullable(),
  agenda: z.array(z.string()),
  category: JournalCategory,
  /** Null when the actor may not read the meeting's category (minutesHidden) or none were written. */
  minutes: z.string().nullable(),
  minutesHidden: z.boolean(),
  decisions: z.array(DecisionView),
  /** Decisions in categories the actor may not read: only their number is shown. */
  hiddenDecisions: z.number().int(),
  attendeeMemberIds: z.array(Uuid),
  interpreter: MeetingInterpreterView.nullable(),
  actionPoints: z.array(ActionPointView),
  hiddenActionPoints: z.number().int(),
  version: Version,
  createdAt: IsoDateTime,
  createdBy: z.string().nullable(),
  updatedAt: IsoDateTime,
  updatedBy: z.string().nullable(),
  canEdit: z.boolean(),
});

export const GroupView = z.object({
  id: Uuid,
  personId: Uuid,
  status: z.enum(['active', 'closed']),
  version: Version,
  createdAt: IsoDateTime,
  createdBy: z.string().nullable(),
  closedAt: IsoDateTime.nullable(),
  closedReason: z.string().nullable(),
  members: z.array(MemberView),
  coordinator: CoordinatorPeriod.nullable(),
  coordinatorHistory: z.array(CoordinatorPeriod),
  /** Whether the actor sees the meetings: the refugee service, the group's members and their units. */
  meetingsVisible: z.boolean(),
  meetings: z.array(MeetingView),
  canManage: z.boolean(),
  canRecordMeetings: z.boolean(),
});

export const StaffCandidate = z.object({ userId: Uuid, name: z.string(), unitId: Uuid, unitName: z.string(), unitKind: z.string() });

export const PersonGroupsView = z.object({
  personId: Uuid,
  can: z.object({
    /** Create a group, add and end members, change the coordinator, close it (the refugee service). */
    manage: z.boolean(),
    /** The categories the actor may tag minutes, decisions and action points with. */
    categories: z.array(JournalCategory),
  }),
  /** The active group first, then closed ones, newest first. */
  groups: z.array(GroupView),
  /** Staff a member can be chosen from (only for those who manage the group). */
  staff: z.array(StaffCandidate),
});

export const groupEndpoints = {
  personGroups: { method: 'GET', path: '/api/groups/persons/:id', summary: "A person's responsibility groups: members, coordinator and its history, the meetings and action points the actor may read (audited)", params: IdParams, status: 200, response: PersonGroupsView },
  createGroup: { method: 'POST', path: '/api/groups/persons/:id', summary: 'Create the responsibility group with its members and coordinator; the members\' units join the person\'s team (audited)', params: IdParams, body: CreateGroupRequest, status: 201, response: GroupView },
  addGroupMember: { method: 'POST', path: '/api/groups/:id/members', summary: 'Add a member (a user from a unit, or an external participant by name and role) (audited)', params: IdParams, body: AddMemberRequest, status: 201, response: GroupView },
  endGroupMember: { method: 'POST', path: '/api/groups/members/:id/end', summary: 'End a membership (kept in the history; not the coordinator\'s)', params: IdParams, body: GroupVersionRequest, status: 200, response: GroupView },
  setGroupCoordinator: { method: 'PUT', path: '/api/groups/:id/coordinator', summary: 'Change the coordinator to another staff member of the group (the history is kept)', params: IdParams, body: SetCoordinatorRequest, status: 200, response: GroupView },
  closeGroup: { method: 'POST', path: '/api/groups/:id/close', summary: 'Close the group with a reason (no open action points may remain)', params: IdParams, body: CloseGroupRequest, status: 200, response: GroupView },
  createGroupMeeting: { method: 'POST', path: '/api/groups/:id/meetings', summary: 'Record a meeting: agenda, minutes, decisions, attendees, interpreter, action points (each on the owner unit\'s work queue) (audited)', params: IdParams, body: CreateMeetingRequest, status: 201, response: GroupView },
  updateGroupMeeting: { method: 'PUT', path: '/api/groups/meetings/:id', summary: 'Change a meeting\'s record and add decisions (with the version read) (audited)', params: IdParams, body: UpdateMeetingRequest, status: 200, response: GroupView },
  createGroupActionPoint: { method: 'POST', path: '/api/groups/meetings/:id/action-points', summary: 'Add an action point to a meeting; it goes on the owner unit\'s work queue (audited)', params: IdParams, body: ActionPointInput, status: 201, response: GroupView },
  setGroupActionPointStatus: { method: 'POST', path: '/api/groups/action-points/:id/status', summary: 'Mark an action point done (its task closes) or open again (audited)', params: IdParams, body: SetActionPointStatusRequest, status: 200, response: GroupView },
} as const;
