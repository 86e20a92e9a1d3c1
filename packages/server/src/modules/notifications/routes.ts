import type { FastifyInstance } from 'fastify';
import { can, canAccessPerson, DEFAULT_DELIVERY, NOTIFICATION_KINDS, type NotificationDelivery } from '@eidor/domain';
import { withTenant, type Ctx, type Deps } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { route } from '../../platform/http.ts';
import { personNames, relationshipsTo } from '../persons/public.ts';
import { runDailyJobs } from './jobs.ts';
import { decodeCursor, encodeCursor, presentNotification } from './presenter.ts';
import { inboxOf, markAllRead, markRead, preferencesOf, savePreferences, unreadCount } from './queries.ts';

const PAGE = 50;

/**
 * The names of the people the reader may still see (identity read, decided now, not when the
 * notification was made): a user who has left the team sees "a person".
 */
async function visibleNames(ctx: Ctx, personIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(personIds)];
  const names = await personNames(ctx.tx, ctx.actor.municipalityId, ids);
  const visible = new Map<string, string>();
  for (const id of ids) {
    const p = names.get(id);
    if (!p) continue;
    const decision = canAccessPerson(ctx.actor, 'read', 'identity', await relationshipsTo(ctx, id));
    if (!decision.allowed) continue;
    visible.set(id, p.name);
    // A name shown is a read of personal data: one audit row per person, like opening the record.
    await ctx.audit({ action: 'notifications.read', subjectType: 'person', subjectId: id, categories: ['identity'], via: decision.via });
  }
  return visible;
}

async function preferencesView(ctx: Ctx) {
  const p = await preferencesOf(ctx.tx, ctx.actor.userId);
  return {
    language: p.language ?? 'nb',
    kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: p.kinds.get(kind) ?? DEFAULT_DELIVERY[kind], defaultDelivery: DEFAULT_DELIVERY[kind] })),
  };
}

export function registerNotifications(app: FastifyInstance, deps: Deps): void {
  const o = { secure: deps.config.env === 'production' };

  route(app, 'listNotifications', o, async ({ req, query }) =>
    withTenant(deps, req, async (ctx) => {
      const before = query.before ? decodeCursor(query.before) : null;
      if (query.before && !before) throw new AppError('VALIDATION', 'The page cursor is not valid', { fields: [{ path: 'before', message: 'is not a cursor from this list' }] });
      const page = await inboxOf(ctx.tx, ctx.actor.userId, { unreadOnly: query.unread === 'true', limit: PAGE + 1, before });
      const items = page.slice(0, PAGE);
      const names = await visibleNames(ctx, items.flatMap((n) => (n.person_id ? [n.person_id] : [])));
      return {
        items: items.map((n) => presentNotification(n, names)),
        unread: await unreadCount(ctx.tx, ctx.actor.userId),
        next: page.length > PAGE ? encodeCursor(items[items.length - 1]!) : null,
      };
    }),
  );

  route(app, 'notificationCount', o, async ({ req }) => withTenant(deps, req, async (ctx) => ({ unread: await unreadCount(ctx.tx, ctx.actor.userId) })));

  route(app, 'markNotificationRead', o, async ({ req, params }) =>
    withTenant(deps, req, async (ctx) => {
      // Someone else's notification answers as if it did not exist.
      if (!(await markRead(ctx.tx, ctx.actor.userId, params.id, ctx.now))) throw notFound();
      return { unread: await unreadCount(ctx.tx, ctx.actor.userId) };
    }),
  );

  route(app, 'markAllNotificationsRead', o, async ({ req }) =>
    withTenant(deps, req, async (ctx) => ({ marked: await markAllRead(ctx.tx, ctx.actor.userId, ctx.now), unread: 0 })),
  );

  route(app, 'getNotificationPreferences', o, async ({ req }) => withTenant(deps, req, preferencesView));

  route(app, 'saveNotificationPreferences', o, async ({ req, body }) =>
    withTenant(deps, req, async (ctx) => {
      await savePreferences(ctx.tx, {
        municipalityId: ctx.actor.municipalityId,
        userId: ctx.actor.userId,
        kinds: body.kinds as Record<string, NotificationDelivery>,
        language: body.language,
        now: ctx.now,
      });
      await ctx.audit({ action: 'notifications.preferences.save', subjectType: 'user', subjectId: ctx.actor.userId });
      return preferencesView(ctx);
    }),
  );

  route(app, 'runNotificationJobs', o, async ({ req, body }) => {
    // Checked in its own transaction: the jobs open theirs per job, as the scheduler does.
    const municipalityId = await withTenant(deps, req, async (ctx) => {
      const decision = can(ctx.actor, 'units.manage');
      if (!decision.allowed) throw forbidden();
      await ctx.audit({ action: 'notifications.jobs.run', subjectType: 'job', via: decision.via });
      return ctx.actor.municipalityId;
    });
    const now = body.date ? new Date(`${body.date}T12:00:00+01:00`) : deps.clock.now();
    return { results: await runDailyJobs(deps, municipalityId, now, body.jobs, req.log) };
  });
}
