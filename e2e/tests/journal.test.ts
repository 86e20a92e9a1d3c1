import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, heading, signIn, signOut, startE2E, visible, type E2E } from '../harness.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => e?.close());

const suffix = Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const family = `Haddad${suffix}`;

/** Registered through the API as the advisor: a person who needs an Arabic interpreter. */
async function registerPerson(page: Page): Promise<string> {
  return page.evaluate(async (family) => {
    const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
    const res = await fetch('/api/persons', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ person: { givenName: 'Amina', familyName: family, birthDate: '1990-05-01', sex: 'female', languages: ['ar'], interpreterNeeded: true, interpreterLanguage: 'ar' } }),
    });
    if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }, family);
}

async function openJournal(page: Page, personId: string): Promise<void> {
  await page.goto(`/people/${personId}`);
  await heading(page, `Amina ${family}`);
  await page.getByRole('link', { name: 'Åpne journalen' }).click();
  await heading(page, `Journal: Amina ${family}`);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(256)]);

describe('journal, interpreters and documents in Chromium', () => {
  it('the advisor writes and corrects a note, records an interpreter, uploads and downloads a document; the health worker keeps health notes to health', { timeout: 300_000 }, async () => {
    const { page } = e;
    await signIn(page, 'advisor@demo.eidor.no');
    const personId = await registerPerson(page);
    await openJournal(page, personId);
    await visible(page.getByText('Personen har behov for tolk på arabisk.'));
    await expectNoAxeViolations(page, 'empty journal');

    // An empty note is refused on its field; then a note of a meeting is saved.
    const notes = page.getByRole('form', { name: 'Nytt notat' });
    await notes.getByRole('button', { name: 'Lagre notatet' }).click();
    await visible(notes.getByText('Skriv teksten.').first());
    await expectNoAxeViolations(page, 'note form with an error');
    await notes.getByRole('combobox', { name: 'Kategori' }).selectOption({ label: 'Introduksjonsprogram' });
    await notes.getByRole('textbox', { name: 'Notat' }).fill('Kartleggingssamtale om norskopplæring.');
    await notes.getByLabel('Dato for møte eller samtale (valgfritt)').fill('2026-11-02');
    await notes.getByRole('button', { name: 'Lagre notatet' }).click();
    await visible(page.getByRole('status').getByText('Notatet er lagret.'));
    await visible(page.getByText('Kartleggingssamtale om norskopplæring.', { exact: true }));
    await visible(page.getByRole('heading', { name: 'Møter uten tolk' }));

    // The person's page shows the newest notes (and the open referrals) in the same read.
    await page.getByRole('link', { name: 'Tilbake til personen' }).click();
    await heading(page, `Amina ${family}`);
    const newest = page.getByRole('list', { name: 'De nyeste notatene (1 av 1)' });
    await visible(newest.getByText('Kartleggingssamtale om norskopplæring.', { exact: true }));
    await visible(newest.getByText(/^Introduksjonsprogram, 02\.11\.2026, /));
    await visible(page.getByText('Ingen åpne henvisninger.'));
    await expectNoAxeViolations(page, 'person page with its newest note');
    await page.getByRole('link', { name: 'Åpne journalen' }).click();
    await heading(page, `Journal: Amina ${family}`);

    // The meeting gets its interpreter, linked to the note: the warning goes away.
    const interp = page.getByRole('form', { name: 'Registrer tolkebruk' });
    await interp.getByLabel('Dato', { exact: true }).fill('2026-11-02');
    await interp.getByRole('textbox', { name: 'Møte eller samtale' }).fill('Kartleggingssamtale');
    await interp.getByRole('combobox', { name: 'Kvalifikasjon' }).selectOption('category_2');
    await interp.getByRole('button', { name: 'Registrer tolkebruk' }).click();
    await visible(interp.getByText('Oppgi tolkens navn eller nummer i tolkeregisteret.').first());
    await interp.getByRole('textbox', { name: 'Nummer i Nasjonalt tolkeregister' }).fill('12345');
    await interp.getByRole('combobox', { name: 'Oppmøte' }).selectOption('remote');
    await interp.getByRole('combobox', { name: 'Kategori' }).selectOption({ label: 'Introduksjonsprogram' });
    await interp.getByRole('combobox', { name: 'Knytt til notat (valgfritt)' }).selectOption({ index: 1 });
    await interp.getByRole('button', { name: 'Registrer tolkebruk' }).click();
    await visible(page.getByRole('table', { name: 'Registrert tolkebruk' }).getByRole('cell', { name: 'Skjerm eller telefon' }));
    await expect.poll(() => page.getByRole('heading', { name: 'Møter uten tolk' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'journal with a note and an interpreter');

    // A booking made before the interpreter is known, marked as used afterwards in a dialog; the change is kept.
    await interp.getByLabel('Dato', { exact: true }).fill('2026-11-16');
    await interp.getByRole('textbox', { name: 'Møte eller samtale' }).fill('Oppfølgingssamtale');
    await interp.getByRole('combobox', { name: 'Bestilt eller brukt' }).selectOption('booked');
    await interp.getByRole('button', { name: 'Registrer tolkebruk' }).click();
    const interpreters = page.getByRole('table', { name: 'Registrert tolkebruk' });
    await visible(interpreters.getByRole('cell', { name: 'Ikke kjent ennå' }));
    await interpreters.getByRole('button', { name: 'Registrer som brukt' }).click();
    const used = page.getByRole('dialog', { name: 'Registrer tolken som brukt' });
    await visible(used);
    await used.getByRole('button', { name: 'Lagre som brukt' }).click();
    await visible(used.getByText('Oppgi tolkens navn eller nummer i tolkeregisteret.').first());
    await expectNoAxeViolations(page, 'mark-as-used dialog with an error');
    await used.getByRole('textbox', { name: 'Tolkens navn' }).fill('Samir K.');
    await used.getByRole('combobox', { name: 'Kvalifikasjon' }).selectOption('category_3');
    await used.getByRole('button', { name: 'Lagre som brukt' }).click();
    await visible(page.getByRole('status').getByText('Tolkebruken er registrert som brukt.'));
    await expect.poll(() => interpreters.getByRole('button', { name: 'Registrer som brukt' }).count()).toBe(0);
    await interpreters.getByText('Endringer (1)').click();
    await visible(interpreters.getByText('Status: Bestilt → Brukt'));
    await visible(interpreters.getByText('Navn: tomt → Samir K.'));
    await expectNoAxeViolations(page, 'journal with a booking marked as used and its history');

    // Correct the note in the dialog: the old text stays in the history.
    await page.getByRole('button', { name: 'Rett notatet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rett notatet' });
    await visible(dialog);
    await dialog.getByRole('textbox', { name: 'Ny tekst' }).fill('Kartleggingssamtale om norskopplæring og arbeid.');
    await dialog.getByRole('button', { name: 'Lagre rettingen' }).click();
    await visible(dialog.getByText('Skriv hvorfor du retter notatet.').first());
    await expectNoAxeViolations(page, 'correction dialog with an error');
    await dialog.getByRole('textbox', { name: 'Grunn til rettingen' }).fill('Manglet arbeid');
    await dialog.getByRole('button', { name: 'Lagre rettingen' }).click();
    await visible(page.getByRole('status').getByText('Rettingen er lagret som en ny versjon.'));
    await page.getByText('Historikk (2 versjoner)').click();
    await visible(page.getByText('Kartleggingssamtale om norskopplæring.', { exact: true }));

    // Documents: an executable named .pdf is refused, a real PDF is stored and downloaded.
    const upload = page.getByRole('form', { name: 'Last opp dokument' });
    await upload.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'vedtak.pdf', mimeType: 'application/pdf', buffer: ELF });
    await upload.getByRole('button', { name: 'Last opp' }).click();
    await visible(upload.getByText(/Filen er et program/).first());
    await expectNoAxeViolations(page, 'upload refused');
    await upload.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'kartlegging.pdf', mimeType: 'application/pdf', buffer: PDF });
    await upload.getByRole('combobox', { name: 'Kategori' }).selectOption({ label: 'Introduksjonsprogram' });
    await upload.getByRole('button', { name: 'Last opp' }).click();
    const docs = page.getByRole('table', { name: 'Dokumenter' });
    await visible(docs.getByRole('rowheader', { name: 'kartlegging.pdf' }));
    const [download] = await Promise.all([page.waitForEvent('download'), docs.getByRole('button', { name: 'Last ned kartlegging.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('kartlegging.pdf');
    expect(readFileSync((await download.path())!).equals(PDF)).toBe(true);
    await expectNoAxeViolations(page, 'journal with a document');
    await signOut(page);

    // The health worker writes a health note; only health categories are offered.
    await signIn(page, 'health@demo.eidor.no');
    await openJournal(page, personId);
    const healthNotes = page.getByRole('form', { name: 'Nytt notat' });
    expect(await healthNotes.getByRole('combobox', { name: 'Kategori' }).locator('option').allTextContents()).toEqual(['Helse']);
    await healthNotes.getByRole('textbox', { name: 'Notat' }).fill('Helsekartlegging gjennomført.');
    await healthNotes.getByRole('button', { name: 'Lagre notatet' }).click();
    await visible(page.getByText('Helsekartlegging gjennomført.', { exact: true }));
    // The programme note and document are not the health worker's to see.
    expect(await page.getByText('Kartleggingssamtale om norskopplæring og arbeid.', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Dokumenter' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'journal as the health worker');
    await signOut(page);

    await signIn(page, 'advisor@demo.eidor.no');
    await openJournal(page, personId);
    await visible(page.getByText('Kartleggingssamtale om norskopplæring og arbeid.', { exact: true }));
    expect(await page.getByText('Helsekartlegging gjennomført.').count()).toBe(0);

    // No names in URLs: the file name travelled in a header, downloads go by id.
    expect(e.requests.filter((u) => u.includes(family) || u.includes('kartlegging'))).toEqual([]);
    expect(e.serverLog.filter((l) => l.includes(family) || l.includes('kartlegging.pdf'))).toEqual([]);
  });
});
