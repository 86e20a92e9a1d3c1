import { canAccessPerson, type Relationship } from '@eidor/domain';
import type { Ctx } from '../../platform/context.ts';
import { dataCategoriesOf, journalRights } from './access.ts';
import { latestNotesOf } from './queries.ts';

/**
 * The newest notes for the person page, in the categories the actor may read (null when none), with
 * how many there are; audited as a journal read naming the categories shown.
 */
export async function journalForPage(ctx: Ctx, personId: string, relationships: Map<string, Relationship[]>, limit: number, excerptChars: number) {
  const rights = journalRights(ctx, relationships);
  if (rights.read.length === 0) return null;
  const found = await latestNotesOf(ctx.tx, personId, rights.read, limit, excerptChars);
  if (found.length > 0) {
    await ctx.audit({
      action: 'journal.read',
      subjectType: 'person',
      subjectId: personId,
      categories: ['identity', ...dataCategoriesOf(found.map((n) => n.category)).filter((c) => c !== 'identity')],
      via: canAccessPerson(ctx.actor, 'read', 'identity', relationships).via,
    });
  }
  return {
    total: Number(found[0]?.total ?? 0),
    notes: found.map((n) => ({
      id: n.id,
      category: n.category,
      meetingDate: n.meeting_date,
      createdAt: new Date(n.created_at).toISOString(),
      createdBy: n.author,
      excerpt: n.excerpt,
      truncated: n.truncated,
      corrected: n.corrected,
    })),
  };
}
