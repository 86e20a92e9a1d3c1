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
