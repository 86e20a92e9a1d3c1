import { readFileSync } from 'node:fs';
import { osloDate } from '@eidor/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, heading, signIn, signOut, startE2E, visible, type E2E } from '../harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

// The demo municipality has generated people already: this test's person carries a random suffix and DUF number.
const suffix = Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const family = `Tesfay${suffix}`;
const name = `Yonas ${family}`;
const duf = `2019${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const year = Number(osloDate(new Date()).slice(0, 4));

/** Registered through the API as the advisor: a single refugee settled in March last year (AR-2 falls due this year). */
async function registerPerson(page: Page): Promise<string> {
  return page.evaluate(
    async ({ family, duf, settlementDate }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const res = await fetch('/api/persons', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          person: { givenName: 'Yonas', familyName: family, birthDate: '1985-04-02', sex: 'male', arrivalCategory: 'reception_centre', permitType: 'refugee', permitDate: settlementDate, settlementDate, dufNumber: duf },
        }),
      });
      if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    { family, duf, settlementDate: `${year - 1}-03-10` },
  );
}

describe('IMDi grants in Chromium', () => {
  it('the coordinator reads the overview, corrects a rate, opens a schedule, runs a what-if, imports and reconciles a payment list', { timeout: 300_000 }, async () => {
    const { page } = e;
    await signIn(page, 'advisor@demo.eidor.no');
    const personId = await registerPerson(page);
    await signOut(page);

    await signIn(page, 'grants@demo.eidor.no');
    await page.getByRole('navigation', { name: /hovedmeny|meny/i }).getByRole('link', { name: 'Tilskudd', exact: true }).click();
    await heading(page, 'Tilskudd');
    await visible(page.getByRole('table', { name: `Forventet og mottatt tilskudd i ${year} per tilskuddstype` }));
    await visible(page.getByRole('img', { name: /Stolpediagram over forventet og mottatt/ }));
    await expectNoAxeViolations(page, 'grant overview');

    // Rates: a field error shown, then fixed.
    await page.getByRole('navigation', { name: 'Sider om tilskudd' }).getByRole('link', { name: 'Satser' }).click();
    await heading(page, 'Satser for tilskudd');
    await expectNoAxeViolations(page, 'rates');
    await page.getByRole('button', { name: 'Rett AR-1 EV 2024' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rett satsen AR-1 EV for 2024' });
    await visible(dialog);
    const amount = dialog.getByRole('textbox', { name: /Beløp i kroner/ });
    await amount.fill('241 0x0');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await visible(dialog.getByRole('link', { name: 'Beløp i kroner må være et helt tall, for eksempel 241 100.' }));
    await expectNoAxeViolations(page, 'rate form with an error');
    await amount.fill('241 000');
    await dialog.getByRole('combobox', { name: /Status/ }).selectOption('verified');
    await dialog.getByRole('textbox', { name: /^Kilde/ }).fill('IMDi rundskriv 2024');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await visible(page.getByText('Satsen AR-1 EV for 2024 er lagret.'));
    const corrected = page.getByRole('row', { name: /AR-1 EV.*2024/ });
    await expect.poll(async () => (await corrected.textContent())?.replace(/\s/g, ' ')).toMatch(/241 000 kr.*Kontrollert.*Kommunens egen/);

    // The person's schedule, from the person's page.
    await page.goto(`/people/${personId}`);
    await page.getByRole('link', { name: 'Åpne tilskuddsplanen' }).click();
    await heading(page, `Tilskudd: ${name}`);
    await visible(page.getByText('Utløser integreringstilskudd'));
    await visible(page.getByText('Flyktningstatus.'));
    await visible(page.getByRole('table', { name: 'Forventede tilskudd per år' }));
    await visible(page.getByRole('table', { name: 'Forventede utbetalinger per termin' }));
    await page.getByLabel(/^Bosettingsdato registrert i IMDinett/).fill(`${year - 1}-03-20`);
    await page.getByRole('button', { name: 'Lagre opplysningene' }).click();
    await visible(page.getByText('Opplysningene er lagret, og tilskuddsplanen er beregnet på nytt.'));
    await expectNoAxeViolations(page, 'person grant schedule');

    // Forecast with a what-if.
    await page.goto('/grants/forecast');
    await heading(page, 'Prognose for tilskudd');
    await page.getByRole('textbox', { name: 'Enslige voksne' }).fill('3');
    await page.getByRole('textbox', { name: 'Barn under 6 år' }).fill('2');
    await page.getByRole('button', { name: 'Beregn' }).click();
    await visible(page.getByRole('table', { name: 'Forskjell mellom prognosen med hva-hvis og prognosen med vedtaket' }));
    await visible(page.getByRole('table', { name: 'Forventede tilskudd per år og type: Med hva-hvis' }));
    await expectNoAxeViolations(page, 'forecast with a what-if');

    // A payment list with a bad line: the check reports it and writes nothing; then only the valid lines.
    await page.getByRole('navigation', { name: 'Sider om tilskudd' }).getByRole('link', { name: 'Avstemming' }).click();
    await heading(page, 'Avstemming');
    const csv = ['\uFEFFtermin;tilskuddskode;belop;fodselsnummer;dufnummer;navn;fodselsdato', `${year}-1;AR-2;50 000,00;;${duf};;`, `${year}-2;AR-2;12abc;;${duf};;`].join('\r\n');
    await page.getByLabel('Utbetalingsliste', { exact: true }).setInputFiles({ name: 'utbetalinger.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Kontroller filen' }).click();
    const problems = page.getByRole('table', { name: 'Problemer per linje' });
    await visible(problems);
    expect((await problems.getByRole('row').nth(1).textContent())?.replace(/\s/g, ' ')).toContain('«12abc» er ikke et beløp i kroner.');
    await visible(page.getByText(/Ingenting er lagret\./));
    await visible(page.getByText('Ingen utbetalingslister er importert ennå.'));
    await expectNoAxeViolations(page, 'payment list check');
    await page.getByRole('button', { name: 'Importer bare gyldige linjer' }).click();
    await visible(page.getByText('1 linjer er importert. 0 linjer var lagret fra før.'));
    await visible(page.getByRole('table', { name: 'Importerte utbetalingslister, de nyeste først' }));

    // Reconcile this year, see the differences, download the worksheet.
    await page.getByRole('button', { name: 'Avstem', exact: true }).click();
    await visible(page.getByRole('heading', { name: `Avstemming for ${year}` }));
    await visible(page.getByRole('table', { name: 'Linjer på utbetalingslistene etter måten de ble koblet på' }));
    const differences = page.getByRole('table', { name: 'Avvik mellom forventet og utbetalt, størst først' });
    await visible(differences);
    await page.getByRole('combobox', { name: 'Vis grunn' }).selectOption('amount_mismatch');
    await visible(differences.getByRole('link', { name }));
    await expectNoAxeViolations(page, 'reconciliation');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned regneark' }).click()]);
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    await visible(page.getByText(`Regnearket for ${year} er lastet ned.`));
    await differences.getByRole('link', { name }).click();
    await heading(page, name);
  });
});
