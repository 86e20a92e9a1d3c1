import { addMonths, ageOn, compareDates, type IsoDate } from '../calendar/date.ts';
import { reunificationGrantLimit } from '../settlement/reunification.ts';
import { GRANT_TYPE_OF, rateFor, type GrantCode, type GrantRate, type GrantType, type RateStatus } from './rates.ts';

/**
 * Which IMDi grants a person triggers, when, and how much this municipality can expect
 * (rules.md § 4.1–4.2, § 10.2–10.3, § 10.6). Pure: the server gathers the facts, the schedule says
 * what follows from them, with the reasons.
 */

/** IMDi's payment terms: Q1 early April, Q2 early July, Q3 early October, Q4 mid-December (§ 10.2). */
export const TERM_PAYMENT_DAY = ['04-05', '07-05', '10-05', '12-15'] as const;
export type Term = `${number}-${1 | 2 | 3 | 4}`;
export const termKey = (year: number, term: 1 | 2 | 3 | 4): Term => `${year}-${term}` as Term;
export const termPaymentDate = (year: number, term: 1 | 2 | 3 | 4): IsoDate => `${year}-${TERM_PAYMENT_DAY[term - 1]}`;

/** The first term whose payment date comes after `date`. */
export function firstTermAfter(date: IsoDate): { year: number; term: 1 | 2 | 3 | 4 } {
  const y = Number(date.slice(0, 4));
  for (const t of [1, 2, 3, 4] as const) if (compareDates(termPaymentDate(y, t), date) > 0) return { year: y, term: t };
  return { year: y + 1, term: 1 };
}

/** How the year's grant is shared when a person moves between municipalities (§ 10.6: unverified, so a setting). */
export const SPLIT_RULES = ['month_based', 'quarter_eighths'] as const;
export type SplitRule = (typeof SPLIT_RULES)[number];

/** The moved-from municipality's share of the year's grant for a move on `date`. */
export function fromShare(rule: SplitRule, date: IsoDate): number {
  const month = Number(date.slice(5, 7));
  if (rule === 'month_based') return Math.min(12, month + 1) / 12; // the current and the following month
  return [1, 3, 5, 7][Math.floor((month - 1) / 3)]! / 8;
}

export type GrantCategory = 'single_adult' | 'adult_in_family' | 'child' | 'unaccompanied_minor';

export type SponsorFacts = {
  firstSettlementDate: IsoDate | null;
  permitType: string | null;
  wasFamilyImmigrant: boolean;
  nordicCitizen: boolean;
};

export type GrantFacts = {
  birthDate: IsoDate;
  arrivalCategory: string | null;
  permitType: string | null;
  /** Settlement in this municipality. */
  settlementDate: IsoDate | null;
  /** First settlement in Norway (defaults to the settlement date here). */
  firstSettlementDate: IsoDate | null;
  /** How many people were in the household at settlement, and how many of them adults. */
  householdSize: number;
  settledByAgreement: boolean | null;
  status: 'active' | 'moved_away' | 'ended' | 'deceased' | string;
  statusDate: IsoDate | null;
  emigratedDate: IsoDate | null;
  populationRegisteredDate: IsoDate | null;
  imdinettRegisteredDate: IsoDate | null;
  /** Family immigrants: the sponsor and the application date. */
  sponsor: SponsorFacts | null;
  familyApplicationDate: IsoDate | null;
  /** A child born in Norway: the mother's settlement date. */
  motherSettlementDate: IsoDate | null;
};

export type ScheduleReason = { code: string; params?: Record<string, string | number> };

export type ScheduleLine = {
  code: GrantCode;
  type: GrantType;
  /** 1–5 for the integration grant; null for one-off and yearly grants. */
  grantYear: number | null;
  calendarYear: number;
  /** The full amount of the grant for that year (null when no rate is known). */
  fullAmount: number | null;
  /** This municipality's share (1 unless the person moved in or out that year). */
  share: number;
  amount: number | null;
  rateYear: number | null;
  rateStatus: RateStatus | null;
  carriedFrom: number | null;
  terms: { term: Term; amount: number }[];
  notes: ScheduleReason[];
};

export type GrantSchedule = {
  /** null when the facts do not settle it (the reasons say what is missing). */
  eligible: boolean | null;
  category: GrantCategory | null;
  firstSettlementDate: IsoDate | null;
  /** 5, or 3 for family of people with humanitarian permits. */
  windowYears: number;
  reasons: ScheduleReason[];
  lines: ScheduleLine[];
};

export type ScheduleOptions = { rates: readonly GrantRate[]; splitRule: SplitRule };

const PROTECTED_PERMITS = new Set(['refugee', 'humanitarian', 'collective_protection']);

function categoryOf(f: GrantFacts, settledOn: IsoDate): GrantCategory {
  if (f.arrivalCategory === 'unaccompanied_minor') return 'unaccompanied_minor';
  if (ageOn(f.birthDate, settledOn) < 18) return 'child';
  return f.householdSize <= 1 ? 'single_adult' : 'adult_in_family';
}

const YEAR1_CODE: Record<GrantCategory, GrantCode> = {
  single_adult: 'AR-1 EV',
  // Since 2011 unaccompanied minors have had the higher year-1 rate, like single adults (§ 4.1, § 10.8).
  unaccompanied_minor: 'AR-1 EV',
  adult_in_family: 'AR-1',
  child: 'AR-1 B',
};

/** Whether the integration grant applies, and its window, with the reasons. */
function integrationEligibility(f: GrantFacts, reasons: ScheduleReason[]): { eligible: boolean | null; windowYears: number } {
  if (f.motherSettlementDate && compareDates(f.birthDate, f.motherSettlementDate) > 0) {
    if (compareDates(f.birthDate, addMonths(f.motherSettlementDate, 6)) <= 0) {
      reasons.push({ code: 'born_within_six_months', params: { motherSettled: f.motherSettlementDate } });
      return { eligible: true, windowYears: 5 };
    }
    reasons.push({ code: 'born_later', params: { motherSettled: f.motherSettlementDate } });
    return { eligible: false, windowYears: 5 };
  }
  if (f.arrivalCategory === 'resettlement') {
    reasons.push({ code: 'resettlement_refugee' });
    return { eligible: true, windowYears: 5 };
  }
  if (f.permitType === null) {
    reasons.push({ code: 'permit_type_missing' });
    return { eligible: null, windowYears: 5 };
  }
  if (PROTECTED_PERMITS.has(f.permitType)) {
    reasons.push({ code: `permit_${f.permitType}` });
    return { eligible: true, windowYears: 5 };
  }
  if (f.permitType === 'family_immigration') {
    const s = f.sponsor;
    if (!s) {
      reasons.push({ code: 'sponsor_unknown' });
      return { eligible: null, windowYears: 5 };
    }
    if (s.wasFamilyImmigrant) {
      reasons.push({ code: 'sponsor_family_immigrant' });
      return { eligible: false, windowYears: 5 };
    }
    if (s.nordicCitizen) {
      reasons.push({ code: 'sponsor_nordic_citizen' });
      return { eligible: false, windowYears: 5 };
    }
    if (s.permitType === null || !PROTECTED_PERMITS.has(s.permitType)) {
      reasons.push({ code: s.permitType === null ? 'sponsor_permit_missing' : 'sponsor_permit_not_protected' });
      return { eligible: s.permitType === null ? null : false, windowYears: 5 };
    }
    const limit = reunificationGrantLimit(s.firstSettlementDate, f.familyApplicationDate);
    if (limit.exceeded === true) {
      reasons.push({ code: 'five_year_rule_exceeded', params: { limit: limit.limitDate! } });
      return { eligible: false, windowYears: 5 };
    }
    if (limit.exceeded === null) reasons.push({ code: 'five_year_rule_unknown' });
    else reasons.push({ code: 'five_year_rule_met', params: { limit: limit.limitDate! } });
    if (s.permitType === 'humanitarian') {
      reasons.push({ code: 'family_of_humanitarian' });
      return { eligible: true, windowYears: 3 };
    }
    reasons.push({ code: 'family_of_refugee' });
    return { eligible: true, windowYears: 5 };
  }
  // A permit without a basis for permanent residence: only settled-by-agreement families with
  // children and unaccompanied minors with renewable limited permits (§ 4.1, S39b/S39d).
  if (f.settledByAgreement && (f.arrivalCategory === 'unaccompanied_minor' || f.householdSize > 1)) {
    reasons.push({ code: 'limited_permit_by_agreement' });
    return { eligible: true, windowYears: 5 };
  }
  reasons.push({ code: 'permit_not_renewable' });
  return { eligible: false, windowYears: 5 };
}

/**
 * This municipality's share of a calendar year's grant: 0 for years before it received the person
 * or after they left, the split rule in the year of a move in or out (§ 10.6).
 */
function shareOf(year: number, f: GrantFacts, first: IsoDate, opts: ScheduleOptions, notes: ScheduleReason[]): number {
  let share = 1;
  const here = f.settlementDate ?? first;
  const hereYear = Number(here.slice(0, 4));
  if (compareDates(here, first) > 0) {
    // Moved in from another municipality.
    if (year < hereYear) return 0;
    if (year === hereYear) {
      share *= 1 - fromShare(opts.splitRule, here);
      notes.push({ code: 'moved_in', params: { date: here } });
    }
  }
  if (f.status === 'moved_away' && f.statusDate) {
    const y = Number(f.statusDate.slice(0, 4));
    if (year > y) return 0;
    if (year === y) {
      share *= fromShare(opts.splitRule, f.statusDate);
      notes.push({ code: 'moved_out', params: { date: f.statusDate } });
    }
  }
  const end = f.emigratedDate ?? (f.status === 'deceased' ? f.statusDate : null);
  if (end && year > Number(end.slice(0, 4))) return 0;
  return share;
}

/** The terms a yearly amount is paid in: four equal terms (the last takes the rounding). */
function fourTerms(year: number, amount: number, endDate: IsoDate | null): { term: Term; amount: number }[] {
  const terms = [1, 2, 3, 4] as const;
  const payable = terms.filter((t) => !endDate || compareDates(termPaymentDate(year, t), endDate) <= 0);
  const per = Math.floor(amount / 4);
  const out = payable.map((t) => ({ term: termKey(year, t), amount: per }));
  if (payable.length === 4 && out.length > 0) out[3]!.amount = amount - per * 3;
  return out;
}

/** The grants a person triggers, per calendar year, with this municipality's share and the terms. */
export function grantSchedule(f: GrantFacts, opts: ScheduleOptions): GrantSchedule {
  const reasons: ScheduleReason[] = [];
  const first = f.firstSettlementDate ?? f.settlementDate ?? (f.motherSettlementDate && compareDates(f.birthDate, f.motherSettlementDate) > 0 ? f.birthDate : null);
  if (!first) {
    return { eligible: null, category: null, firstSettlementDate: null, windowYears: 5, reasons: [{ code: 'not_settled' }], lines: [] };
  }
  const { eligible, windowYears } = integrationEligibility(f, reasons);
  const category = categoryOf(f, first);
  const lines: ScheduleLine[] = [];
  const firstYear = Number(first.slice(0, 4));
  const endDate = f.emigratedDate ?? (f.status === 'deceased' ? f.statusDate : null);
  if (f.emigratedDate) reasons.push({ code: 'emigrated', params: { date: f.emigratedDate } });
  if (f.status === 'deceased' && f.statusDate) reasons.push({ code: 'deceased', params: { date: f.statusDate } });

  // When year 1 is paid: once the person is in the payment base (registered in the population
  // register, settlement date registered in IMDinett) — the first term after both.
  const basis = [first, f.populationRegisteredDate, f.imdinettRegisteredDate].filter((d): d is IsoDate => !!d).sort(compareDates).at(-1)!;
  const year1Term = firstTermAfter(basis);

  const addLine = (code: GrantCode, grantYear: number | null, calendarYear: number, rateYear: number, prorate = 1, oneOff = false) => {
    const notes: ScheduleReason[] = [];
    const share = shareOf(calendarYear, f, first, opts, notes);
    const found = rateFor(opts.rates, code, rateYear);
    if (!found) notes.push({ code: 'rate_missing', params: { code, year: rateYear } });
    else if (found.carriedFrom !== null) notes.push({ code: 'rate_from_other_year', params: { code, from: found.carriedFrom, year: rateYear } });
    if (prorate < 1) notes.push({ code: 'part_year', params: { months: Math.round(prorate * 12) } });
    const fullAmount = found ? Math.round(found.rate.amount * prorate) : null;
    const amount = share === 0 ? 0 : fullAmount === null ? null : Math.round(fullAmount * share);
    let terms: { term: Term; amount: number }[] = [];
    if (amount !== null && amount > 0) {
      if (oneOff || calendarYear === firstYear) {
        const t = calendarYear === firstYear ? year1Term : { year: calendarYear, term: 1 as const };
        const due = termPaymentDate(t.year, t.term);
        terms = !endDate || compareDates(due, endDate) <= 0 ? [{ term: termKey(t.year, t.term), amount }] : [];
      } else {
        terms = fourTerms(calendarYear, amount, endDate);
      }
    }
    const paid = terms.reduce((s, t) => s + t.amount, 0);
    lines.push({
      code,
      type: GRANT_TYPE_OF[code],
      grantYear,
      calendarYear,
      fullAmount,
      share,
      amount: amount === null ? null : paid,
      rateYear: found?.rate.year ?? null,
      rateStatus: found?.rate.status ?? null,
      carriedFrom: found?.carriedFrom ?? null,
      terms,
      notes,
    });
  };

  if (eligible) {
    for (let n = 1; n <= windowYears; n++) {
      const code: GrantCode = n === 1 ? YEAR1_CODE[category] : (`AR-${n}` as GrantCode);
      addLine(code, n, firstYear + n - 1, firstYear, 1, n === 1);
    }
    const age = ageOn(f.birthDate, first);
    if (age >= 60) {
      reasons.push({ code: 'elderly_60_plus', params: { age } });
      addLine('ELDR', null, firstYear, firstYear, 1, true);
    }
    if (age <= 5) {
      reasons.push({ code: 'kindergarten_age', params: { age } });
      addLine('BHT', null, firstYear, firstYear, 1, true);
    }
  }

  // The special grant for unaccompanied minors settled by agreement: yearly up to and including
  // the year they turn 20; the higher rate up to the year they turn 16 (§ 4.2, § 10.3).
  if (f.arrivalCategory === 'unaccompanied_minor' && f.settledByAgreement !== false && eligible !== false) {
    const birthYear = Number(f.birthDate.slice(0, 4));
    reasons.push({ code: 'unaccompanied_minor_until_20', params: { lastYear: birthYear + 20 } });
    if (compareDates(first, '2021-01-01') < 0) reasons.push({ code: 'unaccompanied_minor_on_application' });
    for (let y = firstYear; y <= birthYear + 20; y++) {
      const code: GrantCode = y - birthYear <= 16 ? 'EMINB' : 'EMINU';
      // The settlement year counts from the month of settlement (an assumption: rates "depend on the settlement time").
      const prorate = y === firstYear ? (13 - Number(first.slice(5, 7))) / 12 : 1;
      addLine(code, null, y, y, prorate);
    }
  }
  return { eligible, category, firstSettlementDate: first, windowYears, reasons, lines };
}

/** Expected amounts per term, summed over a schedule's lines. */
export function expectedByTerm(schedule: GrantSchedule): Map<Term, number> {
  const m = new Map<Term, number>();
  for (const l of schedule.lines) for (const t of l.terms) m.set(t.term, (m.get(t.term) ?? 0) + t.amount);
  return m;
}
