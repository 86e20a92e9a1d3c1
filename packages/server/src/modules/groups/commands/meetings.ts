import type { z } from 'zod';
import { RECEIVABLE_CATEGORIES, type UnitKind } from '@eidor/domain';
import { JOURNAL_DATA_CATEGORY, type ActionPointInput, type CreateMeetingRequest, type JournalCategoryName, type UpdateMeetingRequest } from '@eidor/contract';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, notFound, versionConflict } from '../../../platform/errors.ts';
import { interpreterUsesByIds } from '../../journal/public.ts';
import { notify } from '../../notifications/public.ts';
import { upsertTask } from '../../tasks/service.ts';
import { loadGroup, requireCategory, requireRecord, type LoadedGroup } from '../access.ts';
import { actionPointSource } from '../presenter.ts';
import { appendDecisions, findMeeting, insertActionPoint, insertMeeting, updateMeeting, type MeetingValues } from '../queries.ts';

type MeetingIn = z.output<typeof CreateMeetingRequest> | z.output<typeof UpdateMeetingRequest>;
type PointIn = z.output<typeof ActionPointInput>;

/** Attendees are members of this group; the interpreter use is one of this person's, readable by the actor. */
async function checkMeeting(ctx: Ctx, l: LoadedGroup, m: MeetingIn, decisions: readonly { category?: JournalCategoryName | undefined }[], decisionsPath: string): Promise<void> {
  requireCategory(l.access, m.category, 'category');
  decisions.forEach((d, i) => requireCategory(l.access, d.category ?? m.category, `${decisionsPath}.${i}.category`));
  const memberIds = new Set(l.members.map((x) => x.id));
  const fields = m.attendeeMemberIds.flatMap((id, i) => (memberIds.has(id) ? [] : [{ path: `attendeeMemberIds.${i}`, message: 'is not a member of the group' }]));
  if (m.interpreterUseId) {
    const use = (await interpreterUsesByIds(ctx.tx, [m.interpreterUseId]))[0];
    if (!use || use.person_id !== l.group.person_id || !l.access.readCategories.includes(use.category)) {
      fields.push({ path: 'interpreterUseId', message: "is not an interpreter use in this person's journal that you can read" });
    }
  }
  if (fields.length > 0) throw new AppError('VALIDATION', 'The meeting cannot be recorded', { fields });
}

/**
 * An action point's owner unit is a unit represented in the group whose kind may read the point's category
 * (the task shows its text on that unit's queue; same rule as a referral's categories); its owner user a
 * staff member from that unit.
 */
function checkPoints(l: LoadedGroup, points: readonly PointIn[], meetingCategory: JournalCategoryName, path: (i: number) => string): void {
  const active = l.members.filter((m) => m.user_id && !m.left_at);
  const fields: { path: string; message: string }[] = [];
  points.forEach((p, i) => {
    const category = p.category ?? meetingCategory;
    requireCategory(l.access, category, `${path(i)}category`);
    const owner = active.find((m) => m.unit_id === p.ownerUnitId);
    if (!owner) fields.push({ path: `${path(i)}ownerUnitId`, message: 'is not a unit represented in the group' });
    else if (!owner.unit_kind || !RECEIVABLE_CATEGORIES[owner.unit_kind as UnitKind]?.includes(JOURNAL_DATA_CATEGORY[category])) {
      fields.push({ path: `${path(i)}ownerUnitId`, message: `a unit of kind ${owner.unit_kind ?? 'unknown'} may not read ${category} data, so it cannot own this action point` });
    }
    else if (p.ownerUserId && !active.some((m) => m.unit_id === p.ownerUnitId && m.user_id === p.ownerUserId)) {
      fields.push({ path: `${path(i)}ownerUserId`, message: 'is not a staff member of the group from the owner unit' });
    }
  });
  if (fields.length > 0) throw new AppError('VALIDATION', 'The action point cannot be recorded', { fields });
}

const values = (m: MeetingIn): MeetingValues => ({
  heldOn: m.heldOn,
  mode: m.mode,
  place: m.place || null,
  agenda: m.agenda,
  category: m.category,
  minutes: m.minutes || null,
  attendeeMemberIds: [...new Set(m.attendeeMemberIds)],
  interpreterUseId: m.interpreterUseId,
});

/** Inserts action points, each an open task on the owner unit's work queue, and tells the owner unit. */
async function addPoints(ctx: Ctx, l: LoadedGroup, meetingId: string, meetingCategory: JournalCategoryName, points: readonly PointIn[]): Promise<void> {
  for (const p of points) {
    const category = p.category ?? meetingCategory;
    const id = await insertActionPoint(ctx.tx, {
      municipalityId: ctx.actor.municipalityId,
      meetingId,
      groupId: l.group.id,
      personId: l.group.person_id,
      text: p.text,
      category,
      ownerUnitId: p.ownerUnitId,
      ownerUserId: p.ownerUserId,
      dueDate: p.dueDate,
      now: ctx.now,
      by: ctx.actor.userId,
    });
    await upsertTask(ctx, {
      sourceKey: actionPointSource(id),
      kind: 'groups.action_point',
      itemKey: 'action_point',
      title: p.text.length > 200 ? `${p.text.slice(0, 199)}…` : p.text,
      description: p.text.length > 200 ? p.text : null,
      category: JOURNAL_DATA_CATEGORY[category],
      personId: l.group.person_id,
      ownerUnitId: p.ownerUnitId,
      assigneeUserId: p.ownerUserId,
      dueDate: p.dueDate,
    });
    await notify(ctx, {
      kind: 'action_point',
      recipients: { unitIds: [p.ownerUnitId], ...(p.ownerUserId ? { userIds: [p.ownerUserId] } : {}) },
      personId: l.group.person_id,
      link: '/tasks',
      params: { dueDate: p.dueDate },
      sourceKey: actionPointSource(id),
    });
  }
}

export async function createMeeting(ctx: Ctx, groupId: string, input: z.output<typeof CreateMeetingRequest>): Promise<string> {
  const l = await loadGroup(ctx, groupId);
  requireRecord(l);
  await checkMeeting(ctx, l, input, input.decisions, 'decisions');
  checkPoints(l, input.actionPoints, input.category, (i) => `actionPoints.${i}.`);
  const id = await insertMeeting(ctx.tx, { ...values(input), municipalityId: ctx.actor.municipalityId, groupId, personId: l.group.person_id, now: ctx.now, by: ctx.actor.userId });
  await appendDecisions(ctx.tx, { municipalityId: ctx.actor.municipalityId, meetingId: id, decisions: input.decisions.map((d) => ({ text: d.text, category: d.category ?? input.category })), now: ctx.now, by: ctx.actor.userId });
  await addPoints(ctx, l, id, input.category, input.actionPoints);
  const categories = new Set([input.category, ...input.decisions.map((d) => d.category ?? input.category), ...input.actionPoints.map((p) => p.category ?? input.category)]);
  await ctx.audit({ action: 'groups.meeting.create', subjectType: 'person', subjectId: l.group.person_id, categories: [...new Set([...categories].map((c) => JOURNAL_DATA_CATEGORY[c]))], via: l.access.via });
  return groupId;
}

export async function changeMeeting(ctx: Ctx, meetingId: string, input: z.output<typeof UpdateMeetingRequest>): Promise<string> {
  const meeting = await findMeeting(ctx.tx, meetingId);
  if (!meeting) throw notFound();
  const l = await loadGroup(ctx, meeting.group_id);
  requireRecord(l);
  // Changing minutes one may not read would overwrite what one cannot see.
  requireCategory(l.access, meeting.category, 'category');
  await checkMeeting(ctx, l, input, input.addDecisions, 'addDecisions');
  if (meeting.version !== input.version) throw versionConflict();
  if (!(await updateMeeting(ctx.tx, meetingId, input.version, { ...values(input), now: ctx.now, by: ctx.actor.userId }))) throw versionConflict();
  await appendDecisions(ctx.tx, { municipalityId: ctx.actor.municipalityId, meetingId, decisions: input.addDecisions.map((d) => ({ text: d.text, category: d.category ?? input.category })), now: ctx.now, by: ctx.actor.userId });
  const categories = new Set([meeting.category, input.category, ...input.addDecisions.map((d) => d.category ?? input.category)]);
  await ctx.audit({ action: 'groups.meeting.update', subjectType: 'person', subjectId: l.group.person_id, categories: [...new Set([...categories].map((c) => JOURNAL_DATA_CATEGORY[c]))], via: l.access.via });
  return l.group.id;
}

export async function addActionPoint(ctx: Ctx, meetingId: string, input: PointIn): Promise<string> {
  const meeting = await findMeeting(ctx.tx, meetingId);
  if (!meeting) throw notFound();
  const l = await loadGroup(ctx, meeting.group_id);
  requireRecord(l);
  checkPoints(l, [input], meeting.category, () => '');
  await addPoints(ctx, l, meetingId, meeting.category, [input]);
  await ctx.audit({ action: 'groups.action_point.create', subjectType: 'person', subjectId: l.group.person_id, categories: [JOURNAL_DATA_CATEGORY[input.category ?? meeting.category]], via: l.access.via });
  return l.group.id;
}
