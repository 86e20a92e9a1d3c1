import { addDays, osloDate } from '@eidor/domain';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signIn, signOut, startE2E, visible, type E2E } from '../harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

// The demo municipality holds generated settlement cases, dwellings and tasks already: every name,
// reference and address here carries a random suffix of letters, so the test finds its own.
const suffix = Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const family = `Haile${suffix}`;
const householdName = `Husstanden ${family}`;
const reference = `E2E-${suffix.toUpperCase()}`;
const address = `Fjordgata ${suffix} 7`;

// Dates relative to today, so that nothing lies in the future of the server's clock.
const today = osloDate(new Date());
const day = (n: number) => addDays(today, n);
/** DD.MM.YYYY, as Norwegian spreadsheets write dates. */
const norwegian = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const dates = { permit: day(-60), offered: day(-21), response: day(-18), decision: day(-13), arrival: day(-3) };

const HEADER = 'imdi_reference;offered_date;given_name;family_name;birth_date;sex;household_role;duf_number;arrival_category;permit_type;permit_date;nationality;languages';
const line = (given: string, birth: string, sex: 'K' | 'M', role: string) =>
  `${reference};${norwegian(dates.offered)};${given};${family};${birth};${sex};${role};;resettlement;refugee;${norwegian(dates.permit)};ERI;ti`;
const people = [
  line('Yonas', '12.03.1985', 'M', 'hovedperson'),
  line('Selam', '01.01.1990', 'K', 'ektefelle'),
  line('Ruta', '05.06.2015', 'K', 'barn'),
];
/** The file as Excel in Norwegian saves it: a byte-order mark, semicolons, CRLF and DD.MM.YYYY dates. */
const csv = (lines: string[]) => Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8');

const ids: { kase?: string; head?: string; dwelling?: string } = {};

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1, name }).isVisible(), { timeout: 15_000 }).toBe(true);
}

/** Wait for a dialog to finish fading in: mid-fade its text is paler than it will be. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/**
 * The queue shows 50 tasks a page, and the demo's queue may be longer: go on to the next page until
 * the row is there.
 */
async function onSomePage(page: Page, locator: Locator): Promise<void> {
  for (let i = 0; i < 20; i++) {
    try {
      await visible(locator, 5_000);
      return;
    } catch {
      const next = page.getByRole('button', { name: 'Neste side' });
      if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true' || (await next.isDisabled())) break;
      await next.click();
    }
  }
  await visible(locator);
}

/** The households named on every page of the signed-in user's queue (their units' open tasks). */
async function queueNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names: string[] = [];
    for (let p = 1; p < 50; p++) {
      const body = (await (await fetch(`/api/tasks?scope=unit&page=${p}&pageSize=200`)).json()) as { items: { householdName: string | null; personName: string | null }[]; total: number };
      names.push(...body.items.flatMap((i) => [i.householdName ?? '', i.personName ?? '']));
      if (p * 200 >= body.total) break;
    }
    return names;
  });
}

/** The households of the pipeline (all of them, finished or not), read as the signed-in user. */
async function pipelineNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const res = await fetch('/api/settlement/pipeline?includeFinished=true');
    const body = (await res.json()) as { items: { householdName: string }[] };
    return body.items.map((i) => i.householdName);
  });
}

describe('settlement: yearly numbers, the pipeline, housing and the work queue in Chromium', () => {
  it('the settlement officer records next year’s decision and sees it in the table and the chart', { timeout: 120_000 }, async () => {
    const { page } = e;
    await signIn(page, 'settlement@demo.eidor.no');
    const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
    for (const item of ['Oppgaver', 'Bosetting', 'Boliger']) await visible(menu.getByRole('link', { name: item, exact: true }));
    await expectNoAxeViolations(page, 'start page with settlement cards');
    await menu.getByRole('link', { name: 'Bosetting', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/settlement');
    await heading(page, 'Bosetting');
    await visible(page.getByRole('table', { name: /Tall per år/ }));
    await expectNoAxeViolations(page, '/settlement');

    const nextYear = Number(today.slice(0, 4)) + 1;
    await page.getByRole('button', { name: 'Registrer et nytt år' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrer anmodning og vedtak for et nytt år' });
    await visible(dialog);
    await settled(page);
    await expectNoAxeViolations(page, 'new year dialog');
    await dialog.getByRole('textbox', { name: 'År', exact: true }).fill(String(nextYear));
    await dialog.getByRole('textbox', { name: 'Antall personer IMDi ber kommunen bosette', exact: true }).fill('40');
    await dialog.getByRole('textbox', { name: 'Herav enslige mindreårige', exact: true }).fill('5');
    await dialog.getByRole('textbox', { name: 'Antall personer kommunen har vedtatt å bosette', exact: true }).fill('37');
    await dialog.getByRole('combobox', { name: 'Omfatter vedtaket enslige mindreårige?' }).selectOption('yes');
    await dialog.getByRole('textbox', { name: 'Antall enslige mindreårige i vedtaket', exact: true }).fill('4');
    // Without a decision date the server refuses, and says so on the date field.
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    const dateError = 'Du må fylle ut vedtaksdato når antallet er vedtatt.';
    await visible(dialog.getByText(dateError).first());
    expect(await dialog.getByLabel('Vedtaksdato', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'new year dialog with a server error on a field');
    await dialog.getByLabel('Vedtaksdato', { exact: true }).fill(day(-1));
    await dialog.getByRole('textbox', { name: 'Vedtatt av', exact: true }).fill('Kommunestyret');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await visible(page.getByText(`Tallene for ${nextYear} er lagret.`));
    expect(await dialog.isVisible()).toBe(false);

    const row = page.getByRole('table', { name: /Tall per år/ }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(nextYear), exact: true }) });
    await expect.poll(() => row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['40 (EM: 5)', '37 (EM: 4)', '37 igjen (0 % bosatt)']));
    const chart = page.getByRole('img', { name: /Stolpediagram over vedtatt og bosatt per år/ });
    await expect.poll(() => chart.getAttribute('aria-label')).toContain(`${nextYear}: vedtatt 37 personer`);
    await expectNoAxeViolations(page, '/settlement after saving a year');
  });

  it('imports a distribution list: a file with one bad line imports nothing, then the corrected file', { timeout: 120_000 }, async () => {
    const { page } = e;
    await page.goto('/settlement/pipeline');
    await heading(page, 'Bosettingsløpet');
    await visible(page.getByRole('heading', { level: 2, name: 'Husstander' }));
    await expectNoAxeViolations(page, 'pipeline board');
    // The view switch is a group of radio buttons: the keyboard chooses.
    await page.getByRole('radio', { name: 'Liste' }).focus();
    await page.keyboard.press('Space');
    await visible(page.getByRole('table', { name: 'Husstander i bosettingsløpet, neste frist først' }));
    await expectNoAxeViolations(page, 'pipeline list');

    await page.getByRole('link', { name: 'Importer fordelingsliste' }).click();
    await page.waitForURL((u) => u.pathname === '/settlement/import');
    await heading(page, 'Importer fordelingsliste');
    await visible(page.getByRole('table', { name: 'Kolonner i fordelingslisten' }));
    await expectNoAxeViolations(page, '/settlement/import');

    // Line 3 (Selam) has a date that does not exist.
    const file = page.getByLabel('CSV-fil med fordelingslisten');
    await file.setInputFiles({ name: 'fordelingsliste.csv', mimeType: 'text/csv', buffer: csv([people[0]!, people[1]!.replace('01.01.1990', '30.02.1990'), people[2]!]) });
    await page.getByRole('button', { name: 'Kontroller' }).click();
    const problems = page.getByRole('table', { name: 'Problemer i filen, per linje' });
    await visible(problems);
    await expect.poll(() => problems.getByRole('row').nth(1).textContent()).toBe('3birth_date«30.02.1990» er ikke en gyldig dato. Skriv den som 31.12.2026 eller 2026-12-31.');
    await visible(page.getByText(/Filen har 3 linjer med 1 husstander\. 1 problem må rettes/));
    await expectNoAxeViolations(page, 'import checked with a problem');
    await page.getByRole('button', { name: 'Importer alt' }).click();
    await visible(page.getByText('Ingenting er importert. Filen har 1 problem.'));
    await expect.poll(() => problems.getByRole('rowheader').allTextContents()).toEqual(['3']);
    await expectNoAxeViolations(page, 'import refused');
    expect((await pipelineNames(page)).filter((n) => n.includes(family))).toEqual([]);

    await file.setInputFiles({ name: 'fordelingsliste.csv', mimeType: 'text/csv', buffer: csv(people) });
    await page.getByRole('button', { name: 'Kontroller' }).click();
    await visible(page.getByText('Filen har 3 linjer med 1 husstander, uten problemer.'));
    await page.getByRole('button', { name: 'Importer alt' }).click();
    await visible(page.getByText('1 husstand med 3 personer er importert.'));
    await expectNoAxeViolations(page, 'import done');
    const link = page.getByRole('link', { name: householdName, exact: true });
    await visible(link);
    await link.click();
    await page.waitForURL(/\/settlement\/cases\/[0-9a-f-]{36}$/);
    ids.kase = new URL(page.url()).pathname.split('/').pop()!;
  });

  it('opens the case: accepts, records IMDi’s decision and the planned arrival', { timeout: 120_000 }, async () => {
    const { page } = e;
    await heading(page, householdName);
    // The title, which lands in the browser's history, does not name the family.
    expect(await page.title()).toBe('Bosettingssak – Eidør');
    const status = page.getByRole('region', { name: 'Hvor saken står' });
    await visible(status.getByText('Tilbudt', { exact: true }));
    await visible(status.getByText(/^Svar IMDi på tilbudet om bosetting/));
    // The offer was answered too late: the next step is overdue, in words.
    await visible(status.getByText('Forfalt'));
    await visible(status.getByText(/Innenfor målet/));
    const headLink = page.getByRole('table', { name: /Personer i husstanden/ }).getByRole('link', { name: `Yonas ${family}` });
    ids.head = (await headLink.getAttribute('href'))!.split('/').pop()!;
    await expectNoAxeViolations(page, 'case page');

    // A planned arrival before the offer is refused on that field (the domain's own rule).
    await page.getByLabel('Avtalt ankomstdato').fill(day(-30));
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await visible(page.getByText('Avtalt ankomstdato kan ikke være før datoen på fordelingslisten.').first());
    expect(await page.getByLabel('Avtalt ankomstdato').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'case page with an error on a field');
    await page.getByLabel('Avtalt ankomstdato').fill('');

    await page.getByRole('radio', { name: 'Takket ja' }).check();
    await page.getByLabel('Dato for svaret').fill(dates.response);
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await visible(page.getByText('Endringene i bosettingssaken er lagret.'));
    await visible(status.getByText('Takket ja', { exact: true }));

    await page.getByLabel('Dato for IMDis vedtak om bosettingskommune').fill(dates.decision);
    await page.getByLabel('Avtalt ankomstdato').fill(dates.arrival);
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await visible(status.getByText('Ankomst avtalt', { exact: true }));
    await visible(status.getByText(/^Tildel bolig før ankomst/));
    await expectNoAxeViolations(page, 'case page, arrival planned');
  });

  it('creates a dwelling and allocates it to the household; an overlapping allocation is refused on its date', { timeout: 150_000 }, async () => {
    const { page } = e;
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Boliger' }).click();
    await page.waitForURL((u) => u.pathname === '/housing');
    await heading(page, 'Boliger');
    await expectNoAxeViolations(page, '/housing');

    await page.getByRole('button', { name: 'Ny bolig' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny bolig' });
    await visible(dialog);
    await settled(page);
    await expectNoAxeViolations(page, 'new dwelling dialog');
    await dialog.getByRole('textbox', { name: 'Adresse', exact: true }).fill(address);
    await dialog.getByRole('combobox', { name: 'Type bolig' }).selectOption('municipal');
    await dialog.getByRole('textbox', { name: 'Rom', exact: true }).fill('3');
    await dialog.getByRole('textbox', { name: 'Husleie per måned', exact: true }).fill('12 500');
    await dialog.getByLabel('Leiekontrakten starter').fill(day(-60));
    // A lease that ends before it starts: the server names the field.
    await dialog.getByLabel('Leiekontrakten slutter').fill(day(-90));
    await dialog.getByRole('button', { name: 'Legg til bolig' }).click();
    await visible(dialog.getByText('Leiekontrakten kan ikke slutte før den starter.').first());
    await expectNoAxeViolations(page, 'new dwelling with a server error on a field');
    await dialog.getByLabel('Leiekontrakten slutter').fill(day(400));
    await dialog.getByRole('button', { name: 'Legg til bolig' }).click();
    await page.waitForURL(/\/housing\/[0-9a-f-]{36}$/);
    ids.dwelling = new URL(page.url()).pathname.split('/').pop()!;
    await heading(page, address);
    await visible(page.getByText('Boligen er lagt til.'));
    await expectNoAxeViolations(page, 'dwelling page');

    const allocate = async (from: string) => {
      await page.getByRole('button', { name: 'Tildel bolig' }).click();
      const form = page.getByRole('dialog', { name: `Tildel ${address}` });
      await visible(form);
      await settled(page);
      await form.getByRole('button', { name: 'Velg husstand' }).click();
      const search = page.getByRole('dialog', { name: 'Finn husstanden' });
      await visible(search);
      await settled(page);
      await search.getByRole('searchbox').fill(`Yonas ${family}`);
      await search.getByRole('searchbox').press('Enter');
      const choose = search.getByRole('button', { name: `Velg husstanden til Yonas ${family}` });
      await visible(choose);
      await expectNoAxeViolations(page, 'household search dialog');
      await choose.click();
      await visible(form.getByText(`Husstanden til Yonas ${family}`));
      await form.getByLabel('Fra og med').fill(from);
      await form.getByRole('button', { name: 'Tildel boligen' }).click();
      return form;
    };
    const first = await allocate(dates.arrival);
    await visible(page.getByText('Boligen er tildelt.'));
    expect(await first.isVisible()).toBe(false);
    const allocations = page.getByRole('table', { name: 'Husstander som har fått boligen, med periode' });
    await expect.poll(() => allocations.getByRole('rowheader').allTextContents()).toEqual([householdName]);
    await expectNoAxeViolations(page, 'dwelling with an allocation');

    const second = await allocate(today);
    const overlap = `Boligen er allerede tildelt fra ${norwegian(dates.arrival)}, uten sluttdato. Avslutt den tildelingen først.`;
    await visible(second.getByText(overlap).first());
    expect(await second.getByLabel('Fra og med').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'allocation refused: overlap');
    await second.getByRole('button', { name: 'Avbryt' }).click();
    await expect.poll(() => second.isVisible()).toBe(false);
    await expect.poll(() => allocations.getByRole('rowheader').count()).toBe(1);
  });

  it('settling the family puts the first weeks’ tasks on the case and in /tasks; one done, one skipped with a reason', { timeout: 150_000 }, async () => {
    const { page } = e;
    await page.goto(`/settlement/cases/${ids.kase}`);
    await heading(page, householdName);
    const status = page.getByRole('region', { name: 'Hvor saken står' });
    await visible(status.getByText('Bolig tildelt', { exact: true }));
    await visible(page.getByRole('link', { name: address }));
    for (const given of ['Yonas', 'Selam', 'Ruta']) await page.getByLabel(`Bosettingsdato for ${given} ${family}`).fill(dates.arrival);
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await visible(page.getByText('Endringene i bosettingssaken er lagret.'));
    await visible(status.getByText('Bosatt', { exact: true }));

    const tasks = page.getByRole('table', { name: 'Oppgaver for husstanden, de åpne først' });
    await visible(tasks);
    const titles = await tasks.getByRole('rowheader').allTextContents();
    for (const title of ['Bosettingssamtale', 'Skattekort', 'Skoleplass', 'Etableringsstønad og klesstøtte']) expect(titles.join('\n')).toContain(title);
    await expectNoAxeViolations(page, 'case page with the first weeks’ tasks');

    const taskRow = (title: string, person?: string) => {
      let row = tasks.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${title}`) }) });
      if (person) row = row.filter({ hasText: person });
      return row.first();
    };
    // With the keyboard: the button gives way to "Gjenåpne", and focus goes to the tasks' heading, not lost.
    await taskRow('Bosettingssamtale').getByRole('button', { name: /^Utført/ }).focus();
    await page.keyboard.press('Enter');
    await visible(page.getByText('«Bosettingssamtale» er merket som utført.'));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('case-tasks');
    await expect.poll(() => taskRow('Bosettingssamtale').locator('td').allTextContents()).toContain('Utført');

    await taskRow('Skattekort', `Selam ${family}`).getByRole('button', { name: /^Hopp over/ }).click();
    const skip = page.getByRole('dialog', { name: 'Hopp over oppgaven' });
    await visible(skip);
    await settled(page);
    await skip.getByRole('button', { name: 'Hopp over' }).click();
    await visible(skip.getByText('Du må fylle ut begrunnelse.').first());
    await expectNoAxeViolations(page, 'skip dialog with an error');
    await skip.getByRole('textbox', { name: 'Begrunnelse' }).fill('Har allerede skattekort fra før');
    await skip.getByRole('button', { name: 'Hopp over' }).click();
    await visible(page.getByText('«Skattekort» er hoppet over.'));
    await visible(tasks.getByText('Hoppet over: Har allerede skattekort fra før'));
    await expectNoAxeViolations(page, 'case page after done and skip');

    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Oppgaver' }).click();
    await page.waitForURL((u) => u.pathname === '/tasks');
    await heading(page, 'Oppgaver');
    await page.getByRole('combobox', { name: 'Type oppgave' }).selectOption('settlement.checklist');
    await page.waitForURL((u) => u.searchParams.get('kind') === 'settlement.checklist');
    const queue = page.getByRole('table', { name: 'Oppgaver, de med tidligst frist først' });
    await onSomePage(page, queue.getByRole('link', { name: `Yonas ${family}` }).first());
    await expect.poll(() => queue.getByRole('row').filter({ hasText: family }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, '/tasks (refugee service)');
    // The skipped one shows under "Hoppet over", with its reason.
    await page.getByRole('combobox', { name: 'Status' }).selectOption('skipped');
    const closed = page.getByRole('table', { name: 'Oppgaver, de sist avsluttede først' });
    await visible(closed.getByText('Hoppet over: Har allerede skattekort fra før'));
    await expectNoAxeViolations(page, '/tasks, skipped');
  });

  it('NAV sees the household’s task only once the advisor puts NAV on a member’s team', { timeout: 150_000 }, async () => {
    const { page } = e;
    const navQueue = async () => {
      await page.goto('/tasks');
      await heading(page, 'Oppgaver');
      await visible(page.getByRole('heading', { level: 2, name: 'Enhetens oppgaver' }));
      await expect.poll(() => page.getByRole('status').filter({ hasText: /oppgave|Ingen oppgaver her/ }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    };
    await signOut(page);
    await signIn(page, 'nav@demo.eidor.no');
    const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
    await visible(menu.getByRole('link', { name: 'Oppgaver' }));
    expect(await menu.getByRole('link', { name: 'Bosetting', exact: true }).count()).toBe(0);
    await navQueue();
    expect(await page.getByText(family).count()).toBe(0);
    // Every page of NAV's queue, not only the first.
    expect((await queueNames(page)).filter((n) => n.includes(family))).toEqual([]);
    await expectNoAxeViolations(page, '/tasks (NAV, before)');
    await signOut(page);

    await signIn(page, 'advisor@demo.eidor.no');
    await page.goto(`/people/${ids.head}`);
    await heading(page, `Yonas ${family}`);
    await page.getByRole('button', { name: 'Endre teamet' }).click();
    const team = page.getByRole('dialog', { name: 'Endre teamet' });
    await visible(team);
    await settled(page);
    await team.getByRole('checkbox', { name: 'NAV Demo' }).check();
    await team.getByRole('button', { name: 'Lagre' }).click();
    await visible(page.getByText('Teamet er lagret.'));
    await signOut(page);

    await signIn(page, 'nav@demo.eidor.no');
    await navQueue();
    const row = page.getByRole('row').filter({ hasText: householdName });
    await onSomePage(page, row.first());
    expect(await row.getByRole('rowheader').allTextContents()).toEqual(['Etableringsstønad og klesstøtte']);
    await expectNoAxeViolations(page, '/tasks (NAV, after)');
    await row.getByRole('button', { name: /^Ta oppgaven/ }).click();
    await visible(page.getByText('Du har tatt oppgaven «Etableringsstønad og klesstøtte».'));
    await page.getByRole('radio', { name: 'Mine oppgaver' }).focus();
    await page.keyboard.press('Space');
    await page.waitForURL((u) => u.searchParams.get('scope') === 'mine');
    await visible(page.getByRole('row').filter({ hasText: householdName }).getByText('Tildelt Nina Nav'));
    await expectNoAxeViolations(page, '/tasks (NAV, mine)');
  });

  it('the other settlement pages pass axe: reunifications, the checklist editor and vacancy', { timeout: 120_000 }, async () => {
    const { page } = e;
    await signOut(page);
    await signIn(page, 'settlement@demo.eidor.no');
    await page.goto('/settlement/reunifications');
    await heading(page, 'Familiegjenforening');
    await expectNoAxeViolations(page, '/settlement/reunifications');
    await page.getByRole('button', { name: 'Registrer ventet familiemedlem' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrer ventet familiemedlem' });
    await visible(dialog);
    await settled(page);
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await visible(dialog.getByText('Du må velge referanseperson.').first());
    await expectNoAxeViolations(page, 'reunification dialog with errors');
    await dialog.getByRole('button', { name: 'Velg referanseperson' }).click();
    const search = page.getByRole('dialog', { name: 'Velg referanseperson' });
    await visible(search);
    await settled(page);
    await search.getByRole('searchbox').fill(`Yonas ${family}`);
    await search.getByRole('searchbox').press('Enter');
    await search.getByRole('button', { name: `Velg Yonas ${family}` }).click();
    await dialog.getByRole('textbox', { name: 'Navn på familiemedlemmet' }).fill(`Meron ${family}`);
    await dialog.getByRole('combobox', { name: 'Relasjon til referansepersonen' }).selectOption('sibling');
    await dialog.getByLabel('Søknadsdato').fill(day(-1));
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await visible(page.getByText(`Meron ${family} er lagret.`));
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `Meron ${family}` }) });
    await visible(row.getByText(/^Innenfor fem år/));
    await expectNoAxeViolations(page, '/settlement/reunifications after save');

    await page.goto('/settlement/checklist');
    await heading(page, 'Sjekkliste for de første ukene');
    await visible(page.getByRole('table', { name: 'Punktene i sjekklisten' }));
    await expectNoAxeViolations(page, '/settlement/checklist');
    await page.getByRole('button', { name: 'Endre sjekklisten' }).click();
    await visible(page.getByRole('group', { name: 'Punkt 1: Bosettingssamtale' }));
    await expectNoAxeViolations(page, 'checklist editor');
    // Reorder with the keyboard: focus stays on the moved item's button.
    await page.getByRole('button', { name: 'Flytt punkt 1 ned' }).focus();
    await page.keyboard.press('Enter');
    await visible(page.getByRole('group', { name: 'Punkt 2: Bosettingssamtale' }));
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Flytt punkt 2 ned');
    await page.getByRole('button', { name: 'Avbryt' }).click();

    await page.goto('/housing/vacancy');
    await heading(page, 'Ledige boliger og kostnader');
    await visible(page.getByRole('table', { name: /Kostnad for tomme venteboliger per måned/ }));
    await visible(page.getByRole('img', { name: /Stolpediagram over kostnaden for tomme venteboliger/ }));
    await expectNoAxeViolations(page, '/housing/vacancy');
  });

  it('no name typed or imported ever reached a URL, the history state or browser storage', async () => {
    const { page } = e;
    const secrets = [family, 'Yonas', `Meron ${family}`];
    const urls = e.requests.join('\n');
    for (const secret of secrets) {
      expect(urls, secret).not.toContain(secret);
      expect(urls, secret).not.toContain(encodeURIComponent(secret));
    }
    const browserState = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, history: history.state as unknown, title: document.title }));
    for (const secret of secrets) expect(browserState, secret).not.toContain(secret);
  });
});
