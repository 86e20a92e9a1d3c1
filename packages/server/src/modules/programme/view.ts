import type { z } from 'zod';
import type { ProgrammeFields, ProgrammeView } from '@eidor/contract';
import {
  absenceCounters,
  addDays,
  compareDates,
  compulsoryElements,
  lengthRule,
  nirDeadline,
  osloDate,
  programmeEligibility,
  programmeStartDeadline,
  type AbsenceKind,
  type AbsenceSpell,
} from '@eidor/domain';
import type { PersonRow } from '../persons/public.ts';
import type { AttendanceRow, ProgrammeRow } from './queries.ts';

export type Fields = z.output<typeof ProgrammeFields>;

export function fieldsOf(g: ProgrammeRow | undefined): Fields {
  return {
    requestDate: g?.requestDate ?? null,
    participantGroup: (g?.participantGroup as Fields['participantGroup']) ?? null,
    livesWithParents: g?.livesWithParents ?? false,
    coupleBothParticipantsNoChildren: g?.coupleBothParticipantsNoChildren ?? false,
    hasChildrenOrExpecting: g?.hasChildrenOrExpecting ?? false,
    skillsMappingDate: g?.skillsMappingDate ?? null,
    careerGuidanceDate: g?.careerGuidanceDate ?? null,
    decisionDate: g?.decisionDate ?? null,
    startDate: g?.startDate ?? null,
    endGoal: g?.endGoal ?? null,
    plannedMonths: g?.plannedMonths ?? null,
    extensionMonths: g?.extensionMonths ?? 0,
    extensionReason: g?.extensionReason ?? null,
    weeklyHours: g?.weeklyHours === null || g?.weeklyHours === undefined ? null : Number(g.weeklyHours),
    hoursReason: g?.hoursReason ?? null,
    elements: g?.elements ?? {},
    status: (g?.status as Fields['status']) ?? 'planned',
    endDate: g?.endDate ?? null,
    endReason: (g?.endReason as Fields['endReason']) ?? null,
    mainActivity: (g?.mainActivity as Fields['mainActivity']) ?? null,
    followUpActivity: (g?.followUpActivity as Fields['followUpActivity']) ?? null,
    followUpDate: g?.followUpDate ?? null,
  };
}

/** For a family immigrant: when the sponsor first settled and when the application was made. */
export type FamilyFacts = { sponsorSettlementDate: string | null; familyApplicationDate: string | null };

export function eligibilityOf(person: PersonRow, f: Fields, today: string, family: FamilyFacts | null = null) {
  return programmeEligibility({
    birthDate: person.birthDate,
    permitType: person.permitType,
    permitDate: person.permitDate,
    arrivalCategory: person.arrivalCategory,
    settlementDate: person.settlementDate,
    sponsorSettlementDate: family?.sponsorSettlementDate ?? null,
    familyApplicationDate: family?.familyApplicationDate ?? null,
    decisionDate: f.decisionDate ?? today,
  });
}

/** Consecutive days of the same absence kind, as the absence rules count them. */
export function spellsOf(days: readonly Pick<AttendanceRow, 'day' | 'absenceKind'>[]): AbsenceSpell[] {
  const out: AbsenceSpell[] = [];
  const sorted = [...days].filter((d) => d.absenceKind && d.absenceKind !== 'leave_without_benefit').sort((a, b) => compareDates(a.day, b.day));
  for (const d of sorted) {
    const last = out.at(-1);
    // Weekends between two working days do not break a spell.
    if (last && last.kind === d.absenceKind && compareDates(addDays(last.to, 4), d.day) >= 0) last.to = d.day;
    else out.push({ kind: d.absenceKind as AbsenceKind, from: d.day, to: d.day });
  }
  return out;
}

export function presentProgramme(
  person: PersonRow,
  g: ProgrammeRow | undefined,
  absences: readonly AttendanceRow[],
  lastEventDate: string | null,
  now: Date,
  canEdit: boolean,
  family: FamilyFacts | null = null,
): z.output<typeof ProgrammeView> {
  const today = osloDate(now);
  const f = fieldsOf(g);
  const e = eligibilityOf(person, f, today, family);
  const deadline = programmeStartDeadline(person.settlementDate, f.requestDate);
  const deadlines: z.output<typeof ProgrammeView>['deadlines'] = [];
  const add = (key: (typeof deadlines)[number]['key'], due: string | null, done: boolean, legalBasis: string) => {
    if (due) deadlines.push({ key, due, done, overdue: !done && compareDates(due, today) < 0, legalBasis });
  };
  if (e.status !== 'not_eligible') {
    // The legal basis of each deadline follows the person's regime (rules.md §§ 1.1–1.2): skills
    // mapping before the decision is an integreringsloven duty only.
    if (e.regime === 'introl') {
      add('programme_decision', deadline, f.decisionDate !== null, 'introduksjonsloven § 3: programme offered within 3 months of settlement or the claim');
      add('programme_start', deadline, f.startDate !== null, 'introduksjonsloven § 3: programme offered within 3 months of settlement or the claim');
      add('residence_limit', e.residenceLimit, f.decisionDate !== null && e.residenceLimit !== null && compareDates(f.decisionDate, e.residenceLimit) < 0, 'introduksjonsloven § 2: newly arrived, not more than two years in a municipality');
    } else {
      add('skills_mapping', f.decisionDate ?? deadline, f.skillsMappingDate !== null, 'integreringsloven §§ 6 and 10: mapping before the programme decision');
      add('programme_decision', deadline, f.decisionDate !== null, 'integreringsloven § 12: decision within 3 months of settlement or the request');
      add('programme_start', deadline, f.startDate !== null, 'integreringsloven § 12: start within 3 months of settlement or the request');
      add('residence_limit', e.residenceLimit, f.decisionDate !== null && e.residenceLimit !== null && compareDates(f.decisionDate, e.residenceLimit) < 0, 'integreringsloven § 8: less than two years in a municipality at the decision');
    }
  }
  if (lastEventDate) add('nir_registration', nirDeadline(lastEventDate), false, 'NIR: register each event within 2 months');
  const regime = e.regime ?? 'integl';
  return {
    personId: person.id,
    eligibility: e,
    deadlines,
    fields: f,
    compulsory: compulsoryElements({ regime, hasChildrenUnder18OrExpecting: f.hasChildrenOrExpecting }).map((element) => ({ element, done: f.elements[element] === true })),
    lengthRule: f.participantGroup || regime !== 'integl' ? lengthRule(regime, f.participantGroup ?? 'other_goal') : null,
    counters: absenceCounters({ programmeStart: f.startDate ?? today, history: spellsOf(absences), children: 0, singleCarer: false }, today),
    version: g?.version ?? null,
    updatedAt: g?.updatedAt.toISOString() ?? null,
    can: { edit: canEdit },
  };
}
