import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { sessionQuery } from '../api/queries.ts';

/** Keys of queries that hold nothing about the user and may survive a sign-out. */
const PUBLIC_QUERIES = new Set(['session', 'health', 'oidc']);

/** Forget the session in this tab, go to sign-in and drop every cached answer about people. */
export function useForgetSession(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    queryClient.setQueryData(sessionQuery.queryKey, null);
    await navigate({ to: '/sign-in' });
    queryClient.removeQueries({ predicate: (q) => !PUBLIC_QUERIES.has(String(q.queryKey[0])) });
  };
}
