import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.ts';

/** Turns `text` with $1…$n placeholders and its values into a Drizzle SQL object (values stay parameters). */
export function fromText(text: string, values: readonly unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const m of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, m.index)));
    chunks.push(sql`${values[Number(m[1]) - 1]}`);
    last = m.index + m[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks, sql.raw(''));
}

/** Runs parameterised SQL text in a transaction and returns its rows. */
export async function rows<T>(tx: Db, text: string, values: readonly unknown[] = []): Promise<T[]> {
  const res = (await tx.execute(fromText(text, values))) as unknown as { rows: T[] };
  return res.rows;
}

/** An array parameter as a PostgreSQL array literal (one parameter with either driver; nulls kept). */
export function pgArray(values: readonly (string | number | null)[]): string {
  return `{${values
    .map((v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`))
    .join(',')}}`;
}

type SessionLike = {
  dialect: { sqlToQuery(sql: SQL): { sql: string; params: unknown[] } };
  prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: boolean): { execute(): Promise<unknown> };
};
const preparedTexts = new Map<string, string>();

/**
 * As `rows`, as a named prepared statement on PostgreSQL: parsed and planned once per connection
 * (after PostgreSQL's first five custom plans it keeps a generic plan when that costs no more), for
 * hot statements whose planning costs more than their run — on the person page, the relationship and
 * referral reads spent 2–8 ms planning and under 1 ms running (BENCHMARKS.md, person-page). One name
 * always goes with one text (checked). PGlite ignores the name and runs the text.
 */
export async function preparedRows<T>(tx: Db, name: string, text: string, values: readonly unknown[] = []): Promise<T[]> {
  const known = preparedTexts.get(name);
  if (known === undefined) preparedTexts.set(name, text);
  else if (known !== text) throw new Error(`prepared statement ${name} was given another text`);
  const session = (tx as unknown as { session: SessionLike }).session;
  const res = (await session.prepareQuery(session.dialect.sqlToQuery(fromText(text, values)), undefined, name, false).execute()) as { rows: T[] };
  return res.rows;
}

/**
 * A prepared statement's name for SQL text built from parts (filters, scopes): one name per distinct
 * text, so each variant is prepared once per connection.
 */
export function statementName(prefix: string, text: string): string {
  return `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
}
