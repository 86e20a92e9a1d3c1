import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg, NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import type { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** An open database: PGlite (embedded) or a PostgreSQL pool, behind the same Drizzle API. */
export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs one or more SQL statements without parameters (migrations). */
  execScript(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction as the application role with the tenant set (row-level security
   * applies): SET LOCAL ROLE and the municipality and user settings. On PostgreSQL the BEGIN and the
   * settings go in one round trip — every request makes one — with the ids checked as uuids first.
   */
  tenantTransaction<T>(municipalityId: string, userId: string | null, fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Runs one parameterised statement outside any request transaction (start-up checks, scripts). */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

export class DataDirLockedError extends Error {}

/** The application's database role. Request transactions run as it, so row-level security applies. */
export const APP_ROLE = 'eidor_app';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkTenantIds(municipalityId: string, userId: string | null): void {
  if (!UUID.test(municipalityId) || (userId !== null && !UUID.test(userId))) throw new Error('tenantTransaction: the municipality and user must be uuids');
}

/** The statement that makes a transaction the tenant's (as parameters; PostgreSQL inlines checked uuids instead). */
export const tenantSql = (municipalityId: string, userId: string | null) =>
  sql`SELECT set_config('role', ${APP_ROLE}, true), set_config('app.municipality_id', ${municipalityId}, true), set_config('app.user_id', ${userId ?? ''}, true)`;

/**
 * Takes the lock file of an embedded-database folder. PGlite corrupts its WAL when two processes
 * open the same folder (pglite#327), so a second process fails fast instead.
 */
function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'eidor.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(
          `The embedded database folder ${dir} is in use by another Eidør process (pid ${pid}). ` +
            'Stop that process, or set EIDOR_DATA_DIR to another folder.',
        );
      }
      if (pid === process.pid) {
        throw new DataDirLockedError(`The embedded database folder ${dir} is already open in this process.`);
      }
      unlinkSync(lockPath); // stale lock from a process that died
    }
  }
  throw new DataDirLockedError(`Could not lock the embedded database folder ${dir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Opens the embedded database. `dir` undefined means in memory (tests). */
export async function openPglite(dir: string | undefined): Promise<Database> {
  let release = () => {};
  let dataDir: string | undefined;
  if (dir) {
    release = lockDataDir(dir);
    dataDir = path.join(dir, 'pglite');
  }
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir, extensions: { pg_trgm, btree_gin, citext } });
  } catch (err) {
    release();
    throw err;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async tenantTransaction(municipalityId, userId, fn) {
      checkTenantIds(municipalityId, userId);
      return db.transaction(async (tx) => {
        await tx.execute(tenantSql(municipalityId, userId));
        return fn(tx as unknown as Db);
      });
    },
    async execScript(sql) {
      try {
        await client.exec(sql);
      } catch (err) {
        // A failed script must not leave the single shared session inside an aborted transaction.
        await client.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query<T>(sql, params)).rows;
    },
    async close() {
      await client.close();
      release();
    },
  };
}

/** Opens a pool on PostgreSQL 15+. */
export async function openPostgres(url: string, max = 10): Promise<Database> {
  // No JIT compilation: the app's statements are short and many; PostgreSQL's cost-based switch
  // (jit_above_cost) fired on the work queue and spent ~200 ms compiling a query that runs in 10 ms
  // (BENCHMARKS.md, work queue). Reports that would profit can SET LOCAL jit = on.
  // Named (prepared) statements use their generic plan at once: they are the hot, key-driven reads
  // (db/raw.ts preparedRows), where PostgreSQL's default of five custom plans first, re-planned at
  // every bind while the generic one looks costlier, spent more on planning than on running (the work
  // queue: 7.8 ms a request with custom plans, 5.4 ms generic). Unnamed statements are planned as before.
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'eidor', options: '-c jit=off -c plan_cache_mode=force_generic_plan' });
  pool.on('error', () => {
    /* idle client errors are reported on next use */
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  // A transaction object on one pool client, as Drizzle's own transaction() makes it.
  const base = (db as unknown as { session: { dialect: PgDialect; schema: unknown; options: object } }).session;
  // Migrations need one connection for BEGIN … COMMIT across the script.
  return {
    kind: 'postgres',
    db,
    async tenantTransaction(municipalityId, userId, fn) {
      checkTenantIds(municipalityId, userId);
      const client = await pool.connect();
      const session = new NodePgSession(client, base.dialect, base.schema as never, base.options);
      const tx = new NodePgTransaction(base.dialect, session, base.schema as never) as unknown as Db;
      let broken: Error | undefined;
      try {
        // One round trip: BEGIN and the tenant settings (set_config('role', …, true) is SET LOCAL ROLE).
        await client.query(
          `BEGIN; SELECT set_config('role', '${APP_ROLE}', true), set_config('app.municipality_id', '${municipalityId}', true), set_config('app.user_id', '${userId ?? ''}', true)`,
        );
        try {
          const result = await fn(tx);
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch((e: Error) => {
            broken = e;
          });
          throw err;
        }
      } finally {
        client.release(broken);
      }
    },
    async execScript(sql) {
      const c = await pool.connect();
      try {
        await c.query(sql);
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        c.release();
      }
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async close() {
      await pool.end();
    },
  };
}

export function embeddedDirExists(dir: string): boolean {
  return existsSync(path.join(dir, 'pglite', 'PG_VERSION'));
}
