import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, signedIn, snapshot, type Agent, type World } from '../../test/harness.ts';

let w: World;
let advisor: Agent;
let health: Agent;
let nav: Agent;
let school: Agent;
let leader: Agent;
let childWelfare: Agent;

const TABLES = ['responsibility_groups', 'responsibility_group_members', 'responsibility_group_coordinators', 'responsibility_group_meetings', 'responsibility_group_decisions', 'responsibility_group_action_points', 'person_team', 'person_history', 'tasks'];
const everything = async () => Promise.all(TABLES.map((t) => snapshot(w.database, t)));

async function register(): Promise<{ id: string; version: number }> {
  const res = await advisor.post('/api/persons', {
    person: { givenName: 'Amina', familyName: 'Haddad', birthDate: '1990-05-01', sex: 'female', originCountry: 'SYR', languages: ['ar'], interpreterNeeded: true, interpreterLanguage: 'ar' },
    household: { mode: 'none' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const ids = () => ({
  advisor: { userId: w.a.userIds.advisor!, unitId: w.a.unitIds.refugee! },
  nav: { userId: w.a.userIds.nav!, unitId: w.a.unitIds.nav! },
  health: { userId: w.a.userIds.health!, unitId: w.a.unitIds.health! },
});
const staff = (who: 'advisor' | 'nav' | 'health', role: string) => ({ kind: 'staff', ...ids()[who], role });
const baseGroup = () => ({
  members: [staff('advisor', 'Koordinator'), staff('nav', 'Veileder NAV'), { kind: 'external', externalKind: 'gp', name: 'Dr. Lege', role: 'Fastlege' }],
  coordinatorUserId: w.a.userIds.advisor!,
});
type Group = { id: string; version: number; members: { id: string; userId: string | null; unitId: string | null; leftAt: string | null }[]; meetings: Meeting[]; coordinator: { userId: string } | null; coordinatorHistory: unknown[] };
type Meeting = {
  id: string;
  version: number;
  minutes: string | null;
  minutesHidden: boolean;
  decisions: { text: string; category: string }[];
  hiddenDecisions: number;
  actionPoints: { id: string; text: string; status: string; version: number; canChangeStatus: boolean }[];
  hiddenActionPoints: number;
  interpreter: { visible: boolean; language: string | null } | null;
};

async function createGroup(personId: string, body: unknown = baseGroup()): Promise<Group> {
  const res = await advisor.post(`/api/groups/persons/${personId}`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const meeting = (over: Record<string, unknown> = {}) => ({
  heldOn: '2026-11-20',
  mode: 'on_site',
  place: 'Rådhuset, møterom 2',
  agenda: ['Status norskopplæring', 'Arbeidspraksis'],
  minutes: 'Gjennomgang av planen.',
  decisions: [{ text: 'Arbeidspraksis startes i januar.' }],
  actionPoints: [{ text: 'Finne praksisplass', ownerUnitId: w.a.unitIds.nav!, dueDate: '2026-12-15' }],
  ...over,
});
const groupsOf = async (agent: Agent, personId: string) => agent.get(`/api/groups/persons/${personId}`);
const queue = async (agent: Agent) => (await agent.get('/api/tasks?scope=unit&status=open')).json<{ items: { id: string; kind: string; title: string; version: number; personId: string | null }[] }>().items;

beforeAll(async () => {
  w = await createWorld();
  advisor = await signedIn(w.app, 'advisor@a.test');
  health = await signedIn(w.app, 'health@a.test');
  nav = await signedIn(w.app, 'nav@a.test');
  school = await signedIn(w.app, 'school@a.test');
  leader = await signedIn(w.app, 'leader@a.test');
  childWelfare = await signedIn(w.app, 'childwelfare@a.test');
});
afterAll(async () => {
  await w?.close();
});

describe('responsibility groups', () => {
  it('the refugee service creates a group; members\' units join the team (in the history); the coordinator is a member', async () => {
    const p = await register();
    expect((await groupsOf(nav, p.id)).statusCode).toBe(404);
    const g = await createGroup(p.id);
    expect(g.members).toHaveLength(3);
    expect(g.coordinator?.userId).toBe(w.a.userIds.advisor);
    // NAV now reaches the person through the team and reads the group; the history says why.
    const person = (await advisor.get(`/api/persons/${p.id}`)).json();
    expect(person.team.map((t: { unitId: string }) => t.unitId).sort()).toEqual([w.a.unitIds.nav, w.a.unitIds.refugee].sort());
    const history = (await advisor.get(`/api/persons/${p.id}/history`)).json().items;
    expect(history[0].changes[0].field).toBe('team');
    const byNav = await groupsOf(nav, p.id);
    expect(byNav.statusCode, byNav.body).toBe(200);
    expect(byNav.json().groups[0].meetingsVisible).toBe(true);
    expect(byNav.json().can.manage).toBe(false);
    // The new staff member was notified (not the actor).
    const notes = await w.database.query<{ user_id: string; kind: string }>("SELECT user_id, kind FROM notifications WHERE kind = 'group_member_added'");
    expect(notes.map((n) => n.user_id)).toContain(w.a.userIds.nav);
    expect(notes.map((n) => n.user_id)).not.toContain(w.a.userIds.advisor);
    // A second active group is refused.
    expect((await advisor.post(`/api/groups/persons/${p.id}`, baseGroup())).statusCode).toBe(409);
    // Every read is audited.
    const reads = await w.database.query('SELECT 1 FROM audit_log WHERE action = $1 AND subject_id = $2', ['groups.read', p.id]);
    expect(reads.length).toBeGreaterThanOrEqual(1);
  });

  it('bad input names the field and writes nothing; wrong role 403; outsider 404; no session 401', async () => {
    const p = await register();
    const before = await everything();
    const notMember = await advisor.post(`/api/groups/persons/${p.id}`, { ...baseGroup(), coordinatorUserId: w.a.userIds.health });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().error.fields[0].path).toBe('coordinatorUserId');
    const wrongUnit = await advisor.post(`/api/groups/persons/${p.id}`, { members: [{ kind: 'staff', userId: w.a.userIds.nav, unitId: w.a.unitIds.health, role: 'x' }], coordinatorUserId: w.a.userIds.nav });
    expect(wrongUnit.statusCode).toBe(400);
    expect(wrongUnit.json().error.fields[0].path).toBe('members.0.userId');
    const emptyRole = await advisor.post(`/api/groups/persons/${p.id}`, { members: [{ ...staff('advisor', '') }], coordinatorUserId: w.a.userIds.advisor });
    expect(emptyRole.json().error.fields[0].path).toBe('members.0.role');
    expect((await health.post(`/api/groups/persons/${p.id}`, baseGroup())).statusCode).toBe(403);
    expect((await leader.post(`/api/groups/persons/${p.id}`, baseGroup())).statusCode).toBe(403);
    expect((await nav.post(`/api/groups/persons/${p.id}`, baseGroup())).statusCode).toBe(404);
    const other = await signedIn(w.app, 'advisor@b.test');
    expect((await other.post(`/api/groups/persons/${p.id}`, baseGroup())).statusCode).toBe(404);
    expect((await other.get(`/api/groups/persons/${p.id}`)).statusCode).toBe(404);
    expect(await everything()).toEqual(before);

    const g = await createGroup(p.id);
    const meetingId = (await advisor.post(`/api/groups/${g.id}/meetings`, meeting())).json().meetings[0].id as string;
    const pointId = (await advisor.get(`/api/groups/persons/${p.id}`)).json().groups[0].meetings[0].actionPoints[0].id as string;
    const member = g.members.find((m) => m.userId === w.a.userIds.nav)!;
    const snap = await everything();
    const calls: [string, string, unknown][] = [
      ['POST', `/api/groups/${g.id}/members`, { member: staff('health', 'Helsesykepleier'), version: g.version }],
      ['POST', `/api/groups/members/${member.id}/end`, { version: g.version }],
      ['PUT', `/api/groups/${g.id}/coordinator`, { userId: w.a.userIds.nav, version: g.version }],
      ['POST', `/api/groups/${g.id}/close`, { reason: 'Ferdig', version: g.version }],
      ['POST', `/api/groups/${g.id}/meetings`, meeting()],
      ['PUT', `/api/groups/meetings/${meetingId}`, { ...meeting(), actionPoints: undefined, decisions: undefined, version: 0 }],
      ['POST', `/api/groups/meetings/${meetingId}/action-points`, { text: 'x', ownerUnitId: w.a.unitIds.nav, dueDate: '2026-12-01' }],
      ['POST', `/api/groups/action-points/${pointId}/status`, { status: 'done', version: 0 }],
    ];
    const anonymous = new (advisor.constructor as new (app: unknown) => Agent)(w.app);
    for (const [method, url, body] of calls) {
      const clean = JSON.parse(JSON.stringify(body)) as object;
      expect((await anonymous.request(method as 'POST', url, clean)).statusCode, url).toBe(401);
      // Outsiders: another municipality, and a partner whose unit is not in the group.
      expect((await other.request(method as 'POST', url, clean)).statusCode, url).toBe(404);
      expect((await school.request(method as 'POST', url, clean)).statusCode, url).toBe(404);
    }
    // A member (NAV) may record meetings but not manage the group; the leader (whose unit is in the group) reads
    // but records nothing; the health worker reaches the person but is not in the group: no meetings for them.
    for (const [method, url, body] of calls.slice(0, 4)) {
      expect((await nav.request(method as 'POST', url, JSON.parse(JSON.stringify(body)) as object)).statusCode, url).toBe(403);
      expect((await health.request(method as 'POST', url, JSON.parse(JSON.stringify(body)) as object)).statusCode, url).toBe(403);
    }
    for (const [method, url, body] of calls.slice(4, 7)) {
      expect((await leader.request(method as 'POST', url, JSON.parse(JSON.stringify(body)) as object)).statusCode, url).toBe(403);
    }
    for (const [method, url, body] of calls.slice(4)) {
      expect((await health.request(method as 'POST', url, JSON.parse(JSON.stringify(body)) as object)).statusCode, url).toBe(404);
    }
    expect(await everything()).toEqual(snap);

    // Meetings: a date that is not a date, an action point without an owner unit or from outside the group, an attendee who is no member.
    const bad = await advisor.post(`/api/groups/${g.id}/meetings`, meeting({ heldOn: '2026-02-30', actionPoints: [{ text: 'x', dueDate: '2026-12-01' }] }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['actionPoints.0.ownerUnitId', 'heldOn']);
    const outside = await advisor.post(`/api/groups/${g.id}/meetings`, meeting({ actionPoints: [{ text: 'x', ownerUnitId: w.a.unitIds.school, dueDate: '2026-12-01' }] }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields[0].path).toBe('actionPoints.0.ownerUnitId');
    const attendee = await advisor.post(`/api/groups/${g.id}/meetings`, meeting({ attendeeMemberIds: [pointId] }));
    expect(attendee.json().error.fields[0].path).toBe('attendeeMemberIds.0');
    const healthMeeting = await advisor.post(`/api/groups/${g.id}/meetings`, meeting({ category: 'health' }));
    expect(healthMeeting.statusCode).toBe(403);
    expect(healthMeeting.json().error.fields[0].path).toBe('category');
    const coord = await advisor.put(`/api/groups/${g.id}/coordinator`, { userId: w.a.userIds.health, version: g.version });
    expect(coord.statusCode).toBe(400);
    expect(coord.json().error.fields[0].path).toBe('userId');
    expect(await everything()).toEqual(snap);
  });

  it('members, coordinator changes with history, stale edits 409, closing', async () => {
    const p = await register();
    let g = await createGroup(p.id);
    const added = await advisor.post(`/api/groups/${g.id}/members`, { member: staff('health', 'Helsesykepleier'), version: g.version });
    expect(added.statusCode, added.body).toBe(201);
    g = added.json();
    expect((await advisor.post(`/api/groups/${g.id}/members`, { member: staff('health', 'Igjen'), version: g.version })).json().error.fields[0].path).toBe('member.userId');
    expect((await advisor.post(`/api/groups/${g.id}/members`, { member: staff('health', 'x'), version: g.version - 1 })).statusCode).toBe(409);
    const changed = await advisor.put(`/api/groups/${g.id}/coordinator`, { userId: w.a.userIds.health, version: g.version });
    expect(changed.statusCode, changed.body).toBe(200);
    g = changed.json();
    expect(g.coordinator?.userId).toBe(w.a.userIds.health);
    expect(g.coordinatorHistory).toHaveLength(2);
    // The record's coordinator for other modules.
    const healthMember = g.members.find((m) => m.userId === w.a.userIds.health)!;
    expect((await advisor.post(`/api/groups/members/${healthMember.id}/end`, { version: g.version })).statusCode).toBe(409);
    const navMember = g.members.find((m) => m.userId === w.a.userIds.nav)!;
    const ended = await advisor.post(`/api/groups/members/${navMember.id}/end`, { version: g.version });
    expect(ended.statusCode, ended.body).toBe(200);
    g = ended.json();
    expect(g.members.find((m) => m.id === navMember.id)!.leftAt).not.toBeNull();
    // NAV has left the group: it still reaches the person through the team, but not the meetings.
    expect((await groupsOf(nav, p.id)).json().groups[0].meetingsVisible).toBe(false);
    const closed = await advisor.post(`/api/groups/${g.id}/close`, { reason: 'Mål nådd', version: g.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect((await advisor.post(`/api/groups/${g.id}/meetings`, meeting({ actionPoints: [] }))).statusCode).toBe(409);
    // A new group can be started after closing.
    await createGroup(p.id);
  });

  it('meetings: minutes and decisions by category, interpreter linked from the journal, stale edit 409', async () => {
    const p = await register();
    const g = await createGroup(p.id, { ...baseGroup(), members: [...baseGroup().members, staff('health', 'Helsesykepleier')] });
    const interp = await advisor.post(`/api/journal/persons/${p.id}/interpreters`, {
      date: '2026-11-20', category: 'general', topic: 'Ansvarsgruppemøte', language: 'ar', qualification: 'category_2', status: 'used', mode: 'on_site', interpreterName: 'Tolk T',
    });
    expect(interp.statusCode, interp.body).toBe(201);
    const attendees = g.members.filter((m) => m.userId).map((m) => m.id);
    const res = await advisor.post(`/api/groups/${g.id}/meetings`, meeting({
      category: 'programme',
      minutes: 'Drøftet introduksjonsprogrammet.',
      decisions: [{ text: 'Felles vedtak', category: 'general' }, { text: 'Forlenge programmet', category: 'programme' }],
      attendeeMemberIds: attendees,
      interpreterUseId: interp.json().id,
      actionPoints: [{ text: 'Søke forlengelse', ownerUnitId: w.a.unitIds.refugee, dueDate: '2026-12-01', category: 'programme' }],
    }));
    expect(res.statusCode, res.body).toBe(201);
    const m = (res.json() as Group).meetings[0]!;
    expect(m.decisions).toHaveLength(2);
    expect(m.interpreter).toMatchObject({ visible: true, language: 'ar' });
    // The health worker (a member) sees the meeting, the general decision, not the programme minutes.
    const byHealth = (await groupsOf(health, p.id)).json().groups[0].meetings[0] as Meeting;
    expect(byHealth.minutesHidden).toBe(true);
    expect(byHealth.minutes).toBeNull();
    expect(byHealth.decisions.map((d) => d.text)).toEqual(['Felles vedtak']);
    expect(byHealth.hiddenDecisions).toBe(1);
    expect(byHealth.hiddenActionPoints).toBe(1);
    // NAV reads programme data of people on its team.
    const byNav = (await groupsOf(nav, p.id)).json().groups[0].meetings[0] as Meeting;
    expect(byNav.minutes).toBe('Drøftet introduksjonsprogrammet.');
    // A health member cannot change programme minutes it cannot read.
    expect((await health.put(`/api/groups/meetings/${m.id}`, { ...meeting(), decisions: undefined, actionPoints: undefined, version: m.version })).statusCode).toBe(403);
    const upd = { heldOn: '2026-11-20', mode: 'video', category: 'programme', minutes: 'Rettet referat.', addDecisions: [{ text: 'Nytt vedtak' }], version: m.version };
    const ok = await advisor.put(`/api/groups/meetings/${m.id}`, upd);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().meetings[0].decisions).toHaveLength(3);
    expect((await advisor.put(`/api/groups/meetings/${m.id}`, upd)).statusCode).toBe(409);
    const notInterp = await advisor.put(`/api/groups/meetings/${m.id}`, { ...upd, version: m.version + 1, interpreterUseId: g.id });
    expect(notInterp.json().error.fields[0].path).toBe('interpreterUseId');
    // Child welfare is not in the group: it reaches the person through nothing → 404.
    expect((await groupsOf(childWelfare, p.id)).statusCode).toBe(404);
  });

  it('an action point is a task on the owner unit\'s queue; done on the queue closes it in the group, and the other way round', async () => {
    const p = await register();
    const g = await createGroup(p.id);
    const created = await advisor.post(`/api/groups/${g.id}/meetings`, meeting({ actionPoints: [{ text: 'Finne praksisplass', ownerUnitId: w.a.unitIds.nav, ownerUserId: w.a.userIds.nav, dueDate: '2026-12-15' }] }));
    expect(created.statusCode, created.body).toBe(201);
    const onQueue = (await queue(nav)).filter((t) => t.kind === 'groups.action_point' && t.personId === p.id);
    expect(onQueue.map((t) => t.title)).toEqual(['Finne praksisplass']);
    const notified = await w.database.query<{ user_id: string }>("SELECT user_id FROM notifications WHERE kind = 'action_point'");
    expect(notified.map((n) => n.user_id)).toContain(w.a.userIds.nav);
    // Done on the queue → done in the group.
    const done = await nav.post(`/api/tasks/${onQueue[0]!.id}`, { action: 'done', version: onQueue[0]!.version });
    expect(done.statusCode, done.body).toBe(200);
    let point = (await groupsOf(advisor, p.id)).json().groups[0].meetings[0].actionPoints[0];
    expect(point.status).toBe('done');
    // Reopened in the group → open on the queue; done in the group → closed on the queue.
    const reopened = await nav.post(`/api/groups/action-points/${point.id}/status`, { status: 'open', version: point.version });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((await queue(nav)).some((t) => t.personId === p.id && t.kind === 'groups.action_point')).toBe(true);
    point = reopened.json().meetings[0].actionPoints[0];
    expect((await nav.post(`/api/groups/action-points/${point.id}/status`, { status: 'done', version: point.version - 1 })).statusCode).toBe(409);
    // The health worker is no member: reaches the person but may not see the meetings → 404.
    expect((await health.post(`/api/groups/action-points/${point.id}/status`, { status: 'done', version: point.version })).statusCode).toBe(404);
    const closed = await nav.post(`/api/groups/action-points/${point.id}/status`, { status: 'done', version: point.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await queue(nav)).some((t) => t.personId === p.id && t.kind === 'groups.action_point')).toBe(false);
    // A group with no open action points closes.
    const latest = (await groupsOf(advisor, p.id)).json().groups[0];
    expect((await advisor.post(`/api/groups/${g.id}/close`, { reason: 'Ferdig', version: latest.version })).statusCode).toBe(200);
  });

  it('reading the group writes nothing: the queue keeps the action point\'s status when its task is skipped or reopened there', async () => {
    const p = await register();
    const g = await createGroup(p.id);
    expect((await advisor.post(`/api/groups/${g.id}/meetings`, meeting())).statusCode).toBe(201);
    const task = (await queue(nav)).find((t) => t.kind === 'groups.action_point' && t.personId === p.id)!;
    const skipped = await nav.post(`/api/tasks/${task.id}`, { action: 'skip', reason: 'Løst på annen måte', version: task.version });
    expect(skipped.statusCode, skipped.body).toBe(200);
    // The status is already in the group's row: opening the group (twice) changes no table.
    const before = await everything();
    const read = (await groupsOf(advisor, p.id)).json().groups[0].meetings[0].actionPoints[0];
    await groupsOf(nav, p.id);
    expect(await everything()).toEqual(before);
    expect(read.status).toBe('done');
    // Reopened on the queue → open in the group.
    const reopened = await nav.post(`/api/tasks/${task.id}`, { action: 'reopen', version: task.version + 1 });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((await groupsOf(advisor, p.id)).json().groups[0].meetings[0].actionPoints[0]).toMatchObject({ status: 'open', version: read.version + 1 });
  });

  it('an action point in health may not be owned by a unit whose kind cannot read health (NAV), when recorded or added later', async () => {
    const p = await register();
    const g = await createGroup(p.id, { ...baseGroup(), members: [...baseGroup().members, staff('health', 'Helsesykepleier')] });
    const snap = await everything();
    const healthPoint = { text: 'Amina Haddad: oppfølging av diabetes', ownerUnitId: w.a.unitIds.nav, dueDate: '2026-12-15', category: 'health' };
    const res = await health.post(`/api/groups/${g.id}/meetings`, meeting({ category: 'health', actionPoints: [healthPoint] }));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'actionPoints.0.ownerUnitId', message: expect.stringMatching(/nav may not read health/) }]);
    expect(await everything()).toEqual(snap);
    expect((await queue(nav)).filter((t) => t.personId === p.id)).toEqual([]);
    // Added later to a recorded meeting: the same refusal; the health unit itself may own it.
    const ok = await health.post(`/api/groups/${g.id}/meetings`, meeting({ category: 'health', actionPoints: [{ ...healthPoint, ownerUnitId: w.a.unitIds.health }] }));
    expect(ok.statusCode, ok.body).toBe(201);
    const m = (ok.json() as Group).meetings[0]!;
    const later = await health.post(`/api/groups/meetings/${m.id}/action-points`, healthPoint);
    expect(later.statusCode, later.body).toBe(400);
    expect(later.json().error.fields[0].path).toBe('ownerUnitId');
    expect((await queue(nav)).filter((t) => t.personId === p.id)).toEqual([]);
  });

  it('a group with an open action point cannot be closed', async () => {
    const p = await register();
    const g = await createGroup(p.id);
    expect((await advisor.post(`/api/groups/${g.id}/meetings`, meeting())).statusCode).toBe(201);
    const latest = (await groupsOf(advisor, p.id)).json().groups[0];
    expect((await advisor.post(`/api/groups/${g.id}/close`, { reason: 'Ferdig', version: latest.version })).statusCode).toBe(409);
  });
});
