import { addDays, osloDate } from '@eidor/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, heading, signIn, signOut, startE2E, visible, type E2E } from '../harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

// The demo municipality has generated people already: this test's person carries a random suffix.
const suffix = Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const family = `Haidari${suffix}`;
const name = `Amina ${family}`;
const today = osloDate(new Date());
const day = (n: number) => addDays(today, n);

/** Registered through the API as the signed-in advisor: settled ten months ago (first application within 14 months). */
async function registerPerson(page: Page): Promise<string> {
  return page.evaluate(
    async ({ family, settlementDate }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const res = await fetch('/api/persons', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ person: { givenName: 'Amina', familyName: family, birthDate: '1988-04-02', sex: 'female', arrivalCategory: 'resettlement', permitType: 'refugee', permitDate: settlementDate, settlementDate } }),
      });
      if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    { family, settlementDate: day(-300) },
  );
}

describe('extra grants (tilskudd 1 and 2) in Chromium', () => {
  it('the coordinator opens a case, consent comes before requests, each unit answers only its own, costs in NOK, the PDF, and the grant shared', { timeout: 300_000 }, async () => {
    const { page } = e;
    await signIn(page, 'advisor@demo.eidor.no');
    await registerPerson(page);
    await signOut(page);

    // The coordinator opens a case from the search.
    await signIn(page, 'grants@demo.eidor.no');
    await page.getByRole('link', { name: 'Ekstratilskudd' }).click();
    await heading(page, 'Ekstratilskudd');
    await expectNoAxeViolations(page, 'extra-grant cases');
    await page.getByLabel('Søk etter person').fill(family);
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByRole('button', { name: `Opprett sak for ${name}` }).click();
    await heading(page, `Ekstratilskudd: ${name}`);
    expect(await page.title()).toBe('Sak om ekstratilskudd – Eidør');
    const caseId = new URL(page.url()).pathname.split('/').at(-1)!;
    await expectNoAxeViolations(page, 'extra-grant case');

    // The checklist, by keyboard.
    const gp = page.getByLabel('Fastlege');
    await visible(gp);
    await gp.focus();
    await page.keyboard.type('Dr. Berg, Sentrum legekontor');
    await page.getByRole('button', { name: 'Lagre kartleggingen' }).click();
    await visible(page.getByRole('region', { name: 'Kartlegging (sjekkliste)' }).getByText('Lagret.'));

    // A request before consent is refused with the reason on the unit field.
    const request = page.getByRole('form', { name: 'Send forespørsel' });
    const send = async (unit: string) => {
      await request.getByLabel('Enhet', { exact: true }).selectOption({ label: unit });
      await request.getByLabel('Hva enheten skal svare på').fill('Legeerklæring, beskrivelse av hjelpebehovet og stipulerte kostnader');
      await request.getByLabel('Svarfrist').fill(day(14));
      await request.getByRole('button', { name: 'Send forespørsel' }).click();
    };
    await send('Helsestasjon for flyktninger (Helse)');
    await visible(request.getByText('Registrer informert samtykke før forespørselen sendes.'));
    await expectNoAxeViolations(page, 'a request refused before consent');

    // Consent recorded, then the requests go to the health station and child welfare.
    const consent = page.getByRole('form', { name: 'Registrer samtykke' });
    await consent.getByLabel('Navn på den som samtykket').fill(name);
    await consent.getByLabel('Helse', { exact: true }).check();
    await consent.getByLabel('Barnevern', { exact: true }).check();
    await consent.getByRole('button', { name: 'Registrer samtykke' }).click();
    await visible(page.getByText('Samtykket er registrert.'));
    await send('Helsestasjon for flyktninger (Helse)');
    await visible(request.getByText('Forespørselen er sendt og ligger på enhetens oppgaveliste.'));
    await send('Barneverntjenesten (Barnevern)');
    await visible(page.getByRole('button', { name: 'Purr på svar fra Barneverntjenesten' }));
    const requestIds = await page.evaluate(async (id) => {
      const c = (await (await fetch(`/api/extra-grants/cases/${id}`)).json()) as { requests: { id: string; unitName: string }[] };
      return Object.fromEntries(c.requests.map((r) => [r.unitName, r.id]));
    }, caseId);
    await signOut(page);

    // The health station answers its own request and cannot see child welfare's.
    await signIn(page, 'health@demo.eidor.no');
    await page.getByRole('link', { name: 'Forespørsler om tilskudd' }).click();
    await heading(page, 'Forespørsler om tilskudd');
    const inbox = page.getByRole('table');
    await visible(inbox.getByRole('link', { name: `Åpne forespørselen om ${name}` }));
    expect(await inbox.getByText('Barneverntjenesten').count()).toBe(0);
    await expectNoAxeViolations(page, 'the unit’s requests');
    await inbox.getByRole('link', { name: `Åpne forespørselen om ${name}` }).click();
    await heading(page, `Forespørsel: ${name}`);
    await expectNoAxeViolations(page, 'a request to the unit');
    await page.getByLabel('Svar og dokumentasjon').fill('Blind fra fødselen. Trenger ledsager og mobilitetstrening.');
    await page.getByLabel('Stipulert kostnad (kr, valgfritt)').fill('120 000');
    await page.getByLabel('Navn og stilling på den som gir opplysningene').fill('Kari Lege, helsesykepleier');
    await page.getByRole('button', { name: 'Send svar' }).click();
    await visible(page.getByText('Svaret er sendt til tilskuddskoordinatoren.'));
    await page.goto(`/extra-grants/requests/${requestIds['Barneverntjenesten']}`);
    await heading(page, 'Fant ikke forespørselen');
    await expectNoAxeViolations(page, 'another unit’s request');
    await signOut(page);

    // Back to the coordinator: the answer, costs (EUR refused), the application and its PDF.
    await signIn(page, 'grants@demo.eidor.no');
    await page.goto(`/extra-grants/cases/${caseId}`);
    await heading(page, `Ekstratilskudd: ${name}`);
    await visible(page.getByText('Blind fra fødselen. Trenger ledsager og mobilitetstrening.'));
    const cost = page.getByRole('form', { name: 'Legg til kostnad' });
    const addCost = async (unit: string, description: string, amount: string, currency = 'NOK') => {
      await cost.getByLabel('Enhet', { exact: true }).selectOption({ label: unit });
      await cost.getByLabel('Tiltak', { exact: true }).fill(description);
      await cost.getByLabel('Valuta').fill(currency);
      await cost.getByLabel('Stipulert (kr)').fill(amount);
      await cost.getByRole('button', { name: 'Legg til kostnad' }).click();
    };
    await addCost('Helsestasjon for flyktninger', 'Ledsager og mobilitetstrening', '600 000', 'EUR');
    await visible(cost.getByText('Beløp må være i norske kroner (NOK).'));
    await addCost('Helsestasjon for flyktninger', 'Ledsager og mobilitetstrening', '600 000');
    await visible(page.getByRole('cell', { name: 'Ledsager og mobilitetstrening', exact: true }));
    await addCost('Barneverntjenesten', 'Avlastning', '300 000');
    await visible(page.getByRole('cell', { name: 'Avlastning', exact: true }));

    const apps = page.getByRole('form', { name: 'Start søknad' });
    await apps.getByLabel('Tilskudd', { exact: true }).selectOption('tilskudd2');
    await apps.getByRole('button', { name: 'Start søknad' }).click();
    await visible(page.getByRole('heading', { level: 3, name: /^Tilskuddsår 1/ }));
    await expectNoAxeViolations(page, 'case with requests, costs and an application');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Last ned søknaden (PDF, bokmål)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('ekstratilskudd-soknad-ar1-nb.pdf');

    await page.getByRole('form', { name: 'Registrer at søknaden er sendt' }).getByRole('button', { name: 'Registrer at søknaden er sendt' }).click();
    const decide = page.getByRole('form', { name: 'Registrer vedtak' });
    await visible(decide);
    await decide.getByLabel('Utfall').selectOption('partly_granted');
    await decide.getByLabel('Innvilget beløp (kr)').fill('600 000');
    await decide.getByRole('button', { name: 'Registrer vedtak' }).click();
    const shares = page.getByRole('table', { name: /Fordeling på enhetene/ });
    await visible(shares);
    expect((await shares.getByRole('row').filter({ hasText: 'Barneverntjenesten' }).innerText()).replace(/\s/g, ' ')).toMatch(/200 000,00 kr/);
    expect((await shares.getByRole('row').filter({ hasText: 'Helsestasjon' }).innerText()).replace(/\s/g, ' ')).toMatch(/400 000,00 kr/);
    await expectNoAxeViolations(page, 'the grant shared by the units');

    // The consent is withdrawn (keyboard only): no new request can be sent under it.
    const withdraw = page.getByRole('button', { name: /^Registrer at samtykket fra .* er trukket tilbake i dag$/ });
    await visible(withdraw);
    await withdraw.focus();
    await page.keyboard.press('Enter');
    await visible(page.getByText(/trukket tilbake \d{2}\.\d{2}\.\d{4}/));
    await send('Helsestasjon for flyktninger (Helse)');
    await visible(request.getByText('Registrer informert samtykke før forespørselen sendes.'));

    // No personal data in any URL the browser asked for, nor in the server's log.
    expect(e.requests.filter((u) => u.includes(family) || u.includes('Amina'))).toEqual([]);
    expect(e.serverLog.join('').includes(family)).toBe(false);
  });
});
