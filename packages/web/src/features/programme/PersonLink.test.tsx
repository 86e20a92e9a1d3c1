import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import type { PersonView } from '@eidor/contract';
import { renderWithRouter } from '../../test/router.tsx';
import { PersonPage } from '../people/PersonPage.tsx';

const ID = '0b6f3c1e-8f55-4d5c-9b1f-3f4f5e6a7b8c';
const all = { read: true, write: true };
const none = { read: false, write: false };

const person = (programme: { read: boolean; write: boolean }): PersonView => ({
  id: ID,
  version: 1,
  team: [],
  can: { categories: { identity: all, settlement: all, programme, economy: none, health: none, child_welfare: none }, editTeam: false, viewHistory: false, viewAccessLog: false },
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
});

async function render(p: PersonView) {
  await renderWithRouter(
    () => <PersonPage person={p} status="" units={null} onSetTeam={vi.fn()} onReload={vi.fn(async () => {})} loadHistory={vi.fn()} loadAccessLog={vi.fn()} today="2026-11-23" />,
    `/people/${ID}`,
  );
}

describe('the way from the person to the programme', () => {
  it('is a link on the person’s page for those who may read the programme', async () => {
    await render(person({ read: true, write: false }));
    expect(screen.getByRole('heading', { level: 2, name: 'Introduksjonsprogram' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Åpne introduksjonsprogrammet' }).getAttribute('href')).toBe(`/people/${ID}/programme`);
  });

  it('is not there for those who may not', async () => {
    await render(person(none));
    expect(screen.queryByRole('link', { name: 'Åpne introduksjonsprogrammet' })).toBeNull();
  });
});
