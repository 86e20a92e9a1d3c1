import { and, asc, desc, eq, getTableColumns, gte, inArray, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rows } from '../../db/raw.ts';
import { attendance, attendanceMeasures, integrationPlans, paymentLines, paymentRuns, programmeEvents, programmes, users } from '../../db/schema.ts';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type AttendanceRow = typeof attendance.$inferSelect;
export type RunRow = typeof paymentRuns.$inferSelect;
export type MeasureRow = typeof attendanceMeasures.$inferSelect;
export type PlanRow = Pick<typeof integrationPlans.$inferSelect, 'id' | 'personId' | 'planNo' | 'status' | 'decisionDate' | 'measures'>;
/** A day with the sums of its split over measures: hours absent, and of those the unexcused ones. */
export type AttendanceDayRow = AttendanceRow & { measureAbsentHours: number; measureUnexcusedHours: number };

export async function findProgramme(tx: Db, municipalityId: string, personId: string): Promise<ProgrammeRow | undefined> {
  const r = await tx.select().from(programmes).where(and(eq(programmes.municipalityId, municipalityId), eq(programmes.personId, personId))).limit(1);
  return r[0];
}

export async function addEvent(tx: Db, e: typeof programmeEvents.$inferInsert) {
  await tx.insert(programmeEvents).values(e);
}

export async function attendanceBetween(tx: Db, municipalityId: string, personIds: string[], from: string, to: string): Promise<AttendanceDayRow[]> {
  if (personIds.length === 0) return [];
  const m = tx
    .select({
      personId: attendanceMeasures.personId,
      day: attendanceMeasures.day,
      absent: sql<string>`sum(${attendanceMeasures.absentHours})`.as('m_absent'),
      unexcused: sql<string>`coalesce(sum(${attendanceMeasures.absentHours}) FILTER (WHERE ${attendanceMeasures.absenceKind} = 'unexcused'), 0)`.as('m_unexcused'),
    })
    .from(attendanceMeasures)
    .where(and(eq(attendanceMeasures.municipalityId, municipalityId), inArray(attendanceMeasures.personId, personIds), gte(attendanceMeasures.day, from), lte(attendanceMeasures.day, to)))
    .groupBy(attendanceMeasures.personId, attendanceMeasures.day)
    .as('m');
  const r = await tx
    .select({ ...getTableColumns(attendance), absent: m.absent, unexcused: m.unexcused })
    .from(attendance)
    .leftJoin(m, and(eq(m.personId, attendance.personId), eq(m.day, attendance.day)))
    .where(and(eq(attendance.municipalityId, municipalityId), inArray(attendance.personId, personIds), gte(attendance.day, from), lte(attendance.day, to)))
    .orderBy(asc(attendance.personId), asc(attendance.day));
  return r.map(({ absent, unexcused, ...d }) => ({ ...d, measureAbsentHours: Number(absent ?? 0), measureUnexcusedHours: Number(unexcused ?? 0) }));
}

/** The days' splits over measures (hours per measure of the integration plan). */
export async function measuresBetween(tx: Db, municipalityId: string, personIds: string[], from: string, to: string): Promise<MeasureRow[]> {
  if (personIds.length === 0) return [];
  return tx
    .select()
    .from(attendanceMeasures)
    .where(and(eq(attendanceMeasures.municipalityId, municipalityId), inArray(attendanceMeasures.personId, personIds), gte(attendanceMeasures.day, from), lte(attendanceMeasures.day, to)))
    .orderBy(asc(attendanceMeasures.personId), asc(attendanceMeasures.day), asc(attendanceMeasures.planId), asc(attendanceMeasures.measureNo));
}

/** Removes the splits of the given days; saving then writes them again from the request. */
export async function deleteMeasuresOf(tx: Db, municipalityId: string, days: { personId: string; day: string }[]) {
  for (let i = 0; i < days.length; i += 500) {
    const chunk = days.slice(i, i + 500);
    await tx
      .delete(attendanceMeasures)
      .where(and(eq(attendanceMeasures.municipalityId, municipalityId), or(...chunk.map((d) => and(eq(attendanceMeasures.personId, d.personId), eq(attendanceMeasures.day, d.day))))));
  }
}

/** The participants' integration plans that are or were decisions (never drafts). */
export async function plansOf(tx: Db, municipalityId: string, personIds: string[]): Promise<PlanRow[]> {
  if (personIds.length === 0) return [];
  return tx
    .select({ id: integrationPlans.id, personId: integrationPlans.personId, planNo: integrationPlans.planNo, status: integrationPlans.status, decisionDate: integrationPlans.decisionDate, measures: integrationPlans.measures })
    .from(integrationPlans)
    .where(and(eq(integrationPlans.municipalityId, municipalityId), inArray(integrationPlans.personId, personIds), ne(integrationPlans.status, 'draft')))
    .orderBy(asc(integrationPlans.personId), asc(integrationPlans.planNo));
}

/**
 * The units on the participants' teams: a class or group is the unit that follows them (an
 * adult-education class, a NAV office). Reads the team table as the work queue does.
 */
export async function teamUnitsOf(tx: Db, personIds: string[]) {
  if (personIds.length === 0) return [];
  return rows<{ person_id: string; unit_id: string; name: string }>(
    tx,
    `SELECT t.person_id, t.unit_id, u.name FROM person_team t JOIN units u ON u.id = t.unit_id WHERE t.person_id = ANY($1::uuid[]) AND u.active`,
    [`{${personIds.join(',')}}`],
  );
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

/**
 * A family immigrant's sponsor's first settlement (the sponsor in the register, or as recorded in the
 * grant facts) and the application date (grant facts, or the family-reunification record).
 */
export async function familyFactsOf(tx: Db, person: { id: string; permitType: string | null; arrivalCategory: string | null }) {
  if (person.permitType !== 'family_immigration' && person.arrivalCategory !== 'family_reunified') return null;
  const r = await rows<{ sponsor: string | null; application: string | null }>(
    tx,
    `SELECT to_char(coalesce(spf.first_settlement_date, sp.settlement_date, f.sponsor_first_settlement_date), 'YYYY-MM-DD') AS sponsor,
            to_char(coalesce(f.family_application_date, (SELECT min(r.application_date) FROM family_reunifications r WHERE r.arrived_person_id = p.id)), 'YYYY-MM-DD') AS application
       FROM persons p
       LEFT JOIN person_grant_facts f ON f.person_id = p.id
       LEFT JOIN persons sp ON sp.id = p.sponsor_person_id
       LEFT JOIN person_grant_facts spf ON spf.person_id = sp.id
      WHERE p.id = $1`,
    [person.id],
  );
  return { sponsorSettlementDate: r[0]?.sponsor ?? null, familyApplicationDate: r[0]?.application ?? null };
}

/**
 * For the child-sick-day limit (rules.md § 1.7): how many children under 12 live in each person's
 * household, and whether the person is the only carer there (one adult with children).
 */
export async function carersOf(tx: Db, personIds: string[], today: string): Promise<Map<string, { children: number; singleCarer: boolean }>> {
  if (personIds.length === 0) return new Map();
  const r = await rows<{ person_id: string; children: number; adults: number }>(
    tx,
    `SELECT p.id AS person_id,
            (SELECT count(*) FROM persons c WHERE p.household_id IS NOT NULL AND c.household_id = p.household_id AND c.household_role = 'child'
                AND c.birth_date > $2::date - interval '12 years' AND c.status = 'active')::int AS children,
            (SELECT count(*) FROM persons a WHERE p.household_id IS NOT NULL AND a.household_id = p.household_id AND a.household_role IN ('head', 'spouse')
                AND a.status = 'active')::int AS adults
       FROM persons p WHERE p.id = ANY($1::uuid[])`,
    [`{${personIds.join(',')}}`, today],
  );
  return new Map(r.map((x) => [x.person_id, { children: x.children, singleCarer: x.children > 0 && x.adults <= 1 }]));
}
