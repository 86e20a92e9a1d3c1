import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNationalId } from '@eidor/domain';
import { runAsTenant } from '../../platform/context.ts';
import { createWorld, signedIn, snapshot, type Agent, type World } from '../../test/harness.ts';
import { runDailyJobs } from './jobs.ts';
import { notify } from './public.ts';

let w: World;
let advisor: Agent;
let nav: Agent;
let health: Agent;
let admin: Agent;
let personId: string;
let personVersion: number;
const NATIONAL_ID = makeNationalId({ birthDate: '1990-05-01', sex: 'female', kind: 'fnr', synthetic: true, serial: 123 })!;

const silent = { info() {}, error() {}, warn() {}, debug() {}, trace() {}, fatal() {}, child() { return silent; }, level: 'silent', silent() {} } as never;
const run = (jobs: ('daily_digest' | 'deadline_coming')[], at = w.clock.now()) => runDailyJobs(w.running.deps, w.a.municipalityId, at, jobs, silent);
const mails = (to: string) => w.database.query<{ subject: string; body: string }>('SELECT subject, body FROM outbox WHERE to_address = $1 ORDER BY created_at, id', [to]);

let taskNo = 0;
/** An open task on a unit's queue, as a module would put it there. */
async function task(unit: string, dueDate: string, person: string | null = personId) {
  const r = await w.database.query<{ id: string }>(
    `INSERT INTO tasks (municipality_id, kind, item_key, title, category, person_id, owner_unit_id, due_date, source_key)
     VALUES ($1, 'settlement.checklist', 'gp', 'Fastlege', 'identity', $2, $3, $4, $5) RETURNING id`,
    [w.a.municipalityId, person, w.a.unitIds[unit], dueDate, `test:${++taskNo}`],
  );
  return r[0]!.id;
}

beforeAll(async () => {
  w = await createWorld();
  advisor = await signedIn(w.app, 'advisor@a.test');
  nav = await signedIn(w.app, 'nav@a.test');
  health = await signedIn(w.app, 'health@a.test');
  admin = await signedIn(w.app, 'admin@a.test');
  const res = await advisor.post('/api/persons', {
    person: { givenName: 'Amina', familyName: 'Haddad', birthDate: '1990-05-01', sex: 'female', originCountry: 'SYR', languages: ['ar'], nationalId: NATIONAL_ID },
    household: { mode: 'none' },
  });
  expect(res.statusCode, res.body).toBe(201);
  personId = res.json().id;
  const team = await advisor.put(`/api/persons/${personId}/team`, { unitIds: [w.a.unitIds.refugee, w.a.unitIds.nav], version: res.json().version });
  expect(team.statusCode, team.body).toBe(200);
  personVersion = team.json().version;
});
afterAll(async () => {
  await w?.close();
});

describe('the inbox', () => {
  it('answers 401 without a session', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/notifications' });
    expect(res.statusCode).toBe(401);
    expect((await w.app.inject({ method: 'GET', url: '/api/notifications/count' })).statusCode).toBe(401);
  });

  it('creates "deadline coming" once per task and due date, for the owner unit, and shows the name to a reader on the team', async () => {
    const t = await task('nav', '2026-11-26');
    await task('nav', '2026-12-10'); // 17 days ahead: not yet
    const [r] = await run(['deadline_coming']);
    expect(r).toMatchObject({ job: 'deadline_coming', date: '2026-11-23', ran: true, count: 1 });
    // Same day again: the job does not run twice.
    expect((await run(['deadline_coming']))[0]).toMatchObject({ ran: false, count: 0 });
    // The next day: the same task and due date is not announced again.
    expect((await run(['deadline_coming'], new Date('2026-11-24T09:00:00Z')))[0]).toMatchObject({ ran: true, count: 0 });
    // A new due date is a new deadline.
    await w.database.query('UPDATE tasks SET due_date = $2 WHERE id = $1', [t, '2026-11-28']);
    expect((await run(['deadline_coming'], new Date('2026-11-25T09:00:00Z')))[0]).toMatchObject({ ran: true, count: 1 });

    expect((await nav.get('/api/notifications/count')).json()).toEqual({ unread: 2 });
    const inbox = (await nav.get('/api/notifications')).json();
    expect(inbox.items).toHaveLength(2);
    expect(inbox.items[0]).toMatchObject({ kind: 'deadline_coming', params: { dueDate: '2026-11-28' }, read: false, person: { id: personId, name: 'Amina Haddad' }, aboutPerson: true });
    expect(inbox.items[0].link).toBe('/tasks?scope=unit&kind=settlement.checklist');
    expect(inbox.items[1].params.dueDate).toBe('2026-11-26');
    // Nobody outside the unit heard of it.
    expect((await advisor.get('/api/notifications')).json().items).toEqual([]);
    // Showing the name was a read of personal data.
    const audit = await w.database.query('SELECT action FROM audit_log WHERE action = $1 AND subject_id = $2', ['notifications.read', personId]);
    expect(audit.length).toBeGreaterThan(0);
  });

  it("answers 404 for another user's notification and changes nothing; marks one and all read", async () => {
    const id = (await nav.get('/api/notifications')).json().items[0].id;
    const before = await snapshot(w.database, 'notifications');
    expect((await advisor.post(`/api/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await (await signedIn(w.app, 'nav@b.test')).post(`/api/notifications/${id}/read`)).statusCode).toBe(404);
    expect(await snapshot(w.database, 'notifications')).toEqual(before);
    expect((await nav.request('POST', `/api/notifications/${id}/read`, {}, { 'x-csrf-token': '' })).statusCode).toBe(403);
    const one = await nav.post(`/api/notifications/${id}/read`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toEqual({ unread: 1 });
    expect((await nav.get('/api/notifications?unread=true')).json().items).toHaveLength(1);
    const all = await nav.post('/api/notifications/read-all');
    expect(all.json()).toEqual({ marked: 1, unread: 0 });
    expect((await nav.get('/api/notifications/count')).json()).toEqual({ unread: 0 });
    expect((await nav.get('/api/notifications?before=not-a-cursor')).json().error.fields[0].path).toBe('before');
    // A forged cursor whose time is not a full ISO timestamp (Date.parse('1') is a date) or whose id is no uuid: 400, not 500.
    const forged = (at: string, id = '00000000-0000-4000-8000-000000000000') => Buffer.from(`${at}|${id}`).toString('base64url');
    for (const cursor of [forged('1'), forged('2026'), forged('2026-02-30T10:00:00.000Z'), forged('2026-11-20T10:00:00.000Z', '------------------------------------')]) {
      const res = await nav.get(`/api/notifications?before=${cursor}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json().error.fields[0].path).toBe('before');
    }
    expect((await nav.get(`/api/notifications?before=${forged('2026-11-20T10:00:00.000Z')}`)).statusCode).toBe(200);
  });

  it('hides the name from a reader who lost access to the person', async () => {
    const team = await advisor.put(`/api/persons/${personId}/team`, { unitIds: [w.a.unitIds.refugee], version: personVersion });
    expect(team.statusCode, team.body).toBe(200);
    personVersion = team.json().version;
    const items = (await nav.get('/api/notifications')).json().items;
    expect(items[0]).toMatchObject({ person: null, aboutPerson: true });
    expect(JSON.stringify(items)).not.toContain('Amina');
    const restored = await advisor.put(`/api/persons/${personId}/team`, { unitIds: [w.a.unitIds.refugee, w.a.unitIds.nav], version: personVersion });
    personVersion = restored.json().version;
  });
});

describe('notify', () => {
  it('resolves units to their active users once each, never the actor, and writes in the caller’s transaction', async () => {
    const session = { actor: { userId: w.a.userIds.advisor!, municipalityId: w.a.municipalityId, assignments: [{ role: 'advisor' as const, unitId: w.a.unitIds.refugee!, unitKind: 'refugee_service' as const }] }, user: { email: 'advisor@a.test' } };
    const meta = { requestId: 'test', ip: null, log: silent };
    await runAsTenant(w.running.deps, session as never, meta, (ctx) =>
      notify(ctx, { kind: 'referral_new', recipients: { unitIds: [w.a.unitIds.refugee!, w.a.unitIds.refugee!], userIds: [w.a.userIds.advisor!, w.a.userIds.leader!] }, personId, link: `/people/${personId}` }),
    );
    const got = await w.database.query<{ user_id: string }>(`SELECT user_id FROM notifications WHERE kind = 'referral_new' ORDER BY user_id`);
    const refugeeUsers = ['settlement', 'grants', 'leader', 'finance', 'admin', 'auditor'].map((u) => w.a.userIds[u]!);
    expect(got.map((g) => g.user_id).sort()).toEqual(refugeeUsers.sort());
    // Rolled back with the caller.
    await expect(
      runAsTenant(w.running.deps, session as never, meta, async (ctx) => {
        await notify(ctx, { kind: 'referral_answered', recipients: { userIds: [w.a.userIds.leader!] }, link: '/tasks' });
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    expect(await w.database.query(`SELECT 1 FROM notifications WHERE kind = 'referral_answered'`)).toEqual([]);
    // Referrals are mailed at once by default; the mail says what happened and links in, nothing more.
    const mail = await mails('leader@a.test');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe('Eidør: Ny henvisning til enheten din');
    // It links to the inbox, never to the stored link (/people/<id>): a mail carries no person id.
    expect(mail[0]!.body).toContain('http://eidor.test/notifications\n');
    for (const m of mail) for (const secret of ['Amina', 'Haddad', NATIONAL_ID, personId, '/people/']) expect(m.subject + m.body).not.toContain(secret);
    await expect(runAsTenant(w.running.deps, session as never, meta, (ctx) => notify(ctx, { kind: 'referral_new', recipients: { userIds: [] }, link: 'https://evil.test/' }))).rejects.toThrow(/in-app path/);
  });
});

describe('preferences', () => {
  it('has sensible defaults and refuses bad input with 400 naming the field', async () => {
    const res = await nav.get('/api/notifications/preferences');
    expect(res.statusCode).toBe(200);
    const prefs = res.json();
    expect(prefs.language).toBe('nb');
    expect(prefs.kinds).toContainEqual({ kind: 'referral_new', delivery: 'email', defaultDelivery: 'email' });
    expect(prefs.kinds).toContainEqual({ kind: 'deadline_coming', delivery: 'digest', defaultDelivery: 'digest' });
    const before = await snapshot(w.database, 'notification_preferences');
    const bad = await nav.put('/api/notifications/preferences', { language: 'nb', kinds: { deadline_coming: 'pigeon' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('kinds.deadline_coming');
    const badKind = await nav.put('/api/notifications/preferences', { language: 'nb', kinds: { gossip: 'email' } });
    expect(badKind.statusCode).toBe(400);
    const badLang = await nav.put('/api/notifications/preferences', { language: 'de', kinds: {} });
    expect(badLang.json().error.fields.map((f: { path: string }) => f.path)).toContain('language');
    expect(await snapshot(w.database, 'notification_preferences')).toEqual(before);
    expect((await w.app.inject({ method: 'PUT', url: '/api/notifications/preferences', payload: { language: 'nb', kinds: {} } })).statusCode).toBe(401);
  });

  it('mails at once when chosen, in the chosen language, with no personal data', async () => {
    const ok = await nav.put('/api/notifications/preferences', { language: 'en', kinds: { deadline_coming: 'email' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().kinds).toContainEqual({ kind: 'deadline_coming', delivery: 'email', defaultDelivery: 'digest' });
    await task('nav', '2026-11-29');
    expect((await run(['deadline_coming'], new Date('2026-11-26T09:00:00Z')))[0]).toMatchObject({ count: 1 });
    const m = await mails('nav@a.test');
    expect(m).toHaveLength(1);
    expect(m[0]!.subject).toBe('Eidør: A deadline is coming up');
    expect(m[0]!.body).toContain('http://eidor.test/notifications\n');
    expect(m[0]!.body).not.toContain('/tasks');
    for (const secret of ['Amina', 'Haddad', NATIONAL_ID, personId]) expect(m[0]!.subject + m[0]!.body).not.toContain(secret);
  });
});

describe('the daily digest', () => {
  it('gathers unread digest notifications into one mail a day, never twice, nothing when there is nothing', async () => {
    await task('health', '2026-11-30');
    await task('health', '2026-12-01', null);
    const day = new Date('2026-11-27T06:30:00Z');
    const [deadlines, digest] = await run(['deadline_coming', 'daily_digest'], day);
    expect(deadlines).toMatchObject({ job: 'deadline_coming', count: 2 });
    expect(digest).toMatchObject({ job: 'daily_digest', date: '2026-11-27', ran: true });
    const m = await mails('health@a.test');
    expect(m).toHaveLength(1);
    expect(m[0]!.subject).toBe('Eidør: 2 uleste varsler (2026-11-27)');
    expect(m[0]!.body.match(/En frist nærmer seg/g)).toHaveLength(2);
    for (const secret of ['Amina', 'Haddad', NATIONAL_ID, personId]) expect(m[0]!.subject + m[0]!.body).not.toContain(secret);
    // Idempotent: the job, and the digest function called directly, do nothing more that day.
    expect((await run(['daily_digest'], day))[0]).toMatchObject({ ran: false });
    // Even with the day's job runs forgotten, the digest table keeps it to one mail a day.
    await w.database.query(`DELETE FROM job_runs WHERE run_date = '2026-11-27'`);
    await task('health', '2026-12-02');
    await run(['deadline_coming'], new Date('2026-11-27T10:00:00Z'));
    expect((await run(['daily_digest'], new Date('2026-11-27T11:00:00Z')))[0]).toMatchObject({ ran: true, count: 0 });
    expect(await mails('health@a.test')).toHaveLength(1);
    // The next day: only what is new and still unread since the last digest.
    expect((await run(['daily_digest'], new Date('2026-11-28T06:30:00Z')))[0]).toMatchObject({ ran: true, count: 1 });
    const after = await mails('health@a.test');
    expect(after).toHaveLength(2);
    expect(after[1]!.subject).toBe('Eidør: 1 uleste varsel (2026-11-28)');
    // A day with nothing unread sends nothing.
    expect((await run(['daily_digest'], new Date('2026-11-29T06:30:00Z')))[0]).toMatchObject({ ran: true, count: 0 });
    expect(await mails('health@a.test')).toHaveLength(2);
    // The inbox still holds them all (a digest does not mark anything read); one is about nobody.
    const items = (await health.get('/api/notifications')).json().items;
    expect(items).toHaveLength(3);
    expect(items.filter((i: { aboutPerson: boolean }) => !i.aboutPerson)).toHaveLength(1);
  });

  it('lets an administrator run the jobs now; others get 403', async () => {
    expect((await advisor.post('/api/notifications/jobs/run', { jobs: ['daily_digest'] })).statusCode).toBe(403);
    const res = await admin.post('/api/notifications/jobs/run', { jobs: ['deadline_coming', 'daily_digest'], date: '2026-12-05' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results.map((r: { job: string; date: string; ran: boolean }) => [r.job, r.date, r.ran])).toEqual([
      ['deadline_coming', '2026-12-05', true],
      ['daily_digest', '2026-12-05', true],
    ]);
    expect((await admin.post('/api/notifications/jobs/run', { jobs: [] })).statusCode).toBe(400);
  });
});
