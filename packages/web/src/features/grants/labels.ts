import type { TFunction } from 'i18next';
import type { LineProblem } from '@eidor/contract';
import type { GrantCode, GrantType, RateStatus } from '@eidor/domain';
import type { z } from 'zod';

export type Reason = { code: string; params?: Record<string, string | number> | undefined };
type Fmt = { date: (iso: string) => string; kroner: (n: number) => string };

const KNOWN_REASONS = new Set([
  'not_settled', 'born_within_six_months', 'born_later', 'resettlement_refugee', 'permit_type_missing', 'permit_refugee', 'permit_humanitarian', 'permit_collective_protection',
  'sponsor_unknown', 'sponsor_family_immigrant', 'sponsor_nordic_citizen', 'sponsor_permit_missing', 'sponsor_permit_not_protected', 'five_year_rule_exceeded', 'five_year_rule_unknown',
  'five_year_rule_met', 'family_of_humanitarian', 'family_of_refugee', 'limited_permit_by_agreement', 'permit_not_renewable', 'emigrated', 'deceased', 'elderly_60_plus',
  'kindergarten_age', 'unaccompanied_minor_until_20', 'unaccompanied_minor_on_application', 'unknown',
]);
const KNOWN_NOTES = new Set(['moved_in', 'moved_out', 'part_year', 'rate_missing', 'rate_from_other_year']);

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Dates in a reason's figures in the user's format; the rest as they came. */
function params(p: Reason['params'], fmt: Fmt): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p ?? {})) out[k] = isDate(v) ? fmt.date(v) : v;
  return out;
}

/** A reason of the grant schedule (domain grants/schedule.ts) in the user's language, with its figures. */
export function scheduleReason(r: Reason, t: TFunction, fmt: Fmt): string {
  if (!KNOWN_REASONS.has(r.code)) return r.code;
  return t(`grants.reasons.${r.code}` as 'grants.reasons.unknown', params(r.params, fmt));
}

/** A note on one schedule line (a move, a part year, a rate from another year). */
export function scheduleNote(r: Reason, t: TFunction, fmt: Fmt): string {
  if (!KNOWN_NOTES.has(r.code)) return r.code;
  return t(`grants.notes.${r.code}` as 'grants.notes.moved_in', params(r.params, fmt));
}

export const codeLabel = (code: GrantCode, t: TFunction) => t(`grants.codes.${code}`);
export const typeLabel = (type: GrantType, t: TFunction) => t(`grants.types.${type}`);
export const statusLabel = (status: RateStatus, t: TFunction) => t(`grants.statuses.${status}`);

/** Status colours: only verified is calm; the words say it too, colour is never the only cue. */
export const STATUS_COLOR: Record<RateStatus, 'success' | 'warning' | 'danger'> = { verified: 'success', unverified: 'warning', estimate: 'danger' };

/** A term key "2026-3" as "3. termin 2026". */
export function termLabel(term: string, t: TFunction): string {
  const m = /^(\d{4})-([1-4])$/.exec(term);
  return m ? t('grants.person.termLabel', { term: m[2], year: m[1] }) : term;
}

/** A share 0..1 as a percentage ("58 %"). */
export function shareText(share: number, formatNumber: (n: number) => string): string {
  return `${formatNumber(Math.round(share * 1000) / 10)} %`;
}

export type Problem = z.output<typeof LineProblem>;
export type ProblemText = { text: string; lang?: 'en' };

const PATTERNS: [RegExp, (m: RegExpExecArray, t: TFunction) => string][] = [
  [/^is required$/, (_m, t) => t('grants.problems.required')],
  [/^"(.*)" is not a term/, (m, t) => t('grants.problems.term', { value: m[1] })],
  [/^"(.*)" is not an IMDi grant code/, (m, t) => t('grants.problems.code', { value: m[1] })],
  [/^"(.*)" is not an amount in kroner$/, (m, t) => t('grants.problems.amount', { value: m[1] })],
  [/^is negative;/, (_m, t) => t('grants.problems.negative')],
  [/^must be 11 digits$/, (_m, t) => t('grants.problems.nationalIdFormat')],
  [/^has wrong check digits$/, (_m, t) => t('grants.problems.nationalIdChecksum')],
  [/^does not contain a real birth date$/, (_m, t) => t('grants.problems.nationalIdDate')],
  [/^must be 12 digits$/, (_m, t) => t('grants.problems.duf')],
  [/^"(.*)" is not a real date/, (m, t) => t('grants.problems.date', { value: m[1] })],
  [/^is longer than 200 characters$/, (_m, t) => t('grants.problems.nameTooLong')],
  [/^names nobody/, (_m, t) => t('grants.problems.nobody')],
  [/^must be 4 digits$/, (_m, t) => t('grants.problems.municipality')],
  [/^is the same line as line (\d+)$/, (m, t) => t('grants.problems.sameLine', { line: m[1] })],
  [/^pays the same person (.+) for term (\S+) again \(line (\d+)\)$/, (m, t) => t('grants.problems.paidTwice', { code: m[1], term: termLabel(m[2]!, t), line: m[3] })],
  [/^Unknown column "(.*)"/, (m, t) => t('grants.problems.unknownColumn', { column: m[1] })],
  [/^The column "(.*)" is missing$/, (m, t) => t('grants.problems.missingColumn', { column: m[1] })],
  [/^The column "(.*)" appears twice$/, (m, t) => t('grants.problems.repeatedColumn', { column: m[1] })],
  [/^The file is empty$/, (_m, t) => t('grants.problems.empty')],
  [/the file is not valid CSV/i, (_m, t) => t('grants.problems.notCsv')],
  [/^The file is not a readable XLSX workbook$/, (_m, t) => t('grants.problems.notXlsx')],
];

/** A payment-list problem (server English, domain grants/payment-list.ts) in the user's language where known. */
export function describeProblem(message: string, t: TFunction): ProblemText {
  for (const [pattern, text] of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return { text: text(m, t) };
  }
  return { text: message, lang: 'en' };
}
