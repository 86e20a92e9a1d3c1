import { and, eq, inArray, sql } from 'drizzle-orm';
import { categoryReach, type DataCategory, type UnitKind } from '@eidor/domain';
import { tasks } from '../../db/schema.ts';
import type { Ctx } from '../../platform/context.ts';
import { activeUnits, findTaskBySource, type TaskVisibility } from './queries.ts';

/**
 * The shared work queue. Any module puts its work here with upsertTask (idempotent by sourceKey)
 * and closes it with closeTask; the queue page lists everything the actor's units own, due first.
 */
export type TaskInput = {
  sourceKey: string;
  kind: string;
  itemKey: string;
  title: string;
  /** Values for the title in the reader's language (the web has a text per kind and item key). */
  titleParams?: Record<string, string | number> | null;
  description?: string | null;
  legalBasis?: string | null;
  category: DataCategory;
  personId?: string | null;
  householdId?: string | null;
  dwellingId?: string | null;
  ownerUnitId: string;
  /** Optionally the user the work is for (set when the task is created; the queue can reassign it). */
  assigneeUserId?: string | null;
  dueDate: string | null;
};

/**
 * Creates the task, or updates an open one with the same source (title, due date, step). A task
 * that was done or skipped stays closed unless `reopen` is set (e.g. a pipeline step undone).
 */
export async function upsertTask(ctx: Ctx, t: TaskInput, opts: { reopen?: boolean } = {}): Promise<'created' | 'updated' | 'unchanged'> {
  const existing = await findTaskBySource(ctx.tx, ctx.actor.municipalityId, t.sourceKey);
  const values = {
    kind: t.kind,
    itemKey: t.itemKey,
    title: t.title,
    titleParams: t.titleParams ?? null,
    description: t.description ?? null,
    legalBasis: t.legalBasis ?? null,
    category: t.category,
    personId: t.personId ?? null,
    householdId: t.householdId ?? null,
    dwellingId: t.dwellingId ?? null,
    dueDate: t.dueDate,
  };
  if (!existing) {
    await ctx.tx.insert(tasks).values({ ...values, municipalityId: ctx.actor.municipalityId, ownerUnitId: t.ownerUnitId, assigneeUserId: t.assigneeUserId ?? null, sourceKey: t.sourceKey, createdAt: ctx.now, updatedAt: ctx.now });
    return 'created';
  }
  const same =
    existing.itemKey === t.itemKey &&
    existing.dueDate === t.dueDate &&
    existing.title === t.title &&
    JSON.stringify(existing.titleParams ?? null) === JSON.stringify(t.titleParams ?? null) &&
    existing.status === 'open';
  if (same) return 'unchanged';
  if (existing.status !== 'open' && !opts.reopen && existing.itemKey === t.itemKey) return 'unchanged';
  await ctx.tx
    .update(tasks)
    .set({ ...values, status: 'open', skipReason: null, completedAt: null, completedBy: null, version: sql`${tasks.version} + 1`, updatedAt: ctx.now })
    .where(eq(tasks.id, existing.id));
  return 'updated';
}

/** The state of the tasks of some sources (a module showing its own items' queue status: done on the queue counts). */
export async function taskStatesBySource(ctx: Ctx, sourceKeys: readonly string[]): Promise<Map<string, { status: 'open' | 'done' | 'skipped'; completedAt: Date | null; completedBy: string | null }>> {
  if (sourceKeys.length === 0) return new Map();
  const r = await ctx.tx
    .select({ sourceKey: tasks.sourceKey, status: tasks.status, completedAt: tasks.completedAt, completedBy: tasks.completedBy })
    .from(tasks)
    .where(and(eq(tasks.municipalityId, ctx.actor.municipalityId), inArray(tasks.sourceKey, [...sourceKeys])));
  return new Map(r.map((x) => [x.sourceKey, { status: x.status, completedAt: x.completedAt, completedBy: x.completedBy }]));
}

/** Closes the open task of a source (done by the system: the step it asked for has happened). */
export async function closeTask(ctx: Ctx, sourceKey: string): Promise<void> {
  await ctx.tx
    .update(tasks)
    .set({ status: 'done', completedAt: ctx.now, completedBy: ctx.actor.userId, version: sql`${tasks.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(tasks.municipalityId, ctx.actor.municipalityId), eq(tasks.sourceKey, sourceKey), eq(tasks.status, 'open')));
}

/**
 * The unit that owns work of a kind: the municipality's first active unit of that kind, else the
 * refugee service (which coordinates), else any unit.
 */
export async function unitResolver(ctx: Ctx): Promise<(kind: UnitKind) => string> {
  const list = await activeUnits(ctx.tx, ctx.actor.municipalityId);
  const first = (k: string) => list.find((u) => u.kind === k)?.id;
  const fallback = first('refugee_service') ?? list[0]?.id;
  if (!fallback) throw new Error('The municipality has no active unit to own tasks');
  return (kind) => first(kind) ?? fallback;
}

export function taskVisibility(ctx: Ctx): TaskVisibility {
  const r = categoryReach(ctx.actor, 'read');
  return { allCategories: r.all, teamUnitIds: [...new Set(r.team.filter((t) => t.category === 'identity').map((t) => t.unitId))], at: ctx.now.toISOString() };
}
