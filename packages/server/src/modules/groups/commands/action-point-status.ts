import { JOURNAL_DATA_CATEGORY } from '@eidor/contract';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, notFound, versionConflict } from '../../../platform/errors.ts';
import { closeTask, upsertTask } from '../../tasks/service.ts';
import { loadGroup } from '../access.ts';
import { actionPointSource, mayChangeStatus } from '../presenter.ts';
import { coordinatorsOf, findActionPoint, setActionPointStatus } from '../queries.ts';

/** Marks an action point done (its task on the queue closes with it) or open again (the task reopens). */
export async function changeActionPointStatus(ctx: Ctx, id: string, input: { status: 'open' | 'done'; version: number }): Promise<string> {
  const point = await findActionPoint(ctx.tx, id);
  if (!point) throw notFound();
  const l = await loadGroup(ctx, point.group_id);
  if (!l.access.meetingsVisible || !l.access.readCategories.includes(point.category)) throw notFound();
  const coordinator = (await coordinatorsOf(ctx.tx, [l.group.id])).find((c) => c.until_at === null);
  if (!mayChangeStatus(ctx, l.access, point, coordinator?.user_id ?? null)) {
    throw new AppError('FORBIDDEN', 'Only the owner unit, the owner, the coordinator or the refugee service change an action point');
  }
  if (point.version !== input.version) throw versionConflict();
  if (point.status === input.status) throw new AppError('CONFLICT', `The action point is already ${input.status}`);
  if (input.status === 'open' && l.group.status !== 'active') throw new AppError('CONFLICT', 'The group is closed');
  if (!(await setActionPointStatus(ctx.tx, id, input.version, input.status, ctx.now, ctx.actor.userId))) throw versionConflict();
  if (input.status === 'done') await closeTask(ctx, actionPointSource(id));
  else {
    await upsertTask(
      ctx,
      {
        sourceKey: actionPointSource(id),
        kind: 'groups.action_point',
        itemKey: 'action_point',
        title: point.body.length > 200 ? `${point.body.slice(0, 199)}…` : point.body,
        description: point.body.length > 200 ? point.body : null,
        category: JOURNAL_DATA_CATEGORY[point.category],
        personId: point.person_id,
        ownerUnitId: point.owner_unit_id,
        assigneeUserId: point.owner_user_id,
        dueDate: point.due_date,
      },
      { reopen: true },
    );
  }
  await ctx.audit({ action: `groups.action_point.${input.status === 'done' ? 'done' : 'reopen'}`, subjectType: 'person', subjectId: point.person_id, categories: [JOURNAL_DATA_CATEGORY[point.category]], via: l.access.via });
  return l.group.id;
}
