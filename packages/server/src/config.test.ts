import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { DataDirLockedError, openPglite } from './db/client.ts';

describe('configuration', () => {
  it('defaults to the embedded database on port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe(path.resolve('.data'));
    expect(c.seedDemo).toBe(true);
    expect(c.dailyJobs).toBe(true);
    expect(loadConfig({ EIDOR_DAILY_JOBS: 'false' }).dailyJobs).toBe(false);
  });

  it('refuses production on the embedded database', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PGlite|embedded/);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'nope' })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
    expect(() => loadConfig({ EIDOR_DEMO_PASSWORD: 'short' })).toThrow(/EIDOR_DEMO_PASSWORD/);
    expect(() => loadConfig({ EIDOR_OIDC_ISSUER: 'https://login.example' })).toThrow(/must be set together/);
  });
});

describe('embedded database folder', () => {
  it('a second opener of the same folder fails fast with a clear message', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eidor-lock-'));
    const first = await openPglite(dir);
    try {
      const t0 = performance.now();
      await expect(openPglite(dir)).rejects.toThrow(DataDirLockedError);
      await expect(openPglite(dir)).rejects.toThrow(/already open in this process|in use by another/);
      expect(performance.now() - t0).toBeLessThan(1000);
    } finally {
      await first.close();
    }
    const again = await openPglite(dir);
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
