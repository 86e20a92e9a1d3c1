import type { z } from 'zod';
import type { TaskView } from '@eidor/contract';
import type { Actor } from '@eidor/domain';
import type { TaskListRow } from './queries.ts';

/** May the actor act on the task: it is their unit's, or assigned to them. */
export function mayAct(actor: Actor, r: Pick<TaskListRow, 'owner_unit_id' | 'assignee_user_id'>): boolean {
  return r.assignee_user_id === actor.userId || actor.assignments.some((a) => a.unitId === r.owner_unit_id);
}

export function presentTask(r: TaskListRow, actor: Actor, today: string): z.output<typeof TaskView> {
  return {
    id: r.id,
    kind: r.kind,
    itemKey: r.item_key,
    title: r.title,
    titleParams: r.title_params,
    description: r.description,
    legalBasis: r.legal_basis,
    category: r.category,
    personId: r.person_id,
    personName: r.person_name,
    householdId: r.household_id,
    householdName: r.household_name,
    dwellingId: r.dwelling_id,
    dwellingAddress: r.dwelling_address,
    ownerUnitId: r.owner_unit_id,
    ownerUnitName: r.owner_unit_name,
    assigneeUserId: r.assignee_user_id,
    assigneeName: r.assignee_name,
    dueDate: r.due_date,
    overdue: r.status === 'open' && r.due_date !== null && r.due_date < today,
    status: r.status,
    skipReason: r.skip_reason,
    completedAt: r.completed_at === null ? null : new Date(r.completed_at).toISOString(),
    version: r.version,
    can: { act: mayAct(actor, r) },
  };
}
