import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_PASSWORD = 'e2e-demo-password-1';
const CHROMIUM = process.env.EIDOR_CHROMIUM ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

export type E2E = {
  baseUrl: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every URL the browser requested and every line the server logged: checked for personal data. */
  requests: string[];
  serverLog: string[];
  close(): Promise<void>;
};

/** Starts the bundled server on the embedded database (fresh folder) and a Chromium page. */
export async function startE2E(): Promise<E2E> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eidor-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const serverLog: string[] = [];
  const server: ChildProcess = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'packages/server/dist/main.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      EIDOR_DATA_DIR: dataDir,
      EIDOR_DEMO_PASSWORD: DEMO_PASSWORD,
      EIDOR_PUBLIC_URL: baseUrl,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d: Buffer) => serverLog.push(d.toString()));
  server.stderr!.on('data', (d: Buffer) => serverLog.push(d.toString()));
  const t0 = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited: ${serverLog.join('')}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    // A first start initialises the embedded database, migrates and seeds the demo municipality
    // (about 10 s on a quiet two-core machine); generous for a machine under load.
    if (Date.now() - t0 > 180_000) throw new Error(`server did not start: ${serverLog.join('').slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'nb-NO' });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  return {
    baseUrl,
    browser,
    context,
    page,
    requests,
    serverLog,
    async close() {
      await browser.close().catch(() => undefined);
      await new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page as it is now and fails on any violation. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(summary, `axe on ${label}`).toEqual([]);
}

/** Signs in through the form, using only the keyboard. */
export async function signInWithKeyboard(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/e-post/i).focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

/** Waits (polling, 15 s) until the page's level-1 heading has this text. */
export async function heading(page: Page, text: string | RegExp): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1, name: text }).isVisible(), { timeout: 15_000 }).toBe(true);
}

/** Waits (polling) until the locator is visible. */
export async function visible(locator: Locator, timeout = 15_000): Promise<void> {
  await expect.poll(() => locator.isVisible(), { timeout }).toBe(true);
}

/** Signs in with the keyboard and waits for the start page. */
export async function signIn(page: Page, email: string): Promise<void> {
  await signInWithKeyboard(page, email);
  await page.waitForURL((u) => u.pathname === '/');
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.waitForURL(/\/sign-in/);
}
