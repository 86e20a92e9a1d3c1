import { compareDates, formatIsoDate, parseIsoDate, type IsoDate } from '../calendar/date.ts';

/**
 * An effective-dated rate: the value applies from `from` until the next entry. `verified` says
 * whether the figure was read in an authoritative source; municipalities may correct unverified ones.
 */
export type RateEntry = { from: IsoDate; value: number; source: string; verified: boolean };

/**
 * Folketrygdens grunnbeløp (G), changing on 1 May each year (rules.md § 2.1 and § 10.1). Amounts in
 * whole kroner. The server keeps this as data a municipality can add to; these are the defaults.
 */
export const G_TABLE: readonly RateEntry[] = [
  { from: '2023-05-01', value: 118_620, source: 'rules.md § 10.1 (A1, A2: NAV code)', verified: true },
  { from: '2024-05-01', value: 124_028, source: 'rules.md § 10.1 (A1, A2: NAV code)', verified: true },
  { from: '2025-05-01', value: 130_160, source: 'rules.md § 10.1 (A1, A2: NAV code)', verified: true },
  { from: '2026-05-01', value: 136_549, source: 'rules.md § 10.1 (A1: NAV commit 22 May 2026; confirm on nav.no)', verified: false },
];

export class RateGapError extends Error {
  constructor(
    readonly date: IsoDate,
    message: string,
  ) {
    super(message);
    this.name = 'RateGapError';
  }
}

/**
 * The G in force on `date`. G is set every year from 1 May: an entry is valid until the next 1 May
 * after it, so a missing year is a gap and an error, never a silent reuse of last year's figure.
 */
export function gOn(date: IsoDate, table: readonly RateEntry[] = G_TABLE): RateEntry {
  const sorted = [...table].sort((a, b) => compareDates(a.from, b.from));
  let hit: RateEntry | undefined;
  for (const e of sorted) if (compareDates(e.from, date) <= 0) hit = e;
  if (!hit) throw new RateGapError(date, `No G (grunnbeløp) is recorded for ${date}; the table starts ${sorted[0]?.from ?? '(empty)'}`);
  const p = parseIsoDate(hit.from)!;
  const validTo = formatIsoDate(p.m < 5 ? p.y : p.y + 1, 5, 1);
  if (compareDates(date, validTo) >= 0) {
    throw new RateGapError(date, `The G (grunnbeløp) from ${validTo} is missing; add it to the G table before computing ${date}`);
  }
  return hit;
}

/** Dates in [from, to] where G changes (1 May with a new entry). */
export function gChangesWithin(from: IsoDate, to: IsoDate, table: readonly RateEntry[] = G_TABLE): IsoDate[] {
  return table.map((e) => e.from).filter((d) => compareDates(d, from) > 0 && compareDates(d, to) <= 0).sort();
}
