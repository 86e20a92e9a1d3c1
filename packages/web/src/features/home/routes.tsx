import { createRoute } from '@tanstack/react-router';
import { authedRoute, useSession } from '../../app/authed.tsx';
import { HomePage } from './HomePage.tsx';

export const homeRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/',
  component: function HomeRoute() {
    return <HomePage session={useSession()} />;
  },
});
