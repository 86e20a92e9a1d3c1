import '../../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { InviteUserForm } from './InviteUserForm.tsx';

const REFUGEE = '0b6f3c1e-8f55-4d5c-9b1f-3f4f5e6a7b8c';
const SCHOOL = '5e0b1a2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c';
const units = [
  { value: REFUGEE, label: 'Flyktningtjenesten' },
  { value: SCHOOL, label: 'Sentrum skole (Skole)' },
];

const row = (n: number) => screen.getByRole('group', { name: `Rolle ${n}` });
const choose = (n: number, field: 'Rolle' | 'Enhet', value: string) =>
  fireEvent.change(within(row(n)).getByRole('combobox', { name: field }), { target: { value } });

describe('InviteUserForm', () => {
  it('invites with several roles, each a role in a unit', async () => {
    const onSubmit = vi.fn(async () => {});
    render(<InviteUserForm unitOptions={units} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Navn' }), { target: { value: 'Siri Testesen' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'E-postadresse' }), { target: { value: 'siri@kommune.no' } });
    choose(1, 'Rolle', 'advisor');
    choose(1, 'Enhet', REFUGEE);
    fireEvent.click(screen.getByRole('button', { name: 'Legg til rolle' }));
    choose(2, 'Rolle', 'partner');
    choose(2, 'Enhet', SCHOOL);
    fireEvent.click(screen.getByRole('button', { name: 'Send invitasjon' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        name: 'Siri Testesen',
        email: 'siri@kommune.no',
        roles: [
          { role: 'advisor', unitId: REFUGEE },
          { role: 'partner', unitId: SCHOOL },
        ],
      }),
    );
  });

  it('names the row of a missing choice and a role given twice', async () => {
    const onSubmit = vi.fn(async () => {});
    render(<InviteUserForm unitOptions={units} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Navn' }), { target: { value: 'Siri Testesen' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'E-postadresse' }), { target: { value: 'siri@kommune.no' } });
    choose(1, 'Rolle', 'advisor');
    choose(1, 'Enhet', REFUGEE);
    fireEvent.click(screen.getByRole('button', { name: 'Legg til rolle' }));
    fireEvent.click(screen.getByRole('button', { name: 'Legg til rolle' }));
    choose(2, 'Rolle', 'advisor');
    choose(2, 'Enhet', REFUGEE);
    choose(3, 'Rolle', 'leader');
    fireEvent.click(screen.getByRole('button', { name: 'Send invitasjon' }));

    const summary = await screen.findByRole('group', { name: 'For å gå videre må du rette opp dette:' });
    // In the order of the form.
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Rolle 2 er den samme som rolle 1. Fjern den ene.',
      'Du må velge enhet (rad 3).',
    ]);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('lists the errors in the order of the form', async () => {
    render(<InviteUserForm unitOptions={units} onSubmit={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Send invitasjon' }));
    const summary = await screen.findByRole('group', { name: 'For å gå videre må du rette opp dette:' });
    expect(within(summary).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      '#invite-name',
      '#invite-email',
      '#invite-roles-0-role',
      '#invite-roles-0-unitId',
    ]);
  });

  it('removes a row and moves focus to "Add role"', () => {
    render(<InviteUserForm unitOptions={units} onSubmit={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Legg til rolle' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fjern rolle 2' }));
    expect(screen.queryByRole('group', { name: 'Rolle 2' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Legg til rolle' }));
  });
});
