import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import type { CaseView, ReunificationView, SettlementYearView } from '@eidor/contract';
import {
  can,
  checkPipelineFacts,
  compareDates,
  addDays,
  osloDate,
  PIPELINE_STAGES,
  reunificationGrantLimit,
  yearProgress,
  type Permission,
  type PipelineStage,
} from '@eidor/domain';
import { checklistTemplates, familyReunifications, settlementCases, settlementYears } from '../../db/schema.ts';
import { withTenant, type Ctx, type Deps } from '../../platform/context.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { onPersonsChanged } from '../../platform/hooks.ts';
import { route } from '../../platform/http.ts';
import { allocationsOfHouseholds } from '../housing/public.ts';
import { findHousehold, findPerson, householdsOf, membersOf, personNames, personsByDuf, recordSettlementFacts, registerPerson, settledPeople } from '../persons/public.ts';
import { presentTask } from '../tasks/presenter.ts';
import { tasksOfHousehold } from '../tasks/queries.ts';
import { readDistributionList, type ImportProblem } from './distribution-list.ts';
import { checklistItems, refreshHouseholds, summarise } from './pipeline.ts';
import { caseByReference, caseRows, casesOfHouseholds, findCase, liveCaseRows, findReunification, findYear, reunificationRows, yearRows, type ReunificationRow, type YearRow } from './queries.ts';

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

function require(ctx: Ctx, p: Permission) {
  const d = can(ctx.actor, p);
  if (!d.allowed) throw forbidden();
  return d;
}
const invalid = (path: string, message: string) => new AppError('VALIDATION', `${path} ${message}`, { fields: [{ path, message }] });

function presentYear(year: number, row: YearRow | undefined, settled: Awaited<ReturnType<typeof settledPeople>>): z.output<typeof SettlementYearView> {
  const inYear = settled.filter((p) => p.settlementDate!.startsWith(`${year}-`)).map((p) => ({ ...p, settlementDate: p.settlementDate! }));
  const decision = row
    ? { requestedTotal: row.requestedTotal, requestedUnaccompanied: row.requestedUnaccompanied, decidedTotal: row.decidedTotal, acceptsUnaccompanied: row.acceptsUnaccompanied, decidedUnaccompanied: row.decidedUnaccompanied }
    : null;
  const p = yearProgress(decision, inYear);
  return {
    year,
    version: row?.version ?? null,
    requestedTotal: row?.requestedTotal ?? null,
    requestedUnaccompanied: row?.requestedUnaccompanied ?? null,
    decidedTotal: row?.decidedTotal ?? null,
    acceptsUnaccompanied: row?.acceptsUnaccompanied ?? null,
    decidedUnaccompanied: row?.decidedUnaccompanied ?? null,
    decisionDate: row?.decisionDate ?? null,
    decisionBody: row?.decisionBody ?? null,
    sentToImdiDate: row?.sentToImdiDate ?? null,
    imdinettRegistered: row?.imdinettRegistered ?? false,
    extraCapacity: row?.extraCapacity ?? null,
    note: row?.note ?? null,
    settled: p.byCategory,
    uncategorised: p.uncategorised,
    counted: p.counted,
    unaccompanied: p.unaccompanied,
    remaining: p.remaining,
    remainingUnaccompanied: p.remainingUnaccompanied,
    share: p.share,
  };
}

async function caseView(ctx: Ctx, id: string, audit: boolean): Promise<z.output<typeof CaseView>> {
  const c = await findCase(ctx.tx, ctx.actor.municipalityId, id);
  if (!c) throw notFound();
  const h = await findHousehold(ctx.tx, ctx.actor.municipalityId, c.householdId);
  const members = await membersOf(ctx.tx, c.householdId);
  const { members: facts } = await householdsOf(ctx.tx, ctx.actor.municipalityId, [c.householdId]);
  const allocs = await allocationsOfHouseholds(ctx.tx, ctx.actor.municipalityId, [c.householdId]);
  const today = osloDate(ctx.now);
  const s = summarise(c, facts, allocs, today);
  const tasks = await tasksOfHousehold(ctx.tx, ctx.actor.municipalityId, c.householdId);
  if (audit) await ctx.audit({ action: 'settlement.case.read', subjectType: 'household', subjectId: c.householdId, categories: ['identity', 'settlement'] });
  return {
    id: c.id,
    householdId: c.householdId,
    householdName: h?.name ?? '',
    imdiReference: c.imdiReference,
    offeredDate: c.offeredDate,
    response: c.response ?? null,
    responseDate: c.responseDate,
    declineReason: c.declineReason,
    imdiDecisionDate: c.imdiDecisionDate,
    plannedArrivalDate: c.plannedArrivalDate,
    source: c.source,
    stage: s.stage,
    nextStep: s.nextStep,
    nextStepDue: s.nextStepDue,
    timing: s.timing,
    members: members.map((m) => ({
      personId: m.id,
      givenName: m.givenName,
      familyName: m.familyName,
      birthDate: m.birthDate,
      householdRole: m.householdRole as 'head' | null,
      arrivalCategory: m.arrivalCategory as never,
      permitDate: m.permitDate,
      settlementDate: m.settlementDate,
      populationRegisteredDate: m.populationRegisteredDate,
      status: m.status,
    })),
    allocations: allocs.map((a) => ({ id: a.id, dwellingId: a.dwellingId, address: a.address, fromDate: a.fromDate, toDate: a.toDate })),
    tasks: tasks.map((t) => presentTask(t, ctx.actor, today)),
    version: c.version,
    can: { edit: can(ctx.actor, 'settlement.manage').allowed },
  };
}

async function presentReunifications(ctx: Ctx, rs: ReunificationRow[]): Promise<z.output<typeof ReunificationView>[]> {
  const names = await personNames(ctx.tx, ctx.actor.municipalityId, rs.map((r) => r.sponsorPersonId));
  return rs.map((r) => {
    const sponsor = names.get(r.sponsorPersonId);
    const limit = reunificationGrantLimit(sponsor?.settlementDate ?? null, r.applicationDate);
    return {
      id: r.id,
      sponsorPersonId: r.sponsorPersonId,
      sponsorName: sponsor?.name ?? '',
      sponsorFirstSettlement: sponsor?.settlementDate ?? null,
      expectedName: r.expectedName,
      relation: r.relation as 'spouse',
      birthDate: r.birthDate,
      applicationDate: r.applicationDate,
      expectedArrivalDate: r.expectedArrivalDate,
      status: r.status as 'expected',
      arrivedPersonId: r.arrivedPersonId,
      note: r.note,
      grantLimitDate: limit.limitDate,
      grantLimitExceeded: limit.exceeded,
      version: r.version,
    };
  });
}

async function checkReunification(ctx: Ctx, f: { sponsorPersonId: string; arrivedPersonId: string | null; status: string }) {
  if (!(await findPerson(ctx.tx, ctx.actor.municipalityId, f.sponsorPersonId))) throw invalid('sponsorPersonId', 'is not a person in this municipality');
  if (f.arrivedPersonId && !(await findPerson(ctx.tx, ctx.actor.municipalityId, f.arrivedPersonId))) throw invalid('arrivedPersonId', 'is not a person in this municipality');
  if (f.status === 'arrived' && !f.arrivedPersonId) throw invalid('arrivedPersonId', 'is required when the family member has arrived (register them first)');
}

export function registerSettlement(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };
  // Edits of people (a settlement date, a move between households, an allocation) update the queue.
  onPersonsChanged(async (ctx, change) => refreshHouseholds(ctx, change.householdIds));

  route(app, 'listSettlementYears', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => {
      require(ctx, 'settlement.view');
      const rows = await yearRows(ctx.tx, ctx.actor.municipalityId);
      const settled = await settledPeople(ctx.tx, ctx.actor.municipalityId);
      const thisYear = Number(osloDate(ctx.now).slice(0, 4));
      const years = new Set<number>([thisYear, ...rows.map((r) => r.year), ...settled.map((p) => Number(p.settlementDate!.slice(0, 4)))]);
      return {
        items: [...years].sort((a, b) => b - a).map((y) => presentYear(y, rows.find((r) => r.year === y), settled)),
        can: { edit: can(ctx.actor, 'settlement.manage').allowed },
      };
    }),
  );

  route(app, 'putSettlementYear', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = require(ctx, 'settlement.manage');
      const f = body.fields;
      if (f.requestedUnaccompanied !== null && f.requestedTotal !== null && f.requestedUnaccompanied > f.requestedTotal) throw invalid('fields.requestedUnaccompanied', 'cannot be more than the requested total');
      if (f.decidedUnaccompanied !== null && f.acceptsUnaccompanied !== true) throw invalid('fields.decidedUnaccompanied', 'needs the decision to accept unaccompanied minors');
      if (f.decidedUnaccompanied !== null && f.decidedTotal !== null && f.decidedUnaccompanied > f.decidedTotal) throw invalid('fields.decidedUnaccompanied', 'cannot be more than the decided total');
      if (f.decisionDate === null && f.decidedTotal !== null) throw invalid('fields.decisionDate', "is required with the council's decision");
      const existing = await findYear(ctx.tx, ctx.actor.municipalityId, params.year);
      if (body.version === null) {
        if (existing) throw versionConflict();
        await ctx.tx.insert(settlementYears).values({ ...f, municipalityId: ctx.actor.municipalityId, year: params.year, createdAt: ctx.now, updatedAt: ctx.now });
      } else {
        if (!existing || existing.version !== body.version) throw versionConflict();
        const r = await ctx.tx
          .update(settlementYears)
          .set({ ...f, version: sql`${settlementYears.version} + 1`, updatedAt: ctx.now })
          .where(and(eq(settlementYears.municipalityId, ctx.actor.municipalityId), eq(settlementYears.year, params.year), eq(settlementYears.version, body.version)))
          .returning();
        if (!r[0]) throw versionConflict();
      }
      await ctx.audit({ action: 'settlement.year.save', subjectType: 'settlement_year', subjectId: String(params.year), categories: [], via: d.via });
      const row = await findYear(ctx.tx, ctx.actor.municipalityId, params.year);
      return presentYear(params.year, row, await settledPeople(ctx.tx, ctx.actor.municipalityId));
    }),
  );

  route(app, 'listPipeline', o, async ({ req, query }) =>
    withTenant(deps, req, async (ctx) => {
      require(ctx, 'settlement.view');
      const today = osloDate(ctx.now);
      const cutoff = addDays(today, -90);
      // Most households finished long ago: leave them out before loading their members.
      const cases = query.includeFinished === 'false' ? await liveCaseRows(ctx.tx, ctx.actor.municipalityId, cutoff) : await caseRows(ctx.tx, ctx.actor.municipalityId);
      const ids = cases.map((c) => c.householdId);
      const { households, members } = await householdsOf(ctx.tx, ctx.actor.municipalityId, ids);
      const allocs = await allocationsOfHouseholds(ctx.tx, ctx.actor.municipalityId, ids);
      const membersBy = groupBy(members, (m) => m.householdId!);
      const allocsBy = groupBy(allocs, (a) => a.householdId);
      const nameOf = new Map(households.map((h) => [h.id, h.name]));
      const counts = Object.fromEntries(PIPELINE_STAGES.map((s) => [s, 0])) as Record<PipelineStage, number>;
      const items = [];
      for (const c of cases) {
        const ms = membersBy.get(c.householdId) ?? [];
        const s = summarise(c, ms, allocsBy.get(c.householdId) ?? [], today);
        const finishedOn =
          s.stage === 'declined' ? c.responseDate : s.stage === 'registered' ? ms.map((m) => m.populationRegisteredDate ?? '').sort().at(-1) ?? null : null;
        if (query.includeFinished === 'false' && finishedOn && compareDates(finishedOn, cutoff) < 0) continue;
        counts[s.stage]++;
        if (query.stage && s.stage !== query.stage) continue;
        items.push({
          id: c.id,
          householdId: c.householdId,
          householdName: nameOf.get(c.householdId) ?? '',
          imdiReference: c.imdiReference,
          memberCount: ms.length,
          stage: s.stage,
          nextStep: s.nextStep,
          nextStepDue: s.nextStepDue,
          overdue: s.overdue,
          offeredDate: c.offeredDate,
          plannedArrivalDate: c.plannedArrivalDate,
          timing: s.timing,
        });
      }
      items.sort((a, b) => (a.nextStepDue ?? '9999') .localeCompare(b.nextStepDue ?? '9999') || a.offeredDate.localeCompare(b.offeredDate));
      if (items.length > 0) await ctx.audit({ action: 'settlement.pipeline.list', subjectType: 'household', categories: ['identity', 'settlement'] });
      const mayEdit = can(ctx.actor, 'settlement.manage').allowed;
      return { items, counts, can: { edit: mayEdit, import: mayEdit } };
    }),
  );

  route(app, 'createSettlementCase', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = require(ctx, 'settlement.manage');
      if (!(await findHousehold(ctx.tx, ctx.actor.municipalityId, body.householdId))) throw invalid('householdId', 'is not a household in this municipality');
      if ((await casesOfHouseholds(ctx.tx, ctx.actor.municipalityId, [body.householdId])).length > 0) {
        throw new AppError('CONFLICT', 'The household is already in the pipeline', { fields: [{ path: 'householdId', message: 'already has a settlement case' }] });
      }
      if (body.imdiReference && (await caseByReference(ctx.tx, ctx.actor.municipalityId, [body.imdiReference])).length > 0) {
        throw new AppError('CONFLICT', 'The IMDi reference is already used', { fields: [{ path: 'imdiReference', message: 'is already used by another household' }] });
      }
      const [c] = await ctx.tx
        .insert(settlementCases)
        .values({ municipalityId: ctx.actor.municipalityId, householdId: body.householdId, imdiReference: body.imdiReference, offeredDate: body.offeredDate, source: 'manual', createdAt: ctx.now, updatedAt: ctx.now })
        .returning();
      await ctx.audit({ action: 'settlement.case.create', subjectType: 'household', subjectId: body.householdId, categories: ['settlement'], via: d.via });
      await refreshHouseholds(ctx, [body.householdId]);
      return caseView(ctx, c!.id, false);
    }),
  );

  route(app, 'getSettlementCase', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      require(ctx, 'settlement.view');
      return caseView(ctx, params.id, true);
    }),
  );

  route(app, 'updateSettlementCase', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = require(ctx, 'settlement.manage');
      const c = await findCase(ctx.tx, ctx.actor.municipalityId, params.id);
      if (!c) throw notFound();
      if (c.version !== body.version) throw versionConflict();
      if (body.response === 'declined' && !body.declineReason) throw invalid('declineReason', 'is required when the offer is declined');
      const members = await membersOf(ctx.tx, c.householdId);
      const given = new Map(body.members.map((m) => [m.personId, m]));
      body.members.forEach((m, i) => {
        if (!members.some((x) => x.id === m.personId)) throw invalid(`members.${i}.personId`, 'is not a member of this household');
      });
      const nextMembers = members.map((m) => {
        const g = given.get(m.id);
        return {
          ...m,
          settlementDate: g ? g.settlementDate : m.settlementDate,
          populationRegisteredDate: g ? g.populationRegisteredDate : m.populationRegisteredDate,
        };
      });
      const next = {
        ...c,
        imdiReference: body.imdiReference,
        offeredDate: body.offeredDate,
        response: body.response,
        responseDate: body.responseDate,
        declineReason: body.response === 'declined' ? body.declineReason : null,
        imdiDecisionDate: body.imdiDecisionDate,
        plannedArrivalDate: body.plannedArrivalDate,
      };
      const s = summarise(next, nextMembers, [], osloDate(ctx.now));
      const problems = checkPipelineFacts(s.facts);
      if (problems.length > 0) {
        // Map member indexes in the household to the indexes the request used.
        const fields = problems.map((p) => {
          const m = /^members\.(\d+)\.(\w+)$/.exec(p.field);
          if (!m) return { path: p.field, message: p.message };
          const personId = nextMembers[Number(m[1])]!.id;
          const idx = body.members.findIndex((x) => x.personId === personId);
          return { path: idx >= 0 ? `members.${idx}.${m[2]}` : `members.${personId}.${m[2]}`, message: p.message };
        });
        throw new AppError('VALIDATION', `${fields[0]!.path} ${fields[0]!.message}`, { fields });
      }
      if (body.imdiReference && body.imdiReference !== c.imdiReference && (await caseByReference(ctx.tx, ctx.actor.municipalityId, [body.imdiReference])).length > 0) {
        throw new AppError('CONFLICT', 'The IMDi reference is already used', { fields: [{ path: 'imdiReference', message: 'is already used by another household' }] });
      }
      const r = await ctx.tx
        .update(settlementCases)
        .set({
          imdiReference: next.imdiReference,
          offeredDate: next.offeredDate,
          response: next.response,
          responseDate: next.responseDate,
          declineReason: next.declineReason,
          imdiDecisionDate: next.imdiDecisionDate,
          plannedArrivalDate: next.plannedArrivalDate,
          version: sql`${settlementCases.version} + 1`,
          updatedAt: ctx.now,
        })
        .where(and(eq(settlementCases.id, c.id), eq(settlementCases.version, body.version)))
        .returning();
      if (!r[0]) throw versionConflict();
      for (const m of members) {
        const g = given.get(m.id);
        if (!g) continue;
        const changes = await recordSettlementFacts(ctx, m, { settlementDate: g.settlementDate, populationRegisteredDate: g.populationRegisteredDate });
        if (changes.length > 0) await ctx.audit({ action: 'person.update', subjectType: 'person', subjectId: m.id, categories: ['settlement'], via: d.via });
      }
      await ctx.audit({ action: 'settlement.case.update', subjectType: 'household', subjectId: c.householdId, categories: ['settlement'], via: d.via });
      await refreshHouseholds(ctx, [c.householdId]);
      return caseView(ctx, c.id, false);
    }),
  );

  route(app, 'importDistributionList', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = require(ctx, 'settlement.manage');
      const read = readDistributionList(body.csv);
      const problems: ImportProblem[] = [...read.problems];
      const invalidRefs = new Set(read.invalidReferences);
      // Already in the pipeline, or a person already registered: refuse, never a second record.
      const existing = new Set((await caseByReference(ctx.tx, ctx.actor.municipalityId, read.households.map((h) => h.reference))).map((r) => r.imdiReference));
      const dufs = read.households.flatMap((h) => h.rows.map((r) => r.person.dufNumber).filter((x): x is string => x !== null));
      const known = new Set((await personsByDuf(ctx.tx, ctx.actor.municipalityId, dufs)).map((p) => p.dufNumber));
      for (const h of read.households) {
        if (existing.has(h.reference)) {
          problems.push({ line: h.rows[0]!.line, column: 'imdi_reference', message: `Household ${h.reference} is already in the pipeline` });
          invalidRefs.add(h.reference);
        }
        for (const r of h.rows) {
          if (r.person.dufNumber && known.has(r.person.dufNumber)) {
            problems.push({ line: r.line, column: 'duf_number', message: 'A person with this DUF number is already registered' });
            invalidRefs.add(h.reference);
          }
        }
      }
      problems.sort((a, b) => a.line - b.line);
      const toImport = read.households.filter((h) => !invalidRefs.has(h.reference));
      const summary = { dryRun: body.dryRun, rows: read.rows, households: read.households.length + [...invalidRefs].filter((r) => !read.households.some((h) => h.reference === r)).length, problems };
      if (body.dryRun) return { ...summary, imported: { households: 0, persons: 0 }, caseIds: [] };
      if (problems.length > 0 && body.mode === 'all') {
        throw new AppError('VALIDATION', `The file has ${problems.length} problem(s); nothing was imported`, {
          fields: problems.slice(0, 200).map((p) => ({ path: `line ${p.line}${p.column ? `: ${p.column}` : ''}`, message: p.message })),
        });
      }
      let persons = 0;
      const caseIds: string[] = [];
      for (const h of toImport) {
        const rows = [...h.rows].sort((a, b) => (a.person.householdRole === 'head' ? -1 : b.person.householdRole === 'head' ? 1 : 0));
        let householdId: string | null = null;
        for (const r of rows) {
          try {
            const p = await registerPerson(ctx, {
              person: r.person,
              household: householdId ? { mode: 'existing', householdId } : { mode: 'new', name: `Husstanden ${r.person.familyName}` },
            });
            householdId = p.householdId;
            persons++;
          } catch (err) {
            if (err instanceof AppError && err.code === 'VALIDATION') {
              throw new AppError('VALIDATION', `Line ${r.line}: ${err.message}; nothing was imported`, {
                fields: (err.fields ?? [{ path: '', message: err.message }]).map((f) => ({ path: `line ${r.line}: ${f.path}`, message: f.message })),
              });
            }
            throw err;
          }
        }
        const [c] = await ctx.tx
          .insert(settlementCases)
          .values({ municipalityId: ctx.actor.municipalityId, householdId: householdId!, imdiReference: h.reference, offeredDate: h.offeredDate, source: 'import', createdAt: ctx.now, updatedAt: ctx.now })
          .returning();
        caseIds.push(c!.id);
        await refreshHouseholds(ctx, [householdId!]);
      }
      await ctx.audit({ action: 'settlement.import', subjectType: 'household', categories: ['identity', 'settlement'], via: d.via });
      return { ...summary, imported: { households: caseIds.length, persons }, caseIds };
    }),
  );

  route(app, 'listReunifications', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => {
      require(ctx, 'settlement.view');
      const rs = await reunificationRows(ctx.tx, ctx.actor.municipalityId);
      if (rs.length > 0) await ctx.audit({ action: 'settlement.reunification.list', subjectType: 'person', categories: ['identity', 'settlement'] });
      return { items: await presentReunifications(ctx, rs), can: { edit: can(ctx.actor, 'settlement.manage').allowed } };
    }),
  );

  route(app, 'createReunification', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = require(ctx, 'settlement.manage');
      await checkReunification(ctx, body);
      const [r] = await ctx.tx.insert(familyReunifications).values({ ...body, municipalityId: ctx.actor.municipalityId, createdAt: ctx.now, updatedAt: ctx.now }).returning();
      await ctx.audit({ action: 'settlement.reunification.create', subjectType: 'person', subjectId: body.sponsorPersonId, categories: ['identity', 'settlement'], via: d.via });
      return (await presentReunifications(ctx, [r!]))[0]!;
    }),
  );

  route(app, 'updateReunification', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = require(ctx, 'settlement.manage');
      const before = await findReunification(ctx.tx, ctx.actor.municipalityId, params.id);
      if (!before) throw notFound();
      if (before.version !== body.version) throw versionConflict();
      await checkReunification(ctx, body.fields);
      const [r] = await ctx.tx
        .update(familyReunifications)
        .set({ ...body.fields, version: sql`${familyReunifications.version} + 1`, updatedAt: ctx.now })
        .where(and(eq(familyReunifications.id, before.id), eq(familyReunifications.version, body.version)))
        .returning();
      if (!r) throw versionConflict();
      await ctx.audit({ action: 'settlement.reunification.update', subjectType: 'person', subjectId: r.sponsorPersonId, categories: ['identity', 'settlement'], via: d.via });
      return (await presentReunifications(ctx, [r]))[0]!;
    }),
  );

  route(app, 'getChecklistTemplate', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => {
      require(ctx, 'settlement.view');
      const t = await checklistItems(ctx);
      return { items: t.items, version: t.version, can: { edit: can(ctx.actor, 'settlement.manage').allowed } };
    }),
  );

  route(app, 'putChecklistTemplate', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      const d = require(ctx, 'settlement.manage');
      const t = await checklistItems(ctx);
      if (t.version !== body.version) throw versionConflict();
      if (!t.stored) {
        await ctx.tx.insert(checklistTemplates).values({ municipalityId: ctx.actor.municipalityId, items: body.items, version: 1, updatedAt: ctx.now, updatedBy: ctx.actor.userId });
      } else {
        const r = await ctx.tx
          .update(checklistTemplates)
          .set({ items: body.items, version: sql`${checklistTemplates.version} + 1`, updatedAt: ctx.now, updatedBy: ctx.actor.userId })
          .where(and(eq(checklistTemplates.municipalityId, ctx.actor.municipalityId), eq(checklistTemplates.version, body.version)))
          .returning();
        if (!r[0]) throw versionConflict();
      }
      await ctx.audit({ action: 'settlement.checklist.update', subjectType: 'checklist_template', categories: [], via: d.via });
      const after = await checklistItems(ctx);
      return { items: after.items, version: after.version, can: { edit: true } };
    }),
  );
}
