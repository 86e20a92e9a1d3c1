import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../api/client.ts';

export const unitsQuery = queryOptions({
  queryKey: ['units'],
  queryFn: ({ signal }) => apiFetch('listUnits', { signal }),
});
