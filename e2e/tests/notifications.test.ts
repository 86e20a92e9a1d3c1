import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, heading, signIn, signOut, startE2E, visible, type E2E } from '../harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

/** The administrator runs today's "deadline coming" job (the scheduler may already have done so). */
async function runDeadlineJob(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
    const res = await fetch('/api/notifications/jobs/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ jobs: ['deadline_coming'] }),
    });
    if (res.status !== 200) throw new Error(`jobs: ${res.status} ${await res.text()}`);
  });
}

const unreadCount = (page: Page) => page.evaluate(async () => ((await (await fetch('/api/notifications/count')).json()) as { unread: number }).unread);
const bellName = (n: number) => (n === 0 ? 'Varsler' : `Varsler, ${n} ${n === 1 ? 'ulest' : 'uleste'}`);

describe('notifications in Chromium', () => {
  it('a task deadline becomes a notification: the bell counts it, the inbox opens it and marks it read; the settings change', { timeout: 300_000 }, async () => {
    const { page } = e;
    await signIn(page, 'admin@demo.eidor.no');
    await runDeadlineJob(page);
    await signOut(page);

    await signIn(page, 'advisor@demo.eidor.no');
    const before = await unreadCount(page);
    expect(before).toBeGreaterThan(0);
    const bell = page.getByRole('link', { name: bellName(before), exact: true });
    await visible(bell);
    await expectNoAxeViolations(page, 'home with the bell');

    await bell.click();
    await heading(page, 'Varsler');
    await visible(page.getByText(`${before} ${before === 1 ? 'ulest' : 'uleste'}`, { exact: true }));
    await expectNoAxeViolations(page, 'inbox');

    // Follow the newest notification: it is marked read and leads to the work queue.
    const list = page.getByRole('list', { name: 'Varsler' });
    const first = list.getByRole('link').first();
    expect(await first.getAttribute('aria-label')).toMatch(/^Åpne: Frist /);
    await first.click();
    await page.waitForURL((u) => u.pathname === '/tasks');
    await heading(page, /Arbeidsliste|Oppgaver|Arbeidskø/);
    await visible(page.getByRole('link', { name: bellName(before - 1), exact: true }));

    // Back in the inbox: mark one read with the keyboard, then all.
    await page.getByRole('link', { name: bellName(before - 1), exact: true }).click();
    await heading(page, 'Varsler');
    if (before > 1) {
      const markOne = page.getByRole('button', { name: /^Merk som lest: / }).first();
      await markOne.focus();
      await page.keyboard.press('Enter');
      await visible(page.getByText('Varselet er merket som lest.'));
      await visible(page.getByRole('link', { name: bellName(before - 2), exact: true }));
    }
    await page.getByRole('button', { name: 'Merk alle som lest' }).click();
    await visible(page.getByText('Alle varsler er merket som lest.'));
    await visible(page.getByRole('link', { name: 'Varsler', exact: true }));
    expect(await unreadCount(page)).toBe(0);
    await page.getByRole('switch', { name: 'Vis bare uleste' }).click();
    await visible(page.getByText('Du har ingen uleste varsler.'));
    await expectNoAxeViolations(page, 'inbox, all read');

    // The settings: deadlines by e-mail at once instead of the digest, kept after a reload.
    await page.getByRole('link', { name: 'Velg hvordan du får varsler' }).click();
    await heading(page, 'Varslingsinnstillinger');
    await expectNoAxeViolations(page, 'notification settings');
    const deadlines = page.getByRole('combobox', { name: 'Frister som nærmer seg' });
    expect(await deadlines.inputValue()).toBe('digest');
    await deadlines.selectOption('email');
    await page.getByRole('button', { name: 'Lagre innstillingene' }).click();
    await visible(page.getByText('Innstillingene er lagret.'));
    await page.reload();
    await heading(page, 'Varslingsinnstillinger');
    expect(await page.getByRole('combobox', { name: 'Frister som nærmer seg' }).inputValue()).toBe('email');
    await expectNoAxeViolations(page, 'notification settings saved');
  });
});
