import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { absenceCounters, addDays, categoryReach, checkAbsence, compareDates, isoWeekday, type AbsenceSpell } from '@eidor/domain';
import { attendance, attendanceMeasures } from '../../db/schema.ts';
import { withTenant, type Ctx, type Deps } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { route } from '../../platform/http.ts';
import { reachedAmongFor } from '../persons/public.ts';
import { programmeEnd } from './benefit.ts';
import { absencesBetween, attendanceBetween, carersOf, deleteMeasuresOf, measuresBetween, participantsBetween, plansOf, teamUnitsOf, type MeasureRow, type PlanRow } from './queries.ts';
import { spellsOf } from './view.ts';

type FieldError = { path: string; message: string };
const invalid = (fields: FieldError[]) => new AppError('VALIDATION', `${fields[0]!.path} ${fields[0]!.message}`, { fields });

/** Units through which the actor reads or writes programme data only for their teams; null = everyone. */
export function programmeReach(ctx: Ctx, action: 'read' | 'write'): string[] | null {
  const r = categoryReach(ctx.actor, action);
  if (r.all.includes('programme')) return null;
  return r.team.filter((t) => t.category === 'programme').map((t) => t.unitId);
}

/**
 * The integration plan in force on a day: the latest adopted (or since superseded) plan decided on
 * or before it; before the first decision, the first plan (its measures may start before the decision).
 */
export function planInForce(plans: readonly PlanRow[], day: string): PlanRow | undefined {
  const decided = plans.filter((p) => p.status !== 'draft' && p.decisionDate).sort((a, b) => a.planNo - b.planNo);
  let inForce: PlanRow | undefined;
  for (const p of decided) if (compareDates(p.decisionDate!, day) <= 0) inForce = p;
  return inForce ?? decided[0];
}

type Split = { planId: string; measureNo: number; presentHours: number; absentHours: number; absenceKind: string | null };
type Day = { day: string; plannedHours: number; presentHours: number; absenceKind: string | null };

/**
 * Checks a day's split over measures: each measure belongs to the plan in force and runs that day,
 * the absence of its hours is the day's kind or unexcused, and the split stays within the day's hours.
 * Returns the split as stored (the absence kind resolved) and the problems, each naming its field.
 */
export function checkSplit(at: string, d: Day, split: readonly Split[], plans: readonly PlanRow[]): { resolved: Split[]; problems: FieldError[] } {
  const problems: FieldError[] = [];
  if (split.length === 0) return { resolved: [], problems };
  const plan = planInForce(plans, d.day);
  const seen = new Set<string>();
  const resolved = split.map((m, k) => {
    const path = `${at}.measures.${k}`;
    const measure = plan && plan.id === m.planId ? plan.measures[m.measureNo] : undefined;
    if (!measure) problems.push({ path: `${path}.measureNo`, message: 'is not a measure of the integration plan in force on this day' });
    else if (compareDates(d.day, measure.from) < 0 || compareDates(d.day, measure.to) > 0) problems.push({ path: `${path}.measureNo`, message: `does not run on this day (${measure.from} – ${measure.to})` });
    const key = `${m.planId}:${m.measureNo}`;
    if (seen.has(key)) problems.push({ path: `${path}.measureNo`, message: 'appears twice' });
    seen.add(key);
    const kind = m.absentHours > 0 ? (m.absenceKind ?? d.absenceKind) : null;
    if (m.absentHours > 0 && !kind) problems.push({ path: `${path}.absenceKind`, message: 'is required for the hours absent' });
    else if (kind && kind !== d.absenceKind && kind !== 'unexcused') problems.push({ path: `${path}.absenceKind`, message: `must be the day's absence (${d.absenceKind ?? 'none'}) or unexcused` });
    return { ...m, absenceKind: kind };
  });
  const present = split.reduce((s, m) => s + m.presentHours, 0);
  const absent = split.reduce((s, m) => s + m.absentHours, 0);
  if (present + absent > d.plannedHours) problems.push({ path: `${at}.measures`, message: `the hours per measure (${present + absent}) are more than the day's ${d.plannedHours} planned hours` });
  else if (present > d.presentHours) problems.push({ path: `${at}.measures`, message: `the hours present per measure (${present}) are more than the day's ${d.presentHours} hours present` });
  else if (absent > Math.max(0, d.plannedHours - d.presentHours)) problems.push({ path: `${at}.measures`, message: `the hours absent per measure (${absent}) are more than the day's ${d.plannedHours - d.presentHours} hours absent` });
  return { resolved, problems };
}

const splitOf = (m: MeasureRow): Split => ({ planId: m.planId, measureNo: m.measureNo, presentHours: Number(m.presentHours), absentHours: Number(m.absentHours), absenceKind: m.absenceKind });

export function registerAttendance(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };

  async function weekRows(ctx: Ctx, weekStart: string, only: { ids?: string[]; unitId?: string } = {}) {
    const weekEnd = addDays(weekStart, 6);
    let ps = await participantsBetween(ctx.tx, ctx.actor.municipalityId, weekStart, weekEnd, only.ids);
    const team = programmeReach(ctx, 'read');
    if (team) {
      const visible = await reachedAmongFor(ctx, ps.map((p) => p.person_id), team, 'programme', 'read');
      ps = ps.filter((p) => visible.has(p.person_id));
    }
    const teams = await teamUnitsOf(ctx.tx, ps.map((p) => p.person_id));
    const groups = new Map<string, { unitId: string; name: string; participants: number }>();
    for (const t of teams) {
      const g = groups.get(t.unit_id) ?? { unitId: t.unit_id, name: t.name, participants: 0 };
      g.participants++;
      groups.set(t.unit_id, g);
    }
    if (only.unitId) {
      const inGroup = new Set(teams.filter((t) => t.unit_id === only.unitId).map((t) => t.person_id));
      ps = ps.filter((p) => inGroup.has(p.person_id));
    }
    const ids = ps.map((p) => p.person_id);
    const days = await attendanceBetween(ctx.tx, ctx.actor.municipalityId, ids, weekStart, weekEnd);
    const splits = await measuresBetween(ctx.tx, ctx.actor.municipalityId, ids, weekStart, weekEnd);
    const plans = await plansOf(ctx.tx, ctx.actor.municipalityId, ids);
    const history = await absencesBetween(ctx.tx, ctx.actor.municipalityId, ids, addDays(weekEnd, -364), weekEnd);
    const carers = await carersOf(ctx.tx, ids, weekEnd);
    const rows = ps.map((p) => {
      const own = plans.filter((x) => x.personId === p.person_id);
      // The measures that run on a day of the week, from the plan in force on that day.
      const measures = new Map<string, { planId: string; measureNo: number; type: string; description: string; from: string; to: string; hoursPerWeek: number }>();
      for (let d = weekStart; compareDates(d, weekEnd) <= 0; d = addDays(d, 1)) {
        const plan = planInForce(own, d);
        plan?.measures.forEach((m, measureNo) => {
          if (compareDates(d, m.from) >= 0 && compareDates(d, m.to) <= 0 && !measures.has(`${plan.id}:${measureNo}`)) {
            measures.set(`${plan.id}:${measureNo}`, { planId: plan.id, measureNo, type: m.type, description: m.description, from: m.from, to: m.to, hoursPerWeek: Number(m.hoursPerWeek) });
          }
        });
      }
      const counters = absenceCounters(
        { programmeStart: p.start_date, history: spellsOf(history.filter((h) => h.personId === p.person_id)), ...(carers.get(p.person_id) ?? { children: 0, singleCarer: false }) },
        weekEnd,
      );
      return {
        personId: p.person_id,
        name: `${p.given_name} ${p.family_name}`,
        programmeStart: p.start_date,
        programmeEnd: programmeEnd({ startDate: p.start_date, endDate: p.end_date, plannedMonths: p.planned_months, extensionMonths: p.extension_months }),
        weeklyHours: p.weekly_hours === null ? null : Number(p.weekly_hours),
        days: days
          .filter((d) => d.personId === p.person_id)
          .map((d) => ({
            day: d.day,
            plannedHours: Number(d.plannedHours),
            presentHours: Number(d.presentHours),
            absenceKind: (d.absenceKind as never) ?? null,
            measures: splits.filter((m) => m.personId === p.person_id && m.day === d.day).map((m) => ({ ...splitOf(m), absenceKind: (m.absenceKind as never) ?? null })),
          })),
        measures: [...measures.values()],
        counters,
      };
    });
    return { rows, groups: [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb')) };
  }

  route(app, 'getAttendanceWeek', o, async ({ req, query }) =>
    withTenant(deps, req, async (ctx) => {
      if (isoWeekday(query.weekStart) !== 1) throw invalid([{ path: 'weekStart', message: 'must be a Monday' }]);
      if (programmeReach(ctx, 'read')?.length === 0) throw forbidden();
      const { rows, groups } = await weekRows(ctx, query.weekStart, { unitId: query.unitId });
      if (rows.length > 0) await ctx.audit({ action: 'attendance.read', subjectType: 'person', categories: ['identity', 'programme'] });
      return { weekStart: query.weekStart, rows, groups, saved: 0 };
    }),
  );

  route(app, 'saveAttendanceWeek', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      if (isoWeekday(body.weekStart) !== 1) throw invalid([{ path: 'weekStart', message: 'must be a Monday' }]);
      const weekEnd = addDays(body.weekStart, 6);
      const team = programmeReach(ctx, 'write');
      if (team?.length === 0) throw forbidden();
      const ids = body.rows.map((r) => r.personId);
      const participants = new Map((await participantsBetween(ctx.tx, ctx.actor.municipalityId, body.weekStart, weekEnd, ids)).map((p) => [p.person_id, p]));
      const writable = team ? await reachedAmongFor(ctx, ids, team, 'programme', 'write') : new Set(ids);
      const history = await absencesBetween(ctx.tx, ctx.actor.municipalityId, ids, addDays(body.weekStart, -365), addDays(body.weekStart, -1));
      const stored = await measuresBetween(ctx.tx, ctx.actor.municipalityId, ids, body.weekStart, weekEnd);
      const plans = await plansOf(ctx.tx, ctx.actor.municipalityId, ids);
      const carerOf = await carersOf(ctx.tx, ids, weekEnd);
      const historyOf = new Map<string, typeof history>();
      for (const h of history) historyOf.set(h.personId, [...(historyOf.get(h.personId) ?? []), h]);
      const problems: FieldError[] = [];
      const values: (typeof attendance.$inferInsert)[] = [];
      const splitValues: (typeof attendanceMeasures.$inferInsert)[] = [];
      const replaced: { personId: string; day: string }[] = [];
      const seen = new Set<string>();
      body.rows.forEach((row, i) => {
        const p = participants.get(row.personId);
        if (!p || !writable.has(row.personId)) {
          problems.push({ path: `rows.${i}.personId`, message: 'is not a participant you register attendance for in this week' });
          return;
        }
        if (seen.has(row.personId)) problems.push({ path: `rows.${i}.personId`, message: 'appears twice' });
        seen.add(row.personId);
        const end = programmeEnd({ startDate: p.start_date, endDate: p.end_date, plannedMonths: p.planned_months, extensionMonths: p.extension_months });
        const own = plans.filter((x) => x.personId === row.personId);
        const days = new Set<string>();
        row.days.forEach((d, j) => {
          const at = `rows.${i}.days.${j}`;
          if (compareDates(d.day, body.weekStart) < 0 || compareDates(d.day, weekEnd) > 0) problems.push({ path: `${at}.day`, message: 'is not in the week' });
          else if (compareDates(d.day, p.start_date) < 0 || (end && compareDates(d.day, end) > 0)) problems.push({ path: `${at}.day`, message: `is outside the programme (${p.start_date} – ${end ?? 'open'})` });
          if (days.has(d.day)) problems.push({ path: `${at}.day`, message: 'appears twice' });
          days.add(d.day);
          if (d.presentHours > d.plannedHours) problems.push({ path: `${at}.presentHours`, message: `is more than the ${d.plannedHours} planned hours` });
          if (d.presentHours < d.plannedHours && !d.absenceKind) problems.push({ path: `${at}.absenceKind`, message: 'is required for the hours not present' });
          if (d.absenceKind && d.plannedHours > 0 && d.presentHours >= d.plannedHours) problems.push({ path: `${at}.absenceKind`, message: 'is set although every planned hour was attended' });
          // Hours per measure: what is sent replaces the day's split; without it the stored split must still fit.
          const split = d.measures ?? stored.filter((m) => m.personId === row.personId && m.day === d.day).map(splitOf);
          const checked = checkSplit(at, d, split, own);
          if (d.measures === undefined && checked.problems.length > 0) problems.push({ path: `${at}.measures`, message: 'the stored hours per measure no longer fit this day: send them with the day' });
          else problems.push(...checked.problems);
          if (d.measures !== undefined) {
            replaced.push({ personId: row.personId, day: d.day });
            for (const m of checked.resolved) {
              if (m.presentHours === 0 && m.absentHours === 0) continue;
              splitValues.push({ municipalityId: ctx.actor.municipalityId, personId: row.personId, day: d.day, ...m, recordedAt: ctx.now, recordedBy: ctx.actor.userId });
            }
          }
        });
        // Absence rules over 12 months (self-certification, child-sick days …), spell by spell.
        const before = spellsOf(historyOf.get(row.personId) ?? []);
        const spells = spellsOf(row.days.map((d) => ({ day: d.day, absenceKind: d.absenceKind })));
        const carer = carerOf.get(row.personId) ?? { children: 0, singleCarer: false };
        const checked: AbsenceSpell[] = [...before];
        for (const s of spells) {
          const issues = checkAbsence({ programmeStart: p.start_date, history: checked, ...carer }, s);
          if (issues.length > 0) {
            const j = row.days.findIndex((d) => d.day === s.from);
            problems.push({ path: `rows.${i}.days.${j}.absenceKind`, message: issues[0]! });
          }
          checked.push(s);
        }
        for (const d of row.days) {
          values.push({ municipalityId: ctx.actor.municipalityId, personId: row.personId, day: d.day, plannedHours: d.plannedHours, presentHours: d.presentHours, absenceKind: d.absenceKind, recordedAt: ctx.now, recordedBy: ctx.actor.userId });
        }
      });
      if (problems.length > 0) throw invalid(problems);
      if (values.length > 0) {
        await ctx.tx
          .insert(attendance)
          .values(values)
          .onConflictDoUpdate({
            target: [attendance.personId, attendance.day],
            set: {
              plannedHours: sql`excluded.planned_hours`,
              presentHours: sql`excluded.present_hours`,
              absenceKind: sql`excluded.absence_kind`,
              recordedAt: sql`excluded.recorded_at`,
              recordedBy: sql`excluded.recorded_by`,
            },
          });
      }
      await deleteMeasuresOf(ctx.tx, ctx.actor.municipalityId, replaced);
      if (splitValues.length > 0) await ctx.tx.insert(attendanceMeasures).values(splitValues);
      await ctx.audit({ action: 'attendance.save', subjectType: 'person', categories: ['programme'] });
      const { rows, groups } = await weekRows(ctx, body.weekStart, { ids });
      return { weekStart: body.weekStart, rows, groups, saved: values.length };
    }),
  );
}
