import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInWithKeyboard, startE2E, type E2E } from '../harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

describe('invite a user and accept the invitation from the dev mailbox', () => {
  it('admin invites; the invitee opens the mail, sets a password and is signed in', async () => {
    const { page } = e;
    await signInWithKeyboard(page, 'admin@demo.eidor.no');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto('/admin/users');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Brukere' }).isVisible()).toBe(true);

    await page.getByRole('textbox', { name: 'Navn' }).fill('Kari Nordmann');
    await page.getByRole('textbox', { name: 'E-postadresse' }).fill('kari.nordmann@demo.eidor.no');
    await page.getByRole('combobox', { name: 'Rolle', exact: true }).first().selectOption('advisor');
    const unitSelect = page.getByRole('combobox', { name: 'Enhet', exact: true }).first();
    const firstUnit = await unitSelect.locator('option').nth(1).getAttribute('value');
    await unitSelect.selectOption(firstUnit!);
    await page.getByRole('button', { name: 'Send invitasjon' }).click();
    await expect.poll(() => page.getByText('Invitasjonen er sendt til kari.nordmann@demo.eidor.no.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: 'Kari Nordmann' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'users after invite');

    // Bad input shows errors next to the fields, and axe accepts the error state.
    await page.getByRole('textbox', { name: 'E-postadresse' }).fill('not-an-email');
    await page.getByRole('button', { name: 'Send invitasjon' }).click();
    await expect.poll(() => page.getByText(/gyldig e-postadresse/).first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'invite form with errors');

    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(/\/sign-in/);

    await page.goto('/dev/mailbox');
    await expect.poll(() => page.getByText('kari.nordmann@demo.eidor.no').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'dev mailbox');
    const link = page.getByRole('link', { name: /\/invitation#token=/ }).first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/\/invitation#token=[A-Za-z0-9_-]+$/);
    await link.click();
    await page.waitForURL(/\/invitation/);
    // The token is removed from the address bar once read.
    await expect.poll(() => page.url()).not.toContain('token=');
    await expect.poll(() => page.getByText(/invitert til å bruke Eidør i Demo kommune/).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'invitation');

    await page.getByLabel('Nytt passord').fill('et langt og godt passord');
    await page.getByLabel('Gjenta passordet').fill('et langt og godt passord');
    await page.getByRole('button', { name: 'Opprett passord og logg inn' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /Hei, Kari Nordmann/ }).isVisible()).toBe(true);

    // The token never reached the server in a URL.
    expect(e.requests.some((u) => /token=/.test(u) && !u.includes('#'))).toBe(false);
  });

  it('the used link cannot be opened again', async () => {
    const { page } = e;
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto('/dev/mailbox');
    const href = await page.getByRole('link', { name: /\/invitation#token=/ }).first().getAttribute('href');
    await page.goto(href!);
    await expect.poll(() => page.getByText(/allerede brukt eller har gått ut/).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'invitation used');
  });
});
