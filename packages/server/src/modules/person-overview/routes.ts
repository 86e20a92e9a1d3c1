import type { FastifyInstance } from 'fastify';
import { OVERVIEW_LIMITS } from '@eidor/contract';
import { withTenant, type Deps } from '../../platform/context.ts';
import { route } from '../../platform/http.ts';
import { journalForPage } from '../journal/public.ts';
import { loadReachablePerson, personViewOf } from '../persons/public.ts';
import { referralsForPage } from '../referrals/public.ts';

/**
 * The person page in one read (issue 7, Speed): the person and team, the newest notes and the open
 * referrals, in one transaction — each part judged and audited as its own page does it, from the
 * relationships loaded once. The journal and referrals pages keep the full lists.
 */
export function registerPersonOverview(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };
  route(app, 'personOverview', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      const reach = await loadReachablePerson(ctx, params.id);
      const person = await personViewOf(ctx, reach, 'person.read');
      const journal = await journalForPage(ctx, params.id, reach.relationships, OVERVIEW_LIMITS.notes, OVERVIEW_LIMITS.excerptChars);
      const referrals = await referralsForPage(ctx, params.id, reach.relationships);
      return { person, journal, referrals };
    }),
  );
}
