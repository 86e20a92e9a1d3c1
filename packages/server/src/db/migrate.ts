import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../paths.ts';
import type { Database } from './client.ts';

/** Names of the SQL migrations shipped with this version, in order. */
export async function migrationFiles(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
}

/**
 * Applies pending SQL migrations, each in its own transaction, in file order. An advisory lock
 * keeps two processes starting against the same PostgreSQL from migrating at once.
 * Returns the name of the newest applied migration.
 */
export async function migrate(database: Database): Promise<string> {
  const files = await migrationFiles();
  await database.execScript(
    'CREATE TABLE IF NOT EXISTS eidor_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const done = new Set((await database.query<{ name: string }>('SELECT name FROM eidor_migrations')).map((r) => r.name));
  for (const file of files) {
    if (done.has(file)) continue;
    const body = await readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
    try {
      await database.execScript(
        `BEGIN;\nSELECT pg_advisory_xact_lock(7131001);\n${body}\nINSERT INTO eidor_migrations (name) VALUES ('${file}');\nCOMMIT;`,
      );
    } catch (err) {
      await database.execScript('ROLLBACK').catch(() => undefined);
      throw new Error(`Migration ${file} failed: ${(err as Error).message}`, { cause: err });
    }
  }
  return currentMigration(database);
}

/** The newest applied migration, or 'none'. */
export async function currentMigration(database: Database): Promise<string> {
  const rows = await database.query<{ name: string }>('SELECT max(name) AS name FROM eidor_migrations');
  return rows[0]?.name ?? 'none';
}
