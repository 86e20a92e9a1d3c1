import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type Endpoint } from '@eidor/contract';
import { migrationFiles } from '../db/migrate.ts';
import { Agent, createWorld, signedIn, type World } from '../test/harness.ts';

// Generated from the contract: every endpoint is registered, documented in OpenAPI, refuses a
// request without a session (unless public) and refuses a state change without a CSRF token.

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

const endpoints = Object.entries(api) as [string, Endpoint][];
const concrete = (path: string) => path.replace(':id', '00000000-0000-4000-8000-000000000000').replace(':year', '2026').replace(':kind', 'programme_decision');

describe('endpoint inventory', () => {
  it('every contract endpoint is in the OpenAPI document', async () => {
    const doc = (await new Agent(w.app).get('/api/openapi.json')).json();
    for (const [name, ep] of endpoints) {
      const path = ep.path.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[ep.method.toLowerCase()], name).toBeDefined();
    }
  });

  it.each(endpoints.filter(([, ep]) => !ep.public))('%s: no session → 401', async (_name, ep) => {
    const agent = new Agent(w.app);
    await agent.prepareCsrf();
    const res = await agent.request(ep.method, concrete(ep.path), ep.method === 'GET' ? undefined : {});
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  let admin: Agent | undefined;
  it.each(endpoints.filter(([, ep]) => ep.method !== 'GET'))('%s: no CSRF token → 403', async (_name, ep) => {
    // One signed-in session for all of them (a sign-in per endpoint would hit the sign-in limit).
    admin ??= await signedIn(w.app, 'admin@a.test');
    const res = await admin.request(ep.method, concrete(ep.path), {}, { 'x-csrf-token': '' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
  });

  it('unknown API paths answer 404 in the contract’s error shape', async () => {
    const res = await new Agent(w.app).get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('sets security headers', async () => {
    const res = await new Agent(w.app).get('/api/health');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('health says which database and migration', async () => {
    const body = (await new Agent(w.app).get('/api/health')).json();
    expect(body).toMatchObject({ status: 'ok', database: w.database.kind, migration: (await migrationFiles()).at(-1) });
    expect(body.embedded).toBe(w.database.kind === 'pglite');
  });

  it('the dev mailbox does not exist in production', async () => {
    const prod = { ...w.config, env: 'production' as const };
    const { buildApp } = await import('../app.ts');
    const app = await buildApp({ ...w.running.deps, config: prod });
    const res = await app.inject({ method: 'GET', url: '/api/dev/mailbox' });
    expect(res.statusCode).toBe(404);
    await app.close();
  });
});
