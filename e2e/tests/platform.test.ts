import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectNoAxeViolations, signInWithKeyboard, startE2E, type E2E } from '../harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

describe('sign-in, pages and sign-out in Chromium', () => {
  it('the sign-in page passes axe and shows the embedded-database banner', async () => {
    const { page } = e;
    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Logg inn' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Demoversjon – ikke bruk ekte personopplysninger').isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    await expectNoAxeViolations(page, 'sign-in');
  });

  it('a wrong password shows an error that axe accepts', async () => {
    const { page } = e;
    await signInWithKeyboard(page, 'admin@demo.eidor.no', 'not-the-password');
    await expect.poll(() => page.getByText('Feil e-postadresse eller passord.').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'sign-in with error');
  });

  it('signs in with the keyboard alone and lands on the start page', async () => {
    const { page } = e;
    await signInWithKeyboard(page, 'admin@demo.eidor.no');
    await page.waitForURL((u) => u.pathname === '/');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /Hei, Ada Administrator/ }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'start page');
  });

  it('every admin page passes axe', async () => {
    const { page } = e;
    for (const [path, heading] of [
      ['/admin/units', 'Enheter'],
      ['/admin/users', 'Brukere'],
      ['/account', 'Min konto'],
      ['/dev/mailbox', 'Utviklerpostkasse'],
    ] as const) {
      await page.goto(path);
      await expect.poll(() => page.getByRole('heading', { level: 1, name: heading }).isVisible(), { timeout: 10_000 }).toBe(true);
      await expectNoAxeViolations(page, path);
    }
  });

  it('creates a unit through the form and sees it in the list', async () => {
    const { page } = e;
    await page.goto('/admin/units');
    await page.getByRole('textbox', { name: 'Navn' }).first().fill('PPT Sør');
    await page.getByLabel('Type').first().selectOption('ppt');
    await page.getByRole('button', { name: 'Opprett enhet' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'PPT Sør' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'units after create');
  });

  it('switches language to English and nynorsk', async () => {
    const { page } = e;
    await page.goto('/');
    const select = page.getByLabel(/Språk|Language/);
    await select.selectOption('en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Hi|Hello/);
    await expectNoAxeViolations(page, 'start page (en)');
    await page.getByLabel(/Språk|Language|Språk/).selectOption('nn');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nn');
    await page.getByLabel(/Språk|Language|Mål/).selectOption('nb');
  });

  it('signs out; the start page then asks for sign-in again', async () => {
    const { page } = e;
    await page.goto('/');
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto('/admin/units');
    await page.waitForURL(/\/sign-in/);
    const res = await page.request.get('/api/auth/session');
    expect(res.status()).toBe(401);
  });

  it('the auditor sees the log and can verify the chain', async () => {
    const { page } = e;
    await signInWithKeyboard(page, 'auditor@demo.eidor.no', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto('/audit');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Hendelseslogg' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: 'unit.create' }).first().isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByRole('button', { name: 'Kontroller kjeden' }).click();
    await expect.poll(() => page.getByText(/Kjeden er hel/).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'audit log');
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(/\/sign-in/);
  });

  it('no personal data in URLs, browser storage or server logs', async () => {
    const { page } = e;
    const urls = e.requests.join('\n');
    expect(urls).not.toMatch(/@demo\.eidor\.no|admin%40|Ada|Administrator/);
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(storage).not.toMatch(/@|Ada|session|csrf/i);
    // The app's log lines (JSON); the start-up banner that lists the demo accounts is not a log.
    const log = e.serverLog.join('').split('\n').filter((l) => l.startsWith('{')).join('\n');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(DEMO_PASSWORD);
    expect(log).not.toMatch(/admin@demo|auditor@demo|Ada Administrator/);
  });
});
