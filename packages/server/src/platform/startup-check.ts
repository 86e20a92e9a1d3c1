import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { APP_ROLE } from './context.ts';

/**
 * Fails start-up when row-level security would not protect tenant data: the request role must
 * be a non-superuser without BYPASSRLS, and every table with a municipality_id column must have
 * row-level security switched on with a policy.
 */
export async function assertRowLevelSecurity(database: Database): Promise<void> {
  const problems: string[] = [];
  await database.tenantTransaction('00000000-0000-0000-0000-000000000000', null, async (tx) => {
    const who = await tx.execute(
      sql`SELECT current_user AS name, r.rolsuper AS super, r.rolbypassrls AS bypass FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const me = ((who as { rows: unknown[] }).rows as { name: string; super: boolean; bypass: boolean }[])[0];
    if (!me || me.name !== APP_ROLE) problems.push(`request transactions run as ${me?.name ?? '?'}, not ${APP_ROLE}`);
    if (me?.super) problems.push(`${APP_ROLE} is a superuser`);
    if (me?.bypass) problems.push(`${APP_ROLE} has BYPASSRLS`);
  }).catch((err: unknown) => {
    if (problems.length === 0) problems.push(`could not switch to ${APP_ROLE}: ${(err as Error).message}`);
  });
  const tables = await database.query<{ table: string; rls: boolean; policies: string | number }>(
    `SELECT c.relname AS table, c.relrowsecurity AS rls,
            (SELECT count(*) FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname) AS policies
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'municipality_id' AND NOT a.attisdropped)`,
  );
  for (const t of tables) {
    if (!t.rls) problems.push(`table ${t.table} has row-level security switched off`);
    else if (Number(t.policies) === 0) problems.push(`table ${t.table} has no row-level security policy`);
  }
  if (problems.length > 0) {
    throw new Error(`Refusing to start: row-level security would be bypassed:\n  - ${problems.join('\n  - ')}`);
  }
}
