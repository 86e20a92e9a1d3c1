import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DwellingView, PersonSummary } from '@eidor/contract';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { DwellingPage, type DwellingPageProps } from './DwellingPage.tsx';
import { DwellingsPage } from './DwellingsPage.tsx';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const dwelling: DwellingView = {
  id: uuid(1),
  address: 'Storgata 1',
  postalCode: '8300',
  kind: 'municipal',
  rooms: 3,
  sizeM2: 72,
  monthlyRent: 12500,
  landlord: 'Utleie AS',
  leaseStart: '2026-01-01',
  leaseEnd: '2027-01-31',
  status: 'active',
  note: null,
  version: 3,
  occupied: true,
  currentHouseholdId: uuid(2),
  currentHouseholdName: 'Husstanden Haile',
  leaseWarning: true,
  allocations: [{ id: uuid(10), dwellingId: uuid(1), householdId: uuid(2), householdName: 'Husstanden Haile', fromDate: '2026-12-01', toDate: null, version: 0 }],
  can: { edit: true },
};
const person: PersonSummary = { id: uuid(500), givenName: 'Amina', familyName: 'Ali', birthDate: '1990-01-01', sex: 'female', arrivalCategory: null, settlementDate: null, status: 'active', householdId: uuid(600), score: null };

async function renderPage(props: Partial<DwellingPageProps> = {}) {
  const p: DwellingPageProps = {
    dwelling,
    onUpdate: vi.fn(async () => dwelling),
    onAllocate: vi.fn(async () => dwelling),
    onEndAllocation: vi.fn(async () => dwelling),
    onSearchPeople: vi.fn(async () => [person]),
    onReload: vi.fn(async () => {}),
    ...props,
  };
  await renderWithRouter(() => <DwellingPage {...p} />, `/housing/${dwelling.id}`);
  return p;
}

async function allocate(from: string) {
  fireEvent.click(screen.getByRole('button', { name: 'Tildel bolig' }));
  const dialog = await screen.findByRole('dialog', { name: 'Tildel Storgata 1' });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Velg husstand' }));
  const search = await screen.findByRole('dialog', { name: 'Finn husstanden' });
  fireEvent.change(within(search).getByRole('searchbox'), { target: { value: 'Amina' } });
  fireEvent.submit(within(search).getByRole('searchbox').closest('form')!);
  fireEvent.click(await within(search).findByRole('button', { name: 'Velg husstanden til Amina Ali' }));
  fireEvent.change(within(dialog).getByLabelText('Fra og med'), { target: { value: from } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Tildel boligen' }));
  return dialog;
}

describe('DwellingPage', () => {
  it('shows the details, the lease warning in words, and who has lived there', async () => {
    await renderPage();
    await waitFor(() => expect(document.title).toBe('Bolig – Eidør'));
    expect(screen.getByText('Utleid')).toBeTruthy();
    expect(screen.getByText('12 500 kr')).toBeTruthy();
    expect(screen.getByText('Går snart ut')).toBeTruthy();
    expect(screen.getByText(/Leiekontrakten går ut innen 90 dager/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Husstander som har fått boligen, med periode' });
    expect(within(table).getByRole('row', { name: /Husstanden Haile/ }).textContent).toContain('Ingen sluttdato');
  });

  it('allocates to a household found through a member', async () => {
    const p = await renderPage();
    await allocate('2027-02-01');
    await waitFor(() => expect(p.onAllocate).toHaveBeenCalledWith({ householdId: uuid(600), fromDate: '2027-02-01', toDate: null }));
    expect(await screen.findByText('Boligen er tildelt.')).toBeTruthy();
  });

  it('shows an overlapping allocation on the start date, with the server’s dates', async () => {
    const onAllocate = vi.fn(async () => {
      throw new ApiError({ code: 'CONFLICT', status: 409, message: 'The dwelling is already allocated from 2026-12-01', fields: [{ path: 'fromDate', message: 'overlaps the allocation from 2026-12-01 (open-ended)' }] });
    });
    await renderPage({ onAllocate });
    const dialog = await allocate('2026-12-15');
    await waitFor(() => expect(within(dialog).getByLabelText('Fra og med').getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getAllByText('Boligen er allerede tildelt fra 01.12.2026, uten sluttdato. Avslutt den tildelingen først.').length).toBe(2);
    // The conflict is explained on the field: no second, vaguer message.
    expect(within(dialog).queryByText(/kommer i konflikt/)).toBeNull();
  });

  it('ends an allocation with its version', async () => {
    const p = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Avslutt tildelingen Husstanden Haile' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sluttdato for tildelingen' });
    fireEvent.change(within(dialog).getByLabelText('Til og med'), { target: { value: '2027-01-31' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(p.onEndAllocation).toHaveBeenCalledWith(dwelling.allocations[0], '2027-01-31'));
    expect(await screen.findByText('Sluttdatoen for tildelingen er lagret.')).toBeTruthy();
  });

  it('edits the dwelling; the server’s lease error lands on the lease end, a stale version offers to reload', async () => {
    let calls = 0;
    const onUpdate = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new ApiError({ code: 'VALIDATION', status: 400, message: 'x', fields: [{ path: 'leaseEnd', message: 'is before the end of the allocation from 2026-12-01' }] });
      throw new ApiError({ code: 'VERSION_CONFLICT', status: 409, message: 'Stale', requestId: 'r' });
    });
    const p = await renderPage({ onUpdate });
    fireEvent.click(screen.getByRole('button', { name: 'Endre boligen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre boligen' });
    // happy-dom does not select the option react-hook-form sets (Chromium does; see the browser tests).
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Type bolig' }), { target: { value: 'municipal' } });
    fireEvent.change(within(dialog).getByLabelText('Leiekontrakten slutter', { exact: false }), { target: { value: '2026-12-15' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(within(dialog).getByLabelText('Leiekontrakten slutter', { exact: false }).getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getAllByText('Leiekontrakten kan ikke slutte før tildelingen fra 01.12.2026 er slutt.').length).toBe(2);
    expect(onUpdate).toHaveBeenCalledWith(expect.objectContaining({ address: 'Storgata 1', monthlyRent: 12500, leaseEnd: '2026-12-15', landlord: 'Utleie AS' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Last inn på nytt' }));
    await waitFor(() => expect(p.onReload).toHaveBeenCalledTimes(1));
    expect(await within(dialog).findByText('Du ser nå den nyeste versjonen. Gjør endringene dine på nytt.')).toBeTruthy();
  });
});

describe('DwellingsPage', () => {
  it('lists dwellings with occupancy and lease warnings in words, and adds one', async () => {
    const { allocations: _a, ...summary } = dwelling;
    const onCreate = vi.fn(async () => {});
    await renderWithRouter(
      () => <DwellingsPage list={{ items: [summary, { ...summary, id: uuid(3), address: 'Kaia 2', occupied: false, currentHouseholdId: null, currentHouseholdName: null, leaseWarning: false, leaseEnd: null, kind: 'waiting' }], can: { create: true } }} onCreate={onCreate} />,
      '/housing',
    );
    const table = screen.getByRole('table');
    // Numbers are formatted with non-breaking spaces.
    const row = (name: string) => within(table).getByRole('rowheader', { name }).closest('tr')!.textContent!.replace(/\s/g, ' ');
    expect(row('Storgata 1')).toBe('Storgata 1Kommunal bolig312 500 krUtleie AS01.01.2026–31.01.2027 Går snart utUtleidHusstanden Haile');
    expect(row('Kaia 2')).toBe('Kaia 2Ventebolig312 500 krUtleie ASFra 01.01.2026Ledig–');
    fireEvent.click(screen.getByRole('button', { name: 'Ny bolig' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny bolig' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Legg til bolig' }));
    expect((await within(dialog).findAllByText('Du må fylle ut adresse.')).length).toBe(2);
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Adresse' }), { target: { value: 'Sjøgata 4' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Type bolig' }), { target: { value: 'waiting' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Rom' }), { target: { value: '2' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Husleie per måned' }), { target: { value: '9 125' } });
    fireEvent.change(within(dialog).getByLabelText('Leiekontrakten starter'), { target: { value: '2026-01-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Legg til bolig' }));
    await waitFor(() => expect(onCreate).toHaveBeenCalledWith(expect.objectContaining({ address: 'Sjøgata 4', kind: 'waiting', rooms: 2, monthlyRent: 9125, leaseStart: '2026-01-01', leaseEnd: null, status: 'active' })));
  });
});
