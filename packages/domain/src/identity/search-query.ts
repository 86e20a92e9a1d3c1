import { parseIsoDate, formatIsoDate, type IsoDate } from '../calendar/date.ts';
import { parseNationalId } from './national-id.ts';
import { nameKey, normaliseName } from './names.ts';

/** What a person search box was given: an id number, a DUF number, a birth date, or a name. */
export type PersonQuery =
  | { kind: 'empty' }
  | { kind: 'national_id'; value: string }
  | { kind: 'duf_number'; value: string }
  | { kind: 'birth_date'; value: IsoDate }
  | { kind: 'name'; normalised: string; key: string };

/** Classifies free text typed into the person search (digits in any grouping, dates as YYYY-MM-DD or DD.MM.YYYY). */
export function classifyPersonQuery(input: string): PersonQuery {
  const q = input.trim();
  if (q === '') return { kind: 'empty' };
  const digits = q.replace(/[\s.-]/g, '');
  if (/^\d{11}$/.test(digits) && parseNationalId(digits).valid) return { kind: 'national_id', value: digits };
  if (/^\d{12}$/.test(digits)) return { kind: 'duf_number', value: digits };
  if (parseIsoDate(q)) return { kind: 'birth_date', value: q };
  const nor = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(q);
  if (nor) {
    const [d, m, y] = [Number(nor[1]), Number(nor[2]), Number(nor[3])];
    const iso = formatIsoDate(y, m, d);
    if (parseIsoDate(iso)) return { kind: 'birth_date', value: iso };
  }
  if (/^\d{11}$/.test(digits)) return { kind: 'national_id', value: digits };
  return { kind: 'name', normalised: normaliseName(q), key: nameKey(q) };
}

/** The text a person's names are searched in: every spelling, normalised, and its skeleton. */
export function personSearchText(spellings: readonly string[]): string {
  const parts = new Set<string>();
  for (const s of spellings) {
    const n = normaliseName(s);
    if (n) parts.add(n);
  }
  for (const s of spellings) {
    const k = nameKey(s);
    if (k) parts.add(k);
  }
  return [...parts].join(' | ');
}
