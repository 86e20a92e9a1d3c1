import { addDays, compareDates, daysBetween, type IsoDate } from '../calendar/date.ts';
import { isWorkingDay } from '../calendar/holidays.ts';

/**
 * Valid absence and its counters (rules.md § 1.7; integreringsforskriften chapters 3–4). Days are
 * working days. Counters run over the last 12 months.
 */
export const ABSENCE_KINDS = [
  'self_certified', // egenmelding, own illness
  'doctor_certified', // legeerklæring
  'child_sick',
  'pregnancy',
  'birth_mother',
  'birth_father',
  'welfare', // velferdspermisjon and other approved absence
  'unexcused',
] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

export type AbsenceSpell = { kind: AbsenceKind; from: IsoDate; to: IsoDate };

export type AbsenceRuleInput = {
  programmeStart: IsoDate;
  history: readonly AbsenceSpell[];
  /** Children the participant cares for, and whether they are a single carer (child-sick days). */
  children: number;
  singleCarer: boolean;
};

const workingDays = (s: { from: IsoDate; to: IsoDate }) => {
  let n = 0;
  for (let d = s.from; d <= s.to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
};

export function childSickDayLimit(children: number, singleCarer: boolean): number {
  const base = children > 2 ? 15 : 10;
  return singleCarer ? base * 2 : base;
}

/**
 * Checks a new absence spell against the rules; returns the problems (empty = valid as recorded).
 * Self-certification: at most 3 days, only after 8 weeks in the programme, at most 4 in 12 months,
 * and a new spell within 16 days of the last one counts as the same period.
 */
export function checkAbsence(input: AbsenceRuleInput, spell: AbsenceSpell): string[] {
  const out: string[] = [];
  const yearBefore = addDays(spell.from, -364);
  const inWindow = input.history.filter((h) => compareDates(h.to, yearBefore) >= 0 && compareDates(h.from, spell.from) < 0);
  switch (spell.kind) {
    case 'self_certified': {
      if (compareDates(spell.from, addDays(input.programmeStart, 56)) < 0) out.push('self-certification can be used only after 8 weeks in the programme; a doctor’s note is needed');
      const previous = inWindow.filter((h) => h.kind === 'self_certified').sort((a, b) => compareDates(a.to, b.to));
      const last = previous.at(-1);
      const chained = last !== undefined && daysBetween(last.to, spell.from) <= 16;
      const days = workingDays(spell) + (chained ? workingDays(last) : 0);
      if (days > 3) out.push(chained ? 'within 16 days of the last self-certification: counts as the same period, which then exceeds 3 days' : 'self-certification covers at most 3 days; more needs a doctor’s note');
      if (!chained && previous.length >= 4) out.push('at most 4 self-certifications in 12 months');
      break;
    }
    case 'child_sick': {
      const used = inWindow.filter((h) => h.kind === 'child_sick').reduce((s, h) => s + workingDays(h), 0);
      const limit = childSickDayLimit(input.children, input.singleCarer);
      if (used + workingDays(spell) > limit) out.push(`child-sick days: ${used} used in 12 months, the limit is ${limit}`);
      break;
    }
    case 'pregnancy': {
      const used = input.history.filter((h) => h.kind === 'pregnancy').reduce((s, h) => s + workingDays(h), 0);
      if (used + workingDays(spell) > 10) out.push(`pregnancy: at most 10 days (${used} used)`);
      break;
    }
    case 'birth_mother':
      if (workingDays(spell) > 20) out.push('birth: at most 20 days for the mother');
      break;
    case 'birth_father':
      if (workingDays(spell) > 7) out.push('birth: at most 7 days for the father');
      break;
    default:
      break;
  }
  return out;
}

/** Counters shown beside the absence register. */
export function absenceCounters(input: AbsenceRuleInput, on: IsoDate) {
  const yearBefore = addDays(on, -364);
  const within = input.history.filter((h) => compareDates(h.to, yearBefore) >= 0 && compareDates(h.from, on) <= 0);
  const sum = (k: AbsenceKind) => within.filter((h) => h.kind === k).reduce((s, h) => s + workingDays(h), 0);
  return {
    selfCertifications: within.filter((h) => h.kind === 'self_certified').length,
    selfCertificationsLimit: 4,
    childSickDays: sum('child_sick'),
    childSickDaysLimit: childSickDayLimit(input.children, input.singleCarer),
    unexcusedDays: sum('unexcused'),
  };
}
