import type { TFunction } from 'i18next';
import type { BodyOf, GrantRateView } from '@eidor/contract';
import type { z } from 'zod';
import type { FormIssue } from '../../components/form/use-contract-form.ts';

export type RateRow = z.output<typeof GrantRateView>;
export type RateFormValues = { code: string; year: string; amount: string; source: string; status: string; note: string };
export type RateRequest = BodyOf<'putGrantRate'>;

/** Whole kroner as typed ("241 100", "241100"); NaN when it is not a whole number. */
export function parseWholeKroner(text: string): number {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(kr\.?|,-)$/i, '');
  return /^\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

export function rateFormFrom(row: RateRow | undefined, year: number): RateFormValues {
  if (!row) return { code: '', year: String(year), amount: '', source: '', status: 'unverified', note: '' };
  return { code: row.code, year: String(row.year), amount: String(row.amount), source: row.source, status: row.status, note: row.note ?? '' };
}

/** The form's text as the request (without the version, which the page adds). */
export function rateRequestFrom(v: RateFormValues): Record<keyof Omit<RateRequest, 'version'>, unknown> {
  return {
    code: v.code,
    year: v.year.trim() === '' ? undefined : Number(v.year.trim()),
    amount: v.amount.trim() === '' ? undefined : parseWholeKroner(v.amount),
    source: v.source,
    status: v.status,
    note: v.note.trim() === '' ? null : v.note,
  };
}

/** What the schema says in general terms, said precisely: numbers that are not numbers. */
export function checkRate(v: RateFormValues, t: TFunction): FormIssue[] {
  const issues: FormIssue[] = [];
  if (v.year.trim() !== '' && !/^\d{4}$/.test(v.year.trim())) issues.push({ path: 'year', message: t('grants.rates.yearInvalid') });
  if (v.amount.trim() !== '' && Number.isNaN(parseWholeKroner(v.amount))) issues.push({ path: 'amount', message: t('grants.rates.amountInvalid') });
  return issues;
}
