import type { TFunction } from 'i18next';
import type { FieldError, GrantFactsFields } from '@eidor/contract';
import type { z } from 'zod';

export type Facts = z.output<typeof GrantFactsFields>;
export type FactsFormValues = {
  firstSettlementDate: string;
  settledByAgreement: '' | 'yes' | 'no';
  imdinettRegisteredDate: string;
  sponsorFirstSettlementDate: string;
  sponsorPermitType: string;
  sponsorWasFamilyImmigrant: boolean;
  sponsorNordicCitizen: boolean;
  familyApplicationDate: string;
  specialAgreement: boolean;
  movedTo: string;
  emigratedDate: string;
};

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function factsFormFrom(f: Facts): FactsFormValues {
  return {
    firstSettlementDate: f.firstSettlementDate ?? '',
    settledByAgreement: f.settledByAgreement === null ? '' : f.settledByAgreement ? 'yes' : 'no',
    imdinettRegisteredDate: f.imdinettRegisteredDate ?? '',
    sponsorFirstSettlementDate: f.sponsorFirstSettlementDate ?? '',
    sponsorPermitType: f.sponsorPermitType ?? '',
    sponsorWasFamilyImmigrant: f.sponsorWasFamilyImmigrant,
    sponsorNordicCitizen: f.sponsorNordicCitizen,
    familyApplicationDate: f.familyApplicationDate ?? '',
    specialAgreement: f.specialAgreement,
    movedTo: f.movedTo ?? '',
    emigratedDate: f.emigratedDate ?? '',
  };
}

export function factsFrom(v: FactsFormValues): Record<keyof Facts, unknown> {
  return {
    firstSettlementDate: orNull(v.firstSettlementDate),
    settledByAgreement: v.settledByAgreement === '' ? null : v.settledByAgreement === 'yes',
    imdinettRegisteredDate: orNull(v.imdinettRegisteredDate),
    sponsorFirstSettlementDate: orNull(v.sponsorFirstSettlementDate),
    sponsorPermitType: orNull(v.sponsorPermitType),
    sponsorWasFamilyImmigrant: v.sponsorWasFamilyImmigrant,
    sponsorNordicCitizen: v.sponsorNordicCitizen,
    familyApplicationDate: orNull(v.familyApplicationDate),
    specialAgreement: v.specialAgreement,
    movedTo: orNull(v.movedTo),
    emigratedDate: orNull(v.emigratedDate),
  };
}

/** The server names the fields as `facts.x`; the form's controls are `x`. */
export const factsFormPath = (path: string) => path.replace(/^facts\./, '');

/** The grant-facts endpoint's field errors (server modules/grants/routes.ts) in the user's words. */
export function factsServerMessage(field: FieldError, label: string, t: TFunction): string {
  const m = field.message;
  if (m.startsWith('is after the settlement date in this municipality')) return t('grants.server.afterSettlement');
  if (m === 'is before the birth date') return t('grants.server.beforeBirth');
  if (m === 'is before the settlement date' || m === 'is before the settlement date it registers') return t('grants.server.beforeSettlement', { label });
  if (m === 'is only for a person whose status is moved away') return t('grants.server.movedOnly');
  return t('grants.server.other', { label, message: m });
}
