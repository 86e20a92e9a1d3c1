import { useState } from 'react';
import { Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link, useNavigate, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Uuid } from '@eidor/contract';
import { ApiError, apiFetch, isApiError } from '../../api/client.ts';
import { authedRoute } from '../../app/authed.tsx';
import { RouteErrorPage } from '../../app/root.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { personQuery } from '../people/queries.ts';
import { BreakGlassPage } from './BreakGlass.tsx';
import { PersonReferralsPage } from './PersonReferralsPage.tsx';
import { ReferralCard, type ReferralAction } from './ReferralCard.tsx';
import { personConsentsQuery, personReferralsQuery, referralQuery, unitReferralsQuery } from './queries.ts';
import { UnitReferralsPage } from './UnitReferralsPage.tsx';

function assertId(id: string): void {
  if (!Uuid.safeParse(id).success) throw new ApiError({ code: 'NOT_FOUND', status: 404, message: 'Not found' });
}

/** Sends one action on a referral (each has its own endpoint and body). */
async function act(id: string, version: number, action: ReferralAction, text: string | null): Promise<void> {
  if (action === 'accept' || action === 'decline') await apiFetch('answerReferral', { params: { id }, body: { decision: action, reason: text, version } });
  else if (action === 'close') await apiFetch('closeReferral', { params: { id }, body: { outcome: text as string, version } });
  else await apiFetch('withdrawReferral', { params: { id }, body: { reason: text as string, version } });
}

export const unitReferralsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/referrals',
  loader: async ({ context }) => {
    await context.queryClient.fetchQuery({ ...unitReferralsQuery('in', 'open'), staleTime: 0 });
  },
  errorComponent: (props) => <RouteErrorPage {...props} />,
  component: function UnitReferralsRoute() {
    const { t } = useTranslation();
    const queryClient = useQueryClient();
    const [filter, setFilter] = useState<{ box: 'in' | 'out'; status: 'open' | 'all' }>({ box: 'in', status: 'open' });
    const [done, setDone] = useState<string | null>(null);
    const { data } = useSuspenseQuery(unitReferralsQuery(filter.box, filter.status));
    return (
      <UnitReferralsPage
        box={filter.box}
        status={filter.status}
        view={data}
        done={done}
        onFilter={(f) => {
          setDone(null);
          setFilter(f);
        }}
        onAct={async (id, version, action, text) => {
          await act(id, version, action, text);
          await queryClient.invalidateQueries({ queryKey: ['referrals'] });
          setDone(t(`referrals.done.${action}`));
        }}
      />
    );
  },
});

export const referralRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/referrals/$id',
  loader: async ({ context, params }) => {
    assertId(params.id);
    await context.queryClient.fetchQuery({ ...referralQuery(params.id), staleTime: 0 });
  },
  errorComponent: (props) => <NotReachable {...props} />,
  component: function ReferralRoute() {
    const { t } = useTranslation();
    const { id } = referralRoute.useParams();
    const queryClient = useQueryClient();
    const { data } = useSuspenseQuery(referralQuery(id));
    const [done, setDone] = useState<string | null>(null);
    return (
      <>
        <Paragraph>
          <DsLink asChild>
            <Link to="/referrals">{t('referrals.backToList')}</Link>
          </DsLink>
        </Paragraph>
        <PageHeading>{t('referrals.title')}</PageHeading>
        <StatusMessage>{done}</StatusMessage>
        <ReferralCard
          referral={data}
          headingLevel={2}
          onAct={async (a, text) => {
            await act(id, data.version, a, text);
            await queryClient.fetchQuery({ ...referralQuery(id), staleTime: 0 });
            setDone(t(`referrals.done.${a}`));
          }}
        />
      </>
    );
  },
});

export const personReferralsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/people/$id/referrals',
  // Every opening is one audited read of the person's referrals and consents.
  loader: async ({ context, params }) => {
    assertId(params.id);
    await Promise.all([
      context.queryClient.ensureQueryData(personQuery(params.id)),
      context.queryClient.fetchQuery({ ...personReferralsQuery(params.id), staleTime: 0 }),
      context.queryClient.fetchQuery({ ...personConsentsQuery(params.id), staleTime: 0 }),
    ]);
  },
  errorComponent: (props) => <NotReachable {...props} />,
  component: function PersonReferralsRoute() {
    const { id } = personReferralsRoute.useParams();
    const queryClient = useQueryClient();
    const { data: person } = useSuspenseQuery(personQuery(id));
    const { data: referrals } = useSuspenseQuery(personReferralsQuery(id));
    const { data: consents } = useSuspenseQuery(personConsentsQuery(id));
    const reload = async () => {
      await Promise.all([
        queryClient.fetchQuery({ ...personReferralsQuery(id), staleTime: 0 }),
        queryClient.fetchQuery({ ...personConsentsQuery(id), staleTime: 0 }),
      ]);
    };
    const i = person.identity;
    return (
      <PersonReferralsPage
        key={id}
        personId={id}
        personName={i ? `${i.givenName} ${i.familyName}` : null}
        referrals={referrals}
        consents={consents}
        onSend={async (body) => {
          await apiFetch('createReferral', { params: { id }, body });
          await reload();
        }}
        onAct={async (rid, version, action, text) => {
          await act(rid, version, action, text);
          await reload();
        }}
        onRecordConsent={async (body) => {
          await apiFetch('createConsent', { params: { id }, body });
          await reload();
        }}
        onWithdrawConsent={async (cid, body) => {
          await apiFetch('withdrawConsent', { params: { id: cid }, body });
          await reload();
        }}
      />
    );
  },
});

export const breakGlassRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/break-glass',
  component: function BreakGlassRoute() {
    const navigate = useNavigate();
    const queryClient = useQueryClient();
    return (
      <BreakGlassPage
        onOpened={async (personId) => {
          await queryClient.invalidateQueries({ queryKey: ['break-glass', personId] });
          queryClient.removeQueries({ queryKey: ['people', 'person', personId] });
          await navigate({ to: '/people/$id', params: { id: personId } });
        }}
      />
    );
  },
});

/** Out of reach or not there: the server answers 404 for both. */
function NotReachable(props: ErrorComponentProps) {
  const { t } = useTranslation();
  if (!(isApiError(props.error) && (props.error.status === 404 || props.error.status === 403))) return <RouteErrorPage {...props} />;
  return (
    <>
      <PageHeading>{t('people.notFound.title')}</PageHeading>
      <Paragraph>{t('people.notFound.body')}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/people">{t('people.notFound.back')}</Link>
        </DsLink>
      </Paragraph>
    </>
  );
}

export const referralRoutes = [unitReferralsRoute, referralRoute, personReferralsRoute, breakGlassRoute];
