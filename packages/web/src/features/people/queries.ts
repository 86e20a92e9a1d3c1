import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { BodyOf } from '@eidor/contract';
import { apiFetch } from '../../api/client.ts';

/** What the people list searches for. It lives in memory only: never in the URL, history state or storage. */
export type PeopleCriteria = Omit<BodyOf<'searchPeople'>, 'page' | 'pageSize'>;

export const PEOPLE_PAGE_SIZE = 25;

/**
 * One page of the people search. The criteria travel in the POST body; the query key holds them in
 * React Query's in-memory cache only (no persister), and the whole 'people' tree is dropped on sign-out.
 */
export const peopleSearchQuery = (criteria: PeopleCriteria, page: number) =>
  queryOptions({
    queryKey: ['people', 'search', criteria, page],
    queryFn: ({ signal }) => apiFetch('searchPeople', { body: { ...criteria, page, pageSize: PEOPLE_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });

/** The last search on the people page, kept in memory so that "back" from a person finds it again. */
export const LAST_SEARCH_KEY = ['people', 'last-search'] as const;
export type LastSearch = { criteria: PeopleCriteria; page: number };

/**
 * A person as the actor may see them. Every fetch is an audited read ("who has looked at this record"),
 * so the cache never refetches on its own: the route fetches once per visit, mutations replace the data.
 */
export const personQuery = (id: string) =>
  queryOptions({
    queryKey: ['people', 'person', id],
    queryFn: ({ signal }) => apiFetch('getPerson', { params: { id }, signal }),
    staleTime: Infinity,
  });

/**
 * The person's page in one read: the person and team, the newest notes and the open referrals
 * (GET /api/persons/:id/overview). An audited read like personQuery: fetched once per visit.
 */
export const personOverviewQuery = (id: string) =>
  queryOptions({
    queryKey: ['people', 'overview', id],
    queryFn: ({ signal }) => apiFetch('personOverview', { params: { id }, signal }),
    staleTime: Infinity,
  });

export const personHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: ['people', 'history', id],
    queryFn: ({ signal }) => apiFetch('personHistory', { params: { id }, signal }),
    staleTime: 0,
  });

export const personAccessLogQuery = (id: string) =>
  queryOptions({
    queryKey: ['people', 'access-log', id],
    queryFn: ({ signal }) => apiFetch('personAccessLog', { params: { id }, signal }),
    staleTime: 0,
  });

/** A household with the members the actor may see (an audited read, like a person). */
export const householdQuery = (id: string) =>
  queryOptions({
    queryKey: ['people', 'household', id],
    queryFn: ({ signal }) => apiFetch('getHousehold', { params: { id }, signal }),
    staleTime: Infinity,
  });
