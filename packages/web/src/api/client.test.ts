import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiFetch, ApiError, onSessionLost, setSessionCsrfToken } from './client.ts';

const USER_ID = '3f0c8f2e-5d7a-4c1e-9b6a-2a7f4e1d9c01';
const UNIT_ID = '9a1d2c3b-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
const MUNICIPALITY_ID = '11111111-2222-4333-8444-555555555555';

const session = {
  user: { id: USER_ID, email: 'kari@kommune.no', name: 'Kari Nordmann', totpEnabled: false },
  municipality: { id: MUNICIPALITY_ID, name: 'Eidsvik kommune', number: '9999' },
  assignments: [],
  permissions: ['units.read'],
  csrfToken: 'session-token',
  authMethod: 'password',
  expiresAt: '2030-01-01T12:00:00.000Z',
};

const unit = { id: UNIT_ID, name: 'Flyktningtjenesten', kind: 'refugee_service', active: true, version: 3, can: { edit: true } };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

type Call = { url: string; method: string; headers: Record<string, string>; body: unknown };

/** A fake server: answers by "METHOD path", records every request. */
function fakeServer(routes: Record<string, (call: Call) => Response>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const call: Call = {
      url,
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>)),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const handler = routes[`${call.method} ${url.split('?')[0]}`];
    if (!handler) throw new Error(`unexpected request ${call.method} ${url}`);
    return handler(call);
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

beforeEach(() => setSessionCsrfToken(null));
afterEach(() => vi.unstubAllGlobals());

describe('apiFetch errors', () => {
  it('parses a validation error into a typed ApiError with its fields and request id', async () => {
    fakeServer({
      'POST /api/units': () =>
        json(400, {
          error: { code: 'VALIDATION', message: 'Invalid request', requestId: 'req-42', fields: [{ path: 'name', message: 'Too small' }] },
        }),
      'GET /api/auth/session': () => json(200, session),
    });
    await apiFetch('session');
    const error = await apiFetch('createUnit', { body: { name: '', kind: 'nav' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'VALIDATION', status: 400, requestId: 'req-42', fields: [{ path: 'name', message: 'Too small' }] });
  });

  it('keeps the code of a version conflict', async () => {
    fakeServer({
      'GET /api/auth/session': () => json(200, session),
      [`PATCH /api/units/${UNIT_ID}`]: () => json(409, { error: { code: 'VERSION_CONFLICT', message: 'Stale', requestId: 'r1' } }),
    });
    await apiFetch('session');
    await expect(
      apiFetch('updateUnit', { params: { id: UNIT_ID }, body: { name: 'X', kind: 'nav', active: true, version: 2 } }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT', status: 409, fields: [] });
  });

  it('falls back to the HTTP status when the body is not an error body', async () => {
    fakeServer({ 'GET /api/units': () => new Response('<html>Bad gateway</html>', { status: 503 }) });
    await expect(apiFetch('listUnits')).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 503, requestId: undefined });
  });

  it('maps an unknown error code to one it knows, by status', async () => {
    fakeServer({ 'GET /api/units': () => json(403, { error: { code: 'SOMETHING_NEW', message: 'x', requestId: 'r' } }) });
    await expect(apiFetch('listUnits')).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('reports a failed connection as NETWORK', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(apiFetch('health')).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
  });

  it('rejects a success response that breaks the contract', async () => {
    fakeServer({ 'GET /api/units': () => json(200, { items: [{ id: 'not-a-uuid' }] }) });
    await expect(apiFetch('listUnits')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('tells listeners when a signed-in call finds the session gone', async () => {
    fakeServer({ 'GET /api/units': () => json(401, { error: { code: 'UNAUTHENTICATED', message: 'No session', requestId: 'r' } }) });
    const lost = vi.fn();
    const stop = onSessionLost(lost);
    await expect(apiFetch('listUnits')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    stop();
    expect(lost).toHaveBeenCalledTimes(1);
  });
});

describe('apiFetch requests and CSRF', () => {
  it('fetches a pre-session token for sign-in and sends it as x-csrf-token', async () => {
    const calls = fakeServer({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 'pre-session-token' }),
      'POST /api/auth/sign-in': () => json(200, { status: 'totp_required' }),
    });
    const result = await apiFetch('signIn', { body: { email: 'kari@kommune.no', password: 'hemmelig passord' } });
    expect(result).toEqual({ status: 'totp_required' });
    const signIn = calls.find((c) => c.url === '/api/auth/sign-in');
    expect(signIn?.headers['x-csrf-token']).toBe('pre-session-token');
    expect(signIn?.headers['content-type']).toBe('application/json');
    expect(signIn?.body).toEqual({ email: 'kari@kommune.no', password: 'hemmelig passord' });
  });

  it("uses the session's token once signed in, and sends none on reads", async () => {
    const calls = fakeServer({
      'GET /api/auth/session': () => json(200, session),
      'POST /api/units': () => json(201, unit),
    });
    await apiFetch('session');
    const created = await apiFetch('createUnit', { body: { name: 'Flyktningtjenesten', kind: 'refugee_service' } });
    expect(created.id).toBe(UNIT_ID);
    expect(calls.find((c) => c.url === '/api/auth/session')?.headers['x-csrf-token']).toBeUndefined();
    expect(calls.find((c) => c.url === '/api/units')?.headers['x-csrf-token']).toBe('session-token');
    expect(calls.some((c) => c.url === '/api/auth/csrf')).toBe(false);
  });

  it('retries once with a fresh pre-session token when the old one is rejected', async () => {
    let tokens = 0;
    let attempts = 0;
    const calls = fakeServer({
      'GET /api/auth/csrf': () => json(200, { csrfToken: `token-${++tokens}` }),
      'POST /api/invitations/lookup': () =>
        ++attempts === 1
          ? json(403, { error: { code: 'CSRF_INVALID', message: 'Bad token', requestId: 'r' } })
          : json(200, { email: 'ola@kommune.no', name: 'Ola', municipalityName: 'Eidsvik kommune' }),
    });
    const token = 'a'.repeat(43);
    await expect(apiFetch('lookupInvitation', { body: { token } })).resolves.toMatchObject({ name: 'Ola' });
    expect(calls.filter((c) => c.url === '/api/invitations/lookup').map((c) => c.headers['x-csrf-token'])).toEqual(['token-1', 'token-2']);
  });

  it('puts path parameters and query parameters into the URL, leaving out empty ones', async () => {
    const calls = fakeServer({
      'GET /api/audit': () => json(200, { items: [], total: 0, page: 2, pageSize: 50 }),
    });
    await apiFetch('listAudit', { query: { action: 'user.invite', subjectId: undefined, page: 2, pageSize: 50 } });
    const url = new URL(calls[0]?.url ?? '', 'http://localhost');
    expect(url.pathname).toBe('/api/audit');
    expect(Object.fromEntries(url.searchParams)).toEqual({ action: 'user.invite', page: '2', pageSize: '50' });
  });

  it('returns undefined for 204 responses and forgets the session token on sign-out', async () => {
    const calls = fakeServer({
      'GET /api/auth/session': () => json(200, session),
      'POST /api/auth/sign-out': () => new Response(null, { status: 204 }),
      'GET /api/auth/csrf': () => json(200, { csrfToken: 'pre-session-token' }),
      'POST /api/auth/sign-in': () => json(401, { error: { code: 'INVALID_CREDENTIALS', message: 'No', requestId: 'r' } }),
    });
    await apiFetch('session');
    await expect(apiFetch('signOut')).resolves.toBeUndefined();
    await expect(apiFetch('signIn', { body: { email: 'kari@kommune.no', password: 'x' } })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(calls.find((c) => c.url === '/api/auth/sign-out')?.headers['x-csrf-token']).toBe('session-token');
    expect(calls.find((c) => c.url === '/api/auth/sign-in')?.headers['x-csrf-token']).toBe('pre-session-token');
  });
});
