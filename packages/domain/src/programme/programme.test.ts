import { describe, expect, it } from 'vitest';
import { checkAbsence, absenceCounters, childSickDayLimit } from './absence.ts';
import { programmeEligibility, programmeStartDeadline, nirDeadline, regimeOf } from './eligibility.ts';
import { checkLength, checkWeeklyHours, compulsoryElements, lengthRule } from './length.ts';

const base = {
  birthDate: '1990-03-01',
  permitType: 'refugee',
  permitDate: '2025-09-01',
  arrivalCategory: 'reception_centre',
  settlementDate: '2026-01-15',
  decisionDate: '2026-03-01',
};

describe('eligibility', () => {
  it('picks the legal regime from the permit', () => {
    expect(regimeOf('refugee', '2020-12-31')).toBe('introl');
    expect(regimeOf('refugee', '2021-01-01')).toBe('integl');
    expect(regimeOf('collective_protection', '2023-03-01')).toBe('6a');
    expect(regimeOf('refugee', null)).toBeNull();
  });

  it('gives the right and duty to an adult refugee settled by agreement, with reasons', () => {
    const r = programmeEligibility(base);
    expect(r).toMatchObject({ regime: 'integl', status: 'right_and_duty', residenceLimit: '2028-01-15' });
    expect(r.reasons.join(' ')).toMatch(/settled by agreement/);
  });

  it('collective protection gives a right but no duty; age counts at the permit date', () => {
    expect(programmeEligibility({ ...base, permitType: 'collective_protection', arrivalCategory: 'collective_protection' }).status).toBe('right_only');
    expect(programmeEligibility({ ...base, birthDate: '2007-10-01' }).status).toBe('not_eligible');
    expect(programmeEligibility({ ...base, birthDate: '2007-08-01' }).status).toBe('right_and_duty');
    expect(programmeEligibility({ ...base, birthDate: '1969-01-01' }).status).toBe('may_offer');
    expect(programmeEligibility({ ...base, birthDate: '1969-01-01', upperAge: 60 }).status).toBe('right_and_duty');
  });

  it('self-settled may be offered; after two years in a municipality, no right', () => {
    expect(programmeEligibility({ ...base, arrivalCategory: 'self_settled' }).status).toBe('may_offer');
    const late = programmeEligibility({ ...base, decisionDate: '2028-01-15' });
    expect(late.status).toBe('not_eligible');
    expect(late.reasons.at(-1)).toMatch(/two years/);
  });

  it('family immigration depends on the sponsor’s five years', () => {
    const fam = { ...base, permitType: 'family_immigration', arrivalCategory: 'family_reunified', sponsorSettlementDate: '2021-05-01' };
    expect(programmeEligibility({ ...fam, familyApplicationDate: '2026-04-30' }).status).toBe('right_and_duty');
    expect(programmeEligibility({ ...fam, familyApplicationDate: '2026-05-01' }).status).toBe('not_eligible');
    expect(programmeEligibility({ ...fam, familyApplicationDate: null }).status).toBe('may_offer');
  });

  it('computes the legal deadlines', () => {
    expect(programmeStartDeadline('2026-01-31', null)).toBe('2026-04-30');
    expect(programmeStartDeadline('2026-01-15', '2026-02-10')).toBe('2026-05-10');
    expect(nirDeadline('2026-10-31')).toBe('2026-12-31');
  });
});

describe('length, hours and content', () => {
  it('checks the planned length and requires a reason for an extension', () => {
    const r = lengthRule('integl', 'upper_secondary_or_higher');
    expect(checkLength(r, 6, 0, null)).toEqual([]);
    expect(checkLength(r, 9, 0, null).map((p) => p.field)).toEqual(['plannedMonths']);
    expect(checkLength(r, 6, 6, null).map((p) => p.field)).toEqual(['extensionReason']);
    expect(checkLength(r, 6, 7, 'god progresjon').map((p) => p.field)).toEqual(['extensionMonths']);
    expect(checkLength(lengthRule('integl', 'completing_upper_secondary'), 36, 12, 'fullfører vg3').length).toBe(0);
  });

  it('accepts 30–37.5 hours a week, otherwise only with a reason', () => {
    expect(checkWeeklyHours(30, null)).toBeNull();
    expect(checkWeeklyHours(37.5, null)).toBeNull();
    expect(checkWeeklyHours(25, null)).toMatch(/30 and 37.5/);
    expect(checkWeeklyHours(25, 'delvis sykmeldt')).toBeNull();
  });

  it('lists the compulsory elements: parenting course for parents; no life skills in 6A', () => {
    expect(compulsoryElements({ regime: 'integl', hasChildrenUnder18OrExpecting: true })).toEqual(['norwegian', 'social_studies', 'life_skills', 'parenting_course', 'work_or_education']);
    expect(compulsoryElements({ regime: '6a', hasChildrenUnder18OrExpecting: false })).toEqual(['norwegian', 'social_studies', 'work_or_education']);
  });
});

describe('absence', () => {
  const input = { programmeStart: '2026-01-05', history: [], children: 1, singleCarer: false };

  it('self-certification: after 8 weeks, at most 3 days, 4 in 12 months, 16-day chaining', () => {
    expect(checkAbsence(input, { kind: 'self_certified', from: '2026-02-02', to: '2026-02-02' })[0]).toMatch(/8 weeks/);
    expect(checkAbsence(input, { kind: 'self_certified', from: '2026-03-09', to: '2026-03-11' })).toEqual([]);
    expect(checkAbsence(input, { kind: 'self_certified', from: '2026-03-09', to: '2026-03-12' })[0]).toMatch(/at most 3 days/);
    const chained = { ...input, history: [{ kind: 'self_certified' as const, from: '2026-03-09', to: '2026-03-10' }] };
    expect(checkAbsence(chained, { kind: 'self_certified', from: '2026-03-20', to: '2026-03-23' })[0]).toMatch(/same period/);
    const four = {
      ...input,
      history: ['2026-03-02', '2026-04-07', '2026-05-11', '2026-06-15'].map((d) => ({ kind: 'self_certified' as const, from: d, to: d })),
    };
    expect(checkAbsence(four, { kind: 'self_certified', from: '2026-08-10', to: '2026-08-10' })).toEqual(['at most 4 self-certifications in 12 months']);
    expect(absenceCounters(four, '2026-08-10')).toMatchObject({ selfCertifications: 4, selfCertificationsLimit: 4 });
  });

  it('child-sick days: 10, 15 with more than two children, doubled for single carers', () => {
    expect(childSickDayLimit(1, false)).toBe(10);
    expect(childSickDayLimit(3, false)).toBe(15);
    expect(childSickDayLimit(3, true)).toBe(30);
    const used = { ...input, history: [{ kind: 'child_sick' as const, from: '2026-03-02', to: '2026-03-13' }] };
    expect(checkAbsence(used, { kind: 'child_sick', from: '2026-04-13', to: '2026-04-13' })[0]).toMatch(/10 used in 12 months, the limit is 10/);
  });
});

describe('results', () => {
  it('counts the share in work or education by year, sex and age group, and missing end reasons', async () => {
    const { programmeResults } = await import('./outcomes.ts');
    const r = programmeResults([
      { birthDate: '1990-01-01', sex: 'female', endDate: '2025-06-30', endReason: 'work_or_education', mainActivity: 'work', followUpActivity: 'work' },
      { birthDate: '2003-01-01', sex: 'male', endDate: '2025-08-31', endReason: 'time_used', mainActivity: 'education', followUpActivity: null },
      { birthDate: '1975-01-01', sex: 'male', endDate: '2025-09-30', endReason: null, mainActivity: 'job_seeker_or_measure', followUpActivity: null },
      { birthDate: '1980-01-01', sex: 'female', endDate: '2026-03-31', endReason: 'not_registered', mainActivity: null, followUpActivity: null },
    ]);
    expect(r.map((y) => y.year)).toEqual([2026, 2025]);
    const y2025 = r[1]!;
    expect(y2025.total).toEqual({ ended: 3, inWorkOrEducation: 2, share: 2 / 3 });
    expect(y2025.bySex.male).toEqual({ ended: 2, inWorkOrEducation: 1, share: 0.5 });
    expect(y2025.byAge['18-24']).toEqual({ ended: 1, inWorkOrEducation: 1, share: 1 });
    expect(y2025.missingEndReason).toBe(1);
    expect(r[0]!.missingEndReasonShare).toBe(1);
    expect(y2025.followUp).toEqual({ registered: 1, inWorkOrEducation: 1 });
  });
});
