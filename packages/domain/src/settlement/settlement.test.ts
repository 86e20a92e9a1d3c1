import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, parseNorwegianOrIsoDate } from '../calendar/date.ts';
import { DEFAULT_CHECKLIST, plannedTasks } from './checklist.ts';
import { periodsOverlap, vacancy } from './housing.ts';
import { checkPipelineFacts, derivePipelineStage, pipelineNextStep, settlementTiming, type PipelineFacts, type PipelineMember } from './pipeline.ts';
import { reunificationGrantLimit } from './reunification.ts';
import { yearProgress } from './yearly.ts';

const adult = (o: Partial<PipelineMember> = {}): PipelineMember => ({
  birthDate: '1990-05-01',
  arrivalCategory: 'reception_centre',
  permitDate: '2026-01-10',
  settlementDate: null,
  populationRegisteredDate: null,
  active: true,
  ...o,
});
const facts = (o: Partial<PipelineFacts> = {}): PipelineFacts => ({
  offeredDate: '2026-03-01',
  response: null,
  responseDate: null,
  imdiDecisionDate: null,
  plannedArrivalDate: null,
  dwellingAssigned: false,
  members: [adult()],
  ...o,
});

describe('calendar arithmetic', () => {
  it('adds months with the end of month clamped, and days across years', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });
  it('reads Norwegian dates and refuses impossible ones', () => {
    expect(parseNorwegianOrIsoDate('1.2.2026')).toBe('2026-02-01');
    expect(parseNorwegianOrIsoDate('30.02.2024')).toBeUndefined();
    expect(parseNorwegianOrIsoDate('2024-02-29')).toBe('2024-02-29');
  });
  it('addDays and daysBetween are inverse (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: -3000, max: 3000 }), (base, n) => {
        const d = addDays('1990-01-01', base);
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
  });
});

describe('arrival pipeline', () => {
  it('walks through the stages from the facts, with the next step and its due date', () => {
    let f = facts();
    expect(derivePipelineStage(f)).toBe('offered');
    expect(pipelineNextStep(f)).toEqual({ step: 'respond_to_offer', due: '2026-03-15' });
    f = { ...f, response: 'accepted', responseDate: '2026-03-05' };
    expect(pipelineNextStep(f)).toEqual({ step: 'await_imdi_decision', due: '2026-03-19' });
    f = { ...f, imdiDecisionDate: '2026-03-20' };
    expect(derivePipelineStage(f)).toBe('imdi_decided');
    f = { ...f, plannedArrivalDate: '2026-04-20' };
    expect(pipelineNextStep(f)).toEqual({ step: 'assign_dwelling', due: '2026-04-13' });
    f = { ...f, dwellingAssigned: true };
    expect(pipelineNextStep(f)).toEqual({ step: 'register_settlement', due: '2026-04-20' });
    f = { ...f, members: [adult({ settlementDate: '2026-04-21' })] };
    expect(pipelineNextStep(f)).toEqual({ step: 'register_in_population_register', due: '2026-04-29' });
    f = { ...f, members: [adult({ settlementDate: '2026-04-21', populationRegisteredDate: '2026-04-25' })] };
    expect(derivePipelineStage(f)).toBe('registered');
    expect(pipelineNextStep(f)).toBeNull();
    expect(checkPipelineFacts(f)).toEqual([]);
  });

  it('a household is settled only when every active member has a settlement date', () => {
    const f = facts({ response: 'accepted', responseDate: '2026-03-02', imdiDecisionDate: '2026-03-03', members: [adult({ settlementDate: '2026-04-01' }), adult({ settlementDate: null })] });
    expect(derivePipelineStage(f)).toBe('imdi_decided');
    const moved = { ...f, members: [f.members[0]!, { ...f.members[1]!, active: false }] };
    expect(derivePipelineStage(moved)).toBe('settled');
  });

  it('refuses impossible orders, naming the field', () => {
    const bad = checkPipelineFacts(
      facts({ response: 'accepted', responseDate: '2026-02-01', imdiDecisionDate: '2026-03-10', plannedArrivalDate: '2026-02-15', members: [adult({ settlementDate: '2026-03-01' })] }),
    );
    expect(bad.map((b) => b.field)).toEqual(['responseDate', 'plannedArrivalDate', 'members.0.settlementDate']);
    expect(bad[2]!.message).toMatch(/before IMDi's settlement decision/);
  });

  it("IMDi's target: 3 months for families with children and unaccompanied minors, otherwise 6", () => {
    const single = settlementTiming(facts(), '2026-05-01');
    expect(single).toMatchObject({ targetMonths: 6, targetDate: '2026-07-10', status: 'within' });
    const family = settlementTiming(facts({ members: [adult(), adult({ birthDate: '2020-01-01', permitDate: '2026-01-12' })] }), '2026-05-01');
    expect(family).toMatchObject({ targetMonths: 3, targetDate: '2026-04-10', status: 'late' });
    const settled = settlementTiming(facts({ members: [adult({ settlementDate: '2026-03-01' })] }), '2026-12-01');
    expect(settled).toMatchObject({ status: 'settled_within', days: 50 });
  });
});

describe('yearly numbers', () => {
  it('splits unaccompanied minors by age at settlement; family reunified do not count against the decision', () => {
    const p = yearProgress({ requestedTotal: 20, requestedUnaccompanied: 2, decidedTotal: 15, acceptsUnaccompanied: true, decidedUnaccompanied: 2 }, [
      { arrivalCategory: 'unaccompanied_minor', birthDate: '2012-06-01', settlementDate: '2026-03-01' },
      { arrivalCategory: 'unaccompanied_minor', birthDate: '2010-01-01', settlementDate: '2026-03-01' },
      { arrivalCategory: 'family_reunified', birthDate: '1990-01-01', settlementDate: '2026-03-01' },
      { arrivalCategory: 'resettlement', birthDate: '1990-01-01', settlementDate: '2026-03-01' },
      { arrivalCategory: null, birthDate: '1990-01-01', settlementDate: '2026-03-01' },
    ]);
    expect(p.byCategory).toMatchObject({ um_under_15: 1, um_15_18: 1, family_reunified: 1, resettlement: 1 });
    expect(p).toMatchObject({ counted: 3, unaccompanied: 2, remaining: 12, remainingUnaccompanied: 0, uncategorised: 1 });
  });
});

describe('family reunification', () => {
  it('flags an application more than five years after the sponsor was first settled', () => {
    expect(reunificationGrantLimit('2020-03-01', '2025-03-01')).toEqual({ limitDate: '2025-03-01', exceeded: false });
    expect(reunificationGrantLimit('2020-03-01', '2025-03-02')).toEqual({ limitDate: '2025-03-01', exceeded: true });
    expect(reunificationGrantLimit(null, '2025-03-02').exceeded).toBeNull();
  });
});

describe('housing', () => {
  it('finds overlapping periods, open-ended ones included', () => {
    expect(periodsOverlap({ from: '2026-01-01', to: '2026-06-30' }, { from: '2026-06-30', to: null })).toBe(true);
    expect(periodsOverlap({ from: '2026-01-01', to: '2026-06-29' }, { from: '2026-06-30', to: null })).toBe(false);
  });
  it('costs the empty days of a held dwelling at rent × 12 / 365 per day', () => {
    const v = vacancy({ monthlyRent: 10_000, lease: { from: '2026-01-01', to: '2026-12-31' } }, [{ from: '2026-02-01', to: null }], '2026-01-01', '2026-12-31');
    expect(v).toMatchObject({ heldDays: 365, occupiedDays: 334, vacantDays: 31 });
    expect(v.cost).toBeCloseTo((31 * 120_000) / 365, 2);
  });
  it('never counts more vacant days than held days, however allocations overlap (property)', () => {
    const period = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 200 })).map(([s, len]) => ({ from: addDays('2026-01-01', s), to: addDays('2026-01-01', s + len) }));
    fc.assert(
      fc.property(period, fc.array(period, { maxLength: 6 }), (lease, allocs) => {
        const v = vacancy({ monthlyRent: 9000, lease }, allocs, '2026-01-01', '2026-12-31');
        expect(v.vacantDays).toBeGreaterThanOrEqual(0);
        expect(v.occupiedDays).toBeLessThanOrEqual(v.heldDays);
      }),
    );
  });
});

describe('first weeks checklist', () => {
  it('creates household tasks once and person tasks by condition, from each member’s own date', () => {
    const tasks = plannedTasks(DEFAULT_CHECKLIST, [
      { personId: 'mother', birthDate: '1988-01-01', arrivalCategory: 'resettlement', settlementDate: '2026-05-01' },
      { personId: 'child', birthDate: '2018-01-01', arrivalCategory: 'resettlement', settlementDate: '2026-05-01' },
      { personId: 'baby', birthDate: '2023-01-01', arrivalCategory: 'resettlement', settlementDate: '2026-05-10' },
    ]);
    const keys = (p: string | null) => tasks.filter((t) => t.personId === p).map((t) => t.itemKey);
    expect(keys(null)).toEqual(['settlement_conversation', 'lease_signed', 'moving_notice', 'housing_allowance', 'start_payment']);
    expect(keys('mother')).toEqual(['national_id', 'bank_account', 'tax_card', 'gp', 'tb_screening', 'health_assessment', 'skills_mapping', 'programme_start']);
    expect(keys('child')).toEqual(['national_id', 'gp', 'tb_screening', 'health_assessment', 'school_enrolment']);
    expect(keys('baby')).toEqual(['national_id', 'gp', 'tb_screening', 'health_assessment', 'kindergarten']);
    expect(tasks.find((t) => t.personId === 'baby' && t.itemKey === 'tb_screening')!.dueDate).toBe('2026-05-24');
    expect(tasks.find((t) => t.personId === 'mother' && t.itemKey === 'programme_start')!.dueDate).toBe('2026-08-01');
    expect(plannedTasks(DEFAULT_CHECKLIST, [{ personId: 'x', birthDate: '1990-01-01', arrivalCategory: null, settlementDate: null }])).toEqual([]);
  });
});
