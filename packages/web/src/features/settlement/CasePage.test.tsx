import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CaseView } from '@eidor/contract';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { CasePage, type CasePageProps } from './CasePage.tsx';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ME = uuid(900);
const UNIT = uuid(901);

const kase: CaseView = {
  id: uuid(1),
  householdId: uuid(2),
  householdName: 'Husstanden Haile',
  imdiReference: 'FL-100',
  offeredDate: '2026-11-02',
  response: 'accepted',
  responseDate: '2026-11-05',
  declineReason: null,
  imdiDecisionDate: '2026-11-10',
  plannedArrivalDate: '2026-12-01',
  source: 'import',
  stage: 'dwelling_assigned',
  nextStep: 'register_settlement',
  nextStepDue: '2026-12-01',
  timing: { targetMonths: 3, permitDate: '2026-08-15', targetDate: '2026-11-15', settledOn: null, days: 100, status: 'late' },
  members: [
    { personId: uuid(10), givenName: 'Yonas', familyName: 'Haile', birthDate: '1985-03-12', householdRole: 'head', arrivalCategory: 'resettlement', permitDate: '2026-08-15', settlementDate: null, populationRegisteredDate: null, status: 'active' },
    { personId: uuid(11), givenName: 'Ruta', familyName: 'Haile', birthDate: '2015-06-05', householdRole: 'child', arrivalCategory: 'resettlement', permitDate: '2026-08-15', settlementDate: null, populationRegisteredDate: null, status: 'active' },
  ],
  allocations: [{ id: uuid(20), dwellingId: uuid(21), address: 'Storgata 1', fromDate: '2026-12-01', toDate: null }],
  tasks: [
    {
      id: uuid(30),
      kind: 'settlement.pipeline',
      itemKey: 'register_settlement',
      title: 'Registrer bosettingsdato for hver person',
      titleParams: null,
      description: null,
      legalBasis: null,
      category: 'settlement',
      personId: null,
      personName: null,
      householdId: uuid(2),
      householdName: 'Husstanden Haile',
      dwellingId: null,
      dwellingAddress: null,
      ownerUnitId: UNIT,
      ownerUnitName: 'Flyktningtjenesten',
      assigneeUserId: null,
      assigneeName: null,
      dueDate: '2026-12-01',
      overdue: false,
      status: 'open',
      skipReason: null,
      completedAt: null,
      version: 1,
      can: { act: true },
    },
  ],
  version: 4,
  can: { edit: true },
};

async function renderPage(props: Partial<CasePageProps> = {}) {
  const p: CasePageProps = {
    kase,
    userId: ME,
    unitIds: [UNIT],
    onSave: vi.fn(async () => kase),
    onReload: vi.fn(async () => {}),
    onTask: vi.fn(async () => {}),
    today: '2026-11-23',
    ...props,
  };
  const r = await renderWithRouter(() => <CasePage {...p} />, `/settlement/cases/${kase.id}`);
  return { p, ...r };
}

describe('CasePage', () => {
  it('shows where the case stands, with a neutral title and the name isolated in the heading', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { level: 1 }).querySelector('bdi')?.textContent).toBe('Husstanden Haile');
    await waitFor(() => expect(document.title).toBe('Bosettingssak – Eidør'));
    const status = screen.getByRole('region', { name: 'Hvor saken står' });
    expect(within(status).getByText('Bolig tildelt')).toBeTruthy();
    expect(within(status).getByText('Registrer bosettingsdato for hver person – frist 01.12.2026')).toBeTruthy();
    expect(within(status).getByText('Over målet')).toBeTruthy();
    expect(within(status).getByText(/100 dager siden oppholdstillatelsen\. IMDis mål på 3 måneder var 15\.11\.2026\./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Storgata 1' }).getAttribute('href')).toBe(`/housing/${uuid(21)}`);
    expect(screen.getByRole('table', { name: 'Oppgaver for husstanden, de åpne først' })).toBeTruthy();
  });

  it('saves the facts and each member’s dates with the form’s values', async () => {
    const { p } = await renderPage();
    fireEvent.change(screen.getByLabelText('Bosettingsdato for Ruta Haile'), { target: { value: '2026-12-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    await waitFor(() =>
      expect(p.onSave).toHaveBeenCalledWith({
        imdiReference: 'FL-100',
        offeredDate: '2026-11-02',
        response: 'accepted',
        responseDate: '2026-11-05',
        declineReason: null,
        imdiDecisionDate: '2026-11-10',
        plannedArrivalDate: '2026-12-01',
        members: [
          { personId: uuid(10), settlementDate: null, populationRegisteredDate: null },
          { personId: uuid(11), settlementDate: '2026-12-02', populationRegisteredDate: null },
        ],
      }),
    );
    expect(await screen.findByText('Endringene i bosettingssaken er lagret.')).toBeTruthy();
  });

  it('puts the server’s field errors on the right inputs (members.1.settlementDate, plannedArrivalDate)', async () => {
    const onSave = vi.fn(async () => {
      throw new ApiError({
        code: 'VALIDATION',
        status: 400,
        message: 'bad',
        fields: [
          { path: 'members.1.settlementDate', message: "needs IMDi's settlement decision first" },
          { path: 'plannedArrivalDate', message: 'a declined offer has no arrival' },
        ],
      });
    });
    await renderPage({ onSave });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(screen.getByLabelText('Bosettingsdato for Ruta Haile').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText('Bosettingsdato for Yonas Haile').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByLabelText('Avtalt ankomstdato').getAttribute('aria-invalid')).toBe('true');
    const summary = screen.getByRole('link', { name: 'Bosettingsdato for Ruta Haile krever at datoen for IMDis vedtak er fylt ut.' });
    expect(summary.getAttribute('href')).toBe('#case-members-1-settlementDate');
    expect(screen.getAllByText('En husstand kommunen har takket nei til, har ingen ankomstdato.').length).toBe(2);
  });

  it('finds dates out of order before sending (the domain’s rule), naming the member', async () => {
    const { p } = await renderPage();
    fireEvent.change(screen.getByLabelText('Bosettingsdato for Yonas Haile'), { target: { value: '2026-11-08' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    expect((await screen.findAllByText('Bosettingsdato for Yonas Haile kan ikke være før IMDis vedtak.')).length).toBe(2);
    expect(p.onSave).not.toHaveBeenCalled();
  });

  it('asks why when the offer is declined', async () => {
    const { p } = await renderPage({ kase: { ...kase, response: null, responseDate: null, imdiDecisionDate: null, plannedArrivalDate: null, allocations: [] } });
    expect(screen.queryByRole('textbox', { name: 'Hvorfor kommunen takket nei' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Takket nei' }));
    fireEvent.change(screen.getByLabelText('Dato for svaret'), { target: { value: '2026-11-06' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    expect((await screen.findAllByText('Du må skrive hvorfor kommunen takket nei.')).length).toBe(2);
    fireEvent.change(screen.getByRole('textbox', { name: 'Hvorfor kommunen takket nei' }), { target: { value: 'Ingen bolig med fire rom' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(p.onSave).toHaveBeenCalledWith(expect.objectContaining({ response: 'declined', responseDate: '2026-11-06', declineReason: 'Ingen bolig med fire rom' })));
  });

  it('offers to reload after a version conflict, and says the latest is shown', async () => {
    const onSave = vi.fn(async () => {
      throw new ApiError({ code: 'VERSION_CONFLICT', status: 409, message: 'Stale', requestId: 'r' });
    });
    const { p } = await renderPage({ onSave });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Last inn på nytt' }));
    await waitFor(() => expect(p.onReload).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Du ser nå den nyeste versjonen. Gjør endringene dine på nytt.')).toBeTruthy();
  });

  it('is read-only for those who may only look', async () => {
    await renderPage({ kase: { ...kase, can: { edit: false } } });
    expect(screen.queryByRole('button', { name: 'Lagre' })).toBeNull();
    expect(screen.getByLabelText('Bosettingsdato for Yonas Haile').hasAttribute('readonly')).toBe(true);
  });
});
