import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ResponseOf } from '@eidor/contract';
import { renderWithRouter } from '../../test/router.tsx';
import { PeoplePage, type PeoplePageProps } from './PeoplePage.tsx';

const A = '0b6f3c1e-8f55-4d5c-9b1f-3f4f5e6a7b8c';
const B = '5e0b1a2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c';
const H = '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

const result: ResponseOf<'searchPeople'> = {
  items: [
    { id: A, givenName: 'Muhammed', familyName: 'Alhasan', birthDate: '1979-11-30', sex: 'male', arrivalCategory: 'resettlement', settlementDate: '2023-04-01', status: 'active', householdId: H, score: 0.74 },
    { id: B, givenName: 'محمد', familyName: 'الحسن', birthDate: '1990-01-02', sex: 'male', arrivalCategory: null, settlementDate: null, status: 'moved_away', householdId: null, score: 0.6 },
  ],
  total: 2,
  page: 1,
  pageSize: 25,
  can: { register: true, filterBySettlement: true },
};

async function renderPage(props: Partial<PeoplePageProps> = {}) {
  const all: PeoplePageProps = {
    criteria: { q: '' },
    result,
    loading: false,
    error: null,
    canRegister: true,
    settlementYears: [2026, 2025, 2024],
    onSearch: vi.fn(),
    onPage: vi.fn(),
    ...props,
  };
  const { router } = await renderWithRouter(() => <PeoplePage {...all} />, '/people');
  return { props: all, router };
}

describe('PeoplePage', () => {
  it('lists the people with links to each and to their household, names isolated for right-to-left scripts', async () => {
    await renderPage({ criteria: { q: 'Mohammad Al-Hassan' } });
    const table = screen.getByRole('table', { name: 'Person 1–2 av 2, de mest like først' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Navn', 'Fødselsdato', 'Husstand', 'Ankomstkategori', 'Status']);
    const first = within(table).getByRole('link', { name: 'Muhammed Alhasan' });
    expect(first.getAttribute('href')).toBe(`/people/${A}`);
    expect(first.querySelector('bdi')?.textContent).toBe('Muhammed Alhasan');
    expect(within(table).getByRole('link', { name: /Se husstanden til\s+Muhammed Alhasan/ }).getAttribute('href')).toBe(`/households/${H}`);
    const second = within(table).getByRole('link', { name: 'محمد الحسن' }).closest('tr')!;
    expect(second.textContent).toContain('Ingen husstand');
    expect(second.textContent).toContain('Flyttet');
    expect(screen.getByRole('status').textContent).toBe('2 personer passer med søket.');
  });

  it('offers the settlement filters only to readers of settlement data for everyone (a partner does not get them)', async () => {
    await renderPage({ result: { ...result, can: { register: false, filterBySettlement: false } } });
    expect(screen.queryByRole('combobox', { name: 'Ankomstkategori' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Bosettingsår' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Status' })).toBeTruthy();
  });

  it('sends the search and the filters to the caller, and never puts them in the address', async () => {
    const { props, router } = await renderPage();
    fireEvent.change(screen.getByRole('searchbox', { name: /Søk på navn/ }), { target: { value: ' 30.11.1979 ' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Ankomstkategori' }), { target: { value: 'resettlement' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Bosettingsår' }), { target: { value: '2024' } });
    fireEvent.click(screen.getByRole('button', { name: 'Søk' }));
    await waitFor(() => expect(props.onSearch).toHaveBeenCalledWith({ q: '30.11.1979', arrivalCategory: 'resettlement', settlementYear: 2024 }));
    expect(router.state.location.href).toBe('/people');

    fireEvent.click(screen.getByRole('button', { name: 'Nullstill' }));
    expect(props.onSearch).toHaveBeenLastCalledWith({ q: '' });
    expect((screen.getByRole('searchbox', { name: /Søk på navn/ }) as HTMLInputElement).value).toBe('');
  });

  it('shows "register" only to those who may, and says when nobody matches', async () => {
    await renderPage({ canRegister: false, result: { ...result, items: [], total: 0 } });
    expect(screen.queryByRole('link', { name: 'Registrer person' })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Ingen personer passer med søket.');
  });

  it('pages through many results and moves focus to the results', async () => {
    const { props } = await renderPage({ result: { ...result, total: 60 } });
    fireEvent.click(screen.getByRole('button', { name: 'Side 2' }));
    expect(props.onPage).toHaveBeenCalledWith(2);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Resultater' }));
  });
});
