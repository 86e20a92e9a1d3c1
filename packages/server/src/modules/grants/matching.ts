import { rows } from '../../db/raw.ts';
import type { Ctx } from '../../platform/context.ts';

/** A name on IMDi's list matches a person born the same day when its word similarity reaches this. */
export const NAME_MATCH_THRESHOLD = 0.5;

/**
 * Matches payment lines to people (issue 6 § 4): by fødselsnummer or D-nummer, then DUF number,
 * then name and birth date with similarity (the best-scoring person born that day). Only lines not
 * matched yet; `listId` limits it to one list. Returns how many lines each step matched.
 */
export async function matchLines(ctx: Ctx, listId?: string) {
  const m = ctx.actor.municipalityId;
  const scope = listId ? 'AND l.list_id = $2' : '';
  const params = listId ? [m, listId] : [m];
  const count = async (sql: string) => Number((await rows<{ n: string }>(ctx.tx, `WITH u AS (${sql} RETURNING 1) SELECT count(*)::text AS n FROM u`, params))[0]!.n);
  const nationalId = await count(
    `UPDATE grant_payment_lines l SET person_id = p.id, match_method = 'national_id', match_score = 1
       FROM persons p
      WHERE l.municipality_id = $1 AND l.person_id IS NULL AND l.national_id IS NOT NULL ${scope}
        AND p.municipality_id = $1 AND p.national_id = l.national_id`,
  );
  const dufNumber = await count(
    `UPDATE grant_payment_lines l SET person_id = p.id, match_method = 'duf_number', match_score = 1
       FROM persons p
      WHERE l.municipality_id = $1 AND l.person_id IS NULL AND l.duf_number IS NOT NULL ${scope}
        AND p.municipality_id = $1 AND p.duf_number = l.duf_number`,
  );
  const nameBirthDate = await count(
    `UPDATE grant_payment_lines l SET person_id = c.person_id, match_method = 'name_birth_date', match_score = c.score
       FROM (SELECT DISTINCT ON (l.id) l.id AS line_id, p.id AS person_id, greatest(word_similarity(l.name_key, p.search_text), coalesce(word_similarity(l.name_skeleton, p.search_text), 0)) AS score
               FROM grant_payment_lines l
               JOIN persons p ON p.municipality_id = $1 AND p.birth_date = l.birth_date
              WHERE l.municipality_id = $1 AND l.person_id IS NULL AND l.name_key IS NOT NULL AND l.birth_date IS NOT NULL ${scope}
              ORDER BY l.id, score DESC, p.id) c
      WHERE l.id = c.line_id AND c.score >= ${NAME_MATCH_THRESHOLD}`,
  );
  return { nationalId, dufNumber, nameBirthDate };
}
