import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme';
import './app.css';
import './i18n/index.ts';
import { onSessionLost } from './api/client.ts';
import { sessionQuery } from './api/queries.ts';
import { createQueryClient } from './app/query-client.ts';
import { createAppRouter } from './app/router.tsx';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// When the server says the session is gone, forget it and re-run the routes' guards: a protected
// page then sends the user to sign-in, and back to it afterwards.
onSessionLost(() => {
  queryClient.setQueryData(sessionQuery.queryKey, null);
  void router.invalidate();
});

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
