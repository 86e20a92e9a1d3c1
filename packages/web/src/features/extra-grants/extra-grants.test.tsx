import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ExtraGrantApplicationView, ExtraGrantCaseView, ExtraGrantRequestView, UnitView } from '@eidor/contract';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { extraGrantServerMessage } from './actions.ts';
import { CasePage, type CasePageProps } from './CasePage.tsx';
import { CasesPage } from './CasesPage.tsx';
import { RequestPage } from './InboxPages.tsx';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const unit = (n: number, name: string, kind: UnitView['kind']): UnitView => ({ id: uuid(n), name, kind, active: true, version: 0, can: { edit: false } });
const UNITS = [unit(1, 'Helsestasjon for flyktninger', 'health'), unit(2, 'Sentrum skole', 'school')];

const application = (o: Partial<ExtraGrantApplicationView> = {}): ExtraGrantApplicationView => ({
  id: uuid(50),
  grantYear: 1,
  calendarYear: 2025,
  kind: 'tilskudd2',
  code: 'FHT2',
  status: 'draft',
  deadline: '2026-12-01',
  deadlineRule: 'første søknad',
  effectiveDeadline: '2026-12-01',
  overdue: false,
  postponement: null,
  submittedDate: null,
  totalEstimate: 90_000_000,
  totalActual: null,
  cap: { amount: 152_000_000, status: 'verified', source: 'KS' },
  appliedAmount: 90_000_000,
  capped: false,
  grantedAmount: null,
  decisionDate: null,
  appealDate: null,
  costsReportedDate: null,
  distribution: [],
  version: 0,
  can: { requestPostponement: true, recordPostponement: false, submit: true, decide: false, appeal: false, reportCosts: false },
  ...o,
});

const kase = (o: Partial<ExtraGrantCaseView> = {}): ExtraGrantCaseView => ({
  id: uuid(9),
  personId: uuid(8),
  person: { name: 'Amina Haidari', birthDate: '1988-04-02', unaccompaniedMinor: false, firstSettlementDate: '2025-10-01' },
  status: 'open',
  signal: 'health_team',
  checklist: { background: 'Flukt fra Syria' },
  lastGrantYear: 5,
  lastGrantYearRule: 'fem år',
  firstDeadline: '2026-12-01',
  consents: [],
  consentInForce: false,
  requests: [],
  costLines: [],
  applications: [],
  openedAt: '2026-11-23T09:00:00.000Z',
  version: 0,
  can: { edit: true },
  ...o,
});

async function renderCase(props: Partial<CasePageProps> = {}) {
  const p: CasePageProps = {
    kase: kase(),
    units: UNITS,
    today: '2026-11-23',
    onChecklist: vi.fn(async () => {}),
    onConsent: vi.fn(async () => {}),
    onWithdrawConsent: vi.fn(async () => {}),
    onRequest: vi.fn(async () => {}),
    onRemind: vi.fn(async () => {}),
    onAddCost: vi.fn(async () => {}),
    onUpdateCost: vi.fn(async () => {}),
    onCreateApplication: vi.fn(async () => {}),
    onApplication: vi.fn(async () => {}),
    onPdf: vi.fn(async () => {}),
    onReload: vi.fn(async () => {}),
    ...props,
  };
  await renderWithRouter(() => <CasePage {...p} />, '/extra-grants/cases/x');
  return p;
}

describe('CasePage', () => {
  it('shows the checklist from Kristiansand and the first deadline', async () => {
    await renderCase();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ekstratilskudd: Amina Haidari');
    expect((screen.getByLabelText(/Hva vet vi om personens bakgrunn/) as HTMLTextAreaElement).value).toBe('Flukt fra Syria');
    expect(screen.getByLabelText('Fastlege')).toBeTruthy();
    expect(screen.getByLabelText('Navn og stilling på den som har gitt opplysningene')).toBeTruthy();
    expect(screen.getByText('01.12.2026')).toBeTruthy();
  });

  it('shows the server’s refusal of a request without consent on the unit field, in Norwegian', async () => {
    const onRequest = vi.fn(async () => {
      throw new ApiError({ code: 'CONFLICT', status: 409, message: 'x', fields: [{ path: 'unitId', message: 'no informed consent is recorded: record the consent before any documentation request is sent' }] });
    });
    await renderCase({ onRequest });
    const form = screen.getByRole('form', { name: 'Send forespørsel' });
    fireEvent.change(within(form).getByLabelText('Enhet'), { target: { value: uuid(1) } });
    fireEvent.change(within(form).getByLabelText('Hva enheten skal svare på'), { target: { value: 'Legeerklæring' } });
    fireEvent.change(within(form).getByLabelText('Svarfrist'), { target: { value: '2026-12-10' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send forespørsel' }));
    await waitFor(() => expect(within(form).getByText('Registrer informert samtykke før forespørselen sendes.')).toBeTruthy());
    expect(onRequest).toHaveBeenCalledWith({ unitId: uuid(1), kind: 'documentation_and_costs', message: 'Legeerklæring', dueDate: '2026-12-10' });
    expect(within(form).getByLabelText('Enhet').getAttribute('aria-invalid')).toBe('true');
  });

  it('records consent with its scope, and a cost line in kroner as øre', async () => {
    const p = await renderCase();
    const consent = screen.getByRole('form', { name: 'Registrer samtykke' });
    fireEvent.change(within(consent).getByLabelText('Navn på den som samtykket'), { target: { value: 'Amina Haidari' } });
    fireEvent.click(within(consent).getByLabelText('Helse'));
    fireEvent.click(within(consent).getByRole('button', { name: 'Registrer samtykke' }));
    await waitFor(() => expect(p.onConsent).toHaveBeenCalledWith({ signedBy: 'person', signerName: 'Amina Haidari', scope: ['health'], scopeNote: null, consentDate: '2026-11-23' }));
    const cost = screen.getByRole('form', { name: 'Legg til kostnad' });
    fireEvent.change(within(cost).getByLabelText('Enhet'), { target: { value: uuid(1) } });
    fireEvent.change(within(cost).getByLabelText('Tiltak'), { target: { value: 'Ledsager' } });
    fireEvent.change(within(cost).getByLabelText('Valuta'), { target: { value: 'EUR' } });
    fireEvent.change(within(cost).getByLabelText('Stipulert (kr)'), { target: { value: '12 500,50' } });
    fireEvent.click(within(cost).getByRole('button', { name: 'Legg til kostnad' }));
    await waitFor(() => expect(p.onAddCost).toHaveBeenCalledWith({ unitId: uuid(1), grantYear: 1, description: 'Ledsager', currency: 'EUR', estimate: 1_250_050, actual: null }));
  });

  it('names the deadline when the server refuses a late application, and offers the PDF in both written languages', async () => {
    const onApplication = vi.fn(async () => {
      throw new ApiError({ code: 'VALIDATION', status: 400, message: 'x', fields: [{ path: 'submittedDate', message: 'is after the application deadline (2026-03-10) and no postponement has been granted' }] });
    });
    const p = await renderCase({ kase: kase({ applications: [application({ overdue: true, can: { requestPostponement: false, recordPostponement: false, submit: true, decide: false, appeal: false, reportCosts: false } })] }), onApplication });
    const form = screen.getByRole('form', { name: 'Registrer at søknaden er sendt' });
    fireEvent.click(within(form).getByRole('button', { name: 'Registrer at søknaden er sendt' }));
    await waitFor(() => expect(within(form).getByText('Fristen (10.03.2026) er ute, og utsatt frist er ikke innvilget.')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Last ned søknaden (PDF, nynorsk)' }));
    await waitFor(() => expect(p.onPdf).toHaveBeenCalledWith(uuid(50), { lang: 'nn', document: 'application' }));
  });

  it('shows the granted amount shared by the units', async () => {
    await renderCase({
      kase: kase({
        applications: [
          application({
            status: 'partly_granted',
            grantedAmount: 60_000_000,
            distribution: [
              { unitId: uuid(1), unitName: 'Helsestasjon for flyktninger', cost: 60_000_000, share: 40_000_000, actual: null },
              { unitId: uuid(3), unitName: 'Barneverntjenesten', cost: 30_000_000, share: 20_000_000, actual: null },
            ],
            can: { requestPostponement: false, recordPostponement: false, submit: false, decide: false, appeal: true, reportCosts: false },
          }),
        ],
      }),
    });
    const table = screen.getByRole('table', { name: /Fordeling på enhetene/ });
    const row = within(table).getByText('Barneverntjenesten').closest('tr')!;
    expect(row.textContent?.replace(/\s/g, ' ')).toMatch(/200 000,00 kr/);
  });
});

describe('CasesPage', () => {
  it('lists suggestions with their signs and opens a case from one', async () => {
    const onOpen = vi.fn(async () => {});
    await renderWithRouter(
      () => (
        <CasesPage
          cases={[]}
          suggestions={[{ personId: uuid(8), name: 'Amina Haidari', birthDate: '1988-04-02', firstSettlementDate: '2025-10-01', signals: ['health_team', 'health_task'], firstDeadline: '2026-12-01' }]}
          onSearchPeople={vi.fn(async () => [])}
          onOpen={onOpen}
        />
      ),
      '/extra-grants',
    );
    expect(screen.getByText('Helsetjenesten i teamet, Forfalt helseoppfølging')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Opprett sak for Amina Haidari' }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith(uuid(8), 'health_team'));
  });
});

describe('RequestPage', () => {
  const request: ExtraGrantRequestView = {
    id: uuid(20),
    unitId: uuid(1),
    unitName: 'Helsestasjon for flyktninger',
    person: { name: 'Amina Haidari', birthDate: '1988-04-02' },
    kind: 'documentation',
    message: 'Legeerklæring',
    dueDate: '2026-12-10',
    status: 'sent',
    overdue: false,
    answer: null,
    costEstimate: null,
    informant: null,
    answeredAt: null,
    version: 0,
    can: { answer: true },
  };

  it('lets the unit answer with who gave the information; a cost that is no amount is named', async () => {
    const onAnswer = vi.fn(async () => {});
    await renderWithRouter(() => <RequestPage request={request} onAnswer={onAnswer} onReload={vi.fn(async () => {})} />, '/extra-grants/requests/x');
    fireEvent.change(screen.getByLabelText('Svar og dokumentasjon'), { target: { value: 'Se vedlagt erklæring' } });
    fireEvent.change(screen.getByLabelText('Stipulert kostnad (kr, valgfritt)'), { target: { value: 'mange' } });
    fireEvent.change(screen.getByLabelText('Navn og stilling på den som gir opplysningene'), { target: { value: 'Kari Lege, fastlege' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send svar' }));
    await waitFor(() => expect(screen.getByText('Skriv et beløp i kroner, for eksempel 12 500.')).toBeTruthy());
    expect(onAnswer).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Stipulert kostnad (kr, valgfritt)'), { target: { value: '1 200' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send svar' }));
    await waitFor(() => expect(onAnswer).toHaveBeenCalledWith({ answer: 'Se vedlagt erklæring', costEstimate: 120_000, informant: 'Kari Lege, fastlege', version: 0 }));
  });
});

describe('server reasons', () => {
  it('translates the known reasons and keeps any other as it came', () => {
    const t = ((k: string, o?: Record<string, unknown>) => `${k}${o ? JSON.stringify(o) : ''}`) as never;
    const d = (s: string) => s;
    expect(extraGrantServerMessage({ path: 'currency', message: 'must be NOK: IMDi grants and municipal costs are in Norwegian kroner, not EUR' }, t, d)).toBe('extraGrants.server.currency');
    expect(extraGrantServerMessage({ path: 'grantYear', message: 'must be a grant year from 1 to 5 (fem år)' }, t, d)).toBe('extraGrants.server.grantYear{"last":"5"}');
    expect(extraGrantServerMessage({ path: 'x', message: 'something new' }, t, d)).toBe('extraGrants.server.other{"message":"something new"}');
  });
});
