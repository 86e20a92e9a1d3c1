import { useTranslation } from 'react-i18next';
import { OtherBenefitKind, PlanMeasure, ProgrammeStatus, type ProgrammeView } from '@eidor/contract';
import { COMPULSORY_ELEMENTS, ELIGIBILITY, END_REASONS, MAIN_ACTIVITIES, PARTICIPANT_GROUPS, type CompulsoryElement, type EndReason, type MainActivity, type ParticipantGroup } from '@eidor/domain';
import type { LetterKind } from './queries.ts';

export type Regime = NonNullable<ProgrammeView['eligibility']['regime']>;
export type EligibilityStatus = ProgrammeView['eligibility']['status'];
export type DeadlineKey = ProgrammeView['deadlines'][number]['key'];
export type Status = (typeof ProgrammeStatus.options)[number];
export type MeasureType = (typeof PlanMeasure.shape.type.options)[number];
export type BenefitKind = (typeof OtherBenefitKind.options)[number];
export type PlanStatus = 'draft' | 'adopted' | 'superseded';

export const STATUSES = ProgrammeStatus.options;
export const MEASURE_TYPES = PlanMeasure.shape.type.options;
export const BENEFIT_KINDS = OtherBenefitKind.options;
export const LETTER_KIND_LIST: readonly LetterKind[] = ['programme_decision', 'integration_plan', 'deduction', 'suspension', 'ending', 'participant_certificate'];

const options = <T extends string>(values: readonly T[], label: (v: T) => string) => values.map((value) => ({ value, label: label(value) }));

/** The programme's closed lists (the domain's and the contract's codes) with their names in the UI language. */
export function useProgrammeLabels() {
  const { t } = useTranslation();
  const regime = (v: Regime) => t(`programme.regimes.${v}`);
  const eligibility = (v: EligibilityStatus) => t(`programme.eligibilityStatus.${v}`);
  const deadline = (v: DeadlineKey) => t(`programme.deadlineKeys.${v}`);
  const group = (v: ParticipantGroup) => t(`programme.groups.${v}`);
  const element = (v: CompulsoryElement) => t(`programme.elements.${v}`);
  const status = (v: Status) => t(`programme.statuses.${v}`);
  const endReason = (v: EndReason) => t(`programme.endReasons.${v}`);
  const mainActivity = (v: MainActivity) => t(`programme.mainActivities.${v}`);
  const measureType = (v: MeasureType) => t(`programme.measureTypes.${v}`);
  const benefitKind = (v: BenefitKind) => t(`programme.benefitKinds.${v}`);
  const planStatus = (v: PlanStatus) => t(`programme.plan.statuses.${v}`);
  const letter = (v: LetterKind) => t(`programme.letters.kinds.${v}`);
  return {
    regime,
    eligibility,
    deadline,
    group,
    element,
    status,
    endReason,
    mainActivity,
    measureType,
    benefitKind,
    planStatus,
    letter,
    eligibilityOptions: options(ELIGIBILITY, eligibility),
    groupOptions: options(PARTICIPANT_GROUPS, group),
    elementOptions: options(COMPULSORY_ELEMENTS, element),
    statusOptions: options(STATUSES, status),
    endReasonOptions: options(END_REASONS, endReason),
    mainActivityOptions: options(MAIN_ACTIVITIES, mainActivity),
    measureTypeOptions: options(MEASURE_TYPES, measureType),
    benefitKindOptions: options(BENEFIT_KINDS, benefitKind),
    letterOptions: options(LETTER_KIND_LIST, letter),
  };
}
