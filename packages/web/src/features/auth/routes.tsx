import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createRoute, redirect, useNavigate, useRouter } from '@tanstack/react-router';
import { z } from 'zod';
import { InvitationToken, type SessionView } from '@eidor/contract';
import { apiFetch } from '../../api/client.ts';
import { oidcQuery, sessionQuery } from '../../api/queries.ts';
import { authedRoute, useSession } from '../../app/authed.tsx';
import { dropSessionData, useForgetSession } from '../../app/session.ts';
import { rootRoute } from '../../app/root.tsx';
import { AccountPage, type TotpSetup } from './AccountPage.tsx';
import { InvitationPage, type InvitationState } from './InvitationPage.tsx';
import { SignInPage } from './SignInPage.tsx';

/** Where to go after sign-in: a path inside this app only (never another site, never `//host`). */
const SignInSearch = z.object({
  redirect: z
    .string()
    .regex(/^\/(?![/\\])/)
    .optional()
    .catch(undefined),
});

/** Store a fresh session and go on to the page the user wanted. */
function useFinishSignIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (session: SessionView, target: string | undefined) => {
    // Nothing cached under an earlier session in this tab may show under the new one.
    dropSessionData(queryClient);
    queryClient.setQueryData(sessionQuery.queryKey, session);
    await navigate({ href: target ?? '/', replace: true });
  };
}

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: SignInSearch,
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery).catch(() => null);
    if (session) throw redirect({ href: search.redirect ?? '/', replace: true });
  },
  component: function SignInRoute() {
    const search = signInRoute.useSearch();
    const finish = useFinishSignIn();
    const oidc = useQuery(oidcQuery).data;
    const [step, setStep] = useState<'password' | 'totp'>('password');
    return (
      <SignInPage
        step={step}
        oidc={oidc}
        onSignIn={async (values) => {
          const result = await apiFetch('signIn', { body: values });
          if (result.status === 'totp_required') setStep('totp');
          else await finish(result.session, search.redirect);
        }}
        onVerifyTotp={async (values) => finish(await apiFetch('verifyTotp', { body: values }), search.redirect)}
        onCancelTotp={() => setStep('password')}
      />
    );
  },
});

/** The token travels in the URL fragment (#token=…), which browsers never send to a server. */
function readInvitationToken(): string | null {
  if (typeof window === 'undefined') return null;
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
}

export const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitation',
  component: function InvitationRoute() {
    const router = useRouter();
    const finish = useFinishSignIn();
    const [token] = useState(readInvitationToken);
    const valid = token !== null && InvitationToken.safeParse(token).success;

    // Take the token out of the address bar (and so out of history and bookmarks) once it is read.
    useEffect(() => {
      if (window.location.hash) router.history.replace(window.location.pathname + window.location.search, router.history.location.state);
    }, [router]);

    const lookup = useQuery({
      // The token is not part of the key: query keys are visible in developer tools.
      queryKey: ['invitation'],
      queryFn: ({ signal }) => apiFetch('lookupInvitation', { body: { token: token ?? '' }, signal }),
      enabled: valid,
      retry: false,
      staleTime: Infinity,
      gcTime: 0,
    });

    const state: InvitationState = !valid
      ? { kind: 'missing-token' }
      : lookup.isError
        ? { kind: 'failed', error: lookup.error }
        : lookup.data
          ? { kind: 'ready', invitation: lookup.data }
          : { kind: 'loading' };

    return (
      <InvitationPage
        state={state}
        onAccept={async (password) => finish(await apiFetch('acceptInvitation', { body: { token: token ?? '', password } }), '/')}
      />
    );
  },
});

export const accountRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/account',
  component: function AccountRoute() {
    const session = useSession();
    const queryClient = useQueryClient();
    const forget = useForgetSession();
    const [setup, setSetup] = useState<TotpSetup | null>(null);
    const refreshSession = () => queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
    return (
      <AccountPage
        session={session}
        totpSetup={setup}
        onStartTotpSetup={async () => setSetup(await apiFetch('totpSetup'))}
        onEnableTotp={async (code) => {
          await apiFetch('totpEnable', { body: { code } });
          setSetup(null);
          await refreshSession();
        }}
        onDisableTotp={async (password) => {
          await apiFetch('totpDisable', { body: { password } });
          await refreshSession();
        }}
        onSignOutEverywhere={async () => {
          await apiFetch('signOutEverywhere');
          await forget();
        }}
      />
    );
  },
});
