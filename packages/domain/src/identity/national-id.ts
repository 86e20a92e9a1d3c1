import { formatIsoDate, isRealDate, type IsoDate } from '../calendar/date.ts';

/**
 * Norwegian national identity numbers (11 digits): fødselsnummer, and D-nummer (day + 40) given to
 * people without a fødselsnummer — common for newly arrived refugees. Synthetic test numbers
 * (month + 80, Skatteetaten's Tenor) are accepted and flagged, so demo data never collides with
 * real people. Two mod-11 check digits (k1, k2) and a real date are required.
 */
export type NationalIdKind = 'fnr' | 'dnr';
export type NationalIdResult =
  | { valid: true; kind: NationalIdKind; birthDate: IsoDate; sex: 'female' | 'male'; synthetic: boolean }
  | { valid: false; reason: 'format' | 'checksum' | 'date' };

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** The mod-11 check digit for `digits` with `weights`; undefined when the remainder gives 10 (no valid number). */
export function mod11(digits: readonly number[], weights: readonly number[]): number | undefined {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  if (k === 10) return undefined;
  return k;
}

/** The century from the individual number (digits 7–9) and the two-digit year, per Skatteetaten's rules. */
function fullYear(yy: number, individual: number): number | undefined {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (individual >= 500 && yy <= 39) return 2000 + yy;
  if (individual >= 900 && yy >= 40) return 1900 + yy;
  return undefined;
}

export function parseNationalId(input: string): NationalIdResult {
  const s = input.replace(/\s/g, '');
  if (!/^\d{11}$/.test(s)) return { valid: false, reason: 'format' };
  const d = [...s].map(Number);
  if (mod11(d, K1) !== d[9] || mod11(d, K2) !== d[10]) return { valid: false, reason: 'checksum' };
  let day = d[0]! * 10 + d[1]!;
  let month = d[2]! * 10 + d[3]!;
  const yy = d[4]! * 10 + d[5]!;
  const individual = d[6]! * 100 + d[7]! * 10 + d[8]!;
  let kind: NationalIdKind = 'fnr';
  let synthetic = false;
  if (day > 40) {
    kind = 'dnr';
    day -= 40;
  }
  if (month > 80) {
    synthetic = true;
    month -= 80;
  }
  const year = fullYear(yy, individual);
  if (year === undefined || !isRealDate(year, month, day)) return { valid: false, reason: 'date' };
  return { valid: true, kind, birthDate: formatIsoDate(year, month, day), sex: d[8]! % 2 === 1 ? 'male' : 'female', synthetic };
}

/**
 * Makes a valid number (for demo data and tests): birth date, sex, kind, synthetic flag and a
 * running number to pick the individual number. Returns undefined when no check digits exist for
 * that individual number (the caller tries the next one).
 */
export function makeNationalId(opts: { birthDate: IsoDate; sex: 'female' | 'male'; kind: NationalIdKind; synthetic: boolean; serial: number }): string | undefined {
  const [y, m, dd] = opts.birthDate.split('-').map(Number) as [number, number, number];
  const yy = y % 100;
  // Individual number range by century (see fullYear).
  const [lo, hi] = y < 1900 ? [500, 749] : y < 2000 ? [0, 499] : [500, 999];
  let individual = lo + (opts.serial % (hi - lo + 1));
  if ((individual % 2 === 1) !== (opts.sex === 'male')) individual = individual === hi ? individual - 1 : individual + 1;
  const day = opts.kind === 'dnr' ? dd + 40 : dd;
  const month = opts.synthetic ? m + 80 : m;
  const base = [Math.floor(day / 10), day % 10, Math.floor(month / 10), month % 10, Math.floor(yy / 10), yy % 10, Math.floor(individual / 100), Math.floor(individual / 10) % 10, individual % 10];
  const k1 = mod11(base, K1);
  if (k1 === undefined) return undefined;
  const k2 = mod11([...base, k1], K2);
  if (k2 === undefined) return undefined;
  return [...base, k1, k2].join('');
}

/** DUF number (IMDi/UDI case number): 12 digits, often written 4+4+4 with spaces or dashes. */
export function normaliseDufNumber(input: string): string | undefined {
  const s = input.replace(/[\s-]/g, '');
  return /^\d{12}$/.test(s) ? s : undefined;
}
