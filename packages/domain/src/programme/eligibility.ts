import { addMonths, addYears, ageOn, compareDates, type IsoDate } from '../calendar/date.ts';
import type { Regime } from '../benefit/calculate.ts';

/**
 * Who has the right and duty to the introduction programme (rules.md § 1.1): integreringsloven
 * §§ 8–9 for permits from 2021, introduksjonsloven § 2 before, chapter 6A for collective protection.
 */
export const ELIGIBILITY = ['right_and_duty', 'right_only', 'may_offer', 'not_eligible'] as const;
export type Eligibility = (typeof ELIGIBILITY)[number];

export type EligibilityInput = {
  birthDate: IsoDate;
  permitType: string | null;
  permitDate: IsoDate | null;
  arrivalCategory: string | null;
  settlementDate: IsoDate | null;
  /** For family immigration: when the sponsor (referanseperson) first settled, and when the application was made. */
  sponsorSettlementDate?: IsoDate | null;
  familyApplicationDate?: IsoDate | null;
  /** The date the programme decision is (to be) made; today when not yet made. */
  decisionDate: IsoDate;
  /** Upper age limit: 55 (Prop. 81 L raises it to 60 from a date not yet known). */
  upperAge?: number;
  /** Nordic and EEA citizens are never in the target group. */
  eeaCitizen?: boolean;
};

export type EligibilityResult = {
  regime: Regime | null;
  status: Eligibility;
  reasons: string[];
  /** Two years after settlement: after this no § 12 decision can give the right (residence limit). */
  residenceLimit: IsoDate | null;
};

const INTEGL_START = '2021-01-01';

export function regimeOf(permitType: string | null, permitDate: IsoDate | null): Regime | null {
  if (!permitDate) return null;
  if (permitType === 'collective_protection') return '6a';
  return compareDates(permitDate, INTEGL_START) < 0 ? 'introl' : 'integl';
}

const SETTLED_BY_AGREEMENT = new Set(['resettlement', 'reception_centre', 'unaccompanied_minor', 'agreed_self_settlement', 'collective_protection']);

export function programmeEligibility(p: EligibilityInput): EligibilityResult {
  const reasons: string[] = [];
  const upper = p.upperAge ?? 55;
  const regime = regimeOf(p.permitType, p.permitDate);
  const law = regime === 'introl' ? 'introduksjonsloven § 2' : regime === '6a' ? 'integreringsloven kap. 6A' : 'integreringsloven §§ 8–9';
  const residenceLimit = p.settlementDate ? addYears(p.settlementDate, 2) : null;
  const no = (why: string): EligibilityResult => ({ regime, status: 'not_eligible', reasons: [...reasons, why], residenceLimit });
  if (p.eeaCitizen) return no('Nordic and EEA citizens are not in the target group');
  if (!p.permitDate || !p.permitType) return no('no residence permit recorded');
  reasons.push(`permit ${p.permitType} granted ${p.permitDate}: ${law}`);
  const age = ageOn(p.birthDate, p.permitDate);
  if (age < 18) return no(`aged ${age} when the permit was granted (the programme is for 18–${upper})`);
  let familyOk = true;
  if (p.permitType === 'family_immigration') {
    if (!p.sponsorSettlementDate || !p.familyApplicationDate) {
      familyOk = false;
      reasons.push("family immigration: the sponsor's settlement date and the application date are needed to decide");
    } else if (compareDates(p.familyApplicationDate, addYears(p.sponsorSettlementDate, 5)) >= 0) {
      return no('family immigration applied for five years or more after the sponsor settled');
    } else {
      reasons.push('family immigration within five years of the sponsor settling');
    }
  } else if (p.permitType === 'other') {
    return no('the permit type is not one that gives the right (utlendingsloven §§ 28, 34, 35, 38, chapter 6, § 53)');
  }
  if (residenceLimit && compareDates(p.decisionDate, residenceLimit) >= 0) {
    return no(`more than two years in a municipality by ${p.decisionDate} (settled ${p.settlementDate})`);
  }
  if (!p.settlementDate) reasons.push('not settled yet: the three-month deadline starts at settlement');
  const byAgreement = p.arrivalCategory !== null && SETTLED_BY_AGREEMENT.has(p.arrivalCategory);
  const exemptFromAgreement = p.permitType === 'family_immigration' || p.arrivalCategory === 'family_reunified';
  let status: Eligibility = regime === '6a' ? 'right_only' : 'right_and_duty';
  if (regime === '6a') reasons.push('collective protection: a right, not a duty (chapter 6A)');
  if (age > upper) {
    status = 'may_offer';
    reasons.push(`aged ${age} when the permit was granted: the municipality may offer the programme (over ${upper})`);
  }
  if (!byAgreement && !exemptFromAgreement) {
    status = 'may_offer';
    reasons.push('not settled by agreement with IMDi (self-settled): the municipality may offer the programme');
  } else if (byAgreement) {
    reasons.push('settled by agreement with IMDi');
  } else {
    reasons.push('family reunification: settlement by agreement is not required');
  }
  if (!familyOk && status !== 'may_offer') status = 'may_offer';
  return { regime, status, reasons, residenceLimit };
}

/** The deadline for the programme decision and start: 3 months after settlement or the request (§ 12). */
export function programmeStartDeadline(settlementDate: IsoDate | null, requestDate: IsoDate | null): IsoDate | null {
  const from = [settlementDate, requestDate].filter((d): d is IsoDate => d !== null).sort().at(-1);
  return from ? addMonths(from, 3) : null;
}

/** NIR must have each event within two months (rules.md § 1.8). */
export const nirDeadline = (eventDate: IsoDate): IsoDate => addMonths(eventDate, 2);
