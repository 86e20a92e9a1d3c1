import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GRANT_RATES,
  effectiveRates,
  expectedByTerm,
  firstTermAfter,
  forecast,
  fromShare,
  grantSchedule,
  hypotheticalPerson,
  parseAmountOre,
  parseGrantCode,
  parseListDate,
  parseTerm,
  rateFor,
  readPaymentLine,
  remainingMix,
  type GrantFacts,
} from './index.ts';

const opts = { rates: DEFAULT_GRANT_RATES, splitRule: 'month_based' as const };
const person = (over: Partial<GrantFacts> = {}): GrantFacts => ({ ...hypotheticalPerson('single_adult', '2024-03-10'), ...over });

describe('rate tables', () => {
  it('finds the year, carries the latest earlier year forward, and has nothing before the first', () => {
    expect(rateFor(DEFAULT_GRANT_RATES, 'AR-1 EV', 2024)).toMatchObject({ rate: { amount: 241_100 }, carriedFrom: null });
    expect(rateFor(DEFAULT_GRANT_RATES, 'AR-1 EV', 2026)).toMatchObject({ rate: { year: 2024 }, carriedFrom: 2024 });
    expect(rateFor(DEFAULT_GRANT_RATES, 'AR-1 EV', 2020)).toMatchObject({ rate: { year: 2024 }, carriedFrom: 2024 });
    expect(rateFor([], 'AR-1 EV', 2024)).toBeNull();
  });
  it("a municipality's own row replaces the default for that code and year only", () => {
    const own = [{ code: 'AR-1 EV' as const, year: 2024, amount: 241_000, source: 'rundskriv', status: 'verified' as const }];
    const r = effectiveRates(DEFAULT_GRANT_RATES, own);
    expect(rateFor(r, 'AR-1 EV', 2024)?.rate).toMatchObject({ amount: 241_000, status: 'verified' });
    expect(rateFor(r, 'AR-1', 2024)?.rate.amount).toBe(194_400);
  });
});

describe('per-person schedule', () => {
  it('a single adult refugee settled in 2024: year 1 in one payment after settlement, years 2–5 in four terms', () => {
    const s = grantSchedule(person(), opts);
    expect(s.eligible).toBe(true);
    expect(s.category).toBe('single_adult');
    expect(s.lines.map((l) => [l.code, l.calendarYear])).toEqual([
      ['AR-1 EV', 2024],
      ['AR-2', 2025],
      ['AR-3', 2026],
      ['AR-4', 2027],
      ['AR-5', 2028],
    ]);
    expect(s.lines[0]!.terms).toEqual([{ term: '2024-1', amount: 241_100 }]);
    expect(s.lines[1]!.terms.map((t) => t.term)).toEqual(['2025-1', '2025-2', '2025-3', '2025-4']);
    expect(s.lines[1]!.terms.reduce((a, t) => a + t.amount, 0)).toBe(250_300);
    expect(s.lines[1]!.rateStatus).toBe('estimate');
  });
  it('year 1 waits for the population register and IMDinett: paid in the first term after both', () => {
    const s = grantSchedule(person({ populationRegisteredDate: '2024-04-20', imdinettRegisteredDate: '2024-05-02' }), opts);
    expect(s.lines[0]!.terms[0]!.term).toBe('2024-2');
    expect(firstTermAfter('2024-12-20')).toEqual({ year: 2025, term: 1 });
  });
  it('adults in a family, children, the elderly and small children', () => {
    const date = '2024-06-01';
    const adult = grantSchedule(hypotheticalPerson('adult_in_family', date), opts);
    expect(adult.lines[0]!.code).toBe('AR-1');
    const child = grantSchedule(hypotheticalPerson('child_under_6', date), opts);
    expect(child.lines.map((l) => l.code)).toContain('BHT');
    expect(child.lines[0]!.code).toBe('AR-1 B');
    const old = grantSchedule(hypotheticalPerson('elderly', date), opts);
    expect(old.lines.find((l) => l.code === 'ELDR')?.amount).toBe(180_600);
    expect(old.reasons.map((r) => r.code)).toContain('elderly_60_plus');
  });
  it('family of a humanitarian-permit holder: three years only', () => {
    const s = grantSchedule(
      person({
        permitType: 'family_immigration',
        arrivalCategory: 'family_reunified',
        sponsor: { firstSettlementDate: '2021-05-01', permitType: 'humanitarian', wasFamilyImmigrant: false, nordicCitizen: false },
        familyApplicationDate: '2023-01-10',
      }),
      opts,
    );
    expect(s.windowYears).toBe(3);
    expect(s.lines.filter((l) => l.type === 'integration')).toHaveLength(3);
  });
  it('the five-year rule: an application more than five years after the sponsor first settled gives no grant', () => {
    const s = grantSchedule(
      person({
        permitType: 'family_immigration',
        sponsor: { firstSettlementDate: '2018-01-01', permitType: 'refugee', wasFamilyImmigrant: false, nordicCitizen: false },
        familyApplicationDate: '2023-02-01',
      }),
      opts,
    );
    expect(s.eligible).toBe(false);
    expect(s.reasons.map((r) => r.code)).toContain('five_year_rule_exceeded');
    expect(s.lines).toHaveLength(0);
  });
  it('a sponsor who was a family immigrant, a Nordic citizen, or unknown', () => {
    const base = { permitType: 'family_immigration', familyApplicationDate: '2023-02-01' } as const;
    const sp = { firstSettlementDate: '2021-01-01', permitType: 'refugee', wasFamilyImmigrant: false, nordicCitizen: false };
    expect(grantSchedule(person({ ...base, sponsor: { ...sp, wasFamilyImmigrant: true } }), opts).eligible).toBe(false);
    expect(grantSchedule(person({ ...base, sponsor: { ...sp, nordicCitizen: true } }), opts).eligible).toBe(false);
    expect(grantSchedule(person({ ...base, sponsor: null }), opts).eligible).toBeNull();
  });
  it('a child born within six months after the mother settled triggers the grant and the kindergarten grant', () => {
    const s = grantSchedule(person({ birthDate: '2024-08-01', settlementDate: null, firstSettlementDate: null, motherSettlementDate: '2024-03-10', householdSize: 3 }), opts);
    expect(s.eligible).toBe(true);
    expect(s.firstSettlementDate).toBe('2024-08-01');
    expect(s.lines.map((l) => l.code)).toEqual(expect.arrayContaining(['AR-1 B', 'BHT']));
    const later = grantSchedule(person({ birthDate: '2024-10-01', settlementDate: null, firstSettlementDate: null, motherSettlementDate: '2024-03-10' }), opts);
    expect(later.eligible).toBe(false);
  });
  it('an unaccompanied minor: the special grant every year to the year they turn 20, the higher rate to 16', () => {
    const s = grantSchedule(person({ arrivalCategory: 'unaccompanied_minor', birthDate: '2009-02-01', firstSettlementDate: '2024-01-15', settlementDate: '2024-01-15' }), opts);
    const emin = s.lines.filter((l) => l.type === 'unaccompanied_minor');
    expect(emin.map((l) => `${l.code} ${l.calendarYear}`)).toEqual(['EMINB 2024', 'EMINB 2025', 'EMINU 2026', 'EMINU 2027', 'EMINU 2028', 'EMINU 2029']);
    expect(emin[1]!.amount).toBe(1_118_000); // 2023 rate carried forward
    expect(emin[1]!.carriedFrom).toBe(2023);
    expect(s.lines[0]!.code).toBe('AR-1 EV');
  });
  it('moving out: the moved-from municipality keeps the current and following month, nothing after', () => {
    const s = grantSchedule(person({ status: 'moved_away', statusDate: '2026-05-20' }), opts);
    const y2026 = s.lines.find((l) => l.calendarYear === 2026)!;
    expect(y2026.share).toBeCloseTo(6 / 12);
    expect(y2026.amount).toBe(Math.round(177_700 * 0.5));
    expect(s.lines.filter((l) => l.calendarYear > 2026).every((l) => l.amount === 0)).toBe(true);
    expect(fromShare('quarter_eighths', '2026-05-20')).toBe(3 / 8);
  });
  it('moving in from another municipality: earlier years are not ours, the move year is shared', () => {
    const s = grantSchedule(person({ firstSettlementDate: '2023-02-01', settlementDate: '2025-03-15' }), opts);
    expect(s.lines.find((l) => l.calendarYear === 2023)!.amount).toBe(0);
    expect(s.lines.find((l) => l.calendarYear === 2025)!.share).toBeCloseTo(1 - 4 / 12);
    expect(s.lines.find((l) => l.calendarYear === 2026)!.share).toBe(1);
  });
  it('emigration ends the grant: no terms paid after the date', () => {
    const s = grantSchedule(person({ emigratedDate: '2025-08-01' }), opts);
    const y2025 = s.lines.find((l) => l.calendarYear === 2025)!;
    expect(y2025.terms.map((t) => t.term)).toEqual(['2025-1', '2025-2']);
    expect(s.lines.filter((l) => l.calendarYear > 2025).every((l) => l.amount === 0)).toBe(true);
  });
  it('a temporary permit without agreement gives nothing; a missing permit type says so', () => {
    expect(grantSchedule(person({ permitType: 'other', settledByAgreement: false }), opts).eligible).toBe(false);
    const unknown = grantSchedule(person({ permitType: null, arrivalCategory: 'reception_centre' }), opts);
    expect(unknown.eligible).toBeNull();
    expect(unknown.reasons.map((r) => r.code)).toContain('permit_type_missing');
  });
  it('a year without rates uses the nearest year and says so; a code without any rate is reported, not guessed', () => {
    const s = grantSchedule(person({ firstSettlementDate: '2019-01-10', settlementDate: '2019-01-10' }), opts);
    expect(s.lines[0]!.amount).toBe(241_100);
    expect(s.lines[0]!.notes).toContainEqual({ code: 'rate_from_other_year', params: { code: 'AR-1 EV', from: 2024, year: 2019 } });
    const none = grantSchedule(person(), { ...opts, rates: DEFAULT_GRANT_RATES.filter((r) => r.code !== 'AR-3') });
    const ar3 = none.lines.find((l) => l.code === 'AR-3')!;
    expect(ar3.amount).toBeNull();
    expect(ar3.notes.map((n) => n.code)).toContain('rate_missing');
  });
  it('expected per term sums the lines', () => {
    const m = expectedByTerm(grantSchedule(person(), opts));
    expect(m.get('2024-1')).toBe(241_100);
    expect([...m.values()].reduce((a, b) => a + b, 0)).toBe(241_100 + 250_300 + 177_700 + 88_100 + 74_300);
  });
});

describe('forecast', () => {
  it('sums settled people per type and year, adds the rest of the decision and a what-if', () => {
    const people = [person(), hypotheticalPerson('elderly', '2025-02-01')];
    const base = forecast({ fromYear: 2025, years: 5, people }, opts);
    expect(base.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(base.years[0]!.byType.elderly).toBe(180_600);
    expect(base.years[0]!.byType.integration).toBe(250_300 + 194_400); // the elderly person lives in a family
    const whatIf = forecast({ fromYear: 2025, years: 5, people, whatIf: { mix: { single_adult: 10 }, date: '2025-07-01' } }, opts);
    expect(whatIf.years[0]!.total - base.years[0]!.total).toBe(10 * 241_100);
    expect(whatIf.rateWarnings.some((w) => w.status === 'estimate')).toBe(true);
  });
  it('the rest of the decision follows the recent mix', () => {
    expect(remainingMix(30, 20, { single_adult: 1, adult_in_family: 1 })).toEqual({ single_adult: 5, adult_in_family: 5 });
    expect(remainingMix(10, 12, { single_adult: 1 })).toEqual({});
  });
});

describe('payment list lines', () => {
  it('reads amounts as Norwegian and English files write them, in øre', () => {
    expect(parseAmountOre('12 345,50')).toBe(1_234_550);
    expect(parseAmountOre('12345.50')).toBe(1_234_550);
    expect(parseAmountOre('12.345,5')).toBe(1_234_550);
    expect(parseAmountOre('kr 241 100')).toBe(24_110_000);
    expect(parseAmountOre('1,234,567')).toBe(123_456_700);
    expect(parseAmountOre('-500')).toBe(-50_000);
    for (const bad of ['12a', '1,2,3', '', '12,345,6', '--5', '1.2.3,4.5']) expect(parseAmountOre(bad), bad).toBeUndefined();
  });
  it('any whole-øre amount written with a decimal comma and thousands spaces reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (ore) => {
        const kr = Math.floor(ore / 100);
        const text = `${kr.toLocaleString('en-US').replace(/,/g, ' ')},${String(ore % 100).padStart(2, '0')}`;
        return parseAmountOre(text) === ore;
      }),
    );
  });
  it('reads terms, codes and dates in their usual spellings', () => {
    expect(['2025-1', '2025 T1', 'T1 2025', '1. termin 2025', '2025-Q1', '2025/1'].map(parseTerm)).toEqual(Array(6).fill('2025-1'));
    expect(parseTerm('2025-5')).toBeUndefined();
    expect(['AR-1 EV', 'ar-1 ev', 'AR1 EV', 'eminb'].map(parseGrantCode)).toEqual(['AR-1 EV', 'AR-1 EV', 'AR-1 EV', 'EMINB']);
    expect(['2025-03-01', '01.03.2025', '1/3/2025'].map(parseListDate)).toEqual(Array(3).fill('2025-03-01'));
    expect(parseListDate('31.02.2025')).toBeUndefined();
  });
  it('reports every problem on a line by column', () => {
    const r = readPaymentLine(7, { termin: '2025-9', tilskuddskode: 'XX', belop: '12abc', fodselsnummer: '12345678901' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.column)).toEqual(['termin', 'tilskuddskode', 'belop', 'fodselsnummer']);
    const nobody = readPaymentLine(8, { termin: '2025-1', tilskuddskode: 'AR-2', belop: '100' });
    expect(nobody.ok).toBe(false);
    const neg = readPaymentLine(9, { termin: '2025-1', tilskuddskode: 'AR-2', belop: '-100', dufnummer: '2019 0101 2345' });
    expect(!neg.ok && neg.problems[0]!.column).toBe('belop');
  });
});

describe('why expected and paid differ', () => {
  const facts = { status: 'active', statusDate: null, emigratedDate: null, movedTo: null, settlementDate: '2025-03-10', imdinettRegisteredDate: '2025-03-20', populationRegisteredDate: '2025-03-15' };
  it('names the reason from the person and the term', async () => {
    const { differenceReason } = await import('./index.ts');
    expect(differenceReason(facts, '2026-2', 6_257_500, 0, 0, true).reason).toBe('not_paid');
    expect(differenceReason({ ...facts, imdinettRegisteredDate: null }, '2026-2', 6_257_500, 0, 0, false).reason).toBe('not_in_imdinett');
    expect(differenceReason(facts, '2026-2', 6_257_500, 5_000_000, 1, true).reason).toBe('amount_mismatch');
    expect(differenceReason(facts, '2026-2', 0, 5_000_000, 1, true).reason).toBe('not_expected');
    expect(differenceReason(facts, '2026-2', 6_257_500, 6_257_500 * 2, 2, true).reason).toBe('duplicate_payment');
    expect(differenceReason({ ...facts, emigratedDate: '2026-05-01' }, '2026-3', 6_257_500, 6_257_500, 1, true).reason).toBe('emigrated');
    const moved = differenceReason({ ...facts, status: 'moved_away', statusDate: '2026-05-20', movedTo: 'Bergen' }, '2026-3', 6_257_500, 0, 0, true);
    expect(moved).toEqual({ reason: 'moved', detail: { date: '2026-05-20', movedTo: 'Bergen', shareToClaim: 62_575, toRepay: 0 } });
  });
});
