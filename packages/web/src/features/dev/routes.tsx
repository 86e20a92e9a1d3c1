import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { apiFetch, isApiError } from '../../api/client.ts';
import { rootRoute } from '../../app/root.tsx';
import { MailboxPage } from './MailboxPage.tsx';

const mailboxQuery = queryOptions({
  queryKey: ['dev-mailbox'],
  queryFn: async ({ signal }) => {
    try {
      const { items } = await apiFetch('devMailbox', { signal });
      return [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    } catch (error) {
      // The server has no mailbox in production.
      if (isApiError(error) && error.status === 404) return null;
      throw error;
    }
  },
  staleTime: 0,
});

export const mailboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dev/mailbox',
  loader: ({ context }) => context.queryClient.ensureQueryData(mailboxQuery),
  component: function MailboxRoute() {
    const { data, refetch, isFetching } = useSuspenseQuery(mailboxQuery);
    return <MailboxPage mails={data} refreshing={isFetching} onRefresh={() => void refetch()} />;
  },
});
