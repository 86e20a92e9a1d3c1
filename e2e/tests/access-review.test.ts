import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signIn, signOut, startE2E, visible, type E2E } from '../harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const suffix = Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const family = `Nodtilgang${suffix}`;
const duf = String(Math.floor(1e11 + Math.random() * 9e11));
const reason = 'Akutt møte med skolen, kontaktlærer trenger adressen';

/** A JSON call from the page with the session's CSRF token. */
async function call(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}

describe('access review in Chromium', () => {
  it('a leader sees who opened what, the patterns, exports, and reviews a break-the-glass use', { timeout: 300_000 }, async () => {
    const { page } = e;
    // The advisor registers a person; the school partner, who is not on the team, uses break-the-glass and opens the record.
    await signIn(page, 'advisor@demo.eidor.no');
    const reg = await call(page, 'POST', '/api/persons', { person: { givenName: 'Samira', familyName: family, birthDate: '2012-03-04', sex: 'female', languages: ['ar'], dufNumber: duf } });
    expect(reg.status, JSON.stringify(reg.json)).toBe(201);
    const personId = (reg.json as { id: string }).id;
    await signOut(page);
    await signIn(page, 'school@demo.eidor.no');
    const bg = await call(page, 'POST', '/api/break-glass', { idNumber: duf, reason });
    expect(bg.status, JSON.stringify(bg.json)).toBe(201);
    expect((await call(page, 'GET', `/api/persons/${personId}`)).status).toBe(200);
    await signOut(page);

    await signIn(page, 'leader@demo.eidor.no');
    await page.getByRole('link', { name: 'Tilgangskontroll' }).click();
    await page.waitForURL((u) => u.pathname === '/access-review');
    await visible(page.getByRole('heading', { level: 1, name: 'Tilgangskontroll' }));
    await visible(page.getByRole('heading', { level: 2, name: 'Hvem åpnet hvilke journaler' }));
    await visible(page.getByText(reason).first());
    await visible(page.getByRole('table', { name: 'Funn, med begrunnelse' }));
    await expectNoAxeViolations(page, 'access review');

    // Review the break-the-glass use with a note.
    await page.getByRole('button', { name: 'Merk som gjennomgått' }).first().click();
    await expectNoAxeViolations(page, 'break-the-glass review form');
    // Without a note the form says so beside the field, and nothing is saved.
    await page.getByRole('button', { name: 'Lagre gjennomgangen' }).click();
    await visible(page.getByText('Du må fylle ut Merknad fra gjennomgangen.'));
    await expectNoAxeViolations(page, 'break-the-glass review without a note');
    await page.getByLabel('Merknad fra gjennomgangen').fill('Kontrollert med skolen: tjenstlig behov');
    await page.getByRole('button', { name: 'Lagre gjennomgangen' }).click();
    await visible(page.getByText('Gjennomgangen er lagret.'));
    await page.getByRole('button', { name: 'Vis også gjennomgåtte' }).click();
    await visible(page.getByText(/Gjennomgått .* av Live Leder: «Kontrollert med skolen: tjenstlig behov»/).first());
    await expectNoAxeViolations(page, 'break-the-glass reviewed');

    // Choose the person in the picker (the name goes in the request body) and the school user.
    await page.getByLabel('Finn person (navn)').fill(family);
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await visible(page.getByText('1 person funnet'));
    await page.getByLabel('Person', { exact: true }).selectOption(personId);
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    const table = page.getByRole('table', { name: 'Oppslag i personopplysninger, det nyeste først' });
    await visible(table);
    await visible(table.getByRole('cell', { name: /Nødtilgang person\.break_glass/ }));
    await expectNoAxeViolations(page, 'access review filtered by person');

    // Export the filtered list as CSV.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Oppslag som CSV' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^tilgangskontroll-oppslag-.*\.csv$/);
    expect(text).toContain('Eksportert av;leader@demo.eidor.no');
    expect(text).toContain(`Person;Samira ${family}`);
    expect(text).toContain('person.break_glass');
    await visible(page.getByText(/er lastet ned/));
    await expectNoAxeViolations(page, 'access review after export');

    // No name or id number in any address the browser asked for.
    expect(e.requests.filter((u) => u.includes(family) || u.includes(duf))).toEqual([]);
  });
});
