import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import {
  nameKey,
  normaliseName,
  paymentColumn,
  paymentLineKey,
  paymentPersonTermKey,
  PAYMENT_LIST_COLUMNS,
  readPaymentLine,
  REQUIRED_PAYMENT_COLUMNS,
  type LineProblem,
  type PaymentListColumn,
} from '@eidor/domain';
import { copyRows, copyValue } from '../../db/copy.ts';
import { rows } from '../../db/raw.ts';
import type { Ctx, Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

export const MAX_PROBLEMS_SHOWN = 1000;
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Rec = { line: number; cells: string[] };

/** The request body as chunks, hashed and counted on the way (the size limit is enforced here). */
async function* hashed(body: AsyncIterable<Buffer | string>, hash: ReturnType<typeof createHash>): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const c of body) {
    const b = typeof c === 'string' ? Buffer.from(c) : c;
    bytes += b.length;
    if (bytes > MAX_FILE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    hash.update(b);
    yield b;
  }
}

/** CSV records with their line numbers: BOM ignored, comma or semicolon found from the header. */
async function* csvRecords(chunks: AsyncGenerator<Buffer>): AsyncGenerator<Rec> {
  const head: Buffer[] = [];
  let text = '';
  for (;;) {
    const n = await chunks.next();
    if (n.done) break;
    head.push(n.value);
    text += n.value.toString('utf8');
    if (text.includes('\n') || text.length > 64 * 1024) break;
  }
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  async function* all() {
    yield* head;
    yield* chunks;
  }
  const parser = Readable.from(all()).pipe(parse({ delimiter, relax_column_count: true, skip_empty_lines: false, bom: true, trim: true, info: true, relax_quotes: true }));
  try {
    for await (const r of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) yield { line: r.info.lines, cells: r.record };
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    throw new AppError('VALIDATION', `Line ${line}: the file is not valid CSV (${(err as Error).message.split('\n')[0]})`, { fields: [{ path: `line.${line}`, message: 'is not valid CSV' }] });
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.result !== undefined) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
  }
  return String(v).trim();
}

/** The first worksheet's rows of an XLSX file (row numbers as Excel shows them). */
async function* xlsxRecords(chunks: AsyncGenerator<Buffer>): AsyncGenerator<Rec> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', 'The file is not a readable XLSX workbook', { fields: [{ path: 'body', message: 'is not an XLSX workbook' }] });
  }
  const ws = wb.worksheets[0];
  if (!ws) return;
  let expect = 1;
  const out: Rec[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    for (; expect < n; expect++) out.push({ line: expect, cells: [] });
    const values = (row.values as unknown[]).slice(1).map(cellText);
    out.push({ line: n, cells: values });
    expect = n + 1;
  });
  yield* out;
}

export type ImportOptions = { dryRun: boolean; mode: 'all' | 'valid_only' };

const LINES_COLUMNS = '(line_no, term, code, amount_ore, national_id, duf_number, name, name_key, name_skeleton, birth_date, settlement_date, municipality_number, paid_date, line_hash)';
const LINES_TARGET = `grant_payment_lines (municipality_id, list_id, ${LINES_COLUMNS.slice(1)}`;
const COPY_TARGET = 'grant_lines_in (line_no, term, code, amount_ore, national_id, duf_number, name, name_key, name_skeleton, birth_date, settlement_date, municipality_number, paid_date, line_hash)';

/**
 * Imports IMDi's payment list (docs/grants.md): the file is read as it arrives, each line checked,
 * the valid lines streamed with COPY into a temporary table and from there added to the stored
 * lines (a line already stored is not added again). Matching lines to people is the
 * reconciliation's first step. Nothing is written when the header is wrong,
 * when mode is `all` and a line has a problem, on a dry run, or when the same file was imported before.
 */
export async function importPaymentList(deps: Deps, ctx: Ctx, body: AsyncIterable<Buffer | string>, contentType: string, opts: ImportOptions) {
  const hash = createHash('sha256');
  const chunks = hashed(body, hash);
  const kind = contentType === XLSX ? 'xlsx' : 'csv';
  const records = kind === 'xlsx' ? xlsxRecords(chunks) : csvRecords(chunks);

  const first = await records.next();
  if (first.done) throw new AppError('VALIDATION', 'The file is empty', { fields: [{ path: 'body', message: 'is empty' }] });
  const header = first.value.cells.map((h) => h.replace(/^\uFEFF/, '').trim());
  const problems: LineProblem[] = [];
  const columns: (PaymentListColumn | null)[] = header.map((h) => {
    if (h === '') return null;
    const c = paymentColumn(h);
    if (!c) problems.push({ line: first.value.line, column: h, message: `Unknown column "${h}". Expected: ${PAYMENT_LIST_COLUMNS.join(', ')}` });
    return c ?? null;
  });
  for (const c of REQUIRED_PAYMENT_COLUMNS) if (!columns.includes(c)) problems.push({ line: first.value.line, column: c, message: `The column "${c}" is missing` });
  const twice = columns.find((c, i) => c !== null && columns.indexOf(c) !== i);
  if (twice) problems.push({ line: first.value.line, column: twice, message: `The column "${twice}" appears twice` });
  if (problems.length > 0) {
    for await (const _ of records) void _; // read to the end so the request completes
    return { dryRun: opts.dryRun, alreadyImported: false, lines: 0, validLines: 0, imported: 0, alreadyStored: 0, problemLines: 1, emptyLines: 0, problems, terms: [], listId: null };
  }

  let lines = 0;
  let valid = 0;
  let empty = 0;
  const problemLines = new Set<number>();
  const seenLine = new Map<string, number>();
  const seenPersonTerm = new Map<string, number>();
  const terms = new Set<string>();
  const note = (p: LineProblem) => {
    problemLines.add(p.line);
    if (problems.length < MAX_PROBLEMS_SHOWN) problems.push(p);
  };

  async function* validLines(): AsyncGenerator<string> {
    for await (const rec of records) {
      if (rec.cells.every((c) => c.trim() === '')) {
        empty++;
        continue;
      }
      lines++;
      const values: Partial<Record<PaymentListColumn, string>> = {};
      columns.forEach((c, i) => {
        if (c) values[c] = rec.cells[i] ?? '';
      });
      const r = readPaymentLine(rec.line, values);
      if (!r.ok) {
        for (const p of r.problems) note(p);
        continue;
      }
      const l = r.value;
      const key = paymentLineKey(l);
      const before = seenLine.get(key);
      if (before !== undefined) {
        note({ line: rec.line, column: null, message: `is the same line as line ${before}` });
        continue;
      }
      seenLine.set(key, rec.line);
      const pt = paymentPersonTermKey(l);
      if (pt) {
        const prev = seenPersonTerm.get(pt);
        if (prev !== undefined) {
          note({ line: rec.line, column: null, message: `pays the same person ${l.code} for term ${l.term} again (line ${prev})` });
          continue;
        }
        seenPersonTerm.set(pt, rec.line);
      }
      valid++;
      terms.add(l.term);
      const lineHash = createHash('sha1').update(key).digest('base64');
      yield [
        l.line, l.term, l.code, l.amountOre, l.nationalId, l.dufNumber, l.name, l.name ? normaliseName(l.name) : null, l.name ? nameKey(l.name) : null, l.birthDate, l.settlementDate,
        l.municipalityNumber, l.paidDate, lineHash,
      ]
        .map(copyValue)
        .join('\t') + '\n';
    }
  }

  const report = (over: { imported: number; alreadyStored: number; alreadyImported: boolean; listId: string | null }) => ({
    dryRun: opts.dryRun,
    lines,
    validLines: valid,
    problemLines: problemLines.size,
    emptyLines: empty,
    problems: problems.sort((a, b) => a.line - b.line),
    terms: [...terms].sort(),
    ...over,
  });

  if (opts.dryRun) {
    for await (const _ of validLines()) void _;
    return report({ imported: 0, alreadyStored: 0, alreadyImported: false, listId: null });
  }
  // The lines go straight into grant_payment_lines with COPY, under a savepoint. PostgreSQL refuses
  // COPY FROM for a role a row-level policy applies to, so the COPY alone runs as the tables' owner
  // (copyRows, asOwner); every row's municipality is the signed-in user's, set here and not read
  // from the file — what the policy's WITH CHECK would require. The savepoint is rolled back when
  // nothing may be written (problems in `all` mode, the same file again).
  const m = ctx.actor.municipalityId;
  await rows(ctx.tx, 'SAVEPOINT payment_list');
  const list = await rows<{ id: string }>(
    ctx.tx,
    `INSERT INTO grant_payment_lists (municipality_id, file_sha256, file_kind, lines, imported_lines, terms, imported_at, imported_by)
     VALUES ($1, $2, $3, 0, 0, '{}', $4, $5) RETURNING id`,
    [m, `pending ${ctx.requestId}`, kind, ctx.now.toISOString(), ctx.actor.userId],
  );
  const listId = list[0]!.id;
  const kept: string[] = [];
  const prefix = `${copyValue(m)}\t${copyValue(listId)}\t`;
  async function* direct(): AsyncGenerator<string> {
    for await (const body of validLines()) {
      kept.push(body);
      yield prefix + body;
    }
  }
  let overlap = false;
  try {
    await copyRows(deps.database.kind, ctx.tx, LINES_TARGET, direct(), { asOwner: true });
  } catch (err) {
    // A line stored from an earlier, overlapping list: take the slower road below.
    if ((err as { code?: string }).code !== '23505') throw err;
    overlap = true;
    await rows(ctx.tx, 'ROLLBACK TO SAVEPOINT payment_list');
  }
  const sha = hash.digest('hex');
  if (problemLines.size > 0 && opts.mode === 'all') {
    await rows(ctx.tx, 'ROLLBACK TO SAVEPOINT payment_list');
    return report({ imported: 0, alreadyStored: 0, alreadyImported: false, listId: null });
  }
  const existing = await rows<{ id: string }>(ctx.tx, 'SELECT id FROM grant_payment_lists WHERE municipality_id = $1 AND file_sha256 = $2', [m, sha]);
  if (existing[0]) {
    await rows(ctx.tx, 'ROLLBACK TO SAVEPOINT payment_list');
    return report({ imported: 0, alreadyStored: valid, alreadyImported: true, listId: existing[0].id });
  }
  if (valid === 0) {
    await rows(ctx.tx, 'ROLLBACK TO SAVEPOINT payment_list');
    return report({ imported: 0, alreadyStored: 0, alreadyImported: false, listId: null });
  }
  let imported = valid;
  let id = listId;
  if (overlap) {
    // Through a temporary table, adding only the lines not stored yet.
    const again = await rows<{ id: string }>(
      ctx.tx,
      `INSERT INTO grant_payment_lists (municipality_id, file_sha256, file_kind, lines, imported_lines, terms, imported_at, imported_by)
       VALUES ($1, $2, $3, 0, 0, '{}', $4, $5) RETURNING id`,
      [m, `pending ${ctx.requestId}`, kind, ctx.now.toISOString(), ctx.actor.userId],
    );
    id = again[0]!.id;
    await rows(
      ctx.tx,
      `CREATE TEMP TABLE grant_lines_in (line_no int, term text, code text, amount_ore bigint, national_id text, duf_number text, name text, name_key text, name_skeleton text,
         birth_date date, settlement_date date, municipality_number text, paid_date date, line_hash text) ON COMMIT DROP`,
    );
    await copyRows(deps.database.kind, ctx.tx, COPY_TARGET, kept, { asOwner: deps.database.kind === 'pglite' });
    const inserted = await rows<{ n: string }>(
      ctx.tx,
      `WITH ins AS (
         INSERT INTO grant_payment_lines (municipality_id, list_id, line_no, term, code, amount_ore, national_id, duf_number, name, name_key, name_skeleton, birth_date,
                                          settlement_date, municipality_number, paid_date, line_hash)
         SELECT $1, $2, line_no, term, code, amount_ore, national_id, duf_number, name, name_key, name_skeleton, birth_date, settlement_date, municipality_number, paid_date, line_hash
           FROM grant_lines_in
         ON CONFLICT (municipality_id, line_hash) DO NOTHING
         RETURNING 1)
       SELECT count(*)::text AS n FROM ins`,
      [m, id],
    );
    imported = Number(inserted[0]!.n);
    await rows(ctx.tx, 'DROP TABLE grant_lines_in');
  }
  await rows(ctx.tx, 'UPDATE grant_payment_lists SET file_sha256 = $2, lines = $3, imported_lines = $4, terms = $5 WHERE id = $1', [
    id, sha, lines, imported, `{${[...terms].sort().join(',')}}`,
  ]);
  await rows(ctx.tx, 'RELEASE SAVEPOINT payment_list');
  const listIdOut = id;
  await ctx.audit({ action: 'grants.payment_list.import', subjectType: 'grant_payment_list', subjectId: listIdOut, categories: ['identity', 'economy'] });
  return report({ imported, alreadyStored: valid - imported, alreadyImported: false, listId: listIdOut });
}
