/** A calendar date without time or zone, as `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `y-m-d` is a real day of the Gregorian calendar (2024-02-30 is not). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Parses `YYYY-MM-DD`; undefined when malformed or not a real day. */
export function parseIsoDate(s: string): { y: number; m: number; d: number } | undefined {
  const match = ISO.exec(s);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(y, m, d) ? { y, m, d } : undefined;
}

export const formatIsoDate = (y: number, m: number, d: number): IsoDate =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Whole years from `birth` to `on` (age on a date). */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const b = parseIsoDate(birth);
  const o = parseIsoDate(on);
  if (!b || !o) throw new Error('ageOn needs two valid dates');
  return o.y - b.y - (o.m < b.m || (o.m === b.m && o.d < b.d) ? 1 : 0);
}

/** The calendar date in Norway at an instant (the law counts days in Norwegian time). */
const OSLO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
export function osloDate(instant: Date): IsoDate {
  return OSLO_DAY.format(instant); // en-CA formats as YYYY-MM-DD
}

function toEpochDay(iso: IsoDate): number {
  const p = parseIsoDate(iso);
  if (!p) throw new Error(`not a date: ${iso}`);
  return Math.round(Date.UTC(p.y, p.m - 1, p.d) / 86_400_000);
}

function fromEpochDay(day: number): IsoDate {
  const d = new Date(day * 86_400_000);
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The date `n` days after (or before, when negative) `iso`. */
export function addDays(iso: IsoDate, n: number): IsoDate {
  return fromEpochDay(toEpochDay(iso) + n);
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/**
 * The same day `n` months later; a day that does not exist in the target month becomes its last
 * day (31 January + 1 month = 28/29 February), as deadlines "within N months" are counted.
 */
export function addMonths(iso: IsoDate, n: number): IsoDate {
  const p = parseIsoDate(iso);
  if (!p) throw new Error(`not a date: ${iso}`);
  const total = p.y * 12 + (p.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return formatIsoDate(y, m, Math.min(p.d, daysInMonth(y, m)));
}

/** Parses a date written as `YYYY-MM-DD` or the Norwegian `DD.MM.YYYY`; undefined when not a real day. */
export function parseNorwegianOrIsoDate(s: string): IsoDate | undefined {
  const t = s.trim();
  const no = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (no) {
    const [d, m, y] = [Number(no[1]), Number(no[2]), Number(no[3])];
    return isRealDate(y, m, d) ? formatIsoDate(y, m, d) : undefined;
  }
  return parseIsoDate(t) ? t : undefined;
}

/** Compares two ISO dates (they sort as strings). */
export const compareDates = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);

/** The same day `n` years later (29 February becomes 28 February in a common year). */
export const addYears = (iso: IsoDate, n: number): IsoDate => addMonths(iso, n * 12);
