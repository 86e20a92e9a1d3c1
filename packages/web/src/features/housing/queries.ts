import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../api/client.ts';

/** The register names the households living in the dwellings: fetched fresh on each visit. */
export const dwellingsQuery = queryOptions({
  queryKey: ['housing', 'dwellings'],
  queryFn: ({ signal }) => apiFetch('listDwellings', { signal }),
  staleTime: 0,
});

export const dwellingQuery = (id: string) =>
  queryOptions({
    queryKey: ['housing', 'dwelling', id],
    queryFn: ({ signal }) => apiFetch('getDwelling', { params: { id }, signal }),
    staleTime: Infinity,
  });

export const vacancyQuery = (year: number | undefined) =>
  queryOptions({
    queryKey: ['housing', 'vacancy', year ?? 'current'],
    queryFn: ({ signal }) => apiFetch('housingVacancy', { query: { year }, signal }),
    staleTime: 0,
  });
