import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../api/client.ts';

/** The unread count behind the bell: cheap (no personal data), refreshed every minute. */
export const unreadCountQuery = queryOptions({
  queryKey: ['notifications', 'count'],
  queryFn: ({ signal }) => apiFetch('notificationCount', { signal }),
  refetchInterval: 60_000,
  staleTime: 30_000,
});

/** The inbox. Showing names is an audited read, so it is fetched when the page opens, not in the background. */
export const inboxQuery = (unreadOnly: boolean) =>
  queryOptions({
    queryKey: ['notifications', 'inbox', unreadOnly],
    queryFn: ({ signal }) => apiFetch('listNotifications', { query: unreadOnly ? { unread: 'true' } : {}, signal }),
    staleTime: Infinity,
  });

export const preferencesQuery = queryOptions({
  queryKey: ['notifications', 'preferences'],
  queryFn: ({ signal }) => apiFetch('getNotificationPreferences', { signal }),
});
