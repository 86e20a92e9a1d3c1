import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { PersonSummary } from '@eidor/contract';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { ReunificationsPage, type ReunificationsPageProps, type ReunificationView } from './ReunificationsPage.tsx';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const SPONSOR = uuid(10);
const item = (n: number, o: Partial<ReunificationView> = {}): ReunificationView => ({
  id: uuid(n),
  sponsorPersonId: SPONSOR,
  sponsorName: 'Tesfay Gebre',
  sponsorFirstSettlement: '2020-03-01',
  expectedName: ['', 'Mebrat Gebre', 'Selam Gebre', 'Yonas Gebre', 'Ny Gebre'][n]!,
  relation: 'spouse',
  birthDate: null,
  applicationDate: '2025-06-01',
  expectedArrivalDate: '2027-01-15',
  status: 'expected',
  arrivedPersonId: null,
  note: null,
  grantLimitDate: '2025-03-01',
  grantLimitExceeded: true,
  version: 0,
  ...o,
});
const sponsor: PersonSummary = { id: SPONSOR, givenName: 'Tesfay', familyName: 'Gebre', birthDate: '1980-01-01', sex: 'male', arrivalCategory: 'reception_centre', settlementDate: '2020-03-01', status: 'active', householdId: null, score: null };

async function renderPage(props: Partial<ReunificationsPageProps> = {}) {
  const p: ReunificationsPageProps = {
    items: [item(1), item(2, { relation: 'child', applicationDate: '2024-06-01', grantLimitExceeded: false }), item(3, { applicationDate: null, grantLimitExceeded: null })],
    canEdit: true,
    onSearchPeople: vi.fn(async () => [sponsor]),
    onCreate: vi.fn(async (f) => item(4, { expectedName: f.expectedName })),
    onUpdate: vi.fn(async () => item(1)),
    onReload: vi.fn(async () => {}),
    ...props,
  };
  await renderWithRouter(() => <ReunificationsPage {...p} />, '/settlement/reunifications');
  return p;
}

const row = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!;

describe('ReunificationsPage', () => {
  it('flags the five-year limit in words, and says when it cannot be known', async () => {
    await renderPage();
    expect(within(row('Mebrat Gebre')).getByText('Over fem år')).toBeTruthy();
    expect(within(row('Mebrat Gebre')).getByText('Søknad mer enn fem år etter referansepersonens bosetting – utløser ikke integreringstilskudd')).toBeTruthy();
    expect(within(row('Selam Gebre')).getByText('Innenfor fem år (grensen er 01.03.2025)')).toBeTruthy();
    expect(within(row('Yonas Gebre')).getByText('Ukjent: mangler søknadsdato (grensen er 01.03.2025)')).toBeTruthy();
    expect(within(row('Mebrat Gebre')).getByRole('link', { name: 'Tesfay Gebre' }).getAttribute('href')).toBe(`/people/${SPONSOR}`);
  });

  it('records an expected family member with the sponsor chosen by search', async () => {
    const p = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Registrer ventet familiemedlem' }));
    const dialog = await screen.findByRole('dialog', { name: 'Registrer ventet familiemedlem' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect((await within(dialog).findAllByText('Du må velge referanseperson.')).length).toBe(2);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Velg referanseperson' }));
    const search = await screen.findByRole('dialog', { name: 'Velg referanseperson' });
    fireEvent.change(within(search).getByRole('searchbox'), { target: { value: 'Tesfay' } });
    fireEvent.submit(within(search).getByRole('searchbox').closest('form')!);
    fireEvent.click(await within(search).findByRole('button', { name: 'Velg Tesfay Gebre' }));
    expect(await within(dialog).findByText('Tesfay Gebre')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Navn på familiemedlemmet' }), { target: { value: 'Senait Gebre' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Relasjon til referansepersonen' }), { target: { value: 'child' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Status' }), { target: { value: 'expected' } });
    fireEvent.change(within(dialog).getByLabelText('Søknadsdato'), { target: { value: '2024-06-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() =>
      expect(p.onCreate).toHaveBeenCalledWith({
        sponsorPersonId: SPONSOR,
        expectedName: 'Senait Gebre',
        relation: 'child',
        birthDate: null,
        applicationDate: '2024-06-01',
        expectedArrivalDate: null,
        status: 'expected',
        arrivedPersonId: null,
        note: null,
      }),
    );
    expect(await screen.findByText('Senait Gebre er lagret.')).toBeTruthy();
  });

  it('edits with the version; the server’s field error lands on the person field, a conflict offers to reload', async () => {
    let calls = 0;
    const onUpdate = vi.fn(async () => {
      if (++calls === 1) throw new ApiError({ code: 'VALIDATION', status: 400, message: 'x', fields: [{ path: 'arrivedPersonId', message: 'is required when the family member has arrived (register them first)' }] });
      throw new ApiError({ code: 'VERSION_CONFLICT', status: 409, message: 'Stale', requestId: 'r' });
    });
    const p = await renderPage({ onUpdate });
    fireEvent.click(screen.getByRole('button', { name: 'Endre Mebrat Gebre' }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre ventet familiemedlem' });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Relasjon til referansepersonen' }), { target: { value: 'spouse' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Status' }), { target: { value: 'arrived' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Velg personen som har kommet' }).getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getAllByText('Når familiemedlemmet har kommet, må du velge personen (registrer hen først).').length).toBe(2);
    expect(onUpdate).toHaveBeenCalledWith(p.items[0], expect.objectContaining({ status: 'arrived', sponsorPersonId: SPONSOR }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Last inn på nytt' }));
    await waitFor(() => expect(p.onReload).toHaveBeenCalledTimes(1));
  });
});
