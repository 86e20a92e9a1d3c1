// What other modules may use of the responsibility-group module (they never touch its tables).
import type { Ctx } from '../../platform/context.ts';
import { currentCoordinator } from './queries.ts';

/**
 * The coordinator of the person's active responsibility group (ansvarsgruppe), or null when the
 * person has no active group. Runs in the caller's tenant transaction; reveals only a user id.
 */
export async function coordinatorOf(ctx: Ctx, personId: string): Promise<{ userId: string } | null> {
  const row = await currentCoordinator(ctx.tx, personId);
  return row ? { userId: row.user_id } : null;
}
