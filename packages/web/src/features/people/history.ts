import type { TFunction } from 'i18next';
import { ARRIVAL_CATEGORIES, HOUSEHOLD_ROLES, PERMIT_TYPES, PERSON_STATUSES, SEXES } from '@eidor/contract';
import type { PeopleLabels } from './labels.ts';

/** One changed field of a history entry, as the server sends it. */
export type Change = { field: string; from: unknown; to: unknown };

export type DescribeContext = {
  t: TFunction;
  labels: Pick<PeopleLabels, 'arrivalCategory' | 'status' | 'sex' | 'householdRole' | 'permitType' | 'country' | 'language'>;
  formatDate: (iso: string) => string;
  /** The name of a unit by id, when the screen knows it. */
  unitName: (id: string) => string | undefined;
};

const DATE_FIELDS = new Set(['birthDate', 'permitDate', 'settlementDate', 'statusDate']);
const FIELD_LABELS = new Set([
  'givenName',
  'familyName',
  'otherSpellings',
  'birthDate',
  'sex',
  'nationalId',
  'dufNumber',
  'originCountry',
  'nationality',
  'languages',
  'interpreterNeeded',
  'interpreterLanguage',
  'householdRole',
  'arrivalCategory',
  'permitType',
  'permitDate',
  'settlementDate',
  'previousMunicipality',
  'status',
  'statusDate',
]);

const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/** The name of a changed field in the UI language (the field's own name when the screen does not know it). */
export function fieldLabel(field: string, t: TFunction): string {
  if (field === 'team') return t('people.history.team');
  if (field === 'householdId') return t('people.history.householdId');
  if (field === 'sponsorPersonId') return t('people.fields.sponsor');
  if (FIELD_LABELS.has(field)) return t(`people.fields.${field as 'givenName'}`);
  return field;
}

/** One value of a changed field, as a person reads it: names for codes, dates in the UI's format, units by name. */
export function describeValue(field: string, value: unknown, ctx: DescribeContext): string {
  const { t, labels } = ctx;
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('people.history.emptyValue');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) {
    const items = value.map(String);
    if (field === 'team') return items.map((id) => ctx.unitName(id) ?? t('people.history.unknownUnit')).join(', ');
    if (field === 'languages') return items.map(labels.language).join(', ');
    return items.join(', ');
  }
  if (typeof value !== 'string') return JSON.stringify(value);
  if (DATE_FIELDS.has(field)) return ctx.formatDate(value);
  if (field === 'originCountry' || field === 'nationality') return labels.country(value);
  if (field === 'interpreterLanguage') return labels.language(value);
  if (field === 'arrivalCategory' && isOneOf(ARRIVAL_CATEGORIES, value)) return labels.arrivalCategory(value);
  if (field === 'status' && isOneOf(PERSON_STATUSES, value)) return labels.status(value);
  if (field === 'sex' && isOneOf(SEXES, value)) return labels.sex(value);
  if (field === 'householdRole' && isOneOf(HOUSEHOLD_ROLES, value)) return labels.householdRole(value);
  if (field === 'permitType' && isOneOf(PERMIT_TYPES, value)) return labels.permitType(value);
  // Ids of other records say nothing to a reader; the change itself is what matters.
  if (field === 'householdId') return t('people.history.aHousehold');
  if (field === 'sponsorPersonId') return t('people.history.aPerson');
  return value;
}

/** A change as a sentence: "Status: Aktiv → Flyttet". */
export function describeChange(change: Change, ctx: DescribeContext): string {
  return ctx.t('people.history.change', {
    field: fieldLabel(change.field, ctx.t),
    from: describeValue(change.field, change.from, ctx),
    to: describeValue(change.field, change.to, ctx),
  });
}
