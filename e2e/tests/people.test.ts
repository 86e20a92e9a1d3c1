import { makeNationalId } from '@eidor/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInWithKeyboard, signOut, startE2E, type E2E } from '../harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

// The demo database holds a few hundred people already: every name here carries a random suffix of
// letters (names take letters only), so the test finds its own people and no one else's.
const suffix = Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const family = `Tamimi${suffix}`;
const householdName = `Familien ${family}`;
const headId = (() => {
  for (let serial = 400 + Math.floor(Math.random() * 300); ; serial++) {
    const id = makeNationalId({ birthDate: '1984-06-15', sex: 'male', kind: 'fnr', synthetic: true, serial });
    if (id) return id;
  }
})();

/** Everything typed into the app that must never reach a URL, history state or browser storage. */
const secrets = [family, 'Mohammad', 'Hassan', `Alhasan${suffix}`, headId];

const PERSON_PATH = /\/people\/[0-9a-f-]{36}$/;
const ids: { head?: string; household?: string; alhasan?: string } = {};

type NewPerson = {
  given: string;
  family: string;
  birthDate: string;
  sex: 'female' | 'male';
  nationalId?: string;
  household?: 'new' | 'existing';
  householdName?: string;
  role?: 'head' | 'spouse' | 'child';
  arrival?: string;
};

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1, name }).isVisible(), { timeout: 15_000 }).toBe(true);
}

/** Fill the register form; the page must be /people/new. */
async function fillPerson(page: Page, p: NewPerson): Promise<void> {
  await page.getByRole('textbox', { name: 'Fornavn', exact: true }).fill(p.given);
  await page.getByRole('textbox', { name: 'Etternavn', exact: true }).fill(p.family);
  await page.getByLabel('Fødselsdato', { exact: true }).fill(p.birthDate);
  await page.getByRole('combobox', { name: 'Kjønn', exact: true }).selectOption(p.sex);
  if (p.nationalId) await page.getByRole('textbox', { name: 'Fødselsnummer eller D-nummer', exact: true }).fill(p.nationalId);
  await page.getByRole('combobox', { name: 'Opprinnelsesland', exact: true }).selectOption('SYR');
  await page.getByRole('checkbox', { name: 'Arabisk', exact: true }).check();
  if (p.household === 'new') {
    await page.getByRole('radio', { name: 'Ny husstand' }).check();
    if (p.householdName) await page.getByRole('textbox', { name: 'Navn på den nye husstanden' }).fill(p.householdName);
  }
  if (p.household === 'existing') expect(await page.getByRole('radio', { name: `Husstanden «${householdName}»` }).isChecked()).toBe(true);
  if (p.role) await page.getByRole('combobox', { name: 'Rolle i husstanden', exact: true }).selectOption(p.role);
  await page.getByRole('combobox', { name: 'Ankomstkategori', exact: true }).selectOption(p.arrival ?? 'resettlement');
  await page.getByLabel('Bosettingsdato', { exact: true }).fill('2024-05-02');
}

/** Save the register form, saying "register anyway" if likely duplicates are shown; returns the new person's id. */
async function save(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Registrer person', exact: true }).click();
  const anyway = page.getByRole('button', { name: 'Registrer likevel' });
  await expect.poll(async () => PERSON_PATH.test(new URL(page.url()).pathname) || (await anyway.isVisible()), { timeout: 15_000 }).toBe(true);
  if (!PERSON_PATH.test(new URL(page.url()).pathname)) {
    await expectNoAxeViolations(page, 'register form with likely duplicates');
    await anyway.click();
    await page.waitForURL(PERSON_PATH);
  }
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Search with the keyboard alone: focus the search box, type, press Enter. */
async function searchWithKeyboard(page: Page, text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Søk på navn, fødselsdato, fødselsnummer eller DUF-nummer' });
  await box.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('people: register, find, see and share in Chromium', () => {
  it('the advisor registers a family of four and sees them on the household page', { timeout: 180_000 }, async () => {
    const { page } = e;
    await signInWithKeyboard(page, 'advisor@demo.eidor.no');
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Personer' }).click();
    await page.waitForURL((u) => u.pathname === '/people');
    await heading(page, 'Personer');
    // Focus moves to the page's heading after a navigation, so screen readers announce the new page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expect.poll(() => page.getByRole('table').isVisible(), { timeout: 15_000 }).toBe(true);
    await expectNoAxeViolations(page, '/people');

    await page.getByRole('link', { name: 'Registrer person' }).click();
    await page.waitForURL((u) => u.pathname === '/people/new');
    await heading(page, 'Registrer person');
    await expectNoAxeViolations(page, '/people/new');

    // Saving an empty form names every missing field, and the summary takes focus.
    await page.getByRole('button', { name: 'Registrer person', exact: true }).click();
    await expect.poll(() => page.getByText('Du må fylle ut fornavn.').first().isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-color="danger"], .ds-error-summary') !== null)).toBe(true);
    await expectNoAxeViolations(page, '/people/new with errors');

    await fillPerson(page, { given: 'Yusuf', family, birthDate: '1984-06-15', sex: 'male', nationalId: headId, household: 'new', householdName, role: 'head' });
    ids.head = await save(page);
    await heading(page, `Yusuf ${family}`);
    await expect.poll(() => page.getByText('Personen er registrert.').isVisible()).toBe(true);
    // The title, which lands in the browser's history, does not name the person.
    expect(await page.title()).toBe('Person – Eidør');
    await expectNoAxeViolations(page, 'person page');

    await page.getByRole('link', { name: 'Gå til husstanden' }).click();
    await page.waitForURL(/\/households\/[0-9a-f-]{36}$/);
    ids.household = new URL(page.url()).pathname.split('/').pop()!;
    await heading(page, householdName);
    expect(await page.title()).toBe('Husstand – Eidør');
    await expectNoAxeViolations(page, 'household page');

    for (const member of [
      { given: 'Layla', birthDate: '1986-02-11', sex: 'female', role: 'spouse' },
      { given: 'Omar', birthDate: '2014-03-03', sex: 'male', role: 'child' },
      { given: 'Sara', birthDate: '2017-09-09', sex: 'female', role: 'child' },
    ] as const) {
      await page.goto(`/households/${ids.household}`);
      await heading(page, householdName);
      await page.getByRole('link', { name: 'Legg til person i husstanden' }).click();
      await page.waitForURL((u) => u.pathname === '/people/new');
      await expect.poll(() => page.getByRole('radio', { name: `Husstanden «${householdName}»` }).isVisible(), { timeout: 15_000 }).toBe(true);
      await expectNoAxeViolations(page, '/people/new in a household');
      await fillPerson(page, { ...member, family, household: 'existing' });
      await save(page);
      await heading(page, `${member.given} ${family}`);
      await expectNoAxeViolations(page, `person page (${member.role})`);
    }

    await page.goto(`/households/${ids.household}`);
    await heading(page, householdName);
    const members = page.getByRole('table', { name: 'Medlemmer av husstanden' });
    await expect.poll(() => members.getByRole('rowheader').allTextContents()).toEqual([`Yusuf ${family}`, `Layla ${family}`, `Omar ${family}`, `Sara ${family}`]);
    const roles = await members.getByRole('row').evaluateAll((rows) => rows.slice(1).map((r) => r.querySelectorAll('td')[0]?.textContent));
    expect(roles).toEqual(['Hovedperson', 'Ektefelle eller samboer', 'Barn', 'Barn']);
    await expectNoAxeViolations(page, 'household with four members');
  });

  it('renames the household with the keyboard alone', { timeout: 60_000 }, async () => {
    const { page } = e;
    await page.goto(`/households/${ids.household}`);
    await heading(page, householdName);
    await page.getByRole('button', { name: 'Endre navnet' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Endre navnet' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await expectNoAxeViolations(page, 'rename dialog');
    // Focus is inside the dialog; Tab reaches the name field.
    for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement?.tagName === 'INPUT')); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(householdName);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(`${householdName} Nord`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Navnet på husstanden er endret.').isVisible(), { timeout: 15_000 }).toBe(true);
    await heading(page, `${householdName} Nord`);
    expect(await dialog.isVisible()).toBe(false);
    // Closing the dialog gives focus back to the button that opened it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Endre navnet');
    await expectNoAxeViolations(page, 'household after rename');
  });

  it('registers a family-reunified person with the reference person chosen in a search dialog', { timeout: 60_000 }, async () => {
    const { page } = e;
    await page.goto('/people/new');
    await heading(page, 'Registrer person');
    await fillPerson(page, { given: 'Amina', family, birthDate: '1960-08-08', sex: 'female', arrival: 'family_reunified' });
    await page.getByRole('button', { name: 'Velg referanseperson' }).click();
    const dialog = page.getByRole('dialog', { name: 'Velg referanseperson' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await dialog.getByRole('searchbox').focus();
    await page.keyboard.type(`Yusuf ${family}`);
    await page.keyboard.press('Enter');
    const choose = dialog.getByRole('button', { name: `Velg Yusuf ${family}` });
    await expect.poll(() => choose.isVisible(), { timeout: 15_000 }).toBe(true);
    await expectNoAxeViolations(page, 'reference person dialog');
    await choose.click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByText(`Valgt referanseperson: Yusuf ${family}`).isVisible()).toBe(true);
    await save(page);
    await heading(page, `Amina ${family}`);
    expect(await page.getByRole('link', { name: 'Gå til referansepersonen' }).getAttribute('href')).toBe(`/people/${ids.head}`);
  });

  it('warns about a likely duplicate and saves only after "register anyway"', { timeout: 60_000 }, async () => {
    const { page } = e;
    await page.goto('/people/new');
    await heading(page, 'Registrer person');
    // Another spelling of the head of the family, with the same birth date.
    await page.getByRole('textbox', { name: 'Fornavn', exact: true }).fill('Yousef');
    await page.getByRole('textbox', { name: 'Etternavn', exact: true }).fill(family);
    await page.getByLabel('Fødselsdato', { exact: true }).fill('1984-06-15');
    await page.getByRole('combobox', { name: 'Kjønn', exact: true }).selectOption('male');
    await page.getByRole('button', { name: 'Registrer person', exact: true }).click();
    const warning = page.getByRole('heading', { name: 'Mulige dubletter' });
    await expect.poll(() => warning.isVisible(), { timeout: 15_000 }).toBe(true);
    const link = page.getByRole('link', { name: new RegExp(`Yusuf ${family}`) });
    expect(await link.getAttribute('href')).toBe(`/people/${ids.head}`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(new URL(page.url()).pathname).toBe('/people/new');
    await expectNoAxeViolations(page, 'likely duplicates');
    await page.getByRole('button', { name: 'Registrer likevel' }).click();
    await page.waitForURL(PERSON_PATH);
    await heading(page, `Yousef ${family}`);
    await expectNoAxeViolations(page, 'person page after "register anyway"');
  });

  it('finds a person by another spelling, and by id number, without either in the URL', { timeout: 90_000 }, async () => {
    const { page } = e;
    await page.goto('/people/new');
    await heading(page, 'Registrer person');
    await fillPerson(page, { given: 'Muhammed', family: `Alhasan${suffix}`, birthDate: '1979-11-30', sex: 'male' });
    ids.alhasan = await save(page);

    await page.goto('/people');
    await heading(page, 'Personer');
    await searchWithKeyboard(page, `Mohammad Al-Hassan${suffix}`);
    const results = page.getByRole('table', { name: /Person \d+–\d+ av \d+/ });
    await expect.poll(() => results.getByRole('link', { name: `Muhammed Alhasan${suffix}`, exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/people');
    expect(page.url()).not.toMatch(/\?|#/);
    await expectNoAxeViolations(page, 'search results');

    await searchWithKeyboard(page, headId);
    await expect.poll(() => results.getByRole('link', { name: `Yusuf ${family}`, exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => results.getByRole('rowheader').count()).toBe(1);
    expect(page.url()).not.toContain(headId);

    // Open the person from the list and come back: the search is still there, from memory.
    // Open the person with the keyboard: focus the link, press Enter; focus lands on the new page's heading.
    await results.getByRole('link', { name: `Yusuf ${family}`, exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(PERSON_PATH);
    await heading(page, `Yusuf ${family}`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/people');
    await expect.poll(() => page.getByRole('searchbox').inputValue()).toBe(headId);

    // Filters go in the body too.
    await page.getByRole('combobox', { name: 'Ankomstkategori' }).selectOption('resettlement');
    await page.getByRole('combobox', { name: 'Bosettingsår' }).selectOption('2024');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await expect.poll(() => results.getByRole('link', { name: `Yusuf ${family}`, exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(page.url()).toMatch(/\/people$/);
  });

  it('the person page shows the history and who has looked; an edit with a stale version offers to reload', { timeout: 90_000 }, async () => {
    const { page } = e;
    await page.goto(`/people/${ids.alhasan}`);
    await heading(page, `Muhammed Alhasan${suffix}`);
    await page.getByRole('button', { name: 'Vis endringshistorikken' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Endringer, de nyeste først' }).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByText(`Etternavn: (tomt) → Alhasan${suffix}`).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Vis hvem som har sett på journalen' }).click();
    const log = page.getByRole('table', { name: 'Innsyn i journalen, det nyeste først' });
    await expect.poll(() => log.isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => log.getByText('Ingrid Rådgiver').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'person page with history and access log');

    await page.getByRole('link', { name: 'Endre personopplysninger' }).click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}\/edit$/);
    await heading(page, 'Endre personopplysninger');
    await expectNoAxeViolations(page, 'edit form');

    // Someone else saves a change while the form is open.
    await page.evaluate(async (id) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const person = (await (await fetch(`/api/persons/${id}`)).json()) as { version: number; identity: Record<string, unknown>; settlement: Record<string, unknown> };
      const { householdId, ...identity } = person.identity;
      const body = { person: { ...identity, ...person.settlement, previousMunicipality: 'Bergen' }, householdId, version: person.version };
      const res = await fetch(`/api/persons/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`update failed: ${res.status} ${await res.text()}`);
    }, ids.alhasan!);

    await page.getByRole('textbox', { name: 'Tidligere bostedskommune' }).fill('Stavanger');
    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await expect.poll(() => page.getByText(/Noen andre har endret dette etter at du åpnet det/).isVisible(), { timeout: 15_000 }).toBe(true);
    await expectNoAxeViolations(page, 'edit form with a version conflict');
    await page.getByRole('button', { name: 'Last inn på nytt' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Tidligere bostedskommune' }).inputValue(), { timeout: 15_000 }).toBe('Bergen');
    await expect.poll(() => page.getByText('Du ser nå den nyeste versjonen. Gjør endringene dine på nytt.').isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Tidligere bostedskommune' }).fill('Stavanger');
    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.waitForURL(PERSON_PATH);
    await expect.poll(() => page.getByText('Endringene er lagret.').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByText('Stavanger').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'person page after edit');
  });

  it('a NAV user cannot open a person outside their team, and can once NAV is on the team', { timeout: 120_000 }, async () => {
    const { page } = e;
    await signOut(page);
    await signInWithKeyboard(page, 'nav@demo.eidor.no');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(`/people/${ids.alhasan}`);
    await heading(page, 'Fant ikke personen, eller du har ikke tilgang');
    expect(await page.getByText(`Alhasan${suffix}`).count()).toBe(0);
    await expectNoAxeViolations(page, 'person not found (NAV)');
    await page.goto(`/households/${ids.household}`);
    await heading(page, 'Fant ikke husstanden, eller du har ikke tilgang');
    await expectNoAxeViolations(page, 'household not found (NAV)');
    await signOut(page);

    await signInWithKeyboard(page, 'advisor@demo.eidor.no');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(`/people/${ids.alhasan}`);
    await heading(page, `Muhammed Alhasan${suffix}`);
    await page.getByRole('button', { name: 'Endre teamet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Endre teamet' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // Let the dialog finish fading in: mid-fade its text is paler than it will be.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await expectNoAxeViolations(page, 'team dialog');
    await dialog.getByRole('checkbox', { name: 'NAV Demo' }).check();
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await expect.poll(() => page.getByText('Teamet er lagret.').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'NAV Demo' }).isVisible()).toBe(true);
    await signOut(page);

    await signInWithKeyboard(page, 'nav@demo.eidor.no');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(`/people/${ids.alhasan}`);
    await heading(page, `Muhammed Alhasan${suffix}`);
    // NAV reads identity, not settlement data, and may not change the team.
    expect(await page.getByRole('heading', { name: 'Bosetting', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Endre teamet' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'person page (NAV)');
    await page.goto('/people');
    await heading(page, 'Personer');
    expect(await page.getByRole('link', { name: 'Registrer person' }).count()).toBe(0);
    await searchWithKeyboard(page, `Muhammed Alhasan${suffix}`);
    await expect.poll(() => page.getByRole('link', { name: `Muhammed Alhasan${suffix}`, exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
    await expectNoAxeViolations(page, '/people (NAV)');
  });

  it('no name or id number searched for or typed ever reached a URL, the history state or browser storage', async () => {
    const { page } = e;
    const urls = e.requests.join('\n');
    for (const secret of secrets) {
      expect(urls, secret).not.toContain(secret);
      expect(urls, secret).not.toContain(encodeURIComponent(secret));
    }
    const browserState = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, history: history.state as unknown }));
    for (const secret of secrets) expect(browserState, secret).not.toContain(secret);
    // The server's log lines do not carry them either.
    const log = e.serverLog.join('').split('\n').filter((l) => l.startsWith('{')).join('\n');
    for (const secret of secrets) expect(log, secret).not.toContain(secret);
  });
});
