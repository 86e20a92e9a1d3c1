import type { Regime } from '../benefit/calculate.ts';

/**
 * Programme length by participant group (rules.md § 1.3), in months: the normal range and the most an
 * extension may add. Kept as data so the Prop. 81 L changes can be added with a date.
 */
export const PARTICIPANT_GROUPS = ['upper_secondary_or_higher', 'completing_upper_secondary', 'other_goal'] as const;
export type ParticipantGroup = (typeof PARTICIPANT_GROUPS)[number];

export type LengthRule = { minMonths: number; maxMonths: number; maxExtensionMonths: number; basis: string };

export function lengthRule(regime: Regime, group: ParticipantGroup): LengthRule {
  if (regime === 'introl') return { minMonths: 1, maxMonths: 24, maxExtensionMonths: 12, basis: 'introduksjonsloven § 5: up to 2 years, + up to 1 year for special reasons' };
  if (regime === '6a') return { minMonths: 1, maxMonths: 6, maxExtensionMonths: 6, basis: 'integreringsloven kap. 6A: about six months, at most one year (unverified: IMDi 6A guide)' };
  switch (group) {
    case 'upper_secondary_or_higher':
      return { minMonths: 3, maxMonths: 6, maxExtensionMonths: 6, basis: 'integreringsloven § 13: 3–6 months, + up to 6 months' };
    case 'completing_upper_secondary':
      return { minMonths: 3, maxMonths: 36, maxExtensionMonths: 12, basis: 'integreringsloven § 13: 3 months – 3 years, + up to 1 year' };
    case 'other_goal':
      return { minMonths: 3, maxMonths: 24, maxExtensionMonths: 12, basis: 'integreringsloven § 13: 3 months – 2 years, + up to 1 year' };
  }
}

export type LengthProblem = { field: 'plannedMonths' | 'extensionMonths' | 'extensionReason'; message: string };

/** Checks a planned length and an extension against the rule; an extension needs a stated reason. */
export function checkLength(rule: LengthRule, plannedMonths: number, extensionMonths: number, extensionReason: string | null): LengthProblem[] {
  const out: LengthProblem[] = [];
  if (plannedMonths < rule.minMonths || plannedMonths > rule.maxMonths) {
    out.push({ field: 'plannedMonths', message: `must be ${rule.minMonths}–${rule.maxMonths} months for this group (${rule.basis})` });
  }
  if (extensionMonths > rule.maxExtensionMonths) out.push({ field: 'extensionMonths', message: `can be at most ${rule.maxExtensionMonths} months (${rule.basis})` });
  if (extensionMonths > 0 && !extensionReason?.trim()) {
    out.push({ field: 'extensionReason', message: 'must say why the participant can be expected to reach the end goal with the extension (integreringsloven § 13 fifth paragraph)' });
  }
  return out;
}

/** Weekly hours: full time is 30–37.5 (rules.md § 1.4); outside that only with a recorded reason. */
export function checkWeeklyHours(hours: number, reason: string | null): string | null {
  if (hours >= 30 && hours <= 37.5) return null;
  if (reason?.trim()) return null;
  return 'must be between 30 and 37.5 hours a week (full time), or give the reason';
}

/** Five weeks' holiday: at most 25 working days a programme year. */
export const HOLIDAY_WORKING_DAYS = 25;

export const COMPULSORY_ELEMENTS = ['norwegian', 'social_studies', 'life_skills', 'parenting_course', 'work_or_education'] as const;
export type CompulsoryElement = (typeof COMPULSORY_ELEMENTS)[number];

/** The compulsory elements for one participant (integreringsloven § 14 / § 14 a). */
export function compulsoryElements(p: { regime: Regime; hasChildrenUnder18OrExpecting: boolean }): CompulsoryElement[] {
  const out: CompulsoryElement[] = ['norwegian', 'social_studies'];
  if (p.regime !== '6a') out.push('life_skills');
  if (p.hasChildrenUnder18OrExpecting && p.regime !== 'introl') out.push('parenting_course');
  out.push('work_or_education');
  return out;
}
