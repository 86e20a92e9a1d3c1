import { addDays, formatIsoDate, parseIsoDate, type IsoDate } from './date.ts';

/** Easter Sunday (Gregorian; the anonymous algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate(year, month, day);
}

/** Norway's public holidays (helligdager and 1 and 17 May) in a year. */
export function norwegianHolidays(year: number): IsoDate[] {
  const easter = easterSunday(year);
  return [
    formatIsoDate(year, 1, 1),
    addDays(easter, -3), // skjærtorsdag
    addDays(easter, -2), // langfredag
    easter,
    addDays(easter, 1), // 2. påskedag
    formatIsoDate(year, 5, 1),
    formatIsoDate(year, 5, 17),
    addDays(easter, 39), // Kristi himmelfartsdag
    addDays(easter, 49), // 1. pinsedag
    addDays(easter, 50), // 2. pinsedag
    formatIsoDate(year, 12, 25),
    formatIsoDate(year, 12, 26),
  ].sort();
}

const cache = new Map<number, Set<IsoDate>>();
function holidaySet(year: number): Set<IsoDate> {
  let s = cache.get(year);
  if (!s) {
    s = new Set(norwegianHolidays(year));
    cache.set(year, s);
  }
  return s;
}

/** Monday–Friday and not a public holiday: a working day (virkedag) as the absence rules count. */
export function isWorkingDay(iso: IsoDate): boolean {
  const p = parseIsoDate(iso);
  if (!p) throw new Error(`not a date: ${iso}`);
  const dow = new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay();
  return dow !== 0 && dow !== 6 && !holidaySet(p.y).has(iso);
}

/** Working days from `from` to `to`, both included. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
}

/** The weekday of a date, 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: IsoDate): number {
  const p = parseIsoDate(iso);
  if (!p) throw new Error(`not a date: ${iso}`);
  const dow = new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay();
  return dow === 0 ? 7 : dow;
}
