import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Db } from './client.ts';

/** A value for COPY's text format: \N for null; backslash, tab, newline and carriage return escaped. */
export function copyValue(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  const s = String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

async function* batches(lines: AsyncIterable<string> | Iterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let buf = '';
  for await (const line of lines) {
    buf += line;
    if (buf.length >= size) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

/**
 * Streams rows into `COPY <target> FROM STDIN` (text format) inside the caller's transaction.
 * `lines` are complete rows ending in "\n", built with copyValue. On PostgreSQL the rows go to the
 * server while they are produced; PGlite (in-process, one query at a time) takes them as one blob.
 */
export async function copyRows(
  kind: Database['kind'],
  tx: Db,
  target: string,
  lines: AsyncIterable<string> | Iterable<string>,
  opts: { asOwner?: boolean } = {},
): Promise<void> {
  const client = (tx as unknown as { session: { client: unknown } }).session.client;
  const q = client as { query: (q: string, p?: unknown[], o?: { blob: Blob }) => Promise<{ rows: { role: string }[] }> };
  // PGlite reads its blob as a server file, which only roles with pg_read_server_files may, and
  // PostgreSQL refuses COPY FROM into a table under a row-level policy: for those the COPY alone
  // runs as the owner of the tables (the session's own role), and the transaction's role is
  // restored right after. The caller vouches for the rows (see payment-list.ts).
  const asOwner = opts.asOwner === true || kind === 'pglite';
  const role = asOwner ? (await q.query(`SELECT current_setting('role') AS role`)).rows[0]!.role : null;
  if (asOwner) await q.query('RESET ROLE');
  let failed = false;
  try {
    if (kind === 'postgres') {
      const stream = (client as { query: (q: unknown) => NodeJS.WritableStream }).query(copyFrom(`COPY ${target} FROM STDIN`));
      await pipeline(Readable.from(batches(lines)), stream as unknown as NodeJS.WritableStream);
    } else {
      const parts: string[] = [];
      for await (const b of batches(lines, 1024 * 1024)) parts.push(b);
      await q.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob(parts) });
    }
  } catch (err) {
    // The transaction is aborted: the caller rolls back to a savepoint taken before, which also
    // restores the role, or lets the whole transaction go.
    failed = true;
    throw err;
  } finally {
    if (asOwner && !failed) await q.query(`SELECT set_config('role', $1, true)`, [role]);
  }
}
