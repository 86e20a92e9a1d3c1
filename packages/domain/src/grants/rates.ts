/**
 * IMDi grant rate tables (rules.md § 4, § 10.2–10.4) as effective-dated data. Keys are IMDi Tilskudd's
 * own grant codes. The integration grant (AR-*), the elderly grant (ELDR) and the kindergarten grant
 * (BHT) are keyed by the person's settlement year; the unaccompanied-minor grant (EMINB/EMINU) and
 * the extra-grant caps (FHT1/FHT2) by the calendar year paid.
 *
 * The shipped figures are defaults a municipality must be able to correct: each carries its source
 * and a status. `estimate` marks a figure that no stored source gives (years 2–5 of the integration
 * grant): a planning figure only, to be replaced with the rates in IMDi's rundskriv for the year.
 */
export const GRANT_CODES = ['AR-1 EV', 'AR-1', 'AR-1 B', 'AR-2', 'AR-3', 'AR-4', 'AR-5', 'ELDR', 'BHT', 'EMINB', 'EMINU', 'FHT1', 'FHT2'] as const;
export type GrantCode = (typeof GRANT_CODES)[number];

/** Grant types as the overview and forecast group them. */
export const GRANT_TYPES = ['integration', 'elderly', 'kindergarten', 'unaccompanied_minor', 'extra'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

export const GRANT_TYPE_OF: Record<GrantCode, GrantType> = {
  'AR-1 EV': 'integration',
  'AR-1': 'integration',
  'AR-1 B': 'integration',
  'AR-2': 'integration',
  'AR-3': 'integration',
  'AR-4': 'integration',
  'AR-5': 'integration',
  ELDR: 'elderly',
  BHT: 'kindergarten',
  EMINB: 'unaccompanied_minor',
  EMINU: 'unaccompanied_minor',
  FHT1: 'extra',
  FHT2: 'extra',
};

/** Whether a code's rate year is the settlement year (else the calendar year paid). */
export const KEYED_BY_SETTLEMENT_YEAR: Record<GrantCode, boolean> = {
  'AR-1 EV': true,
  'AR-1': true,
  'AR-1 B': true,
  'AR-2': true,
  'AR-3': true,
  'AR-4': true,
  'AR-5': true,
  ELDR: true,
  BHT: true,
  EMINB: false,
  EMINU: false,
  FHT1: false,
  FHT2: false,
};

export const RATE_STATUSES = ['verified', 'unverified', 'estimate'] as const;
export type RateStatus = (typeof RATE_STATUSES)[number];

export type GrantRate = { code: GrantCode; year: number; amount: number; source: string; status: RateStatus; note?: string | null };

const A8 = 'A8: third-party newsroom tool citing IMDi (rules.md § 10.2), version of 8 March 2024';
const ESTIMATE = 'Planning estimate, not from a stored source (rules.md § 10.2: years 2–5 not found). Replace with IMDi’s rundskriv for the settlement year.';
const KS_2023 = 'S41: KS on the 2023 state budget (rules.md § 4.2, § 10.3–10.4)';

/** The defaults shipped with Eidør (rules.md § 10). */
export const DEFAULT_GRANT_RATES: readonly GrantRate[] = [
  { code: 'AR-1 EV', year: 2024, amount: 241_100, source: A8, status: 'unverified', note: 'The 12 March version says 241 000.' },
  { code: 'AR-1', year: 2024, amount: 194_400, source: A8, status: 'unverified', note: 'The 12 March version says 187 000.' },
  { code: 'AR-1 B', year: 2024, amount: 194_400, source: 'A8, version of 12 March 2024', status: 'unverified' },
  { code: 'AR-2', year: 2024, amount: 250_300, source: ESTIMATE, status: 'estimate' },
  { code: 'AR-3', year: 2024, amount: 177_700, source: ESTIMATE, status: 'estimate' },
  { code: 'AR-4', year: 2024, amount: 88_100, source: ESTIMATE, status: 'estimate' },
  { code: 'AR-5', year: 2024, amount: 74_300, source: ESTIMATE, status: 'estimate' },
  { code: 'ELDR', year: 2024, amount: 180_600, source: A8, status: 'unverified', note: 'The 12 March version says 180 000.' },
  { code: 'BHT', year: 2024, amount: 27_800, source: A8, status: 'unverified' },
  { code: 'EMINB', year: 2023, amount: 1_118_000, source: KS_2023, status: 'verified' },
  { code: 'EMINU', year: 2023, amount: 705_000, source: KS_2023, status: 'verified' },
  { code: 'FHT1', year: 2023, amount: 196_400, source: KS_2023, status: 'verified' },
  { code: 'FHT2', year: 2023, amount: 1_520_000, source: KS_2023, status: 'verified', note: 'A cap: up to this amount per year.' },
  { code: 'FHT1', year: 2024, amount: 196_400, source: 'A8, version of 12 March 2024', status: 'unverified' },
  { code: 'FHT2', year: 2024, amount: 1_608_000, source: 'A8, version of 12 March 2024 ("inntil 1 608 000")', status: 'unverified', note: 'A cap: up to this amount per year.' },
];

/** A rate found for a code and year; `carriedFrom` is set when another year's rate stands in. */
export type RateLookup = { rate: GrantRate; carriedFrom: number | null };

/**
 * The rate for a code and year. When the table has no row for that year, the latest earlier year
 * stands in (IMDi's rates are not always price-adjusted; a forecast needs a figure); before the
 * first year in the table, the first year stands in. Either way the answer says which year's rate
 * was used, so the screen can ask for the missing year. null only when the code has no rate at all.
 */
export function rateFor(rates: readonly GrantRate[], code: GrantCode, year: number): RateLookup | null {
  const list = byCode(rates).get(code);
  if (!list || list.length === 0) return null;
  let best: GrantRate | undefined;
  for (const r of list) {
    if (r.year > year) break;
    best = r;
  }
  best ??= list[0]!;
  return { rate: best, carriedFrom: best.year === year ? null : best.year };
}

// Rates per code, sorted by year, computed once per rate table (schedules look rates up thousands of times).
const INDEX = new WeakMap<readonly GrantRate[], Map<GrantCode, GrantRate[]>>();
function byCode(rates: readonly GrantRate[]): Map<GrantCode, GrantRate[]> {
  let m = INDEX.get(rates);
  if (!m) {
    m = new Map();
    for (const r of rates) {
      const list = m.get(r.code) ?? [];
      list.push(r);
      m.set(r.code, list);
    }
    for (const list of m.values()) list.sort((a, b) => a.year - b.year);
    INDEX.set(rates, m);
  }
  return m;
}

/**
 * Merges the shipped defaults with a municipality's own rows: an own row for a code and year
 * replaces the default.
 */
export function effectiveRates(defaults: readonly GrantRate[], own: readonly GrantRate[]): GrantRate[] {
  const key = (r: GrantRate) => `${r.code}|${r.year}`;
  const map = new Map(defaults.map((r) => [key(r), r]));
  for (const r of own) map.set(key(r), r);
  return [...map.values()].sort((a, b) => a.code.localeCompare(b.code) || a.year - b.year);
}
