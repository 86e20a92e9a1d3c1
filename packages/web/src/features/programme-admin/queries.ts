import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../api/client.ts';

/** A week's grid names participants: an audited read, fetched fresh on each visit. */
export const attendanceWeekQuery = (weekStart: string, unitId: string | undefined) =>
  queryOptions({
    queryKey: ['programmeAdmin', 'attendance', weekStart, unitId ?? null],
    queryFn: ({ signal }) => apiFetch('getAttendanceWeek', { query: { weekStart, ...(unitId ? { unitId } : {}) }, signal }),
    staleTime: 0,
  });

export const paymentRunsQuery = queryOptions({
  queryKey: ['programmeAdmin', 'paymentRuns'],
  queryFn: ({ signal }) => apiFetch('listPaymentRuns', { signal }),
  staleTime: 0,
});

/** A run with every participant's amount (an audited read): once per visit, replaced by what actions return. */
export const paymentRunQuery = (id: string) =>
  queryOptions({
    queryKey: ['programmeAdmin', 'paymentRun', id],
    queryFn: ({ signal }) => apiFetch('getPaymentRun', { params: { id }, signal }),
    staleTime: Infinity,
  });

export const resultsQuery = queryOptions({
  queryKey: ['programmeAdmin', 'results'],
  queryFn: ({ signal }) => apiFetch('programmeResults', { signal }),
  staleTime: 0,
});
