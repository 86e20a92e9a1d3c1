import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { PlanView } from '@eidor/contract';
import { addMonths, canAccessPerson, compareDates, COMPLAINT_INFO, nirDeadline, PLAN_REVIEW_MONTHS } from '@eidor/domain';
import { integrationPlans, otherBenefits, overpayments, units } from '../../db/schema.ts';
import { withTenant, type Ctx, type Deps } from '../../platform/context.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { route } from '../../platform/http.ts';
import { loadReachablePerson } from '../persons/public.ts';
import { closeTask, unitResolver, upsertTask } from '../tasks/service.ts';
import { programmeEnd } from './benefit.ts';
import { findProgramme } from './queries.ts';

type PlanRow = typeof integrationPlans.$inferSelect;
type OverpaymentRow = typeof overpayments.$inferSelect;

function presentPlan(r: PlanRow): z.output<typeof PlanView> {
  return {
    id: r.id,
    planNo: r.planNo,
    status: r.status,
    goals: r.goals,
    norwegianGoal: r.norwegianGoal,
    measures: r.measures as z.output<typeof PlanView>['measures'],
    changeReason: r.changeReason,
    significant: r.significant,
    decisionDate: r.decisionDate,
    reviewDue: r.reviewDue,
    complaintInfo: r.status !== 'draft' && r.significant ? COMPLAINT_INFO.nb : null,
    createdAt: r.createdAt.toISOString(),
    adoptedAt: r.adoptedAt?.toISOString() ?? null,
    version: r.version,
  };
}

function presentOverpayments(rows: OverpaymentRow[]) {
  const items = rows.map((r) => ({
    id: r.id,
    amount: r.amount,
    reason: r.reason,
    recoverPerMonth: r.recoverPerMonth,
    recovered: r.recovered,
    outstanding: r.status === 'open' ? r.amount - r.recovered : 0,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
  }));
  return { items, outstanding: items.reduce((s, i) => s + i.outstanding, 0) };
}

async function access(ctx: Ctx, personId: string, action: 'read' | 'write', category: 'programme' | 'economy') {
  const { person, relationships } = await loadReachablePerson(ctx, personId);
  const d = canAccessPerson(ctx.actor, action, category, relationships);
  if (!d.allowed) throw forbidden();
  return { person, d, relationships };
}

export function registerPlans(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };

  route(app, 'listPlans', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      const { d, relationships } = await access(ctx, params.id, 'read', 'programme');
      const rows = await ctx.tx.select().from(integrationPlans).where(and(eq(integrationPlans.municipalityId, ctx.actor.municipalityId), eq(integrationPlans.personId, params.id))).orderBy(desc(integrationPlans.planNo));
      await ctx.audit({ action: 'plan.read', subjectType: 'person', subjectId: params.id, categories: ['programme'], via: d.via });
      return { items: rows.map(presentPlan), can: { edit: canAccessPerson(ctx.actor, 'write', 'programme', relationships).allowed } };
    }),
  );

  route(app, 'draftPlan', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const { d } = await access(ctx, params.id, 'write', 'programme');
      const g = await findProgramme(ctx.tx, ctx.actor.municipalityId, params.id);
      if (!g?.startDate) throw new AppError('VALIDATION', 'Decide the programme first', { fields: [{ path: 'measures', message: 'a plan needs a programme decision with a start date' }] });
      const end = programmeEnd({ startDate: g.startDate, endDate: g.endDate, plannedMonths: g.plannedMonths, extensionMonths: g.extensionMonths });
      const problems: { path: string; message: string }[] = [];
      const unitIds = new Set((await ctx.tx.select({ id: units.id }).from(units).where(eq(units.municipalityId, ctx.actor.municipalityId))).map((u) => u.id));
      body.measures.forEach((m, i) => {
        if (compareDates(m.to, m.from) < 0) problems.push({ path: `measures.${i}.to`, message: 'cannot be before the start of the measure' });
        if (compareDates(m.from, g.startDate!) < 0 || (end && compareDates(m.to, end) > 0)) problems.push({ path: `measures.${i}.from`, message: `is outside the programme period (${g.startDate} – ${end ?? 'open'})` });
        if (m.providerUnitId && !unitIds.has(m.providerUnitId)) problems.push({ path: `measures.${i}.providerUnitId`, message: 'is not a unit of this municipality' });
      });
      const existing = await ctx.tx.select().from(integrationPlans).where(eq(integrationPlans.personId, params.id)).orderBy(desc(integrationPlans.planNo));
      if (existing.some((p) => p.status === 'adopted') && !body.changeReason) problems.push({ path: 'changeReason', message: 'is required when changing an adopted plan' });
      if (problems.length > 0) throw new AppError('VALIDATION', `${problems[0]!.path} ${problems[0]!.message}`, { fields: problems });
      // A draft is not a decision yet: a new draft while one is pending replaces its content.
      const pending = existing[0]?.status === 'draft' ? existing[0] : undefined;
      if (pending) {
        const [updated] = await ctx.tx
          .update(integrationPlans)
          .set({
            goals: body.goals,
            norwegianGoal: body.norwegianGoal,
            measures: body.measures,
            changeReason: body.changeReason,
            significant: existing.length === 1 ? true : body.significant,
            version: pending.version + 1,
          })
          .where(and(eq(integrationPlans.id, pending.id), eq(integrationPlans.version, pending.version)))
          .returning();
        if (!updated) throw versionConflict();
        await ctx.audit({ action: 'plan.draft_update', subjectType: 'person', subjectId: params.id, categories: ['programme'], via: d.via });
        return presentPlan(updated);
      }
      const [row] = await ctx.tx
        .insert(integrationPlans)
        .values({
          municipalityId: ctx.actor.municipalityId,
          personId: params.id,
          planNo: (existing[0]?.planNo ?? 0) + 1,
          status: 'draft',
          goals: body.goals,
          norwegianGoal: body.norwegianGoal,
          measures: body.measures,
          changeReason: body.changeReason,
          significant: existing.length === 0 ? true : body.significant,
          createdAt: ctx.now,
          createdBy: ctx.actor.userId,
        })
        .returning();
      await ctx.audit({ action: 'plan.draft', subjectType: 'person', subjectId: params.id, categories: ['programme'], via: d.via });
      return presentPlan(row!);
    }),
  );

  route(app, 'adoptPlan', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const [plan] = await ctx.tx.select().from(integrationPlans).where(and(eq(integrationPlans.municipalityId, ctx.actor.municipalityId), eq(integrationPlans.id, params.id))).limit(1);
      if (!plan) throw notFound();
      const { d } = await access(ctx, plan.personId, 'write', 'programme');
      if (plan.version !== body.version) throw versionConflict();
      if (plan.status !== 'draft') throw new AppError('CONFLICT', `Plan ${plan.planNo} is already ${plan.status}`);
      const reviewDue = body.reviewDue ?? addMonths(body.decisionDate, PLAN_REVIEW_MONTHS);
      if (compareDates(reviewDue, body.decisionDate) <= 0) throw new AppError('VALIDATION', 'reviewDue must be after the decision', { fields: [{ path: 'reviewDue', message: 'must be after the decision date' }] });
      await ctx.tx
        .update(integrationPlans)
        .set({ status: 'superseded', version: sql`${integrationPlans.version} + 1` })
        .where(and(eq(integrationPlans.personId, plan.personId), eq(integrationPlans.status, 'adopted')));
      const [row] = await ctx.tx
        .update(integrationPlans)
        .set({ status: 'adopted', decisionDate: body.decisionDate, reviewDue, adoptedAt: ctx.now, adoptedBy: ctx.actor.userId, version: plan.version + 1 })
        .where(and(eq(integrationPlans.id, plan.id), eq(integrationPlans.version, body.version)))
        .returning();
      if (!row) throw versionConflict();
      const unitFor = await unitResolver(ctx);
      const owner = unitFor('refugee_service');
      // The revision of this plan goes on the queue; the previous plan's revision is done.
      await closeTask(ctx, `plan-review:${plan.personId}`);
      await upsertTask(
        ctx,
        {
          sourceKey: `plan-review:${plan.personId}`,
          kind: 'programme.plan_review',
          itemKey: 'plan_review',
          title: `Vurder integreringsplanen (versjon ${row.planNo}) på nytt`,
          legalBasis: 'Integreringsloven § 15: planen vurderes jevnlig og ved vesentlige endringer',
          category: 'programme',
          personId: plan.personId,
          ownerUnitId: owner,
          dueDate: reviewDue,
        },
        { reopen: true },
      );
      if (row.significant) {
        await upsertTask(ctx, {
          sourceKey: `nir:${plan.personId}:plan:${body.decisionDate}`,
          kind: 'programme.nir',
          itemKey: 'nir_plan',
          title: 'Registrer i NIR: integreringsplan',
          legalBasis: 'NIR: hendelser registreres fortløpende og senest innen 2 måneder',
          category: 'programme',
          personId: plan.personId,
          ownerUnitId: owner,
          dueDate: nirDeadline(body.decisionDate),
        });
      }
      await ctx.audit({ action: row.significant ? 'plan.adopt_decision' : 'plan.adopt_adjustment', subjectType: 'person', subjectId: plan.personId, categories: ['programme'], via: d.via });
      return presentPlan(row);
    }),
  );

  route(app, 'getOtherBenefits', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      const { d } = await access(ctx, params.id, 'read', 'economy');
      const rows = await ctx.tx.select().from(otherBenefits).where(and(eq(otherBenefits.municipalityId, ctx.actor.municipalityId), eq(otherBenefits.personId, params.id))).orderBy(asc(otherBenefits.fromDate));
      await ctx.audit({ action: 'benefit.other.read', subjectType: 'person', subjectId: params.id, categories: ['economy'], via: d.via });
      return { items: rows.map((r) => ({ kind: r.kind as 'wages', monthlyAmount: r.monthlyAmount, earnedBeforeProgramme: r.earnedBeforeProgramme, from: r.fromDate, to: r.toDate })) };
    }),
  );

  route(app, 'putOtherBenefits', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const { d } = await access(ctx, params.id, 'write', 'economy');
      body.items.forEach((b, i) => {
        if (b.to !== null && compareDates(b.to, b.from) < 0) throw new AppError('VALIDATION', 'ends before it starts', { fields: [{ path: `items.${i}.to`, message: 'cannot be before the start' }] });
      });
      await ctx.tx.delete(otherBenefits).where(and(eq(otherBenefits.municipalityId, ctx.actor.municipalityId), eq(otherBenefits.personId, params.id)));
      if (body.items.length > 0) {
        await ctx.tx.insert(otherBenefits).values(
          body.items.map((b) => ({ municipalityId: ctx.actor.municipalityId, personId: params.id, kind: b.kind, monthlyAmount: b.monthlyAmount, earnedBeforeProgramme: b.earnedBeforeProgramme, fromDate: b.from, toDate: b.to })),
        );
      }
      await ctx.audit({ action: 'benefit.other.update', subjectType: 'person', subjectId: params.id, categories: ['economy'], via: d.via });
      return { items: body.items };
    }),
  );

  route(app, 'listOverpayments', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      const { d } = await access(ctx, params.id, 'read', 'economy');
      const rows = await ctx.tx.select().from(overpayments).where(and(eq(overpayments.municipalityId, ctx.actor.municipalityId), eq(overpayments.personId, params.id))).orderBy(asc(overpayments.createdAt));
      await ctx.audit({ action: 'overpayment.read', subjectType: 'person', subjectId: params.id, categories: ['economy'], via: d.via });
      return presentOverpayments(rows);
    }),
  );

  route(app, 'createOverpayment', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const { d } = await access(ctx, params.id, 'write', 'economy');
      if (body.recoverPerMonth > body.amount) throw new AppError('VALIDATION', 'recoverPerMonth exceeds the amount', { fields: [{ path: 'recoverPerMonth', message: 'cannot be more than the amount' }] });
      await ctx.tx.insert(overpayments).values({ municipalityId: ctx.actor.municipalityId, personId: params.id, amount: body.amount, reason: body.reason, recoverPerMonth: body.recoverPerMonth, createdAt: ctx.now, createdBy: ctx.actor.userId });
      await ctx.audit({ action: 'overpayment.create', subjectType: 'person', subjectId: params.id, categories: ['economy'], via: d.via });
      const rows = await ctx.tx.select().from(overpayments).where(eq(overpayments.personId, params.id)).orderBy(asc(overpayments.createdAt));
      return presentOverpayments(rows);
    }),
  );
}

/** Other benefits in force in a month, per person. */
export async function otherBenefitsIn(ctx: Ctx, personIds: string[], from: string, to: string) {
  if (personIds.length === 0) return new Map<string, { kind: string; monthlyAmount: number; earnedBeforeProgramme: boolean }[]>();
  const rows = await ctx.tx
    .select()
    .from(otherBenefits)
    .where(and(eq(otherBenefits.municipalityId, ctx.actor.municipalityId), sql`${otherBenefits.personId} = ANY(${`{${personIds.join(',')}}`}::uuid[])`, sql`${otherBenefits.fromDate} <= ${to}::date`, sql`(${otherBenefits.toDate} IS NULL OR ${otherBenefits.toDate} >= ${from}::date)`));
  const m = new Map<string, { kind: string; monthlyAmount: number; earnedBeforeProgramme: boolean }[]>();
  for (const r of rows) m.set(r.personId, [...(m.get(r.personId) ?? []), { kind: r.kind, monthlyAmount: r.monthlyAmount, earnedBeforeProgramme: r.earnedBeforeProgramme }]);
  return m;
}

/** What to recover this month per person: the sum of each open overpayment's instalment, capped at what is left. */
export async function recoveryDue(ctx: Ctx, personIds: string[]) {
  if (personIds.length === 0) return new Map<string, number>();
  const rows = await ctx.tx
    .select()
    .from(overpayments)
    .where(and(eq(overpayments.municipalityId, ctx.actor.municipalityId), eq(overpayments.status, 'open'), sql`${overpayments.personId} = ANY(${`{${personIds.join(',')}}`}::uuid[])`));
  const m = new Map<string, number>();
  for (const r of rows) m.set(r.personId, (m.get(r.personId) ?? 0) + Math.min(r.recoverPerMonth, r.amount - r.recovered));
  return m;
}

/** After export: book what each payment recovered against the oldest open overpayments. */
export async function bookRecoveries(ctx: Ctx, recovered: { personId: string; amount: number }[]) {
  for (const { personId, amount } of recovered) {
    let left = amount;
    if (left <= 0) continue;
    const open = await ctx.tx.select().from(overpayments).where(and(eq(overpayments.personId, personId), eq(overpayments.status, 'open'))).orderBy(asc(overpayments.createdAt));
    for (const o of open) {
      if (left <= 0) break;
      const take = Math.min(left, o.amount - o.recovered);
      left -= take;
      const done = o.recovered + take >= o.amount;
      await ctx.tx
        .update(overpayments)
        .set({ recovered: o.recovered + take, status: done ? 'recovered' : 'open', version: o.version + 1 })
        .where(eq(overpayments.id, o.id));
    }
  }
}
