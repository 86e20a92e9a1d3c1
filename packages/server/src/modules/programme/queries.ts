import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rows } from '../../db/raw.ts';
import { attendance, paymentLines, paymentRuns, programmeEvents, programmes, users } from '../../db/schema.ts';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type AttendanceRow = typeof attendance.$inferSelect;
export type RunRow = typeof paymentRuns.$inferSelect;

export async function findProgramme(tx: Db, municipalityId: string, personId: string): Promise<ProgrammeRow | undefined> {
  const r = await tx.select().from(programmes).where(and(eq(programmes.municipalityId, municipalityId), eq(programmes.personId, personId))).limit(1);
  return r[0];
}

export async function addEvent(tx: Db, e: typeof programmeEvents.$inferInsert) {
  await tx.insert(programmeEvents).values(e);
}

export async function attendanceBetween(tx: Db, municipalityId: string, personIds: string[], from: string, to: string): Promise<AttendanceRow[]> {
  if (personIds.length === 0) return [];
  return tx
    .select()
    .from(attendance)
    .where(and(eq(attendance.municipalityId, municipalityId), inArray(attendance.personId, personIds), gte(attendance.day, from), lte(attendance.day, to)))
    .orderBy(asc(attendance.personId), asc(attendance.day));
}

/** Only the days with an absence the rules count (not leave without benefit): the 12-month history. */
export async function absencesBetween(tx: Db, municipalityId: string, personIds: string[], from: string, to: string): Promise<Pick<AttendanceRow, 'personId' | 'day' | 'absenceKind'>[]> {
  if (personIds.length === 0) return [];
  return tx
    .select({ personId: attendance.personId, day: attendance.day, absenceKind: attendance.absenceKind })
    .from(attendance)
    .where(
      and(
        eq(attendance.municipalityId, municipalityId),
        inArray(attendance.personId, personIds),
        gte(attendance.day, from),
        lte(attendance.day, to),
        sql`${attendance.absenceKind} IS NOT NULL AND ${attendance.absenceKind} <> 'leave_without_benefit'`,
      ),
    )
    .orderBy(asc(attendance.personId), asc(attendance.day));
}

/** Participants whose programme overlaps [from, to] (planned, active or suspended; ended ones until their end), optionally only some. */
export async function participantsBetween(tx: Db, municipalityId: string, from: string, to: string, only?: string[]) {
  return rows<{
    person_id: string;
    given_name: string;
    family_name: string;
    birth_date: string;
    national_id: string | null;
    duf_number: string | null;
    permit_type: string | null;
    permit_date: string | null;
    start_date: string;
    end_date: string | null;
    planned_months: number | null;
    extension_months: number;
    weekly_hours: string | null;
    status: string;
    lives_with_parents: boolean;
    couple_both_participants_no_children: boolean;
  }>(
    tx,
    `SELECT g.person_id, p.given_name, p.family_name, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.national_id, p.duf_number,
            p.permit_type, to_char(p.permit_date, 'YYYY-MM-DD') AS permit_date,
            to_char(g.start_date, 'YYYY-MM-DD') AS start_date, to_char(g.end_date, 'YYYY-MM-DD') AS end_date,
            g.planned_months, g.extension_months, g.weekly_hours::text AS weekly_hours, g.status, g.lives_with_parents, g.couple_both_participants_no_children
       FROM programmes g JOIN persons p ON p.id = g.person_id
      WHERE g.municipality_id = $1 AND g.start_date IS NOT NULL AND g.start_date <= $3::date
        AND (g.end_date IS NULL OR g.end_date >= $2::date) AND g.status <> 'planned'
        ${only ? 'AND g.person_id = ANY($4::uuid[])' : ''}
      ORDER BY p.family_name, p.given_name, g.person_id`,
    only ? [municipalityId, from, to, `{${only.join(',')}}`] : [municipalityId, from, to],
  );
}

export async function runByMonth(tx: Db, municipalityId: string, month: string): Promise<RunRow | undefined> {
  const r = await tx.select().from(paymentRuns).where(and(eq(paymentRuns.municipalityId, municipalityId), eq(paymentRuns.month, month))).limit(1);
  return r[0];
}

export async function findRun(tx: Db, municipalityId: string, id: string): Promise<RunRow | undefined> {
  const r = await tx.select().from(paymentRuns).where(and(eq(paymentRuns.municipalityId, municipalityId), eq(paymentRuns.id, id))).limit(1);
  return r[0];
}

export async function listRuns(tx: Db, municipalityId: string) {
  return tx.select().from(paymentRuns).where(eq(paymentRuns.municipalityId, municipalityId)).orderBy(desc(paymentRuns.month));
}

export async function linesOf(tx: Db, runId: string) {
  return rows<{
    person_id: string;
    name: string;
    national_id: string | null;
    duf_number: string | null;
    gross: string;
    absence_deduction: string;
    coordination_deduction: string;
    recovered: string;
    net: string;
    decision_required: boolean;
    lines: { code: string; text: string; amount: number }[];
  }>(
    tx,
    `SELECT l.person_id, p.given_name || ' ' || p.family_name AS name, p.national_id, p.duf_number, l.gross, l.absence_deduction,
            l.coordination_deduction, l.recovered, l.net, l.decision_required, l.lines
       FROM payment_lines l JOIN persons p ON p.id = l.person_id
      WHERE l.run_id = $1 ORDER BY p.family_name, p.given_name, l.person_id`,
    [runId],
  );
}

export async function deleteLines(tx: Db, runId: string) {
  await tx.delete(paymentLines).where(eq(paymentLines.runId, runId));
}

export async function userNames(tx: Db, ids: (string | null)[]) {
  const list = ids.filter((x): x is string => x !== null);
  if (list.length === 0) return new Map<string, string>();
  const r = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, list));
  return new Map(r.map((u) => [u.id, u.name]));
}
