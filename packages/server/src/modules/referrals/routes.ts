import type { FastifyInstance } from 'fastify';
import { JOURNAL_DATA_CATEGORY, JOURNAL_CATEGORIES } from '@eidor/contract';
import { canAccessPerson, DATA_CATEGORIES, RECEIVABLE_CATEGORIES, consentState } from '@eidor/domain';
import { withTenant, type Deps } from '../../platform/context.ts';
import { route } from '../../platform/http.ts';
import { loadReachablePerson } from '../persons/public.ts';
import { actingUnitIds } from './access.ts';
import { breakGlass, endBreakGlass, myActiveBreakGlass } from './break-glass.ts';
import { personConsents, recordConsent, visibleConsents, withdrawConsent } from './consents.ts';
import { activeUnitList, consentsOfPerson, documentsOfPerson, referralsOfPerson, referralsOfUnits } from './queries.ts';
import { actOnReferral, presentReferrals, referralView, sendReferral } from './referrals.ts';

export function registerReferrals(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };

  route(app, 'personReferrals', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      const { relationships } = await loadReachablePerson(ctx, params.id);
      const acting = actingUnitIds(ctx);
      const items = await presentReferrals(ctx, await referralsOfPerson(ctx.tx, params.id, acting), 'referral.read', { personId: params.id, relationships });
      const send = DATA_CATEGORIES.some((c) => canAccessPerson(ctx.actor, 'write', c, relationships).allowed);
      let options = null;
      if (send) {
        const units = await activeUnitList(ctx.tx);
        const readable = JOURNAL_CATEGORIES.filter((c) => canAccessPerson(ctx.actor, 'read', JOURNAL_DATA_CATEGORY[c], relationships).allowed);
        const consents = visibleConsents(ctx, relationships, await consentsOfPerson(ctx.tx, params.id)).shown.filter(
          (c) => consentState({ validFrom: c.valid_from, validUntil: c.valid_until, withdrawnAt: c.withdrawn_at ? new Date(c.withdrawn_at) : null }, ctx.now) === 'active',
        );
        options = {
          fromUnits: units.filter((u) => acting.includes(u.id)).map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
          receivers: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, categories: RECEIVABLE_CATEGORIES[u.kind] })),
          consents: consents.map((c) => ({ id: c.id, purpose: c.purpose, categories: c.categories, unitIds: c.unit_ids, validUntil: c.valid_until })),
          documents: (await documentsOfPerson(ctx.tx, params.id, readable)).map((d) => ({
            id: d.id,
            fileName: d.file_name,
            category: d.category,
            dataCategory: JOURNAL_DATA_CATEGORY[d.category as keyof typeof JOURNAL_DATA_CATEGORY],
          })),
        };
      }
      await ctx.audit({ action: 'referral.read', subjectType: 'person', subjectId: params.id, categories: ['identity'], via: canAccessPerson(ctx.actor, 'read', 'identity', relationships).via });
      return { personId: params.id, items, can: { send }, options };
    }),
  );

  route(app, 'createReferral', o, async ({ req, params, body }) => withTenant(deps, req, (ctx) => sendReferral(ctx, params.id, body)));

  route(app, 'unitReferrals', o, async ({ req, query }) =>
    withTenant(deps, req, async (ctx) => {
      const list = await referralsOfUnits(ctx.tx, actingUnitIds(ctx), query.box, query.status === 'open');
      // The list names people: a read of what is shown, one row per referral shown with a person.
      return { items: await presentReferrals(ctx, list, 'referral.list') };
    }),
  );

  route(app, 'getReferral', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      const { row, shown, view } = await referralView(ctx, params.id);
      if (shown.categories.length > 0) {
        await ctx.audit({ action: 'referral.read', subjectType: 'person', subjectId: row.person_id, categories: shown.categories, via: shown.via });
      }
      return view;
    }),
  );

  route(app, 'answerReferral', o, async ({ req, params, body }) =>
    withTenant(deps, req, (ctx) => actOnReferral(ctx, params.id, body.decision, { version: body.version, reason: body.reason })),
  );
  route(app, 'closeReferral', o, async ({ req, params, body }) =>
    withTenant(deps, req, (ctx) => actOnReferral(ctx, params.id, 'close', { version: body.version, outcome: body.outcome })),
  );
  route(app, 'withdrawReferral', o, async ({ req, params, body }) =>
    withTenant(deps, req, (ctx) => actOnReferral(ctx, params.id, 'withdraw', { version: body.version, reason: body.reason })),
  );

  route(app, 'personConsents', o, async ({ req, params }) => withTenant(deps, req, (ctx) => personConsents(ctx, params.id)));
  route(app, 'createConsent', o, async ({ req, params, body }) => withTenant(deps, req, (ctx) => recordConsent(ctx, params.id, body)));
  route(app, 'withdrawConsent', o, async ({ req, params, body }) => withTenant(deps, req, (ctx) => withdrawConsent(ctx, params.id, body)));

  route(app, 'breakGlass', o, async ({ req, body }) => withTenant(deps, req, (ctx) => breakGlass(ctx, body)));
  route(app, 'activeBreakGlass', o, async ({ req, params }) => withTenant(deps, req, (ctx) => myActiveBreakGlass(ctx, params.id)));
  route(app, 'endBreakGlass', o, async ({ req, params }) => withTenant(deps, req, (ctx) => endBreakGlass(ctx, params.id)));
}
