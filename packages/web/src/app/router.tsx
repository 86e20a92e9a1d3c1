import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { unitsRoute } from '../features/admin/units/routes.tsx';
import { usersRoute } from '../features/admin/users/routes.tsx';
import { auditRoute } from '../features/audit/routes.tsx';
import { accessReviewRoute } from '../features/access-review/routes.tsx';
import { accountRoute, invitationRoute, signInRoute } from '../features/auth/routes.tsx';
import { mailboxRoute } from '../features/dev/routes.tsx';
import { homeRoute } from '../features/home/routes.tsx';
import { housingRoutes } from '../features/housing/routes.tsx';
import { peopleRoutes } from '../features/people/routes.tsx';
import { programmeAdminRoutes } from '../features/programme-admin/routes.tsx';
import { programmeRoutes } from '../features/programme/routes.tsx';
import { extraGrantRoutes } from '../features/extra-grants/routes.tsx';
import { grantRoutes } from '../features/grants/routes.tsx';
import { journalRoutes } from '../features/journal/routes.tsx';
import { referralRoutes } from '../features/referrals/routes.tsx';
import { notificationRoutes } from '../features/notifications/routes.tsx';
import { groupsRoutes } from '../features/groups/routes.tsx';
import { settlementRoutes } from '../features/settlement/routes.tsx';
import { tasksRoute } from '../features/tasks/routes.tsx';
import { authedRoute } from './authed.tsx';
import { PendingPage, rootRoute, RouteErrorPage } from './root.tsx';

const routeTree = rootRoute.addChildren([
  signInRoute,
  invitationRoute,
  mailboxRoute,
  authedRoute.addChildren([homeRoute, tasksRoute, ...peopleRoutes, ...programmeRoutes, ...extraGrantRoutes, ...grantRoutes, ...journalRoutes, ...referralRoutes, ...notificationRoutes, ...groupsRoutes, ...settlementRoutes, ...programmeAdminRoutes, ...housingRoutes, unitsRoute, usersRoute, auditRoute, accessReviewRoute, accountRoute]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    // Query owns caching; the router asks it on every navigation.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PendingPage,
    defaultErrorComponent: RouteErrorPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
