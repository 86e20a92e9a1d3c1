import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createWorld, PASSWORD, signedIn, snapshot, type World } from '../../test/harness.ts';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

describe('sign-in', () => {
  it('signs in with e-mail and password and sets an httpOnly session cookie', async () => {
    const agent = new Agent(w.app);
    const res = await agent.signIn('advisor@a.test');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('signed_in');
    expect(body.session.user.email).toBe('advisor@a.test');
    expect(body.session.municipality.name).toBe('Kommune A');
    expect(body.session.assignments[0].role).toBe('advisor');
    const cookie = res.cookies.find((c) => c.name === 'eidor_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await agent.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('accepts the e-mail in any case', async () => {
    expect((await new Agent(w.app).signIn('Advisor@A.test')).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown account the same way', async () => {
    const r1 = await new Agent(w.app, '10.1.0.1').signIn('advisor@a.test', 'wrong-password-123');
    const r2 = await new Agent(w.app, '10.1.0.2').signIn('nobody@a.test', 'wrong-password-123');
    expect(r1.statusCode).toBe(401);
    expect(r2.statusCode).toBe(401);
    expect(r1.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(r2.json().error.message).toBe(r1.json().error.message);
  });

  it('rotates the session id at sign-in: the old cookie stops working', async () => {
    const agent = await signedIn(w.app, 'settlement@a.test');
    const old = agent.cookies.get('eidor_session')!;
    await agent.signIn('settlement@a.test');
    const fresh = agent.cookies.get('eidor_session')!;
    expect(fresh).not.toBe(old);
    const replay = new Agent(w.app);
    replay.cookies.set('eidor_session', old);
    expect((await replay.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const agent = new Agent(w.app, '10.1.1.1');
    await agent.prepareCsrf();
    const before = await snapshot(w.database, 'sessions');
    const cases: [unknown, string][] = [
      [{ email: 'not-an-email', password: 'x' }, 'email'],
      [{ email: 'advisor@a.test', password: 123 }, 'password'],
      [{ email: 'advisor@a.test', password: 'x', admin: true }, 'admin'],
      [{ email: `${'a'.repeat(300)}@a.test`, password: 'x' }, 'email'],
      [{ email: 'advisor@a.test', password: 'p'.repeat(300) }, 'password'],
      [{ password: 'x' }, 'email'],
    ];
    for (const [body, field] of cases) {
      const res = await agent.post('/api/auth/sign-in', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const bad = await agent.request('POST', '/api/auth/sign-in', '{"email":', { 'content-type': 'application/json' });
    expect(bad.statusCode).toBe(400);
    expect(await snapshot(w.database, 'sessions')).toEqual(before);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without a token or with a wrong one', async () => {
    const agent = await signedIn(w.app, 'admin@a.test');
    const before = await snapshot(w.database, 'units');
    const missing = await agent.request('POST', '/api/units', { name: 'Ny enhet', kind: 'other' }, { 'x-csrf-token': '' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF_INVALID');
    const wrong = await agent.request('POST', '/api/units', { name: 'Ny enhet', kind: 'other' }, { 'x-csrf-token': 'forged' });
    expect(wrong.statusCode).toBe(403);
    expect(await snapshot(w.database, 'units')).toEqual(before);
    const ok = await agent.post('/api/units', { name: 'Ny enhet', kind: 'other' });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses sign-in without the pre-session token', async () => {
    const agent = new Agent(w.app, '10.1.2.1');
    const res = await agent.post('/api/auth/sign-in', { email: 'advisor@a.test', password: PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
  });
});

describe('sign-out and expiry', () => {
  it('sign-out makes the old cookie useless', async () => {
    const agent = await signedIn(w.app, 'leader@a.test');
    const cookie = agent.cookies.get('eidor_session')!;
    expect((await agent.post('/api/auth/sign-out')).statusCode).toBe(204);
    const replay = new Agent(w.app);
    replay.cookies.set('eidor_session', cookie);
    const res = await replay.get('/api/auth/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('sign-out everywhere ends every session of the user', async () => {
    const one = await signedIn(w.app, 'finance@a.test');
    const two = await signedIn(w.app, 'finance@a.test');
    expect((await one.post('/api/auth/sign-out-everywhere')).statusCode).toBe(204);
    expect((await two.get('/api/auth/session')).statusCode).toBe(401);
    expect((await one.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('an idle session expires; activity keeps it alive; the absolute limit ends it anyway', async () => {
    const agent = await signedIn(w.app, 'grants@a.test');
    const idle = w.config.sessionIdleMs;
    for (let i = 0; i < 3; i++) {
      w.clock.advance(idle - 60_000);
      expect((await agent.get('/api/auth/session')).statusCode).toBe(200);
    }
    w.clock.advance(idle + 1000);
    expect((await agent.get('/api/auth/session')).statusCode).toBe(401);

    const b = await signedIn(w.app, 'grants@a.test');
    const steps = Math.ceil(w.config.sessionAbsoluteMs / (idle - 60_000));
    let last = 200;
    for (let i = 0; i < steps + 1 && last === 200; i++) {
      w.clock.advance(idle - 60_000);
      last = (await b.get('/api/auth/session')).statusCode;
    }
    expect(last).toBe(401);
  });
});

describe('rate limiting', () => {
  it('locks an account after repeated wrong passwords, even with the right one', async () => {
    const email = 'school@a.test';
    for (let i = 0; i < 10; i++) {
      expect((await new Agent(w.app, `10.2.0.${i}`).signIn(email, 'wrong-password-xx')).statusCode).toBe(401);
    }
    const res = await new Agent(w.app, '10.2.1.1').signIn(email);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('RATE_LIMITED');
    expect(res.headers['retry-after']).toBeDefined();
    w.clock.advance(16 * 60_000);
    expect((await new Agent(w.app, '10.2.1.2').signIn(email)).statusCode).toBe(200);
  });

  it('1,000 wrong passwords in a minute from one address: refused with 429, no session written', async () => {
    const agent = new Agent(w.app, '10.3.3.3');
    await agent.prepareCsrf();
    const before = await snapshot(w.database, 'sessions');
    const codes = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const res = await agent.post('/api/auth/sign-in', { email: `user${i % 50}@a.test`, password: 'guess-guess-guess' });
      codes.set(res.statusCode, (codes.get(res.statusCode) ?? 0) + 1);
    }
    expect(codes.get(429)).toBeGreaterThanOrEqual(900);
    expect([...codes.keys()].every((c) => c === 401 || c === 429)).toBe(true);
    expect(await snapshot(w.database, 'sessions')).toEqual(before);
    // The right password from that address is refused too until the window passes.
    expect((await agent.post('/api/auth/sign-in', { email: 'nav@a.test', password: PASSWORD })).statusCode).toBe(429);
    w.clock.advance(61_000);
  }, 120_000);
});

describe('TOTP second factor', () => {
  it('enrols, then demands a code at sign-in, and refuses a replayed code', async () => {
    const agent = await signedIn(w.app, 'health@a.test');
    const setup = await agent.post('/api/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri } = setup.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
    const code = () => totp.generate({ timestamp: w.clock.now().getTime() });
    expect((await agent.post('/api/auth/totp/enable', { code: '000000' === code() ? '111111' : '000000' })).statusCode).toBe(401);
    expect((await agent.post('/api/auth/totp/enable', { code: code() })).statusCode).toBe(204);

    w.clock.advance(31_000);
    const second = new Agent(w.app, '10.4.0.1');
    const step1 = await second.signIn('health@a.test');
    expect(step1.json()).toEqual({ status: 'totp_required' });
    // The half session is no session: it opens nothing.
    expect((await second.get('/api/auth/session')).statusCode).toBe(401);
    expect((await second.post('/api/auth/totp', { code: 'abc' })).statusCode).toBe(400);
    const used = code();
    const step2 = await second.post('/api/auth/totp', { code: used });
    expect(step2.statusCode).toBe(200);
    second.csrf = step2.json().csrfToken;
    expect((await second.get('/api/auth/session')).json().user.totpEnabled).toBe(true);

    // Replaying the same code in the same time step is refused.
    const third = new Agent(w.app, '10.4.0.2');
    await third.signIn('health@a.test');
    const replay = await third.post('/api/auth/totp', { code: used });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('INVALID_TOTP');

    // Disabling needs the password.
    expect((await second.post('/api/auth/totp/disable', { password: 'wrong-password-1' })).statusCode).toBe(401);
    expect((await second.post('/api/auth/totp/disable', { password: PASSWORD })).statusCode).toBe(204);
    expect((await new Agent(w.app, '10.4.0.3').signIn('health@a.test')).json().status).toBe('signed_in');
  });
});

describe('logs', () => {
  it('never writes passwords, e-mails or tokens into log lines', async () => {
    const lines: string[] = [];
    const logged = await createWorld({ LOG_LEVEL: 'info' }, { write: (l) => void lines.push(l) });
    try {
      const agent = new Agent(logged.app);
      await agent.signIn('advisor@a.test', 'Secret-Password-9999');
      await agent.signIn('advisor@a.test');
      await agent.post('/api/units', { name: 'Loggtest', kind: 'other' });
      expect(lines.length).toBeGreaterThan(3);
      const all = lines.join('\n');
      expect(all).not.toContain('Secret-Password-9999');
      expect(all).not.toContain(PASSWORD);
      expect(all).not.toContain('advisor@a.test');
      expect(all).not.toContain(agent.cookies.get('eidor_session')!);
      expect(all).not.toContain(agent.csrf!);
    } finally {
      await logged.close();
    }
  });
});
