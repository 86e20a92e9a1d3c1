import { useState } from 'react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { z } from 'zod';
import type { NotificationViewT } from '@eidor/contract';
import { apiFetch } from '../../api/client.ts';
import { authedRoute } from '../../app/authed.tsx';
import { NotificationsPage } from './NotificationsPage.tsx';
import { inboxQuery, preferencesQuery } from './queries.ts';
import { SettingsPage } from './SettingsPage.tsx';

const InboxSearch = z.object({ unread: z.boolean().optional().catch(undefined) });

export const notificationsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/notifications',
  validateSearch: InboxSearch,
  // Each opening fetches afresh: whether a name may be shown is decided at read time.
  loaderDeps: ({ search }) => ({ unread: search.unread ?? false }),
  loader: ({ context, deps }) => context.queryClient.fetchQuery({ ...inboxQuery(deps.unread), staleTime: 0 }),
  component: function NotificationsRoute() {
    const search = notificationsRoute.useSearch();
    const unreadOnly = search.unread ?? false;
    const navigate = useNavigate();
    const queryClient = useQueryClient();
    const { data } = useSuspenseQuery(inboxQuery(unreadOnly));
    const [older, setOlder] = useState<{ items: NotificationViewT[]; next: string | null } | null>(null);
    const [loadingMore, setLoadingMore] = useState(false);
    const items = [...data.items, ...(older?.items ?? [])];
    const next = older ? older.next : data.next;
    const refresh = async () => {
      setOlder(null);
      await Promise.all([queryClient.fetchQuery({ ...inboxQuery(unreadOnly), staleTime: 0 }), queryClient.invalidateQueries({ queryKey: ['notifications', 'count'] })]);
    };
    return (
      <NotificationsPage
        items={items}
        unread={data.unread}
        unreadOnly={unreadOnly}
        hasMore={next !== null}
        loadingMore={loadingMore}
        onUnreadOnly={(on) => void navigate({ to: '/notifications', search: on ? { unread: true } : {} })}
        onMore={() => {
          if (!next) return;
          setLoadingMore(true);
          void apiFetch('listNotifications', { query: { before: next, ...(unreadOnly ? { unread: 'true' as const } : {}) } })
            .then((r) => setOlder({ items: [...(older?.items ?? []), ...r.items], next: r.next }))
            .finally(() => setLoadingMore(false));
        }}
        onMarkRead={async (id) => {
          await apiFetch('markNotificationRead', { params: { id } });
          await refresh();
        }}
        onMarkAllRead={async () => {
          await apiFetch('markAllNotificationsRead');
          await refresh();
        }}
        onOpen={async (n) => {
          if (!n.read) {
            await apiFetch('markNotificationRead', { params: { id: n.id } });
            await queryClient.invalidateQueries({ queryKey: ['notifications'] });
          }
          await navigate({ href: n.link });
        }}
      />
    );
  },
});

export const notificationSettingsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/account/notifications',
  loader: ({ context }) => context.queryClient.ensureQueryData(preferencesQuery),
  component: function NotificationSettingsRoute() {
    const queryClient = useQueryClient();
    const { data } = useSuspenseQuery(preferencesQuery);
    return (
      <SettingsPage
        prefs={data}
        onSave={async (body) => {
          const saved = await apiFetch('saveNotificationPreferences', { body });
          queryClient.setQueryData(preferencesQuery.queryKey, saved);
        }}
      />
    );
  },
});

export const notificationRoutes = [notificationsRoute, notificationSettingsRoute];
