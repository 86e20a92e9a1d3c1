import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { TaskView } from '@eidor/contract';
import { addDays, LEASE_WARNING_DAYS } from '@eidor/domain';
import { formatKroner, useFormatDate, useFormatKroner } from '../../i18n/format.ts';
import { isNextStep } from '../settlement/labels.ts';

/** The items of the default first-weeks checklist that have a name in every UI language. */
export const KNOWN_CHECKLIST_KEYS = [
  'settlement_conversation',
  'lease_signed',
  'moving_notice',
  'national_id',
  'bank_account',
  'tax_card',
  'housing_allowance',
  'start_payment',
  'gp',
  'tb_screening',
  'health_assessment',
  'school_enrolment',
  'kindergarten',
  'skills_mapping',
  'programme_start',
] as const;
type KnownChecklistKey = (typeof KNOWN_CHECKLIST_KEYS)[number];

export function isKnownChecklistKey(key: string): key is KnownChecklistKey {
  return (KNOWN_CHECKLIST_KEYS as readonly string[]).includes(key);
}

/** Kinds of work the queue knows by name; others (from modules still to come) show as they are. */
export const KNOWN_TASK_KINDS = [
  'settlement.pipeline',
  'settlement.checklist',
  'housing.lease',
  'programme.deadline',
  'programme.nir',
  'programme.plan_review',
  'extra_grants.deadline',
  'extra_grants.request',
  'extra_grants.share',
  'extra_grants.report',
  'groups.action_point',
  'referrals.referral',
] as const;

/** The name of a kind of task in the UI language, or the kind itself when the app does not know it. */
export function taskKindLabel(kind: string, t: TFunction): string {
  switch (kind) {
    case 'settlement.pipeline':
      return t('tasks.kinds.pipeline');
    case 'settlement.checklist':
      return t('tasks.kinds.checklist');
    case 'housing.lease':
      return t('tasks.kinds.lease');
    case 'programme.deadline':
      return t('tasks.kinds.programmeDeadline');
    case 'programme.nir':
      return t('tasks.kinds.programmeNir');
    case 'programme.plan_review':
      return t('tasks.kinds.planReview');
    case 'extra_grants.deadline':
      return t('tasks.kinds.extraGrantDeadline');
    case 'extra_grants.request':
      return t('tasks.kinds.extraGrantRequest');
    case 'extra_grants.share':
      return t('tasks.kinds.extraGrantShare');
    case 'extra_grants.report':
      return t('tasks.kinds.extraGrantReport');
    case 'groups.action_point':
      return t('tasks.kinds.groupActionPoint');
    case 'referrals.referral':
      return t('tasks.kinds.referral');
    default:
      return kind;
  }
}

/**
 * What a task asks for, in the UI language where the app knows the step (the pipeline's steps, the
 * default checklist's items, a lease to follow up); otherwise the title the server stored, which is
 * the municipality's own text.
 */
export type TitledTask = Pick<TaskView, 'kind' | 'itemKey' | 'title' | 'dueDate'> & { titleParams?: TaskView['titleParams'] };

export function taskTitle(
  task: TitledTask,
  t: TFunction,
  formatDate: (iso: string) => string,
  kroner: (whole: number) => string = (n) => formatKroner(n, 'nb'),
): string {
  if (task.kind === 'settlement.pipeline' && isNextStep(task.itemKey)) return t(`settlement.nextSteps.${task.itemKey}`);
  if (task.kind === 'settlement.checklist' && isKnownChecklistKey(task.itemKey)) return t(`tasks.checklistItems.${task.itemKey}`);
  // The follow-up falls due 90 days before the lease ends: the end date is the due date + 90.
  if (task.kind === 'housing.lease' && task.itemKey === 'lease_expiry' && task.dueDate) {
    return t('tasks.leaseExpiry', { date: formatDate(addDays(task.dueDate, LEASE_WARNING_DAYS)) });
  }
  if (task.kind === 'referrals.referral' && (task.itemKey === 'answer' || task.itemKey === 'follow_up')) {
    return t(`referrals.taskTitles.${task.itemKey}`, { unit: String(task.titleParams?.unit ?? '') });
  }
  if (task.kind.startsWith('extra_grants.')) {
    const params = task.titleParams ?? {};
    const key = task.itemKey === 'request' && params.reminder !== undefined ? 'request_reminder' : task.itemKey;
    if (isExtraGrantTitleKey(key)) {
      const amount = typeof params.amountOre === 'number' ? kroner(Math.round(params.amountOre / 100)) : undefined;
      return t(`tasks.extraGrantTitles.${key}`, { ...params, amount });
    }
  }
  return task.title;
}

const EXTRA_GRANT_TITLE_KEYS = ['deadline_first', 'deadline_original', 'deadline_postponed', 'deadline_next', 'request', 'request_reminder', 'report_costs', 'share'] as const;
const isExtraGrantTitleKey = (k: string): k is (typeof EXTRA_GRANT_TITLE_KEYS)[number] => (EXTRA_GRANT_TITLE_KEYS as readonly string[]).includes(k);

/** The task helpers bound to the UI language. */
export function useTaskLabels() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const kroner = useFormatKroner();
  return {
    kind: useCallback((kind: string) => taskKindLabel(kind, t), [t]),
    title: useCallback((task: TitledTask) => taskTitle(task, t, formatDate, kroner), [t, formatDate, kroner]),
    status: useCallback((status: TaskView['status']) => t(`tasks.statuses.${status}`), [t]),
  };
}

/** What the user may do with a task, from what the server said (can.act) and the task's state. */
export function taskActions(task: Pick<TaskView, 'status' | 'can' | 'assigneeUserId'>, userId: string, unitIds: readonly string[]): ('done' | 'skip' | 'reopen' | 'take')[] {
  if (!task.can.act) return [];
  if (task.status !== 'open') return ['reopen'];
  const out: ('done' | 'skip' | 'reopen' | 'take')[] = ['done', 'skip'];
  if (task.assigneeUserId !== userId && unitIds.length > 0) out.push('take');
  return out;
}

/**
 * "Take the task": assign it to me, in my unit that owns it (or else my first unit, which then
 * owns it — the server checks that I have a role there).
 */
export function takeOver(task: Pick<TaskView, 'ownerUnitId'>, userId: string, unitIds: readonly string[]): { action: 'reassign'; ownerUnitId: string; assigneeUserId: string } | null {
  const unit = unitIds.includes(task.ownerUnitId) ? task.ownerUnitId : unitIds[0];
  return unit ? { action: 'reassign', ownerUnitId: unit, assigneeUserId: userId } : null;
}
