import { type IsoDate } from '../calendar/date.ts';
import { GRANT_TYPES, type GrantType } from './rates.ts';
import { grantSchedule, type GrantFacts, type GrantSchedule, type ScheduleOptions } from './schedule.ts';

/**
 * The municipality's expected grant income per type for a run of years (issue 6 § 3): from the
 * people already settled, plus the rest of this year's settlement decision, plus a what-if of
 * settling more people of a given mix.
 */

/** A mix of people to settle; each kind is a typical person of that kind. */
export const MIX_KINDS = ['single_adult', 'adult_in_family', 'child', 'child_under_6', 'unaccompanied_minor', 'elderly'] as const;
export type MixKind = (typeof MIX_KINDS)[number];
export type Mix = Partial<Record<MixKind, number>>;

export type ForecastYear = { year: number; byType: Record<GrantType, number>; total: number };
export type Forecast = {
  years: ForecastYear[];
  /** How many people contributed, and how many could not be forecast (with why). */
  people: number;
  undetermined: { reason: string; count: number }[];
  /** Rates that are not verified, used in the figures: the forecast is only as good as them. */
  rateWarnings: { code: string; year: number; status: string; carriedFrom: number | null }[];
  /** Amounts left out because no rate is known for them. */
  missingRates: { code: string; year: number }[];
};

const zero = (): Record<GrantType, number> => Object.fromEntries(GRANT_TYPES.map((t) => [t, 0])) as Record<GrantType, number>;

/** A typical person of a mix kind, settled by agreement as a refugee on `date`. */
export function hypotheticalPerson(kind: MixKind, date: IsoDate): GrantFacts {
  const y = Number(date.slice(0, 4));
  const birthYear = { single_adult: y - 28, adult_in_family: y - 34, child: y - 10, child_under_6: y - 3, unaccompanied_minor: y - 15, elderly: y - 64 }[kind];
  return {
    birthDate: `${birthYear}-06-15`,
    arrivalCategory: kind === 'unaccompanied_minor' ? 'unaccompanied_minor' : 'reception_centre',
    permitType: 'refugee',
    settlementDate: date,
    firstSettlementDate: date,
    householdSize: kind === 'single_adult' || kind === 'unaccompanied_minor' ? 1 : 3,
    settledByAgreement: true,
    status: 'active',
    statusDate: null,
    emigratedDate: null,
    populationRegisteredDate: null,
    imdinettRegisteredDate: null,
    sponsor: null,
    familyApplicationDate: null,
    motherSettlementDate: null,
  };
}

export type ForecastInput = {
  fromYear: number;
  years: number;
  people: readonly GrantFacts[];
  /** The people's schedules, when the caller has computed them already (then `people` is not read). */
  schedules?: readonly GrantSchedule[];
  /** People still to settle under this year's decision, and when (default: 1 July of fromYear). */
  planned?: { mix: Mix; date: IsoDate } | null;
  whatIf?: { mix: Mix; date: IsoDate } | null;
};

export function forecast(input: ForecastInput, opts: ScheduleOptions): Forecast {
  const years: ForecastYear[] = Array.from({ length: input.years }, (_, i) => ({ year: input.fromYear + i, byType: zero(), total: 0 }));
  const byYear = new Map(years.map((y) => [y.year, y]));
  const undetermined = new Map<string, number>();
  const warnings = new Map<string, Forecast['rateWarnings'][number]>();
  const missing = new Map<string, { code: string; year: number }>();
  let people = 0;
  const add = (s: GrantSchedule, weight = 1) => {
    if (s.eligible === null && s.lines.length === 0) {
      const r = s.reasons.at(-1)?.code ?? 'unknown';
      undetermined.set(r, (undetermined.get(r) ?? 0) + weight);
      return;
    }
    if (s.eligible === null) {
      const r = s.reasons.find((x) => x.code.endsWith('_missing') || x.code.endsWith('_unknown'))?.code ?? 'unknown';
      undetermined.set(r, (undetermined.get(r) ?? 0) + weight);
    }
    people += weight;
    for (const l of s.lines) {
      const fy = byYear.get(l.calendarYear);
      if (!fy) continue;
      if (l.amount === null) {
        missing.set(`${l.code}|${l.rateYear ?? l.calendarYear}`, { code: l.code, year: l.calendarYear });
        continue;
      }
      fy.byType[l.type] += l.amount * weight;
      fy.total += l.amount * weight;
      if (l.rateStatus && (l.rateStatus !== 'verified' || l.carriedFrom !== null) && l.rateYear !== null) {
        warnings.set(`${l.code}|${l.rateYear}|${l.carriedFrom}`, { code: l.code, year: l.rateYear, status: l.rateStatus, carriedFrom: l.carriedFrom });
      }
    }
  };
  if (input.schedules) for (const s of input.schedules) add(s);
  else for (const p of input.people) add(grantSchedule(p, opts));
  for (const extra of [input.planned, input.whatIf]) {
    if (!extra) continue;
    for (const [kind, n] of Object.entries(extra.mix) as [MixKind, number][]) {
      if (!n) continue;
      add(grantSchedule(hypotheticalPerson(kind, extra.date), opts), n);
    }
  }
  return {
    years,
    people,
    undetermined: [...undetermined].map(([reason, count]) => ({ reason, count })),
    rateWarnings: [...warnings.values()].sort((a, b) => a.code.localeCompare(b.code) || a.year - b.year),
    missingRates: [...missing.values()],
  };
}

/**
 * The mix still to settle this year: the decision minus those already settled that count against
 * it, shared out like the people settled in the last years (or evenly when there are none).
 */
export function remainingMix(decided: number | null, settledAgainstDecision: number, recentMix: Mix): Mix {
  if (!decided || decided <= settledAgainstDecision) return {};
  const left = decided - settledAgainstDecision;
  const total = Object.values(recentMix).reduce((s, n) => s + (n ?? 0), 0);
  if (total === 0) return { single_adult: left };
  const out: Mix = {};
  let given = 0;
  const entries = Object.entries(recentMix).filter(([, n]) => (n ?? 0) > 0) as [MixKind, number][];
  entries.forEach(([k, n], i) => {
    const v = i === entries.length - 1 ? left - given : Math.round((left * n) / total);
    out[k] = Math.max(0, v);
    given += out[k]!;
  });
  return out;
}
