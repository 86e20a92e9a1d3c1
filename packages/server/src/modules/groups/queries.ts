import type { JournalCategoryName } from '@eidor/contract';
import type { Db } from '../../db/client.ts';
import { pgArray, rows } from '../../db/raw.ts';

// All SQL of the responsibility-group module. Dates as YYYY-MM-DD text, so PGlite and PostgreSQL answer alike.

export type GroupRow = {
  id: string;
  person_id: string;
  status: 'active' | 'closed';
  closed_at: Date | string | null;
  closed_reason: string | null;
  version: number;
  created_at: Date | string;
  creator: string | null;
};

const GROUP_COLS = `g.id, g.person_id, g.status, g.closed_at, g.closed_reason, g.version, g.created_at, u.name AS creator`;

export async function groupsOfPerson(tx: Db, personId: string): Promise<GroupRow[]> {
  return rows<GroupRow>(
    tx,
    `SELECT ${GROUP_COLS} FROM responsibility_groups g LEFT JOIN users u ON u.id = g.created_by
      WHERE g.person_id = $1 ORDER BY (g.status = 'active') DESC, g.created_at DESC, g.id`,
    [personId],
  );
}

export async function findGroup(tx: Db, id: string): Promise<GroupRow | undefined> {
  return (await rows<GroupRow>(tx, `SELECT ${GROUP_COLS} FROM responsibility_groups g LEFT JOIN users u ON u.id = g.created_by WHERE g.id = $1`, [id]))[0];
}

export async function insertGroup(tx: Db, v: { municipalityId: string; personId: string; now: Date; by: string }): Promise<string | null> {
  // The partial unique index allows one active group per person; a second answers null (a conflict).
  const r = await rows<{ id: string }>(
    tx,
    `INSERT INTO responsibility_groups (municipality_id, person_id, created_at, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (person_id) WHERE status = 'active' DO NOTHING RETURNING id`,
    [v.municipalityId, v.personId, v.now, v.by],
  );
  return r[0]?.id ?? null;
}

/** Bumps the group's version when it matches (every change of members, coordinator or status goes through here). */
export async function bumpGroup(tx: Db, id: string, version: number, set: { status?: 'active' | 'closed'; closedAt?: Date | null; closedBy?: string | null; closedReason?: string | null } = {}): Promise<boolean> {
  const sets = ['version = version + 1'];
  const values: unknown[] = [id, version];
  const add = (col: string, v: unknown) => {
    values.push(v);
    sets.push(`${col} = $${values.length}`);
  };
  if (set.status !== undefined) add('status', set.status);
  if (set.closedAt !== undefined) add('closed_at', set.closedAt);
  if (set.closedBy !== undefined) add('closed_by', set.closedBy);
  if (set.closedReason !== undefined) add('closed_reason', set.closedReason);
  const r = await rows<{ id: string }>(tx, `UPDATE responsibility_groups SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING id`, values);
  return r.length > 0;
}

// ---------- members ----------

export type MemberRow = {
  id: string;
  group_id: string;
  user_id: string | null;
  user_name: string | null;
  unit_id: string | null;
  unit_name: string | null;
  unit_kind: string | null;
  external_kind: 'person' | 'guardian' | 'gp' | 'other' | null;
  external_name: string | null;
  role_in_group: string;
  added_at: Date | string;
  left_at: Date | string | null;
};

const MEMBER_COLS = `m.id, m.group_id, m.user_id, us.name AS user_name, m.unit_id, un.name AS unit_name, un.kind AS unit_kind,
  m.external_kind, m.external_name, m.role_in_group, m.added_at, m.left_at`;
const MEMBER_FROM = `FROM responsibility_group_members m LEFT JOIN users us ON us.id = m.user_id LEFT JOIN units un ON un.id = m.unit_id`;

export async function membersOf(tx: Db, groupIds: readonly string[]): Promise<MemberRow[]> {
  if (groupIds.length === 0) return [];
  return rows<MemberRow>(tx, `SELECT ${MEMBER_COLS} ${MEMBER_FROM} WHERE m.group_id = ANY($1::uuid[]) ORDER BY m.added_at, m.id`, [pgArray(groupIds)]);
}

export async function findMember(tx: Db, id: string): Promise<MemberRow | undefined> {
  return (await rows<MemberRow>(tx, `SELECT ${MEMBER_COLS} ${MEMBER_FROM} WHERE m.id = $1`, [id]))[0];
}

export async function insertMember(
  tx: Db,
  v: { municipalityId: string; groupId: string; userId: string | null; unitId: string | null; externalKind: string | null; externalName: string | null; role: string; now: Date; by: string },
): Promise<string> {
  const r = await rows<{ id: string }>(
    tx,
    `INSERT INTO responsibility_group_members (municipality_id, group_id, user_id, unit_id, external_kind, external_name, role_in_group, added_at, added_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [v.municipalityId, v.groupId, v.userId, v.unitId, v.externalKind, v.externalName, v.role, v.now, v.by],
  );
  return r[0]!.id;
}

export async function endMembership(tx: Db, id: string, now: Date, by: string): Promise<void> {
  await rows(tx, `UPDATE responsibility_group_members SET left_at = $2, left_by = $3 WHERE id = $1 AND left_at IS NULL`, [id, now, by]);
}

/** The (user, unit) pairs that exist: an active user holding a role in that unit of this municipality. */
export async function staffInUnits(tx: Db, municipalityId: string, pairs: readonly { userId: string; unitId: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const r = await rows<{ user_id: string; unit_id: string }>(
    tx,
    `SELECT DISTINCT ra.user_id, ra.unit_id FROM role_assignments ra
       JOIN users u ON u.id = ra.user_id AND u.status = 'active'
       JOIN units un ON un.id = ra.unit_id AND un.active
      WHERE ra.municipality_id = $1 AND ra.user_id = ANY($2::uuid[]) AND ra.unit_id = ANY($3::uuid[])`,
    [municipalityId, pgArray(pairs.map((p) => p.userId)), pgArray(pairs.map((p) => p.unitId))],
  );
  return new Set(r.map((x) => `${x.user_id}:${x.unit_id}`));
}

/** The staff a member may be chosen from: active users with their units (names only; no personal data of clients). */
export async function staffDirectory(tx: Db, municipalityId: string) {
  return rows<{ user_id: string; user_name: string; unit_id: string; unit_name: string; unit_kind: string }>(
    tx,
    `SELECT DISTINCT u.id AS user_id, u.name AS user_name, un.id AS unit_id, un.name AS unit_name, un.kind AS unit_kind
       FROM role_assignments ra JOIN users u ON u.id = ra.user_id AND u.status = 'active' JOIN units un ON un.id = ra.unit_id AND un.active
      WHERE ra.municipality_id = $1 ORDER BY un.name, u.name`,
    [municipalityId],
  );
}

// ---------- coordinators ----------

export type CoordinatorRow = { group_id: string; member_id: string; user_id: string; user_name: string | null; from_at: Date | string; until_at: Date | string | null; set_by_name: string | null };

export async function coordinatorsOf(tx: Db, groupIds: readonly string[]): Promise<CoordinatorRow[]> {
  if (groupIds.length === 0) return [];
  return rows<CoordinatorRow>(
    tx,
    `SELECT c.group_id, c.member_id, c.user_id, u.name AS user_name, c.from_at, c.until_at, s.name AS set_by_name
       FROM responsibility_group_coordinators c LEFT JOIN users u ON u.id = c.user_id LEFT JOIN users s ON s.id = c.set_by
      WHERE c.group_id = ANY($1::uuid[]) ORDER BY c.from_at DESC, c.id`,
    [pgArray(groupIds)],
  );
}

/** Ends the current coordinator (if any) and makes the member the coordinator from now. */
export async function setCoordinator(tx: Db, v: { municipalityId: string; groupId: string; memberId: string; userId: string; now: Date; by: string }): Promise<void> {
  await rows(tx, `UPDATE responsibility_group_coordinators SET until_at = $2 WHERE group_id = $1 AND until_at IS NULL`, [v.groupId, v.now]);
  await rows(
    tx,
    `INSERT INTO responsibility_group_coordinators (municipality_id, group_id, member_id, user_id, from_at, set_by) VALUES ($1, $2, $3, $4, $5, $6)`,
    [v.municipalityId, v.groupId, v.memberId, v.userId, v.now, v.by],
  );
}

/** The current coordinator of the person's active group (the tenant transaction decides the municipality). */
export async function currentCoordinator(tx: Db, personId: string): Promise<{ user_id: string } | undefined> {
  return (
    await rows<{ user_id: string }>(
      tx,
      `SELECT c.user_id FROM responsibility_groups g JOIN responsibility_group_coordinators c ON c.group_id = g.id AND c.until_at IS NULL
        WHERE g.person_id = $1 AND g.status = 'active' LIMIT 1`,
      [personId],
    )
  )[0];
}

// ---------- meetings ----------

export type MeetingRow = {
  id: string;
  group_id: string;
  person_id: string;
  held_on: string;
  mode: 'on_site' | 'video' | 'phone';
  place: string | null;
  agenda: string[];
  category: JournalCategoryName;
  minutes: string | null;
  attendee_member_ids: string[];
  interpreter_use_id: string | null;
  version: number;
  created_at: Date | string;
  creator: string | null;
  updated_at: Date | string;
  updater: string | null;
};

const MEETING_COLS = `mt.id, mt.group_id, mt.person_id, to_char(mt.held_on, 'YYYY-MM-DD') AS held_on, mt.mode, mt.place, mt.agenda, mt.category,
  mt.minutes, mt.attendee_member_ids::text[] AS attendee_member_ids, mt.interpreter_use_id, mt.version, mt.created_at, c.name AS creator, mt.updated_at, up.name AS updater`;
const MEETING_FROM = `FROM responsibility_group_meetings mt LEFT JOIN users c ON c.id = mt.created_by LEFT JOIN users up ON up.id = mt.updated_by`;

/** PGlite and node-postgres answer arrays and jsonb alike, but a text[] may come back as its literal. */
function normaliseMeeting(r: MeetingRow): MeetingRow {
  const ids = r.attendee_member_ids as unknown;
  const agenda = r.agenda as unknown;
  return {
    ...r,
    attendee_member_ids: Array.isArray(ids) ? (ids as string[]) : typeof ids === 'string' ? ids.replace(/^\{|\}$/g, '').split(',').filter(Boolean) : [],
    agenda: typeof agenda === 'string' ? (JSON.parse(agenda) as string[]) : ((agenda as string[] | null) ?? []),
  };
}

export async function meetingsOf(tx: Db, groupIds: readonly string[]): Promise<MeetingRow[]> {
  if (groupIds.length === 0) return [];
  return (await rows<MeetingRow>(tx, `SELECT ${MEETING_COLS} ${MEETING_FROM} WHERE mt.group_id = ANY($1::uuid[]) ORDER BY mt.held_on DESC, mt.created_at DESC`, [pgArray(groupIds)])).map(normaliseMeeting);
}

export async function findMeeting(tx: Db, id: string): Promise<MeetingRow | undefined> {
  const r = (await rows<MeetingRow>(tx, `SELECT ${MEETING_COLS} ${MEETING_FROM} WHERE mt.id = $1`, [id]))[0];
  return r ? normaliseMeeting(r) : undefined;
}

export type MeetingValues = {
  heldOn: string;
  mode: string;
  place: string | null;
  agenda: string[];
  category: JournalCategoryName;
  minutes: string | null;
  attendeeMemberIds: string[];
  interpreterUseId: string | null;
};

export async function insertMeeting(tx: Db, v: MeetingValues & { municipalityId: string; groupId: string; personId: string; now: Date; by: string }): Promise<string> {
  const r = await rows<{ id: string }>(
    tx,
    `INSERT INTO responsibility_group_meetings (municipality_id, group_id, person_id, held_on, mode, place, agenda, category, minutes, attendee_member_ids,
                                                interpreter_use_id, created_at, created_by, updated_at, updated_by)
     VALUES ($1, $2, $3, $4::date, $5, $6, $7::jsonb, $8, $9, $10::uuid[], $11, $12, $13, $12, $13) RETURNING id`,
    [v.municipalityId, v.groupId, v.personId, v.heldOn, v.mode, v.place, JSON.stringify(v.agenda), v.category, v.minutes, pgArray(v.attendeeMemberIds), v.interpreterUseId, v.now, v.by],
  );
  return r[0]!.id;
}

/** Updates when the version matches; false when stale. */
export async function updateMeeting(tx: Db, id: string, version: number, v: MeetingValues & { now: Date; by: string }): Promise<boolean> {
  const r = await rows<{ id: string }>(
    tx,
    `UPDATE responsibility_group_meetings SET held_on = $3::date, mode = $4, place = $5, agenda = $6::jsonb, category = $7, minutes = $8,
            attendee_member_ids = $9::uuid[], interpreter_use_id = $10, version = version + 1, updated_at = $11, updated_by = $12
      WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, v.heldOn, v.mode, v.place, JSON.stringify(v.agenda), v.category, v.minutes, pgArray(v.attendeeMemberIds), v.interpreterUseId, v.now, v.by],
  );
  return r.length > 0;
}

// ---------- decisions ----------

export type DecisionRow = { id: string; meeting_id: string; position: number; body: string; category: JournalCategoryName; created_at: Date | string; author: string | null };

export async function decisionsOf(tx: Db, meetingIds: readonly string[]): Promise<DecisionRow[]> {
  if (meetingIds.length === 0) return [];
  return rows<DecisionRow>(
    tx,
    `SELECT d.id, d.meeting_id, d.position, d.body, d.category, d.created_at, u.name AS author
       FROM responsibility_group_decisions d LEFT JOIN users u ON u.id = d.created_by
      WHERE d.meeting_id = ANY($1::uuid[]) ORDER BY d.meeting_id, d.position`,
    [pgArray(meetingIds)],
  );
}

export async function appendDecisions(tx: Db, v: { municipalityId: string; meetingId: string; decisions: { text: string; category: JournalCategoryName }[]; now: Date; by: string }): Promise<void> {
  if (v.decisions.length === 0) return;
  const start = Number((await rows<{ n: number | null }>(tx, `SELECT max(position) AS n FROM responsibility_group_decisions WHERE meeting_id = $1`, [v.meetingId]))[0]?.n ?? -1) + 1;
  for (const [i, d] of v.decisions.entries()) {
    await rows(
      tx,
      `INSERT INTO responsibility_group_decisions (municipality_id, meeting_id, position, body, category, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [v.municipalityId, v.meetingId, start + i, d.text, d.category, v.now, v.by],
    );
  }
}

// ---------- action points ----------

export type ActionPointRow = {
  id: string;
  meeting_id: string;
  group_id: string;
  person_id: string;
  body: string;
  category: JournalCategoryName;
  owner_unit_id: string;
  owner_unit_name: string;
  owner_user_id: string | null;
  owner_user_name: string | null;
  due_date: string;
  status: 'open' | 'done';
  done_at: Date | string | null;
  done_by_name: string | null;
  version: number;
  created_at: Date | string;
};

const AP_COLS = `a.id, a.meeting_id, a.group_id, a.person_id, a.body, a.category, a.owner_unit_id, un.name AS owner_unit_name, a.owner_user_id,
  ou.name AS owner_user_name, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.status, a.done_at, db.name AS done_by_name, a.version, a.created_at`;
const AP_FROM = `FROM responsibility_group_action_points a JOIN units un ON un.id = a.owner_unit_id
  LEFT JOIN users ou ON ou.id = a.owner_user_id LEFT JOIN users db ON db.id = a.done_by`;

export async function actionPointsOf(tx: Db, groupIds: readonly string[]): Promise<ActionPointRow[]> {
  if (groupIds.length === 0) return [];
  return rows<ActionPointRow>(tx, `SELECT ${AP_COLS} ${AP_FROM} WHERE a.group_id = ANY($1::uuid[]) ORDER BY a.due_date, a.created_at, a.id`, [pgArray(groupIds)]);
}

export async function findActionPoint(tx: Db, id: string): Promise<ActionPointRow | undefined> {
  return (await rows<ActionPointRow>(tx, `SELECT ${AP_COLS} ${AP_FROM} WHERE a.id = $1`, [id]))[0];
}

export async function insertActionPoint(
  tx: Db,
  v: { municipalityId: string; meetingId: string; groupId: string; personId: string; text: string; category: JournalCategoryName; ownerUnitId: string; ownerUserId: string | null; dueDate: string; now: Date; by: string },
): Promise<string> {
  const r = await rows<{ id: string }>(
    tx,
    `INSERT INTO responsibility_group_action_points (municipality_id, meeting_id, group_id, person_id, body, category, owner_unit_id, owner_user_id, due_date, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::date, $10, $11) RETURNING id`,
    [v.municipalityId, v.meetingId, v.groupId, v.personId, v.text, v.category, v.ownerUnitId, v.ownerUserId, v.dueDate, v.now, v.by],
  );
  return r[0]!.id;
}

/** Sets the status when the version matches (or any version when null: the queue closed it). */
export async function setActionPointStatus(tx: Db, id: string, version: number | null, status: 'open' | 'done', now: Date, by: string | null): Promise<boolean> {
  const r = await rows<{ id: string }>(
    tx,
    `UPDATE responsibility_group_action_points
        SET status = $3, done_at = CASE WHEN $3 = 'done' THEN $4::timestamptz ELSE NULL END, done_by = CASE WHEN $3 = 'done' THEN $5::uuid ELSE NULL END,
            version = version + 1
      WHERE id = $1 AND ($2::int IS NULL OR version = $2::int) AND status <> $3 RETURNING id`,
    [id, version, status, now, by],
  );
  return r.length > 0;
}
