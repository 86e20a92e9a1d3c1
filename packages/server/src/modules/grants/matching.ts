import { rows } from '../../db/raw.ts';
import type { Ctx } from '../../platform/context.ts';

/** A name on IMDi's list matches a person born the same day when its word similarity reaches this. */
export const NAME_MATCH_THRESHOLD = 0.5;

/**
 * The payment lines `l` with the person each names (issue 6 § 4): a match stored on the line (name
 * and birth date, or by hand) first, then the municipality's person with the line's fødselsnummer
 * or D-nummer, then with its DUF number. Matches by number are joined when lines are read, never
 * written: the import stays a plain COPY of the file's lines, and a number corrected on a person
 * counts at the next reconciliation. Gives `l`, `person_id` and `match_method` (null: nobody).
 */
export const LINES_WITH_PERSON = `grant_payment_lines l
  LEFT JOIN persons pn ON l.person_id IS NULL AND pn.municipality_id = l.municipality_id AND pn.national_id = l.national_id
  LEFT JOIN LATERAL (SELECT p.id FROM persons p
                      WHERE l.person_id IS NULL AND pn.id IS NULL AND l.duf_number IS NOT NULL
                        AND p.municipality_id = l.municipality_id AND p.duf_number = l.duf_number
                      ORDER BY p.id LIMIT 1) pd ON true`;
export const LINE_PERSON = 'coalesce(l.person_id, pn.id, pd.id)';
export const LINE_MATCH_METHOD = `coalesce(l.match_method, CASE WHEN pn.id IS NOT NULL THEN 'national_id' WHEN pd.id IS NOT NULL THEN 'duf_number' END)`;

/**
 * Matches by name and birth date with similarity (the best-scoring person born that day) the lines
 * not matched yet — neither stored nor by number (LINES_WITH_PERSON). `listId` limits it to one
 * list. Returns how many lines it matched.
 */
export async function matchLines(ctx: Ctx, listId?: string) {
  const m = ctx.actor.municipalityId;
  const scope = listId ? 'AND l.list_id = $2' : '';
  const params = listId ? [m, listId] : [m];
  const count = async (sql: string) => Number((await rows<{ n: string }>(ctx.tx, `WITH u AS (${sql} RETURNING 1) SELECT count(*)::text AS n FROM u`, params))[0]!.n);
  const nameBirthDate = await count(
    `UPDATE grant_payment_lines l SET person_id = c.person_id, match_method = 'name_birth_date', match_score = c.score
       FROM (SELECT DISTINCT ON (l.id) l.id AS line_id, p.id AS person_id, greatest(word_similarity(l.name_key, p.search_text), coalesce(word_similarity(l.name_skeleton, p.search_text), 0)) AS score
               FROM grant_payment_lines l
               JOIN persons p ON p.municipality_id = $1 AND p.birth_date = l.birth_date
              WHERE l.municipality_id = $1 AND l.person_id IS NULL AND l.name_key IS NOT NULL AND l.birth_date IS NOT NULL ${scope}
                AND NOT EXISTS (SELECT 1 FROM persons x WHERE x.municipality_id = $1 AND x.national_id = l.national_id)
                AND NOT EXISTS (SELECT 1 FROM persons x WHERE x.municipality_id = $1 AND x.duf_number = l.duf_number)
              ORDER BY l.id, score DESC, p.id) c
      WHERE l.id = c.line_id AND c.score >= ${NAME_MATCH_THRESHOLD}`,
  );
  return { nameBirthDate };
}
