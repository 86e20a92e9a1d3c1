import type { TFunction } from 'i18next';
import { PERMIT_TYPES } from '@eidor/contract';

type PermitType = (typeof PERMIT_TYPES)[number];

/**
 * An eligibility reason from the domain (English, with the figures in it) in the user's language.
 * Null when the reason is not one of the known sentences: the page then shows it as it came.
 */
export function eligibilityReason(reason: string, t: TFunction, formatDate: (iso: string) => string, permitLabel: (p: PermitType) => string): string | null {
  let m: RegExpExecArray | null;
  if ((m = /^permit (\w+) granted (\d{4}-\d{2}-\d{2}): (.+)$/.exec(reason))) {
    const type = m[1]!;
    const permit = (PERMIT_TYPES as readonly string[]).includes(type) ? permitLabel(type as PermitType) : type;
    return t('programme.reasons.permit', { permit, date: formatDate(m[2]!), law: m[3] });
  }
  if ((m = /^aged (\d+) when the permit was granted \(the programme is for 18–(\d+)\)$/.exec(reason))) return t('programme.reasons.tooYoung', { age: m[1], upper: m[2] });
  if ((m = /^aged (\d+) when the permit was granted: the municipality may offer the programme \(over (\d+)\)$/.exec(reason))) return t('programme.reasons.overAge', { age: m[1], upper: m[2] });
  if ((m = /^more than two years in a municipality by (\d{4}-\d{2}-\d{2}) \(settled (\d{4}-\d{2}-\d{2})\)$/.exec(reason))) return t('programme.reasons.twoYears', { date: formatDate(m[1]!), settled: formatDate(m[2]!) });
  switch (reason) {
    case 'Nordic and EEA citizens are not in the target group':
      return t('programme.reasons.eea');
    case 'no residence permit recorded':
      return t('programme.reasons.noPermit');
    case "family immigration: the sponsor's settlement date and the application date are needed to decide":
      return t('programme.reasons.familyUnknown');
    case 'family immigration applied for five years or more after the sponsor settled':
      return t('programme.reasons.familyLate');
    case 'family immigration within five years of the sponsor settling':
      return t('programme.reasons.familyWithin');
    case 'the permit type is not one that gives the right (utlendingsloven §§ 28, 34, 35, 38, chapter 6, § 53)':
      return t('programme.reasons.permitNotListed');
    case 'not settled yet: the three-month deadline starts at settlement':
      return t('programme.reasons.notSettled');
    case 'collective protection: a right, not a duty (chapter 6A)':
      return t('programme.reasons.collective');
    case 'not settled by agreement with IMDi (self-settled): the municipality may offer the programme':
      return t('programme.reasons.selfSettled');
    case 'settled by agreement with IMDi':
      return t('programme.reasons.byAgreement');
    case 'family reunification: settlement by agreement is not required':
      return t('programme.reasons.familyNoAgreement');
    default:
      return null;
  }
}
