import type { ReactNode } from 'react';
import { render, screen } from '@testing-library/react';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';

/**
 * Render a page component inside a router (in memory), so that its links work as in the app. Resolves
 * once the component is on the screen. Returns the router, to look at where a link led.
 */
export async function renderWithRouter(ui: () => ReactNode, path = '/') {
  const rootRoute = createRootRoute({ component: () => <div data-testid="page">{ui()}</div> });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: [path] }) });
  const result = render(<RouterProvider router={router as never} />);
  await screen.findByTestId('page');
  return { router, ...result };
}
