import { useEffect, useRef, type MouseEvent } from 'react';
import { Button, Link as DsLink, Paragraph, SkipLink, Spinner } from '@digdir/designsystemet-react';
import { useMutation, useQuery, type QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Link, Outlet, useRouter, useRouterState, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../api/client.ts';
import { healthQuery, sessionQuery } from '../api/queries.ts';
import { ApiErrorAlert } from '../components/ApiErrorAlert.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useForgetSession } from './session.ts';
import { Header } from './shell/Header.tsx';

export type RouterContext = { queryClient: QueryClient };

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});

/** After each navigation, move focus to the new page's <h1> so screen readers announce it (not on first load). */
function useFocusOnNavigation() {
  const pathname = useRouterState({ select: (s) => s.resolvedLocation?.pathname });
  const previous = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (pathname === undefined) return;
    const first = previous.current === undefined;
    previous.current = pathname;
    if (first) return;
    const target = document.querySelector<HTMLElement>('#main h1') ?? document.getElementById('main');
    target?.focus();
  }, [pathname]);
}

function RootLayout() {
  const { t } = useTranslation();
  const session = useQuery(sessionQuery).data ?? null;
  const health = useQuery(healthQuery).data;
  useFocusOnNavigation();

  const forgetSession = useForgetSession();
  // Whether or not the server still knew the session, nothing of it may stay in this tab.
  const signOut = useMutation({ mutationFn: () => apiFetch('signOut'), onSettled: forgetSession });

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };

  const embedded = health?.embedded ?? false;
  return (
    <div className="app">
      <SkipLink href="#main" onClick={skipToMain}>
        {t('app.skipLink')}
      </SkipLink>
      <Header
        session={session}
        embedded={embedded}
        showMailbox={import.meta.env.DEV || embedded}
        signingOut={signOut.isPending}
        onSignOut={() => signOut.mutate()}
      />
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </div>
  );
}

/** Shown while a page's data loads for longer than a moment. */
export function PendingPage() {
  const { t } = useTranslation();
  return (
    <div className="pending" role="status">
      <Spinner aria-label={t('common.loading')} data-size="lg" />
    </div>
  );
}

/** Shown when a page's data could not be loaded. */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <>
      <PageHeading>{t('errorPage.title')}</PageHeading>
      <ApiErrorAlert error={error} />
      <Button
        variant="secondary"
        className="mt"
        onClick={() => {
          reset();
          void router.invalidate();
        }}
      >
        {t('errorPage.retry')}
      </Button>
    </>
  );
}

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <Paragraph>{t('notFound.body')}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/">{t('notFound.home')}</Link>
        </DsLink>
      </Paragraph>
    </>
  );
}
