import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/date.ts';
import { isWorkingDay, norwegianHolidays, workingDaysBetween } from '../calendar/holidays.ts';
import { gOn, RateGapError } from '../rates/g.ts';
import { calculateBenefit, rateFactor, type RateProfile } from './calculate.ts';

const adult: RateProfile = { regime: 'integl', birthDate: '1990-01-15', livesWithParents: false, coupleBothParticipantsNoChildren: false };
const june = { from: '2026-06-01', to: '2026-06-30' };
const all = (p: { from: string; to: string }) => [p];

describe('G table', () => {
  it('finds the G in force and refuses a missing year', () => {
    expect(gOn('2026-04-30').value).toBe(130_160);
    expect(gOn('2026-05-01').value).toBe(136_549);
    expect(() => gOn('2027-05-01')).toThrow(RateGapError);
    expect(() => gOn('2023-04-30')).toThrow(/starts 2023-05-01/);
  });
});

describe('rate', () => {
  it('full 2G, 2/3 and 1/3 under 25, 5/6 for couples without children, by regime', () => {
    expect(rateFactor(adult, '2026-06-01').factor).toEqual({ num: 1, den: 1 });
    const young = { ...adult, birthDate: '2003-01-01' };
    expect(rateFactor(young, '2026-06-01').factor).toEqual({ num: 2, den: 3 });
    expect(rateFactor({ ...young, livesWithParents: true }, '2026-06-01').factor).toEqual({ num: 1, den: 3 });
    expect(rateFactor({ ...young, regime: 'introl', livesWithParents: true }, '2026-06-01').factor).toEqual({ num: 2, den: 3 });
    expect(rateFactor({ ...adult, coupleBothParticipantsNoChildren: true }, '2026-06-01').factor).toEqual({ num: 5, den: 6 });
    expect(rateFactor({ ...young, coupleBothParticipantsNoChildren: true }, '2026-06-01').factor).toEqual({ num: 5, den: 9 });
    expect(rateFactor({ ...adult, regime: 'introl', coupleBothParticipantsNoChildren: true }, '2026-06-01').factor).toEqual({ num: 1, den: 1 });
  });
});

describe('monthly benefit', () => {
  it('pays 1/12 of 2G for a full month, matching rules.md (22 758.17 kr from May 2026; 21 693.33 kr before)', () => {
    expect(calculateBenefit({ period: june, participation: all(june), profile: adult }).gross).toBe(2_275_817);
    const april = { from: '2026-04-01', to: '2026-04-30' };
    expect(calculateBenefit({ period: april, participation: all(april), profile: adult }).gross).toBe(2_169_333);
    const young = calculateBenefit({ period: june, participation: all(june), profile: { ...adult, birthDate: '2003-01-01' } });
    expect(young.gross).toBe(Math.round(18_206_533.33 / 12));
  });

  it('splits a period that crosses 1 May and a 25th birthday, and pays part months by days', () => {
    const crossing = { from: '2026-04-16', to: '2026-05-15' };
    const r = calculateBenefit({ period: crossing, participation: all(crossing), profile: adult });
    expect(r.lines.filter((l) => l.code === 'benefit')).toHaveLength(2);
    expect(r.gross).toBe(Math.round((2_169_333.33 * 15) / 30) + Math.round((2_275_816.67 * 15) / 31));
    const turning = calculateBenefit({ period: june, participation: all(june), profile: { ...adult, birthDate: '2001-06-11' } });
    expect(turning.lines.filter((l) => l.code === 'benefit').map((l) => l.text.slice(0, 23))).toEqual(['2026-06-01 – 2026-06-10', '2026-06-11 – 2026-06-30']);
    expect(turning.gross).toBe(Math.round((1_517_211.11 * 10) / 30) + Math.round((2_275_816.67 * 20) / 30));
    const started = calculateBenefit({ period: june, participation: [{ from: '2026-06-16', to: '2026-07-31' }], profile: adult });
    expect(started.gross).toBe(Math.round(2_275_816.67 / 2));
    const leave = calculateBenefit({ period: june, participation: [{ from: '2026-06-01', to: '2026-06-09' }, { from: '2026-06-20', to: '2026-06-30' }], profile: adult });
    expect(leave.gross).toBe(Math.round((2_275_816.67 * 9) / 30) + Math.round((2_275_816.67 * 11) / 30));
  });

  it('deducts unexcused absence by the hour (1/1850 a year) and the day (1/30 a month)', () => {
    const r = calculateBenefit({ period: june, participation: all(june), profile: adult, unexcused: [{ date: '2026-06-03', unit: 'hour', quantity: 2 }, { date: '2026-06-04', unit: 'day', quantity: 1 }] });
    expect(r.absenceDeduction).toBe(Math.round((27_309_800 / 1850) * 2) + Math.round(27_309_800 / 12 / 30));
    expect(r.net).toBe(r.gross - r.absenceDeduction);
    expect(r.decisionRequired).toBe(false);
  });

  it('needs an individual decision when the deduction is at least half the payment and at least G/12', () => {
    const days = (n: number) => Array.from({ length: n }, (_, i) => ({ date: addDays('2026-06-01', i), unit: 'day' as const, quantity: 1 }));
    expect(calculateBenefit({ period: june, participation: all(june), profile: adult, unexcused: days(14) }).decisionRequired).toBe(false);
    const sixteen = calculateBenefit({ period: june, participation: all(june), profile: adult, unexcused: days(16) });
    expect(sixteen.decisionRequired).toBe(true);
    expect(sixteen.lines.at(-1)!.code).toBe('decision_required');
    // Half of a small part-month payment is below G/12: no decision.
    const part = calculateBenefit({ period: june, participation: [{ from: '2026-06-21', to: '2026-06-30' }], profile: adult, unexcused: days(0).concat([{ date: '2026-06-22', unit: 'day', quantity: 8 }]) });
    expect(part.decisionRequired).toBe(false);
  });

  it('coordinates with other benefits: never barnetrygd or kontantstøtte; overgangsstønad above ½ G at 40 %', () => {
    const r = calculateBenefit({
      period: june,
      participation: all(june),
      profile: adult,
      otherBenefits: [
        { kind: 'barnetrygd', monthlyAmount: 176_600 },
        { kind: 'kontantstotte', monthlyAmount: 750_000 },
        { kind: 'overgangsstonad', monthlyAmount: 2_000_000 },
        { kind: 'sykepenger', monthlyAmount: 300_000, earnedBeforeProgramme: false },
        { kind: 'arbeidsavklaringspenger', monthlyAmount: 100_000 },
      ],
    });
    const os = Math.round(((24_000_000 - 6_827_450) * 0.4) / 12);
    expect(r.coordinationDeduction).toBe(os + 100_000);
    expect(r.lines.find((l) => l.code === 'coordination_barnetrygd')!.amount).toBe(-0);
    expect(r.net).toBe(r.gross - os - 100_000);
  });

  it('recovers an overpayment, never below zero', () => {
    const r = calculateBenefit({ period: june, participation: all(june), profile: adult, recover: 9_999_999 });
    expect(r.recovered).toBe(r.gross);
    expect(r.net).toBe(0);
  });

  it('never pays more than a month nor less than nothing (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 29 }),
        fc.integer({ min: 0, max: 29 }),
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 29 }), unit: fc.constantFrom<'hour' | 'day'>('hour', 'day'), quantity: fc.integer({ min: 1, max: 8 }) }), { maxLength: 30 }),
        fc.boolean(),
        (a, b, absences, young) => {
          const from = addDays('2026-06-01', Math.min(a, b));
          const to = addDays('2026-06-01', Math.max(a, b));
          const r = calculateBenefit({
            period: june,
            participation: [{ from, to }],
            profile: { ...adult, birthDate: young ? '2004-03-03' : adult.birthDate },
            unexcused: absences.map((x) => ({ date: addDays('2026-06-01', x.day), unit: x.unit, quantity: x.quantity })),
          });
          expect(r.gross).toBeLessThanOrEqual(2_275_817);
          expect(r.net).toBeGreaterThanOrEqual(0);
          expect(r.lines.filter((l) => l.code !== 'decision_required').reduce((s, l) => s + l.amount, 0)).toBeLessThanOrEqual(r.gross);
        },
      ),
    );
  });
});

describe('working days', () => {
  it('knows the Norwegian public holidays', () => {
    expect(norwegianHolidays(2026)).toEqual(['2026-01-01', '2026-04-02', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-17', '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26']);
    expect(isWorkingDay('2026-05-18')).toBe(true);
    expect(isWorkingDay('2026-05-17')).toBe(false);
    expect(workingDaysBetween('2026-03-30', '2026-04-10')).toBe(7);
  });
});
