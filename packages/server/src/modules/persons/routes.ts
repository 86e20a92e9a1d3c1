import type { FastifyInstance } from 'fastify';
import { can, canAccessPerson, categoryReach, nameKey, normaliseName, parseNationalId, normaliseDufNumber } from '@eidor/domain';
import { withTenant, type Ctx, type Deps } from '../../platform/context.ts';
import { AppError, forbidden, notFound, versionConflict } from '../../platform/errors.ts';
import { route } from '../../platform/http.ts';
import { abilities, loadReachablePerson, reachContext, reachedAmong, reachFilter } from './access.ts';
import { registerPerson } from './commands/register-person.ts';
import { setPersonTeam } from './commands/set-person-team.ts';
import { updatePerson } from './commands/update-person.ts';
import { presentHousehold, presentSummary } from './presenter.ts';
import { personView } from './view.ts';
import {
  accessLogOf,
  duplicateCandidates,
  findHousehold,
  historyOf,
  insertHousehold,
  membersOf,
  renameHouseholdIfVersion,
  searchPersons,
} from './queries.ts';

export function registerPersons(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };

  route(app, 'searchPeople', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      const teamUnitIds = reachFilter(ctx);
      if (teamUnitIds && teamUnitIds.length === 0) throw forbidden();
      // Arrival category and settlement date are settlement data: a search spans people, so only readers
      // of settlement for everyone see them or filter by them (a partner reads them per person, if at all).
      const readsSettlement = categoryReach(ctx.actor, 'read').all.includes('settlement');
      if (!readsSettlement) {
        const fields = (['arrivalCategory', 'settlementYear'] as const)
          .filter((f) => body[f] !== undefined)
          .map((path) => ({ path, message: 'filters by settlement data, which you may not read for everyone' }));
        if (fields.length > 0) throw new AppError('VALIDATION', 'The search cannot filter by settlement data', { fields });
      }
      const found = await searchPersons(ctx.tx, {
        municipalityId: ctx.actor.municipalityId,
        teamUnitIds,
        reach: reachContext(ctx),
        q: body.q,
        arrivalCategory: body.arrivalCategory,
        status: body.status,
        settlementYear: body.settlementYear,
        limit: body.pageSize,
        offset: (body.page - 1) * body.pageSize,
      });
      // A search shows names and birth dates: it is a read of identity data, logged without the query text.
      await ctx.audit({ action: 'person.search', subjectType: 'person', categories: ['identity'] });
      return {
        items: found.map((r) => (readsSettlement ? presentSummary(r) : { ...presentSummary(r), arrivalCategory: null, settlementDate: null })),
        total: Number(found[0]?.total ?? 0),
        page: body.page,
        pageSize: body.pageSize,
        can: { register: can(ctx.actor, 'persons.register').allowed, filterBySettlement: readsSettlement },
      };
    }),
  );

  route(app, 'checkDuplicates', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      if (!can(ctx.actor, 'persons.register').allowed) throw forbidden();
      const name = `${body.givenName} ${body.familyName}`.trim();
      const nid = body.nationalId?.replace(/\s/g, '') ?? null;
      const duf = body.dufNumber ? (normaliseDufNumber(body.dufNumber) ?? null) : null;
      const rows = await duplicateCandidates(ctx.tx, {
        municipalityId: ctx.actor.municipalityId,
        nationalId: nid && parseNationalId(nid).valid ? nid : null,
        dufNumber: duf,
        nameNormalised: name.length >= 3 ? normaliseName(name) : '',
        nameKey: name.length >= 3 ? nameKey(name) : '',
        excludeId: body.excludePersonId,
        teamUnitIds: reachFilter(ctx),
      });
      const candidates = rows
        .map((r) => {
          const reasons: ('same_national_id' | 'same_duf_number' | 'similar_name' | 'same_birth_date')[] = [];
          if (nid && r.national_id === nid) reasons.push('same_national_id');
          if (duf && r.duf_number === duf) reasons.push('same_duf_number');
          if (r.score !== null && Number(r.score) >= 0.5) reasons.push('similar_name');
          if (body.birthDate && r.birth_date === body.birthDate) reasons.push('same_birth_date');
          return { ...presentSummary(r), reasons };
        })
        // A similar name alone is common (Mohammad Ali): with a birth date given, it must match too.
        .filter((c) => c.reasons.includes('same_national_id') || c.reasons.includes('same_duf_number') || !body.birthDate || c.reasons.includes('same_birth_date'));
      await ctx.audit({ action: 'person.duplicate_check', subjectType: 'person', categories: ['identity'] });
      return { candidates };
    }),
  );

  route(app, 'createPerson', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      const person = await registerPerson(ctx, body);
      return personView(ctx, person.id, null);
    }),
  );

  route(app, 'getPerson', o, async ({ req, params }) => withTenant(deps, req, (ctx) => personView(ctx, params.id, 'person.read')));

  route(app, 'updatePerson', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      await updatePerson(ctx, params.id, body);
      return personView(ctx, params.id, null);
    }),
  );

  route(app, 'setPersonTeam', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      await setPersonTeam(ctx, params.id, body);
      return personView(ctx, params.id, null);
    }),
  );

  route(app, 'personHistory', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      const { relationships } = await loadReachablePerson(ctx, params.id);
      if (!abilities(ctx, relationships).viewHistory) throw forbidden();
      const items = await historyOf(ctx.tx, params.id);
      // Settlement fields are only shown to those who may read settlement data.
      const settlementOk = canAccessPerson(ctx.actor, 'read', 'settlement', relationships).allowed;
      const hidden = new Set(settlementOk ? [] : ['arrivalCategory', 'sponsorPersonId', 'permitType', 'permitDate', 'settlementDate', 'populationRegisteredDate', 'previousMunicipality']);
      await ctx.audit({
        action: 'person.read_history',
        subjectType: 'person',
        subjectId: params.id,
        categories: settlementOk ? ['identity', 'settlement'] : ['identity'],
        via: canAccessPerson(ctx.actor, 'read', 'identity', relationships).via,
      });
      return {
        items: items.map((h) => ({
          version: h.version,
          changedAt: h.changedAt.toISOString(),
          changedBy: h.changedBy,
          changes: h.changes.filter((c) => !hidden.has(c.field)),
        })),
      };
    }),
  );

  route(app, 'personAccessLog', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      const { relationships } = await loadReachablePerson(ctx, params.id);
      const decision = can(ctx.actor, 'persons.access_log');
      if (!abilities(ctx, relationships).viewAccessLog) throw forbidden();
      const items = await accessLogOf(ctx.tx, ctx.actor.municipalityId, params.id);
      await ctx.audit({ action: 'person.read_access_log', subjectType: 'person', subjectId: params.id, via: decision.via });
      return { items: items.map((i) => ({ ...i, occurredAt: i.occurredAt.toISOString() })) };
    }),
  );

  route(app, 'createHousehold', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      const decision = can(ctx.actor, 'persons.register');
      if (!decision.allowed) throw forbidden();
      const h = await insertHousehold(ctx.tx, { municipalityId: ctx.actor.municipalityId, name: body.name, now: ctx.now });
      await ctx.audit({ action: 'household.create', subjectType: 'household', subjectId: h.id, via: decision.via });
      return presentHousehold(h, [], true);
    }),
  );

  /** A household is visible with the members the actor may see; with none of them visible, it does not exist. */
  async function householdView(ctx: Ctx, id: string) {
    const h = await findHousehold(ctx.tx, ctx.actor.municipalityId, id);
    if (!h) throw notFound();
    let members = await membersOf(ctx.tx, id);
    const teamUnitIds = reachFilter(ctx);
    if (teamUnitIds) {
      const visible = await reachedAmong(ctx, members.map((m) => m.id), teamUnitIds);
      members = members.filter((m) => visible.has(m.id));
      if (members.length === 0) throw notFound();
    }
    const canEdit = can(ctx.actor, 'persons.register').allowed;
    return { h, members, canEdit };
  }

  route(app, 'getHousehold', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      const { h, members, canEdit } = await householdView(ctx, params.id);
      await ctx.audit({ action: 'household.read', subjectType: 'household', subjectId: h.id, categories: ['identity'] });
      return presentHousehold(h, members, canEdit);
    }),
  );

  route(app, 'updateHousehold', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      const { h, members, canEdit } = await householdView(ctx, params.id);
      if (!canEdit) throw forbidden();
      if (h.version !== body.version) throw versionConflict();
      const updated = await renameHouseholdIfVersion(ctx.tx, h.id, body.version, body.name, ctx.now);
      if (!updated) throw versionConflict();
      await ctx.audit({ action: 'household.update', subjectType: 'household', subjectId: h.id, via: can(ctx.actor, 'persons.register').via });
      return presentHousehold(updated, members, canEdit);
    }),
  );

}
