import { createRoute, Outlet, redirect, useRouteContext } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import type { SessionView } from '@eidor/contract';
import { sessionQuery } from '../api/queries.ts';
import { rootRoute } from './root.tsx';

/** Layout route for every page that needs a signed-in user; others are sent to sign-in and back. */
export const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authed',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { session };
  },
  component: Outlet,
});

/** The signed-in session: live from the query cache, or as it was when the page was entered. */
export function useSession(): SessionView {
  const fromRoute = useRouteContext({ from: authedRoute.id, select: (c) => c.session });
  const live = useQuery(sessionQuery).data;
  return live ?? fromRoute;
}
