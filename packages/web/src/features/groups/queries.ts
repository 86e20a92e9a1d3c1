import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../api/client.ts';

/** A person's responsibility groups. Every fetch is an audited read: fetched once per visit and after each change. */
export const groupsQuery = (id: string) =>
  queryOptions({
    queryKey: ['groups', id],
    queryFn: ({ signal }) => apiFetch('personGroups', { params: { id }, signal }),
    staleTime: Infinity,
  });
