import '../../test/dom.ts';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ProgrammeView, ResponseOf } from '@eidor/contract';
import { ApiError } from '../../api/client.ts';
import { renderWithRouter } from '../../test/router.tsx';
import { ProgrammePage, type ProgrammePageProps } from './ProgrammePage.tsx';
import type { Plan } from './plan-form.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const PERSON = uuid(1);
const NAV = uuid(50);

const fields: ProgrammeView['fields'] = {
  requestDate: null,
  participantGroup: 'other_goal',
  livesWithParents: false,
  coupleBothParticipantsNoChildren: false,
  hasChildrenOrExpecting: false,
  skillsMappingDate: '2026-09-20',
  careerGuidanceDate: null,
  decisionDate: null,
  startDate: null,
  endGoal: null,
  plannedMonths: null,
  extensionMonths: 0,
  extensionReason: null,
  weeklyHours: null,
  hoursReason: null,
  elements: {},
  status: 'planned',
  endDate: null,
  endReason: null,
  mainActivity: null,
  followUpActivity: null,
  followUpDate: null,
};

const view: ProgrammeView = {
  personId: PERSON,
  eligibility: {
    regime: 'integl',
    status: 'right_and_duty',
    reasons: ['permit refugee granted 2026-05-01: integreringsloven §§ 8–9', 'settled by agreement with IMDi', 'something the page does not know'],
    residenceLimit: '2028-09-01',
  },
  deadlines: [
    { key: 'skills_mapping', due: '2026-12-01', done: true, overdue: false, legalBasis: 'integreringsloven §§ 6 and 10: mapping before the programme decision' },
    { key: 'programme_decision', due: '2026-11-01', done: false, overdue: true, legalBasis: 'integreringsloven § 12: decision within 3 months of settlement or the request' },
  ],
  fields,
  compulsory: [
    { element: 'norwegian', done: false },
    { element: 'social_studies', done: false },
    { element: 'life_skills', done: false },
    { element: 'work_or_education', done: false },
  ],
  lengthRule: { minMonths: 3, maxMonths: 24, maxExtensionMonths: 12, basis: 'integreringsloven § 13: 3 months – 2 years, + up to 1 year' },
  counters: { selfCertifications: 1, selfCertificationsLimit: 4, childSickDays: 2, childSickDaysLimit: 10, unexcusedDays: 3 },
  version: 2,
  updatedAt: '2026-11-01T10:00:00.000Z',
  can: { edit: true },
};

const decided: ProgrammeView = { ...view, fields: { ...fields, decisionDate: '2026-10-01', startDate: '2026-10-05', plannedMonths: 24, weeklyHours: 37.5, endGoal: 'Arbeid i helsesektoren', status: 'active' } };

const plan = (over: Partial<Plan> = {}): Plan => ({
  id: uuid(20),
  planNo: 1,
  status: 'draft',
  goals: ['Arbeid i helsesektoren'],
  norwegianGoal: 'B1 muntlig',
  measures: [{ type: 'work_practice', description: 'Språkpraksis sykehjem', providerUnitId: NAV, from: '2026-10-05', to: '2027-06-30', hoursPerWeek: 15 }],
  changeReason: null,
  significant: true,
  decisionDate: null,
  reviewDue: null,
  complaintInfo: null,
  createdAt: '2026-10-10T10:00:00.000Z',
  adoptedAt: null,
  version: 0,
  ...over,
});

const benefit: ResponseOf<'getBenefit'> = {
  personId: PERSON,
  month: '2026-05',
  lines: [
    { code: 'benefit', text: '2026-05-01 – 2026-05-19: 2G × 1 = …', amount: 1_300_000 },
    { code: 'benefit', text: '2026-05-20 – 2026-05-31: 2G × 1 = …', amount: 900_000 },
    { code: 'absence_day', text: 'Unexcused absence 2026-05-04: 1 day(s)', amount: -72_311 },
    { code: 'coordination_barnetrygd', text: 'barnetrygd 1 766,00 kr a month: never deducted', amount: 0 },
    { code: 'decision_required', text: 'The deduction is at least half …', amount: 0 },
  ],
  gross: 2_200_000,
  absenceDeduction: 72_311,
  coordinationDeduction: 0,
  recovered: 0,
  net: 2_127_689,
  decisionRequired: true,
};

async function renderPage(props: Partial<ProgrammePageProps> = {}) {
  const p: ProgrammePageProps = {
    personId: PERSON,
    personName: 'Abdullah Rahimi',
    view,
    plans: { data: { items: [], can: { edit: true } }, error: null },
    economy: { canEdit: true, otherBenefits: { data: { items: [] }, error: null }, overpayments: { data: { items: [], outstanding: 0 }, error: null } },
    units: [{ id: NAV, name: 'NAV Demo' }],
    today: '2026-11-23',
    onSave: vi.fn(async () => {}),
    onReload: vi.fn(async () => {}),
    onDraftPlan: vi.fn(async () => {}),
    onAdoptPlan: vi.fn(async () => {}),
    onReloadPlans: vi.fn(async () => {}),
    loadBenefit: vi.fn(async () => benefit),
    onSaveOtherBenefits: vi.fn(async () => {}),
    onCreateOverpayment: vi.fn(async () => {}),
    onDownloadLetter: vi.fn(async () => {}),
    ...props,
  };
  const r = await renderWithRouter(() => <ProgrammePage {...p} />, `/people/${PERSON}/programme`);
  return { p, ...r };
}

const decisionForm = () => screen.getByRole('form', { name: 'Vedtak om introduksjonsprogram' });

describe('ProgrammePage: eligibility and deadlines', () => {
  it('shows the regime, the assessment with its reasons in Norwegian, and each deadline with its legal basis', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { level: 1 }).querySelector('bdi')?.textContent).toBe('Abdullah Rahimi');
    await waitFor(() => expect(document.title).toBe('Introduksjonsprogram for en person – Eidør'));
    const e = screen.getByRole('region', { name: 'Rett og plikt' });
    expect(within(e).getByText('Integreringsloven (tillatelse fra 2021)')).toBeTruthy();
    expect(within(e).getByText('Rett og plikt', { selector: 'span' })).toBeTruthy();
    expect(within(e).getByText(/^Tillatelse «.+» gitt 01\.05\.2026: integreringsloven §§ 8–9$/)).toBeTruthy();
    expect(within(e).getByText('Bosatt etter avtale med IMDi.')).toBeTruthy();
    // A reason the page does not know is shown as it came, marked as English.
    expect(within(e).getByText('something the page does not know').getAttribute('lang')).toBe('en');
    expect(within(e).getByText('3 dager med ugyldig fravær')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Frister for personen med lovgrunnlag' });
    const row = within(table).getByRole('row', { name: /Vedtak om introduksjonsprogram/ });
    expect(within(row).getByText('01.11.2026')).toBeTruthy();
    expect(within(row).getByText('Integreringsloven § 12: vedtak innen 3 måneder etter bosetting eller krav')).toBeTruthy();
    expect(within(row).getByText('Forfalt')).toBeTruthy();
    expect(within(within(table).getByRole('row', { name: /Kompetansekartlegging/ })).getByText('Gjort')).toBeTruthy();
  });
});

describe('DecisionForm', () => {
  it('sends the decision with Norwegian decimals and the ticked elements', async () => {
    const { p } = await renderPage();
    const form = decisionForm();
    fireEvent.change(within(form).getByLabelText('Vedtaksdato'), { target: { value: '2026-10-01' } });
    fireEvent.change(within(form).getByLabelText('Startdato'), { target: { value: '2026-10-05' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Sluttmål' }), { target: { value: 'Arbeid i helsesektoren' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Planlagt lengde i måneder' }), { target: { value: '24' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Timer per uke' }), { target: { value: '37,5' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Opplæring i norsk' }));
    fireEvent.change(within(form).getByRole('combobox', { name: 'Status' }), { target: { value: 'active' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Lagre vedtaket' }));
    await waitFor(() =>
      expect(p.onSave).toHaveBeenCalledWith(
        expect.objectContaining({ decisionDate: '2026-10-01', startDate: '2026-10-05', endGoal: 'Arbeid i helsesektoren', plannedMonths: 24, weeklyHours: 37.5, status: 'active', elements: { norwegian: true }, endReason: null }),
      ),
    );
    expect(await screen.findByText('Vedtaket om introduksjonsprogram er lagret.')).toBeTruthy();
  });

  it('shows the length limit for the group and asks for the extension reason only with an extension', async () => {
    await renderPage();
    const form = decisionForm();
    expect(within(form).getByText('For denne gruppen 3–24 måneder, med forlengelse inntil 12 måneder (integreringsloven § 13).')).toBeTruthy();
    expect(within(form).queryByRole('textbox', { name: 'Begrunnelse for forlengelsen' })).toBeNull();
    fireEvent.change(within(form).getByRole('textbox', { name: 'Forlengelse i måneder' }), { target: { value: '6' } });
    expect(await within(form).findByRole('textbox', { name: 'Begrunnelse for forlengelsen' })).toBeTruthy();
  });

  it('puts the server’s field errors on the fields, in Norwegian with the figures', async () => {
    const onSave = vi.fn(async () => {
      throw new ApiError({
        code: 'VALIDATION',
        status: 400,
        message: 'bad',
        fields: [
          { path: 'fields.plannedMonths', message: 'must be 3–6 months for this group (integreringsloven § 13: 3–6 months, + up to 6 months)' },
          { path: 'fields.weeklyHours', message: 'must be between 30 and 37.5 hours a week (full time), or give the reason' },
          { path: 'fields.skillsMappingDate', message: 'skills mapping must be done before the programme decision (integreringsloven § 12)' },
        ],
      });
    });
    await renderPage({ onSave });
    const form = decisionForm();
    fireEvent.click(within(form).getByRole('button', { name: 'Lagre vedtaket' }));
    const months = within(form).getByRole('textbox', { name: 'Planlagt lengde i måneder' });
    await waitFor(() => expect(months.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getAllByText('Planlagt lengde må være 3–6 måneder for denne deltakergruppen.').length).toBe(2);
    expect(within(form).getByRole('textbox', { name: 'Timer per uke' }).getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getAllByText('Timer per uke må være mellom 30 og 37,5 (fulltid), ellers må du begrunne timetallet.').length).toBe(2);
    const summaryLink = within(form).getByRole('link', { name: 'Kompetansekartleggingen må være gjort før vedtaket om program (integreringsloven § 12).' });
    expect(summaryLink.getAttribute('href')).toBe('#programme-skillsMappingDate');
    // The summary, not a vague alert, says what is wrong.
    expect(within(form).queryByText('Noen av opplysningene er ikke gyldige. Rett feilene og prøv igjen.')).toBeNull();
  });

  it('shows a server reason it does not know after the field’s name, so it is never lost', async () => {
    const onSave = vi.fn(async () => {
      throw new ApiError({ code: 'VALIDATION', status: 400, message: 'bad', fields: [{ path: 'fields.startDate', message: 'falls on a public holiday' }] });
    });
    await renderPage({ onSave });
    fireEvent.click(within(decisionForm()).getByRole('button', { name: 'Lagre vedtaket' }));
    expect((await screen.findAllByText('Startdato ble ikke godtatt: falls on a public holiday')).length).toBe(2);
  });

  it('asks for the end reason and main activity (NIR codes) when the programme ends', async () => {
    const onSave = vi.fn(async () => {
      throw new ApiError({ code: 'VALIDATION', status: 400, message: 'bad', fields: [{ path: 'fields.endReason', message: 'is required when the programme ends (NIR)' }] });
    });
    await renderPage({ view: decided, onSave });
    const form = decisionForm();
    expect(within(form).queryByRole('combobox', { name: 'Avslutningsårsak' })).toBeNull();
    fireEvent.change(within(form).getByRole('combobox', { name: 'Status' }), { target: { value: 'ended' } });
    const reason = await within(form).findByRole('combobox', { name: 'Avslutningsårsak' });
    expect(within(reason).getAllByRole('option').map((o) => o.textContent)).toContain('Overgang til arbeid eller utdanning');
    fireEvent.click(within(form).getByRole('button', { name: 'Lagre vedtaket' }));
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getAllByText('Du må fylle ut avslutningsårsak når programmet avsluttes (NIR).').length).toBe(2);
  });

  it('offers to reload after a version conflict, and says the latest is shown', async () => {
    const onSave = vi.fn(async () => {
      throw new ApiError({ code: 'VERSION_CONFLICT', status: 409, message: 'Stale', requestId: 'r' });
    });
    const { p } = await renderPage({ onSave });
    fireEvent.click(within(decisionForm()).getByRole('button', { name: 'Lagre vedtaket' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Last inn på nytt' }));
    await waitFor(() => expect(p.onReload).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Du ser nå den nyeste versjonen. Gjør endringene dine på nytt.')).toBeTruthy();
  });

  it('is read-only for those who may only look', async () => {
    await renderPage({ view: { ...view, can: { edit: false } } });
    expect(screen.queryByRole('button', { name: 'Lagre vedtaket' })).toBeNull();
    expect(screen.getByLabelText('Vedtaksdato').hasAttribute('readonly')).toBe(true);
  });
});

describe('Integration plan', () => {
  it('asks for a programme decision before a plan can be made', async () => {
    await renderPage();
    expect(screen.getByText('Registrer vedtak om program med startdato før du lager planen.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lag integreringsplan' })).toBeNull();
  });

  it('drafts a plan with goals one a line and the measures, and puts the server’s measure error on the measure', async () => {
    const onDraftPlan = vi
      .fn<ProgrammePageProps['onDraftPlan']>()
      .mockRejectedValueOnce(new ApiError({ code: 'VALIDATION', status: 400, message: 'bad', fields: [{ path: 'measures.0.from', message: 'is outside the programme period (2026-10-05 – 2028-10-04)' }] }))
      .mockResolvedValueOnce(undefined);
    await renderPage({ view: decided, onDraftPlan });
    fireEvent.click(screen.getByRole('button', { name: 'Lag integreringsplan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny integreringsplan' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Mål' }), { target: { value: 'Arbeid i helsesektoren\n\nFagbrev ' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Mål for norskopplæringen' }), { target: { value: 'B1 muntlig' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Type for tiltak 1' }), { target: { value: 'work_practice' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Beskrivelse for tiltak 1' }), { target: { value: 'Språkpraksis sykehjem' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Enhet som gir tiltaket for tiltak 1' }), { target: { value: NAV } });
    expect((within(dialog).getByLabelText('Fra for tiltak 1') as HTMLInputElement).value).toBe('2026-10-05');
    expect((within(dialog).getByLabelText('Til for tiltak 1') as HTMLInputElement).value).toBe('2028-10-04');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Timer per uke for tiltak 1' }), { target: { value: '15,5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre utkast' }));
    await waitFor(() => expect(within(dialog).getByLabelText('Fra for tiltak 1').getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getAllByText('Tiltaket må ligge innenfor programperioden 05.10.2026–04.10.2028.').length).toBe(2);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre utkast' }));
    await waitFor(() => expect(onDraftPlan).toHaveBeenCalledTimes(2));
    expect(onDraftPlan).toHaveBeenLastCalledWith({
      goals: ['Arbeid i helsesektoren', 'Fagbrev'],
      norwegianGoal: 'B1 muntlig',
      measures: [{ type: 'work_practice', description: 'Språkpraksis sykehjem', providerUnitId: NAV, from: '2026-10-05', to: '2028-10-04', hoursPerWeek: 15.5 }],
      changeReason: null,
      significant: true,
    });
    expect(await screen.findByText('Utkastet til integreringsplan er lagret.')).toBeTruthy();
  });

  it('adopts a draft as a decision with complaint information, and shows the review date', async () => {
    const { p } = await renderPage({ view: decided, plans: { data: { items: [plan()], can: { edit: true } }, error: null } });
    const card = screen.getByRole('article', { name: /Versjon 1/ });
    expect(within(card).getByRole('table', { name: 'Tiltak i plan 1' })).toBeTruthy();
    expect(within(card).getByText('NAV Demo')).toBeTruthy();
    expect(within(card).getByText('15 t/uke')).toBeTruthy();
    expect(screen.getByText('Utkast 1 er ikke vedtatt ennå. Du kan endre det eller vedta det.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Endre utkast 1' })).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Vedta plan 1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Vedta integreringsplan 1' });
    expect(within(dialog).getByText(/Du kan klage på vedtaket\. Fristen er tre uker/)).toBeTruthy();
    expect((within(dialog).getByLabelText('Vedtaksdato') as HTMLInputElement).value).toBe('2026-11-23');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Vedta planen' }));
    await waitFor(() => expect(p.onAdoptPlan).toHaveBeenCalledWith(expect.objectContaining({ id: uuid(20) }), { decisionDate: '2026-11-23', reviewDue: null }));
    expect(await screen.findByText('Integreringsplan 1 er vedtatt.')).toBeTruthy();
  });

  it('shows an adopted plan with its complaint information and review date, and asks why when it is changed', async () => {
    const adopted = plan({ status: 'adopted', decisionDate: '2026-10-20', reviewDue: '2026-11-20', complaintInfo: 'Du kan klage på vedtaket.', version: 1 });
    const { p } = await renderPage({ view: decided, plans: { data: { items: [adopted], can: { edit: true } }, error: null } });
    expect(screen.getByText('Plan 1 skal vurderes på nytt senest 20.11.2026.')).toBeTruthy();
    expect(screen.getAllByText('Forfalt').length).toBeGreaterThan(0);
    expect(within(screen.getByRole('article', { name: /Versjon 1/ })).getByText('Du kan klage på vedtaket.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lag ny versjon av planen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Integreringsplan, versjon 2' });
    expect((within(dialog).getByRole('textbox', { name: 'Mål' }) as HTMLTextAreaElement).value).toBe('Arbeid i helsesektoren');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre utkast' }));
    expect((await within(dialog).findAllByText('Du må skrive hvorfor planen endres når en vedtatt plan endres.')).length).toBe(2);
    expect(p.onDraftPlan).not.toHaveBeenCalled();
  });
});

describe('Benefit per month', () => {
  it('shows each line of the month as the server computed it, the split at 1 May, the totals and the decision trigger', async () => {
    const { p } = await renderPage({ view: decided });
    const section = screen.getByRole('region', { name: 'Introduksjonsstønad per måned' });
    fireEvent.change(within(section).getByLabelText('Måned'), { target: { value: '2026-05' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Vis stønaden' }));
    const table = await within(section).findByRole('table', { name: 'Stønad for 2026-05, linje for linje' });
    expect(p.loadBenefit).toHaveBeenCalledWith('2026-05');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Stønad for perioden',
      'Stønad for perioden',
      'Trekk, ugyldig fravær (dag)',
      'Samordning: Barnetrygd',
      'Krever vedtak om trekk',
    ]);
    expect(within(rows[0]!).getByText('2026-05-01 – 2026-05-19: 2G × 1 = …').getAttribute('lang')).toBe('en');
    expect(within(rows[0]!).getByText(/13\s000,00\s*kr/)).toBeTruthy();
    expect(within(rows[2]!).getByText(/−723,11\s*kr/)).toBeTruthy();
    expect(within(section).getByText(/Måneden er delt i 2 deler/)).toBeTruthy();
    expect(within(section).getByText(/21\s276,89\s*kr/)).toBeTruthy();
    expect(within(section).getByRole('heading', { name: 'Trekket krever enkeltvedtak' })).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Last ned vedtak om trekk (bokmål)' }));
    await waitFor(() => expect(p.onDownloadLetter).toHaveBeenCalledWith({ kind: 'deduction', lang: 'nb', month: '2026-05' }));
  });

  it('puts a missing G on the month field', async () => {
    const loadBenefit = vi.fn(async () => {
      throw new ApiError({ code: 'VALIDATION', status: 400, message: 'gap', fields: [{ path: 'month', message: 'The G (grunnbeløp) from 2027-05-01 is missing; add it to the G table before computing 2027-05-01' }] });
    });
    await renderPage({ view: decided, loadBenefit });
    const section = screen.getByRole('region', { name: 'Introduksjonsstønad per måned' });
    fireEvent.change(within(section).getByLabelText('Måned'), { target: { value: '2027-06' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Vis stønaden' }));
    expect(await within(section).findByText('Grunnbeløpet (G) fra 01.05.2027 mangler. Be en administrator legge det inn før måneden beregnes.')).toBeTruthy();
    expect(within(section).getByLabelText('Måned').getAttribute('aria-invalid')).toBe('true');
  });

  it('leaves out the economy for those who may not read it', async () => {
    await renderPage({ view: decided, economy: null });
    expect(screen.queryByRole('region', { name: 'Introduksjonsstønad per måned' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Feilutbetalinger' })).toBeNull();
  });
});

describe('Other benefits and overpayments', () => {
  it('records other benefits with amounts in kroner and the server’s error on the row', async () => {
    const onSaveOtherBenefits = vi
      .fn<ProgrammePageProps['onSaveOtherBenefits']>()
      .mockRejectedValueOnce(new ApiError({ code: 'VALIDATION', status: 400, message: 'bad', fields: [{ path: 'items.0.to', message: 'cannot be before the start' }] }))
      .mockResolvedValueOnce(undefined);
    await renderPage({ view: decided, onSaveOtherBenefits });
    fireEvent.click(screen.getByRole('button', { name: 'Endre andre ytelser' }));
    const dialog = await screen.findByRole('dialog', { name: 'Andre ytelser' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Legg til ytelse' }));
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Ytelse' }), { target: { value: 'barnetrygd' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Beløp per måned' }), { target: { value: '1 766,00' } });
    fireEvent.change(within(dialog).getByLabelText('Fra'), { target: { value: '2026-11-01' } });
    fireEvent.change(within(dialog).getByLabelText('Til'), { target: { value: '2026-10-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect((await within(dialog).findAllByText('Til for ytelse 1 kan ikke være før fra-datoen.')).length).toBe(2);
    fireEvent.change(within(dialog).getByLabelText('Til'), { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(onSaveOtherBenefits).toHaveBeenLastCalledWith([{ kind: 'barnetrygd', monthlyAmount: 176_600, earnedBeforeProgramme: false, from: '2026-11-01', to: null }]));
  });

  it('registers an overpayment and refuses an instalment larger than the amount on its field', async () => {
    const onCreateOverpayment = vi.fn(async () => {
      throw new ApiError({ code: 'VALIDATION', status: 400, message: 'bad', fields: [{ path: 'recoverPerMonth', message: 'cannot be more than the amount' }] });
    });
    await renderPage({ view: decided, onCreateOverpayment, economy: { canEdit: true, otherBenefits: { data: { items: [] }, error: null }, overpayments: { data: { items: [{ id: uuid(70), amount: 50_000, reason: 'For mye i oktober', recoverPerMonth: 30_000, recovered: 30_000, outstanding: 20_000, status: 'open', createdAt: '2026-11-02T10:00:00.000Z' }], outstanding: 20_000 }, error: null } } });
    const section = screen.getByRole('heading', { name: 'Feilutbetalinger' }).closest('section')!;
    expect(within(section).getByText(/Gjenstår å trekke: 200,00\s*kr/)).toBeTruthy();
    expect(within(section).getByText('For mye i oktober')).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Registrer feilutbetaling' }));
    const dialog = await screen.findByRole('dialog', { name: 'Registrer feilutbetaling' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Beløp' }), { target: { value: '100' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Årsak' }), { target: { value: 'Feil sats' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Trekk per måned' }), { target: { value: '200' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registrer' }));
    await waitFor(() => expect(onCreateOverpayment).toHaveBeenCalledWith({ amount: 10_000, reason: 'Feil sats', recoverPerMonth: 20_000 }));
    expect((await within(dialog).findAllByText('Trekk per måned kan ikke være mer enn beløpet.')).length).toBe(2);
  });
});

describe('Letters', () => {
  it('downloads the chosen letter in the chosen written standard, and asks for the month of a deduction', async () => {
    const { p } = await renderPage({ view: decided });
    const section = screen.getByRole('region', { name: 'Brev og deltakerbevis' });
    fireEvent.change(within(section).getByRole('combobox', { name: 'Brev' }), { target: { value: 'participant_certificate' } });
    fireEvent.click(within(section).getByRole('radio', { name: 'Norsk nynorsk' }));
    fireEvent.click(within(section).getByRole('button', { name: 'Last ned PDF' }));
    await waitFor(() => expect(p.onDownloadLetter).toHaveBeenCalledWith({ kind: 'participant_certificate', lang: 'nn', month: undefined }));
    expect(await within(section).findByText('Deltakerbevis på Norsk nynorsk er lastet ned.')).toBeTruthy();
    fireEvent.change(within(section).getByRole('combobox', { name: 'Brev' }), { target: { value: 'deduction' } });
    fireEvent.change(within(section).getByLabelText('Måned trekket gjelder'), { target: { value: '2026-10' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Last ned PDF' }));
    await waitFor(() => expect(p.onDownloadLetter).toHaveBeenLastCalledWith({ kind: 'deduction', lang: 'nn', month: '2026-10' }));
  });

  it('says why a letter cannot be made yet', async () => {
    const onDownloadLetter = vi.fn(async () => {
      throw new ApiError({ code: 'CONFLICT', status: 409, message: 'The programme has not ended' });
    });
    await renderPage({ view: decided, onDownloadLetter });
    const section = screen.getByRole('region', { name: 'Brev og deltakerbevis' });
    fireEvent.change(within(section).getByRole('combobox', { name: 'Brev' }), { target: { value: 'ending' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Last ned PDF' }));
    expect(await within(section).findByText('Vedtak om avslutning kan ikke lages før programmet er avsluttet.')).toBeTruthy();
  });
});
