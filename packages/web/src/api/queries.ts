import { queryOptions } from '@tanstack/react-query';
import type { SessionView } from '@eidor/contract';
import { apiFetch, isApiError } from './client.ts';

/** The signed-in session, or null when nobody is signed in (the server answers 401). */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async ({ signal }): Promise<SessionView | null> => {
    try {
      return await apiFetch('session', { signal });
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

/** Database kind and whether the app runs on the embedded demo database. */
export const healthQuery = queryOptions({
  queryKey: ['health'],
  queryFn: ({ signal }) => apiFetch('health', { signal }),
  staleTime: Infinity,
  retry: false,
});

/** Whether single sign-on is switched on, and the label of its button. */
export const oidcQuery = queryOptions({
  queryKey: ['oidc'],
  queryFn: ({ signal }) => apiFetch('oidcConfig', { signal }),
  staleTime: Infinity,
  retry: false,
});
