import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ResponseOf, TaskView } from '@eidor/contract';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import type { TaskFilter } from './queries.ts';
import { TasksPage, type TasksPageProps } from './TasksPage.tsx';

const ME = '11111111-1111-4111-8111-111111111111';
const REFUGEE = '22222222-2222-4222-8222-222222222222';
const NAV = '33333333-3333-4333-8333-333333333333';
const HH = '44444444-4444-4444-8444-444444444444';
const PERSON = '55555555-5555-4555-8555-555555555555';
const DWELLING = '66666666-6666-4666-8666-666666666666';

const task = (n: number, o: Partial<TaskView> = {}): TaskView => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  kind: 'settlement.checklist',
  itemKey: 'bank_account',
  title: 'Bankkonto',
  titleParams: null,
  description: 'Konto opprettet, BankID bestilt.',
  legalBasis: null,
  category: 'settlement',
  personId: PERSON,
  personName: 'Yonas Haile',
  householdId: HH,
  householdName: 'Husstanden Haile',
  dwellingId: null,
  dwellingAddress: null,
  ownerUnitId: REFUGEE,
  ownerUnitName: 'Flyktningtjenesten',
  assigneeUserId: null,
  assigneeName: null,
  dueDate: '2026-12-01',
  overdue: false,
  status: 'open',
  skipReason: null,
  completedAt: null,
  version: 2,
  can: { act: true },
  ...o,
});

const list: ResponseOf<'listTasks'> = {
  items: [
    task(1, { kind: 'settlement.pipeline', itemKey: 'respond_to_offer', title: 'Svar IMDi', description: null, personId: null, personName: null, dueDate: '2026-11-01', overdue: true, legalBasis: 'Folkeregisterforskriften § 10-1' }),
    task(2),
    task(3, { kind: 'housing.lease', itemKey: 'lease_expiry', title: 'Leiekontrakt utløper 2027-03-01', description: 'Storgata 1', personId: null, personName: null, householdId: null, householdName: null, dwellingId: DWELLING, dwellingAddress: 'Storgata 1', dueDate: '2026-12-01' }),
    task(4, { itemKey: 'start_payment', title: 'Etableringsstønad', ownerUnitId: NAV, ownerUnitName: 'NAV Demo', can: { act: false } }),
  ],
  total: 4,
  overdue: 1,
  page: 1,
  pageSize: 50,
  kinds: ['housing.lease', 'programme.review', 'settlement.checklist', 'settlement.pipeline'],
};

async function renderPage(props: Partial<TasksPageProps> = {}) {
  const p: TasksPageProps = {
    filter: { scope: 'unit', kind: undefined, status: 'open', page: 1 },
    result: list,
    loading: false,
    error: null,
    userId: ME,
    unitIds: [REFUGEE],
    onFilter: vi.fn(),
    onAct: vi.fn(async () => {}),
    onReload: vi.fn(async () => {}),
    ...props,
  };
  await renderWithRouter(() => <TasksPage {...p} />, '/tasks');
  return p;
}

const row = (name: RegExp | string) => screen.getByRole('rowheader', { name }).closest('tr')!;

describe('TasksPage', () => {
  it('lists tasks in the server’s order with their subject, overdue in words, and translated titles', async () => {
    await renderPage();
    expect(screen.getByText('4 oppgaver, 1 har passert fristen.')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Oppgaver, de med tidligst frist først' });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      'Svar IMDi på tilbudet om bosetting',
      'Bankkonto',
      'Leiekontrakten utløper 01.03.2027: forleng eller si opp',
      'Etableringsstønad og klesstøtte',
    ]);
    const first = row('Svar IMDi på tilbudet om bosetting');
    expect(within(first).getByText('Forfalt')).toBeTruthy();
    expect(within(first).getByText('Hjemmel: Folkeregisterforskriften § 10-1')).toBeTruthy();
    expect(within(first).getByRole('link', { name: 'Husstanden Haile' }).getAttribute('href')).toBe(`/households/${HH}`);
    expect(within(row('Bankkonto')).getByRole('link', { name: 'Yonas Haile' }).getAttribute('href')).toBe(`/people/${PERSON}`);
    expect(within(row(/^Leiekontrakten/)).getByRole('link', { name: 'Storgata 1' }).getAttribute('href')).toBe(`/housing/${DWELLING}`);
    // Another unit's task: shown, but no actions.
    expect(within(row('Etableringsstønad og klesstøtte')).queryAllByRole('button')).toEqual([]);
    // Kinds the app knows by name; others as they are.
    const kind = screen.getByRole('combobox', { name: 'Type oppgave' });
    expect(within(kind).getAllByRole('option').map((o) => o.textContent)).toEqual(['Alle', 'Leiekontrakter', 'programme.review', 'De første ukene etter bosetting', 'Bosettingsløpet']);
  });

  it('changes scope, kind and status through onFilter, back to the first page', async () => {
    const p = await renderPage({ filter: { scope: 'unit', kind: undefined, status: 'open', page: 3 } });
    fireEvent.click(screen.getByRole('radio', { name: 'Mine oppgaver' }));
    expect(p.onFilter).toHaveBeenLastCalledWith({ scope: 'mine', kind: undefined, status: 'open', page: 1 } satisfies TaskFilter);
    fireEvent.change(screen.getByRole('combobox', { name: 'Type oppgave' }), { target: { value: 'housing.lease' } });
    expect(p.onFilter).toHaveBeenLastCalledWith({ scope: 'unit', kind: 'housing.lease', status: 'open', page: 1 });
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'skipped' } });
    expect(p.onFilter).toHaveBeenLastCalledWith({ scope: 'unit', kind: undefined, status: 'skipped', page: 1 });
  });

  it('marks a task done and takes one (my unit, me), saying what happened', async () => {
    const p = await renderPage();
    fireEvent.click(within(row('Bankkonto')).getByRole('button', { name: 'Utført Bankkonto, Yonas Haile' }));
    await waitFor(() => expect(p.onAct).toHaveBeenCalledWith(list.items[1], { action: 'done' }));
    expect((await screen.findByText('«Bankkonto» er merket som utført.')).closest('[role="status"]')).toBeTruthy();
    fireEvent.click(within(row('Bankkonto')).getByRole('button', { name: /^Ta oppgaven/ }));
    await waitFor(() => expect(p.onAct).toHaveBeenLastCalledWith(list.items[1], { action: 'reassign', ownerUnitId: REFUGEE, assigneeUserId: ME }));
  });

  it('skips only with a reason, in a dialog', async () => {
    const p = await renderPage();
    fireEvent.click(within(row('Bankkonto')).getByRole('button', { name: /^Hopp over/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Hopp over oppgaven' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hopp over' }));
    expect((await within(dialog).findAllByText('Du må fylle ut begrunnelse.')).length).toBeGreaterThan(0);
    expect(p.onAct).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Begrunnelse' }), { target: { value: 'Har allerede bankkonto' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hopp over' }));
    await waitFor(() => expect(p.onAct).toHaveBeenCalledWith(list.items[1], { action: 'skip', reason: 'Har allerede bankkonto' }));
    expect(await screen.findByText('«Bankkonto» er hoppet over.')).toBeTruthy();
  });

  it('offers to reload after a version conflict, and reopen for closed tasks', async () => {
    const onAct = vi.fn(async () => {
      throw new ApiError({ code: 'VERSION_CONFLICT', status: 409, message: 'Stale', requestId: 'r' });
    });
    const closed = { ...list, items: [task(5, { status: 'skipped', skipReason: 'Har konto', completedAt: '2026-11-20T10:00:00Z' })], total: 1, overdue: 0 };
    const p = await renderPage({ onAct, result: closed, filter: { scope: 'unit', kind: undefined, status: 'skipped', page: 1 } });
    expect(screen.getByRole('table', { name: 'Oppgaver, de sist avsluttede først' })).toBeTruthy();
    expect(screen.getByText('Hoppet over: Har konto')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Gjenåpne/ }));
    await waitFor(() => expect(onAct).toHaveBeenCalledWith(closed.items[0], { action: 'reopen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Last inn på nytt' }));
    await waitFor(() => expect(p.onReload).toHaveBeenCalledTimes(1));
  });
});
