import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CaseView, PersonSummary, PipelineItem, ResponseOf } from '@eidor/contract';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { PipelinePage, type PipelinePageProps } from './PipelinePage.tsx';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const item = (n: number, o: Partial<PipelineItem> = {}): PipelineItem => ({
  id: uuid(n),
  householdId: uuid(100 + n),
  householdName: `Husstanden ${n}`,
  imdiReference: `FL-${n}`,
  memberCount: 3,
  stage: 'offered',
  nextStep: 'respond_to_offer',
  nextStepDue: '2026-11-16',
  overdue: true,
  offeredDate: '2026-11-02',
  plannedArrivalDate: null,
  timing: { targetMonths: 3, permitDate: '2026-09-01', targetDate: '2026-12-01', settledOn: null, days: 83, status: 'within' },
  ...o,
});
const pipeline: ResponseOf<'listPipeline'> = {
  items: [item(1), item(2, { stage: 'settled', nextStep: 'register_in_population_register', nextStepDue: '2026-12-09', overdue: false, memberCount: 1 })],
  counts: { offered: 1, accepted: 0, declined: 0, imdi_decided: 0, arrival_planned: 0, dwelling_assigned: 0, settled: 1, registered: 4 },
  can: { edit: true, import: true },
};
const person: PersonSummary = { id: uuid(500), givenName: 'Amina', familyName: 'Ali', birthDate: '1990-01-01', sex: 'female', arrivalCategory: null, settlementDate: null, status: 'active', householdId: uuid(600), score: null };

async function renderPage(props: Partial<PipelinePageProps> = {}) {
  const p: PipelinePageProps = {
    filter: { stage: undefined, includeFinished: false },
    view: 'board',
    pipeline,
    loading: false,
    error: null,
    onFilter: vi.fn(),
    onView: vi.fn(),
    onSearchPeople: vi.fn(async () => [person, { ...person, id: uuid(501), givenName: 'Uten', householdId: null }]),
    onCreate: vi.fn(async () => ({}) as CaseView),
    ...props,
  };
  await renderWithRouter(() => <PipelinePage {...p} />, '/settlement/pipeline');
  return p;
}

describe('PipelinePage', () => {
  it('shows a board with a column per stage and cards with next step, overdue and IMDi’s target in words', async () => {
    await renderPage();
    const columns = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(columns).toEqual(['Tilbudt (1)', 'Takket ja (0)', 'Takket nei (0)', 'Vedtak fra IMDi (0)', 'Ankomst avtalt (0)', 'Bolig tildelt (0)', 'Bosatt (1)', 'Registrert i Folkeregisteret (0)']);
    const card = screen.getByRole('link', { name: 'Husstanden 1' }).closest('li')!;
    expect(within(card).getByText('3 personer · IMDi-ref. FL-1')).toBeTruthy();
    expect(card.textContent).toContain('Svar IMDi på tilbudet om bosetting – frist 16.11.2026 Forfalt');
    expect(card.textContent).toContain('Innenfor målet 83 dager siden oppholdstillatelsen. IMDis mål er 3 måneder, innen 01.12.2026.');
    expect(screen.getByRole('link', { name: 'Husstanden 1' }).getAttribute('href')).toBe(`/settlement/cases/${uuid(1)}`);
    // The stage filter counts every stage, also those not shown.
    expect(within(screen.getByRole('combobox', { name: 'Steg' })).getByRole('option', { name: 'Registrert i Folkeregisteret (4)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Importer fordelingsliste' }).getAttribute('href')).toBe('/settlement/import');
  });

  it('shows the same households as a list, and passes the filters on', async () => {
    const p = await renderPage({ view: 'list' });
    const table = screen.getByRole('table', { name: 'Husstander i bosettingsløpet, neste frist først' });
    expect(within(table).getAllByRole('rowheader').map((r) => r.textContent)).toEqual(['Husstanden 1', 'Husstanden 2']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Steg' }), { target: { value: 'settled' } });
    expect(p.onFilter).toHaveBeenLastCalledWith({ stage: 'settled', includeFinished: false });
    fireEvent.click(screen.getByRole('switch', { name: 'Vis også avsluttede husstander' }));
    expect(p.onFilter).toHaveBeenLastCalledWith({ stage: undefined, includeFinished: true });
    fireEvent.click(screen.getByRole('radio', { name: 'Tavle' }));
    expect(p.onView).toHaveBeenLastCalledWith('board');
  });

  it('starts a case for a household found through one of its members', async () => {
    const p = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Ny husstand i løpet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny husstand i bosettingsløpet' });
    fireEvent.change(within(dialog).getByLabelText('Dato på fordelingslisten'), { target: { value: '2026-11-20' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Legg til i bosettingsløpet' }));
    expect((await within(dialog).findAllByText('Du må velge husstand.')).length).toBe(2);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Velg husstand' }));
    const search = await screen.findByRole('dialog', { name: 'Finn husstanden' });
    fireEvent.change(within(search).getByRole('searchbox'), { target: { value: 'Amina' } });
    fireEvent.submit(within(search).getByRole('searchbox').closest('form')!);
    // Someone without a household cannot be chosen.
    expect(await within(search).findByText('Ingen husstand')).toBeTruthy();
    fireEvent.click(within(search).getByRole('button', { name: 'Velg husstanden til Amina Ali' }));
    expect(await within(dialog).findByText('Husstanden til Amina Ali')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'IMDi-referanse' }), { target: { value: 'FL-77' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Legg til i bosettingsløpet' }));
    await waitFor(() => expect(p.onCreate).toHaveBeenCalledWith({ householdId: uuid(600), imdiReference: 'FL-77', offeredDate: '2026-11-20' }));
  });

  it('says on the household when it is already in the pipeline', async () => {
    const onCreate = vi.fn(async () => {
      throw new ApiError({ code: 'CONFLICT', status: 409, message: 'The household is already in the pipeline', fields: [{ path: 'householdId', message: 'already has a settlement case' }] });
    });
    await renderPage({ onCreate, initialHousehold: { id: uuid(600), name: 'Familien Ali' } });
    const dialog = await screen.findByRole('dialog', { name: 'Ny husstand i bosettingsløpet' });
    expect(within(dialog).getByText('Familien Ali')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Dato på fordelingslisten'), { target: { value: '2026-11-20' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Legg til i bosettingsløpet' }));
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Bytt husstand' }).getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getAllByText('Husstanden er allerede i bosettingsløpet.').length).toBe(2);
  });

  it('offers neither a new case nor an import to those who may only look', async () => {
    await renderPage({ pipeline: { ...pipeline, can: { edit: false, import: false } } });
    expect(screen.queryByRole('button', { name: 'Ny husstand i løpet' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Importer fordelingsliste' })).toBeNull();
  });
});
