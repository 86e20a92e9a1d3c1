import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import type { DwellingFields } from '@eidor/contract';
import { addDays, can, compareDates, daysInMonth, formatIsoDate, leaseWarningDate, osloDate, periodsOverlap, vacancy, type Permission } from '@eidor/domain';
import { dwellingAllocations, dwellings } from '../../db/schema.ts';
import { withTenant, type Ctx, type Deps } from '../../platform/context.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { personsChanged } from '../../platform/hooks.ts';
import { route } from '../../platform/http.ts';
import { findHousehold } from '../persons/public.ts';
import { closeTask, unitResolver, upsertTask } from '../tasks/service.ts';
import { currentAllocation, presentDwelling } from './presenter.ts';
import { allocationsWithNames, bumpAllocation, findAllocation, findDwelling, listDwellingRows, type DwellingRow } from './queries.ts';

function require(ctx: Ctx, p: Permission) {
  const d = can(ctx.actor, p);
  if (!d.allowed) throw forbidden();
  return d;
}

function checkLease(f: z.output<typeof DwellingFields>) {
  if (f.leaseEnd !== null && compareDates(f.leaseEnd, f.leaseStart) < 0) {
    throw new AppError('VALIDATION', 'The lease ends before it starts', { fields: [{ path: 'leaseEnd', message: 'cannot be before the lease start' }] });
  }
}

/** The follow-up of a lease: 90 days before it ends, decide to renew or give notice. */
async function syncLeaseTask(ctx: Ctx, d: DwellingRow, leaseChanged: boolean) {
  const key = `lease:${d.id}`;
  if (d.status !== 'active' || d.leaseEnd === null) return closeTask(ctx, key);
  const unitFor = await unitResolver(ctx);
  await upsertTask(
    ctx,
    {
      sourceKey: key,
      kind: 'housing.lease',
      itemKey: 'lease_expiry',
      title: `Leiekontrakt utløper ${d.leaseEnd}: forleng eller si opp`,
      description: d.address,
      category: 'settlement',
      dwellingId: d.id,
      ownerUnitId: unitFor('housing'),
      dueDate: leaseWarningDate(d.leaseEnd),
    },
    { reopen: leaseChanged },
  );
}

async function dwellingView(ctx: Ctx, id: string, audit: boolean) {
  const d = await findDwelling(ctx.tx, ctx.actor.municipalityId, id);
  if (!d) throw notFound();
  const allocs = await allocationsWithNames(ctx.tx, [id]);
  if (audit && allocs.length > 0) await ctx.audit({ action: 'dwelling.read', subjectType: 'dwelling', subjectId: id, categories: ['identity', 'settlement'] });
  return presentDwelling(d, allocs, osloDate(ctx.now), can(ctx.actor, 'housing.manage').allowed);
}

export function registerHousing(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };

  route(app, 'listDwellings', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => {
      require(ctx, 'housing.view');
      const list = await listDwellingRows(ctx.tx, ctx.actor.municipalityId);
      const allocs = await allocationsWithNames(ctx.tx, list.map((d) => d.id));
      const today = osloDate(ctx.now);
      const mayEdit = can(ctx.actor, 'housing.manage').allowed;
      if (allocs.length > 0) await ctx.audit({ action: 'dwelling.list', subjectType: 'dwelling', categories: ['identity', 'settlement'] });
      return {
        items: list.map((d) => {
          const { allocations: _omit, ...rest } = presentDwelling(d, allocs.filter((a) => a.dwellingId === d.id), today, mayEdit);
          return rest;
        }),
        can: { create: mayEdit },
      };
    }),
  );

  route(app, 'createDwelling', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = require(ctx, 'housing.manage');
      checkLease(body);
      const [row] = await ctx.tx.insert(dwellings).values({ ...body, municipalityId: ctx.actor.municipalityId, createdAt: ctx.now, updatedAt: ctx.now }).returning();
      await syncLeaseTask(ctx, row!, true);
      await ctx.audit({ action: 'dwelling.create', subjectType: 'dwelling', subjectId: row!.id, categories: ['settlement'], via: d.via });
      return dwellingView(ctx, row!.id, false);
    }),
  );

  route(app, 'getDwelling', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      require(ctx, 'housing.view');
      return dwellingView(ctx, params.id, true);
    }),
  );

  route(app, 'updateDwelling', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = require(ctx, 'housing.manage');
      const before = await findDwelling(ctx.tx, ctx.actor.municipalityId, params.id, { lock: true });
      if (!before) throw notFound();
      if (before.version !== body.version) throw versionConflict();
      checkLease(body.fields);
      const allocs = await allocationsWithNames(ctx.tx, [before.id]);
      const f = body.fields;
      const startsBefore = allocs.find((a) => compareDates(a.fromDate, f.leaseStart) < 0);
      if (startsBefore) throw new AppError('VALIDATION', 'An allocation starts before the lease', { fields: [{ path: 'leaseStart', message: `is after the allocation from ${startsBefore.fromDate}` }] });
      const endsAfter = f.leaseEnd === null ? undefined : allocs.find((a) => compareDates(a.fromDate, f.leaseEnd!) > 0 || (a.toDate !== null && compareDates(a.toDate, f.leaseEnd!) > 0));
      if (endsAfter) throw new AppError('VALIDATION', 'An allocation goes past the lease', { fields: [{ path: 'leaseEnd', message: `is before the end of the allocation from ${endsAfter.fromDate}` }] });
      const [row] = await ctx.tx
        .update(dwellings)
        .set({ ...body.fields, version: sql`${dwellings.version} + 1`, updatedAt: ctx.now })
        .where(and(eq(dwellings.id, before.id), eq(dwellings.version, body.version)))
        .returning();
      if (!row) throw versionConflict();
      await syncLeaseTask(ctx, row, before.leaseEnd !== row.leaseEnd);
      await ctx.audit({ action: 'dwelling.update', subjectType: 'dwelling', subjectId: row.id, categories: ['settlement'], via: d.via });
      return dwellingView(ctx, row.id, false);
    }),
  );

  route(app, 'allocateDwelling', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = require(ctx, 'housing.manage');
      const dwelling = await findDwelling(ctx.tx, ctx.actor.municipalityId, params.id, { lock: true });
      if (!dwelling) throw notFound();
      if (dwelling.status !== 'active') throw new AppError('VALIDATION', 'The dwelling is terminated', { fields: [{ path: 'fromDate', message: 'the dwelling is no longer in use' }] });
      if (!(await findHousehold(ctx.tx, ctx.actor.municipalityId, body.householdId))) {
        throw new AppError('VALIDATION', 'Unknown household', { fields: [{ path: 'householdId', message: 'is not a household in this municipality' }] });
      }
      if (body.toDate !== null && compareDates(body.toDate, body.fromDate) < 0) {
        throw new AppError('VALIDATION', 'The allocation ends before it starts', { fields: [{ path: 'toDate', message: 'cannot be before the start' }] });
      }
      if (compareDates(body.fromDate, dwelling.leaseStart) < 0 || (dwelling.leaseEnd !== null && compareDates(body.fromDate, dwelling.leaseEnd) > 0)) {
        throw new AppError('VALIDATION', 'Outside the lease', { fields: [{ path: 'fromDate', message: 'is outside the lease period of the dwelling' }] });
      }
      if (dwelling.leaseEnd !== null && body.toDate !== null && compareDates(body.toDate, dwelling.leaseEnd) > 0) {
        throw new AppError('VALIDATION', 'Outside the lease', { fields: [{ path: 'toDate', message: 'is after the lease ends' }] });
      }
      const existing = await allocationsWithNames(ctx.tx, [dwelling.id]);
      const clash = existing.find((a) => periodsOverlap({ from: a.fromDate, to: a.toDate }, { from: body.fromDate, to: body.toDate }));
      if (clash) {
        throw new AppError('CONFLICT', `The dwelling is already allocated from ${clash.fromDate}${clash.toDate ? ` to ${clash.toDate}` : ''}`, {
          fields: [{ path: 'fromDate', message: `overlaps the allocation from ${clash.fromDate}${clash.toDate ? ` to ${clash.toDate}` : ' (open-ended)'}` }],
        });
      }
      await ctx.tx.insert(dwellingAllocations).values({ municipalityId: ctx.actor.municipalityId, dwellingId: dwelling.id, householdId: body.householdId, fromDate: body.fromDate, toDate: body.toDate, createdAt: ctx.now, createdBy: ctx.actor.userId });
      await ctx.audit({ action: 'dwelling.allocate', subjectType: 'household', subjectId: body.householdId, categories: ['settlement'], via: d.via });
      await personsChanged(ctx, { personIds: [], householdIds: [body.householdId] });
      return dwellingView(ctx, dwelling.id, false);
    }),
  );

  route(app, 'updateAllocation', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = require(ctx, 'housing.manage');
      const a = await findAllocation(ctx.tx, ctx.actor.municipalityId, params.id);
      if (!a) throw notFound();
      await findDwelling(ctx.tx, ctx.actor.municipalityId, a.dwellingId, { lock: true });
      if (a.version !== body.version) throw versionConflict();
      if (body.toDate !== null && compareDates(body.toDate, a.fromDate) < 0) {
        throw new AppError('VALIDATION', 'The allocation ends before it starts', { fields: [{ path: 'toDate', message: 'cannot be before the start' }] });
      }
      const others = (await allocationsWithNames(ctx.tx, [a.dwellingId])).filter((x) => x.id !== a.id);
      const clash = others.find((x) => periodsOverlap({ from: x.fromDate, to: x.toDate }, { from: a.fromDate, to: body.toDate }));
      if (clash) throw new AppError('CONFLICT', 'Overlaps another allocation', { fields: [{ path: 'toDate', message: `overlaps the allocation from ${clash.fromDate}` }] });
      const updated = await bumpAllocation(ctx.tx, a.id, body.version, body.toDate);
      if (!updated) throw versionConflict();
      await ctx.audit({ action: 'dwelling.allocation_update', subjectType: 'household', subjectId: a.householdId, categories: ['settlement'], via: d.via });
      await personsChanged(ctx, { personIds: [], householdIds: [a.householdId] });
      return dwellingView(ctx, a.dwellingId, false);
    }),
  );

  route(app, 'housingVacancy', o, async ({ req, query }) =>
    withTenant(deps, req, async (ctx) => {
      require(ctx, 'housing.view');
      const today = osloDate(ctx.now);
      const year = query.year ?? Number(today.slice(0, 4));
      const list = (await listDwellingRows(ctx.tx, ctx.actor.municipalityId)).filter((d) => d.status === 'active' || d.leaseEnd !== null);
      const allocs = await allocationsWithNames(ctx.tx, list.map((d) => d.id));
      const periodsOf = (id: string) => allocs.filter((a) => a.dwellingId === id).map((a) => ({ from: a.fromDate, to: a.toDate }));
      const heldToday = (d: DwellingRow) => d.status === 'active' && compareDates(d.leaseStart, today) <= 0 && (d.leaseEnd === null || compareDates(d.leaseEnd, today) >= 0);
      const vacant = list
        .filter((d) => heldToday(d) && !currentAllocation(allocs.filter((a) => a.dwellingId === d.id), today))
        .map((d) => {
          const ended = allocs.filter((a) => a.dwellingId === d.id && a.toDate !== null && compareDates(a.toDate, today) < 0).map((a) => a.toDate!).sort();
          const since = ended.length ? addDays(ended.at(-1)!, 1) : d.leaseStart;
          return { id: d.id, address: d.address, kind: d.kind as 'waiting', rooms: d.rooms, monthlyRent: d.monthlyRent, vacantSince: since };
        });
      const waiting = list.filter((d) => d.kind === 'waiting');
      const waitingCostByMonth = Array.from({ length: 12 }, (_, i) => {
        const from = formatIsoDate(year, i + 1, 1);
        const to = formatIsoDate(year, i + 1, daysInMonth(year, i + 1));
        const sum = waiting.reduce((s, d) => s + vacancy({ monthlyRent: d.monthlyRent, lease: { from: d.leaseStart, to: d.leaseEnd } }, periodsOf(d.id), from, to).cost, 0);
        return Math.round(sum);
      });
      return {
        year,
        asOf: today,
        vacant,
        waitingCostByMonth,
        waitingCostYear: waitingCostByMonth.reduce((a, b) => a + b, 0),
        waitingCostPerMonthNow: vacant.filter((v) => v.kind === 'waiting').reduce((s, v) => s + v.monthlyRent, 0),
      };
    }),
  );
}
