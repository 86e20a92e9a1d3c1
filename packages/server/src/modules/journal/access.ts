import { canAccessPerson, type DataCategory, type Relationship } from '@eidor/domain';
import { JOURNAL_CATEGORIES, JOURNAL_DATA_CATEGORY, type JournalCategoryName } from '@eidor/contract';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

export type JournalRights = { read: JournalCategoryName[]; write: JournalCategoryName[] };

/** The journal categories the actor may read and write for one person: the access policy of each category's data category. */
export function journalRights(ctx: Ctx, relationships: Map<string, Relationship[]>): JournalRights {
  const may = (action: 'read' | 'write') => JOURNAL_CATEGORIES.filter((c) => canAccessPerson(ctx.actor, action, JOURNAL_DATA_CATEGORY[c], relationships).allowed);
  return { read: may('read'), write: may('write') };
}

/** The data categories behind journal categories, without repeats (for the audit row). */
export function dataCategoriesOf(categories: Iterable<JournalCategoryName>): DataCategory[] {
  return [...new Set([...categories].map((c) => JOURNAL_DATA_CATEGORY[c]))];
}

/**
 * Refuses a write in a category the actor may not write, with the reason and the field, before
 * anything is stored (issue 7, bad input: "a note in a category the author may not write").
 */
export function requireWrite(ctx: Ctx, relationships: Map<string, Relationship[]>, category: JournalCategoryName, field = 'category') {
  const decision = canAccessPerson(ctx.actor, 'write', JOURNAL_DATA_CATEGORY[category], relationships);
  if (!decision.allowed) {
    throw new AppError('FORBIDDEN', `You may not write in the category ${category} for this person`, {
      fields: [{ path: field, message: `your role may not write ${category} data for this person (${decision.reason})` }],
    });
  }
  return decision;
}
