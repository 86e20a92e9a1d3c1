import type { FastifyInstance } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import {
  addDays,
  can,
  canAccessPerson,
  checkLength,
  checkWeeklyHours,
  compareDates,
  lengthRule,
  nirDeadline,
  osloDate,
  programmeStartDeadline,
  RateGapError,
  childSickDayLimit,
} from '@eidor/domain';
import { integrationPlans, municipalities, paymentLines, paymentRuns, programmes, units } from '../../db/schema.ts';
import { withTenant, type Ctx, type Deps } from '../../platform/context.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { route } from '../../platform/http.ts';
import { loadReachablePerson, type PersonRow } from '../persons/public.ts';
import { closeTask, unitResolver, upsertTask } from '../tasks/service.ts';
import { benefitFor, monthPeriod, programmeEnd, type Participant } from './benefit.ts';
import { toPayrollCsv } from './payroll.ts';
import { renderLetter, type LetterData } from './letters.ts';
import { registerAttendance } from './attendance.ts';
import { registerNir } from './nir.ts';
import { bookRecoveries, otherBenefitsIn, recoveryDue, registerPlans } from './plans.ts';
import { addEvent, attendanceBetween, carersOf, familyFactsOf, findProgramme, findRun, linesOf, listRuns, participantsBetween, runByMonth, userNames, type RunRow } from './queries.ts';
import { eligibilityOf, fieldsOf, presentProgramme, type FamilyFacts, type Fields } from './view.ts';

type FieldError = { path: string; message: string };
const invalid = (fields: FieldError[]) => new AppError('VALIDATION', `${fields[0]!.path} ${fields[0]!.message}`, { fields });


/** What a programme decision must satisfy before it is saved; each problem names its field. */
function checkProgramme(person: PersonRow, f: Fields, today: string, family: FamilyFacts | null): FieldError[] {
  const out: FieldError[] = [];
  const e = eligibilityOf(person, f, today, family);
  const regime = e.regime ?? 'integl';
  if (f.status !== 'planned' && e.status === 'not_eligible') out.push({ path: 'fields.status', message: `the person is not eligible: ${e.reasons.at(-1)}` });
  if (f.status !== 'planned') {
    for (const k of ['decisionDate', 'startDate', 'plannedMonths', 'weeklyHours'] as const) if (f[k] === null) out.push({ path: `fields.${k}`, message: 'is required for a programme decision' });
    if (regime !== 'introl' && !f.endGoal) out.push({ path: 'fields.endGoal', message: 'is required (integreringsloven § 13: every programme has an end goal)' });
    if (regime === 'integl' && !f.participantGroup) out.push({ path: 'fields.participantGroup', message: 'is required to check the length' });
  }
  if (f.decisionDate && f.startDate && compareDates(f.startDate, f.decisionDate) < 0) out.push({ path: 'fields.startDate', message: 'cannot be before the decision' });
  if (f.decisionDate && regime !== 'introl' && (!f.skillsMappingDate || compareDates(f.skillsMappingDate, f.decisionDate) > 0)) {
    out.push({ path: 'fields.skillsMappingDate', message: 'skills mapping must be done before the programme decision (integreringsloven § 12)' });
  }
  if (f.plannedMonths !== null) {
    for (const p of checkLength(lengthRule(regime, f.participantGroup ?? 'other_goal'), f.plannedMonths, f.extensionMonths, f.extensionReason)) out.push({ path: `fields.${p.field}`, message: p.message });
  }
  if (f.weeklyHours !== null) {
    const h = checkWeeklyHours(f.weeklyHours, f.hoursReason);
    if (h) out.push({ path: 'fields.weeklyHours', message: h });
  }
  if (f.status === 'ended') {
    for (const k of ['endDate', 'endReason', 'mainActivity'] as const) if (!f[k]) out.push({ path: `fields.${k}`, message: 'is required when the programme ends (NIR)' });
  }
  if (f.endDate && f.startDate && compareDates(f.endDate, f.startDate) < 0) out.push({ path: 'fields.endDate', message: 'cannot be before the start' });
  return out;
}

const EVENT_FIELDS: (keyof Fields)[] = ['decisionDate', 'startDate', 'plannedMonths', 'extensionMonths', 'weeklyHours', 'status', 'endDate', 'endReason', 'mainActivity', 'endGoal'];

function eventKind(before: Fields, after: Fields): string | null {
  if (after.status === 'ended' && before.status !== 'ended') return 'ending';
  if (after.status === 'suspended' && before.status !== 'suspended') return 'suspension';
  if (after.extensionMonths > before.extensionMonths) return 'extension';
  if (after.decisionDate && before.decisionDate !== after.decisionDate) return 'decision';
  if (EVENT_FIELDS.some((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))) return 'change';
  return null;
}

function presentRun(r: RunRow, names: Map<string, string>) {
  return {
    id: r.id,
    month: r.month,
    status: r.status,
    participants: r.participants,
    totalNet: Number(r.totalNet),
    preparedAt: r.preparedAt.toISOString(),
    preparedBy: names.get(r.preparedBy) ?? null,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    approvedBy: r.approvedBy ? (names.get(r.approvedBy) ?? null) : null,
    exportedAt: r.exportedAt?.toISOString() ?? null,
    version: r.version,
  };
}

async function runView(ctx: Ctx, r: RunRow) {
  const names = await userNames(ctx.tx, [r.preparedBy, r.approvedBy]);
  const lines = await linesOf(ctx.tx, r.id);
  return {
    ...presentRun(r, names),
    lines: lines.map((l) => ({
      personId: l.person_id,
      name: l.name,
      gross: Number(l.gross),
      absenceDeduction: Number(l.absence_deduction),
      coordinationDeduction: Number(l.coordination_deduction),
      recovered: Number(l.recovered),
      net: Number(l.net),
      decisionRequired: l.decision_required,
      lines: l.lines,
    })),
    can: {
      approve: r.status === 'prepared' && r.preparedBy !== ctx.actor.userId && can(ctx.actor, 'payments.approve').allowed,
      export: r.status === 'approved' && can(ctx.actor, 'payments.approve').allowed,
      prepareAgain: r.status === 'prepared' && can(ctx.actor, 'payments.prepare').allowed,
    },
  };
}

export function registerProgramme(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };
  registerPlans(app, deps);
  registerNir(app, deps);
  registerAttendance(app, deps);

  async function programmeView(ctx: Ctx, personId: string, audit: boolean) {
    const { person, relationships } = await loadReachablePerson(ctx, personId);
    const read = canAccessPerson(ctx.actor, 'read', 'programme', relationships);
    if (!read.allowed) throw forbidden();
    const g = await findProgramme(ctx.tx, ctx.actor.municipalityId, personId);
    const today = osloDate(ctx.now);
    const absences = await attendanceBetween(ctx.tx, ctx.actor.municipalityId, [personId], addDays(today, -365), today);
    const events = await ctx.tx.execute(sql`SELECT max(event_date)::text AS d FROM programme_events WHERE person_id = ${personId}`);
    const last = ((events as unknown as { rows: { d: string | null }[] }).rows[0]?.d) ?? null;
    if (audit) await ctx.audit({ action: 'programme.read', subjectType: 'person', subjectId: personId, categories: ['programme'], via: read.via });
    const view = presentProgramme(person, g, absences, last, ctx.now, canAccessPerson(ctx.actor, 'write', 'programme', relationships).allowed, await familyFactsOf(ctx.tx, person));
    const carer = (await carersOf(ctx.tx, [personId], today)).get(personId) ?? { children: 0, singleCarer: false };
    view.counters.childSickDaysLimit = childSickDayLimit(carer.children, carer.singleCarer);
    return view;
  }

  route(app, 'getProgramme', o, async ({ req, params }) => withTenant(deps, req, (ctx) => programmeView(ctx, params.id, true)));

  route(app, 'putProgramme', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const { person, relationships } = await loadReachablePerson(ctx, params.id);
      const write = canAccessPerson(ctx.actor, 'write', 'programme', relationships);
      if (!write.allowed) throw forbidden();
      const before = await findProgramme(ctx.tx, ctx.actor.municipalityId, params.id);
      if ((before?.version ?? null) !== body.version) throw versionConflict();
      const today = osloDate(ctx.now);
      const f = body.fields;
      const family = await familyFactsOf(ctx.tx, person);
      const problems = checkProgramme(person, f, today, family);
      if (problems.length > 0) throw invalid(problems);
      const values = { ...f, weeklyHours: f.weeklyHours, updatedAt: ctx.now };
      let version: number;
      if (!before) {
        await ctx.tx.insert(programmes).values({ ...values, personId: params.id, municipalityId: ctx.actor.municipalityId, createdAt: ctx.now });
        version = 0;
      } else {
        const r = await ctx.tx
          .update(programmes)
          .set({ ...values, version: before.version + 1 })
          .where(and(eq(programmes.personId, params.id), eq(programmes.version, before.version)))
          .returning({ v: programmes.version });
        if (!r[0]) throw versionConflict();
        version = r[0].v;
      }
      const old = fieldsOf(before);
      const changes = (Object.keys(f) as (keyof Fields)[]).filter((k) => JSON.stringify(old[k]) !== JSON.stringify(f[k])).map((k) => ({ field: k, from: old[k], to: f[k] }));
      const kind = eventKind(old, f);
      const unitFor = await unitResolver(ctx);
      if (changes.length > 0) {
        const eventDate = kind === 'ending' ? f.endDate! : kind === 'decision' ? f.decisionDate! : today;
        await addEvent(ctx.tx, { municipalityId: ctx.actor.municipalityId, personId: params.id, kind: kind ?? 'profile', eventDate, version, changes, recordedAt: ctx.now, recordedBy: ctx.actor.userId });
        if (kind) {
          await upsertTask(ctx, {
            sourceKey: `nir:${params.id}:${kind}:${eventDate}`,
            kind: 'programme.nir',
            itemKey: `nir_${kind}`,
            title: `Registrer i NIR: ${{ decision: 'vedtak om program', extension: 'forlengelse', suspension: 'stans', ending: 'avslutning', change: 'endring i programmet' }[kind]}`,
            legalBasis: 'NIR: hendelser registreres fortløpende og senest innen 2 måneder',
            category: 'programme',
            personId: params.id,
            ownerUnitId: unitFor('refugee_service'),
            dueDate: nirDeadline(eventDate),
          });
        }
      }
      // The legal deadline on the queue until the decision is made; the first weeks' items close when done.
      const deadline = programmeStartDeadline(person.settlementDate, f.requestDate);
      const key = `programme-decision:${params.id}`;
      if (f.decisionDate) await closeTask(ctx, key);
      else if (deadline && eligibilityOf(person, f, today, family).status !== 'not_eligible') {
        await upsertTask(ctx, {
          sourceKey: key,
          kind: 'programme.deadline',
          itemKey: 'programme_decision',
          title: 'Vedtak om introduksjonsprogram',
          legalBasis: 'Integreringsloven § 12: vedtak og oppstart senest 3 måneder etter bosetting eller krav',
          category: 'programme',
          personId: params.id,
          ownerUnitId: unitFor('refugee_service'),
          dueDate: deadline,
        });
      }
      if (person.householdId) {
        if (f.startDate) await closeTask(ctx, `checklist:${person.householdId}:programme_start:${params.id}`);
        if (f.skillsMappingDate) await closeTask(ctx, `checklist:${person.householdId}:skills_mapping:${params.id}`);
      }
      await ctx.audit({ action: 'programme.update', subjectType: 'person', subjectId: params.id, categories: ['programme'], via: write.via });
      return programmeView(ctx, params.id, false);
    }),
  );

  route(app, 'getBenefit', o, async ({ req, params, query }) =>
    withTenant(deps, req, async (ctx) => {
      const { person, relationships } = await loadReachablePerson(ctx, params.id);
      const read = canAccessPerson(ctx.actor, 'read', 'economy', relationships);
      if (!read.allowed) throw forbidden();
      const g = await findProgramme(ctx.tx, ctx.actor.municipalityId, params.id);
      if (!g?.startDate) throw new AppError('CONFLICT', 'The person has no programme with a start date');
      const period = monthPeriod(query.month);
      const days = await attendanceBetween(ctx.tx, ctx.actor.municipalityId, [params.id], period.from, period.to);
      const others = (await otherBenefitsIn(ctx, [params.id], period.from, period.to)).get(params.id) ?? [];
      const recover = (await recoveryDue(ctx, [params.id])).get(params.id) ?? 0;
      const result = compute(() => benefitFor(participantOf(person, g), query.month, days, recover, others));
      await ctx.audit({ action: 'benefit.read', subjectType: 'person', subjectId: params.id, categories: ['economy'], via: read.via });
      return { personId: params.id, month: query.month, ...result };
    }),
  );

  route(app, 'programmeLetter', o, async ({ req, reply, params, query }) => {
    const pdf = await withTenant(deps, req, async (ctx) => {
      const { person, relationships } = await loadReachablePerson(ctx, params.id);
      const category = params.kind === 'deduction' ? 'economy' : 'programme';
      const read = canAccessPerson(ctx.actor, 'read', category, relationships);
      if (!read.allowed) throw forbidden();
      const g = await findProgramme(ctx.tx, ctx.actor.municipalityId, params.id);
      if (!g?.decisionDate || !g.startDate) throw new AppError('CONFLICT', 'The person has no programme decision yet');
      const today = osloDate(ctx.now);
      const [m] = await ctx.tx.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, ctx.actor.municipalityId));
      const unitId = read.via?.unitId;
      const [u] = unitId ? await ctx.tx.select({ name: units.name }).from(units).where(eq(units.id, unitId)) : [];
      const data: LetterData = {
        municipality: m?.name ?? '',
        unit: u?.name ?? '',
        today,
        person: { name: `${person.givenName} ${person.familyName}`, birthDate: person.birthDate, permitType: person.permitType, permitDate: person.permitDate },
        programme: {
          decisionDate: g.decisionDate,
          startDate: g.startDate,
          plannedEnd: programmeEnd({ startDate: g.startDate, endDate: null, plannedMonths: g.plannedMonths, extensionMonths: g.extensionMonths }),
          plannedMonths: g.plannedMonths,
          extensionMonths: g.extensionMonths,
          extensionReason: g.extensionReason,
          endGoal: g.endGoal,
          weeklyHours: g.weeklyHours === null ? null : Number(g.weeklyHours),
          elements: g.elements,
          status: g.status,
          endDate: g.endDate,
          endReason: g.endReason,
          mainActivity: g.mainActivity,
        },
      };
      if (params.kind === 'integration_plan') {
        const [plan] = await ctx.tx.select().from(integrationPlans).where(and(eq(integrationPlans.personId, params.id), eq(integrationPlans.status, 'adopted'))).limit(1);
        if (!plan) throw new AppError('CONFLICT', 'No adopted integration plan');
        data.plan = { planNo: plan.planNo, goals: plan.goals, norwegianGoal: plan.norwegianGoal, measures: plan.measures, decisionDate: plan.decisionDate };
      }
      if (params.kind === 'deduction') {
        if (!query.month) throw new AppError('VALIDATION', 'month is required', { fields: [{ path: 'month', message: 'is required for a deduction letter' }] });
        const period = monthPeriod(query.month);
        const days = await attendanceBetween(ctx.tx, ctx.actor.municipalityId, [params.id], period.from, period.to);
        data.benefit = { month: query.month, ...compute(() => benefitFor(participantOf(person, g), query.month!, days)) };
      }
      if (params.kind === 'ending' && g.status !== 'ended') throw new AppError('CONFLICT', 'The programme has not ended');
      if (params.kind === 'suspension' && g.status !== 'suspended') throw new AppError('CONFLICT', 'The programme is not suspended');
      if (params.kind === 'participant_certificate') {
        const r = await ctx.tx.execute(sql`SELECT coalesce(sum(present_hours), 0)::text AS h FROM attendance WHERE person_id = ${params.id}`);
        data.presentHours = Number((r as unknown as { rows: { h: string }[] }).rows[0]?.h ?? 0);
      }
      const letter = await renderLetter(params.kind, query.lang, data);
      await ctx.audit({ action: `letter.${params.kind}`, subjectType: 'person', subjectId: params.id, categories: [category], via: read.via });
      return letter;
    });
    // Sent after the audit row has committed. The file name says what it is, never who it is about.
    return reply.header('content-disposition', `attachment; filename="${params.kind}-${query.lang}.pdf"`).type('application/pdf').send(pdf);
  });

  route(app, 'listPaymentRuns', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => {
      if (!can(ctx.actor, 'payments.prepare').allowed && !can(ctx.actor, 'payments.approve').allowed) throw forbidden();
      const runs = await listRuns(ctx.tx, ctx.actor.municipalityId);
      const names = await userNames(ctx.tx, runs.flatMap((r) => [r.preparedBy, r.approvedBy]));
      return { items: runs.map((r) => presentRun(r, names)), can: { prepare: can(ctx.actor, 'payments.prepare').allowed } };
    }),
  );

  route(app, 'preparePaymentRun', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = can(ctx.actor, 'payments.prepare');
      if (!d.allowed) throw forbidden();
      const existing = await runByMonth(ctx.tx, ctx.actor.municipalityId, body.month);
      if (existing && existing.status !== 'prepared') throw new AppError('CONFLICT', `The payment run for ${body.month} is ${existing.status} and locked`, { fields: [{ path: 'month', message: `is locked (${existing.status})` }] });
      const period = monthPeriod(body.month);
      const ps = await participantsBetween(ctx.tx, ctx.actor.municipalityId, period.from, period.to);
      const days = await attendanceBetween(ctx.tx, ctx.actor.municipalityId, ps.map((p) => p.person_id), period.from, period.to);
      const ids = ps.map((p) => p.person_id);
      const others = await otherBenefitsIn(ctx, ids, period.from, period.to);
      const recover = await recoveryDue(ctx, ids);
      const byPerson = new Map<string, typeof days>();
      for (const x of days) byPerson.set(x.personId, [...(byPerson.get(x.personId) ?? []), x]);
      const results = ps.map((p) => ({
        personId: p.person_id,
        r: compute(() =>
          benefitFor(
            toParticipant(p),
            body.month,
            byPerson.get(p.person_id) ?? [],
            recover.get(p.person_id) ?? 0,
            others.get(p.person_id) ?? [],
          ),
        ),
      }));
      const totalNet = results.reduce((s, x) => s + x.r.net, 0);
      let runId: string;
      if (existing) {
        await ctx.tx.delete(paymentLines).where(eq(paymentLines.runId, existing.id));
        await ctx.tx
          .update(paymentRuns)
          .set({ preparedAt: ctx.now, preparedBy: ctx.actor.userId, totalNet, participants: results.length, version: existing.version + 1 })
          .where(eq(paymentRuns.id, existing.id));
        runId = existing.id;
      } else {
        const [r] = await ctx.tx
          .insert(paymentRuns)
          .values({ municipalityId: ctx.actor.municipalityId, month: body.month, status: 'prepared', preparedAt: ctx.now, preparedBy: ctx.actor.userId, totalNet, participants: results.length })
          .returning({ id: paymentRuns.id });
        runId = r!.id;
      }
      for (let i = 0; i < results.length; i += 500) {
        await ctx.tx.insert(paymentLines).values(
          results.slice(i, i + 500).map((x) => ({
            runId,
            municipalityId: ctx.actor.municipalityId,
            personId: x.personId,
            gross: x.r.gross,
            absenceDeduction: x.r.absenceDeduction,
            coordinationDeduction: x.r.coordinationDeduction,
            recovered: x.r.recovered,
            net: x.r.net,
            decisionRequired: x.r.decisionRequired,
            lines: x.r.lines,
          })),
        );
      }
      await ctx.audit({ action: 'payment_run.prepare', subjectType: 'payment_run', subjectId: runId, categories: ['economy'], via: d.via });
      return runView(ctx, (await findRun(ctx.tx, ctx.actor.municipalityId, runId))!);
    }),
  );

  route(app, 'getPaymentRun', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      if (!can(ctx.actor, 'payments.prepare').allowed && !can(ctx.actor, 'payments.approve').allowed) throw forbidden();
      const r = await findRun(ctx.tx, ctx.actor.municipalityId, params.id);
      if (!r) throw notFound();
      await ctx.audit({ action: 'payment_run.read', subjectType: 'payment_run', subjectId: r.id, categories: ['identity', 'economy'] });
      return runView(ctx, r);
    }),
  );

  route(app, 'approvePaymentRun', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = can(ctx.actor, 'payments.approve');
      if (!d.allowed) throw forbidden();
      const r = await findRun(ctx.tx, ctx.actor.municipalityId, params.id);
      if (!r) throw notFound();
      if (r.version !== body.version) throw versionConflict();
      if (r.status !== 'prepared') throw new AppError('CONFLICT', `The run is already ${r.status}`);
      if (r.preparedBy === ctx.actor.userId) throw new AppError('FORBIDDEN', 'A payment run must be approved by someone other than the person who prepared it');
      const lines = await linesOf(ctx.tx, r.id);
      const needDecision = lines.filter((l) => l.decision_required).length;
      if (needDecision > 0 && !body.decisionsMade) {
        throw new AppError('CONFLICT', `${needDecision} payment(s) have a deduction that needs an individual decision (enkeltvedtak) before payment`, {
          fields: [{ path: 'decisionsMade', message: `confirm that the ${needDecision} decision(s) are made` }],
        });
      }
      const u = await ctx.tx
        .update(paymentRuns)
        .set({ status: 'approved', approvedAt: ctx.now, approvedBy: ctx.actor.userId, version: r.version + 1 })
        .where(and(eq(paymentRuns.id, r.id), eq(paymentRuns.version, body.version)))
        .returning();
      if (!u[0]) throw versionConflict();
      await ctx.audit({ action: 'payment_run.approve', subjectType: 'payment_run', subjectId: r.id, categories: ['economy'], via: d.via });
      return runView(ctx, u[0]);
    }),
  );

  route(app, 'exportPaymentRun', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = can(ctx.actor, 'payments.approve');
      if (!d.allowed) throw forbidden();
      const r = await findRun(ctx.tx, ctx.actor.municipalityId, params.id);
      if (!r) throw notFound();
      if (r.version !== body.version) throw versionConflict();
      if (r.status !== 'approved') throw new AppError('CONFLICT', r.status === 'exported' ? 'The run is already exported and locked' : 'Only an approved run can be exported');
      const lines = await linesOf(ctx.tx, r.id);
      const u = await ctx.tx
        .update(paymentRuns)
        .set({ status: 'exported', exportedAt: ctx.now, version: r.version + 1 })
        .where(and(eq(paymentRuns.id, r.id), eq(paymentRuns.version, body.version)))
        .returning();
      if (!u[0]) throw versionConflict();
      await bookRecoveries(ctx, lines.map((l) => ({ personId: l.person_id, amount: Number(l.recovered) })));
      await ctx.audit({ action: 'payment_run.export', subjectType: 'payment_run', subjectId: r.id, categories: ['identity', 'economy'], via: d.via });
      const names = await userNames(ctx.tx, [u[0].preparedBy, u[0].approvedBy]);
      return { filename: `introduksjonsstonad-${r.month}.csv`, csv: toPayrollCsv(r.month, lines), run: presentRun(u[0], names) };
    }),
  );
}

function toParticipant(p: Awaited<ReturnType<typeof participantsBetween>>[number]): Participant {
  return {
    birthDate: p.birth_date,
    permitType: p.permit_type,
    permitDate: p.permit_date,
    startDate: p.start_date,
    endDate: p.end_date,
    plannedMonths: p.planned_months,
    extensionMonths: p.extension_months,
    status: p.status,
    livesWithParents: p.lives_with_parents,
    coupleBothParticipantsNoChildren: p.couple_both_participants_no_children,
  };
}

function participantOf(person: PersonRow, g: NonNullable<Awaited<ReturnType<typeof findProgramme>>>): Participant {
  return {
    birthDate: person.birthDate,
    permitType: person.permitType,
    permitDate: person.permitDate,
    startDate: g.startDate!,
    endDate: g.endDate,
    plannedMonths: g.plannedMonths,
    extensionMonths: g.extensionMonths,
    status: g.status,
    livesWithParents: g.livesWithParents,
    coupleBothParticipantsNoChildren: g.coupleBothParticipantsNoChildren,
  };
}

/** A missing G makes the whole computation fail with the month named: never a partial run. */
function compute<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RateGapError) throw new AppError('VALIDATION', err.message, { fields: [{ path: 'month', message: err.message }] });
    throw err;
  }
}

