import { ageOn, type IsoDate } from '../calendar/date.ts';

/**
 * How a settled person is counted in the yearly numbers (rules.md § 5): unaccompanied minors are
 * split by age at settlement (under 15: Bufetat; 15–18: IMDi).
 */
export const SETTLED_CATEGORIES = [
  'resettlement',
  'reception_centre',
  'family_reunified',
  'um_under_15',
  'um_15_18',
  'agreed_self_settlement',
  'collective_protection',
  'self_settled',
] as const;
export type SettledCategory = (typeof SETTLED_CATEGORIES)[number];

/**
 * Family-reunified persons are not part of the council's decision (rules.md § 5), and people who
 * settled on their own without an agreement are not settled by the municipality.
 */
export const COUNTS_AGAINST_DECISION: Record<SettledCategory, boolean> = {
  resettlement: true,
  reception_centre: true,
  family_reunified: false,
  um_under_15: true,
  um_15_18: true,
  agreed_self_settlement: true,
  collective_protection: true,
  self_settled: false,
};

export function settledCategory(p: { arrivalCategory: string | null; birthDate: IsoDate; settlementDate: IsoDate }): SettledCategory | null {
  switch (p.arrivalCategory) {
    case 'unaccompanied_minor':
      return ageOn(p.birthDate, p.settlementDate) < 15 ? 'um_under_15' : 'um_15_18';
    case 'resettlement':
    case 'reception_centre':
    case 'family_reunified':
    case 'agreed_self_settlement':
    case 'collective_protection':
    case 'self_settled':
      return p.arrivalCategory;
    default:
      return null;
  }
}

export type YearDecision = {
  requestedTotal: number | null;
  requestedUnaccompanied: number | null;
  decidedTotal: number | null;
  acceptsUnaccompanied: boolean | null;
  decidedUnaccompanied: number | null;
};

export type YearProgress = {
  byCategory: Record<SettledCategory, number>;
  uncategorised: number;
  /** Settled people who count against the decision. */
  counted: number;
  unaccompanied: number;
  /** decided − counted (negative when the municipality settled more than decided). */
  remaining: number | null;
  remainingUnaccompanied: number | null;
  /** counted / decided, 0–1+ (null without a decision). */
  share: number | null;
};

/** Settled vs decided for one year, from the people settled in it. */
export function yearProgress(
  decision: YearDecision | null,
  settled: readonly { arrivalCategory: string | null; birthDate: IsoDate; settlementDate: IsoDate }[],
): YearProgress {
  const byCategory = Object.fromEntries(SETTLED_CATEGORIES.map((c) => [c, 0])) as Record<SettledCategory, number>;
  let uncategorised = 0;
  for (const p of settled) {
    const c = settledCategory(p);
    if (c) byCategory[c]++;
    else uncategorised++;
  }
  const counted = SETTLED_CATEGORIES.filter((c) => COUNTS_AGAINST_DECISION[c]).reduce((s, c) => s + byCategory[c], 0);
  const unaccompanied = byCategory.um_under_15 + byCategory.um_15_18;
  const decided = decision?.decidedTotal ?? null;
  const decidedUm = decision?.acceptsUnaccompanied ? (decision.decidedUnaccompanied ?? 0) : decision?.acceptsUnaccompanied === false ? 0 : null;
  return {
    byCategory,
    uncategorised,
    counted,
    unaccompanied,
    remaining: decided === null ? null : decided - counted,
    remainingUnaccompanied: decidedUm === null ? null : decidedUm - unaccompanied,
    share: decided ? counted / decided : null,
  };
}
