import { useTranslation } from 'react-i18next';
import { ReunificationRelation, ReunificationStatus } from '@eidor/contract';
import {
  COUNTS_AGAINST_DECISION,
  DWELLING_KINDS,
  NEXT_STEPS,
  PIPELINE_STAGES,
  SETTLED_CATEGORIES,
  TASK_CONDITIONS,
  TASK_SCOPES,
  type DwellingKind,
  type NextStep,
  type PipelineStage,
  type SettledCategory,
  type TaskCondition,
  type TaskScope,
} from '@eidor/domain';

export type TimingStatus = 'no_permit' | 'within' | 'late' | 'settled_within' | 'settled_late';
export type Relation = (typeof ReunificationRelation.options)[number];
export type ReunificationState = (typeof ReunificationStatus.options)[number];

export function isNextStep(value: string): value is NextStep {
  return (NEXT_STEPS as readonly string[]).includes(value);
}

/** Whether people settled in a category count against the council's decision (rules.md § 5). */
export function countsAgainstDecision(category: SettledCategory): boolean {
  return COUNTS_AGAINST_DECISION[category];
}

const options = <T extends string>(values: readonly T[], label: (v: T) => string) => values.map((value) => ({ value, label: label(value) }));

/** The settlement module's closed lists with their names in the UI language, in the domain's order. */
export function useSettlementLabels() {
  const { t } = useTranslation();
  const stage = (v: PipelineStage) => t(`settlement.stages.${v}`);
  const nextStep = (v: NextStep) => t(`settlement.nextSteps.${v}`);
  const category = (v: SettledCategory) => t(`settlement.categories.${v}`);
  const timing = (v: TimingStatus) => t(`settlement.timing.${v}`);
  const condition = (v: TaskCondition) => t(`settlement.conditions.${v}`);
  const scope = (v: TaskScope) => t(`settlement.scopes.${v}`);
  const relation = (v: Relation) => t(`settlement.relations.${v}`);
  const reunificationStatus = (v: ReunificationState) => t(`settlement.reunificationStatuses.${v}`);
  const dwellingKind = (v: DwellingKind) => t(`housing.kinds.${v}`);
  return {
    stage,
    nextStep,
    category,
    timing,
    condition,
    scope,
    relation,
    reunificationStatus,
    dwellingKind,
    stageOptions: options(PIPELINE_STAGES, stage),
    categoryOptions: options(SETTLED_CATEGORIES, category),
    conditionOptions: options(TASK_CONDITIONS, condition),
    scopeOptions: options(TASK_SCOPES, scope),
    relationOptions: options(ReunificationRelation.options, relation),
    reunificationStatusOptions: options(ReunificationStatus.options, reunificationStatus),
    dwellingKindOptions: options(DWELLING_KINDS, dwellingKind),
  };
}

export type SettlementLabels = ReturnType<typeof useSettlementLabels>;
