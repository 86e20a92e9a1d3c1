import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../api/client.ts';

export const usersQuery = queryOptions({
  queryKey: ['users'],
  queryFn: ({ signal }) => apiFetch('listUsers', { signal }),
});
