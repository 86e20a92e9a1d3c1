import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error -- oidc-provider ships no type declarations; the test only uses its documented constructor.
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, createWorld, type World } from '../../test/harness.ts';

/**
 * Single sign-on end to end against a real OpenID Provider (panva's oidc-provider) listening on
 * 127.0.0.1: discovery, the authorization code flow with PKCE, the provider's own login and consent
 * pages, the token request with the client secret, ID token validation, and Eidør's session.
 */

const PUBLIC_URL = 'http://eidor.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/oidc/callback`;
const CLIENT_ID = 'eidor';
const CLIENT_SECRET = 'a-long-client-secret-for-the-test-provider';

/** The provider's accounts: id → e-mail claim. */
const ACCOUNTS: Record<string, { email: string; email_verified: boolean }> = {
  ingrid: { email: 'Advisor@A.test', email_verified: true },
  stranger: { email: 'stranger@elsewhere.test', email_verified: true },
  ola: { email: 'settlement@b.test', email_verified: true },
  unverified: { email: 'leader@a.test', email_verified: false },
};

let server: Server;
let issuer: string;
let w: World;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['oidc-test-cookie-key'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = ACCOUNTS[sub];
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, name: sub, ...account }) };
    },
  });
  // oidc-provider reports every failed request on its own event emitter; the test asserts on outcomes instead.
  provider.on('server_error', () => {});
  server.on('request', provider.callback());

  w = await createWorld({
    EIDOR_PUBLIC_URL: PUBLIC_URL,
    EIDOR_OIDC_ISSUER: issuer,
    EIDOR_OIDC_CLIENT_ID: CLIENT_ID,
    EIDOR_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    EIDOR_OIDC_LABEL: 'Testkommune-ID',
  });
});

afterAll(async () => {
  await w?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** A browser at the provider: keeps its cookies (paths ignored; names are unique enough here). */
class ProviderBrowser {
  private cookies = new Map<string, string>();

  async fetch(url: URL, init: { method?: string; body?: URLSearchParams } = {}): Promise<Response> {
    if (url.origin !== issuer) throw new Error(`refusing to contact ${url.origin}`);
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(url, { method: init.method ?? 'GET', headers, redirect: 'manual', ...(init.body ? { body: init.body } : {}) });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /**
   * Follows the authorization request through the provider's login and consent pages until the
   * provider redirects back to Eidør; returns that redirect (the callback URL with code and state).
   */
  async authorize(authorizationUrl: string, accountId: string): Promise<URL> {
    let url = new URL(authorizationUrl);
    for (let step = 0; step < 20; step++) {
      if (url.href.startsWith(REDIRECT_URI)) return url;
      const res = await this.fetch(url);
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get('location')!, url);
        continue;
      }
      const html = await res.text();
      expect(res.status, html).toBe(200);
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      expect(action, html).toBeTruthy();
      const form = html.includes('name="prompt" value="login"')
        ? new URLSearchParams({ prompt: 'login', login: accountId, password: 'anything' })
        : new URLSearchParams({ prompt: 'consent' });
      const submitted = await this.fetch(new URL(action!.replaceAll('&amp;', '&'), url), { method: 'POST', body: form });
      expect(submitted.status).toBeGreaterThanOrEqual(300);
      expect(submitted.status).toBeLessThan(400);
      url = new URL(submitted.headers.get('location')!, url);
    }
    throw new Error('the provider never redirected back to Eidør');
  }
}

/** Starts sign-in at Eidør and returns the provider's authorization URL. */
async function start(agent: Agent): Promise<URL> {
  const res = await agent.get('/api/auth/oidc/start');
  expect(res.statusCode).toBe(302);
  const location = new URL(res.headers.location as string);
  expect(location.origin).toBe(issuer);
  // The flow is bound to this browser by an httpOnly cookie holding the state.
  const bound = res.cookies.find((c) => c.name === 'eidor_oidc');
  expect(bound?.value).toBe(location.searchParams.get('state'));
  expect(bound?.httpOnly).toBe(true);
  expect(bound?.sameSite).toBe('Lax');
  return location;
}

/** The whole flow for one account; returns Eidør's callback response. */
async function signInAs(accountId: string, agent = new Agent(w.app)) {
  const authorizationUrl = await start(agent);
  const callback = await new ProviderBrowser().authorize(authorizationUrl.href, accountId);
  const res = await agent.get(callback.pathname + callback.search);
  return { res, agent, callback };
}

const auditCount = async () =>
  (await w.database.query<{ action: string }>('SELECT action FROM audit_log WHERE action = $1', ['auth.sign_in_oidc'])).length;

describe('OIDC sign-in against a real OpenID Provider', () => {
  it('advertises single sign-on with its label', async () => {
    const res = await new Agent(w.app).get('/api/auth/oidc');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ enabled: true, label: 'Testkommune-ID' });
  });

  it('sends the browser to the provider with PKCE (S256), state, nonce and the registered redirect URI', async () => {
    const url = await start(new Agent(w.app));
    const p = url.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe(CLIENT_ID);
    expect(p.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(p.get('scope')).toBe('openid email profile');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.get('state')).toBeTruthy();
    expect(p.get('nonce')).toBeTruthy();
    expect(p.get('state')).not.toBe(p.get('nonce'));
  });

  it('signs in an invited user whose e-mail claim matches (any case), with an oidc session and an audit row', async () => {
    const before = await auditCount();
    const { res, agent, callback } = await signInAs('ingrid');
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(callback.searchParams.get('iss')).toBe(issuer);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    const cookie = res.cookies.find((c) => c.name === 'eidor_session');
    expect(cookie?.value).toBeTruthy();
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');

    const session = await agent.get('/api/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().user.email).toBe('advisor@a.test');
    expect(session.json().authMethod).toBe('oidc');
    expect(session.json().municipality.name).toBe('Kommune A');
    expect(await auditCount()).toBe(before + 1);
    expect(agent.cookies.has('eidor_oidc')).toBe(false);

    // The callback cannot be replayed: the flow is used up.
    const replay = await new Agent(w.app).get(callback.pathname + callback.search);
    expect(replay.headers.location).toBe('/sign-in?error=sso');
    expect(replay.cookies.find((c) => c.name === 'eidor_session')).toBeUndefined();
  });

  it('replaces a session the browser already had', async () => {
    const first = await signInAs('ingrid');
    const old = first.agent.cookies.get('eidor_session')!;
    const second = await signInAs('ingrid', first.agent);
    expect(second.res.headers.location).toBe('/');
    expect(first.agent.cookies.get('eidor_session')).not.toBe(old);
    const stale = new Agent(w.app);
    stale.cookies.set('eidor_session', old);
    expect((await stale.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('refuses an account whose e-mail is not an Eidør user', async () => {
    const before = await auditCount();
    const { res, agent } = await signInAs('stranger');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/sign-in?error=sso');
    expect(res.cookies.find((c) => c.name === 'eidor_session')).toBeUndefined();
    expect((await agent.get('/api/auth/session')).statusCode).toBe(401);
    expect(await auditCount()).toBe(before);
  });

  it('refuses an e-mail the provider marks as unverified', async () => {
    const { res, agent } = await signInAs('unverified');
    expect(res.headers.location).toBe('/sign-in?error=sso');
    expect((await agent.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('refuses a disabled user, and lets the same user in again once re-enabled', async () => {
    await w.database.query(`UPDATE users SET status = 'disabled' WHERE email = $1`, ['settlement@b.test']);
    try {
      const { res, agent } = await signInAs('ola');
      expect(res.headers.location).toBe('/sign-in?error=sso');
      expect(res.cookies.find((c) => c.name === 'eidor_session')).toBeUndefined();
      expect((await agent.get('/api/auth/session')).statusCode).toBe(401);
    } finally {
      await w.database.query(`UPDATE users SET status = 'active' WHERE email = $1`, ['settlement@b.test']);
    }
    const { res, agent } = await signInAs('ola');
    expect(res.headers.location).toBe('/');
    const session = (await agent.get('/api/auth/session')).json();
    expect(session.user.email).toBe('settlement@b.test');
    expect(session.municipality.name).toBe('Kommune B');
  });

  it('refuses a tampered or unknown state', async () => {
    const agent = new Agent(w.app);
    const callback = await new ProviderBrowser().authorize((await start(agent)).href, 'ingrid');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const res = await agent.get(tampered.pathname + tampered.search);
    expect(res.headers.location).toBe('/sign-in?error=sso');
    expect(res.cookies.find((c) => c.name === 'eidor_session')).toBeUndefined();

    // Even with a matching browser cookie, a state Eidør never issued is refused.
    const forged = new Agent(w.app);
    forged.cookies.set('eidor_oidc', tampered.searchParams.get('state')!);
    expect((await forged.get(tampered.pathname + tampered.search)).headers.location).toBe('/sign-in?error=sso');

    const missing = new URL(callback);
    missing.searchParams.delete('state');
    expect((await new Agent(w.app).get(missing.pathname + missing.search)).headers.location).toBe('/sign-in?error=sso');
  });

  it('refuses a callback in a browser that did not start the sign-in (login CSRF)', async () => {
    // The attacker starts a flow, signs in at the provider as themselves and hands the callback URL to the victim.
    const attacker = new Agent(w.app);
    const callback = await new ProviderBrowser().authorize((await start(attacker)).href, 'ingrid');
    const victim = new Agent(w.app);
    const res = await victim.get(callback.pathname + callback.search);
    expect(res.headers.location).toBe('/sign-in?error=sso');
    expect(res.cookies.find((c) => c.name === 'eidor_session')).toBeUndefined();
  });

  it('refuses a flow older than ten minutes', async () => {
    const agent = new Agent(w.app);
    const callback = await new ProviderBrowser().authorize((await start(agent)).href, 'ingrid');
    w.clock.advance(11 * 60_000);
    const res = await agent.get(callback.pathname + callback.search);
    expect(res.headers.location).toBe('/sign-in?error=sso');
  });

  it('refuses an authorization code that was tampered with, or an error answer from the provider', async () => {
    const agent = new Agent(w.app);
    const callback = await new ProviderBrowser().authorize((await start(agent)).href, 'ingrid');
    callback.searchParams.set('code', 'not-the-code');
    expect((await agent.get(callback.pathname + callback.search)).headers.location).toBe('/sign-in?error=sso');

    const denied = new Agent(w.app);
    const state = (await start(denied)).searchParams.get('state')!;
    const q = new URLSearchParams({ error: 'access_denied', state, iss: issuer });
    const res = await denied.get(`/api/auth/oidc/callback?${q}`);
    expect(res.headers.location).toBe('/sign-in?error=sso');
    expect(res.cookies.find((c) => c.name === 'eidor_session')).toBeUndefined();
  });
});

describe('OIDC not configured', () => {
  let plain: World;
  beforeAll(async () => {
    plain = await createWorld();
  });
  afterAll(async () => plain?.close());

  it('says disabled, and the redirect endpoints answer 404', async () => {
    const agent = new Agent(plain.app);
    expect((await agent.get('/api/auth/oidc')).json()).toEqual({ enabled: false, label: '' });
    expect((await agent.get('/api/auth/oidc/start')).statusCode).toBe(404);
    expect((await agent.get('/api/auth/oidc/callback?code=x&state=y')).statusCode).toBe(404);
  });
});
