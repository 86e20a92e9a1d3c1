import { and, asc, eq } from 'drizzle-orm';
import type { DataCategory } from '@eidor/domain';
import type { Db } from '../../db/client.ts';
import { preparedRows, rows, statementName } from '../../db/raw.ts';
import { tasks, units } from '../../db/schema.ts';

export type TaskRow = typeof tasks.$inferSelect;

/** A task joined with the names a list shows. */
export type TaskListRow = {
  id: string;
  kind: string;
  item_key: string;
  title: string;
  title_params: Record<string, string | number> | null;
  description: string | null;
  legal_basis: string | null;
  category: DataCategory;
  person_id: string | null;
  person_name: string | null;
  household_id: string | null;
  household_name: string | null;
  dwelling_id: string | null;
  dwelling_address: string | null;
  owner_unit_id: string;
  owner_unit_name: string;
  assignee_user_id: string | null;
  assignee_name: string | null;
  due_date: string | null;
  status: 'open' | 'done' | 'skipped';
  skip_reason: string | null;
  completed_at: Date | string | null;
  version: number;
  total?: string | number;
  overdue_count?: string | number;
};

/**
 * Who may see a task: roles that read the task's category for everyone; and a partner unit sees
 * the tasks it owns for people on its team (the work was given to it; it sees nothing more), or —
 * with `at` — for people it reaches by an accepted referral or active consent naming the task's
 * category (identity tasks with any).
 */
export type TaskVisibility = { allCategories: DataCategory[]; teamUnitIds: string[]; at?: string };

export function visibilitySql(v: TaskVisibility, $: (x: unknown) => string): string {
  return `(
    t.category = ANY(${$(`{${v.allCategories.join(',')}}`)}::text[])
    OR (t.owner_unit_id = ANY(${$(`{${v.teamUnitIds.join(',')}}`)}::uuid[])
        AND (
          (t.person_id IS NULL AND t.household_id IS NULL)
          OR EXISTS (SELECT 1 FROM person_team pt
                      WHERE pt.unit_id = t.owner_unit_id
                        AND (pt.person_id = t.person_id
                             OR (t.person_id IS NULL AND pt.person_id IN (SELECT m.id FROM persons m WHERE m.household_id = t.household_id))))${
            v.at
              ? (() => {
                  const at = $(v.at);
                  return `
          OR EXISTS (SELECT 1 FROM person_access_grants g
                      WHERE g.unit_id = t.owner_unit_id AND g.person_id = t.person_id
                        AND (t.category = 'identity' OR t.category = ANY(g.categories))
                        AND g.starts_at <= ${at}::timestamptz AND (g.ends_at IS NULL OR g.ends_at > ${at}::timestamptz))`;
                })()
              : ''
          }))
  )`;
}

const SELECT_TASK = `
  SELECT t.id, t.kind, t.item_key, t.title, t.title_params, t.description, t.legal_basis, t.category,
         t.person_id, CASE WHEN p.id IS NULL THEN NULL ELSE p.given_name || ' ' || p.family_name END AS person_name,
         coalesce(t.household_id, p.household_id) AS household_id,
         coalesce((SELECT hh.name FROM households hh WHERE hh.id = t.household_id),
                  (SELECT hh.name FROM households hh WHERE hh.id = p.household_id)) AS household_name,
         t.dwelling_id, d.address AS dwelling_address,
         t.owner_unit_id, u.name AS owner_unit_name, t.assignee_user_id, au.name AS assignee_name,
         to_char(t.due_date, 'YYYY-MM-DD') AS due_date, t.status, t.skip_reason, t.completed_at, t.version`;
// The household's name is looked up by key twice rather than by coalesce(…): under row-level security
// PostgreSQL only uses an index for conditions it knows cannot leak values, and a COALESCE
// expression is not one, so \`hh.id = coalesce(a, b)\` scanned every household of the municipality
// for each row (30 ms a page on the benchmark's data).
const JOINS = `
  FROM tasks t
  JOIN units u ON u.id = t.owner_unit_id
  LEFT JOIN persons p ON p.id = t.person_id
  LEFT JOIN dwellings d ON d.id = t.dwelling_id
  LEFT JOIN users au ON au.id = t.assignee_user_id`;

export type TaskListParams = {
  municipalityId: string;
  scope: 'mine' | 'unit';
  userId: string;
  unitIds: string[];
  status: 'open' | 'done' | 'skipped';
  kind: string | undefined;
  today: string;
  visibility: TaskVisibility;
  limit: number;
  offset: number;
};

/** The work queue's statement (also run by the benchmark's bare baseline). */
export function buildTaskList(p: TaskListParams): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const $ = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const where = [`t.municipality_id = ${$(p.municipalityId)}`, `t.status = ${$(p.status)}`];
  if (p.scope === 'mine') where.push(`t.assignee_user_id = ${$(p.userId)}`);
  else where.push(`t.owner_unit_id = ANY(${$(`{${p.unitIds.join(',')}}`)}::uuid[])`);
  if (p.kind) where.push(`(t.kind = ${$(p.kind)} OR t.kind LIKE ${$(`${p.kind}.%`)})`);
  where.push(visibilitySql(p.visibility, $));
  const today = $(p.today);
  // Open work: due first (overdue first, since they are the earliest), undated last. Closed work: newest first.
  const order = p.status === 'open' ? 't.due_date ASC NULLS LAST, t.created_at, t.id' : 't.completed_at DESC NULLS LAST, t.id';
  // The page is chosen from the tasks alone (with the totals); names are joined for its rows only.
  const text = `
    WITH page AS (
      SELECT t.*,
             count(*) OVER () AS total,
             count(*) FILTER (WHERE t.due_date < ${today}::date) OVER () AS overdue_count
        FROM tasks t
       WHERE ${where.join(' AND ')}
       ORDER BY ${order}
       LIMIT ${$(p.limit)} OFFSET ${$(p.offset)}
    )
    ${SELECT_TASK}, t.total, t.overdue_count
    FROM page t
    JOIN units u ON u.id = t.owner_unit_id
    LEFT JOIN persons p ON p.id = t.person_id
      LEFT JOIN dwellings d ON d.id = t.dwelling_id
    LEFT JOIN users au ON au.id = t.assignee_user_id
    ORDER BY ${order}`;
  return { text, values };
}

export async function listTasks(tx: Db, p: TaskListParams): Promise<TaskListRow[]> {
  const q = buildTaskList(p);
  // The queue is asked on every visit: each variant of the statement is planned once per connection.
  return preparedRows<TaskListRow>(tx, statementName('task_list', q.text), q.text, q.values);
}

/**
 * The kinds of task in the queue being looked at (the same scope and status as the list), for its
 * filter. Served by the (unit or assignee, status, kind) indexes: the municipality's whole task table
 * is never read (it was: 145 ms a request with 55,000 tasks).
 */
export function buildTaskKinds(p: Pick<TaskListParams, 'municipalityId' | 'scope' | 'userId' | 'unitIds' | 'status'>): { text: string; values: unknown[] } {
  const who = p.scope === 'mine' ? 't.assignee_user_id = $3' : 't.owner_unit_id = ANY($3::uuid[])';
  return {
    text: `SELECT DISTINCT t.kind FROM tasks t WHERE t.municipality_id = $1 AND t.status = $2 AND ${who} ORDER BY t.kind`,
    values: [p.municipalityId, p.status, p.scope === 'mine' ? p.userId : `{${p.unitIds.join(',')}}`],
  };
}

export async function taskKinds(tx: Db, p: Parameters<typeof buildTaskKinds>[0]): Promise<string[]> {
  const q = buildTaskKinds(p);
  const r = await preparedRows<{ kind: string }>(tx, statementName('task_kinds', q.text), q.text, q.values);
  return r.map((x) => x.kind);
}

export async function taskById(tx: Db, municipalityId: string, id: string, visibility: TaskVisibility): Promise<TaskListRow | undefined> {
  const values: unknown[] = [municipalityId, id];
  const $ = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const r = await rows<TaskListRow>(tx, `${SELECT_TASK} ${JOINS} WHERE t.municipality_id = $1 AND t.id = $2 AND ${visibilitySql(visibility, $)}`, values);
  return r[0];
}

export async function tasksOfHousehold(tx: Db, municipalityId: string, householdId: string): Promise<TaskListRow[]> {
  return rows<TaskListRow>(
    tx,
    `${SELECT_TASK} ${JOINS}
     WHERE t.municipality_id = $1 AND (t.household_id = $2 OR p.household_id = $2)
     ORDER BY (t.status = 'open') DESC, t.due_date ASC NULLS LAST, t.title`,
    [municipalityId, householdId],
  );
}

export async function findTaskBySource(tx: Db, municipalityId: string, sourceKey: string): Promise<TaskRow | undefined> {
  const r = await tx.select().from(tasks).where(and(eq(tasks.municipalityId, municipalityId), eq(tasks.sourceKey, sourceKey))).limit(1);
  return r[0];
}

export async function findTask(tx: Db, municipalityId: string, id: string): Promise<TaskRow | undefined> {
  const r = await tx.select().from(tasks).where(and(eq(tasks.municipalityId, municipalityId), eq(tasks.id, id))).limit(1);
  return r[0];
}

export async function activeUnits(tx: Db, municipalityId: string) {
  return tx
    .select({ id: units.id, kind: units.kind, name: units.name })
    .from(units)
    .where(and(eq(units.municipalityId, municipalityId), eq(units.active, true)))
    .orderBy(asc(units.createdAt), asc(units.name));
}
