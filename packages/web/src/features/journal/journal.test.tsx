import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { JournalPage, type JournalPageProps, type JournalView } from './JournalPage.tsx';

const PERSON = '11111111-1111-4111-8111-111111111111';
const NOTE = '22222222-2222-4222-8222-222222222222';

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

  it('a reader without write rights sees no forms and no correct button', async () => {
    await renderPage({ view: view({ can: { read: ['general', 'programme'], write: [] }, notes: view().notes.map((n) => ({ ...n, canCorrect: false })) }) });
    expect(screen.queryByRole('form', { name: 'Nytt notat' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Rett notatet' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Last opp dokument' })).toBeNull();
  });
});
