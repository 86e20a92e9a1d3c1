import { classifyPersonQuery } from '@eidor/domain';
import { reachedPersonsSql } from './access.ts';

// The person search as plain parameterised SQL, so the benchmark's bare node:http + pg baseline
// runs exactly the statement the app runs.

export type SearchParams = {
  municipalityId: string;
  /** null = everyone in the municipality; otherwise only people these units reach (team, referral, consent). */
  teamUnitIds: string[] | null;
  /** The user (break-the-glass) and instant the reach is judged by; without it, team membership only. */
  reach?: { userId: string; at: string } | undefined;
  q: string;
  arrivalCategory?: string | undefined;
  status?: string | undefined;
  settlementYear?: number | undefined;
  limit: number;
  offset: number;
};

/** Word-similarity threshold for name search: the share of the query's trigrams found in a name. */
export const NAME_THRESHOLD = 0.5;

/** A uuid[] parameter as a PostgreSQL array literal (one parameter with any driver). */
export function uuidArray(ids: readonly string[]): string {
  for (const id of ids) if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error('not a uuid');
  return `{${ids.join(',')}}`;
}

export function buildPersonSearch(p: SearchParams): { text: string; values: unknown[] } {
  const values: unknown[] = [p.municipalityId];
  const $ = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const where = ['p.municipality_id = $1'];
  let from = 'persons p';
  let score = 'NULL::real';
  let order = 'p.family_name, p.given_name, p.id';
  const query = classifyPersonQuery(p.q);
  switch (query.kind) {
    case 'national_id':
      where.push(`p.national_id = ${$(query.value)}`);
      break;
    case 'duf_number':
      where.push(`p.duf_number = ${$(query.value)}`);
      break;
    case 'birth_date':
      where.push(`p.birth_date = ${$(query.value)}::date`);
      break;
    case 'name': {
      const qn = $(query.normalised);
      // A skeleton of under four letters ("moham" → "mhm") matches half the register: only longer ones help.
      const qk = $(query.key.replace(/\s/g, '').length >= 4 ? query.key : null);
      // `<%`: word similarity of the query to the best-matching part of the names ≥ threshold,
      // found with the index by eidor_person_name_matches (migration 0010 says why a function).
      from = `eidor_person_name_matches(${qn}, ${qk}) m JOIN persons p ON p.id = m.id`;
      score = 'm.score';
      order = 'score DESC, p.family_name, p.given_name, p.id';
      break;
    }
    case 'empty':
      break;
  }
  if (p.teamUnitIds && p.reach) {
    where.push(`p.id IN (${reachedPersonsSql($(uuidArray(p.teamUnitIds)), $(p.reach.userId), $(p.reach.at))})`);
  } else if (p.teamUnitIds) {
    where.push(`EXISTS (SELECT 1 FROM person_team t WHERE t.person_id = p.id AND t.unit_id = ANY(${$(uuidArray(p.teamUnitIds))}::uuid[]))`);
  }
  if (p.arrivalCategory) where.push(`p.arrival_category = ${$(p.arrivalCategory)}`);
  if (p.status) where.push(`p.status = ${$(p.status)}`);
  if (p.settlementYear) {
    const y = $(p.settlementYear);
    where.push(`p.settlement_date >= make_date(${y}::int, 1, 1) AND p.settlement_date < make_date(${y}::int + 1, 1, 1)`);
  }
  const text = `SELECT p.id, p.given_name, p.family_name, p.birth_date::text AS birth_date, p.sex, p.arrival_category,
       p.settlement_date::text AS settlement_date, p.status, p.household_id, ${score} AS score, count(*) OVER () AS total
  FROM ${from}
 WHERE ${where.join('\n   AND ')}
 ORDER BY ${order}
 LIMIT ${$(p.limit)} OFFSET ${$(p.offset)}`;
  return { text, values };
}

/** Sets the threshold for `<%` in the current transaction. */
export const SET_THRESHOLD_SQL = `SELECT set_config('pg_trgm.word_similarity_threshold', '${NAME_THRESHOLD}', true)`;

export type SearchRow = {
  id: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  sex: string;
  arrival_category: string | null;
  settlement_date: string | null;
  status: string;
  household_id: string | null;
  score: number | null;
  total: string | number;
};
