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
const duf = `2020${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Registered through the API as the advisor, with a DUF number (for break-the-glass later). */
async function registerPerson(page: Page): Promise<string> {
  return page.evaluate(
    async ({ family, duf }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const res = await fetch('/api/persons', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ person: { givenName: 'Zahra', familyName: family, birthDate: '1988-02-10', sex: 'female', languages: ['fa'], dufNumber: duf } }),
      });
      if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    { family, duf },
  );
}

describe('referrals, consent and break-the-glass in Chromium', () => {
  it('the refugee service refers to NAV, NAV accepts; a consent is recorded and withdrawn; the school uses break-the-glass', { timeout: 300_000 }, async () => {
    const { page } = e;
    await signIn(page, 'advisor@demo.eidor.no');
    const personId = await registerPerson(page);
    await page.goto(`/people/${personId}`);
    await heading(page, `Zahra ${family}`);
    await page.getByRole('link', { name: 'Åpne henvisninger og samtykker' }).click();
    await heading(page, `Henvisninger og samtykker: Zahra ${family}`);
    await visible(page.getByText('Ingen henvisninger til eller fra enhetene dine.'));
    await expectNoAxeViolations(page, 'person referrals, empty');

    // Send a referral: first without a receiver (refused on its field), then to NAV naming economy.
    await page.getByRole('button', { name: 'Send henvisning' }).click();
    const send = page.getByRole('dialog');
    await send.getByRole('button', { name: 'Send henvisning' }).click();
    await visible(send.getByText('Velg en aktiv enhet i kommunen.'));
    await expectNoAxeViolations(page, 'send referral with an error');
    await send.getByRole('combobox', { name: 'Til enhet' }).selectOption({ label: 'NAV Demo (NAV)' });
    await send.getByRole('checkbox', { name: 'Økonomi', exact: true }).check();
    await send.getByRole('textbox', { name: 'Begrunnelse' }).fill('Trenger hjelp med økonomi og arbeid etter endt program.');
    await send.getByRole('textbox', { name: 'Hjelp det bes om' }).fill('Økonomisk rådgivning og avklaring av arbeidsrettede tiltak.');
    await send.getByLabel('Frist').fill(isoDay(14));
    await send.getByRole('button', { name: 'Send henvisning' }).click();
    await visible(page.getByRole('status').getByText('Henvisningen er sendt.'));
    await visible(page.getByRole('heading', { name: `Zahra ${family}: fra Flyktningtjenesten til NAV Demo` }));
    await expectNoAxeViolations(page, 'person referrals with a sent referral');

    // Record a consent: an end before the start is refused on its field; then saved, then withdrawn.
    await page.getByRole('button', { name: 'Registrer samtykke' }).click();
    const consent = page.getByRole('dialog');
    await consent.getByRole('textbox', { name: 'Formål' }).fill('Dele helseopplysninger med helsestasjonen for oppfølging.');
    await consent.getByRole('checkbox', { name: 'Helse', exact: true }).check();
    await consent.getByRole('checkbox', { name: 'Helsestasjon for flyktninger' }).check();
    await consent.getByLabel('Gyldig fra').fill(isoDay(0));
    await consent.getByLabel('Gyldig til og med').fill(isoDay(-1));
    await consent.getByRole('button', { name: 'Registrer samtykke' }).click();
    await visible(consent.getByText('Sluttdatoen kan ikke være før startdatoen.'));
    await expectNoAxeViolations(page, 'consent with an error');
    await consent.getByLabel('Gyldig til og med').fill(isoDay(365));
    await consent.getByRole('button', { name: 'Registrer samtykke' }).click();
    await visible(page.getByRole('status').getByText('Samtykket er registrert.'));
    const table = page.getByRole('table', { name: 'Personens samtykker, det nyeste først' });
    await visible(table.getByText('Gyldig', { exact: true }));
    await expectNoAxeViolations(page, 'person referrals with a consent');
    await table.getByRole('button', { name: /Registrer tilbaketrekking/ }).click();
    const withdraw = page.getByRole('dialog');
    await withdraw.getByLabel('Dato for tilbaketrekking').fill(isoDay(0));
    await expectNoAxeViolations(page, 'withdraw consent dialog');
    await withdraw.getByRole('button', { name: 'Registrer tilbaketrekking' }).click();
    await visible(page.getByRole('status').getByText('Tilbaketrekkingen er registrert.'));
    await visible(table.getByText('Trukket tilbake', { exact: true }));
    expect(page.url()).not.toContain(family);
    await signOut(page);

    // NAV sees the referral in its inbox, accepts it and can then open the person.
    await signIn(page, 'nav@demo.eidor.no');
    await page.goto(`/people/${personId}`);
    await heading(page, 'Fant ikke personen');
    await page.getByRole('navigation').getByRole('link', { name: 'Henvisninger' }).click();
    await heading(page, 'Henvisninger');
    const card = page.getByRole('heading', { name: `Zahra ${family}: fra Flyktningtjenesten til NAV Demo` });
    await visible(card);
    await expectNoAxeViolations(page, 'NAV inbox');
    const cardRegion = page.locator('.referral-card', { has: card });
    await cardRegion.getByRole('button', { name: 'Godta' }).click();
    const accept = page.getByRole('dialog');
    await accept.getByRole('textbox', { name: 'Merknad (valgfritt)' }).fill('Vi kaller inn til samtale.');
    await expectNoAxeViolations(page, 'accept dialog');
    await accept.getByRole('button', { name: 'Godta' }).click();
    await visible(page.getByRole('status').getByText('Henvisningen er godtatt.'));
    await page.getByRole('checkbox', { name: 'Vis også avsluttede' }).click();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Vis også avsluttede' }).isChecked(), { timeout: 15_000 }).toBe(true);
    const accepted = page.locator('.referral-card', { has: page.getByRole('heading', { name: `Zahra ${family}: fra Flyktningtjenesten til NAV Demo` }) });
    await visible(accepted.getByText('Mottakeren har tilgang nå'));
    await accepted.getByRole('link', { name: 'Åpne personen' }).click();
    await heading(page, `Zahra ${family}`);
    await expectNoAxeViolations(page, 'person page for NAV through the referral');
    await signOut(page);

    // The school has no relationship: it asks for emergency access by DUF number and a reason.
    await signIn(page, 'school@demo.eidor.no');
    await page.goto(`/people/${personId}`);
    await heading(page, 'Fant ikke personen');
    await page.getByRole('link', { name: 'Be om nødtilgang' }).click();
    await heading(page, 'Nødtilgang');
    await expectNoAxeViolations(page, 'break-the-glass form');
    await page.getByRole('textbox', { name: 'Fødselsnummer, D-nummer eller DUF-nummer' }).fill(duf);
    await page.getByRole('textbox', { name: 'Hvorfor trenger du tilgang nå?' }).fill('Haster');
    await page.getByRole('button', { name: 'Åpne med nødtilgang' }).click();
    await visible(page.getByText('Begrunnelsen må ha minst 20 tegn.'));
    await expectNoAxeViolations(page, 'break-the-glass form with an error');
    await page.getByRole('textbox', { name: 'Hvorfor trenger du tilgang nå?' }).fill('Eleven er syk på skolen, vi trenger kontaktinformasjon nå.');
    await page.getByRole('button', { name: 'Åpne med nødtilgang' }).click();
    await heading(page, `Zahra ${family}`);
    await visible(page.getByRole('heading', { name: 'Nødtilgang', level: 2 }));
    await visible(page.getByText(/Du ser denne personen med nødtilgang til/));
    await expectNoAxeViolations(page, 'person page under break-the-glass');
    expect(page.url()).not.toContain(duf);
    await page.getByRole('button', { name: 'Avslutt nødtilgangen nå' }).click();
    await page.waitForURL((u) => u.pathname === '/people');
    await page.goto(`/people/${personId}`);
    await heading(page, 'Fant ikke personen');
  });
});
