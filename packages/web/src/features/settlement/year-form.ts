import type { FieldError, SettlementYearFields, SettlementYearView } from '@eidor/contract';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FormIssue } from '../../components/form/use-contract-form.ts';

export type YearFields = z.output<typeof SettlementYearFields>;

/** The year form's values: what the inputs hold (text), turned into the request by `yearFieldsFrom`. */
export type YearFormValues = {
  year: string;
  requestedTotal: string;
  requestedUnaccompanied: string;
  decidedTotal: string;
  acceptsUnaccompanied: '' | 'yes' | 'no';
  decidedUnaccompanied: string;
  decisionDate: string;
  decisionBody: string;
  sentToImdiDate: string;
  imdinettRegistered: boolean;
  extraCapacity: string;
  note: string;
};

const text = (v: string | null | undefined) => v ?? '';
const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function yearFormFrom(year: number, y: SettlementYearView | undefined): YearFormValues {
  return {
    year: String(year),
    requestedTotal: num(y?.requestedTotal),
    requestedUnaccompanied: num(y?.requestedUnaccompanied),
    decidedTotal: num(y?.decidedTotal),
    acceptsUnaccompanied: y?.acceptsUnaccompanied === true ? 'yes' : y?.acceptsUnaccompanied === false ? 'no' : '',
    decidedUnaccompanied: num(y?.decidedUnaccompanied),
    decisionDate: text(y?.decisionDate),
    decisionBody: text(y?.decisionBody),
    sentToImdiDate: text(y?.sentToImdiDate),
    imdinettRegistered: y?.imdinettRegistered ?? false,
    extraCapacity: num(y?.extraCapacity),
    note: text(y?.note),
  };
}

/** Empty inputs are "not known" (null); numbers are read as typed, so "abc" fails the schema. */
export function yearFieldsFrom(v: YearFormValues): Record<keyof YearFields, unknown> {
  const n = (s: string) => (s.trim() === '' ? null : Number(s.trim().replace(/\s/g, '')));
  const s = (x: string) => (x.trim() === '' ? null : x);
  return {
    requestedTotal: n(v.requestedTotal),
    requestedUnaccompanied: n(v.requestedUnaccompanied),
    decidedTotal: n(v.decidedTotal),
    acceptsUnaccompanied: v.acceptsUnaccompanied === '' ? null : v.acceptsUnaccompanied === 'yes',
    decidedUnaccompanied: n(v.decidedUnaccompanied),
    decisionDate: s(v.decisionDate),
    decisionBody: s(v.decisionBody),
    sentToImdiDate: s(v.sentToImdiDate),
    imdinettRegistered: v.imdinettRegistered,
    extraCapacity: n(v.extraCapacity),
    note: s(v.note),
  };
}

/** The year must be one the server takes (2000–2100). */
export function checkYear(v: YearFormValues, t: TFunction): FormIssue[] {
  const y = Number(v.year);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? [] : [{ path: 'year', message: t('settlement.years.form.yearInvalid') }];
}

/** The server's field paths are `fields.x`; the form's are `x`. */
export const yearFormPath = (path: string) => path.replace(/^fields\./, '');

/** The server's reasons for refusing a year, in the user's words. */
export function yearServerMessage(field: FieldError, t: TFunction): string | undefined {
  switch (field.message) {
    case 'cannot be more than the requested total':
      return t('settlement.years.form.server.requestedUnaccompanied');
    case 'needs the decision to accept unaccompanied minors':
      return t('settlement.years.form.server.acceptsUnaccompanied');
    case 'cannot be more than the decided total':
      return t('settlement.years.form.server.decidedUnaccompanied');
    case "is required with the council's decision":
      return t('settlement.years.form.server.decisionDate');
    default:
      return undefined;
  }
}
