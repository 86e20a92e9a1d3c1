import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { openPglite } from '../db/client.ts';
import { prepare } from '../server.ts';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'audit-verify.ts');
const run = (dataDir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, EIDOR_DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8' });

describe('npm run audit:verify', () => {
  it('passes on an intact log and names the first tampered row', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eidor-verify-'));
    try {
      const config = loadConfig({ EIDOR_DATA_DIR: dir, EIDOR_DEMO_PASSWORD: 'verify-password-1', LOG_LEVEL: 'silent' });
      const running = await prepare(config, { warn: () => {} });
      const m = (await running.deps.database.query<{ id: string }>('SELECT id FROM municipalities'))[0]!;
      // A few more rows in the chain.
      for (let i = 0; i < 3; i++) {
        await running.deps.database.db.transaction(async (tx) => {
          const { appendAudit } = await import('../platform/audit.ts');
          const { enterTenant } = await import('../platform/context.ts');
          await enterTenant(tx as never, m.id, null);
          await appendAudit(tx as never, {
            municipalityId: m.id, occurredAt: new Date(), actorUserId: null, actorEmail: null, unitId: null, role: null,
            action: `test.${i}`, subjectType: null, subjectId: null, categories: [], requestId: `r${i}`, ip: null,
          });
        });
      }
      await running.close();

      const ok = run(dir);
      expect(ok.status, ok.stderr).toBe(0);
      // municipality.create, person.seed (the demo population) and the three above.
      expect(ok.stdout).toMatch(/9999 Demo kommune: ok, 5 rows/);

      const db = await openPglite(dir);
      // Someone with the owner's rights, who can switch off the guard that lets a row be sealed only once.
      await db.execScript("ALTER TABLE audit_log DISABLE TRIGGER audit_log_seal_only; UPDATE audit_log SET request_id = 'forged' WHERE seq = 3; ALTER TABLE audit_log ENABLE TRIGGER audit_log_seal_only;");
      await db.close();
      const bad = run(dir);
      expect(bad.status).toBe(1);
      expect(bad.stdout).toMatch(/BROKEN at row seq=3 \(row content changed\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
