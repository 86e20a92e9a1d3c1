import type { FastifyInstance } from 'fastify';
import { can } from '@eidor/domain';
import { withTenant, type Deps } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { route } from '../../platform/http.ts';
import { createUnit } from './commands/create-unit.ts';
import { updateUnit } from './commands/update-unit.ts';
import { presentUnit } from './presenter.ts';
import { listUnits } from './queries.ts';

export function registerUnits(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };

  route(app, 'listUnits', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => {
      if (!can(ctx.actor, 'units.read').allowed) throw forbidden();
      const manage = can(ctx.actor, 'units.manage').allowed;
      const rows = await listUnits(ctx.tx, ctx.actor.municipalityId);
      return { items: rows.map((u) => presentUnit(u, manage)), can: { create: manage } };
    }),
  );

  route(app, 'createUnit', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => presentUnit(await createUnit(ctx, body), true)),
  );

  route(app, 'updateUnit', o, async ({ req, body, params }) =>
    withTenant(deps, req, async (ctx) => presentUnit(await updateUnit(ctx, { ...body, id: params.id }), true)),
  );
}
