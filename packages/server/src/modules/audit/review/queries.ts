import { norwegianHolidays, REVIEW_DEFAULTS, type ActionKind, type ReviewThresholds } from '@eidor/domain';
import type { Db } from '../../../db/client.ts';
import { pgArray, rows } from '../../../db/raw.ts';

// All SQL of the access review. Periods are calendar days in Norwegian time (Europe/Oslo, so the
// summer-time shift is handled by the database), `to` inclusive.

/** The kind of an audit action in SQL; the same rules as the domain's `actionKind` (a test checks they agree). */
export function actionKindSql(alias: string): string {
  const c = `${alias}.action`;
  return `CASE WHEN ${c} = 'person.break_glass' THEN 'break_glass'
  WHEN ${c} LIKE '%.export' THEN 'export'
  WHEN ${c} IN ('person.search', 'person.duplicate_check', 'nir.compare') OR ${c} LIKE '%.list' THEN 'search'
  WHEN ${c} LIKE '%.read' OR ${c} LIKE '%.read\\_%' OR ${c} LIKE '%.download' OR ${c} LIKE 'letter.%' THEN 'read'
  ELSE 'write' END`;
}
export const ACTION_KIND_SQL = actionKindSql('a');

export type ReviewFilter = {
  from: string;
  to: string;
  userId?: string | undefined;
  unitId?: string | undefined;
  role?: string | undefined;
  personId?: string | undefined;
  category?: string | undefined;
  kind?: ActionKind | undefined;
};

/** WHERE clause over audit rows about people (alias a) and its parameters, starting at $1. */
function where(municipalityId: string, f: ReviewFilter): { sql: string; values: unknown[] } {
  const values: unknown[] = [municipalityId, f.from, f.to];
  const parts = [
    'a.municipality_id = $1',
    "a.subject_type = 'person'",
    // The reviewers' own look-ups (one row per person whose name the review showed) are kept for
    // each person's access log, but are not reviewed again here: they would find themselves.
    "a.action NOT LIKE 'access\\_review.%'",
    "a.occurred_at >= ($2::date)::timestamp AT TIME ZONE 'Europe/Oslo'",
    "a.occurred_at < ($3::date + 1)::timestamp AT TIME ZONE 'Europe/Oslo'",
  ];
  const add = (clause: (n: string) => string, v: unknown) => {
    values.push(v);
    parts.push(clause(`$${values.length}`));
  };
  if (f.userId) add((p) => `a.actor_user_id = ${p}::uuid`, f.userId);
  if (f.unitId) add((p) => `a.unit_id = ${p}::uuid`, f.unitId);
  if (f.role) add((p) => `a.role = ${p}`, f.role);
  if (f.personId) add((p) => `a.subject_id = ${p}`, f.personId);
  if (f.category) add((p) => `${p} = ANY(a.categories)`, f.category);
  if (f.kind) add((p) => `(${ACTION_KIND_SQL}) = ${p}`, f.kind);
  return { sql: parts.join(' AND '), values };
}

export type ReadRow = {
  id: string;
  seq: string | null;
  occurred_at: Date | string;
  actor_user_id: string | null;
  user_name: string | null;
  user_email: string | null;
  unit_id: string | null;
  unit_name: string | null;
  role: string | null;
  action: string;
  kind: ActionKind;
  subject_id: string | null;
  categories: string[];
};

const READ_COLUMNS = `a.id::text AS id, a.seq::text AS seq, a.occurred_at, a.actor_user_id, u.name AS user_name, coalesce(u.email::text, a.actor_email) AS user_email,
  a.unit_id, un.name AS unit_name, a.role, a.action, ${ACTION_KIND_SQL} AS kind, a.subject_id, a.categories`;

/** One page of audit rows about people, newest first, with the total. */
export async function reviewReads(tx: Db, municipalityId: string, f: ReviewFilter, page: number, pageSize: number) {
  const w = where(municipalityId, f);
  const n = w.values.length;
  const [items, total] = await Promise.all([
    rows<ReadRow>(
      tx,
      `SELECT ${READ_COLUMNS}
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id LEFT JOIN units un ON un.id = a.unit_id
        WHERE ${w.sql}
        ORDER BY a.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...w.values, pageSize, (page - 1) * pageSize],
    ),
    rows<{ n: string }>(tx, `SELECT count(*)::text AS n FROM audit_log a WHERE ${w.sql}`, w.values),
  ]);
  return { items, total: Number(total[0]?.n ?? 0) };
}

/** Every row of the filter in pages of `batch`, newest first (keyset on id), for the export. */
export async function* reviewReadsBatches(tx: Db, municipalityId: string, f: ReviewFilter, limit: number, batch = 2000): AsyncGenerator<ReadRow[]> {
  const w = where(municipalityId, f);
  const n = w.values.length;
  let before: string | null = null;
  let left = limit;
  while (left > 0) {
    const page: ReadRow[] = await rows<ReadRow>(
      tx,
      `SELECT ${READ_COLUMNS}
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id LEFT JOIN units un ON un.id = a.unit_id
        WHERE ${w.sql} AND ($${n + 1}::bigint IS NULL OR a.id < $${n + 1}::bigint)
        ORDER BY a.id DESC LIMIT $${n + 2}`,
      [...w.values, before, Math.min(batch, left)],
    );
    if (page.length === 0) return;
    yield page;
    left -= page.length;
    before = page[page.length - 1]!.id;
    if (page.length < Math.min(batch, left + page.length)) return;
  }
}

/** How many rows the filter matches (the export says when it stopped at its limit). */
export async function countReads(tx: Db, municipalityId: string, f: ReviewFilter): Promise<number> {
  const w = where(municipalityId, f);
  const r = await rows<{ n: string }>(tx, `SELECT count(*)::text AS n FROM audit_log a WHERE ${w.sql}`, w.values);
  return Number(r[0]?.n ?? 0);
}

/** Per user and per person over the filter: distinct records, events, categories. */
export async function reviewSummary(tx: Db, municipalityId: string, f: ReviewFilter, limit: number) {
  const w = where(municipalityId, f);
  const n = w.values.length;
  const base = `WITH f AS MATERIALIZED (SELECT a.actor_user_id, a.unit_id, a.subject_id, a.categories, a.occurred_at FROM audit_log a WHERE ${w.sql})`;
  const [users, persons] = await Promise.all([
    rows<{ user_id: string; name: string; email: string; units: string[] | null; persons: string; events: string; categories: string[] | null; first_at: Date | string; last_at: Date | string }>(
      tx,
      `${base},
       cats AS (SELECT f.actor_user_id, array_agg(DISTINCT c ORDER BY c) AS categories FROM f, unnest(f.categories) c GROUP BY 1),
       agg AS (SELECT f.actor_user_id, count(DISTINCT f.subject_id) AS persons, count(*) AS events, min(f.occurred_at) AS first_at, max(f.occurred_at) AS last_at,
                      array_agg(DISTINCT f.unit_id) FILTER (WHERE f.unit_id IS NOT NULL) AS unit_ids
                 FROM f WHERE f.actor_user_id IS NOT NULL GROUP BY 1)
       SELECT agg.actor_user_id AS user_id, u.name, u.email::text AS email,
              ARRAY(SELECT un.name FROM units un WHERE un.id = ANY(agg.unit_ids) ORDER BY un.name) AS units,
              agg.persons::text, agg.events::text, cats.categories, agg.first_at, agg.last_at
         FROM agg JOIN users u ON u.id = agg.actor_user_id LEFT JOIN cats ON cats.actor_user_id = agg.actor_user_id
        ORDER BY agg.persons DESC, agg.events DESC, u.name LIMIT $${n + 1}`,
      [...w.values, limit],
    ),
    rows<{ subject_id: string; users: string; events: string; categories: string[] | null; last_at: Date | string }>(
      tx,
      `${base},
       cats AS (SELECT f.subject_id, array_agg(DISTINCT c ORDER BY c) AS categories FROM f, unnest(f.categories) c WHERE f.subject_id IS NOT NULL GROUP BY 1)
       SELECT f.subject_id, count(DISTINCT f.actor_user_id)::text AS users, count(*)::text AS events, max(cats.categories) AS categories, max(f.occurred_at) AS last_at
         FROM f LEFT JOIN cats ON cats.subject_id = f.subject_id
        WHERE f.subject_id IS NOT NULL
        GROUP BY f.subject_id
        ORDER BY count(DISTINCT f.actor_user_id) DESC, count(*) DESC, f.subject_id LIMIT $${n + 1}`,
      [...w.values, limit],
    ),
  ]);
  return { users, persons };
}

// ---------- thresholds ----------

export type ThresholdsRow = ReviewThresholds & { own: boolean; version: number; updatedAt: Date | null; updatedBy: string | null };

/** The municipality's thresholds, or the defaults. */
export async function thresholdsOf(tx: Db, municipalityId: string): Promise<ThresholdsRow> {
  const r = await rows<{ burst_persons: number; burst_minutes: number; workday_start: string; workday_end: string; version: number; updated_at: Date | string; updated_by: string | null }>(
    tx,
    `SELECT s.burst_persons, s.burst_minutes, to_char(s.workday_start, 'HH24:MI') AS workday_start, to_char(s.workday_end, 'HH24:MI') AS workday_end,
            s.version, s.updated_at, u.name AS updated_by
       FROM access_review_settings s LEFT JOIN users u ON u.id = s.updated_by WHERE s.municipality_id = $1`,
    [municipalityId],
  );
  const s = r[0];
  if (!s) return { ...REVIEW_DEFAULTS, own: false, version: 0, updatedAt: null, updatedBy: null };
  return {
    burstPersons: s.burst_persons,
    burstMinutes: s.burst_minutes,
    workdayStart: s.workday_start,
    workdayEnd: s.workday_end,
    own: true,
    version: s.version,
    updatedAt: new Date(s.updated_at),
    updatedBy: s.updated_by,
  };
}

/** Saves the thresholds if `version` is the one stored (0: none stored yet); false on a conflict. */
export async function saveThresholds(tx: Db, municipalityId: string, t: ReviewThresholds, version: number, userId: string, now: Date): Promise<boolean> {
  const values = [municipalityId, t.burstPersons, t.burstMinutes, t.workdayStart, t.workdayEnd, now, userId, version];
  const r =
    version === 0
      ? await rows(
          tx,
          `INSERT INTO access_review_settings (municipality_id, burst_persons, burst_minutes, workday_start, workday_end, version, updated_at, updated_by)
           VALUES ($1, $2, $3, $4::time, $5::time, 1, $6, $7) ON CONFLICT (municipality_id) DO NOTHING
           RETURNING CASE WHEN $8::int = 0 THEN 1 END AS ok`,
          values,
        )
      : await rows(
          tx,
          `UPDATE access_review_settings SET burst_persons = $2, burst_minutes = $3, workday_start = $4::time, workday_end = $5::time,
                  version = version + 1, updated_at = $6, updated_by = $7
            WHERE municipality_id = $1 AND version = $8 RETURNING 1 AS ok`,
          values,
        );
  return r.length === 1;
}

// ---------- patterns ----------

export type PatternFilter = { from: string; to: string; userId?: string | undefined; unitId?: string | undefined };

export type FindingRow = {
  kind: 'burst' | 'after_hours' | 'special_outside_team' | 'break_glass';
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
  unit_id: string | null;
  unit_name: string | null;
  subject_id: string | null;
  from_at: Date | string;
  to_at: Date | string;
  n: string;
  categories: string[] | null;
  detail: string | null;
};

/** Norwegian public holidays of the years the period touches (they are outside working hours). */
function holidaysIn(from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) out.push(...norwegianHolidays(y));
  return out;
}

/**
 * The unusual patterns of the period, computed in SQL:
 * - burst: a user opened (read) ≥ N distinct people's records within M minutes (overlapping windows merged into one episode);
 * - after_hours: a user opened records outside working hours, on a weekend or a public holiday (one per user and day);
 * - special_outside_team: health or child-welfare data read by a user whose unit is not on the person's team;
 * - break_glass: every break-the-glass grant started in the period, with its reason and how often the record was opened under it.
 */
export async function findPatterns(tx: Db, municipalityId: string, f: PatternFilter, t: ReviewThresholds, limit: number) {
  const values: unknown[] = [municipalityId, f.from, f.to];
  const extra: string[] = [];
  let glassExtra = '';
  if (f.userId) {
    values.push(f.userId);
    extra.push(`a.actor_user_id = $${values.length}::uuid`);
    glassExtra += ` AND g.user_id = $${values.length}::uuid`;
  }
  if (f.unitId) {
    values.push(f.unitId);
    extra.push(`a.unit_id = $${values.length}::uuid`);
    glassExtra += ` AND g.unit_id = $${values.length}::uuid`;
  }
  const base = `a.municipality_id = $1 AND a.subject_type = 'person' AND a.subject_id IS NOT NULL AND a.actor_user_id IS NOT NULL AND a.action NOT LIKE 'access\\_review.%'
    AND a.occurred_at >= ($2::date)::timestamp AT TIME ZONE 'Europe/Oslo' AND a.occurred_at < ($3::date + 1)::timestamp AT TIME ZONE 'Europe/Oslo'
    ${extra.map((x) => `AND ${x}`).join(' ')}`;
  const p = values.length;
  values.push(t.burstPersons, t.burstMinutes, t.workdayStart, t.workdayEnd, pgArray(holidaysIn(f.from, f.to)), limit);
  const [N, M, START, END, HOLIDAYS, LIMIT] = [1, 2, 3, 4, 5, 6].map((i) => `$${p + i}`);
  const sql = `
  WITH r AS MATERIALIZED (
    SELECT a.id AS seq, a.actor_user_id AS u, a.unit_id, a.subject_id AS s, a.occurred_at AS t, a.categories, a.action, ${ACTION_KIND_SQL} AS kind,
           (a.occurred_at AT TIME ZONE 'Europe/Oslo') AS local_t
      FROM audit_log a WHERE ${base}
  ),
  -- burst: from each opening, the distinct people the same user opened in the next M minutes (index range scan)
  win AS (
    SELECT r.u, r.t AS start_at, x.n, x.last_at
      FROM r CROSS JOIN LATERAL (
        SELECT count(DISTINCT b.subject_id) AS n, max(b.occurred_at) AS last_at
          FROM audit_log b
         WHERE b.municipality_id = $1 AND b.subject_type = 'person' AND b.subject_id IS NOT NULL AND b.actor_user_id = r.u
           AND b.occurred_at >= r.t AND b.occurred_at < r.t + make_interval(mins => ${M}::int) AND ${actionKindSql('b')} = 'read'
      ) x
     WHERE r.kind = 'read' AND x.n >= ${N}::int
  ),
  marked AS (
    SELECT win.*, CASE WHEN start_at <= max(last_at) OVER (PARTITION BY u ORDER BY start_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS new_episode
      FROM win
  ),
  episodes AS (
    SELECT u, min(start_at) AS from_at, max(last_at) AS to_at
      FROM (SELECT marked.*, sum(new_episode) OVER (PARTITION BY u ORDER BY start_at ROWS UNBOUNDED PRECEDING) AS episode FROM marked) m
     GROUP BY u, episode
  ),
  burst AS (
    SELECT 'burst'::text AS kind, e.u, NULL::uuid AS unit_id, NULL::text AS s, e.from_at, e.to_at,
           (SELECT count(DISTINCT r.s) FROM r WHERE r.u = e.u AND r.kind = 'read' AND r.t BETWEEN e.from_at AND e.to_at) AS n,
           ARRAY(SELECT DISTINCT c FROM r, unnest(r.categories) c WHERE r.u = e.u AND r.kind = 'read' AND r.t BETWEEN e.from_at AND e.to_at ORDER BY c) AS categories,
           NULL::text AS detail
      FROM episodes e
  ),
  after_hours AS (
    SELECT 'after_hours'::text AS kind, r.u, NULL::uuid AS unit_id, NULL::text AS s, min(r.t) AS from_at, max(r.t) AS to_at,
           count(DISTINCT r.s) AS n, array_remove(array_agg(DISTINCT c.c ORDER BY c.c), NULL) AS categories,
           to_char(r.local_t::date, 'YYYY-MM-DD') AS detail
      FROM r LEFT JOIN LATERAL unnest(r.categories) c(c) ON true
     WHERE r.kind IN ('read', 'write', 'break_glass')
       AND (extract(isodow FROM r.local_t) > 5 OR r.local_t::date = ANY(${HOLIDAYS}::date[])
            OR r.local_t::time < ${START}::time OR r.local_t::time >= ${END}::time)
     GROUP BY r.u, r.local_t::date
  ),
  special AS (
    SELECT 'special_outside_team'::text AS kind, r.u, r.unit_id, r.s, min(r.t) AS from_at, max(r.t) AS to_at, count(DISTINCT r.seq) AS n,
           array_agg(DISTINCT c.c ORDER BY c.c) AS categories, NULL::text AS detail
      FROM r JOIN LATERAL unnest(r.categories) c(c) ON c.c IN ('health', 'child_welfare')
     WHERE r.kind = 'read'
       AND (r.unit_id IS NULL OR NOT EXISTS (SELECT 1 FROM person_team pt WHERE pt.unit_id = r.unit_id AND pt.person_id::text = r.s))
     GROUP BY r.u, r.unit_id, r.s
  ),
  glass AS (
    SELECT 'break_glass'::text AS kind, g.user_id AS u, g.unit_id, g.person_id::text AS s, g.started_at AS from_at,
           LEAST(g.expires_at, g.ended_at) AS to_at,
           (SELECT count(*) FROM audit_log b
             WHERE b.municipality_id = $1 AND b.subject_type = 'person' AND b.subject_id = g.person_id::text AND b.actor_user_id = g.user_id
               AND b.action <> 'person.break_glass' AND b.occurred_at >= g.started_at AND b.occurred_at < LEAST(g.expires_at, g.ended_at)) AS n,
           ARRAY(SELECT DISTINCT c FROM audit_log b, unnest(b.categories) c
                  WHERE b.municipality_id = $1 AND b.subject_type = 'person' AND b.subject_id = g.person_id::text AND b.actor_user_id = g.user_id
                    AND b.occurred_at >= g.started_at AND b.occurred_at < LEAST(g.expires_at, g.ended_at) ORDER BY c) AS categories,
           g.reason AS detail
      FROM break_glass_grants g
     WHERE g.municipality_id = $1
       AND g.started_at >= ($2::date)::timestamp AT TIME ZONE 'Europe/Oslo' AND g.started_at < ($3::date + 1)::timestamp AT TIME ZONE 'Europe/Oslo'
       ${glassExtra}
  ),
  found AS (
    SELECT * FROM burst UNION ALL SELECT * FROM after_hours UNION ALL SELECT * FROM special UNION ALL SELECT * FROM glass
  )
  SELECT * FROM (
    SELECT found.kind, found.u AS user_id, us.name AS user_name, us.email::text AS user_email, found.unit_id, un.name AS unit_name, found.s AS subject_id,
           found.from_at, found.to_at, found.n::text AS n, found.categories, found.detail,
           count(*) OVER (PARTITION BY found.kind)::text AS kind_total,
           row_number() OVER (PARTITION BY found.kind ORDER BY found.from_at DESC) AS rank
      FROM found LEFT JOIN users us ON us.id = found.u LEFT JOIN units un ON un.id = found.unit_id
  ) x
   WHERE x.rank <= ${LIMIT}
   ORDER BY CASE x.kind WHEN 'break_glass' THEN 0 WHEN 'special_outside_team' THEN 1 WHEN 'burst' THEN 2 ELSE 3 END, x.from_at DESC`;
  const out = await rows<FindingRow & { kind_total: string }>(tx, sql, values);
  const counts = { burst: 0, after_hours: 0, special_outside_team: 0, break_glass: 0 };
  for (const r of out) counts[r.kind] = Number(r.kind_total);
  return { findings: out as FindingRow[], counts };
}

// ---------- filter in words, person picker ----------

/** Names of the user and unit a filter names (for the export's heading). */
export async function filterNames(tx: Db, municipalityId: string, f: { userId?: string | undefined; unitId?: string | undefined }) {
  const r = await rows<{ user_name: string | null; unit_name: string | null }>(
    tx,
    `SELECT (SELECT name FROM users WHERE id = $2::uuid AND municipality_id = $1) AS user_name,
            (SELECT name FROM units WHERE id = $3::uuid AND municipality_id = $1) AS unit_name`,
    [municipalityId, f.userId ?? null, f.unitId ?? null],
  );
  return { userName: r[0]?.user_name ?? null, unitName: r[0]?.unit_name ?? null };
}

// ---------- break-the-glass review ----------

export type BreakGlassRow = {
  id: string;
  user_id: string;
  user_name: string;
  user_email: string;
  unit_id: string;
  unit_name: string;
  unit_kind: string;
  person_id: string;
  reason: string;
  started_at: Date | string;
  expires_at: Date | string;
  ended_at: Date | string | null;
  reviewed_at: Date | string | null;
  reviewed_by_name: string | null;
  review_note: string | null;
};

const GLASS_COLUMNS = `g.id, g.user_id, u.name AS user_name, u.email::text AS user_email, g.unit_id, un.name AS unit_name, un.kind AS unit_kind,
  g.person_id, g.reason, g.started_at, g.expires_at, g.ended_at, g.reviewed_at, rb.name AS reviewed_by_name, g.review_note`;
const GLASS_FROM = `break_glass_grants g JOIN users u ON u.id = g.user_id JOIN units un ON un.id = g.unit_id LEFT JOIN users rb ON rb.id = g.reviewed_by`;

/** Break-the-glass grants, unreviewed first, newest first within each. */
export async function breakGlassList(tx: Db, municipalityId: string, onlyUnreviewed: boolean, page: number, pageSize: number) {
  const [items, counts] = await Promise.all([
    rows<BreakGlassRow>(
      tx,
      `SELECT ${GLASS_COLUMNS} FROM ${GLASS_FROM}
        WHERE g.municipality_id = $1 AND (NOT $2::boolean OR g.reviewed_at IS NULL)
        ORDER BY (g.reviewed_at IS NULL) DESC, g.started_at DESC, g.id LIMIT $3 OFFSET $4`,
      [municipalityId, onlyUnreviewed, pageSize, (page - 1) * pageSize],
    ),
    rows<{ total: string; unreviewed: string }>(
      tx,
      `SELECT count(*) FILTER (WHERE NOT $2::boolean OR reviewed_at IS NULL)::text AS total, count(*) FILTER (WHERE reviewed_at IS NULL)::text AS unreviewed
         FROM break_glass_grants WHERE municipality_id = $1`,
      [municipalityId, onlyUnreviewed],
    ),
  ]);
  return { items, total: Number(counts[0]?.total ?? 0), unreviewed: Number(counts[0]?.unreviewed ?? 0) };
}

export async function findBreakGlass(tx: Db, municipalityId: string, id: string): Promise<BreakGlassRow | undefined> {
  const r = await rows<BreakGlassRow>(tx, `SELECT ${GLASS_COLUMNS} FROM ${GLASS_FROM} WHERE g.municipality_id = $1 AND g.id = $2::uuid`, [municipalityId, id]);
  return r[0];
}

/** What each grant's user opened of the person's record while the grant was in force (at most `perGrant` each). */
export async function openedDuring(tx: Db, municipalityId: string, grantIds: string[], perGrant = 200) {
  if (grantIds.length === 0) return new Map<string, { occurredAt: string; action: string; categories: string[] }[]>();
  const r = await rows<{ grant_id: string; occurred_at: Date | string; action: string; categories: string[] }>(
    tx,
    `SELECT g.id AS grant_id, x.occurred_at, x.action, x.categories
       FROM break_glass_grants g
       CROSS JOIN LATERAL (
         SELECT a.occurred_at, a.action, a.categories FROM audit_log a
          WHERE a.municipality_id = g.municipality_id AND a.subject_type = 'person' AND a.subject_id = g.person_id::text
            AND a.actor_user_id = g.user_id AND a.action <> 'person.break_glass'
            AND a.occurred_at >= g.started_at AND a.occurred_at < LEAST(g.expires_at, g.ended_at)
          ORDER BY a.id LIMIT $3
       ) x
      WHERE g.municipality_id = $1 AND g.id = ANY($2::uuid[])
      ORDER BY g.id, x.occurred_at`,
    [municipalityId, pgArray(grantIds), perGrant],
  );
  const out = new Map<string, { occurredAt: string; action: string; categories: string[] }[]>();
  for (const x of r) {
    const list = out.get(x.grant_id) ?? [];
    list.push({ occurredAt: new Date(x.occurred_at).toISOString(), action: x.action, categories: x.categories });
    out.set(x.grant_id, list);
  }
  return out;
}

/** Marks a grant reviewed unless it is already, or the reviewer is the one who used it; true when it was. */
export async function markBreakGlassReviewed(tx: Db, municipalityId: string, id: string, reviewerId: string, note: string, now: Date): Promise<boolean> {
  const r = await rows(
    tx,
    `UPDATE break_glass_grants SET reviewed_at = $4, reviewed_by = $3::uuid, review_note = $5
      WHERE municipality_id = $1 AND id = $2::uuid AND reviewed_at IS NULL AND user_id <> $3::uuid RETURNING id`,
    [municipalityId, id, reviewerId, now, note],
  );
  return r.length === 1;
}
