import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { DISTRIBUTION_LIST_COLUMNS, PersonFields, REQUIRED_IMPORT_COLUMNS } from '@eidor/contract';
import { parseNorwegianOrIsoDate } from '@eidor/domain';

export type ImportProblem = { line: number; column: string | null; message: string };
export type ImportRow = { line: number; reference: string; offeredDate: string; person: z.output<typeof PersonFields> };
export type ImportHousehold = { reference: string; offeredDate: string; rows: ImportRow[] };

const FIELD_OF_COLUMN: Record<string, string> = {
  given_name: 'givenName',
  family_name: 'familyName',
  birth_date: 'birthDate',
  sex: 'sex',
  household_role: 'householdRole',
  duf_number: 'dufNumber',
  arrival_category: 'arrivalCategory',
  permit_type: 'permitType',
  permit_date: 'permitDate',
  nationality: 'nationality',
  languages: 'languages',
};
const COLUMN_OF_FIELD = Object.fromEntries(Object.entries(FIELD_OF_COLUMN).map(([c, f]) => [f, c]));

const SEX: Record<string, string> = { k: 'female', kvinne: 'female', f: 'female', female: 'female', m: 'male', mann: 'male', male: 'male', u: 'unknown', ukjent: 'unknown', unknown: 'unknown' };
const ROLE: Record<string, string> = {
  hovedperson: 'head', head: 'head', søker: 'head', ektefelle: 'spouse', spouse: 'spouse', partner: 'spouse', barn: 'child', child: 'child', annen: 'other', other: 'other',
};

/**
 * Reads IMDi's distribution list as the municipality downloads it (docs/imports.md): UTF-8 with or
 * without a byte-order mark, comma or semicolon separated, dates as YYYY-MM-DD or DD.MM.YYYY.
 * One row per person; rows with the same imdi_reference are one household. Returns the households
 * and every problem, each naming its line (1 = the header) and column.
 */
export function readDistributionList(text: string): { households: ImportHousehold[]; problems: ImportProblem[]; rows: number; invalidReferences: Set<string> } {
  const problems: ImportProblem[] = [];
  const invalidReferences = new Set<string>();
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return { households: [], problems: [{ line, column: null, message: `The file is not valid CSV: ${(err as Error).message.split('\n')[0]}` }], rows: 0, invalidReferences };
  }
  if (records.length === 0) return { households: [], problems: [{ line: 1, column: null, message: 'The file is empty' }], rows: 0, invalidReferences };
  const header = records[0]!.map((h) => h.trim().toLowerCase());
  const known = new Set<string>(DISTRIBUTION_LIST_COLUMNS);
  for (const h of header) if (!known.has(h)) problems.push({ line: 1, column: h, message: `Unknown column "${h}". Expected: ${DISTRIBUTION_LIST_COLUMNS.join(', ')}` });
  for (const c of REQUIRED_IMPORT_COLUMNS) if (!header.includes(c)) problems.push({ line: 1, column: c, message: `The column "${c}" is missing` });
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup) problems.push({ line: 1, column: dup, message: `The column "${dup}" appears twice` });
  if (problems.length > 0) return { households: [], problems, rows: records.length - 1, invalidReferences };

  const byRef = new Map<string, ImportHousehold>();
  const seen = new Map<string, number>();
  records.slice(1).forEach((rec, i) => {
    const line = i + 2;
    if (rec.length !== header.length) {
      problems.push({ line, column: null, message: `Has ${rec.length} fields; the header has ${header.length}` });
      return;
    }
    const v = (c: string) => {
      const x = rec[header.indexOf(c)];
      return x === undefined || x === '' ? null : x;
    };
    const rowProblems: ImportProblem[] = [];
    const date = (c: string, required: boolean): string | null => {
      const raw = v(c);
      if (raw === null) {
        if (required) rowProblems.push({ line, column: c, message: 'is required' });
        return null;
      }
      const d = parseNorwegianOrIsoDate(raw);
      if (!d) rowProblems.push({ line, column: c, message: `"${raw}" is not a real date (YYYY-MM-DD or DD.MM.YYYY)` });
      return d ?? null;
    };
    const reference = v('imdi_reference');
    if (!reference) rowProblems.push({ line, column: 'imdi_reference', message: 'is required' });
    else if (reference.length > 40) rowProblems.push({ line, column: 'imdi_reference', message: 'is longer than 40 characters' });
    const offeredDate = date('offered_date', true);
    const birthDate = date('birth_date', true);
    const permitDate = date('permit_date', false);
    const sexRaw = v('sex')?.toLowerCase() ?? null;
    const roleRaw = v('household_role')?.toLowerCase() ?? null;
    const candidate = {
      givenName: v('given_name') ?? '',
      familyName: v('family_name') ?? '',
      birthDate: birthDate ?? '',
      sex: sexRaw === null ? '' : (SEX[sexRaw] ?? sexRaw),
      dufNumber: v('duf_number'),
      arrivalCategory: v('arrival_category'),
      permitType: v('permit_type'),
      permitDate,
      nationality: v('nationality')?.toUpperCase() ?? null,
      languages: (v('languages') ?? '').split(/[|/ ]+/).map((s) => s.trim().toLowerCase()).filter(Boolean),
      householdRole: roleRaw === null ? null : (ROLE[roleRaw] ?? roleRaw),
    };
    const parsed = PersonFields.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const column = COLUMN_OF_FIELD[field] ?? null;
        // A date that failed above already has its message.
        if (rowProblems.some((p) => p.column === column)) continue;
        rowProblems.push({ line, column, message: issue.message });
      }
    }
    if (!candidate.householdRole) rowProblems.push({ line, column: 'household_role', message: 'is required (hovedperson, ektefelle, barn, annen)' });
    if (rowProblems.length === 0 && reference && offeredDate && parsed.success) {
      const identity = `${reference}|${parsed.data.givenName.toLowerCase()}|${parsed.data.familyName.toLowerCase()}|${parsed.data.birthDate}`;
      const first = seen.get(identity);
      if (first !== undefined) {
        rowProblems.push({ line, column: null, message: `Duplicate of line ${first}` });
      } else {
        seen.set(identity, line);
        const h = byRef.get(reference) ?? { reference, offeredDate, rows: [] };
        if (h.offeredDate !== offeredDate) rowProblems.push({ line, column: 'offered_date', message: `differs from the household's first row (${h.offeredDate})` });
        else {
          h.rows.push({ line, reference, offeredDate, person: parsed.data });
          byRef.set(reference, h);
        }
      }
    }
    if (rowProblems.length > 0 && reference) invalidReferences.add(reference);
    problems.push(...rowProblems);
  });
  for (const h of byRef.values()) {
    const heads = h.rows.filter((r) => r.person.householdRole === 'head');
    if (heads.length !== 1) {
      problems.push({ line: h.rows[0]!.line, column: 'household_role', message: `Household ${h.reference} has ${heads.length} main persons (hovedperson); it needs exactly one` });
      invalidReferences.add(h.reference);
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { households: [...byRef.values()], problems, rows: records.length - 1, invalidReferences };
}
