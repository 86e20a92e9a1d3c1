import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ARRIVAL_CATEGORIES, FieldError, HOUSEHOLD_ROLES, PERMIT_TYPES, PERSON_STATUSES, PersonFields, PersonView, SEXES } from '@eidor/contract';
import { parseNationalId } from '@eidor/domain';
import type { FormIssue } from '../../components/form/use-contract-form.ts';
import { isKnownCountry, isKnownLanguage } from './labels.ts';

type Sex = (typeof SEXES)[number];
type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number];
type ArrivalCategory = (typeof ARRIVAL_CATEGORIES)[number];
type PermitType = (typeof PERMIT_TYPES)[number];
type PersonStatus = (typeof PERSON_STATUSES)[number];

/** The value of a country select that means "a country not in the list: type its code". */
export const OTHER_COUNTRY = 'other';

/** Where the person goes when registered: no household, a new one, or the one the user came from. */
export type HouseholdMode = 'none' | 'new' | 'existing';

/** A person as the register and edit forms hold it: strings for inputs, '' until chosen. */
export type PersonFormValues = {
  person: {
    givenName: string;
    familyName: string;
    otherSpellings: { value: string }[];
    birthDate: string;
    sex: Sex | '';
    nationalId: string;
    dufNumber: string;
    /** A code from the list, OTHER_COUNTRY or ''. */
    originCountry: string;
    originCountryOther: string;
    nationality: string;
    nationalityOther: string;
    /** Codes checked in the list of common languages. */
    languages: string[];
    /** Other language codes, separated by commas. */
    languagesOther: string;
    interpreterNeeded: boolean;
    interpreterLanguage: string;
    householdRole: HouseholdRole | '';
    arrivalCategory: ArrivalCategory | '';
    sponsorPersonId: string;
    permitType: PermitType | '';
    permitDate: string;
    settlementDate: string;
    previousMunicipality: string;
    status: PersonStatus;
    statusDate: string;
  };
  household: { mode: HouseholdMode; name: string; householdId: string };
};

export type PersonFieldsInput = z.input<typeof PersonFields>;

/** An empty register form; `householdId` preselects the household the user came from. */
export function emptyPersonForm(householdId?: string): PersonFormValues {
  return {
    person: {
      givenName: '',
      familyName: '',
      otherSpellings: [],
      birthDate: '',
      sex: '',
      nationalId: '',
      dufNumber: '',
      originCountry: '',
      originCountryOther: '',
      nationality: '',
      nationalityOther: '',
      languages: [],
      languagesOther: '',
      interpreterNeeded: false,
      interpreterLanguage: '',
      householdRole: '',
      arrivalCategory: '',
      sponsorPersonId: '',
      permitType: '',
      permitDate: '',
      settlementDate: '',
      previousMunicipality: '',
      status: 'active',
      statusDate: '',
    },
    household: householdId ? { mode: 'existing', name: '', householdId } : { mode: 'none', name: '', householdId: '' },
  };
}

/** The edit form's values from the person as the server shows them (both sections must be present). */
export function personFormFrom(view: PersonView): PersonFormValues {
  const i = view.identity;
  const s = view.settlement;
  const blank = emptyPersonForm();
  if (!i) return blank;
  const country = (code: string | null) => (code === null ? '' : isKnownCountry(code) ? code : OTHER_COUNTRY);
  const countryOther = (code: string | null) => (code !== null && !isKnownCountry(code) ? code : '');
  return {
    person: {
      givenName: i.givenName,
      familyName: i.familyName,
      otherSpellings: i.otherSpellings.map((value) => ({ value })),
      birthDate: i.birthDate,
      sex: i.sex,
      nationalId: i.nationalId ?? '',
      dufNumber: i.dufNumber ?? '',
      originCountry: country(i.originCountry),
      originCountryOther: countryOther(i.originCountry),
      nationality: country(i.nationality),
      nationalityOther: countryOther(i.nationality),
      languages: i.languages.filter((l) => isKnownLanguage(l)),
      languagesOther: i.languages.filter((l) => !isKnownLanguage(l)).join(', '),
      interpreterNeeded: i.interpreterNeeded,
      interpreterLanguage: i.interpreterLanguage ?? '',
      householdRole: i.householdRole ?? '',
      arrivalCategory: s?.arrivalCategory ?? '',
      sponsorPersonId: s?.sponsorPersonId ?? '',
      permitType: s?.permitType ?? '',
      permitDate: s?.permitDate ?? '',
      settlementDate: s?.settlementDate ?? '',
      previousMunicipality: s?.previousMunicipality ?? '',
      status: i.status,
      statusDate: i.statusDate ?? '',
    },
    household: i.householdId ? { mode: 'existing', name: '', householdId: i.householdId } : blank.household,
  };
}

/** Language codes typed in a free-text field: "am, OM; ti" → ["am", "om", "ti"]. */
export function parseLanguageCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

const textOrNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

function countryCode(choice: string, other: string): string | null {
  if (choice === '') return null;
  // An empty "other" code is sent as '' so that the schema names the missing code.
  return choice === OTHER_COUNTRY ? other.trim().toUpperCase() : choice;
}

/** The contract's person fields from the form (what is sent, and what the contract schema checks). */
export function toPersonFields(p: PersonFormValues['person']): PersonFieldsInput {
  const languages = [...new Set([...p.languages, ...parseLanguageCodes(p.languagesOther)])];
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    // Rows are kept (even empty ones) so that an error's index points at the row on the screen.
    otherSpellings: p.otherSpellings.map((row) => row.value),
    birthDate: p.birthDate,
    sex: p.sex as Sex,
    nationalId: textOrNull(p.nationalId),
    dufNumber: textOrNull(p.dufNumber),
    originCountry: countryCode(p.originCountry, p.originCountryOther),
    nationality: countryCode(p.nationality, p.nationalityOther),
    languages,
    interpreterNeeded: p.interpreterNeeded,
    interpreterLanguage: p.interpreterNeeded ? textOrNull(p.interpreterLanguage) : null,
    householdRole: p.householdRole === '' ? null : p.householdRole,
    arrivalCategory: p.arrivalCategory === '' ? null : p.arrivalCategory,
    // A reference person only belongs to family reunification; switching category drops it.
    sponsorPersonId: p.arrivalCategory === 'family_reunified' ? textOrNull(p.sponsorPersonId) : null,
    permitType: p.permitType === '' ? null : p.permitType,
    permitDate: textOrNull(p.permitDate),
    settlementDate: textOrNull(p.settlementDate),
    previousMunicipality: textOrNull(p.previousMunicipality),
    status: p.status,
    statusDate: textOrNull(p.statusDate),
  };
}

/** The register request's body (checked by CreatePersonRequest). */
export function toCreateRequest(values: PersonFormValues) {
  const h = values.household;
  const household =
    h.mode === 'existing'
      ? { mode: 'existing' as const, householdId: h.householdId }
      : h.mode === 'new'
        ? { mode: 'new' as const, ...(h.name.trim() ? { name: h.name } : {}) }
        : { mode: 'none' as const };
  return { person: toPersonFields(values.person), household };
}

/**
 * Where a path named by the contract's schema or by the server stands in the form. The form is shaped
 * like the request, except where one request field is typed in another control (a country not in the
 * list, languages beyond the check boxes, a spelling row's input).
 */
export function toFormPath(path: string, values: PersonFormValues): string {
  const spelling = /^person\.otherSpellings\.(\d+)$/.exec(path);
  if (spelling) return `person.otherSpellings.${spelling[1]}.value`;
  if (/^person\.languages\.\d+$/.test(path)) return 'person.languagesOther';
  if (path === 'person.originCountry' && values.person.originCountry === OTHER_COUNTRY) return 'person.originCountryOther';
  if (path === 'person.nationality' && values.person.nationality === OTHER_COUNTRY) return 'person.nationalityOther';
  if (path === 'household.householdId' || path === 'householdId') return 'household.mode';
  return path;
}

/** Rules the server checks beyond the schema, checked before sending so the user hears at once. */
export function personFormIssues(values: PersonFormValues, t: TFunction, opts: { hasHousehold: boolean }): FormIssue[] {
  const p = values.person;
  const issues: FormIssue[] = [];
  const nationalId = p.nationalId.replace(/\s/g, '');
  if (nationalId) {
    const parsed = parseNationalId(nationalId);
    if (!parsed.valid) issues.push({ path: 'person.nationalId', message: t(`people.validation.nationalId.${parsed.reason}`) });
    else if (p.birthDate && parsed.birthDate !== p.birthDate) issues.push({ path: 'person.birthDate', message: t('people.validation.birthDateMismatch') });
  }
  if (p.status !== 'active' && !p.statusDate.trim()) issues.push({ path: 'person.statusDate', message: t('people.validation.statusDate') });
  if (p.interpreterNeeded && !p.interpreterLanguage.trim()) issues.push({ path: 'person.interpreterLanguage', message: t('people.validation.interpreterLanguage') });
  if (p.householdRole && !opts.hasHousehold) issues.push({ path: 'person.householdRole', message: t('people.validation.householdRole') });
  for (const key of ['originCountry', 'nationality'] as const) {
    const other = p[`${key}Other`].trim();
    if (p[key] === OTHER_COUNTRY && !/^[A-Za-z]{3}$/.test(other)) {
      issues.push({ path: `person.${key}Other`, message: t('people.validation.countryCode', { label: t(`people.fields.${key}Other`) }) });
    }
  }
  if (parseLanguageCodes(p.languagesOther).some((code) => !/^[a-z]{2,3}$/.test(code))) {
    issues.push({ path: 'person.languagesOther', message: t('people.validation.languageCodes', { label: t('people.fields.languagesOther') }) });
  }
  for (const key of ['permitDate', 'settlementDate', 'statusDate'] as const) {
    const v = p[key].trim();
    if (v && p.birthDate && v < p.birthDate) issues.push({ path: `person.${key}`, message: t('people.validation.beforeBirth', { label: t(`people.fields.${key}`) }) });
  }
  return issues;
}

/** The server's field messages this form can say in the user's own words (the server's are English, for developers). */
const SERVER_MESSAGES: Record<string, 'future' | 'beforeBirth' | 'birthDateMismatch' | 'nationalIdTaken' | 'householdRole' | 'statusDate' | 'interpreterLanguage' | 'sponsorUnknown' | 'sponsorCategory' | 'sponsorSelf' | 'adultRemains' | 'householdUnknown' | 'mayNotChange'> = {
  'cannot be in the future': 'future',
  'cannot be before the birth date': 'beforeBirth',
  'does not match the birth date in the id number': 'birthDateMismatch',
  'is already registered on another person': 'nationalIdTaken',
  'needs a household': 'householdRole',
  'is required when the status is not active': 'statusDate',
  'is required when an interpreter is needed': 'interpreterLanguage',
  'is not a person in this municipality': 'sponsorUnknown',
  'only applies to family-reunified persons': 'sponsorCategory',
  'cannot be the person themself': 'sponsorSelf',
  'would leave the household without an adult': 'adultRemains',
  'is not a household in this municipality': 'householdUnknown',
  'you may not change this': 'mayNotChange',
};

/** A server's field error in the user's language, when the form knows what it means; otherwise undefined. */
export function serverFieldMessage(field: FieldError, label: string, t: TFunction): string | undefined {
  const known = SERVER_MESSAGES[field.message];
  return known ? t(`people.validation.server.${known}`, { label }) : undefined;
}
