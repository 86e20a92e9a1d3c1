import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { units } from '../db/schema.ts';
import { createWorld, type World } from '../test/harness.ts';
import { enterTenant } from './context.ts';
import { assertRowLevelSecurity } from './startup-check.ts';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

const asTenant = <T>(municipalityId: string, fn: (tx: Db) => Promise<T>) =>
  w.database.db.transaction(async (tx) => {
    await enterTenant(tx as unknown as Db, municipalityId, null);
    return fn(tx as unknown as Db);
  });

describe('row-level security', () => {
  it('the request transaction (one round trip on PostgreSQL) runs as the application role with the tenant set, and rolls back on error', async () => {
    const who = await w.database.tenantTransaction(w.a.municipalityId, w.a.userIds.advisor!, async (tx) =>
      (await tx.execute(sql.raw("SELECT current_user AS u, current_setting('app.municipality_id') AS m, current_setting('app.user_id') AS usr"))) as unknown as { rows: { u: string; m: string; usr: string }[] },
    );
    expect(who.rows[0]).toEqual({ u: 'eidor_app', m: w.a.municipalityId, usr: w.a.userIds.advisor });
    // The settings are LOCAL: the pooled connection is itself again afterwards.
    expect((await w.database.query<{ u: string }>('SELECT current_user AS u'))[0]!.u).not.toBe('eidor_app');
    const before = (await w.database.query<{ n: string }>('SELECT count(*) AS n FROM units'))[0]!.n;
    await expect(
      w.database.tenantTransaction(w.a.municipalityId, null, async (tx) => {
        await tx.insert(units).values({ municipalityId: w.a.municipalityId, name: 'Rulles tilbake', kind: 'other' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await w.database.query<{ n: string }>('SELECT count(*) AS n FROM units'))[0]!.n).toBe(before);
    // Ids go into the statement only as checked uuids.
    await expect(w.database.tenantTransaction("x'; DROP TABLE units; --", null, async () => 1)).rejects.toThrow(/uuids/);
  });

  it('a query that forgets the municipality still sees only the tenant’s rows', async () => {
    const rows = await asTenant(w.a.municipalityId, (tx) => tx.select().from(units));
    expect(rows.length).toBe(Object.keys(w.a.unitIds).length);
    expect(rows.every((r) => r.municipalityId === w.a.municipalityId)).toBe(true);
    const all = await w.database.query('SELECT id FROM units');
    expect(all.length).toBeGreaterThan(rows.length);
  });

  it('cannot write into another municipality', async () => {
    await expect(
      asTenant(w.a.municipalityId, (tx) => tx.insert(units).values({ municipalityId: w.b.municipalityId, name: 'Snik', kind: 'other' })),
    ).rejects.toThrow();
    const hit = await asTenant(w.a.municipalityId, (tx) =>
      tx.update(units).set({ name: 'Snik' }).where(sql`${units.municipalityId} = ${w.b.municipalityId}`).returning(),
    );
    expect(hit).toHaveLength(0);
  });

  it('without a municipality set, the application role sees nothing', async () => {
    const rows = await w.database.db.transaction(async (tx) => {
      await tx.execute(sql.raw('SET LOCAL ROLE eidor_app'));
      return tx.select().from(units);
    });
    expect(rows).toHaveLength(0);
  });

  it('start-up refuses to run when a tenant table has row-level security switched off', async () => {
    await assertRowLevelSecurity(w.database);
    await w.database.execScript('ALTER TABLE units DISABLE ROW LEVEL SECURITY');
    try {
      await expect(assertRowLevelSecurity(w.database)).rejects.toThrow(/units has row-level security switched off/);
    } finally {
      await w.database.execScript('ALTER TABLE units ENABLE ROW LEVEL SECURITY');
    }
  });

  // ALTER ROLE is cluster-wide on PostgreSQL, where test files share one server and run in parallel;
  // each PGlite instance is its own cluster, so the check is exercised there.
  it.skipIf(process.env.TEST_DATABASE_URL)('start-up refuses to run when the application role could bypass row-level security (PGlite only: ALTER ROLE is cluster-wide on a shared PostgreSQL)', async () => {
    await w.database.execScript('ALTER ROLE eidor_app BYPASSRLS');
    try {
      await expect(assertRowLevelSecurity(w.database)).rejects.toThrow(/BYPASSRLS/);
    } finally {
      await w.database.execScript('ALTER ROLE eidor_app NOBYPASSRLS');
    }
  });
});

describe('connection settings', () => {
  // PostgreSQL's JIT compiler spent ~200 ms compiling the work queue's 10 ms statement: the pool
  // switches it off for every connection (PGlite has no JIT).
  it.runIf(process.env.TEST_DATABASE_URL)('runs without JIT compilation, and named statements on their generic plan, on PostgreSQL', async () => {
    expect(await w.database.query('SHOW jit')).toEqual([{ jit: 'off' }]);
    expect(await w.database.query('SHOW plan_cache_mode')).toEqual([{ plan_cache_mode: 'force_generic_plan' }]);
    const inTx = await w.database.db.transaction(async (tx) => (await tx.execute(sql.raw('SHOW jit'))) as unknown);
    expect(JSON.stringify(inTx)).toContain('"off"');
  });
});
