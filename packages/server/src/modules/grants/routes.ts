import type { FastifyInstance } from 'fastify';
import {
  ageOn,
  can,
  canAccessPerson,
  COUNTS_AGAINST_DECISION,
  DEFAULT_GRANT_RATES,
  forecast,
  grantSchedule,
  GRANT_TYPE_OF,
  osloDate,
  remainingMix,
  settledCategory,
  type GrantCode,
  type ForecastYear,
  type GrantType,
  type Mix,
  type MixKind,
  type Permission,
} from '@eidor/domain';
import type { GrantFactsFields, GrantRateView } from '@eidor/contract';
import type { z } from 'zod';
import { withTenant, type Ctx, type Deps } from '../../platform/context.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { route } from '../../platform/http.ts';
import { loadReachablePerson } from '../persons/public.ts';
import {
  decidedTotal,
  deleteOwnRate,
  grantFactsVersionForUpdate,
  loadFacts,
  loadGrantRates,
  loadSettings,
  ownRates,
  paymentLists,
  reconciliationRows,
  reconciliationSummary,
  saveGrantFacts,
  saveOwnRate,
  saveSettings,
  toGrantFacts,
  type FactsRow,
} from './queries.ts';
import { importPaymentList } from './payment-list.ts';
import { reconcileYear } from './reconcile.ts';
import { reconciliationWorkbook } from './worksheet.ts';
import { grantOverview } from './overview.ts';

function requirePermission(ctx: Ctx, p: Permission) {
  if (!can(ctx.actor, p).allowed) throw forbidden();
}

async function ratesView(ctx: Ctx) {
  const own = await ownRates(ctx.tx, ctx.actor.municipalityId);
  const ownKey = new Map(own.map((r) => [`${r.code}|${r.year}`, r]));
  type View = z.output<typeof GrantRateView>;
  const out: View[] = DEFAULT_GRANT_RATES.filter((d) => !ownKey.has(`${d.code}|${d.year}`)).map((d) => ({
    code: d.code,
    type: GRANT_TYPE_OF[d.code],
    year: d.year,
    amount: d.amount,
    source: d.source,
    status: d.status,
    note: d.note ?? null,
    own: false,
    defaultAmount: d.amount,
    version: null,
    updatedAt: null,
  }));
  for (const r of own) {
    const def = DEFAULT_GRANT_RATES.find((d) => d.code === r.code && d.year === r.year);
    out.push({
      code: r.code,
      type: GRANT_TYPE_OF[r.code],
      year: r.year,
      amount: Number(r.amount),
      source: r.source,
      status: r.status,
      note: r.note,
      own: true,
      defaultAmount: def?.amount ?? null,
      version: r.version,
      updatedAt: new Date(r.updated_at).toISOString(),
    });
  }
  out.sort((a, b) => a.code.localeCompare(b.code) || a.year - b.year);
  return { rates: out, mayEdit: can(ctx.actor, 'grants.rates').allowed };
}

type FactsIn = z.output<typeof GrantFactsFields>;

function factsOf(r: FactsRow): FactsIn {
  return {
    firstSettlementDate: r.first_settlement_date,
    settledByAgreement: r.settled_by_agreement,
    imdinettRegisteredDate: r.imdinett_registered_date,
    sponsorFirstSettlementDate: r.sponsor_first_settlement_date,
    sponsorPermitType: r.sponsor_permit_type as FactsIn['sponsorPermitType'],
    sponsorWasFamilyImmigrant: r.sponsor_was_family_immigrant ?? false,
    sponsorNordicCitizen: r.sponsor_nordic_citizen ?? false,
    familyApplicationDate: r.family_application_date,
    specialAgreement: r.special_agreement ?? false,
    movedTo: r.moved_to,
    emigratedDate: r.emigrated_date,
  };
}

async function personGrants(ctx: Ctx, personId: string, audit: boolean) {
  const { relationships } = await loadReachablePerson(ctx, personId);
  const read = canAccessPerson(ctx.actor, 'read', 'economy', relationships);
  if (!read.allowed) throw notFound();
  const [row] = await loadFacts(ctx.tx, ctx.actor.municipalityId, personId);
  if (!row) throw notFound();
  const rates = await loadGrantRates(ctx.tx, ctx.actor.municipalityId);
  const settings = await loadSettings(ctx.tx, ctx.actor.municipalityId);
  const facts = toGrantFacts(row);
  const s = grantSchedule(facts, { rates, splitRule: settings.splitRule });
  if (audit) await ctx.audit({ action: 'grants.person.read', subjectType: 'person', subjectId: personId, categories: ['identity', 'economy'], via: read.via });
  return {
    personId,
    facts: factsOf(row),
    factsVersion: row.facts_version,
    derived: {
      settlementDate: row.settlement_date,
      firstSettlementDate: s.firstSettlementDate,
      householdSize: facts.householdSize,
      sponsorInRegister: row.sponsor_id !== null,
      motherSettlementDate: row.mother_settlement_date,
      populationRegisteredDate: row.population_registered_date,
    },
    eligible: s.eligible,
    category: s.category,
    windowYears: s.windowYears,
    reasons: s.reasons,
    lines: s.lines,
    total: s.lines.reduce((a, l) => a + (l.amount ?? 0), 0),
    splitRule: settings.splitRule,
    mayEdit: canAccessPerson(ctx.actor, 'write', 'economy', relationships).allowed,
  };
}

/** The kind of person of a mix, for the recent settlement mix. */
function mixKind(r: FactsRow): MixKind {
  const on = r.settlement_date!;
  const age = ageOn(r.birth_date, on);
  if (r.arrival_category === 'unaccompanied_minor') return 'unaccompanied_minor';
  if (age < 6) return 'child_under_6';
  if (age < 18) return 'child';
  if (age >= 60) return 'elderly';
  return (r.household_size ?? 1) <= 1 ? 'single_adult' : 'adult_in_family';
}

/** Year-by-year sums of two forecasts of the same years. */
function addYears(a: ForecastYear[], b: ForecastYear[]): ForecastYear[] {
  return a.map((y, i) => {
    const o = b[i]!;
    const byType = Object.fromEntries(Object.entries(y.byType).map(([t, v]) => [t, v + o.byType[t as GrantType]])) as Record<GrantType, number>;
    return { year: y.year, byType, total: y.total + o.total };
  });
}

function uniqueBy<T>(xs: T[], key: (x: T) => string): T[] {
  const m = new Map<string, T>();
  for (const x of xs) if (!m.has(key(x))) m.set(key(x), x);
  return [...m.values()];
}

export function registerGrants(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };

  route(app, 'grantRates', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => {
      if (!can(ctx.actor, 'grants.view').allowed && !can(ctx.actor, 'grants.rates').allowed && !can(ctx.actor, 'extra_grants.manage').allowed) throw forbidden();
      return ratesView(ctx);
    }),
  );

  route(app, 'putGrantRate', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      requirePermission(ctx, 'grants.rates');
      const m = ctx.actor.municipalityId;
      const current = (await ownRates(ctx.tx, m)).find((r) => r.code === body.code && r.year === body.year);
      if (body.version !== (current?.version ?? null)) throw versionConflict();
      await saveOwnRate(ctx.tx, m, body, !!current, ctx.now, ctx.actor.userId);
      const corrects = DEFAULT_GRANT_RATES.some((d) => d.code === body.code && d.year === body.year);
      await ctx.audit({ action: current ? 'grants.rate.update' : corrects ? 'grants.rate.correct' : 'grants.rate.add', subjectType: 'grant_rate', subjectId: `${body.code} ${body.year}`, categories: [] });
      return ratesView(ctx);
    }),
  );

  route(app, 'deleteGrantRate', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      requirePermission(ctx, 'grants.rates');
      const current = (await ownRates(ctx.tx, ctx.actor.municipalityId)).find((r) => r.code === body.code && r.year === body.year);
      if (!current) throw notFound();
      if (current.version !== body.version) throw versionConflict();
      await deleteOwnRate(ctx.tx, ctx.actor.municipalityId, body.code, body.year);
      await ctx.audit({ action: 'grants.rate.revert', subjectType: 'grant_rate', subjectId: `${body.code} ${body.year}`, categories: [] });
      return ratesView(ctx);
    }),
  );

  route(app, 'grantSettings', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => {
      requirePermission(ctx, 'grants.view');
      return loadSettings(ctx.tx, ctx.actor.municipalityId);
    }),
  );

  route(app, 'putGrantSettings', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      requirePermission(ctx, 'grants.manage');
      const m = ctx.actor.municipalityId;
      const current = await loadSettings(ctx.tx, m);
      if (current.version !== body.version) throw versionConflict();
      await saveSettings(ctx.tx, m, body.splitRule, ctx.now, ctx.actor.userId);
      await ctx.audit({ action: 'grants.settings.update', subjectType: 'grant_settings', categories: [] });
      return loadSettings(ctx.tx, m);
    }),
  );

  route(app, 'personGrants', o, async ({ req, params }) => withTenant(deps, req, (ctx) => personGrants(ctx, params.id, true)));

  route(app, 'putPersonGrantFacts', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const { relationships, person } = await loadReachablePerson(ctx, params.id);
      const write = canAccessPerson(ctx.actor, 'write', 'economy', relationships);
      if (!write.allowed) {
        if (!canAccessPerson(ctx.actor, 'read', 'economy', relationships).allowed) throw notFound();
        throw forbidden();
      }
      const f = body.facts;
      const fields: { path: string; message: string }[] = [];
      if (f.firstSettlementDate && person.settlementDate && f.firstSettlementDate > person.settlementDate) {
        fields.push({ path: 'facts.firstSettlementDate', message: 'is after the settlement date in this municipality; the first settlement in Norway cannot be later' });
      }
      if (f.firstSettlementDate && f.firstSettlementDate < person.birthDate) fields.push({ path: 'facts.firstSettlementDate', message: 'is before the birth date' });
      if (f.emigratedDate && person.settlementDate && f.emigratedDate < person.settlementDate) fields.push({ path: 'facts.emigratedDate', message: 'is before the settlement date' });
      if (f.imdinettRegisteredDate && person.settlementDate && f.imdinettRegisteredDate < person.settlementDate) {
        fields.push({ path: 'facts.imdinettRegisteredDate', message: 'is before the settlement date it registers' });
      }
      if (f.movedTo && person.status !== 'moved_away') fields.push({ path: 'facts.movedTo', message: 'is only for a person whose status is moved away' });
      if (fields.length > 0) throw new AppError('VALIDATION', `Invalid body: ${fields.map((x) => `${x.path} ${x.message}`).join('; ')}`, { fields });
      const m = ctx.actor.municipalityId;
      const version = await grantFactsVersionForUpdate(ctx.tx, params.id);
      if (body.version !== version) throw versionConflict();
      await saveGrantFacts(ctx.tx, m, params.id, f, version !== null, ctx.now, ctx.actor.userId);
      await ctx.audit({ action: 'grants.person.facts', subjectType: 'person', subjectId: params.id, categories: ['economy'], via: write.via });
      return personGrants(ctx, params.id, false);
    }),
  );

  route(app, 'grantForecast', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      requirePermission(ctx, 'grants.view');
      const m = ctx.actor.municipalityId;
      const fromYear = body.fromYear ?? Number(osloDate(ctx.now).slice(0, 4));
      // One query at a time: a transaction's connection (and PGlite) runs them in turn anyway.
      const facts = await loadFacts(ctx.tx, m);
      const rates = await loadGrantRates(ctx.tx, m);
      const settings = await loadSettings(ctx.tx, m);
      const decided = await decidedTotal(ctx.tx, m, fromYear);
      const people = facts.map(toGrantFacts);
      const opts = { rates, splitRule: settings.splitRule };
      // Every person's schedule once; the three forecasts below share them.
      const schedules = people.map((p) => grantSchedule(p, opts));
      let against = 0;
      const recent: Mix = {};
      for (const f of facts) {
        if (!f.settlement_date) continue;
        const y = Number(f.settlement_date.slice(0, 4));
        const cat = settledCategory({ arrivalCategory: f.arrival_category, birthDate: f.birth_date, settlementDate: f.settlement_date });
        if (y === fromYear && cat && COUNTS_AGAINST_DECISION[cat]) against++;
        if (y >= fromYear - 3 && y <= fromYear && cat && COUNTS_AGAINST_DECISION[cat]) {
          const k = mixKind(f);
          recent[k] = (recent[k] ?? 0) + 1;
        }
      }
      const rest = body.includeDecision ? remainingMix(decided, against, recent) : {};
      const midYear = `${fromYear}-07-01`;
      const today = osloDate(ctx.now);
      const plannedDate = today > midYear && today.startsWith(String(fromYear)) ? today : midYear;
      const base = { fromYear, years: body.years, people, schedules };
      // The settled people's figures once; the decision and the what-if are added on top.
      const settled = forecast(base, opts);
      const none = { fromYear, years: body.years, people: [], schedules: [] };
      const planned = forecast({ ...none, planned: { mix: rest, date: plannedDate } }, opts);
      const extra = body.whatIf ? forecast({ ...none, whatIf: { mix: body.whatIf.mix, date: body.whatIf.date ?? midYear } }, opts) : null;
      const withDecision = { years: addYears(settled.years, planned.years) };
      const withWhatIf = extra ? { years: addYears(withDecision.years, extra.years) } : null;
      const last = {
        rateWarnings: uniqueBy([...settled.rateWarnings, ...planned.rateWarnings, ...(extra?.rateWarnings ?? [])], (w) => `${w.code}|${w.year}|${w.status}|${w.carriedFrom}`),
        missingRates: uniqueBy([...settled.missingRates, ...planned.missingRates, ...(extra?.missingRates ?? [])], (w) => `${w.code}|${w.year}`),
      };
      return {
        fromYear,
        settled: settled.years,
        withDecision: withDecision.years,
        withWhatIf: withWhatIf?.years ?? null,
        decision: { year: fromYear, decided, settledAgainstDecision: against, remainingMix: rest },
        people: settled.people,
        undetermined: settled.undetermined,
        rateWarnings: last.rateWarnings as { code: GrantCode; year: number; status: 'verified' | 'unverified' | 'estimate'; carriedFrom: number | null }[],
        missingRates: last.missingRates as { code: GrantCode; year: number }[],
        splitRule: settings.splitRule,
      };
    }),
  );

  route(app, 'importPaymentList', o, async ({ req, query }) =>
    withTenant(deps, req, async (ctx) => {
      requirePermission(ctx, 'grants.manage');
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      return importPaymentList(deps, ctx, req.body as AsyncIterable<Buffer>, type, query);
    }),
  );

  route(app, 'listPaymentLists', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => {
      requirePermission(ctx, 'grants.view');
      const r = await paymentLists(ctx.tx, ctx.actor.municipalityId);
      return {
        lists: r.map((x) => ({ id: x.id, fileKind: x.file_kind, lines: x.lines, importedLines: x.imported_lines, terms: x.terms, importedAt: new Date(x.imported_at).toISOString(), importedBy: x.email })),
      };
    }),
  );

  route(app, 'reconcileGrants', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      requirePermission(ctx, 'grants.manage');
      return reconcileYear(ctx, body.year);
    }),
  );

  route(app, 'grantReconciliation', o, async ({ req, query }) =>
    withTenant(deps, req, async (ctx) => {
      requirePermission(ctx, 'grants.view');
      const m = ctx.actor.municipalityId;
      const summary = (await reconciliationSummary(ctx.tx, m, query.year)) ?? {
        year: query.year,
        reconciledAt: null,
        expected: 0,
        paid: 0,
        difference: 0,
        agreeing: 0,
        terms: [],
        termsWithoutList: [],
        byReason: [],
        matched: { nationalId: 0, dufNumber: 0, nameBirthDate: 0, unmatched: 0 },
      };
      const list = await reconciliationRows(ctx.tx, m, query);
      if (list.length > 0) await ctx.audit({ action: 'grants.reconciliation.read', subjectType: 'grant_reconciliation', subjectId: String(query.year), categories: ['identity', 'economy'] });
      return {
        summary: summary as never,
        total: Number(list[0]?.total ?? 0),
        rows: list.map((r) => ({
          id: Number(r.id),
          personId: r.person_id,
          name: r.person_id ? `${r.given_name} ${r.family_name}` : ((r.detail.name as string | null) ?? null),
          birthDate: r.person_id ? r.birth_date : ((r.detail.birthDate as string | null) ?? null),
          term: r.term,
          code: r.code,
          expected: Number(r.expected_ore) / 100,
          paid: Number(r.paid_ore) / 100,
          difference: (Number(r.paid_ore) - Number(r.expected_ore)) / 100,
          reason: r.reason as never,
          detail: r.detail,
        })),
      };
    }),
  );

  route(app, 'exportReconciliation', o, async ({ req, reply, query }) => {
    const buf = await withTenant(deps, req, async (ctx) => {
      requirePermission(ctx, 'grants.manage');
      const workbook = await reconciliationWorkbook(ctx, query.year);
      await ctx.audit({ action: 'grants.reconciliation.export', subjectType: 'grant_reconciliation', subjectId: String(query.year), categories: ['identity', 'economy'] });
      return workbook;
    });
    // Sent only after the transaction (and its audit row) has committed: no bytes without their log row.
    return reply
      .code(200)
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="imdi-endringsforesporsler-${query.year}.xlsx"`)
      .send(buf);
  });

  route(app, 'grantOverview', o, async ({ req, query }) =>
    withTenant(deps, req, async (ctx) => {
      requirePermission(ctx, 'grants.view');
      return grantOverview(ctx, query.year ?? Number(osloDate(ctx.now).slice(0, 4)));
    }),
  );
}

