import { once } from 'node:events';
import type { PassThrough, Writable } from 'node:stream';
import type { FindingView } from '@eidor/contract';
import type { z } from 'zod';
import { CATEGORY_NB, FINDING_NB, fmtDateTime, KIND_NB } from './present.ts';
import type { ReadRow } from './queries.ts';

// The access review's exports: XLSX (exceljs' streaming writer) or CSV (semicolon-separated with a
// byte-order mark, as Norwegian Excel opens it), written row by row as the rows are read. Each file
// begins with what it is, when and by whom it was exported, and the filter in words.

export type ExportHead = { title: string; lines: [string, string][] };
type Column = { header: string; width: number };

export const READ_COLUMNS: Column[] = [
  { header: 'Tidspunkt', width: 20 },
  { header: 'Bruker', width: 24 },
  { header: 'E-post', width: 28 },
  { header: 'Enhet', width: 22 },
  { header: 'Rolle', width: 16 },
  { header: 'Handling', width: 28 },
  { header: 'Type', width: 12 },
  { header: 'Person', width: 26 },
  { header: 'Person-id', width: 38 },
  { header: 'Kategorier', width: 26 },
  { header: 'Løpenummer', width: 12 },
];

export function readCells(r: ReadRow, personName: string | undefined): (string | number)[] {
  return [
    fmtDateTime(new Date(r.occurred_at)),
    r.user_name ?? '',
    r.user_email ?? '',
    r.unit_name ?? '',
    r.role ?? '',
    r.action,
    KIND_NB[r.kind] ?? r.kind,
    r.subject_id ? (personName ?? '–') : '(flere personer)',
    r.subject_id ?? '',
    r.categories.map((c) => CATEGORY_NB[c] ?? c).join(', '),
    r.seq === null ? '' : Number(r.seq),
  ];
}

export const FINDING_COLUMNS: Column[] = [
  { header: 'Mønster', width: 28 },
  { header: 'Bruker', width: 24 },
  { header: 'E-post', width: 28 },
  { header: 'Enhet', width: 22 },
  { header: 'Person', width: 26 },
  { header: 'Person-id', width: 38 },
  { header: 'Fra', width: 20 },
  { header: 'Til', width: 20 },
  { header: 'Antall', width: 8 },
  { header: 'Kategorier', width: 26 },
  { header: 'Begrunnelse', width: 80 },
];

export function findingCells(f: z.output<typeof FindingView>): (string | number)[] {
  return [
    FINDING_NB[f.kind] ?? f.kind,
    f.user?.name ?? '',
    f.user?.email ?? '',
    f.unit?.name ?? '',
    f.person?.name ?? '',
    f.person?.id ?? '',
    fmtDateTime(new Date(f.from)),
    fmtDateTime(new Date(f.to)),
    f.count,
    f.categories.map((c) => CATEGORY_NB[c] ?? c).join(', '),
    f.reason,
  ];
}

/** A sink for rows in one of the two formats; `end` finishes the file. */
export type RowSink = { add(cells: (string | number)[]): Promise<void>; end(): Promise<void> };

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** A cell that a spreadsheet would run as a formula is written as text (CSV injection). */
function csvCell(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function csvSink(out: PassThrough, head: ExportHead, columns: Column[]): Promise<RowSink> {
  await write(out, '\uFEFF');
  await write(out, `${csvCell(head.title)}\r\n`);
  for (const [k, v] of head.lines) await write(out, `${csvCell(k)};${csvCell(v)}\r\n`);
  await write(out, `\r\n${columns.map((c) => csvCell(c.header)).join(';')}\r\n`);
  return {
    add: (cells) => write(out, `${cells.map(csvCell).join(';')}\r\n`),
    end: async () => {
      out.end();
    },
  };
}

export async function xlsxSink(out: PassThrough, head: ExportHead, columns: Column[], sheetName: string, now: Date): Promise<RowSink> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Eidør';
  wb.created = now;
  const about = wb.addWorksheet('Om eksporten');
  about.columns = [{ width: 24 }, { width: 80 }];
  const title = about.addRow([head.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  for (const [k, v] of head.lines) {
    const r = about.addRow([k, v]);
    r.getCell(1).font = { bold: true };
    r.commit();
  }
  await about.commit();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let n = 0;
  return {
    add: async (cells) => {
      ws.addRow(cells).commit();
      // The writer has no backpressure of its own: let the zip stream drain now and then.
      if (++n % 500 === 0 && out.writableNeedDrain) await once(out, 'drain');
    },
    end: async () => {
      await ws.commit();
      await wb.commit();
    },
  };
}

export const CONTENT_TYPE = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
