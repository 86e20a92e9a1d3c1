import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { HouseholdPage, type HouseholdPageProps, type HouseholdView } from './HouseholdPage.tsx';

const H = '0b6f3c1e-8f55-4d5c-9b1f-3f4f5e6a7b8c';
const A = '5e0b1a2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c';
const B = '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

const household: HouseholdView = {
  id: H,
  name: 'Familien Alhasan',
  version: 1,
  members: [
    { id: A, givenName: 'Muhammed', familyName: 'Alhasan', birthDate: '1985-03-14', sex: 'male', arrivalCategory: 'resettlement', settlementDate: null, status: 'active', householdId: H, score: null, householdRole: 'head' },
    { id: B, givenName: 'Lina', familyName: 'Alhasan', birthDate: '2016-01-20', sex: 'female', arrivalCategory: 'resettlement', settlementDate: null, status: 'active', householdId: H, score: null, householdRole: 'child' },
  ],
  can: { edit: true },
};

async function renderPage(props: Partial<HouseholdPageProps> = {}) {
  const p: HouseholdPageProps = {
    household,
    canRegister: true,
    onRename: vi.fn(async (c) => ({ ...household, ...c, version: 2 })),
    onReload: vi.fn(async () => {}),
    today: '2025-06-01',
    ...props,
  };
  await renderWithRouter(() => <HouseholdPage {...p} />, `/households/${H}`);
  return p;
}

describe('HouseholdPage', () => {
  it('lists the members with their roles and ages, each a link; the title does not name the family', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { level: 1 }).querySelector('bdi')?.textContent).toBe('Familien Alhasan');
    await waitFor(() => expect(document.title).toBe('Husstand – Eidør'));
    const table = screen.getByRole('table', { name: 'Medlemmer av husstanden' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent))).toEqual([
      ['Muhammed Alhasan', 'Hovedperson', '14.03.1985', '40 år', 'Aktiv'],
      ['Lina Alhasan', 'Barn', '20.01.2016', '9 år', 'Aktiv'],
    ]);
    expect(within(table).getByRole('link', { name: 'Lina Alhasan' }).getAttribute('href')).toBe(`/people/${B}`);
    expect(screen.getByRole('link', { name: 'Legg til person i husstanden' }).getAttribute('href')).toBe(`/people/new?household=${H}`);
  });

  it('puts the household in the settlement pipeline for those who run it (the id in the address, never the name)', async () => {
    await renderPage({ canStartSettlement: true });
    expect(screen.getByRole('link', { name: 'Legg til i bosettingsløpet' }).getAttribute('href')).toBe(`/settlement/pipeline?household=${H}`);
  });

  it('offers neither adding nor renaming to those who may not', async () => {
    await renderPage({ canRegister: false, household: { ...household, can: { edit: false } } });
    expect(screen.queryByRole('link', { name: 'Legg til person i husstanden' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Endre navnet' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Legg til i bosettingsløpet' })).toBeNull();
  });

  it('renames with the version; a stale one offers to reload', async () => {
    let calls = 0;
    const onRename = vi.fn(async (c: { name: string }) => {
      if (++calls === 1) throw new ApiError({ code: 'VERSION_CONFLICT', status: 409, message: 'Stale', requestId: 'r' });
      return { ...household, ...c, version: 2 };
    });
    const p = await renderPage({ onRename });
    fireEvent.click(screen.getByRole('button', { name: 'Endre navnet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre navnet' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Navn på husstanden' }), { target: { value: 'Familien Al-Hasan' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Last inn på nytt' }));
    await waitFor(() => expect(p.onReload).toHaveBeenCalledTimes(1));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(onRename).toHaveBeenCalledTimes(2));
    expect(onRename).toHaveBeenLastCalledWith({ name: 'Familien Al-Hasan' });
    expect((await screen.findByRole('status')).textContent).toBe('Navnet på husstanden er endret.');
  });
});
