import type { FastifyInstance } from 'fastify';
import {
  addDays,
  addMonths,
  can,
  checkAppeal,
  checkConsent,
  checkCostLine,
  checkDecision,
  checkNewApplication,
  checkPostponementRequest,
  checkSubmission,
  compareDates,
  consentCovers,
  effectiveDeadline,
  EXTRA_GRANT_BASIS,
  extraGrantDeadline,
  extraGrantLastYear,
  extraGrantYear,
  osloDate,
  type Decision,
  type ExtraGrantChecklist,
  type ExtraGrantProblem,
} from '@eidor/domain';
import type { ExtraGrantCaseView } from '@eidor/contract';
import { rows } from '../../db/raw.ts';
import { withTenant, type Ctx, type Deps } from '../../platform/context.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { route } from '../../platform/http.ts';
import { findPerson } from '../persons/public.ts';
import { notify } from '../notifications/public.ts';
import { closeTask, upsertTask } from '../tasks/service.ts';
import { renderExtraGrantPdf } from './letters.ts';
import * as q from './queries.ts';
import { applicationFigures, lastYearOf, postponementOf, presentCase, presentRequest, type CaseData } from './view.ts';

const invalid = (problems: ExtraGrantProblem[], prefix = '') =>
  new AppError('VALIDATION', problems.map((p) => `${prefix}${p.field} ${p.message}`).join('; '), { fields: problems.map((p) => ({ path: `${prefix}${p.field}`, message: p.message })) });

/** The grant coordinator's permission; anyone else is refused the function. */
function coordinator(ctx: Ctx): Decision {
  const d = can(ctx.actor, 'extra_grants.manage');
  if (!d.allowed) throw forbidden();
  return d;
}

// Special-category data: the answers may hold health and child-welfare information.
const CASE_CATEGORIES = ['health', 'child_welfare', 'economy'];

async function loadCaseData(ctx: Ctx, caseId: string): Promise<CaseData> {
  const kase = await q.findCase(ctx.tx, caseId);
  if (!kase) throw notFound();
  const person = await findPerson(ctx.tx, ctx.actor.municipalityId, kase.person_id);
  if (!person) throw notFound();
  const [firstSettlementDate, consents, requests, costLines, applications, rates] = [
    await q.firstSettlementOf(ctx.tx, person.id),
    await q.consentsOf(ctx.tx, caseId),
    await q.requestsOf(ctx.tx, caseId),
    await q.costLinesOf(ctx.tx, caseId),
    await q.applicationsOf(ctx.tx, caseId),
    await q.extraGrantRates(ctx.tx),
  ];
  return { kase, person, firstSettlementDate, consents, requests, costLines, applications, rates, today: osloDate(ctx.now), canEdit: kase.status === 'open' };
}

/** The case as the coordinator sees it after a change (the change's own audit row covers the read). */
async function caseView(ctx: Ctx, caseId: string): Promise<ExtraGrantCaseView> {
  return presentCase(await loadCaseData(ctx, caseId));
}

/** Grant years and deadlines count from the first settlement in Norway; without it nothing can be applied for. */
function requireFirstSettlement(data: CaseData): string {
  if (!data.firstSettlementDate) throw new AppError('CONFLICT', 'The person has no settlement date: record it before applying', { fields: [{ path: 'personId', message: 'the person has no settlement date' }] });
  return data.firstSettlementDate;
}

const kr = (ore: number) => `${Math.round(ore / 100).toLocaleString('nb-NO')} kr`;

/** The deadline of an application on the coordinator's queue, until it is submitted. */
async function deadlineTask(ctx: Ctx, via: Decision, data: CaseData, appId: string) {
  const a = (await q.findApplication(ctx.tx, appId))!;
  const key = `extra-grant:deadline:${a.id}`;
  if (a.status !== 'draft') return closeTask(ctx, key);
  await upsertTask(ctx, {
    sourceKey: key,
    kind: 'extra_grants.deadline',
    itemKey: `deadline_${a.postponement_status === 'granted' ? 'postponed' : 'original'}`,
    title: `Søknadsfrist ${a.kind === 'tilskudd1' ? 'tilskudd 1' : 'tilskudd 2'} (ekstratilskudd), tilskuddsår ${a.grant_year}`,
    titleParams: { grant: a.kind === 'tilskudd1' ? 1 : 2, year: a.grant_year },
    description: 'Søknaden sendes i IMDi Tilskudd. Utsatt frist kan bare søkes før fristen går ut.',
    legalBasis: EXTRA_GRANT_BASIS,
    category: 'economy',
    personId: data.person.id,
    ownerUnitId: via.via!.unitId,
    dueDate: effectiveDeadline(a.deadline, postponementOf(a)),
  });
}

export function registerExtraGrants(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };

  // ---------- lists ----------

  route(app, 'listExtraGrantCases', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => {
      const via = coordinator(ctx);
      const today = osloDate(ctx.now);
      const cases = await q.listCases(ctx.tx);
      const apps = await q.applicationsOfAll(ctx.tx);
      await ctx.audit({ action: 'extra_grants.cases.list', categories: ['health'], via: via.via });
      return {
        items: cases.map((c) => {
          const own = apps.filter((a) => a.case_id === c.id);
          let next: { due: string; grantYear: number; overdue: boolean } | null = null;
          for (const a of own.filter((x) => x.status === 'draft')) {
            const due = effectiveDeadline(a.deadline, postponementOf(a));
            if (!next || compareDates(due, next.due) < 0) next = { due, grantYear: a.grant_year, overdue: compareDates(today, due) > 0 };
          }
          if (!next && own.length === 0 && c.first_settlement) {
            const due = extraGrantDeadline(c.first_settlement, 1, true).due;
            next = { due, grantYear: 1, overdue: compareDates(today, due) > 0 };
          }
          // Tilskudd 2 goes on year by year: the next year's application is due 2 months after that year.
          const latest = own.at(-1);
          if (!next && latest && latest.kind === 'tilskudd2' && c.first_settlement) {
            const n = latest.grant_year + 1;
            const last = extraGrantLastYear({ firstSettlementDate: c.first_settlement, birthDate: c.birth_date, unaccompaniedMinor: c.unaccompanied_minor }).lastYear;
            if (n <= last) {
              const due = extraGrantDeadline(c.first_settlement, n, false).due;
              next = { due, grantYear: n, overdue: compareDates(today, due) > 0 };
            }
          }
          return {
            id: c.id,
            personId: c.person_id,
            name: c.name,
            status: c.status,
            consent: Number(c.consents) > 0,
            openRequests: Number(c.open_requests),
            applications: own.map((a) => ({ grantYear: a.grant_year, kind: a.kind, status: a.status })),
            nextDeadline: next,
          };
        }),
      };
    }),
  );

  route(app, 'extraGrantSuggestions', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => {
      const via = coordinator(ctx);
      const today = osloDate(ctx.now);
      const list = await q.suggestions(ctx.tx, today);
      await ctx.audit({ action: 'extra_grants.suggestions.read', categories: ['health'], via: via.via });
      return {
        items: list.map((s) => ({
          personId: s.person_id,
          name: s.name,
          birthDate: s.birth_date,
          firstSettlementDate: s.first_settlement,
          signals: s.signals as ('health_team' | 'ppt_team' | 'child_welfare_team' | 'health_task')[],
          firstDeadline: extraGrantDeadline(s.first_settlement, 1, true).due,
        })),
      };
    }),
  );

  // ---------- the case ----------

  route(app, 'createExtraGrantCase', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      const via = coordinator(ctx);
      const person = await findPerson(ctx.tx, ctx.actor.municipalityId, body.personId);
      if (!person) throw new AppError('VALIDATION', 'personId is not a person of this municipality', { fields: [{ path: 'personId', message: 'is not a person of this municipality' }] });
      const first = await q.firstSettlementOf(ctx.tx, person.id);
      if (!first) throw new AppError('VALIDATION', 'personId has no settlement date', { fields: [{ path: 'personId', message: 'the person has no settlement date: the grant years and deadlines count from it' }] });
      if (await q.caseOfPerson(ctx.tx, person.id)) throw new AppError('CONFLICT', 'The person already has an extra-grant case', { fields: [{ path: 'personId', message: 'already has an extra-grant case' }] });
      const id = await q.insertCase(ctx.tx, { municipalityId: ctx.actor.municipalityId, personId: person.id, signal: body.signal, now: ctx.now, by: ctx.actor.userId });
      if (!id) throw new AppError('CONFLICT', 'The person already has an extra-grant case', { fields: [{ path: 'personId', message: 'already has an extra-grant case' }] });
      // The first deadline is on the queue from the day the case is opened.
      await upsertTask(ctx, {
        sourceKey: `extra-grant:first:${id}`,
        kind: 'extra_grants.deadline',
        itemKey: 'deadline_first',
        title: 'Søknadsfrist ekstratilskudd: første søknad (tilskuddsår 1 eller 2)',
        description: 'Første søknad om tilskudd 1 eller 2 må sendes innen 14 måneder etter bosetting.',
        legalBasis: EXTRA_GRANT_BASIS,
        category: 'economy',
        personId: person.id,
        ownerUnitId: via.via!.unitId,
        dueDate: extraGrantDeadline(first, 1, true).due,
      });
      await ctx.audit({ action: 'extra_grants.case.open', subjectType: 'person', subjectId: person.id, categories: CASE_CATEGORIES, via: via.via });
      return caseView(ctx, id);
    }),
  );

  route(app, 'getExtraGrantCase', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      const via = coordinator(ctx);
      const data = await loadCaseData(ctx, params.id);
      await ctx.audit({ action: 'extra_grants.case.read', subjectType: 'person', subjectId: data.person.id, categories: CASE_CATEGORIES, via: via.via });
      return presentCase(data);
    }),
  );

  route(app, 'putExtraGrantChecklist', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const via = coordinator(ctx);
      const kase = await q.findCase(ctx.tx, params.id);
      if (!kase) throw notFound();
      const checklist: ExtraGrantChecklist = Object.fromEntries(Object.entries(body.checklist).filter(([, v]) => typeof v === 'string' && v.length > 0));
      if (!(await q.updateChecklist(ctx.tx, kase.id, body.version, checklist, ctx.now))) throw versionConflict();
      await ctx.audit({ action: 'extra_grants.checklist.update', subjectType: 'person', subjectId: kase.person_id, categories: CASE_CATEGORIES, via: via.via });
      return caseView(ctx, kase.id);
    }),
  );

  route(app, 'recordExtraGrantConsent', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const via = coordinator(ctx);
      const data = await loadCaseData(ctx, params.id);
      const problems = checkConsent({ signedBy: body.signedBy, birthDate: data.person.birthDate, consentDate: body.consentDate, today: data.today, scope: body.scope });
      if (problems.length > 0) throw invalid(problems);
      await q.insertConsent(ctx.tx, { municipalityId: ctx.actor.municipalityId, caseId: data.kase.id, signedBy: body.signedBy, signerName: body.signerName, scope: [...new Set(body.scope)], scopeNote: body.scopeNote, consentDate: body.consentDate, now: ctx.now, by: ctx.actor.userId });
      await ctx.audit({ action: 'extra_grants.consent.record', subjectType: 'person', subjectId: data.person.id, categories: CASE_CATEGORIES, via: via.via });
      return caseView(ctx, data.kase.id);
    }),
  );

  route(app, 'withdrawExtraGrantConsent', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const via = coordinator(ctx);
      const consent = await q.findConsent(ctx.tx, params.id);
      if (!consent) throw notFound();
      const data = await loadCaseData(ctx, consent.case_id);
      const problems: ExtraGrantProblem[] = [];
      if (consent.withdrawn_date) problems.push({ field: 'withdrawnDate', message: 'the consent is already withdrawn' });
      if (compareDates(body.withdrawnDate, consent.consent_date) < 0) problems.push({ field: 'withdrawnDate', message: 'cannot be before the consent was given' });
      if (compareDates(body.withdrawnDate, data.today) > 0) problems.push({ field: 'withdrawnDate', message: 'cannot be in the future' });
      if (problems.length > 0) throw invalid(problems);
      await q.withdrawConsent(ctx.tx, consent.id, body.withdrawnDate);
      await ctx.audit({ action: 'extra_grants.consent.withdraw', subjectType: 'person', subjectId: data.person.id, categories: CASE_CATEGORIES, via: via.via });
      return caseView(ctx, data.kase.id);
    }),
  );

  // ---------- requests to units ----------

  route(app, 'sendExtraGrantRequest', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const via = coordinator(ctx);
      const data = await loadCaseData(ctx, params.id);
      const unit = await q.findUnit(ctx.tx, body.unitId);
      if (!unit || !unit.active) throw invalid([{ field: 'unitId', message: 'is not an active unit of this municipality' }]);
      if (compareDates(body.dueDate, data.today) < 0) throw invalid([{ field: 'dueDate', message: 'cannot be in the past' }]);
      // No documentation request leaves without an informed consent that covers the unit (rules.md § 7).
      const covered = consentCovers(data.consents.map((c) => ({ scope: c.scope, consentDate: c.consent_date, withdrawnDate: c.withdrawn_date })), unit.kind, data.today);
      if (!covered.ok) throw new AppError('CONFLICT', covered.message, { fields: [{ path: 'unitId', message: covered.message }] });
      const consent = [...data.consents].reverse().find((c) => c.withdrawn_date === null && c.scope.includes(unit.kind))!;
      const id = await q.insertRequest(ctx.tx, { municipalityId: ctx.actor.municipalityId, caseId: data.kase.id, unitId: unit.id, consentId: consent.id, kind: body.kind, message: body.message, dueDate: body.dueDate, now: ctx.now, by: ctx.actor.userId });
      // The unit's reminder: on its own queue, without the person (the request itself says who).
      await upsertTask(ctx, {
        sourceKey: `extra-grant:request:${id}`,
        kind: 'extra_grants.request',
        itemKey: 'request',
        title: 'Forespørsel om dokumentasjon til søknad om ekstratilskudd',
        description: 'Svar under Ekstratilskudd → Forespørsler til oss.',
        legalBasis: 'Informert samtykke er registrert',
        category: 'health',
        personId: null,
        ownerUnitId: unit.id,
        dueDate: body.dueDate,
      });
      // The unit hears of it in its inbox (and by mail if its members want): kind and link only.
      await notify(ctx, { kind: 'documentation_request', recipients: { unitIds: [unit.id] }, personId: data.person.id, link: `/extra-grants/requests/${id}`, params: { dueDate: body.dueDate } });
      await ctx.audit({ action: 'extra_grants.request.send', subjectType: 'person', subjectId: data.person.id, categories: CASE_CATEGORIES, via: via.via });
      return caseView(ctx, data.kase.id);
    }),
  );

  route(app, 'remindExtraGrantRequest', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const via = coordinator(ctx);
      const r = await q.findRequest(ctx.tx, params.id);
      if (!r) throw notFound();
      if (r.status !== 'sent') throw new AppError('CONFLICT', 'The request is already answered');
      const n = await q.remindRequest(ctx.tx, r.id, body.version);
      if (n === null) throw versionConflict();
      const today = osloDate(ctx.now);
      await upsertTask(
        ctx,
        {
          sourceKey: `extra-grant:request:${r.id}`,
          kind: 'extra_grants.request',
          itemKey: 'request',
          title: `Purring ${n}: forespørsel om dokumentasjon til søknad om ekstratilskudd`,
          titleParams: { reminder: n },
          description: `Purret ${today}. Svar under Ekstratilskudd → Forespørsler til oss.`,
          legalBasis: 'Informert samtykke er registrert',
          category: 'health',
          personId: null,
          ownerUnitId: r.unit_id,
          dueDate: compareDates(r.due_date, today) < 0 ? addDays(today, 7) : r.due_date,
        },
        { reopen: true },
      );
      await notify(ctx, { kind: 'documentation_request', recipients: { unitIds: [r.unit_id] }, personId: r.person_id, link: `/extra-grants/requests/${r.id}`, params: { reminder: String(n) } });
      await ctx.audit({ action: 'extra_grants.request.remind', subjectType: 'person', subjectId: r.person_id, categories: CASE_CATEGORIES, via: via.via });
      return caseView(ctx, r.case_id);
    }),
  );

  route(app, 'extraGrantInbox', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => {
      const today = osloDate(ctx.now);
      const list = await q.requestsToUnits(ctx.tx, q.memberUnitIds(ctx.actor.assignments));
      if (list.length > 0) await ctx.audit({ action: 'extra_grants.inbox.read', categories: ['health'] });
      return {
        items: list.map((r) => ({ id: r.id, unitId: r.unit_id, unitName: r.unit_name, personName: r.person_name, kind: r.kind, dueDate: r.due_date, status: r.status, overdue: r.status === 'sent' && compareDates(today, r.due_date) > 0 })),
      };
    }),
  );

  /** A request is seen by its unit's members and by the coordinator; answered only by the unit. Anyone else: 404. */
  async function reachableRequest(ctx: Ctx, id: string) {
    const r = await q.findRequest(ctx.tx, id);
    if (!r) throw notFound();
    const member = ctx.actor.assignments.find((a) => a.unitId === r.unit_id);
    const coord = can(ctx.actor, 'extra_grants.manage');
    if (!member && !coord.allowed) throw notFound();
    return { r, member, via: member ?? coord.via };
  }

  route(app, 'getExtraGrantRequest', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      const { r, member, via } = await reachableRequest(ctx, params.id);
      await ctx.audit({ action: 'extra_grants.request.read', subjectType: 'person', subjectId: r.person_id, categories: ['health', 'child_welfare'], via });
      return presentRequest(r, osloDate(ctx.now), Boolean(member));
    }),
  );

  route(app, 'answerExtraGrantRequest', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const { r, member } = await reachableRequest(ctx, params.id);
      if (!member) throw forbidden();
      if (r.status !== 'sent') throw new AppError('CONFLICT', 'The request is already answered');
      if (!(await q.answerRequest(ctx.tx, { id: r.id, version: body.version, answer: body.answer, costEstimate: body.costEstimate, informant: body.informant, now: ctx.now, by: ctx.actor.userId }))) throw versionConflict();
      await closeTask(ctx, `extra-grant:request:${r.id}`);
      await ctx.audit({ action: 'extra_grants.request.answer', subjectType: 'person', subjectId: r.person_id, categories: ['health', 'child_welfare'], via: member });
      return presentRequest((await q.findRequest(ctx.tx, r.id))!, osloDate(ctx.now), true);
    }),
  );

  // ---------- costs ----------

  route(app, 'addExtraGrantCostLine', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const via = coordinator(ctx);
      const data = await loadCaseData(ctx, params.id);
      const last = lastYearOf(data.person, data.firstSettlementDate);
      const problems = checkCostLine({ currency: body.currency, grantYear: body.grantYear, lastYear: last.lastYear, lastYearRule: last.rule, estimate: body.estimate, actual: body.actual });
      const unit = await q.findUnit(ctx.tx, body.unitId);
      if (!unit || !unit.active) problems.unshift({ field: 'unitId', message: 'is not an active unit of this municipality' });
      const app = data.applications.find((a) => a.grant_year === body.grantYear);
      if (app && app.status !== 'draft') problems.push({ field: 'grantYear', message: `the application for grant year ${body.grantYear} is already ${app.status}: its costs are fixed` });
      if (problems.length > 0) throw invalid(problems);
      await q.insertCostLine(ctx.tx, { municipalityId: ctx.actor.municipalityId, caseId: data.kase.id, unitId: body.unitId, grantYear: body.grantYear, description: body.description, estimate: body.estimate, actual: body.actual, now: ctx.now, by: ctx.actor.userId });
      await ctx.audit({ action: 'extra_grants.cost_line.add', subjectType: 'person', subjectId: data.person.id, categories: ['economy'], via: via.via });
      return caseView(ctx, data.kase.id);
    }),
  );

  route(app, 'updateExtraGrantCostLine', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const via = coordinator(ctx);
      const line = await q.findCostLine(ctx.tx, params.id);
      if (!line) throw notFound();
      const data = await loadCaseData(ctx, line.case_id);
      const last = lastYearOf(data.person, data.firstSettlementDate);
      const problems = checkCostLine({ currency: body.currency, grantYear: line.grant_year, lastYear: last.lastYear, lastYearRule: last.rule, estimate: body.estimate, actual: body.actual });
      const app = data.applications.find((a) => a.grant_year === line.grant_year);
      // Once submitted, only the actual cost may change (the report after the year).
      if (app && app.status !== 'draft' && (body.estimate !== Number(line.estimate) || body.description !== line.description)) {
        problems.push({ field: 'estimate', message: `the application for grant year ${line.grant_year} is already ${app.status}: only the actual cost can change` });
      }
      if (problems.length > 0) throw invalid(problems);
      if (!(await q.updateCostLine(ctx.tx, { id: line.id, version: body.version, description: body.description, estimate: body.estimate, actual: body.actual, now: ctx.now }))) throw versionConflict();
      await ctx.audit({ action: 'extra_grants.cost_line.update', subjectType: 'person', subjectId: data.person.id, categories: ['economy'], via: via.via });
      return caseView(ctx, data.kase.id);
    }),
  );

  // ---------- applications ----------

  route(app, 'createExtraGrantApplication', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const via = coordinator(ctx);
      const data = await loadCaseData(ctx, params.id);
      const first = requireFirstSettlement(data);
      const last = lastYearOf(data.person, first);
      const problems = checkNewApplication({ grantYear: body.grantYear, kind: body.kind, lastYear: last.lastYear, lastYearRule: last.rule, existing: data.applications.map((a) => ({ grantYear: a.grant_year, kind: a.kind })) });
      if (problems.length > 0) throw invalid(problems);
      const firstApplication = !data.applications.some((a) => a.grant_year < body.grantYear);
      const deadline = extraGrantDeadline(first, body.grantYear, firstApplication);
      const id = await q.insertApplication(ctx.tx, { municipalityId: ctx.actor.municipalityId, caseId: data.kase.id, grantYear: body.grantYear, kind: body.kind, deadline: deadline.due, now: ctx.now, by: ctx.actor.userId });
      await closeTask(ctx, `extra-grant:first:${data.kase.id}`);
      await closeTask(ctx, `extra-grant:next:${data.kase.id}:${body.grantYear}`);
      await deadlineTask(ctx, via, data, id);
      await ctx.audit({ action: 'extra_grants.application.create', subjectType: 'person', subjectId: data.person.id, categories: ['economy'], via: via.via });
      return caseView(ctx, data.kase.id);
    }),
  );

  route(app, 'actOnExtraGrantApplication', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const via = coordinator(ctx);
      const a = await q.findApplication(ctx.tx, params.id);
      if (!a) throw notFound();
      const data = await loadCaseData(ctx, a.case_id);
      const first = requireFirstSettlement(data);
      const f = applicationFigures(a, data.costLines, data.rates, first);
      const today = data.today;
      let change: q.ApplicationChange;
      switch (body.action) {
        case 'request_postponement': {
          const problems = checkPostponementRequest({ due: a.deadline, requestedDate: body.requestedDate, until: body.until, status: a.status, existing: a.postponement_status !== null });
          if (compareDates(body.requestedDate, today) > 0) problems.push({ field: 'requestedDate', message: 'cannot be in the future' });
          if (problems.length > 0) throw invalid(problems);
          change = { postponement_status: 'requested', postponement_requested_date: body.requestedDate, postponement_until: body.until };
          break;
        }
        case 'record_postponement':
          if (a.postponement_status !== 'requested') throw invalid([{ field: 'action', message: 'no postponement has been asked for' }]);
          change = { postponement_status: body.granted ? 'granted' : 'refused' };
          break;
        case 'submit': {
          const deadline = effectiveDeadline(a.deadline, postponementOf(a));
          const problems = checkSubmission({ status: a.status, submittedDate: body.submittedDate, today, deadline, postponed: a.postponement_status === 'granted', costLines: f.lines.length });
          if (problems.length > 0) throw invalid(problems);
          change = { status: 'submitted', submitted_date: body.submittedDate, applied_amount: f.applied };
          break;
        }
        case 'decide': {
          const problems = checkDecision({ status: a.status, outcome: body.outcome, grantedAmount: body.grantedAmount, applied: f.applied, cap: f.cap?.amount ?? null, decisionDate: body.decisionDate, submittedDate: a.submitted_date });
          if (compareDates(body.decisionDate, today) > 0) problems.push({ field: 'decisionDate', message: 'cannot be in the future' });
          if (problems.length > 0) throw invalid(problems);
          change = { status: body.outcome, granted_amount: body.outcome === 'rejected' ? 0 : body.grantedAmount, decision_date: body.decisionDate };
          break;
        }
        case 'appeal': {
          const problems = checkAppeal({ status: a.status, appealDate: body.appealDate, decisionDate: a.decision_date });
          if (compareDates(body.appealDate, today) > 0) problems.push({ field: 'appealDate', message: 'cannot be in the future' });
          if (problems.length > 0) throw invalid(problems);
          change = { status: 'appealed', appeal_date: body.appealDate };
          break;
        }
        case 'report_costs': {
          const problems: ExtraGrantProblem[] = [];
          if (a.status !== 'granted' && a.status !== 'partly_granted') problems.push({ field: 'action', message: 'actual costs are reported for a granted application' });
          const end = extraGrantYear(first, a.grant_year).end;
          if (compareDates(body.reportedDate, end) <= 0) problems.push({ field: 'reportedDate', message: `must be after the grant year has ended (${end})` });
          if (compareDates(body.reportedDate, today) > 0) problems.push({ field: 'reportedDate', message: 'cannot be in the future' });
          const missing = f.lines.filter((l) => l.actual === null);
          if (missing.length > 0) problems.push({ field: 'action', message: `${missing.length} cost line(s) have no actual cost yet` });
          if (problems.length > 0) throw invalid(problems);
          change = { costs_reported_date: body.reportedDate };
          break;
        }
      }
      if (!(await q.updateApplication(ctx.tx, a.id, body.version, change))) throw versionConflict();
      await deadlineTask(ctx, via, data, a.id);
      const after = (await q.findApplication(ctx.tx, a.id))!;
      if (body.action === 'decide' && (after.status === 'granted' || after.status === 'partly_granted')) {
        const owner = via.via!.unitId;
        const yearEnd = extraGrantYear(first, a.grant_year).end;
        // After the year: report the actual costs; for tilskudd 2, the next year's application.
        await upsertTask(ctx, {
          sourceKey: `extra-grant:report:${a.id}`,
          kind: 'extra_grants.report',
          itemKey: 'report_costs',
          title: `Rapporter faktiske kostnader (ekstratilskudd), tilskuddsår ${a.grant_year}`,
          titleParams: { year: a.grant_year },
          legalBasis: EXTRA_GRANT_BASIS,
          category: 'economy',
          personId: data.person.id,
          ownerUnitId: owner,
          dueDate: addMonths(yearEnd, 2),
        });
        const next = a.grant_year + 1;
        if (a.kind === 'tilskudd2' && next <= lastYearOf(data.person, first).lastYear && !data.applications.some((x) => x.grant_year === next)) {
          await upsertTask(ctx, {
            sourceKey: `extra-grant:next:${data.kase.id}:${next}`,
            kind: 'extra_grants.deadline',
            itemKey: 'deadline_next',
            title: `Søknadsfrist tilskudd 2 (ekstratilskudd), tilskuddsår ${next}`,
            titleParams: { grant: 2, year: next },
            legalBasis: EXTRA_GRANT_BASIS,
            category: 'economy',
            personId: data.person.id,
            ownerUnitId: owner,
            dueDate: extraGrantDeadline(first, next, false).due,
          });
        }
        // "The grant follows the user": each unit with costs learns its share on its own queue.
        const shares = applicationFigures(after, data.costLines, data.rates, first).distribution;
        for (const s of shares) {
          await upsertTask(ctx, {
            sourceKey: `extra-grant:share:${a.id}:${s.unitId}`,
            kind: 'extra_grants.share',
            itemKey: 'share',
            title: `Ekstratilskudd innvilget: enhetens andel ${kr(s.share)} (tilskuddsår ${a.grant_year})`,
            titleParams: { amountOre: s.share, year: a.grant_year },
            description: 'Andelen er fordelt etter enhetens kostnader i søknaden. Før inntekten på enheten.',
            category: 'economy',
            personId: null,
            ownerUnitId: s.unitId,
            dueDate: addDays(today, 30),
          });
        }
      }
      if (body.action === 'report_costs') await closeTask(ctx, `extra-grant:report:${a.id}`);
      await ctx.audit({ action: `extra_grants.application.${body.action}`, subjectType: 'person', subjectId: data.person.id, categories: ['economy'], via: via.via });
      return caseView(ctx, data.kase.id);
    }),
  );

  route(app, 'extraGrantApplicationPdf', o, async ({ req, reply, params, query }) => {
    const { pdf, name } = await withTenant(deps, req, async (ctx) => {
      const via = coordinator(ctx);
      const a = await q.findApplication(ctx.tx, params.id);
      if (!a) throw notFound();
      const data = await loadCaseData(ctx, a.case_id);
      const view = presentCase(data);
      const application = view.applications.find((x) => x.id === a.id)!;
      const [m] = await rows<{ name: string }>(ctx.tx, 'SELECT name FROM municipalities WHERE id = $1', [ctx.actor.municipalityId]);
      const unitId = via.via?.unitId;
      const u = unitId ? await q.findUnit(ctx.tx, unitId) : undefined;
      const file = await renderExtraGrantPdf(query.document, query.lang, { municipality: m?.name ?? '', unit: u?.name ?? '', today: data.today, kase: view, application });
      await ctx.audit({ action: `extra_grants.pdf.${query.document}`, subjectType: 'person', subjectId: data.person.id, categories: CASE_CATEGORIES, via: via.via });
      // The file name says what it is, never who it is about.
      return { pdf: file, name: `ekstratilskudd-${query.document === 'application' ? 'soknad' : 'kostnadsrapport'}-ar${a.grant_year}-${query.lang}.pdf` };
    });
    // Sent after the audit row has committed.
    return reply.header('content-disposition', `attachment; filename="${name}"`).type('application/pdf').send(pdf);
  });
}
