import { createHash, hash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  nameKey,
  normaliseName,
  paymentColumn,
  paymentLineKey,
  PAYMENT_LIST_COLUMNS,
  readPaymentLine,
  REQUIRED_PAYMENT_COLUMNS,
  type LineProblem,
  type PaymentLine,
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

/**
 * CSV records with their line numbers: BOM ignored, comma, semicolon or tab found from the header.
 * A file without quotes (as IMDi Tilskudd writes it) is split line by line; one with quotes goes
 * through csv-parse. Synchronous: the whole file is in memory, and the caller checks lines in
 * chunks (one await per chunk, not per line).
 */
function* csvRecords(buf: Buffer): Generator<Rec> {
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length).replace(/\r$/, '');
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  if (!text.includes('"')) {
    let line = 0;
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      line++;
      const row = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
      const cells = row.split(delimiter);
      for (let i = 0; i < cells.length; i++) cells[i] = cells[i]!.trim();
      yield { line, cells };
      start = end + 1;
    }
    return;
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true, info: true, relax_quotes: true }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    throw new AppError('VALIDATION', `Line ${line}: the file is not valid CSV (${(err as Error).message.split('\n')[0]})`, { fields: [{ path: `line.${line}`, message: 'is not valid CSV' }] });
  }
  for (const r of records) yield { line: r.info.lines, cells: r.record };
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
async function xlsxRecords(buf: Buffer): Promise<Rec[]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', 'The file is not a readable XLSX workbook', { fields: [{ path: 'body', message: 'is not an XLSX workbook' }] });
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  let expect = 1;
  const out: Rec[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    for (; expect < n; expect++) out.push({ line: expect, cells: [] });
    const values = (row.values as unknown[]).slice(1).map(cellText);
    out.push({ line: n, cells: values });
    expect = n + 1;
  });
  return out;
}

export type ImportOptions = { dryRun: boolean; mode: 'all' | 'valid_only' };

/** The request body in memory (the size limit enforced on the way) and its SHA-256. */
async function readBody(body: AsyncIterable<Buffer | string>): Promise<{ buf: Buffer; sha: string }> {
  const hash = createHash('sha256');
  const parts: Buffer[] = [];
  for await (const c of hashed(body, hash)) parts.push(c);
  return { buf: Buffer.concat(parts), sha: hash.digest('hex') };
}

type Header = { columns: (PaymentListColumn | null)[]; problems: LineProblem[] };

function readHeader(first: Rec): Header {
  const header = first.cells.map((h) => h.replace(/^\uFEFF/, '').trim());
  const problems: LineProblem[] = [];
  const columns: (PaymentListColumn | null)[] = header.map((h) => {
    if (h === '') return null;
    const c = paymentColumn(h);
    if (!c) problems.push({ line: first.line, column: h, message: `Unknown column "${h}". Expected: ${PAYMENT_LIST_COLUMNS.join(', ')}` });
    return c ?? null;
  });
  for (const c of REQUIRED_PAYMENT_COLUMNS) if (!columns.includes(c)) problems.push({ line: first.line, column: c, message: `The column "${c}" is missing` });
  const twice = columns.find((c, i) => c !== null && columns.indexOf(c) !== i);
  if (twice) problems.push({ line: first.line, column: twice, message: `The column "${twice}" appears twice` });
  return { columns, problems };
}

/** A text value for a COPY row (\\N for none). Only free text needs copyValue's escaping. */
const copyText = (v: string | null): string => (v === null ? '\\N' : copyValue(v));
/** A value whose format the line check has proven (digits, ISO dates, terms, codes): nothing to escape. */
const plain = (v: string | null): string => (v === null ? '\\N' : v);

/**
 * One pass over the file's lines: checks each, turns the valid ones into COPY rows, keeps the
 * tally. Synchronous, in chunks: `chunks()` checks lines until a chunk of rows is full, so the
 * caller awaits once a chunk and not once a line.
 */
class Pass {
  lines = 0;
  valid = 0;
  empty = 0;
  readonly problems: LineProblem[] = [];
  readonly problemLines = new Set<number>();
  readonly terms = new Set<string>();
  /** The first line of each distinct line, by the line's hash (the stored lines' unique key). */
  private readonly seenLine = new Map<string, number>();
  /** The first line paying a person (by fødselsnummer, or DUF number) a grant in a term: term → code → who → line. */
  private readonly seenPersonTerm = new Map<string, Map<string, { byNationalId: Map<string, number>; byDuf: Map<string, number> }>>();
  /** People by fødselsnummer and DUF number: lines naming them are matched as they are stored. */
  match: { byNationalId: Map<string, string>; byDuf: Map<string, string> } | null = null;
  constructor(private readonly records: Iterator<Rec>, private readonly columns: (PaymentListColumn | null)[]) {}

  private note(p: LineProblem) {
    this.problemLines.add(p.line);
    if (this.problems.length < MAX_PROBLEMS_SHOWN) this.problems.push(p);
  }

  /** The line paying the same person the same grant in the same term earlier, or undefined (and this line noted as the first). */
  private samePersonTerm(l: PaymentLine): number | undefined {
    if (!l.nationalId && !l.dufNumber) return undefined;
    let byCode = this.seenPersonTerm.get(l.term);
    if (!byCode) this.seenPersonTerm.set(l.term, (byCode = new Map()));
    let who = byCode.get(l.code);
    if (!who) byCode.set(l.code, (who = { byNationalId: new Map(), byDuf: new Map() }));
    const seen = l.nationalId ? who.byNationalId : who.byDuf;
    const id = (l.nationalId ?? l.dufNumber)!;
    const prev = seen.get(id);
    if (prev === undefined) seen.set(id, l.line);
    return prev;
  }

  /** Checks one record; returns its COPY row (after `prefix`, ending in a newline) when the line is valid. */
  private check(rec: Rec): string | null {
    const cells = rec.cells;
    let blank = true;
    for (let i = 0; i < cells.length; i++) {
      if (cells[i]!.trim() !== '') {
        blank = false;
        break;
      }
    }
    if (blank) {
      this.empty++;
      return null;
    }
    this.lines++;
    const values: Partial<Record<PaymentListColumn, string>> = {};
    const columns = this.columns;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      if (c) values[c] = cells[i] ?? '';
    }
    const r = readPaymentLine(rec.line, values);
    if (!r.ok) {
      for (const p of r.problems) this.note(p);
      return null;
    }
    const l = r.value;
    // Two lines are the same line when every field but the line number is equal: the SHA-1 of
    // that key is the stored lines' unique key, so it is also the key here.
    const lineHash = hash('sha1', paymentLineKey(l), 'base64');
    const before = this.seenLine.get(lineHash);
    if (before !== undefined) {
      this.note({ line: rec.line, column: null, message: `is the same line as line ${before}` });
      return null;
    }
    this.seenLine.set(lineHash, rec.line);
    const prev = this.samePersonTerm(l);
    if (prev !== undefined) {
      this.note({ line: rec.line, column: null, message: `pays the same person ${l.code} for term ${l.term} again (line ${prev})` });
      return null;
    }
    this.valid++;
    this.terms.add(l.term);
    const byId = l.nationalId ? this.match?.byNationalId.get(l.nationalId) : undefined;
    const byDuf = byId === undefined && l.dufNumber ? this.match?.byDuf.get(l.dufNumber) : undefined;
    const person = byId ?? byDuf;
    return (
      `${l.line}\t${l.term}\t${l.code}\t${l.amountOre}\t${plain(l.nationalId)}\t${plain(l.dufNumber)}\t` +
      `${copyText(l.name)}\t${l.name ? copyText(normaliseName(l.name)) : '\\N'}\t${l.name ? copyText(nameKey(l.name)) : '\\N'}\t` +
      `${plain(l.birthDate)}\t${plain(l.settlementDate)}\t${plain(l.municipalityNumber)}\t${plain(l.paidDate)}\t${lineHash}\t` +
      (person === undefined ? '\\N\t\\N\t\\N\n' : `${person}\t${byId ? 'national_id' : 'duf_number'}\t1\n`)
    );
  }

  /** The valid lines as COPY rows, each row after `prefix`, in chunks of about `size` characters. */
  *chunks(prefix = '', size = 256 * 1024): Generator<string> {
    let out = '';
    for (let it = this.records.next(); !it.done; it = this.records.next()) {
      const row = this.check(it.value);
      if (row === null) continue;
      out += prefix + row;
      if (out.length >= size) {
        yield out;
        out = '';
      }
    }
    if (out) yield out;
  }

  drain(): void {
    for (let it = this.records.next(); !it.done; it = this.records.next()) this.check(it.value);
  }
}

const LINES_COLUMNS = '(line_no, term, code, amount_ore, national_id, duf_number, name, name_key, name_skeleton, birth_date, settlement_date, municipality_number, paid_date, line_hash, person_id, match_method, match_score)';
const LINES_TARGET = `grant_payment_lines (municipality_id, list_id, ${LINES_COLUMNS.slice(1)}`;
const TEMP_TARGET = `grant_lines_in ${LINES_COLUMNS}`;

/**
 * Imports IMDi's payment list (docs/grants.md). Each line is checked; the valid lines are streamed
 * with COPY straight into the stored lines (a line already stored from an overlapping list is added
 * once). Nothing is written when the header is wrong, when mode is `all` and a line has a problem,
 * on a dry run, or when the same file was imported before. Lines are matched to people by
 * fødselsnummer or DUF number here; by name and birth date when the year is reconciled.
 */
export async function importPaymentList(deps: Deps, ctx: Ctx, body: AsyncIterable<Buffer | string>, contentType: string, opts: ImportOptions) {
  const { buf, sha } = await readBody(body);
  const kind = contentType === XLSX ? 'xlsx' : 'csv';
  const open = async () => {
    const records: Iterator<Rec> = kind === 'xlsx' ? (await xlsxRecords(buf))[Symbol.iterator]() : csvRecords(buf);
    const first = records.next();
    if (first.done) throw new AppError('VALIDATION', 'The file is empty', { fields: [{ path: 'body', message: 'is empty' }] });
    const header = readHeader(first.value);
    return { header, pass: new Pass(records, header.columns) };
  };
  const report = (pass: Pass, over: { imported: number; alreadyStored: number; alreadyImported: boolean; listId: string | null }) => ({
    dryRun: opts.dryRun,
    lines: pass.lines,
    validLines: pass.valid,
    problemLines: pass.problemLines.size,
    emptyLines: pass.empty,
    problems: pass.problems.sort((a, b) => a.line - b.line),
    terms: [...pass.terms].sort(),
    ...over,
  });
  const m = ctx.actor.municipalityId;
  // Lines naming a person by fødselsnummer or DUF number are matched on the way in; the others
  // (name and birth date) when the year is reconciled.
  const loadMatch = async () => {
    const people = await rows<{ id: string; national_id: string | null; duf_number: string | null }>(
      ctx.tx,
      'SELECT id, national_id, duf_number FROM persons WHERE municipality_id = $1 AND (national_id IS NOT NULL OR duf_number IS NOT NULL)',
      [m],
    );
    const byNationalId = new Map<string, string>();
    const byDuf = new Map<string, string>();
    for (const p of people) {
      if (p.national_id) byNationalId.set(p.national_id, p.id);
      if (p.duf_number) byDuf.set(p.duf_number, p.id);
    }
    return { byNationalId, byDuf };
  };
  const { header, pass } = await open();
  if (header.problems.length > 0) {
    return { dryRun: opts.dryRun, alreadyImported: false, lines: 0, validLines: 0, imported: 0, alreadyStored: 0, problemLines: 1, emptyLines: 0, problems: header.problems, terms: [], listId: null };
  }
  const existing = await rows<{ id: string }>(ctx.tx, 'SELECT id FROM grant_payment_lists WHERE municipality_id = $1 AND file_sha256 = $2', [m, sha]);
  if (opts.dryRun || existing[0]) {
    pass.drain();
    return report(pass, { imported: 0, alreadyStored: existing[0] ? pass.valid : 0, alreadyImported: !!existing[0], listId: existing[0]?.id ?? null });
  }

  // The lines go straight into grant_payment_lines with COPY, under a savepoint. PostgreSQL refuses
  // COPY FROM for a role a row-level policy applies to, so the COPY alone runs as the tables' owner
  // (copyRows, asOwner); every row's municipality is the signed-in user's, set here and not read
  // from the file — what the policy's WITH CHECK would require. The savepoint is rolled back when
  // nothing may be written (problems in `all` mode).
  const newList = async () =>
    (
      await rows<{ id: string }>(
        ctx.tx,
        `INSERT INTO grant_payment_lists (municipality_id, file_sha256, file_kind, lines, imported_lines, terms, imported_at, imported_by)
         VALUES ($1, $2, $3, 0, 0, '{}', $4, $5) RETURNING id`,
        [m, sha, kind, ctx.now.toISOString(), ctx.actor.userId],
      )
    )[0]!.id;
  const match = await loadMatch();
  pass.match = match;
  await rows(ctx.tx, 'SAVEPOINT payment_list');
  let listId = await newList();
  let done = pass;
  let imported: number;
  try {
    await copyRows(deps.database.kind, ctx.tx, LINES_TARGET, pass.chunks(`${copyValue(m)}\t${copyValue(listId)}\t`), { asOwner: true });
    imported = pass.valid;
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err;
    // A line is stored already from an earlier, overlapping list: read the file again into a
    // temporary table and add only the lines not stored yet.
    await rows(ctx.tx, 'ROLLBACK TO SAVEPOINT payment_list');
    listId = await newList();
    done = (await open()).pass;
    done.match = match;
    await rows(
      ctx.tx,
      `CREATE TEMP TABLE grant_lines_in (line_no int, term text, code text, amount_ore bigint, national_id text, duf_number text, name text, name_key text, name_skeleton text,
         birth_date date, settlement_date date, municipality_number text, paid_date date, line_hash text, person_id uuid, match_method text, match_score real) ON COMMIT DROP`,
    );
    await copyRows(deps.database.kind, ctx.tx, TEMP_TARGET, done.chunks());
    const inserted = await rows<{ n: string }>(
      ctx.tx,
      `WITH ins AS (
         INSERT INTO grant_payment_lines (municipality_id, list_id, ${LINES_COLUMNS.slice(1, -1)})
         SELECT $1, $2, ${LINES_COLUMNS.slice(1, -1)} FROM grant_lines_in
         ON CONFLICT (municipality_id, line_hash) DO NOTHING
         RETURNING 1)
       SELECT count(*)::text AS n FROM ins`,
      [m, listId],
    );
    imported = Number(inserted[0]!.n);
    await rows(ctx.tx, 'DROP TABLE grant_lines_in');
  }
  if ((done.problemLines.size > 0 && opts.mode === 'all') || done.valid === 0) {
    await rows(ctx.tx, 'ROLLBACK TO SAVEPOINT payment_list');
    return report(done, { imported: 0, alreadyStored: 0, alreadyImported: false, listId: null });
  }
  await rows(ctx.tx, 'UPDATE grant_payment_lists SET lines = $2, imported_lines = $3, terms = $4 WHERE id = $1', [listId, done.lines, imported, `{${[...done.terms].sort().join(',')}}`]);
  await rows(ctx.tx, 'RELEASE SAVEPOINT payment_list');
  await ctx.audit({ action: 'grants.payment_list.import', subjectType: 'grant_payment_list', subjectId: listId, categories: ['identity', 'economy'] });
  return report(done, { imported, alreadyStored: done.valid - imported, alreadyImported: false, listId });
}
