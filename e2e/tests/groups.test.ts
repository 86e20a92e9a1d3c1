import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, heading, signIn, signOut, startE2E, visible, type E2E } from '../harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const suffix = Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const family = `Rahimi${suffix}`;
const POINT = `Finne praksisplass ${suffix}`;

/** Registered through the API as the advisor. */
async function registerPerson(page: Page): Promise<string> {
  return page.evaluate(async (family) => {
    const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
    const res = await fetch('/api/persons', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ person: { givenName: 'Samir', familyName: family, birthDate: '1988-03-14', sex: 'male', languages: ['fa'], interpreterNeeded: true, interpreterLanguage: 'fa' } }),
    });
    if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }, family);
}

describe('responsibility groups in Chromium', () => {
  it('the advisor creates a group with NAV and health, changes the coordinator and holds a meeting; NAV completes its action point on the work queue and sees it done in the group', { timeout: 300_000 }, async () => {
    const { page } = e;
    await signIn(page, 'advisor@demo.eidor.no');
    const personId = await registerPerson(page);
    await page.goto(`/people/${personId}`);
    await heading(page, `Samir ${family}`);
    await page.getByRole('link', { name: 'Åpne ansvarsgruppen' }).click();
    await heading(page, `Ansvarsgruppe: Samir ${family}`);
    await visible(page.getByText('Personen har ingen ansvarsgruppe.'));
    await expectNoAxeViolations(page, 'no group yet');

    // Create: the advisor and NAV; nothing chosen is refused first.
    const create = page.getByRole('form', { name: 'Opprett ansvarsgruppe' });
    await create.getByRole('button', { name: 'Opprett gruppen' }).click();
    await visible(create.getByText('Velg minst én ansatt.'));
    await expectNoAxeViolations(page, 'create form with an error');
    await create.getByRole('checkbox', { name: 'Ingrid Rådgiver (Flyktningtjenesten)' }).check();
    await create.getByRole('checkbox', { name: 'Nina Nav (NAV Demo)' }).check();
    await create.getByRole('textbox', { name: 'Rolle for Ingrid Rådgiver (Flyktningtjenesten)' }).fill('Programrådgiver');
    await create.getByRole('textbox', { name: 'Rolle for Nina Nav (NAV Demo)' }).fill('Veileder NAV');
    await create.getByRole('combobox', { name: 'Koordinator' }).selectOption({ label: 'Ingrid Rådgiver' });
    await create.getByRole('button', { name: 'Opprett gruppen' }).click();
    await visible(page.getByRole('status').getByText('Ansvarsgruppen er opprettet.'));
    const members = page.getByRole('table', { name: 'Medlemmer' });
    await visible(members.getByRole('rowheader', { name: 'Nina Nav' }));

    // Add the health station's nurse.
    await page.getByRole('button', { name: 'Legg til medlem' }).click();
    const add = page.getByRole('dialog', { name: 'Legg til medlem' });
    await visible(add);
    await add.getByRole('combobox', { name: 'Ansatt og enhet' }).selectOption({ label: 'Helene Helse – Helsestasjon for flyktninger' });
    await add.getByRole('button', { name: 'Legg til' }).click();
    await visible(add.getByText('Skriv rollen i gruppen.'));
    await expectNoAxeViolations(page, 'add member dialog with an error');
    await add.getByRole('textbox', { name: 'Rolle i gruppen' }).fill('Helsesykepleier');
    await add.getByRole('button', { name: 'Legg til' }).click();
    await visible(page.getByRole('status').getByText('Medlemmet er lagt til.'));
    await visible(members.getByRole('rowheader', { name: 'Helene Helse' }));

    // The health nurse becomes the coordinator; the history shows both.
    await page.getByRole('button', { name: 'Bytt koordinator' }).click();
    const coord = page.getByRole('dialog', { name: 'Bytt koordinator' });
    await visible(coord);
    await coord.getByRole('combobox', { name: 'Ny koordinator' }).selectOption({ label: 'Helene Helse (Helsestasjon for flyktninger)' });
    await coord.getByRole('button', { name: 'Bytt koordinator' }).click();
    await visible(page.getByRole('status').getByText('Koordinatoren er byttet.'));
    const history = page.getByRole('table', { name: 'Koordinatorer over tid' });
    await visible(history.getByRole('cell', { name: 'Helene Helse' }));
    await visible(history.getByRole('cell', { name: 'Ingrid Rådgiver' }).first());
    await expectNoAxeViolations(page, 'group with members and coordinator history');

    // A meeting with agenda, minutes, a decision and an action point owned by NAV.
    await page.getByRole('button', { name: 'Registrer møte' }).click();
    const meeting = page.getByRole('dialog', { name: 'Registrer møte' });
    await visible(meeting);
    await meeting.getByLabel('Dato', { exact: true }).fill('2026-11-20');
    await meeting.getByRole('textbox', { name: 'Sted (valgfritt)' }).fill('Rådhuset, møterom 2');
    await meeting.getByRole('textbox', { name: 'Saksliste' }).fill('Status norskopplæring\nArbeidspraksis');
    await meeting.getByRole('checkbox', { name: 'Nina Nav (NAV Demo)' }).check();
    await meeting.getByRole('checkbox', { name: 'Helene Helse (Helsestasjon for flyktninger)' }).check();
    await meeting.getByRole('textbox', { name: 'Referat' }).fill('Gjennomgang av planen. Samir ønsker praksis innen butikk.');
    await meeting.getByRole('button', { name: 'Legg til vedtak' }).click();
    await meeting.getByRole('textbox', { name: 'Vedtak 1', exact: true }).fill('Arbeidspraksis startes i januar.');
    await meeting.getByRole('button', { name: 'Legg til tiltak' }).click();
    await meeting.getByRole('button', { name: 'Lagre møtet' }).click();
    await visible(meeting.getByText('Skriv hva som skal gjøres.'));
    await expectNoAxeViolations(page, 'meeting dialog with an error');
    await meeting.getByRole('textbox', { name: 'Tiltak 1', exact: true }).fill(POINT);
    await meeting.getByRole('combobox', { name: 'Ansvarlig enhet for tiltak 1' }).selectOption({ label: 'NAV Demo' });
    await meeting.getByLabel('Frist for tiltak 1').fill('2026-12-15');
    await meeting.getByRole('button', { name: 'Lagre møtet' }).click();
    await visible(page.getByRole('status').getByText('Møtet er lagret.'));
    await visible(page.getByText('Arbeidspraksis startes i januar.'));
    const points = page.getByRole('table', { name: /^Tiltak fra Møte/ });
    await visible(points.getByRole('rowheader', { name: POINT }));
    await visible(points.getByText('Åpen'));
    await expectNoAxeViolations(page, 'group with a meeting');
    await signOut(page);

    // NAV finds the action point on its work queue and marks it done.
    await signIn(page, 'nav@demo.eidor.no');
    await page.goto('/tasks');
    await heading(page, 'Oppgaver');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: POINT }) });
    await visible(row);
    await expectNoAxeViolations(page, 'work queue with the action point');
    await row.getByRole('button', { name: new RegExp(`^Utført.*${POINT}`) }).click();
    await expect.poll(() => page.getByRole('rowheader', { name: POINT }).count(), { timeout: 15_000 }).toBe(0);

    // …and sees it done in the group, with the meeting it belongs to.
    await page.goto(`/people/${personId}/groups`);
    await heading(page, `Ansvarsgruppe: Samir ${family}`);
    const navPoints = page.getByRole('table', { name: /^Tiltak fra Møte/ });
    await visible(navPoints.getByRole('rowheader', { name: POINT }));
    await visible(navPoints.getByText('Utført', { exact: true }));
    await visible(page.getByText('Status norskopplæring'));
    await expectNoAxeViolations(page, 'group as NAV with the action point done');
  });
});
