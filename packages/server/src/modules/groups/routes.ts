import type { FastifyInstance } from 'fastify';
import { withTenant, type Ctx, type Deps } from '../../platform/context.ts';
import { route } from '../../platform/http.ts';
import { loadReachablePerson } from '../persons/public.ts';
import { loadGroup, personRights } from './access.ts';
import { changeActionPointStatus } from './commands/action-point-status.ts';
import { addMember, changeCoordinator, closeGroup, createGroup, endMember } from './commands/manage-group.ts';
import { addActionPoint, changeMeeting, createMeeting } from './commands/meetings.ts';
import { presentGroups } from './presenter.ts';
import { findGroup, groupsOfPerson, staffDirectory } from './queries.ts';

/** One group as the actor now sees it (the answer to every change). */
async function groupView(ctx: Ctx, groupId: string) {
  const l = await loadGroup(ctx, groupId);
  const { views } = await presentGroups(ctx, [(await findGroup(ctx.tx, groupId))!], l.access);
  return views[0]!;
}

export function registerGroups(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };

  route(app, 'personGroups', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      const { relationships } = await loadReachablePerson(ctx, params.id);
      const rights = personRights(ctx, relationships);
      const groups = await groupsOfPerson(ctx.tx, params.id);
      const { views, shown } = await presentGroups(ctx, groups, rights);
      // One audit row per opening, naming the categories actually shown.
      await ctx.audit({ action: 'groups.read', subjectType: 'person', subjectId: params.id, categories: [...shown], via: rights.via });
      const staff = rights.manage
        ? (await staffDirectory(ctx.tx, ctx.actor.municipalityId)).map((s) => ({ userId: s.user_id, name: s.user_name, unitId: s.unit_id, unitName: s.unit_name, unitKind: s.unit_kind }))
        : [];
      return { personId: params.id, can: { manage: rights.manage, categories: rights.readCategories }, groups: views, staff };
    }),
  );

  route(app, 'createGroup', o, async ({ req, params, body }) => withTenant(deps, req, async (ctx) => groupView(ctx, await createGroup(ctx, params.id, body))));
  route(app, 'addGroupMember', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      await addMember(ctx, params.id, body);
      return groupView(ctx, params.id);
    }),
  );
  route(app, 'endGroupMember', o, async ({ req, params, body }) => withTenant(deps, req, async (ctx) => groupView(ctx, await endMember(ctx, params.id, body.version))));
  route(app, 'setGroupCoordinator', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      await changeCoordinator(ctx, params.id, body);
      return groupView(ctx, params.id);
    }),
  );
  route(app, 'closeGroup', o, async ({ req, params, body }) =>
    withTenant(deps, req, async (ctx) => {
      await closeGroup(ctx, params.id, body);
      return groupView(ctx, params.id);
    }),
  );
  route(app, 'createGroupMeeting', o, async ({ req, params, body }) => withTenant(deps, req, async (ctx) => groupView(ctx, await createMeeting(ctx, params.id, body))));
  route(app, 'updateGroupMeeting', o, async ({ req, params, body }) => withTenant(deps, req, async (ctx) => groupView(ctx, await changeMeeting(ctx, params.id, body))));
  route(app, 'createGroupActionPoint', o, async ({ req, params, body }) => withTenant(deps, req, async (ctx) => groupView(ctx, await addActionPoint(ctx, params.id, body))));
  route(app, 'setGroupActionPointStatus', o, async ({ req, params, body }) => withTenant(deps, req, async (ctx) => groupView(ctx, await changeActionPointStatus(ctx, params.id, body))));
}
