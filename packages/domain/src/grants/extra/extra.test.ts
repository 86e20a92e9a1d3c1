import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appliedAmount,
  checkConsent,
  checkCostLine,
  checkDecision,
  checkNewApplication,
  checkPostponementRequest,
  checkSubmission,
  consentCovers,
  distributeGrant,
  effectiveDeadline,
  extraGrantCap,
  extraGrantDeadline,
  extraGrantLastYear,
  extraGrantYear,
  type ExtraGrantRate,
} from './index.ts';

const RATES: ExtraGrantRate[] = [
  { code: 'FHT1', year: 2023, amount: 19_640_000, status: 'verified', source: 'KS', municipal: false },
  { code: 'FHT2', year: 2023, amount: 152_000_000, status: 'verified', source: 'KS', municipal: false },
  { code: 'FHT2', year: 2024, amount: 160_800_000, status: 'unverified', source: 'S42', municipal: false },
  { code: 'FHT2', year: 2024, amount: 150_000_000, status: 'verified', source: 'own', municipal: true },
];

describe('grant years and deadlines', () => {
  it('grant year n is the calendar year of the first settlement + n − 1', () => {
    expect(extraGrantYear('2023-03-15', 1)).toEqual({ year: 2023, start: '2023-03-15', end: '2023-12-31' });
    expect(extraGrantYear('2023-03-15', 3)).toEqual({ year: 2025, start: '2025-01-01', end: '2025-12-31' });
  });

  it('first application 14 months after settlement; later ones 2 months after each grant year', () => {
    expect(extraGrantDeadline('2023-03-15', 1, true).due).toBe('2024-05-15');
    expect(extraGrantDeadline('2023-03-15', 2, true).due).toBe('2024-05-15');
    expect(extraGrantDeadline('2023-03-15', 2, false).due).toBe('2025-02-28');
    expect(extraGrantDeadline('2023-03-15', 3, true).due).toBe('2026-02-28');
    expect(extraGrantDeadline('2022-12-31', 1, true).due).toBe('2024-02-29');
  });

  it('a deadline is never before the settlement date, and a later year never has an earlier deadline', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 9 }), (d, n) => {
        const a = extraGrantDeadline(d, n, true).due;
        expect(a > d).toBe(true);
        expect(extraGrantDeadline(d, n + 1, false).due >= a).toBe(true);
      }),
    );
  });

  it('tilskudd 2 for five years; unaccompanied minors to the year they turn 20, at least five', () => {
    expect(extraGrantLastYear({ firstSettlementDate: '2023-05-01', birthDate: '1990-01-01', unaccompaniedMinor: false }).lastYear).toBe(5);
    expect(extraGrantLastYear({ firstSettlementDate: '2023-05-01', birthDate: '2010-01-01', unaccompaniedMinor: true }).lastYear).toBe(8);
    expect(extraGrantLastYear({ firstSettlementDate: '2023-05-01', birthDate: '2006-01-01', unaccompaniedMinor: true }).lastYear).toBe(5);
  });

  it('a granted postponement moves the deadline; a requested one does not', () => {
    expect(effectiveDeadline('2024-05-15', { status: 'granted', until: '2024-08-01' })).toBe('2024-08-01');
    expect(effectiveDeadline('2024-05-15', { status: 'requested', until: '2024-08-01' })).toBe('2024-05-15');
    expect(effectiveDeadline('2024-05-15', null)).toBe('2024-05-15');
  });

  it('a postponement only before the deadline; an application after it only with a granted postponement', () => {
    expect(checkPostponementRequest({ due: '2024-05-15', requestedDate: '2024-05-15', until: '2024-07-01', status: 'draft', existing: false })).toEqual([]);
    expect(checkPostponementRequest({ due: '2024-05-15', requestedDate: '2024-05-16', until: '2024-07-01', status: 'draft', existing: false })[0]).toMatchObject({ field: 'requestedDate', message: expect.stringMatching(/before the deadline \(2024-05-15\)/) });
    const late = checkSubmission({ status: 'draft', submittedDate: '2024-05-20', today: '2024-05-20', deadline: '2024-05-15', postponed: false, costLines: 1 });
    expect(late).toEqual([{ field: 'submittedDate', message: 'is after the application deadline (2024-05-15) and no postponement has been granted' }]);
    expect(checkSubmission({ status: 'draft', submittedDate: '2024-05-20', today: '2024-05-20', deadline: '2024-07-01', postponed: true, costLines: 1 })).toEqual([]);
  });
});

describe('applications, costs and caps', () => {
  it('year 1 or 2 takes either tilskudd 1 or 2; tilskudd 1 once, only in year 1 or 2', () => {
    const base = { lastYear: 5, lastYearRule: 'fem år' };
    expect(checkNewApplication({ ...base, grantYear: 1, kind: 'tilskudd1', existing: [] })).toEqual([]);
    expect(checkNewApplication({ ...base, grantYear: 2, kind: 'tilskudd2', existing: [{ grantYear: 1, kind: 'tilskudd1' }] })[0]?.field).toBe('kind');
    expect(checkNewApplication({ ...base, grantYear: 2, kind: 'tilskudd1', existing: [{ grantYear: 1, kind: 'tilskudd2' }] }).map((p) => p.field)).toEqual(['kind']);
    expect(checkNewApplication({ ...base, grantYear: 3, kind: 'tilskudd1', existing: [] })[0]?.message).toMatch(/year 1 or 2/);
    expect(checkNewApplication({ ...base, grantYear: 3, kind: 'tilskudd2', existing: [{ grantYear: 1, kind: 'tilskudd1' }] })).toEqual([]);
    expect(checkNewApplication({ ...base, grantYear: 6, kind: 'tilskudd2', existing: [] })[0]).toMatchObject({ field: 'grantYear' });
    expect(checkNewApplication({ ...base, grantYear: 3, kind: 'tilskudd2', existing: [{ grantYear: 3, kind: 'tilskudd2' }] })[0]?.field).toBe('grantYear');
  });

  it('refuses a cost line in another currency or outside the grant years, naming the field', () => {
    const ok = { currency: 'NOK', grantYear: 1, lastYear: 5, lastYearRule: 'fem år', estimate: 10_000_00, actual: null };
    expect(checkCostLine(ok)).toEqual([]);
    expect(checkCostLine({ ...ok, currency: 'EUR' })[0]).toMatchObject({ field: 'currency', message: expect.stringMatching(/must be NOK/) });
    expect(checkCostLine({ ...ok, grantYear: 6 })[0]).toMatchObject({ field: 'grantYear', message: expect.stringMatching(/from 1 to 5/) });
    expect(checkCostLine({ ...ok, grantYear: 0 })[0]?.field).toBe('grantYear');
    expect(checkCostLine({ ...ok, estimate: -1 })[0]?.field).toBe('estimate');
  });

  it("caps from the rate table by code and year; the municipality's own row wins", () => {
    expect(extraGrantCap('tilskudd1', 2023, RATES)?.amount).toBe(19_640_000);
    expect(extraGrantCap('tilskudd2', 2024, RATES)?.amount).toBe(150_000_000);
    expect(extraGrantCap('tilskudd2', 2026, RATES)).toBeNull();
    expect(appliedAmount(200_000_000, 152_000_000)).toEqual({ amount: 152_000_000, capped: true });
    expect(appliedAmount(1_000, null)).toEqual({ amount: 1_000, capped: false });
  });

  it('a decision never gives more than applied for or the cap; partly granted is less', () => {
    const base = { status: 'submitted' as const, applied: 100_000_00, cap: 152_000_000, decisionDate: '2024-09-01', submittedDate: '2024-05-01' };
    expect(checkDecision({ ...base, outcome: 'granted', grantedAmount: 100_000_00 })).toEqual([]);
    expect(checkDecision({ ...base, outcome: 'partly_granted', grantedAmount: 60_000_00 })).toEqual([]);
    expect(checkDecision({ ...base, outcome: 'partly_granted', grantedAmount: 100_000_00 })[0]?.field).toBe('grantedAmount');
    expect(checkDecision({ ...base, outcome: 'granted', grantedAmount: 200_000_00 })[0]?.field).toBe('grantedAmount');
    expect(checkDecision({ ...base, outcome: 'granted', grantedAmount: null })[0]?.field).toBe('grantedAmount');
    expect(checkDecision({ ...base, outcome: 'rejected', grantedAmount: null })).toEqual([]);
    expect(checkDecision({ ...base, status: 'draft', outcome: 'rejected', grantedAmount: null })[0]?.field).toBe('action');
  });
});

describe('the grant follows the user', () => {
  it('shares the granted amount in proportion to the costs', () => {
    expect(distributeGrant(90_000, [{ key: 'health', amount: 200 }, { key: 'school', amount: 100 }])).toEqual([
      { key: 'health', cost: 200, share: 60_000 },
      { key: 'school', cost: 100, share: 30_000 },
    ]);
    expect(distributeGrant(100, [{ key: 'a', amount: 1 }, { key: 'b', amount: 1 }, { key: 'c', amount: 1 }]).map((s) => s.share)).toEqual([34, 33, 33]);
    expect(distributeGrant(100, [{ key: 'a', amount: 0 }]).map((s) => s.share)).toEqual([0]);
  });

  it('the shares always add up to the granted amount, and a larger cost never gets a smaller share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_00 }), fc.array(fc.integer({ min: 1, max: 1_000_000_00 }), { minLength: 1, maxLength: 14 }), (granted, costs) => {
        const out = distributeGrant(granted, costs.map((amount, i) => ({ key: String(i), amount })));
        expect(out.reduce((s, x) => s + x.share, 0)).toBe(granted);
        for (const a of out) for (const b of out) if (a.cost > b.cost) expect(a.share).toBeGreaterThanOrEqual(b.share);
      }),
    );
  });
});

describe('informed consent', () => {
  it('a child under 16 is represented by the guardian; the scope names the services', () => {
    expect(checkConsent({ signedBy: 'person', birthDate: '2012-01-01', consentDate: '2026-01-01', today: '2026-02-01', scope: ['health'] })[0]?.field).toBe('signedBy');
    expect(checkConsent({ signedBy: 'guardian', birthDate: '2012-01-01', consentDate: '2026-01-01', today: '2026-02-01', scope: ['health'] })).toEqual([]);
    expect(checkConsent({ signedBy: 'person', birthDate: '1990-01-01', consentDate: '2026-03-01', today: '2026-02-01', scope: [] }).map((p) => p.field)).toEqual(['consentDate', 'scope']);
  });

  it('a request needs a consent in force that covers the kind of unit', () => {
    expect(consentCovers([], 'health', '2026-01-01')).toMatchObject({ ok: false, message: expect.stringMatching(/no informed consent/) });
    const c = [{ scope: ['health', 'ppt'] as const, consentDate: '2025-12-01', withdrawnDate: null }];
    expect(consentCovers(c.map((x) => ({ ...x, scope: [...x.scope] })), 'health', '2026-01-01')).toEqual({ ok: true });
    expect(consentCovers(c.map((x) => ({ ...x, scope: [...x.scope] })), 'school', '2026-01-01')).toMatchObject({ ok: false, message: expect.stringMatching(/does not cover/) });
    expect(consentCovers([{ scope: ['health'], consentDate: '2025-12-01', withdrawnDate: '2025-12-24' }], 'health', '2026-01-01').ok).toBe(false);
  });
});
