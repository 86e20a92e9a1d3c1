import type { FastifyInstance } from 'fastify';
import { can } from '@eidor/domain';
import { withTenant, type Deps } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { SESSION_COOKIE, route } from '../../platform/http.ts';
import { findSession } from '../../platform/sessions.ts';
import { findMunicipality } from '../auth/queries.ts';
import { presentSession } from '../auth/presenter.ts';
import { inviteUser } from './commands/invite-user.ts';
import { setUserRoles } from './commands/set-user-roles.ts';
import { setUserStatus } from './commands/set-user-status.ts';
import { acceptInvitation, lookupInvitation } from './invitations.ts';
import { presentUser } from './presenter.ts';
import { listUsers, rolesOf, type UserRow } from './queries.ts';
import type { Ctx } from '../../platform/context.ts';

export function registerUsers(app: FastifyInstance, deps: Deps): void {
  const secure = deps.config.env === 'production';
  const o = { secure };

  const present = async (ctx: Ctx, u: UserRow) =>
    presentUser(u, await rolesOf(ctx.tx, ctx.actor.municipalityId, [u.id]), can(ctx.actor, 'users.manage').allowed);

  route(app, 'listUsers', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => {
      const decision = can(ctx.actor, 'users.read');
      if (!decision.allowed) throw forbidden();
      const manage = can(ctx.actor, 'users.manage').allowed;
      const rows = await listUsers(ctx.tx, ctx.actor.municipalityId);
      const roles = await rolesOf(ctx.tx, ctx.actor.municipalityId, rows.map((u) => u.id));
      await ctx.audit({ action: 'user.list', subjectType: 'user', via: decision.via });
      return { items: rows.map((u) => presentUser(u, roles, manage)), can: { invite: manage } };
    }),
  );

  route(app, 'inviteUser', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      const m = await findMunicipality(ctx.tx, ctx.actor.municipalityId);
      const user = await inviteUser(ctx, body, { publicUrl: deps.config.publicUrl, municipalityName: m?.name ?? '' });
      return present(ctx, user);
    }),
  );

  route(app, 'setUserRoles', o, async ({ req, body, params }) =>
    withTenant(deps, req, async (ctx) => present(ctx, await setUserRoles(ctx, { ...body, id: params.id }))),
  );
  route(app, 'disableUser', o, async ({ req, body, params }) =>
    withTenant(deps, req, async (ctx) => present(ctx, await setUserStatus(ctx, { ...body, id: params.id, disable: true }))),
  );
  route(app, 'enableUser', o, async ({ req, body, params }) =>
    withTenant(deps, req, async (ctx) => present(ctx, await setUserStatus(ctx, { ...body, id: params.id, disable: false }))),
  );

  route(app, 'lookupInvitation', o, async ({ body }) => lookupInvitation(deps, body.token));

  route(app, 'acceptInvitation', o, async ({ body, req, reply }) => {
    const token = await acceptInvitation(deps, { token: body.token, password: body.password, ip: req.ip, requestId: req.id });
    reply.setCookie(SESSION_COOKIE(secure), token, {
      path: '/',
      httpOnly: true,
      secure,
      sameSite: 'lax',
      maxAge: Math.ceil(deps.sessionPolicy.absoluteMs / 1000),
    });
    const s = await findSession(deps.database.db, token, deps.clock.now(), deps.sessionPolicy);
    if (!s) throw new AppError('INTERNAL', 'Session vanished');
    const m = await findMunicipality(deps.database.db, s.user.municipalityId);
    return presentSession(s, m!);
  });
}
