import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { loadConfig, type Config } from '../config.ts';
import { openPglite, openPostgres, type Database } from '../db/client.ts';
import { prepare, type Running } from '../server.ts';
import { createMunicipality } from '../seed/demo.ts';
import type { AuditSealer } from '../platform/audit.ts';

export const PASSWORD = 'correct-horse-battery-9';

/** A clock the test moves by hand. */
export class TestClock {
  t = Date.parse('2026-11-23T09:00:00Z');
  now = () => new Date(this.t);
  advance(ms: number) {
    this.t += ms;
  }
}

/**
 * A fresh database for one test file: PGlite in memory by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (dropped again in `close`).
 */
export async function freshDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openPglite(undefined);
    return { database, drop: async () => database.close() };
  }
  const name = `eidor_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 5);
  return {
    database,
    async drop() {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export type World = {
  app: FastifyInstance;
  running: Running;
  database: Database;
  clock: TestClock;
  config: Config;
  /** Chains committed audit rows (it also runs on its own after each audited request). */
  sealer: AuditSealer;
  /** Two municipalities: A and B, each with one user per role (advisor@a.test, admin@b.test …). */
  a: Awaited<ReturnType<typeof createMunicipality>>;
  b: Awaited<ReturnType<typeof createMunicipality>>;
  close(): Promise<void>;
};

export async function createWorld(env: Record<string, string> = {}, logStream?: { write(line: string): void }): Promise<World> {
  const { database, drop } = await freshDatabase();
  const clock = new TestClock();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    EIDOR_SEED_DEMO: 'false',
    EIDOR_SECRET_KEY: randomBytes(32).toString('hex'),
    EIDOR_PUBLIC_URL: 'http://eidor.test',
    ...env,
  });
  const running = await prepare(config, { database, clock, warn: () => {}, ...(logStream ? { logStream } : {}) });
  const a = await createMunicipality(database, { number: '1001', name: 'Kommune A', domain: 'a.test', password: PASSWORD, now: clock.now() });
  const b = await createMunicipality(database, { number: '1002', name: 'Kommune B', domain: 'b.test', password: PASSWORD, now: clock.now() });
  return {
    app: running.app,
    running,
    database,
    clock,
    config,
    sealer: running.deps.auditSealer,
    a,
    b,
    async close() {
      await running.close();
      await drop();
    },
  };
}

/** A browser-like client: keeps cookies and sends the CSRF header on state-changing requests. */
export class Agent {
  cookies = new Map<string, string>();
  csrf: string | undefined;
  constructor(private readonly app: FastifyInstance, readonly ip = '10.0.0.1') {}

  async request(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size > 0) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in headers)) h['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ method, url, headers: h, remoteAddress: this.ip, ...(body === undefined ? {} : { payload: body as object }) });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now() - 1000 && c.value === '')) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});

  /** Fetches the pre-session CSRF token, as the web app does before signing in. */
  async prepareCsrf(): Promise<void> {
    const res = await this.get('/api/auth/csrf');
    this.csrf = res.json<{ csrfToken: string }>().csrfToken;
  }

  /** Signs in with a password; returns the sign-in response. */
  async signIn(email: string, password = PASSWORD): Promise<LightMyRequestResponse> {
    await this.prepareCsrf();
    const res = await this.post('/api/auth/sign-in', { email, password });
    if (res.statusCode === 200) {
      const b = res.json<{ status: string; session?: { csrfToken: string } }>();
      if (b.session) this.csrf = b.session.csrfToken;
    }
    return res;
  }
}

/** Signs in and fails the test if that does not work. */
export async function signedIn(app: FastifyInstance, email: string, ip?: string): Promise<Agent> {
  const agent = new Agent(app, ip);
  const res = await agent.signIn(email);
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
  return agent;
}

/** Rows of a table as the database owner sees them (bypassing RLS) — to prove nothing was written. */
export async function snapshot(database: Database, table: string): Promise<unknown[]> {
  return database.query(`SELECT * FROM ${table} ORDER BY 1, 2`);
}
