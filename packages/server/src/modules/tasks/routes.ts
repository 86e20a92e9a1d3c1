import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { osloDate } from '@eidor/domain';
import { roleAssignments, tasks, units } from '../../db/schema.ts';
import { withTenant, type Deps } from '../../platform/context.ts';
import { AppError, notFound, versionConflict } from '../../platform/errors.ts';
import { route } from '../../platform/http.ts';
import { taskStatusChanged } from '../groups/public.ts';
import { mayAct, presentTask } from './presenter.ts';
import { listTasks, taskById, taskKinds } from './queries.ts';
import { taskVisibility } from './service.ts';

export function registerTasks(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };

  route(app, 'listTasks', o, async ({ req, query }) =>
    withTenant(deps, req, async (ctx) => {
      const today = osloDate(ctx.now);
      const unitIds = [...new Set(ctx.actor.assignments.map((a) => a.unitId))];
      const found = await listTasks(ctx.tx, {
        municipalityId: ctx.actor.municipalityId,
        scope: query.scope,
        userId: ctx.actor.userId,
        unitIds,
        status: query.status,
        kind: query.kind,
        today,
        visibility: taskVisibility(ctx),
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      // The queue names people: a read of identity data (without listing whom).
      if (found.some((t) => t.person_id || t.household_id)) await ctx.audit({ action: 'task.list', subjectType: 'task', categories: ['identity'] });
      return {
        items: found.map((t) => presentTask(t, ctx.actor, today)),
        total: Number(found[0]?.total ?? 0),
        overdue: Number(found[0]?.overdue_count ?? 0),
        page: query.page,
        pageSize: query.pageSize,
        kinds: await taskKinds(ctx.tx, { municipalityId: ctx.actor.municipalityId, scope: query.scope, userId: ctx.actor.userId, unitIds, status: query.status }),
      };
    }),
  );

  route(app, 'actOnTask', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const visibility = taskVisibility(ctx);
      const task = await taskById(ctx.tx, ctx.actor.municipalityId, params.id, visibility);
      if (!task) throw notFound();
      if (!mayAct(ctx.actor, task)) throw new AppError('FORBIDDEN', 'Only the unit that owns the task, or the person it is assigned to, can act on it');
      if (task.version !== body.version) throw versionConflict();
      const base = { version: body.version + 1, updatedAt: ctx.now };
      let set: Partial<typeof tasks.$inferInsert>;
      switch (body.action) {
        case 'done':
          if (task.status !== 'open') throw new AppError('CONFLICT', 'The task is not open');
          set = { ...base, status: 'done', completedAt: ctx.now, completedBy: ctx.actor.userId };
          break;
        case 'skip':
          if (task.status !== 'open') throw new AppError('CONFLICT', 'The task is not open');
          set = { ...base, status: 'skipped', skipReason: body.reason, completedAt: ctx.now, completedBy: ctx.actor.userId };
          break;
        case 'reopen':
          if (task.status === 'open') throw new AppError('CONFLICT', 'The task is already open');
          set = { ...base, status: 'open', skipReason: null, completedAt: null, completedBy: null };
          break;
        case 'reassign': {
          const unit = await ctx.tx
            .select({ id: units.id })
            .from(units)
            .where(and(eq(units.id, body.ownerUnitId), eq(units.municipalityId, ctx.actor.municipalityId), eq(units.active, true)))
            .limit(1);
          if (!unit[0]) throw new AppError('VALIDATION', 'Unknown unit', { fields: [{ path: 'ownerUnitId', message: 'is not an active unit of this municipality' }] });
          if (body.assigneeUserId) {
            const member = await ctx.tx
              .select({ u: roleAssignments.userId })
              .from(roleAssignments)
              .where(and(eq(roleAssignments.userId, body.assigneeUserId), eq(roleAssignments.unitId, body.ownerUnitId)))
              .limit(1);
            if (!member[0]) throw new AppError('VALIDATION', 'The person is not in that unit', { fields: [{ path: 'assigneeUserId', message: 'has no role in the chosen unit' }] });
          }
          set = { ...base, ownerUnitId: body.ownerUnitId, assigneeUserId: body.assigneeUserId };
          break;
        }
      }
      const updated = await ctx.tx
        .update(tasks)
        .set(set)
        .where(and(eq(tasks.id, task.id), eq(tasks.version, body.version)))
        .returning({ id: tasks.id, sourceKey: tasks.sourceKey, status: tasks.status });
      if (!updated[0]) throw versionConflict();
      // Work that is also an item of another module (a group's action point) follows the queue in this transaction.
      if (body.action !== 'reassign') await taskStatusChanged(ctx, updated[0].sourceKey, updated[0].status);
      await ctx.audit({ action: `task.${body.action}`, subjectType: 'task', subjectId: task.id, categories: [task.category] });
      // After a reassignment the actor may no longer see the task; answer with what it was given.
      const after = (await taskById(ctx.tx, ctx.actor.municipalityId, task.id, { allCategories: [task.category], teamUnitIds: [] }))!;
      return presentTask(after, ctx.actor, osloDate(ctx.now));
    }),
  );
}
