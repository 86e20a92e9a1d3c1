import { useState } from 'react';
import { Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { keepPreviousData, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link, redirect, useNavigate, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ReconciliationReason, Uuid } from '@eidor/contract';
import { osloDate } from '@eidor/domain';
import { ApiError, apiFetch, isApiError } from '../../api/client.ts';
import { authedRoute, useSession } from '../../app/authed.tsx';
import { RouteErrorPage } from '../../app/root.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { saveFile } from '../programme/queries.ts';
import { personQuery } from '../people/queries.ts';
import { ForecastPage } from './ForecastPage.tsx';
import { OverviewPage } from './OverviewPage.tsx';
import { PersonGrantsPage } from './PersonGrantsPage.tsx';
import {
  fetchWorksheet,
  forecastQuery,
  importPaymentList,
  overviewQuery,
  paymentListsQuery,
  personGrantsQuery,
  ratesQuery,
  reconciliationQuery,
  settingsQuery,
  type ForecastBody,
} from './queries.ts';
import { RatesPage } from './RatesPage.tsx';
import { ReconciliationPage } from './ReconciliationPage.tsx';

type Ctx = { context: { session: { permissions: readonly string[] } } };
/** Pages for those without the permission answer as the server would: not here for you. */
function requireView({ context }: Ctx) {
  if (!context.session.permissions.includes('grants.view')) throw redirect({ to: '/' });
}
const thisYear = () => Number(osloDate(new Date()).slice(0, 4));
const Year = z.coerce.number().int().min(2000).max(2100);

// ---------- /grants ----------

export const grantsOverviewRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/grants',
  beforeLoad: requireView,
  loader: ({ context }) => context.queryClient.fetchQuery(overviewQuery(undefined)),
  component: function GrantsOverviewRoute() {
    const session = useSession();
    const { data } = useSuspenseQuery(overviewQuery(undefined));
    return <OverviewPage overview={data} extraGrants={session.permissions.includes('extra_grants.manage')} />;
  },
});

// ---------- /grants/rates ----------

export const grantRatesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/grants/rates',
  beforeLoad: requireView,
  loader: ({ context }) => Promise.all([context.queryClient.ensureQueryData(ratesQuery), context.queryClient.ensureQueryData(settingsQuery)]),
  component: function GrantRatesRoute() {
    const session = useSession();
    const queryClient = useQueryClient();
    const { data } = useSuspenseQuery(ratesQuery);
    const { data: settings } = useSuspenseQuery(settingsQuery);
    const reload = async () => {
      await queryClient.fetchQuery({ ...ratesQuery, staleTime: 0 });
    };
    const forgetDerived = () => queryClient.removeQueries({ queryKey: ['grants'], predicate: (q) => q.queryKey[1] !== 'rates' && q.queryKey[1] !== 'settings' });
    return (
      <RatesPage
        rates={data.rates}
        mayEdit={data.mayEdit}
        thisYear={thisYear()}
        settings={settings}
        mayManage={session.permissions.includes('grants.manage')}
        extraGrants={session.permissions.includes('extra_grants.manage')}
        onSave={async (request) => {
          const saved = await apiFetch('putGrantRate', { body: request });
          queryClient.setQueryData(ratesQuery.queryKey, saved);
          forgetDerived();
        }}
        onRevert={async (row) => {
          const saved = await apiFetch('deleteGrantRate', { body: { code: row.code, year: row.year, version: row.version ?? 0 } });
          queryClient.setQueryData(ratesQuery.queryKey, saved);
          forgetDerived();
        }}
        onReload={reload}
        onSaveSettings={async (splitRule, version) => {
          const saved = await apiFetch('putGrantSettings', { body: { splitRule, version } });
          queryClient.setQueryData(settingsQuery.queryKey, saved);
          forgetDerived();
        }}
        onReloadSettings={async () => {
          await queryClient.fetchQuery({ ...settingsQuery, staleTime: 0 });
        }}
      />
    );
  },
});

// ---------- /grants/forecast ----------

export const grantForecastRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/grants/forecast',
  beforeLoad: requireView,
  loader: ({ context }) => context.queryClient.fetchQuery(forecastQuery({})),
  component: function GrantForecastRoute() {
    const session = useSession();
    const [body, setBody] = useState<ForecastBody>({});
    const query = useQuery({ ...forecastQuery(body), placeholderData: keepPreviousData });
    const base = grantForecastRoute.useLoaderData();
    return (
      <ForecastPage
        forecast={query.data ?? base}
        pending={query.isFetching}
        error={query.error}
        extraGrants={session.permissions.includes('extra_grants.manage')}
        onWhatIf={(whatIf) => setBody(whatIf ? { whatIf } : {})}
      />
    );
  },
});

// ---------- /grants/reconciliation ----------

const ReconciliationSearch = z.object({
  year: Year.optional().catch(undefined),
  reason: ReconciliationReason.optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});
const PAGE_SIZE = 50;

export const grantReconciliationRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/grants/reconciliation',
  validateSearch: ReconciliationSearch,
  beforeLoad: requireView,
  component: function GrantReconciliationRoute() {
    const session = useSession();
    const search = grantReconciliationRoute.useSearch();
    const navigate = useNavigate();
    const queryClient = useQueryClient();
    const year = search.year ?? thisYear();
    const page = search.page ?? 1;
    const lists = useQuery(paymentListsQuery);
    const differences = useQuery({ ...reconciliationQuery({ year, reason: search.reason, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }), placeholderData: keepPreviousData });
    const mayManage = session.permissions.includes('grants.manage');
    return (
      <ReconciliationPage
        year={year}
        thisYear={thisYear()}
        reason={search.reason}
        page={page}
        pageSize={PAGE_SIZE}
        mayManage={mayManage}
        extraGrants={session.permissions.includes('extra_grants.manage')}
        lists={{ data: lists.data, error: lists.error }}
        differences={{ data: differences.data, error: differences.error, pending: differences.isFetching }}
        onSearch={(next) => void navigate({ to: '/grants/reconciliation', search: { year: next.year, reason: next.reason, page: next.page && next.page > 1 ? next.page : undefined }, replace: true })}
        onImport={async (request) => {
          const result = await importPaymentList(request);
          if (!request.dryRun) {
            await queryClient.invalidateQueries({ queryKey: paymentListsQuery.queryKey });
            queryClient.removeQueries({ queryKey: ['grants', 'overview'] });
          }
          return result;
        }}
        onReconcile={async (y) => {
          const summary = await apiFetch('reconcileGrants', { body: { year: y } });
          queryClient.removeQueries({ queryKey: ['grants', 'reconciliation'] });
          queryClient.removeQueries({ queryKey: ['grants', 'overview'] });
          await navigate({ to: '/grants/reconciliation', search: { year: y }, replace: true });
          await queryClient.invalidateQueries({ queryKey: ['grants', 'reconciliation'] });
          return summary;
        }}
        onDownload={async (y) => {
          const { blob, filename } = await fetchWorksheet(y);
          saveFile(blob, filename);
        }}
      />
    );
  },
});

// ---------- /people/$id/grants ----------

function assertId(id: string): void {
  if (!Uuid.safeParse(id).success) throw new ApiError({ code: 'NOT_FOUND', status: 404, message: 'Not found' });
}

export const personGrantsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/people/$id/grants',
  // Every opening is one audited read of the person's grants.
  loader: async ({ context, params }) => {
    assertId(params.id);
    await Promise.all([context.queryClient.ensureQueryData(personQuery(params.id)), context.queryClient.fetchQuery(personGrantsQuery(params.id))]);
  },
  errorComponent: (props) => <PersonGrantsErrorPage {...props} />,
  component: function PersonGrantsRoute() {
    const { id } = personGrantsRoute.useParams();
    const queryClient = useQueryClient();
    const { data: person } = useSuspenseQuery(personQuery(id));
    const { data: view } = useSuspenseQuery(personGrantsQuery(id));
    const i = person.identity;
    return (
      <PersonGrantsPage
        key={id}
        personId={id}
        personName={i ? `${i.givenName} ${i.familyName}` : null}
        view={view}
        onSave={async (facts) => {
          const saved = await apiFetch('putPersonGrantFacts', { params: { id }, body: { facts, version: view.factsVersion } });
          queryClient.setQueryData(personGrantsQuery(id).queryKey, saved);
          queryClient.removeQueries({ queryKey: ['grants', 'overview'] });
          queryClient.removeQueries({ queryKey: ['grants', 'forecast'] });
        }}
        onReload={async () => {
          await queryClient.fetchQuery(personGrantsQuery(id));
        }}
      />
    );
  },
});

/** A person who does not exist, or whose economy the user may not read: the server answers 404 for both. */
function PersonGrantsErrorPage(props: ErrorComponentProps) {
  const { t } = useTranslation();
  if (!(isApiError(props.error) && (props.error.status === 404 || props.error.status === 403))) return <RouteErrorPage {...props} />;
  return (
    <>
      <PageHeading>{t('grants.person.notFound.title')}</PageHeading>
      <Paragraph>{t('grants.person.notFound.body')}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/people">{t('people.notFound.back')}</Link>
        </DsLink>
      </Paragraph>
    </>
  );
}

export const grantRoutes = [grantsOverviewRoute, grantRatesRoute, grantForecastRoute, grantReconciliationRoute, personGrantsRoute];
