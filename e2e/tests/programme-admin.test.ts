import { readFileSync } from 'node:fs';
import { addDays, osloDate } from '@eidor/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signIn, signOut, startE2E, visible, type E2E } from '../harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

// The demo municipality holds generated people already: family names carry a random suffix of
// letters, so the test finds its own participants.
const suffix = Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const families = [`Rahimi${suffix}`, `Haile${suffix}`];
const today = osloDate(new Date());
const day = (n: number) => addDays(today, n);
/** Last week's Monday: every day of it is in the past and within the programme. */
const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
const monday = addDays(today, -weekday - 7);
const month = monday.slice(0, 7);
const nb = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const weekdays = ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag'];
const dayName = (i: number) => `${weekdays[i]} ${nb(addDays(monday, i))}`;

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1, name }).isVisible(), { timeout: 15_000 }).toBe(true);
}

/**
 * Participants registered through the API as the signed-in advisor, each with a programme decision
 * that started five weeks ago (so self-certification, allowed only after 8 weeks, is refused).
 */
async function registerParticipants(page: Page): Promise<void> {
  await page.evaluate(
    async ({ families, permitDate, settlementDate, mapping, decision, start, planEnd }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const headers = { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken };
      for (const family of families) {
        const res = await fetch('/api/persons', {
          method: 'POST',
          headers,
          body: JSON.stringify({ person: { givenName: 'Abdullah', familyName: family, birthDate: '1990-03-01', sex: 'male', arrivalCategory: 'reception_centre', permitType: 'refugee', permitDate, settlementDate } }),
        });
        if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
        const id = ((await res.json()) as { id: string }).id;
        const fields = { participantGroup: 'other_goal', skillsMappingDate: mapping, decisionDate: decision, startDate: start, endGoal: 'Arbeid i helsesektoren', plannedMonths: 24, weeklyHours: 37.5, status: 'active', elements: { norwegian: true } };
        const put = await fetch(`/api/programme/persons/${id}`, { method: 'PUT', headers, body: JSON.stringify({ fields, version: null }) });
        if (put.status !== 200) throw new Error(`decision: ${put.status} ${await put.text()}`);
        // An adopted integration plan with two measures, so the day can be split over them.
        const measure = (type: string, description: string, hoursPerWeek: number) => ({ type, description, providerUnitId: null, from: start, to: planEnd, hoursPerWeek });
        const draft = await fetch(`/api/programme/persons/${id}/plans`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ goals: ['Arbeid i helsesektoren'], norwegianGoal: 'B1', measures: [measure('norwegian', 'Norsk spor 2', 20), measure('work_practice', 'Språkpraksis', 17.5)] }),
        });
        if (draft.status !== 201) throw new Error(`plan: ${draft.status} ${await draft.text()}`);
        const plan = (await draft.json()) as { id: string; version: number };
        const adopt = await fetch(`/api/programme/plans/${plan.id}/adopt`, { method: 'POST', headers, body: JSON.stringify({ decisionDate: decision, version: plan.version }) });
        if (adopt.status !== 200) throw new Error(`adopt: ${adopt.status} ${await adopt.text()}`);
      }
    },
    { families, permitDate: day(-150), settlementDate: day(-70), mapping: day(-50), decision: day(-40), start: day(-35), planEnd: day(300) },
  );
}

describe('programme: the municipality’s week grid, payment run and results in Chromium', () => {
  it('records a class’s week (an error shown on its cell, then fixed), runs a month’s payment with two people, and shows the results', { timeout: 300_000 }, async () => {
    const { page } = e;
    await signIn(page, 'advisor@demo.eidor.no');
    await registerParticipants(page);

    // ---------- the week grid ----------
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Introduksjonsprogram' }).click();
    await heading(page, 'Oppmøte per uke');
    await page.goto(`/programme?week=${monday}`);
    await heading(page, 'Oppmøte per uke');
    const [first, second] = families.map((f) => `Abdullah ${f}`) as [string, string];
    const status = (name: string, i: number) => page.getByRole('combobox', { name: `Status for ${name}, ${dayName(i)}` });
    const hours = (name: string, i: number) => page.getByRole('textbox', { name: `Timer til stede for ${name}, ${dayName(i)}` });
    await visible(status(first, 0));
    // The class: a unit on the participants' teams.
    const group = page.getByRole('combobox', { name: 'Klasse eller gruppe' });
    const options = await group.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    if (options.length > 0) {
      await group.selectOption(options[0]!);
      await page.waitForURL((u) => u.searchParams.get('unit') === options[0]);
      await visible(status(first, 0));
    }
    await expectNoAxeViolations(page, '/programme (week grid)');

    // Most of the class was there: fill the week, then record the exceptions.
    await page.getByRole('button', { name: 'Fyll tomme dager med «Til stede»' }).click();
    expect(await status(second, 4).inputValue()).toBe('present');
    // Tuesday: self-certified, which the rules refuse in the first 8 weeks. Wednesday: 2 hours unexcused.
    await status(first, 1).selectOption('self_certified');
    await status(first, 2).selectOption('unexcused');
    await hours(first, 2).fill('5,5');
    // Wednesday's hours per measure: the two hours missed were work practice.
    await page.getByRole('button', { name: `Tiltak (0) for ${first}, ${dayName(2)}` }).click();
    const dialog = page.getByRole('dialog', { name: `Timer per tiltak for ${first}, ${dayName(2)}` });
    await visible(dialog);
    await dialog.getByRole('textbox', { name: 'Timer til stede – Norsk: Norsk spor 2' }).fill('4');
    await dialog.getByRole('textbox', { name: 'Timer til stede – Arbeidspraksis: Språkpraksis' }).fill('1,5');
    await dialog.getByRole('textbox', { name: 'Timer fravær – Arbeidspraksis: Språkpraksis' }).fill('2');
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await expectNoAxeViolations(page, 'hours per measure dialog');
    await dialog.getByRole('button', { name: 'Ferdig' }).click();
    await visible(page.getByRole('button', { name: `Tiltak (2) for ${first}, ${dayName(2)}` }));
    await page.getByRole('button', { name: 'Lagre uken' }).click();
    const refused = status(first, 1);
    await expect.poll(() => refused.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    const messageId = (await refused.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${messageId}"]`).innerText()).toBe('Egenmelding kan først brukes etter 8 uker i programmet. Det trengs legeerklæring.');
    await visible(page.getByRole('link', { name: `${first}, ${dayName(1)}: Egenmelding kan først brukes etter 8 uker i programmet. Det trengs legeerklæring.` }));
    await expectNoAxeViolations(page, 'week grid with an error on a cell');

    // Fixed: a doctor's note instead. Saved in one request.
    await refused.selectOption('doctor_certified');
    await page.getByRole('button', { name: 'Lagre uken' }).click();
    await visible(page.getByText('Uken er lagret (10 dager).'));
    expect(await status(first, 1).getAttribute('aria-invalid')).toBeNull();
    await expect.poll(() => page.getByRole('rowheader', { name: new RegExp(first) }).innerText()).toContain('ugyldig fravær 1 dager');
    await signOut(page);

    // ---------- the payment run: prepared by finance, refused to finance, approved by the leader ----------
    await signIn(page, 'finance@demo.eidor.no');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Introduksjonsprogram' }).click();
    await heading(page, 'Utbetaling av introduksjonsstønad');
    await expectNoAxeViolations(page, '/programme/payments');
    await page.getByRole('textbox', { name: 'Måned' }).fill(month);
    await page.getByRole('button', { name: 'Forbered utbetaling' }).click();
    await heading(page, `Utbetaling for ${month}`);
    const lines = page.getByRole('table', { name: `Beløp per deltaker for ${month}` });
    await visible(lines.getByRole('rowheader', { name: first }));
    await visible(lines.getByRole('rowheader', { name: second }));
    await visible(page.getByText('Du forberedte denne utbetalingen. Den må godkjennes av en annen person.'));
    await page.getByText(`Slik er beløpet regnet ut for ${first}`).click();
    await visible(page.getByRole('table', { name: `Utregning for ${first}` }).getByRole('rowheader', { name: 'Trekk for ugyldig fravær (timer)' }));
    await expectNoAxeViolations(page, '/programme/payments/$id (prepared, explained)');
    await page.getByRole('button', { name: 'Godkjenn utbetalingen' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'Godkjenning avvist: en utbetaling må godkjennes av en annen enn den som forberedte den.' }));
    const runPath = new URL(page.url()).pathname;
    await signOut(page);

    await signIn(page, 'leader@demo.eidor.no');
    await page.goto('/programme/payments');
    await heading(page, 'Utbetaling av introduksjonsstønad');
    await page.getByRole('link', { name: `Åpne ${month}` }).click();
    await page.waitForURL((u) => u.pathname === runPath);
    await heading(page, `Utbetaling for ${month}`);
    await page.getByRole('button', { name: 'Godkjenn utbetalingen' }).click();
    await visible(page.getByText('Utbetalingen er godkjent.'));
    await expectNoAxeViolations(page, 'approved run');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Eksporter lønnsfil' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`introduksjonsstonad-${month}.csv`);
    const csv = readFileSync((await file.path())!, 'utf8');
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('periode;fodselsnummer;dufnummer;navn;lonnsart;brutto;trekk_fravaer;samordning;tilbakebetaling;netto;krever_vedtak');
    const mine = rows.filter((r) => r.includes(suffix));
    expect(mine).toHaveLength(2);
    const row = mine.find((r) => r.includes(first))!.split(';');
    expect(row[0]).toBe(month);
    expect(row[4]).toBe('INTROSTONAD');
    // Two hours unexcused were deducted: a Norwegian decimal comma, never zero.
    expect(row[6]).toMatch(/^\d+,\d{2}$/);
    expect(row[6]).not.toBe('0,00');
    await visible(page.getByText('Måneden er eksportert og låst. Den kan ikke forberedes eller godkjennes på nytt.'));
    await visible(page.getByText(`Lønnsfilen introduksjonsstonad-${month}.csv er lastet ned, og måneden er låst.`));
    expect(await page.getByRole('button', { name: 'Eksporter lønnsfil' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'exported and locked run');

    // ---------- results and NIR ----------
    await page.goto('/programme/results');
    await heading(page, 'Resultater og NIR');
    await visible(page.getByRole('img', { name: /Stolpediagram|Ingen deltakere/ }));
    await expectNoAxeViolations(page, '/programme/results');
    const nir = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Eksporter til NIR' }).click();
    const nirFile = readFileSync((await (await nir).path())!, 'utf8');
    expect(nirFile).toContain(`Abdullah ${families[0]};integl;`);
  });
});
