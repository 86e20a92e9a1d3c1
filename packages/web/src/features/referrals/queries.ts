import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../api/client.ts';

// Every fetch of referrals and consents is an audited read: the cache never refetches on its own.

export const personReferralsQuery = (id: string) =>
  queryOptions({ queryKey: ['referrals', 'person', id], queryFn: ({ signal }) => apiFetch('personReferrals', { params: { id }, signal }), staleTime: Infinity });

export const personConsentsQuery = (id: string) =>
  queryOptions({ queryKey: ['consents', 'person', id], queryFn: ({ signal }) => apiFetch('personConsents', { params: { id }, signal }), staleTime: Infinity });

export const unitReferralsQuery = (box: 'in' | 'out', status: 'open' | 'all') =>
  queryOptions({ queryKey: ['referrals', 'unit', box, status], queryFn: ({ signal }) => apiFetch('unitReferrals', { query: { box, status }, signal }), staleTime: Infinity });

export const referralQuery = (id: string) =>
  queryOptions({ queryKey: ['referrals', 'one', id], queryFn: ({ signal }) => apiFetch('getReferral', { params: { id }, signal }), staleTime: Infinity });

/** The user's own break-the-glass grant on a person, for the banner (not personal data: refetched freely). */
export const activeBreakGlassQuery = (id: string) =>
  queryOptions({ queryKey: ['break-glass', id], queryFn: ({ signal }) => apiFetch('activeBreakGlass', { params: { id }, signal }), staleTime: 30_000 });
