import { useTranslation } from 'react-i18next';
import { ARRIVAL_CATEGORIES, HOUSEHOLD_ROLES, PERMIT_TYPES, PERSON_STATUSES, SEXES } from '@eidor/contract';

type ArrivalCategory = (typeof ARRIVAL_CATEGORIES)[number];
type PersonStatus = (typeof PERSON_STATUSES)[number];
type Sex = (typeof SEXES)[number];
type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number];
type PermitType = (typeof PERMIT_TYPES)[number];

/** Countries offered in the pickers (the most common origins); any other is typed as an ISO alpha-3 code. */
export const COUNTRIES = ['SYR', 'AFG', 'ERI', 'SOM', 'UKR', 'COD', 'SDN', 'IRQ', 'IRN', 'ETH', 'MMR', 'PSE'] as const;
export type KnownCountry = (typeof COUNTRIES)[number];

/** Languages offered as check boxes; any other is typed as an ISO 639 code. */
export const LANGUAGES = ['ar', 'fa', 'prs', 'ps', 'ti', 'so', 'uk', 'ru', 'fr', 'sw', 'ku', 'en'] as const;
export type KnownLanguage = (typeof LANGUAGES)[number];

export function isKnownCountry(code: string | null | undefined): code is KnownCountry {
  return (COUNTRIES as readonly string[]).includes(code ?? '');
}

export function isKnownLanguage(code: string | null | undefined): code is KnownLanguage {
  return (LANGUAGES as readonly string[]).includes(code ?? '');
}

const options = <T extends string>(values: readonly T[], label: (v: T) => string) => values.map((value) => ({ value, label: label(value) }));

/** The person register's closed lists with their names in the UI language, in the contract's order. */
export function usePeopleLabels() {
  const { t } = useTranslation();
  const arrivalCategory = (v: ArrivalCategory) => t(`people.arrivalCategories.${v}`);
  const status = (v: PersonStatus) => t(`people.statuses.${v}`);
  const sex = (v: Sex) => t(`people.sexes.${v}`);
  const householdRole = (v: HouseholdRole) => t(`people.householdRoles.${v}`);
  const permitType = (v: PermitType) => t(`people.permitTypes.${v}`);
  /** A country's name, or its code when the list does not name it. */
  const country = (code: string) => (isKnownCountry(code) ? t(`people.countries.${code}`) : code);
  /** A language's name, or its code when the list does not name it. */
  const language = (code: string) => (isKnownLanguage(code) ? t(`people.languageNames.${code}`) : code);
  return {
    arrivalCategory,
    status,
    sex,
    householdRole,
    permitType,
    country,
    language,
    arrivalCategoryOptions: options(ARRIVAL_CATEGORIES, arrivalCategory),
    statusOptions: options(PERSON_STATUSES, status),
    sexOptions: options(SEXES, sex),
    householdRoleOptions: options(HOUSEHOLD_ROLES, householdRole),
    permitTypeOptions: options(PERMIT_TYPES, permitType),
    countryOptions: options(COUNTRIES, (c) => t(`people.countries.${c}`)),
    languageOptions: options(LANGUAGES, (l) => t(`people.languageNames.${l}`)),
  };
}

export type PeopleLabels = ReturnType<typeof usePeopleLabels>;
