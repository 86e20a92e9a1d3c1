import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { JournalPage, type JournalPageProps, type JournalView } from './JournalPage.tsx';

const PERSON = '11111111-1111-4111-8111-111111111111';
const NOTE = '22222222-2222-4222-8222-222222222222';
const BOOKED = '44444444-4444-4444-8444-444444444444';
const USED = '55555555-5555-4555-8555-555555555555';

const interpreter = (over: Partial<JournalView['interpreters'][number]> = {}): JournalView['interpreters'][number] => ({
  id: BOOKED,
  date: '2026-11-09',
  category: 'programme',
  topic: 'Oppfølgingssamtale',
  language: 'ar',
  qualification: 'not_registered',
  status: 'booked',
  mode: 'on_site',
  interpreterName: null,
  registerNumber: null,
  noteId: null,
  createdAt: '2026-11-02T10:00:00.000Z',
  createdBy: 'Ingrid Rådgiver',
  cancelReason: null,
  version: 0,
  updatedAt: null,
  updatedBy: null,
  history: [],
  canChange: true,
  ...over,
});

const usedWithHistory = interpreter({
  id: USED,
  date: '2026-11-02',
  topic: 'Kartleggingssamtale',
  status: 'used',
  qualification: 'category_2',
  registerNumber: '12345',
  version: 1,
  updatedAt: '2026-11-02T14:00:00.000Z',
  updatedBy: 'Ingrid Rådgiver',
  history: [
    {
      version: 1,
      changedAt: '2026-11-02T14:00:00.000Z',
      changedBy: 'Ingrid Rådgiver',
      changes: [
        { field: 'status', from: 'booked', to: 'used' },
        { field: 'registerNumber', from: null, to: '12345' },
      ],
    },
  ],
});

const view = (over: Partial<JournalView> = {}): JournalView => ({
  personId: PERSON,
  can: { read: ['general', 'settlement', 'programme', 'economy'], write: ['general', 'settlement', 'programme', 'economy'] },
  notes: [
    {
      id: NOTE,
      category: 'programme',
      meetingDate: '2026-11-02',
      createdAt: '2026-11-02T10:00:00.000Z',
      createdBy: 'Ingrid Rådgiver',
      canCorrect: true,
      versions: [
        { version: 1, text: 'Starter i april.', reason: 'Feil dato', writtenAt: '2026-11-03T10:00:00.000Z', writtenBy: 'Ingrid Rådgiver' },
        { version: 0, text: 'Starter i mars.', reason: null, writtenAt: '2026-11-02T10:00:00.000Z', writtenBy: 'Ingrid Rådgiver' },
      ],
    },
  ],
  interpreters: [],
  documents: [
    { id: '33333333-3333-4333-8333-333333333333', category: 'general', fileName: 'vedtak.pdf', type: 'pdf', sizeBytes: 2048, uploadedAt: '2026-11-02T10:00:00.000Z', uploadedBy: 'Ingrid Rådgiver' },
  ],
  interpreterNeed: { needed: true, language: 'ar', meetingsWithoutInterpreter: [{ noteId: NOTE, date: '2026-11-02' }] },
  ...over,
});

async function renderPage(over: Partial<JournalPageProps> = {}) {
  const props: JournalPageProps = {
    personId: PERSON,
    personName: 'Amina Haddad',
    view: view(),
    onCreateNote: vi.fn(async () => {}),
    onCorrectNote: vi.fn(async () => {}),
    onCreateInterpreter: vi.fn(async () => {}),
    onUpdateInterpreter: vi.fn(async () => {}),
    onReload: vi.fn(async () => {}),
    onUpload: vi.fn(async () => {}),
    onDownload: vi.fn(async () => {}),
    ...over,
  };
  await renderWithRouter(() => <JournalPage {...props} />, `/people/${PERSON}/journal`);
  return props;
}

describe('JournalPage', () => {
  it('shows the current text, the history of corrections, the interpreter need and meetings without an interpreter', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Journal: Amina Haddad' })).toBeTruthy();
    expect(screen.getByText('Starter i april.')).toBeTruthy();
    expect(screen.getByText('Historikk (2 versjoner)')).toBeTruthy();
    expect(screen.getByText('Starter i mars.')).toBeTruthy();
    expect(screen.getByText(/Rettet .* av Ingrid Rådgiver: Feil dato/)).toBeTruthy();
    expect(screen.getByText('Personen har behov for tolk på arabisk.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Møter uten tolk' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Last ned vedtak.pdf' })).toBeTruthy();
  });

  it('offers only the writable categories, checks the text first and saves a note of a meeting', async () => {
    const props = await renderPage();
    const form = screen.getByRole('form', { name: 'Nytt notat' });
    const options = within(form).getByRole('combobox', { name: /Kategori/ }).querySelectorAll('option');
    expect([...options].map((o) => o.textContent)).toEqual(['Generelt', 'Bosetting', 'Introduksjonsprogram', 'Økonomi']);
    fireEvent.click(within(form).getByRole('button', { name: 'Lagre notatet' }));
    await waitFor(() => expect(within(form).getAllByText('Skriv teksten.').length).toBeGreaterThan(0));
    expect(props.onCreateNote).not.toHaveBeenCalled();
    fireEvent.change(within(form).getByRole('textbox', { name: 'Notat' }), { target: { value: 'Samtale om bolig.' } });
    fireEvent.change(within(form).getByLabelText(/Dato for møte/), { target: { value: '2026-11-05' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Lagre notatet' }));
    await waitFor(() => expect(props.onCreateNote).toHaveBeenCalledWith({ category: 'general', text: 'Samtale om bolig.', meetingDate: '2026-11-05' }));
    await screen.findByText('Notatet er lagret.');
  });

  it('says in plain words when the server refuses the category, on the category field', async () => {
    const onCreateNote = vi.fn(async () => {
      throw new ApiError({ code: 'FORBIDDEN', status: 403, message: 'no', fields: [{ path: 'category', message: 'your role may not write health data' }] });
    });
    await renderPage({ onCreateNote });
    const form = screen.getByRole('form', { name: 'Nytt notat' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Notat' }), { target: { value: 'x' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Lagre notatet' }));
    await waitFor(() => expect(within(form).getAllByText(/Du har ikke tilgang til å skrive i denne kategorien/).length).toBeGreaterThan(0));
  });

  it('an executable refused by the server is named as such on the file field; without write rights there is no form', async () => {
    const onUpload = vi.fn(async () => {
      throw new ApiError({ code: 'VALIDATION', status: 400, message: 'refused', fields: [{ path: 'file', message: 'it is a program (an executable file)' }] });
    });
    await renderPage({ onUpload });
    const form = screen.getByRole('form', { name: 'Last opp dokument' });
    fireEvent.click(within(form).getByRole('button', { name: 'Last opp' }));
    await waitFor(() => expect(within(form).getAllByText('Velg en fil.').length).toBeGreaterThan(0));
    const input = within(form).getByLabelText('Fil') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['MZ'], 'vedtak.pdf', { type: 'application/pdf' })] } });
    fireEvent.click(within(form).getByRole('button', { name: 'Last opp' }));
    await waitFor(() => expect(within(form).getAllByText(/Filen er et program/).length).toBeGreaterThan(0));
    expect(onUpload).toHaveBeenCalledOnce();
  });

  it('marks a booked interpreter as used in a dialog: the name or register number is checked first, the server field errors land beside the fields', async () => {
    let calls = 0;
    const onUpdateInterpreter = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new ApiError({ code: 'VALIDATION', status: 400, message: 'no', fields: [{ path: 'date', message: 'an interpreter cannot have been used on a date after today' }] });
    });
    const props = await renderPage({ onUpdateInterpreter, view: view({ interpreters: [interpreter(), usedWithHistory] }) });
    const table = screen.getByRole('table', { name: 'Registrert tolkebruk' });
    // Only the booked row has the actions; the used one shows its history.
    expect(within(table).getAllByRole('button', { name: 'Registrer som brukt' })).toHaveLength(1);
    expect(within(table).getByText('Ikke kjent ennå')).toBeTruthy();
    expect(within(table).getByText('Endringer (1)')).toBeTruthy();
    expect(within(table).getByText('Status: Bestilt → Brukt')).toBeTruthy();
    expect(within(table).getByText('Registernummer: tomt → 12345')).toBeTruthy();

    fireEvent.click(within(table).getByRole('button', { name: 'Registrer som brukt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Registrer tolken som brukt' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre som brukt' }));
    await waitFor(() => expect(within(dialog).getAllByText('Oppgi tolkens navn eller nummer i tolkeregisteret.').length).toBeGreaterThan(0));
    expect(within(dialog).getByRole('textbox', { name: 'Tolkens navn' }).getAttribute('aria-invalid')).toBe('true');
    expect(onUpdateInterpreter).not.toHaveBeenCalled();

    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Nummer i Nasjonalt tolkeregister' }), { target: { value: '4711' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Kvalifikasjon' }), { target: { value: 'category_3' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre som brukt' }));
    await waitFor(() => expect(within(dialog).getAllByText('Datoen kan ikke være etter i dag når tolken er brukt.').length).toBeGreaterThan(0));
    expect(within(dialog).getByLabelText('Dato').getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre som brukt' }));
    await waitFor(() =>
      expect(onUpdateInterpreter).toHaveBeenLastCalledWith(BOOKED, { version: 0, status: 'used', date: '2026-11-09', qualification: 'category_3', mode: 'on_site', interpreterName: null, registerNumber: '4711' }),
    );
    await screen.findByText('Tolkebruken er registrert som brukt.');
    expect(props.onReload).not.toHaveBeenCalled();
  });

  it('cancels a booking with a reason; a version conflict offers the latest data', async () => {
    const onUpdateInterpreter = vi.fn(async () => {
      throw new ApiError({ code: 'VERSION_CONFLICT', status: 409, message: 'changed' });
    });
    const props = await renderPage({ onUpdateInterpreter, view: view({ interpreters: [interpreter()] }) });
    fireEvent.click(screen.getByRole('button', { name: 'Avlys' }));
    const dialog = await screen.findByRole('dialog', { name: 'Avlys tolkebestillingen' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avlys bestillingen' }));
    await waitFor(() => expect(within(dialog).getAllByText('Skriv hvorfor bestillingen er avlyst.').length).toBeGreaterThan(0));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Grunn til avlysningen' }), { target: { value: 'Tolken meldte forfall' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avlys bestillingen' }));
    await waitFor(() => expect(onUpdateInterpreter).toHaveBeenCalledWith(BOOKED, { version: 0, status: 'cancelled', cancelReason: 'Tolken meldte forfall' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Last inn på nytt' }));
    await waitFor(() => expect(props.onReload).toHaveBeenCalledOnce());
  });

  it('a cancelled booking shows its reason and offers no actions', async () => {
    await renderPage({ view: view({ interpreters: [interpreter({ status: 'cancelled', cancelReason: 'Tolken meldte forfall', canChange: false, interpreterName: 'Samir K.' })] }) });
    const table = screen.getByRole('table', { name: 'Registrert tolkebruk' });
    expect(within(table).getByText('Avlyst')).toBeTruthy();
    expect(within(table).getByText('Grunn: Tolken meldte forfall')).toBeTruthy();
    expect(within(table).queryByRole('button')).toBeNull();
  });

  it('a reader without write rights sees no forms and no correct button', async () => {
    await renderPage({ view: view({ can: { read: ['general', 'programme'], write: [] }, notes: view().notes.map((n) => ({ ...n, canCorrect: false })) }) });
    expect(screen.queryByRole('form', { name: 'Nytt notat' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Rett notatet' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Last opp dokument' })).toBeNull();
  });
});
