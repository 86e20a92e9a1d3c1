// What other modules may use of the responsibility-group module (they never touch its tables).
import type { Ctx } from '../../platform/context.ts';
import { currentCoordinator, setActionPointStatus } from './queries.ts';

/**
 * The coordinator of the person's active responsibility group (ansvarsgruppe), or null when the
 * person has no active group. Runs in the caller's tenant transaction; reveals only a user id.
 */
export async function coordinatorOf(ctx: Ctx, personId: string): Promise<{ userId: string } | null> {
  const row = await currentCoordinator(ctx.tx, personId);
  return row ? { userId: row.user_id } : null;
}

const ACTION_POINT_PREFIX = 'groups.action_point:';

/**
 * The work queue calls this when a task is done, skipped or reopened there. An action point's task is
 * the same work as the action point, so the group's row follows in the same transaction and reading the
 * group never has to write. Tasks of other modules are ignored.
 */
export async function taskStatusChanged(ctx: Ctx, sourceKey: string | null, status: 'open' | 'done' | 'skipped'): Promise<void> {
  if (!sourceKey?.startsWith(ACTION_POINT_PREFIX)) return;
  const id = sourceKey.slice(ACTION_POINT_PREFIX.length);
  await setActionPointStatus(ctx.tx, id, null, status === 'open' ? 'open' : 'done', ctx.now, status === 'open' ? null : ctx.actor.userId);
}
