import { readFileSync } from 'node:fs';
import { addDays, osloDate } from '@eidor/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInWithKeyboard, startE2E, type E2E } from '../harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

// The demo municipality holds generated people already: the family name carries a random suffix of
// letters, so the test finds its own participant.
const suffix = Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const family = `Rahimi${suffix}`;
const today = osloDate(new Date());
const day = (n: number) => addDays(today, n);
const month = today.slice(0, 7);

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1, name }).isVisible(), { timeout: 15_000 }).toBe(true);
}

async function visible(page: Page, locator: ReturnType<Page['getByText']>, timeout = 15_000): Promise<void> {
  await expect.poll(() => locator.isVisible(), { timeout }).toBe(true);
}

/** Wait for a dialog to finish fading in: mid-fade its text is paler than it will be. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/** A participant registered through the API as the signed-in advisor: settled by agreement two months ago. */
async function registerParticipant(page: Page): Promise<string> {
  return page.evaluate(
    async ({ family, permitDate, settlementDate }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const res = await fetch('/api/persons', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          person: { givenName: 'Abdullah', familyName: family, birthDate: '1992-07-01', sex: 'male', arrivalCategory: 'reception_centre', permitType: 'refugee', permitDate, settlementDate },
        }),
      });
      if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    { family, permitDate: day(-150), settlementDate: day(-60) },
  );
}

describe('programme: a person’s introduction programme in Chromium', () => {
  it('the advisor records the decision, drafts and adopts the plan, reads a month’s benefit and downloads a letter', { timeout: 240_000 }, async () => {
    const { page } = e;
    await signInWithKeyboard(page, 'advisor@demo.eidor.no');
    await page.waitForURL((u) => u.pathname === '/');
    const id = await registerParticipant(page);

    await page.goto(`/people/${id}`);
    await heading(page, `Abdullah ${family}`);
    await expectNoAxeViolations(page, 'person page with the programme link');
    await page.getByRole('link', { name: 'Åpne introduksjonsprogrammet' }).click();
    await page.waitForURL((u) => u.pathname === `/people/${id}/programme`);
    await heading(page, /^Introduksjonsprogram/);
    expect(await page.title()).toBe('Introduksjonsprogram for en person – Eidør');
    const eligibility = page.getByRole('region', { name: 'Rett og plikt' });
    await visible(page, eligibility.getByText('Integreringsloven (tillatelse fra 2021)'));
    await visible(page, eligibility.getByText('Bosatt etter avtale med IMDi.'));
    const deadlines = page.getByRole('table', { name: 'Frister for personen med lovgrunnlag' });
    await visible(page, deadlines.getByRole('row', { name: /Vedtak om introduksjonsprogram/ }));
    await visible(page, deadlines.getByText('Integreringsloven § 12: vedtak innen 3 måneder etter bosetting eller krav'));
    await expectNoAxeViolations(page, '/people/$id/programme');

    // The decision, first with 25 hours a week: the server refuses and says so on the field.
    const form = page.getByRole('form', { name: 'Vedtak om introduksjonsprogram' });
    await form.getByRole('combobox', { name: 'Deltakergruppe' }).selectOption('other_goal');
    await form.getByLabel('Dato for kompetansekartlegging', { exact: true }).fill(day(-30));
    await form.getByLabel('Vedtaksdato', { exact: true }).fill(day(-20));
    await form.getByLabel('Startdato', { exact: true }).fill(day(-14));
    await form.getByRole('textbox', { name: 'Sluttmål', exact: true }).fill('Arbeid i helsesektoren');
    await form.getByRole('textbox', { name: 'Planlagt lengde i måneder', exact: true }).fill('24');
    const hours = form.getByRole('textbox', { name: 'Timer per uke', exact: true });
    await hours.fill('25');
    for (const element of ['Opplæring i norsk', 'Samfunnskunnskap', 'Kurs i livsmestring', 'Arbeids- eller utdanningsrettet element']) await form.getByRole('checkbox', { name: element }).check();
    await form.getByRole('combobox', { name: 'Status', exact: true }).selectOption('active');
    await form.getByRole('button', { name: 'Lagre vedtaket' }).click();
    const hoursError = 'Timer per uke må være mellom 30 og 37,5 (fulltid), ellers må du begrunne timetallet.';
    await visible(page, form.getByText(hoursError).first());
    expect(await hours.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'programme decision with a server error on a field');
    await hours.fill('37,5');
    await form.getByRole('button', { name: 'Lagre vedtaket' }).click();
    await visible(page, page.getByText('Vedtaket om introduksjonsprogram er lagret.'));
    expect(await hours.getAttribute('aria-invalid')).toBeNull();
    await visible(page, deadlines.getByRole('row', { name: /Vedtak om introduksjonsprogram/ }).getByText('Gjort'));

    // The integration plan: a draft, then adopted as a decision with complaint information.
    await page.getByRole('button', { name: 'Lag integreringsplan' }).click();
    const draft = page.getByRole('dialog', { name: 'Ny integreringsplan' });
    await visible(page, draft.getByRole('textbox', { name: 'Mål', exact: true }));
    await settled(page);
    await expectNoAxeViolations(page, 'new integration plan dialog');
    await draft.getByRole('textbox', { name: 'Mål', exact: true }).fill('Arbeid i helsesektoren\nFagbrev som helsefagarbeider');
    await draft.getByRole('textbox', { name: 'Mål for norskopplæringen' }).fill('B1 muntlig');
    await draft.getByRole('combobox', { name: 'Type for tiltak 1' }).selectOption('norwegian');
    await draft.getByRole('textbox', { name: 'Beskrivelse for tiltak 1' }).fill('Norsk spor 2, modul 1–3');
    expect(await draft.getByLabel('Fra for tiltak 1').inputValue()).toBe(day(-14));
    await draft.getByRole('textbox', { name: 'Timer per uke for tiltak 1' }).fill('15');
    await draft.getByRole('button', { name: 'Lagre utkast' }).click();
    await visible(page, page.getByText('Utkastet til integreringsplan er lagret.'));
    const card = page.getByRole('article', { name: /Versjon 1/ });
    await visible(page, card.getByText('Norsk spor 2, modul 1–3'));
    await card.getByRole('button', { name: 'Vedta plan 1' }).click();
    const adopt = page.getByRole('dialog', { name: 'Vedta integreringsplan 1' });
    await visible(page, adopt.getByText(/Du kan klage på vedtaket/));
    await settled(page);
    await expectNoAxeViolations(page, 'adopt plan dialog');
    await adopt.getByRole('button', { name: 'Vedta planen' }).click();
    await visible(page, page.getByText('Integreringsplan 1 er vedtatt.'));
    await visible(page, card.getByText('Vedtatt'));
    await visible(page, card.getByText(/Fristen er tre uker/));
    await visible(page, page.getByText(/^Plan 1 skal vurderes på nytt senest/));
    await expectNoAxeViolations(page, 'programme page with an adopted plan');

    // This month's benefit, line by line.
    const benefit = page.getByRole('heading', { name: 'Introduksjonsstønad per måned' }).locator('xpath=..');
    expect(await benefit.getByLabel('Måned', { exact: true }).inputValue()).toBe(month);
    await benefit.getByRole('button', { name: 'Vis stønaden' }).click();
    const lines = page.getByRole('table', { name: `Stønad for ${month}, linje for linje` });
    await visible(page, lines.getByRole('rowheader', { name: 'Stønad for perioden' }).first());
    expect(await lines.getByRole('row').count()).toBeGreaterThan(1);
    await visible(page, benefit.getByText('Til utbetaling'));
    await expectNoAxeViolations(page, 'benefit for a month');

    // The programme decision as a PDF in bokmål.
    const letters = page.getByRole('heading', { name: 'Brev og deltakerbevis' }).locator('xpath=..');
    await letters.getByRole('combobox', { name: 'Brev' }).selectOption('programme_decision');
    await letters.getByRole('radio', { name: 'Norsk bokmål' }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), letters.getByRole('button', { name: 'Last ned PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('programme_decision-nb.pdf');
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await visible(page, letters.getByText('Vedtak om introduksjonsprogram på Norsk bokmål er lastet ned.'));
    await expectNoAxeViolations(page, 'programme page after a letter');

    // Nothing typed here reached an address.
    expect(e.requests.filter((u) => u.includes(family) || u.includes('Abdullah'))).toEqual([]);
  });
});
