import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { openPglite, openPostgres, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Deps } from './platform/context.ts';
import { AuditSealer } from './platform/audit.ts';
import { resolveSecretKey } from './platform/secret-key.ts';
import { assertRowLevelSecurity } from './platform/startup-check.ts';
import { seedDemoIfEmpty, type SeedResult } from './seed/demo.ts';

export type Running = { app: FastifyInstance; deps: Deps; seed: SeedResult | null; close(): Promise<void> };

/** Opens the database the configuration names (PGlite when DATABASE_URL is absent). */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  if (config.env === 'production') throw new Error('Refusing to start: the embedded database is not for production.');
  return openPglite(config.dataDir);
}

/**
 * read config → open database → migrate → check row-level security → seed the demo on first
 * start → build the app. `database` may be passed in (tests share one per worker).
 */
export async function prepare(
  config: Config,
  opts: { database?: Database; clock?: Clock; warn?: (msg: string) => void; logStream?: { write(line: string): void } } = {},
): Promise<Running> {
  const warn = opts.warn ?? ((m: string) => console.warn(m));
  const database = opts.database ?? (await openDatabase(config));
  let auditSealer: AuditSealer | null = null;
  try {
    const migration = await migrate(database);
    await assertRowLevelSecurity(database);
    const seed = config.seedDemo ? await seedDemoIfEmpty(database, config.demoPassword) : null;
    // Chains audit rows after their commit; a sweep every 2 s and at close catches any it missed.
    auditSealer = new AuditSealer(database, (err) => warn(`audit sealer: ${(err as Error).message}`));
    await auditSealer.sweep();
    auditSealer.start(2000);
    const sealer = auditSealer;
    const deps: Deps = {
      config,
      database,
      clock: opts.clock ?? systemClock,
      secretKey: resolveSecretKey(config, warn),
      migration,
      auditSealer: sealer,
      sessionPolicy: { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs, mfaPendingMs: 5 * 60_000 },
      ...(opts.logStream ? { logStream: opts.logStream } : {}),
    };
    const app = await buildApp(deps);
    return {
      app,
      deps,
      seed,
      async close() {
        await app.close();
        await sealer.close();
        if (!opts.database) await database.close();
      },
    };
  } catch (err) {
    await auditSealer?.close();
    if (!opts.database) await database.close().catch(() => undefined);
    throw err;
  }
}
