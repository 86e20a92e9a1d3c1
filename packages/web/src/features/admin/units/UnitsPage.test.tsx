import '../../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { UnitView } from '@eidor/contract';
import { ApiError } from '../../../api/client.ts';
import { UnitsPage, type UnitsPageProps } from './UnitsPage.tsx';

const unit = (over: Partial<UnitView>): UnitView => ({
  id: '0b6f3c1e-8f55-4d5c-9b1f-3f4f5e6a7b8c',
  name: 'Flyktningtjenesten',
  kind: 'refugee_service',
  active: true,
  version: 1,
  can: { edit: true },
  ...over,
});

function renderPage(props: Partial<UnitsPageProps> = {}) {
  const all: UnitsPageProps = {
    municipalityName: 'Eidsvik kommune',
    units: [unit({}), unit({ id: '5e0b1a2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c', name: 'Sentrum skole', kind: 'school', active: false, can: { edit: false } })],
    canCreate: true,
    onCreate: vi.fn(async (u) => unit({ id: '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', ...u })),
    onUpdate: vi.fn(async (u, changes) => ({ ...u, ...changes, version: u.version + 1 })),
    onReload: vi.fn(async () => {}),
    ...props,
  };
  render(<UnitsPage {...all} />);
  return all;
}

describe('UnitsPage', () => {
  it('lists the units in a table with a caption, column and row headers, and translated kinds', () => {
    renderPage();
    const table = screen.getByRole('table', { name: 'Enheter i Eidsvik kommune' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Navn', 'Type', 'Status', 'Handlinger']);
    expect(within(table).getAllByRole('columnheader').every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    const school = within(table).getByRole('rowheader', { name: 'Sentrum skole' }).closest('tr');
    expect(school?.textContent).toContain('Skole');
    expect(school?.textContent).toContain('Inaktiv');
    // The server said this unit may not be edited, so there is no button for it.
    expect(screen.queryByRole('button', { name: 'Endre Sentrum skole' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Endre Flyktningtjenesten' })).toBeTruthy();
  });

  it('hides the create form when the server says the user may not create units', () => {
    renderPage({ canCreate: false });
    expect(screen.queryByRole('heading', { name: 'Ny enhet' })).toBeNull();
  });

  it('creates a unit and says so in a live region', async () => {
    const props = renderPage();
    fireEvent.change(screen.getByRole('textbox', { name: 'Navn' }), { target: { value: '  Voksenopplæringen ' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Type' }), { target: { value: 'adult_education' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opprett enhet' }));
    await waitFor(() => expect(props.onCreate).toHaveBeenCalledWith({ name: 'Voksenopplæringen', kind: 'adult_education' }));
    expect((await screen.findByRole('status')).textContent).toBe('Enheten «Voksenopplæringen» er opprettet.');
  });

  it('offers to reload when someone else changed the unit, and edits the latest version', async () => {
    const onUpdate = vi.fn(async () => {
      throw new ApiError({ code: 'VERSION_CONFLICT', status: 409, message: 'Stale version', requestId: 'req-9' });
    });
    const props = renderPage({ onUpdate });
    fireEvent.click(screen.getByRole('button', { name: 'Endre Flyktningtjenesten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Endre «Flyktningtjenesten»' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Navn' }), { target: { value: 'Flyktningkontoret' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

    expect(await within(dialog).findByText(/Noen andre har endret dette etter at du åpnet det/)).toBeTruthy();
    expect(onUpdate).toHaveBeenCalledWith(props.units[0], { name: 'Flyktningkontoret', kind: 'refugee_service', active: true });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Last inn på nytt' }));
    await waitFor(() => expect(props.onReload).toHaveBeenCalledTimes(1));
  });
});
