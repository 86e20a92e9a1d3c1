import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditChain, verifyAuditChain } from '../../platform/audit.ts';
import { Agent, createWorld, signedIn, snapshot, type World } from '../../test/harness.ts';

let w: World;
let auditor: Agent;
beforeAll(async () => {
  w = await createWorld();
  auditor = await signedIn(w.app, 'auditor@a.test');
});
afterAll(async () => w?.close());

/** Tampering as someone with the database owner's rights, who can also switch off the seal-only guard. */
async function tamper(statement: string, params: unknown[]) {
  await w.database.execScript('ALTER TABLE audit_log DISABLE TRIGGER audit_log_seal_only');
  try {
    await w.database.query(statement, params);
  } finally {
    await w.database.execScript('ALTER TABLE audit_log ENABLE TRIGGER audit_log_seal_only');
  }
}

describe('audit log', () => {
  it('every write leaves one row with who, unit, role, action, subject, time, request id and IP', async () => {
    const admin = await signedIn(w.app, 'admin@a.test', '192.0.2.7');
    const unit = (await admin.post('/api/units', { name: 'Revisjonsenhet', kind: 'other' })).json();
    const rows = await w.database.query<Record<string, unknown>>('SELECT * FROM audit_log WHERE subject_id = $1', [unit.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      municipality_id: w.a.municipalityId,
      actor_user_id: w.a.userIds.admin,
      actor_email: 'admin@a.test',
      unit_id: w.a.unitIds.refugee,
      role: 'admin',
      action: 'unit.create',
      subject_type: 'unit',
      ip: '192.0.2.7',
    });
    expect(String(rows[0]!.request_id)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('auditors and leaders can list and filter it; others cannot; reading it is logged', async () => {
    const res = await auditor.get(`/api/audit?action=unit.create&actorId=${w.a.userIds.admin}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((i: { action: string }) => i.action === 'unit.create')).toBe(true);
    const leader = await signedIn(w.app, 'leader@a.test');
    expect((await leader.get('/api/audit')).statusCode).toBe(200);
    const advisor = await signedIn(w.app, 'advisor@a.test');
    expect((await advisor.get('/api/audit')).statusCode).toBe(403);
    expect((await new Agent(w.app).get('/api/audit')).statusCode).toBe(401);
    const reads = await w.database.query("SELECT 1 FROM audit_log WHERE action = 'audit.search' AND actor_user_id = $1", [w.a.userIds.auditor]);
    expect(reads.length).toBeGreaterThan(0);
  });

  it('filters by date and paginates; rejects bad filters naming the field', async () => {
    const today = w.clock.now().toISOString().slice(0, 10);
    const page = (await auditor.get(`/api/audit?from=${today}&to=${today}&pageSize=2&page=1`)).json();
    expect(page.items).toHaveLength(2);
    expect(page.pageSize).toBe(2);
    const none = (await auditor.get('/api/audit?from=2001-01-01&to=2001-01-02')).json();
    expect(none.total).toBe(0);
    for (const [q, field] of [['from=yesterday', 'from'], ['pageSize=100000', 'pageSize'], ['actorId=abc', 'actorId'], ['sort=seq', 'sort']]) {
      const res = await auditor.get(`/api/audit?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
  });

  it('never shows another municipality’s rows', async () => {
    const other = await signedIn(w.app, 'auditor@b.test');
    const items = (await other.get('/api/audit?pageSize=200')).json().items;
    const ids = new Set([...Object.values(w.a.userIds)]);
    expect(items.some((i: { actorId: string | null }) => i.actorId && ids.has(i.actorId))).toBe(false);
  });

  it('the application role cannot change or delete audit rows', async () => {
    for (const priv of ['UPDATE', 'DELETE', 'TRUNCATE']) {
      const res = await w.database.query<{ ok: boolean }>(`SELECT has_table_privilege('eidor_app', 'audit_log', '${priv}') AS ok`);
      expect(res[0]!.ok, priv).toBe(false);
    }
    await expect(
      w.database.execScript("BEGIN; SET LOCAL ROLE eidor_app; DELETE FROM audit_log; COMMIT;"),
    ).rejects.toThrow(/permission denied/);
    await expect(
      w.database.execScript("BEGIN; SET LOCAL ROLE eidor_app; UPDATE audit_log SET action = 'x'; COMMIT;"),
    ).rejects.toThrow(/permission denied/);
  });

  it('the hash chain verifies, and a changed row is named', async () => {
    const ok = await auditor.post('/api/audit/verify');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, firstBrokenSeq: null });
    const target = await w.database.query<{ seq: string }>(
      "SELECT seq FROM audit_log WHERE municipality_id = $1 AND action = 'unit.create' ORDER BY seq LIMIT 1",
      [w.a.municipalityId],
    );
    const seq = Number(target[0]!.seq);
    // Tampering as the database owner, which the application role cannot do.
    await tamper("UPDATE audit_log SET action = 'unit.read' WHERE municipality_id = $1 AND seq = $2", [w.a.municipalityId, seq]);
    const broken = await auditor.post('/api/audit/verify');
    expect(broken.json()).toMatchObject({ ok: false, firstBrokenSeq: seq });
    const report = await verifyAuditChain(w.database.query, w.a.municipalityId);
    expect(report.firstBrokenSeq).toBe(seq);
    expect(report.reason).toBe('row content changed');
    await tamper("UPDATE audit_log SET action = 'unit.create' WHERE municipality_id = $1 AND seq = $2", [w.a.municipalityId, seq]);
    expect((await verifyAuditChain(w.database.query, w.a.municipalityId)).ok).toBe(true);
    // A deleted row breaks the chain at its place.
    await w.sealer.sealNow(w.b.municipalityId);
    const last = await w.database.query<{ seq: string }>('SELECT max(seq) AS seq FROM audit_log WHERE municipality_id = $1', [w.b.municipalityId]);
    const before = await w.database.query<{ seq: string }>("SELECT seq FROM audit_log WHERE municipality_id = $1 AND seq = 1", [w.b.municipalityId]);
    expect(before).toHaveLength(1);
    await tamper('DELETE FROM audit_log WHERE municipality_id = $1 AND seq = 1', [w.b.municipalityId]);
    expect((await verifyAuditChain(w.database.query, w.b.municipalityId)).firstBrokenSeq).toBe(1);
    expect(Number(last[0]!.seq)).toBeGreaterThan(0);
  });

  it('requests insert their rows unchained; the sealer chains them after the commit, in order, without gaps', async () => {
    const advisor = await signedIn(w.app, 'advisor@a.test');
    // Many audited requests at once: none waits on the chain; the sealer batches them.
    const results = await Promise.all(Array.from({ length: 20 }, () => advisor.get('/api/units')));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    // Several sealers at once (as several app processes would run) never fork the chain.
    await Promise.all([sealAuditChain(w.database, w.a.municipalityId, 3), sealAuditChain(w.database, w.a.municipalityId, 3), w.sealer.sealNow(w.a.municipalityId)]);
    await w.sealer.sealNow(w.a.municipalityId);
    const chain = await w.database.query<{ seq: string; n: string; max: string; unsealed: string }>(
      'SELECT count(seq) AS n, max(seq) AS max, count(*) FILTER (WHERE seq IS NULL) AS unsealed FROM audit_log WHERE municipality_id = $1',
      [w.a.municipalityId],
    );
    expect(Number(chain[0]!.unsealed)).toBe(0);
    expect(Number(chain[0]!.max)).toBe(Number(chain[0]!.n));
    const verified = (await auditor.post('/api/audit/verify')).json();
    expect(verified).toMatchObject({ ok: true, firstBrokenSeq: null, unsealed: 0 });
    const head = await w.database.query<{ seq: string }>('SELECT seq FROM audit_chain_head WHERE municipality_id = $1', [w.a.municipalityId]);
    expect(Number(head[0]!.seq)).toBe(verified.checked);
  });

  it('a row is sealed once: the application role cannot write chain fields on insert, re-seal a row or change one', async () => {
    const asApp = (statement: string) =>
      w.database.execScript(`BEGIN; SET LOCAL ROLE eidor_app; SELECT set_config('app.municipality_id', '${w.a.municipalityId}', true); ${statement}; COMMIT;`);
    await expect(
      asApp(`INSERT INTO audit_log (municipality_id, occurred_at, action, request_id, seq, prev_hash, hash) VALUES ('${w.a.municipalityId}', now(), 'forged', 'r', 999999, '', 'x')`),
    ).rejects.toThrow(/permission denied/);
    await w.sealer.sealNow(w.a.municipalityId);
    await expect(asApp(`UPDATE audit_log SET hash = 'x' WHERE municipality_id = '${w.a.municipalityId}' AND seq = 1`)).rejects.toThrow(/sealed, once/);
    // Not even the owner changes a row while the guard is on.
    await expect(w.database.query("UPDATE audit_log SET action = 'x' WHERE municipality_id = $1 AND seq = 1", [w.a.municipalityId])).rejects.toThrow(/sealed, once/);
    await expect(w.database.query('DELETE FROM audit_log WHERE municipality_id = $1 AND seq = 1', [w.a.municipalityId])).rejects.toThrow(/never deleted/);
    expect((await verifyAuditChain(w.database.query, w.a.municipalityId)).ok).toBe(true);
  });

  it('fails closed: if the audit row cannot be written, the change is not made', async () => {
    const admin = await signedIn(w.app, 'admin@a.test');
    const before = await snapshot(w.database, 'units');
    await w.database.execScript('REVOKE INSERT ON audit_log FROM eidor_app');
    try {
      const res = await admin.post('/api/units', { name: 'Skal ikke finnes', kind: 'other' });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('INTERNAL');
    } finally {
      await w.database.execScript('GRANT INSERT ON audit_log TO eidor_app');
    }
    expect(await snapshot(w.database, 'units')).toEqual(before);
  });
});
