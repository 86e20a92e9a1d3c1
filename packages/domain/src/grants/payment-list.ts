import { formatIsoDate, isRealDate, type IsoDate } from '../calendar/date.ts';
import { normaliseDufNumber, parseNationalId } from '../identity/national-id.ts';
import { GRANT_CODES, type GrantCode } from './rates.ts';
import type { Term } from './schedule.ts';

/**
 * One line of IMDi's payment list (utbetalingsliste) as the municipality downloads it from IMDi
 * Tilskudd (docs/grants.md documents the columns). Reading is per line and pure, so the server can
 * stream a 100,000-line file straight into the database.
 */
export const PAYMENT_LIST_COLUMNS = ['termin', 'tilskuddskode', 'belop', 'fodselsnummer', 'dufnummer', 'navn', 'fodselsdato', 'bosettingsdato', 'kommunenummer', 'utbetalingsdato'] as const;
export type PaymentListColumn = (typeof PAYMENT_LIST_COLUMNS)[number];
export const REQUIRED_PAYMENT_COLUMNS: readonly PaymentListColumn[] = ['termin', 'tilskuddskode', 'belop'];

/** Header spellings people write, folded to the documented column names. */
const COLUMN_ALIASES: Record<string, PaymentListColumn> = {
  termin: 'termin',
  term: 'termin',
  tilskuddskode: 'tilskuddskode',
  kode: 'tilskuddskode',
  tilskuddstype: 'tilskuddskode',
  belop: 'belop',
  beløp: 'belop',
  'utbetalt belop': 'belop',
  'utbetalt beløp': 'belop',
  fodselsnummer: 'fodselsnummer',
  fødselsnummer: 'fodselsnummer',
  personnummer: 'fodselsnummer',
  'd-nummer': 'fodselsnummer',
  dufnummer: 'dufnummer',
  'duf-nummer': 'dufnummer',
  duf: 'dufnummer',
  navn: 'navn',
  fodselsdato: 'fodselsdato',
  fødselsdato: 'fodselsdato',
  bosettingsdato: 'bosettingsdato',
  kommunenummer: 'kommunenummer',
  kommunenr: 'kommunenummer',
  utbetalingsdato: 'utbetalingsdato',
};

export function paymentColumn(header: string): PaymentListColumn | undefined {
  return COLUMN_ALIASES[header.trim().toLowerCase().replace(/[_\s]+/g, ' ')] ?? COLUMN_ALIASES[header.trim().toLowerCase().replace(/[\s_]+/g, '')];
}

/** Dates in the three formats IMDi's and the municipality's files use: YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY. */
export function parseListDate(s: string): IsoDate | undefined {
  const t = s.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return real(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (m) return real(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}
const real = (y: number, mo: number, d: number) => (isRealDate(y, mo, d) ? formatIsoDate(y, mo, d) : undefined);

/**
 * An amount in kroner as written in Norwegian or English files — "12 345,50", "12345.50",
 * "kr 12 345", "12.345,50" — in øre. undefined when it is not a number (letters, two signs).
 */
export const parseAmountOre = memo(parseAmountOreUncached);
function parseAmountOreUncached(s: string): number | undefined {
  let t = s.trim().replace(/^kr\.?\s*/i, '').replace(/\s*(kr|nok|,-)$/i, '').replace(/[\s\u00a0\u202f]/g, '');
  const neg = t.startsWith('-');
  if (neg) t = t.slice(1);
  if (!/^\d[\d.,]*$/.test(t)) return undefined;
  let intPart = t;
  let frac = '';
  const commas = t.split(',').length - 1;
  const dots = t.split('.').length - 1;
  let decimal: ',' | '.' | null = null;
  if (commas > 0 && dots > 0) decimal = t.lastIndexOf(',') > t.lastIndexOf('.') ? ',' : '.';
  else if (commas === 1 && !/,\d{3}$/.test(t)) decimal = ',';
  else if (dots === 1 && !/\.\d{3}$/.test(t)) decimal = '.';
  if (decimal) {
    const at = t.lastIndexOf(decimal);
    intPart = t.slice(0, at);
    frac = t.slice(at + 1);
    if (frac.length === 0 || frac.length > 2) return undefined;
  }
  const thousands = decimal === ',' ? '.' : decimal === '.' ? ',' : t.includes(',') ? ',' : '.';
  if (intPart.includes(decimal === ',' ? ',' : decimal === '.' ? '.' : '\u0000')) return undefined;
  if (intPart.includes(thousands)) {
    if (!new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+$`).test(intPart)) return undefined;
    intPart = intPart.split(thousands).join('');
  }
  if (!/^\d+$/.test(intPart)) return undefined;
  const ore = Number(intPart) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(ore)) return undefined;
  return neg ? -ore : ore;
}

/** A small cache for values a list repeats on every line (terms, codes, amounts). */
function memo<T>(fn: (s: string) => T, max = 5000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = fn(s);
      if (cache.size >= max) cache.clear();
      cache.set(s, v);
    }
    return v as T;
  };
}

/** A term as IMDi writes it: "2025-1", "2025 T1", "T1 2025", "1. termin 2025", "2025-Q1", "2025/1". */
export const parseTerm = memo(parseTermUncached);
function parseTermUncached(s: string): Term | undefined {
  const t = s.trim().toLowerCase();
  let m = /^(\d{4})\s*[-/ ]\s*(?:t|q|termin\s*)?([1-4])$/.exec(t);
  if (m) return `${Number(m[1])}-${Number(m[2])}` as Term;
  m = /^(?:t|q)([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(t);
  if (m) return `${Number(m[2])}-${Number(m[1])}` as Term;
  m = /^([1-4])\.?\s*termin\s*(\d{4})$/.exec(t);
  if (m) return `${Number(m[2])}-${Number(m[1])}` as Term;
  return undefined;
}

export const parseGrantCode = memo(parseGrantCodeUncached);
function parseGrantCodeUncached(s: string): GrantCode | undefined {
  const t = s.trim().toUpperCase().replace(/\s+/g, ' ').replace(/^AR\s*-?\s*/, 'AR-').replace(/^AR-1\s*(EV|B)$/, 'AR-1 $1');
  return (GRANT_CODES as readonly string[]).includes(t) ? (t as GrantCode) : undefined;
}

export type PaymentLine = {
  line: number;
  term: Term;
  code: GrantCode;
  amountOre: number;
  nationalId: string | null;
  dufNumber: string | null;
  name: string | null;
  birthDate: IsoDate | null;
  settlementDate: IsoDate | null;
  municipalityNumber: string | null;
  paidDate: IsoDate | null;
};

export type LineProblem = { line: number; column: string | null; message: string };

/**
 * Reads one line (values by documented column). Returns the line or the problems, each naming the
 * line and column.
 */
export function readPaymentLine(line: number, v: Partial<Record<PaymentListColumn, string>>): { ok: true; value: PaymentLine } | { ok: false; problems: LineProblem[] } {
  const problems: LineProblem[] = [];
  const get = (c: PaymentListColumn) => {
    const x = v[c]?.trim();
    return x ? x : null;
  };
  const required = (c: PaymentListColumn) => {
    const x = get(c);
    if (x === null) problems.push({ line, column: c, message: 'is required' });
    return x;
  };
  const termRaw = required('termin');
  const term = termRaw === null ? undefined : parseTerm(termRaw);
  if (termRaw !== null && !term) problems.push({ line, column: 'termin', message: `"${termRaw}" is not a term (write it as 2025-1 or 2025 T1)` });
  const codeRaw = required('tilskuddskode');
  const code = codeRaw === null ? undefined : parseGrantCode(codeRaw);
  if (codeRaw !== null && !code) problems.push({ line, column: 'tilskuddskode', message: `"${codeRaw}" is not an IMDi grant code (${GRANT_CODES.join(', ')})` });
  const amountRaw = required('belop');
  const amountOre = amountRaw === null ? undefined : parseAmountOre(amountRaw);
  if (amountRaw !== null) {
    if (amountOre === undefined) problems.push({ line, column: 'belop', message: `"${amountRaw}" is not an amount in kroner` });
    else if (amountOre < 0) problems.push({ line, column: 'belop', message: 'is negative; a correction from IMDi is registered as a change request, not on the payment list' });
  }
  let nationalId: string | null = get('fodselsnummer');
  if (nationalId !== null) {
    nationalId = nationalId.replace(/\s/g, '');
    const r = parseNationalId(nationalId);
    if (!r.valid) {
      problems.push({ line, column: 'fodselsnummer', message: { format: 'must be 11 digits', checksum: 'has wrong check digits', date: 'does not contain a real birth date' }[r.reason] });
    }
  }
  let dufNumber: string | null = get('dufnummer');
  if (dufNumber !== null) {
    const d = normaliseDufNumber(dufNumber.replace(/[\s-]/g, ''));
    if (d === undefined) problems.push({ line, column: 'dufnummer', message: 'must be 12 digits' });
    else dufNumber = d;
  }
  const date = (c: PaymentListColumn): IsoDate | null => {
    const x = get(c);
    if (x === null) return null;
    const d = parseListDate(x);
    if (!d) problems.push({ line, column: c, message: `"${x}" is not a real date (YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY)` });
    return d ?? null;
  };
  const birthDate = date('fodselsdato');
  const settlementDate = date('bosettingsdato');
  const paidDate = date('utbetalingsdato');
  const name = get('navn');
  if (name !== null && name.length > 200) problems.push({ line, column: 'navn', message: 'is longer than 200 characters' });
  if (!nationalId && !dufNumber && !(name && birthDate)) {
    problems.push({ line, column: null, message: 'names nobody: give fodselsnummer, dufnummer, or navn and fodselsdato' });
  }
  const municipalityNumber = get('kommunenummer');
  if (municipalityNumber !== null && !/^\d{4}$/.test(municipalityNumber)) problems.push({ line, column: 'kommunenummer', message: 'must be 4 digits' });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { line, term: term!, code: code!, amountOre: amountOre!, nationalId, dufNumber, name, birthDate, settlementDate, municipalityNumber, paidDate },
  };
}

/** The key that makes two lines "the same line": every field but the line number. */
export function paymentLineKey(l: PaymentLine): string {
  return [l.term, l.code, l.amountOre, l.nationalId ?? '', l.dufNumber ?? '', (l.name ?? '').toLowerCase(), l.birthDate ?? '', l.settlementDate ?? '', l.municipalityNumber ?? '', l.paidDate ?? ''].join('|');
}

/** The key of "the same person in the same term for the same grant", before matching. */
export function paymentPersonTermKey(l: PaymentLine): string | null {
  const who = l.nationalId ? `f:${l.nationalId}` : l.dufNumber ? `d:${l.dufNumber}` : null;
  return who ? `${who}|${l.term}|${l.code}` : null;
}
