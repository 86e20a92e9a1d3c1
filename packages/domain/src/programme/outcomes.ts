import { ageOn, type IsoDate } from '../calendar/date.ts';

/**
 * How a programme ends and what the participant does next (integreringsloven § 18 a; rules.md § 1.8
 * and § 10.5). NIR's own code lists were not available: these are Eidør's codes, mapped to NIR's when
 * IMDi's lists are obtained, and `not_registered` is a state of its own as in NIR.
 */
export const END_REASONS = ['goal_reached', 'time_used', 'work_or_education', 'permanent_stop', 'moved', 'left', 'not_registered'] as const;
export type EndReason = (typeof END_REASONS)[number];

export const MAIN_ACTIVITIES = ['work', 'education', 'work_and_education', 'job_seeker_or_measure', 'other_benefit', 'parental_leave', 'other', 'unknown'] as const;
export type MainActivity = (typeof MAIN_ACTIVITIES)[number];

export const IN_WORK_OR_EDUCATION: ReadonlySet<MainActivity> = new Set(['work', 'education', 'work_and_education']);

export const AGE_GROUPS = ['18-24', '25-34', '35-44', '45+'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export function ageGroup(birthDate: IsoDate, on: IsoDate): AgeGroup {
  const a = ageOn(birthDate, on);
  return a < 25 ? '18-24' : a < 35 ? '25-34' : a < 45 ? '35-44' : '45+';
}

export type EndedParticipant = { birthDate: IsoDate; sex: string; endDate: IsoDate; endReason: string | null; mainActivity: string | null; followUpActivity: string | null };

export type ResultCell = { ended: number; inWorkOrEducation: number; share: number | null };

const cell = (xs: readonly EndedParticipant[]): ResultCell => {
  const inWe = xs.filter((x) => x.mainActivity && IN_WORK_OR_EDUCATION.has(x.mainActivity as MainActivity)).length;
  return { ended: xs.length, inWorkOrEducation: inWe, share: xs.length ? inWe / xs.length : null };
};

/**
 * Results per year the programme ended: the share in work or education, by sex and age group at the
 * end; end reasons not registered as a data-quality figure; status one year after the end.
 */
export function programmeResults(ended: readonly EndedParticipant[]) {
  const years = [...new Set(ended.map((e) => Number(e.endDate.slice(0, 4))))].sort((a, b) => b - a);
  return years.map((year) => {
    const xs = ended.filter((e) => e.endDate.startsWith(`${year}-`));
    const bySex = Object.fromEntries(['female', 'male', 'unknown'].map((s) => [s, cell(xs.filter((x) => x.sex === s))]));
    const byAge = Object.fromEntries(AGE_GROUPS.map((g) => [g, cell(xs.filter((x) => ageGroup(x.birthDate, x.endDate) === g))])) as Record<AgeGroup, ResultCell>;
    const missing = xs.filter((x) => !x.endReason || x.endReason === 'not_registered').length;
    const followed = xs.filter((x) => x.followUpActivity);
    return {
      year,
      total: cell(xs),
      bySex,
      byAge,
      missingEndReason: missing,
      missingEndReasonShare: xs.length ? missing / xs.length : null,
      followUp: { registered: followed.length, inWorkOrEducation: followed.filter((x) => IN_WORK_OR_EDUCATION.has(x.followUpActivity as MainActivity)).length },
    };
  });
}
