import { describe, expect, it } from 'vitest';
import type { CaseView, PipelineItem, SettlementYearView } from '@eidor/contract';
import { ApiError } from '../../api/client.ts';
import { formatDate } from '../../i18n/format.ts';
import { i18n } from '../../i18n/index.ts';
import { boardColumns, overdueCount } from './board.ts';
import { caseFactsFrom, caseFormFrom, checkCaseFacts, factMessage } from './case-form.ts';
import { checkChecklist, checklistRequestFrom, checklistServerMessage, emptyItem, keyFromTitle } from './checklist-form.ts';
import { describeProblem, problemsFromError } from './import-problems.ts';
import { timingColor, timingText } from './timing.ts';
import { chartYears, yearChart } from './year-chart.ts';
import { yearFieldsFrom, yearFormFrom, yearFormPath, yearServerMessage } from './year-form.ts';

const t = i18n.t.bind(i18n);
const nbDate = (iso: string) => formatDate(iso, 'nb');
const nbNumber = (n: number) => new Intl.NumberFormat('nb-NO').format(n);
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const timing = { targetMonths: 6 as const, permitDate: '2026-06-01', targetDate: '2026-12-01', settledOn: null, days: 120, status: 'within' as const };
const item = (n: number, o: Partial<PipelineItem> = {}): PipelineItem => ({
  id: uuid(n),
  householdId: uuid(100 + n),
  householdName: `Husstanden ${n}`,
  imdiReference: null,
  memberCount: 2,
  stage: 'offered',
  nextStep: 'respond_to_offer',
  nextStepDue: '2026-11-01',
  overdue: false,
  offeredDate: '2026-10-18',
  plannedArrivalDate: null,
  timing,
  ...o,
});

describe('the pipeline board', () => {
  it('has one column per stage in the pipeline’s order, keeping the server’s order inside each', () => {
    const items = [item(1), item(2, { stage: 'settled', overdue: true }), item(3), item(4, { stage: 'accepted' })];
    const columns = boardColumns(items);
    expect(columns.map((c) => c.stage)).toEqual(['offered', 'accepted', 'declined', 'imdi_decided', 'arrival_planned', 'dwelling_assigned', 'settled', 'registered']);
    expect(columns[0]!.items.map((i) => i.householdName)).toEqual(['Husstanden 1', 'Husstanden 3']);
    expect(columns.find((c) => c.stage === 'declined')!.items).toEqual([]);
    expect(overdueCount(items)).toBe(1);
  });

  it('shows only the chosen stage when filtered', () => {
    expect(boardColumns([item(1), item(4, { stage: 'accepted' })], 'accepted').map((c) => [c.stage, c.items.length])).toEqual([['accepted', 1]]);
  });
});

describe('IMDi’s target in words', () => {
  it('counts the days against the target, not by colour alone', () => {
    expect(timingText(timing, t, nbDate)).toBe('120 dager siden oppholdstillatelsen. IMDis mål er 6 måneder, innen 01.12.2026.');
    expect(timingText({ ...timing, targetMonths: 3, targetDate: '2026-09-01', status: 'late' }, t, nbDate)).toBe('120 dager siden oppholdstillatelsen. IMDis mål på 3 måneder var 01.09.2026.');
    expect(timingText({ ...timing, days: 1, status: 'settled_within' }, t, nbDate)).toBe('Bosatt 1 dag etter oppholdstillatelsen, innenfor IMDis mål på 6 måneder.');
    expect(timingText({ ...timing, permitDate: null, targetDate: null, days: null, status: 'no_permit' }, t, nbDate)).toMatch(/ingen i husstanden har dato/);
    expect([timingColor('within'), timingColor('late'), timingColor('settled_late'), timingColor('no_permit')]).toEqual(['success', 'danger', 'warning', 'neutral']);
  });
});

describe('import problems', () => {
  it('reads the lines and columns back from a refused import', () => {
    const error = new ApiError({
      code: 'VALIDATION',
      status: 400,
      message: 'The file has 3 problem(s); nothing was imported',
      fields: [
        { path: 'line 2: birth_date', message: '"30.02.2024" is not a real date (YYYY-MM-DD or DD.MM.YYYY)' },
        { path: 'line 5', message: 'Duplicate of line 4' },
        { path: 'line 7: person.givenName', message: 'may contain only letters' },
        { path: 'csv', message: 'Too big' },
      ],
    });
    expect(problemsFromError(error)).toEqual([
      { line: 2, column: 'birth_date', message: '"30.02.2024" is not a real date (YYYY-MM-DD or DD.MM.YYYY)' },
      { line: 5, column: null, message: 'Duplicate of line 4' },
      { line: 7, column: 'person.givenName', message: 'may contain only letters' },
      { line: 0, column: 'csv', message: 'Too big' },
    ]);
  });

  it('says the known problems in Norwegian, and keeps the server’s English (marked as such) for the rest', () => {
    expect(describeProblem('"30.02.2024" is not a real date (YYYY-MM-DD or DD.MM.YYYY)', t, nbDate)).toEqual({ text: '«30.02.2024» er ikke en gyldig dato. Skriv den som 31.12.2026 eller 2026-12-31.' });
    expect(describeProblem('Duplicate of line 4', t, nbDate).text).toBe('Samme person som på linje 4.');
    expect(describeProblem('Household FL-1 has 2 main persons (hovedperson); it needs exactly one', t, nbDate).text).toBe('Husstanden FL-1 har 2 hovedpersoner, men må ha nøyaktig én.');
    expect(describeProblem("differs from the household's first row (2026-11-02)", t, nbDate).text).toBe('Er ulik datoen på husstandens første linje (02.11.2026).');
    expect(describeProblem('Unknown column "ref". Expected: imdi_reference, …', t, nbDate).text).toBe('Ukjent kolonne «ref».');
    expect(describeProblem('Has 3 fields; the header has 13', t, nbDate).text).toBe('Linjen har 3 felt, men overskriften har 13.');
    expect(describeProblem('Invalid option: expected one of "resettlement"|"reception_centre"', t, nbDate)).toEqual({ text: 'Invalid option: expected one of "resettlement"|"reception_centre"', lang: 'en' });
  });
});

const member = (n: number, o: Partial<CaseView['members'][number]> = {}): CaseView['members'][number] => ({
  personId: uuid(n),
  givenName: `Navn${n}`,
  familyName: 'Haile',
  birthDate: '1985-03-12',
  householdRole: 'head',
  arrivalCategory: 'resettlement',
  permitDate: '2026-08-15',
  settlementDate: null,
  populationRegisteredDate: null,
  status: 'active',
  ...o,
});
const kase: CaseView = {
  id: uuid(1),
  householdId: uuid(2),
  householdName: 'Husstanden Haile',
  imdiReference: 'FL-100',
  offeredDate: '2026-11-02',
  response: null,
  responseDate: null,
  declineReason: null,
  imdiDecisionDate: null,
  plannedArrivalDate: null,
  source: 'import',
  stage: 'offered',
  nextStep: 'respond_to_offer',
  nextStepDue: '2026-11-16',
  timing,
  members: [member(10), member(11, { householdRole: 'spouse' })],
  allocations: [],
  tasks: [],
  version: 3,
  can: { edit: true },
};

describe('the case form', () => {
  it('turns empty dates into "not yet" and keeps a reason only with a "no"', () => {
    const values = { ...caseFormFrom(kase), response: 'accepted' as const, responseDate: '2026-11-05', declineReason: 'left over' };
    expect(caseFactsFrom(values)).toEqual({
      imdiReference: 'FL-100',
      offeredDate: '2026-11-02',
      response: 'accepted',
      responseDate: '2026-11-05',
      declineReason: null,
      imdiDecisionDate: null,
      plannedArrivalDate: null,
      members: [
        { personId: uuid(10), settlementDate: null, populationRegisteredDate: null },
        { personId: uuid(11), settlementDate: null, populationRegisteredDate: null },
      ],
    });
  });

  it('checks the order of the dates with the domain’s rule, naming the field and the member', () => {
    const labelFor = (path: string) => ({ plannedArrivalDate: 'Avtalt ankomstdato', 'members.1.settlementDate': 'Bosettingsdato for Navn11 Haile' })[path];
    const base = caseFormFrom(kase);
    expect(checkCaseFacts({ ...base, plannedArrivalDate: '2026-10-01' }, kase, t, labelFor)).toEqual([
      { path: 'plannedArrivalDate', message: 'Avtalt ankomstdato kan ikke være før datoen på fordelingslisten.' },
    ]);
    const settledTooEarly = {
      ...base,
      response: 'accepted' as const,
      responseDate: '2026-11-05',
      imdiDecisionDate: '2026-11-10',
      members: [base.members[0]!, { ...base.members[1]!, settlementDate: '2026-11-08' }],
    };
    expect(checkCaseFacts(settledTooEarly, kase, t, labelFor)).toEqual([{ path: 'members.1.settlementDate', message: 'Bosettingsdato for Navn11 Haile kan ikke være før IMDis vedtak.' }]);
    expect(checkCaseFacts({ ...base, response: 'declined', responseDate: '2026-11-05' }, kase, t, labelFor)).toEqual([
      { path: 'declineReason', message: 'Du må skrive hvorfor kommunen takket nei.' },
    ]);
  });

  it('says the server’s reasons in the user’s words, and leaves unknown ones to the general message', () => {
    expect(factMessage('members.0.settlementDate', "needs IMDi's settlement decision first", t, 'Bosettingsdato for A')).toBe('Bosettingsdato for A krever at datoen for IMDis vedtak er fylt ut.');
    expect(factMessage('imdiReference', 'is already used by another household', t, 'IMDi-referanse')).toBe('IMDi-referansen er allerede brukt av en annen husstand.');
    expect(factMessage('members.0.personId', 'is not a member of this household', t, 'x')).toBeUndefined();
  });
});

const year = (o: Partial<SettlementYearView>): SettlementYearView => ({
  year: 2026,
  version: 1,
  requestedTotal: null,
  requestedUnaccompanied: null,
  decidedTotal: null,
  acceptsUnaccompanied: null,
  decidedUnaccompanied: null,
  decisionDate: null,
  decisionBody: null,
  sentToImdiDate: null,
  imdinettRegistered: false,
  extraCapacity: null,
  note: null,
  settled: { resettlement: 0, reception_centre: 0, family_reunified: 0, um_under_15: 0, um_15_18: 0, agreed_self_settlement: 0, collective_protection: 0, self_settled: 0 },
  uncategorised: 0,
  counted: 0,
  unaccompanied: 0,
  remaining: null,
  remainingUnaccompanied: null,
  share: null,
  ...o,
});

describe('the yearly chart', () => {
  it('draws years with numbers, oldest first: decided, then two stacks of the settled (counted and not)', () => {
    const years = [
      year({ year: 2027, decidedTotal: 37 }),
      year({ year: 2026, decidedTotal: 25, counted: 3, settled: { ...year({}).settled, resettlement: 3, family_reunified: 1 } }),
      year({ year: 2025 }),
    ];
    expect(chartYears(years).map((y) => y.year)).toEqual([2026, 2027]);
    const { option, summary } = yearChart(years, t, nbNumber);
    const series = option.series as { name: string; stack?: string; data: number[] }[];
    expect(series[0]).toMatchObject({ name: 'Vedtatt', data: [25, 37] });
    expect(series.find((s) => s.name === 'Overføringsflyktninger')).toMatchObject({ stack: 'counted', data: [3, 0] });
    expect(series.find((s) => s.name === 'Familiegjenforente (regnes ikke med)')).toMatchObject({ stack: 'outside', data: [1, 0] });
    expect(summary).toBe(
      'Stolpediagram over vedtatt og bosatt per år. 2026: vedtatt 25 personer, bosatt 3 som regnes med. I tillegg 1 familiegjenforent eller selvbosatt. 2027: vedtatt 37 personer, bosatt 0 som regnes med.',
    );
    expect(yearChart([], t, nbNumber).summary).toMatch(/ingen tall å vise/);
  });
});

describe('the year form', () => {
  it('reads numbers as typed and empty fields as "not known"', () => {
    const values = { ...yearFormFrom(2027, undefined), requestedTotal: '1 200', decidedTotal: '37', acceptsUnaccompanied: 'no' as const, decisionDate: '2026-12-10' };
    expect(yearFieldsFrom(values)).toMatchObject({ requestedTotal: 1200, requestedUnaccompanied: null, decidedTotal: 37, acceptsUnaccompanied: false, decisionDate: '2026-12-10', note: null });
    expect(yearFieldsFrom({ ...values, decidedTotal: 'mange' }).decidedTotal).toBeNaN();
    expect(yearFormFrom(2026, year({ decidedTotal: 25, acceptsUnaccompanied: true, decidedUnaccompanied: 4 }))).toMatchObject({ decidedTotal: '25', acceptsUnaccompanied: 'yes', decidedUnaccompanied: '4' });
  });

  it('puts the server’s field errors on the form’s fields, in words', () => {
    expect(yearFormPath('fields.decisionDate')).toBe('decisionDate');
    expect(yearServerMessage({ path: 'fields.decisionDate', message: "is required with the council's decision" }, t)).toBe('Du må fylle ut vedtaksdato når antallet er vedtatt.');
    expect(yearServerMessage({ path: 'fields.note', message: 'something else' }, t)).toBeUndefined();
  });
});

describe('the checklist form', () => {
  it('makes a key from a title in ASCII, and refuses what cannot be one', () => {
    expect(keyFromTitle('Lånekort på biblioteket')).toBe('lanekort_pa_biblioteket');
    expect(keyFromTitle('Første legetime – fastlege')).toBe('forste_legetime_fastlege');
    expect(keyFromTitle('1. samtale')).toBe('punkt_1_samtale');
    expect(keyFromTitle('!!')).toBe('');
  });

  it('finds a key used twice and a key in the wrong format, naming the items', () => {
    const a = { ...emptyItem(), key: 'bank_account', title: 'Bankkonto' };
    const issues = checkChecklist({ items: [a, { ...a }, { ...a, key: 'Bank Konto' }, { ...a, key: '', title: 'Bank account' }] }, t);
    expect(issues).toEqual([
      { path: 'items.1.key', message: 'Punkt 2 har samme nøkkel som punkt 1. Nøklene må være ulike.' },
      { path: 'items.2.key', message: 'Nøkkelen i punkt 3 kan bare ha små bokstaver a–z, tall og _, og må begynne med en bokstav.' },
      { path: 'items.3.key', message: 'Punkt 4 har samme nøkkel som punkt 1. Nøklene må være ulike.' },
    ]);
    expect(checklistRequestFrom({ items: [{ ...a, key: '', title: 'Lånekort', dueOffsetMonths: '1', dueOffsetDays: '' }] }).items[0]).toMatchObject({ key: 'lanekort', dueOffsetMonths: 1, dueOffsetDays: Number.NaN });
    expect(checklistServerMessage({ path: 'items.1.key', message: 'is used twice' }, t)).toBe('Nøkkelen i punkt 2 er brukt på et annet punkt også.');
  });
});
