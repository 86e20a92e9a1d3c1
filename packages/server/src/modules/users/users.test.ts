import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createWorld, signedIn, snapshot, type World } from '../../test/harness.ts';

let w: World;
let admin: Agent;
beforeAll(async () => {
  w = await createWorld();
  admin = await signedIn(w.app, 'admin@a.test');
});
afterAll(async () => w?.close());

const tokenFromMail = (body: string) => /invitation#token=([A-Za-z0-9_-]+)/.exec(body)?.[1];

async function invite(email: string, roles = [{ role: 'advisor', unitId: w.a.unitIds.refugee }]) {
  const res = await admin.post('/api/users', { email, name: 'Kari Nordmann', roles });
  expect(res.statusCode, res.body).toBe(201);
  const mail = (await new Agent(w.app).get('/api/dev/mailbox')).json().items.find((m: { to: string }) => m.to === email);
  return { user: res.json(), token: tokenFromMail(mail.body)! };
}

describe('users and invitations', () => {
  it('lists users with roles; leaders may read, only admins may change', async () => {
    const res = await admin.get('/api/users');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(12);
    expect(res.json().can.invite).toBe(true);
    const leader = await signedIn(w.app, 'leader@a.test');
    const seen = (await leader.get('/api/users')).json();
    expect(seen.can.invite).toBe(false);
    const advisor = await signedIn(w.app, 'advisor@a.test');
    expect((await advisor.get('/api/users')).statusCode).toBe(403);
    expect((await new Agent(w.app).get('/api/users')).statusCode).toBe(401);
  });

  it('invites by a one-time link in the outbox; accepting signs the user in; the link cannot be reused', async () => {
    const { user, token } = await invite('kari@a.test');
    expect(user.status).toBe('invited');
    expect(token).toBeDefined();
    const guest = new Agent(w.app);
    await guest.prepareCsrf();
    const look = await guest.post('/api/invitations/lookup', { token });
    expect(look.statusCode).toBe(200);
    expect(look.json()).toEqual({ email: 'kari@a.test', name: 'Kari Nordmann', municipalityName: 'Kommune A' });
    expect((await guest.post('/api/invitations/accept', { token, password: 'short' })).statusCode).toBe(400);
    const accepted = await guest.post('/api/invitations/accept', { token, password: 'a-long-new-password' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.email).toBe('kari@a.test');
    expect((await guest.get('/api/auth/session')).statusCode).toBe(200);
    const again = await new Agent(w.app).request('POST', '/api/invitations/accept', { token, password: 'another-password-1' }, { 'x-csrf-token': guest.csrf! });
    expect([403, 410]).toContain(again.statusCode);
    const other = new Agent(w.app);
    await other.prepareCsrf();
    const reuse = await other.post('/api/invitations/accept', { token, password: 'another-password-1' });
    expect(reuse.statusCode).toBe(410);
    expect(reuse.json().error.code).toBe('INVITATION_INVALID');
    expect((await new Agent(w.app, '10.9.9.9').signIn('kari@a.test', 'a-long-new-password')).statusCode).toBe(200);
  });

  it('an expired invitation is refused', async () => {
    const { token } = await invite('late@a.test');
    w.clock.advance(8 * 24 * 3_600_000);
    const guest = new Agent(w.app);
    await guest.prepareCsrf();
    expect((await guest.post('/api/invitations/lookup', { token })).statusCode).toBe(410);
    admin = await signedIn(w.app, 'admin@a.test');
  });

  it('refuses unknown units, duplicate e-mails and bad input, naming the field; nothing is written', async () => {
    const before = await snapshot(w.database, 'users');
    const mails = await snapshot(w.database, 'outbox');
    const foreign = await admin.post('/api/users', { email: 'x@a.test', name: 'X', roles: [{ role: 'advisor', unitId: w.b.unitIds.refugee }] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0].path).toBe('roles.0.unitId');
    const dup = await admin.post('/api/users', { email: 'advisor@b.test', name: 'X', roles: [{ role: 'advisor', unitId: w.a.unitIds.refugee }] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields[0].path).toBe('email');
    for (const [body, field] of [
      [{ email: 'bad', name: 'X', roles: [{ role: 'advisor', unitId: w.a.unitIds.refugee }] }, 'email'],
      [{ email: 'y@a.test', name: 'X', roles: [] }, 'roles'],
      [{ email: 'y@a.test', name: 'X', roles: [{ role: 'king', unitId: w.a.unitIds.refugee }] }, 'roles.0.role'],
      [{ email: 'y@a.test', name: 'X'.repeat(201), roles: [{ role: 'advisor', unitId: w.a.unitIds.refugee }] }, 'name'],
    ] as const) {
      const res = await admin.post('/api/users', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    expect(await snapshot(w.database, 'users')).toEqual(before);
    expect(await snapshot(w.database, 'outbox')).toEqual(mails);
  });

  it('changes roles with the version; a stale version is 409; admins cannot drop their own admin role', async () => {
    const list = (await admin.get('/api/users')).json().items;
    const nav = list.find((u: { email: string }) => u.email === 'nav@a.test');
    const res = await admin.put(`/api/users/${nav.id}/roles`, {
      roles: [{ role: 'partner', unitId: w.a.unitIds.nav }, { role: 'partner', unitId: w.a.unitIds.adulted }],
      version: nav.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toHaveLength(2);
    expect((await admin.put(`/api/users/${nav.id}/roles`, { roles: [], version: nav.version })).statusCode).toBe(409);
    const me = list.find((u: { email: string }) => u.email === 'admin@a.test');
    const self = await admin.put(`/api/users/${me.id}/roles`, { roles: [{ role: 'advisor', unitId: w.a.unitIds.refugee }], version: me.version });
    expect(self.statusCode).toBe(409);
  });

  it('disabling a user ends their sessions at once; enabling lets them back', async () => {
    const victim = await signedIn(w.app, 'school@a.test');
    const cookie = victim.cookies.get('eidor_session')!;
    const list = (await admin.get('/api/users')).json().items;
    const school = list.find((u: { email: string }) => u.email === 'school@a.test');
    const res = await admin.post(`/api/users/${school.id}/disable`, { version: school.version });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('disabled');
    const replay = new Agent(w.app);
    replay.cookies.set('eidor_session', cookie);
    expect((await replay.get('/api/auth/session')).statusCode).toBe(401);
    expect((await new Agent(w.app, '10.8.0.1').signIn('school@a.test')).statusCode).toBe(401);
    const enabled = await admin.post(`/api/users/${school.id}/enable`, { version: school.version + 1 });
    expect(enabled.json().status).toBe('active');
    expect((await new Agent(w.app, '10.8.0.2').signIn('school@a.test')).statusCode).toBe(200);
  });

  it('a session of a user disabled directly in the database is refused too', async () => {
    const agent = await signedIn(w.app, 'auditor@a.test');
    await w.database.query("UPDATE users SET status = 'disabled' WHERE email = 'auditor@a.test'");
    expect((await agent.get('/api/auth/session')).statusCode).toBe(401);
    await w.database.query("UPDATE users SET status = 'active' WHERE email = 'auditor@a.test'");
  });

  it('outsider: another municipality’s admin gets 404 for these users and nothing changes', async () => {
    const outsider = await signedIn(w.app, 'admin@b.test');
    const list = (await admin.get('/api/users')).json().items;
    const target = list.find((u: { email: string }) => u.email === 'finance@a.test');
    const before = await snapshot(w.database, 'users');
    expect((await outsider.post(`/api/users/${target.id}/disable`, { version: target.version })).statusCode).toBe(404);
    expect((await outsider.put(`/api/users/${target.id}/roles`, { roles: [], version: target.version })).statusCode).toBe(404);
    expect(await snapshot(w.database, 'users')).toEqual(before);
    expect((await outsider.get('/api/users')).json().items.some((u: { id: string }) => u.id === target.id)).toBe(false);
  });

  it('wrong role cannot invite', async () => {
    const leader = await signedIn(w.app, 'leader@a.test');
    const res = await leader.post('/api/users', { email: 'z@a.test', name: 'Z', roles: [{ role: 'advisor', unitId: w.a.unitIds.refugee }] });
    expect(res.statusCode).toBe(403);
  });
});
