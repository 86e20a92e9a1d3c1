import {
  addDays,
  calculateBenefit,
  compareDates,
  daysInMonth,
  formatIsoDate,
  regimeOf,
  addMonths,
  type BenefitResult,
  type ClosedPeriod,
  type OtherBenefitKind,
  type UnexcusedAbsence,
} from '@eidor/domain';
import type { AttendanceRow } from './queries.ts';

export type Participant = {
  birthDate: string;
  permitType: string | null;
  permitDate: string | null;
  startDate: string;
  endDate: string | null;
  plannedMonths: number | null;
  extensionMonths: number;
  status: string;
  livesWithParents: boolean;
  coupleBothParticipantsNoChildren: boolean;
};

export function monthPeriod(month: string): ClosedPeriod {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { from: formatIsoDate(y, m, 1), to: formatIsoDate(y, m, daysInMonth(y, m)) };
}

/** The last day of the programme: the end date, else start + planned length + extension. */
export function programmeEnd(p: Pick<Participant, 'startDate' | 'endDate' | 'plannedMonths' | 'extensionMonths'>): string | null {
  if (p.endDate) return p.endDate;
  if (!p.plannedMonths) return null;
  return addDays(addMonths(p.startDate, p.plannedMonths + p.extensionMonths), -1);
}

/** A day as the benefit reads it: the attendance row and, when the day is split over measures, the split's sums. */
export type BenefitDay = AttendanceRow & { measureAbsentHours?: number; measureUnexcusedHours?: number };

/**
 * A day's unexcused absence: a whole day when nothing was attended and all of it is unexcused, else
 * hours (integreringsloven § 21: in proportion to the absence, hour unit 1/1850 of the annual amount).
 * Hours split over measures count with their own kind; the unsplit rest of the day with the day's kind.
 */
export function unexcusedOf(d: BenefitDay): UnexcusedAbsence {
  const splitAbsent = d.measureAbsentHours ?? 0;
  const splitUnexcused = d.measureUnexcusedHours ?? 0;
  const rest = Math.max(0, d.plannedHours - d.presentHours - splitAbsent);
  if (d.absenceKind === 'unexcused' && d.presentHours === 0 && splitUnexcused >= splitAbsent) return { date: d.day, unit: 'day', quantity: 1 };
  return { date: d.day, unit: 'hour', quantity: splitUnexcused + (d.absenceKind === 'unexcused' ? rest : 0) };
}

/**
 * One participant's benefit for a month from the programme and the attendance register: days in
 * the programme (minus leave without benefit; nothing while suspended), unexcused absence as hours
 * (planned − present) or whole days.
 */
export function benefitFor(
  p: Participant,
  month: string,
  days: readonly BenefitDay[],
  recover = 0,
  otherBenefits: readonly { kind: string; monthlyAmount: number; earnedBeforeProgramme: boolean }[] = [],
): BenefitResult {
  const period = monthPeriod(month);
  const end = programmeEnd(p);
  const from = compareDates(p.startDate, period.from) > 0 ? p.startDate : period.from;
  const to = end && compareDates(end, period.to) < 0 ? end : period.to;
  const unpaid = new Set(days.filter((d) => d.absenceKind === 'leave_without_benefit').map((d) => d.day));
  const participation: ClosedPeriod[] = [];
  if (p.status !== 'suspended' && compareDates(from, to) <= 0) {
    let runStart: string | null = null;
    for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) {
      if (unpaid.has(d)) {
        if (runStart) participation.push({ from: runStart, to: addDays(d, -1) });
        runStart = null;
      } else if (!runStart) runStart = d;
    }
    if (runStart) participation.push({ from: runStart, to });
  }
  const unexcused: UnexcusedAbsence[] = days
    .filter((d) => (d.absenceKind === 'unexcused' || (d.measureUnexcusedHours ?? 0) > 0) && compareDates(d.day, period.from) >= 0 && compareDates(d.day, period.to) <= 0)
    .map((d) => unexcusedOf(d))
    .filter((u) => u.quantity > 0);
  const regime = regimeOf(p.permitType, p.permitDate) ?? 'integl';
  return calculateBenefit({
    period,
    participation,
    profile: { regime, birthDate: p.birthDate, livesWithParents: p.livesWithParents, coupleBothParticipantsNoChildren: p.coupleBothParticipantsNoChildren },
    unexcused,
    recover,
    otherBenefits: otherBenefits.map((b) => ({ kind: b.kind as OtherBenefitKind, monthlyAmount: b.monthlyAmount, earnedBeforeProgramme: b.earnedBeforeProgramme })),
  });
}
