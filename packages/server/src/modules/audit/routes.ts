import type { FastifyInstance } from 'fastify';
import { can } from '@eidor/domain';
import { withTenant, type Deps } from '../../platform/context.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { forbidden } from '../../platform/errors.ts';
import { route } from '../../platform/http.ts';
import { searchAudit } from './queries.ts';
import { registerAccessReview } from './review/routes.ts';

export function registerAudit(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };

  route(app, 'listAudit', o, async ({ req, query }) =>
    withTenant(deps, req, async (ctx) => {
      const decision = can(ctx.actor, 'audit.read');
      if (!decision.allowed) throw forbidden();
      const { page, pageSize, ...filter } = query;
      const { rows, total } = await searchAudit(ctx.tx, ctx.actor.municipalityId, filter, page, pageSize);
      // Reading the access log is itself logged.
      await ctx.audit({ action: 'audit.search', subjectType: 'audit_log', via: decision.via });
      return {
        items: rows.map((r) => ({
          id: r.id,
          seq: r.seq,
          occurredAt: r.occurredAt.toISOString(),
          actorId: r.actorUserId,
          actorEmail: r.actorEmail,
          unitId: r.unitId,
          role: r.role,
          action: r.action,
          subjectType: r.subjectType,
          subjectId: r.subjectId,
          categories: r.categories,
          requestId: r.requestId,
          ip: r.ip,
        })),
        total,
        page,
        pageSize,
      };
    }),
  );

  route(app, 'verifyAudit', o, async ({ req }) => {
    const municipalityId = await withTenant(deps, req, async (ctx) => {
      const decision = can(ctx.actor, 'audit.read');
      if (!decision.allowed) throw forbidden();
      await ctx.audit({ action: 'audit.verify', subjectType: 'audit_log', via: decision.via });
      return ctx.actor.municipalityId;
    });
    // Chain what has committed so far (this request's own row too), then check the whole chain.
    await deps.auditSealer.sealNow(municipalityId);
    const r = await verifyAuditChain(deps.database.query, municipalityId);
    return { ok: r.ok, checked: r.checked, firstBrokenSeq: r.firstBrokenSeq, unsealed: r.unsealed };
  });

  // The access review (issue 7 § 9) reads the same log.
  registerAccessReview(app, deps);
}
