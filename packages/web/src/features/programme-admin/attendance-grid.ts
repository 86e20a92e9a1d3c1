import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { AttendanceAbsence, FieldError, WeekGridRequest, WeekGridResponse } from '@eidor/contract';
import { addDays, compareDates } from '@eidor/domain';

export type WeekGrid = z.output<typeof WeekGridResponse>;
export type GridRow = WeekGrid['rows'][number];
export type AbsenceKind = z.output<typeof AttendanceAbsence>;
/** '' = nothing recorded yet; 'present' = no absence; else the absence kind of the hours not present. */
export type CellStatus = '' | 'present' | AbsenceKind;
export type MeasureEntry = { planId: string; measureNo: number; present: string; absent: string; unexcused: boolean };
export type Cell = { status: CellStatus; hours: string; planned: number; outside: boolean; measures: MeasureEntry[] };
/** personId → day → cell */
export type GridState = Record<string, Record<string, Cell>>;

export const ABSENCE_OPTIONS: AbsenceKind[] = ['self_certified', 'doctor_certified', 'child_sick', 'pregnancy', 'birth_mother', 'birth_father', 'welfare', 'unexcused', 'leave_without_benefit'];

/** Monday to Friday of the week starting on `weekStart`. */
export function weekDays(weekStart: string): string[] {
  return [0, 1, 2, 3, 4].map((n) => addDays(weekStart, n));
}

/** The Monday of the week a date falls in. */
export function mondayOf(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(iso, -weekday);
}

/** ISO week number (for the heading). */
export function isoWeekNumber(monday: string): number {
  const thursday = addDays(monday, 3);
  const [y] = thursday.split('-').map(Number) as [number];
  const jan4 = mondayOf(`${y}-01-04`);
  return Math.round((Date.parse(`${monday}T00:00:00Z`) - Date.parse(`${jan4}T00:00:00Z`)) / (7 * 86_400_000)) + 1;
}

const hoursText = (n: number) => String(n).replace('.', ',');

/** Norwegian or English decimal ("7,5", "7.5"); null when not a number. */
export function parseHours(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '' || !/^\d{1,2}(\.\d{1,2})?$/.test(t)) return null;
  return Number(t);
}

/** Planned hours of a day: as recorded, else a fifth of the weekly hours (7.5 when unknown). */
function plannedOf(row: GridRow): number {
  return row.weeklyHours ? Math.round((row.weeklyHours / 5) * 4) / 4 : 7.5;
}

export function gridFrom(week: WeekGrid): GridState {
  const state: GridState = {};
  for (const row of week.rows) {
    const cells: Record<string, Cell> = {};
    for (const day of weekDays(week.weekStart)) {
      const outside = compareDates(day, row.programmeStart ?? day) < 0 || (row.programmeEnd !== null && compareDates(day, row.programmeEnd) > 0);
      const rec = row.days.find((d) => d.day === day);
      const measures = row.measures.map((m) => {
        const saved = rec?.measures.find((x) => x.planId === m.planId && x.measureNo === m.measureNo);
        return { planId: m.planId, measureNo: m.measureNo, present: saved ? hoursText(saved.presentHours) : '', absent: saved && saved.absentHours > 0 ? hoursText(saved.absentHours) : '', unexcused: saved?.absenceKind === 'unexcused' && rec?.absenceKind !== 'unexcused' };
      });
      cells[day] = rec
        ? { status: rec.absenceKind ?? 'present', hours: hoursText(rec.presentHours), planned: rec.plannedHours, outside, measures }
        : { status: '', hours: '', planned: plannedOf(row), outside, measures };
    }
    state[row.personId] = cells;
  }
  return state;
}

/** The measures that run on a day (from the plan in force that day, as the server sends them). */
export function measuresOn(row: GridRow, day: string) {
  return row.measures.filter((m) => compareDates(day, m.from) >= 0 && compareDates(day, m.to) <= 0);
}

/** What a status means for the hours when the hours field is left empty. */
export function defaultHours(cell: Cell): number {
  return cell.status === 'present' ? cell.planned : 0;
}

export type ClientProblem = { personId: string; day: string; field: 'hours' | 'measures'; message: string };

/**
 * The request for every recorded day (nothing recorded = left out) and the problems the browser can
 * see before asking the server (hours that are not a number).
 */
export function requestFrom(week: WeekGrid, state: GridState, t: TFunction): { request: z.input<typeof WeekGridRequest> | null; problems: ClientProblem[] } {
  const problems: ClientProblem[] = [];
  const rows: z.input<typeof WeekGridRequest>['rows'] = [];
  for (const row of week.rows) {
    const days = [];
    for (const day of weekDays(week.weekStart)) {
      const cell = state[row.personId]?.[day];
      if (!cell || cell.outside || cell.status === '') continue;
      const hours = cell.hours.trim() === '' ? defaultHours(cell) : parseHours(cell.hours);
      if (hours === null) problems.push({ personId: row.personId, day, field: 'hours', message: t('programmeAdmin.attendance.hoursInvalid') });
      const measures = [];
      for (const m of cell.measures.filter((x) => measuresOn(row, day).some((r) => r.planId === x.planId && r.measureNo === x.measureNo))) {
        const present = m.present.trim() === '' ? 0 : parseHours(m.present);
        const absent = m.absent.trim() === '' ? 0 : parseHours(m.absent);
        if (present === null || absent === null) {
          problems.push({ personId: row.personId, day, field: 'measures', message: t('programmeAdmin.attendance.hoursInvalid') });
          continue;
        }
        if (present === 0 && absent === 0) continue;
        measures.push({ planId: m.planId, measureNo: m.measureNo, presentHours: present, absentHours: absent, absenceKind: absent > 0 && m.unexcused ? ('unexcused' as const) : null });
      }
      days.push({ day, plannedHours: cell.planned, presentHours: hours ?? 0, absenceKind: cell.status === 'present' ? null : cell.status, measures });
    }
    if (days.length > 0) rows.push({ personId: row.personId, days });
  }
  return { request: rows.length > 0 ? { weekStart: week.weekStart, rows } : null, problems };
}

export type CellErrors = Record<string, string[]>;
export const cellKey = (personId: string, day: string) => `${personId}|${day}`;

/** The server's field errors on the cells they concern (rows.N.days.M… → that participant's day). */
export function errorsOnCells(request: z.input<typeof WeekGridRequest>, fields: readonly FieldError[], message: (f: FieldError) => string): { cells: CellErrors; rows: Record<string, string[]>; other: string[] } {
  const cells: CellErrors = {};
  const rows: Record<string, string[]> = {};
  const other: string[] = [];
  for (const f of fields) {
    const m = /^rows\.(\d+)(?:\.days\.(-?\d+))?/.exec(f.path);
    const row = m ? request.rows[Number(m[1])] : undefined;
    const day = row && m?.[2] !== undefined ? row.days[Number(m[2])] : undefined;
    if (row && day) (cells[cellKey(row.personId, day.day)] ??= []).push(message(f));
    else if (row) (rows[row.personId] ??= []).push(message(f));
    else other.push(message(f));
  }
  return { cells, rows, other };
}

/** The server's English reasons for attendance in the user's words, with their figures. */
export function attendanceMessage(field: FieldError, t: TFunction, formatDate: (iso: string) => string): string {
  const m = field.message;
  let match: RegExpExecArray | null;
  const s = (key: string, values?: Record<string, unknown>) => String(t(`programmeAdmin.server.${key}` as never, values as never));
  const num = (x: string) => x.replace('.', ',');
  if (m.startsWith('is not a participant you register attendance for')) return s('notParticipant');
  if (m === 'is not in the week') return s('notInWeek');
  if ((match = /^is outside the programme \((\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2}|open)\)/.exec(m))) return s('outside', { from: formatDate(match[1]!), to: match[2] === 'open' ? '' : formatDate(match[2]!) });
  if (m === 'appears twice') return s('twice');
  if ((match = /^is more than the ([\d.]+) planned hours/.exec(m))) return s('morePresent', { hours: num(match[1]!) });
  if (m === 'is required for the hours not present') return s('kindRequired');
  if (m === 'is set although every planned hour was attended') return s('kindNotNeeded');
  if (m.startsWith('self-certification can be used only after 8 weeks')) return s('selfCertEarly');
  if (m.startsWith('within 16 days of the last self-certification')) return s('selfCertChained');
  if (m.startsWith('self-certification covers at most 3 days')) return s('selfCertDays');
  if (m.startsWith('at most 4 self-certifications')) return s('selfCertCount');
  if ((match = /^child-sick days: (\d+) used in 12 months, the limit is (\d+)/.exec(m))) return s('childSick', { used: match[1], limit: match[2] });
  if ((match = /^pregnancy: at most 10 days \((\d+) used\)/.exec(m))) return s('pregnancy', { used: match[1] });
  if (m.startsWith('birth: at most 20 days')) return s('birthMother');
  if (m.startsWith('birth: at most 7 days')) return s('birthFather');
  if (m.startsWith('is not a measure of the integration plan')) return s('notMeasure');
  if ((match = /^does not run on this day \((\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})\)/.exec(m))) return s('measureNotRunning', { from: formatDate(match[1]!), to: formatDate(match[2]!) });
  if (m.startsWith("must be the day's absence")) return s('measureKind');
  if (m === 'is required for the hours absent') return s('measureKindRequired');
  if ((match = /^the hours per measure \(([\d.]+)\) are more than the day's ([\d.]+) planned hours/.exec(m))) return s('measureTotal', { hours: num(match[1]!), planned: num(match[2]!) });
  if ((match = /^the hours present per measure \(([\d.]+)\) are more than the day's ([\d.]+) hours present/.exec(m))) return s('measurePresent', { hours: num(match[1]!), present: num(match[2]!) });
  if ((match = /^the hours absent per measure \(([\d.]+)\) are more than the day's ([\d.]+) hours absent/.exec(m))) return s('measureAbsent', { hours: num(match[1]!), absent: num(match[2]!) });
  if (m.startsWith('the stored hours per measure no longer fit')) return s('measureStale');
  return s('other', { message: m });
}
