import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { sessionQuery } from '../api/queries.ts';

/** Keys of queries that hold nothing about the user and may outlive a session. */
const PUBLIC_QUERIES = new Set(['session', 'health', 'oidc']);

/** Drop every cached answer that belongs to a session: lists of people, units, the audit log. */
export function dropSessionData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => !PUBLIC_QUERIES.has(String(q.queryKey[0])) });
}

/** Forget the session in this tab, go to sign-in and drop everything cached under it. */
export function useForgetSession(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    queryClient.setQueryData(sessionQuery.queryKey, null);
    await navigate({ to: '/sign-in' });
    dropSessionData(queryClient);
  };
}
