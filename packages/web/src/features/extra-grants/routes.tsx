import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link, redirect, useNavigate, type ErrorComponentProps } from '@tanstack/react-router';
import { Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Uuid, type ExtraGrantCaseView } from '@eidor/contract';
import { osloDate } from '@eidor/domain';
import { ApiError, apiFetch, isApiError } from '../../api/client.ts';
import { authedRoute } from '../../app/authed.tsx';
import { RouteErrorPage } from '../../app/root.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { CasePage } from './CasePage.tsx';
import { CasesPage } from './CasesPage.tsx';
import { InboxPage, RequestPage } from './InboxPages.tsx';
import { casesQuery, extraGrantCaseQuery, fetchApplicationPdf, inboxQuery, requestQuery, saveFile, suggestionsQuery, unitsQuery } from './queries.ts';

type Ctx = { context: { session: { permissions: readonly string[] } } };
const mayManage = (p: readonly string[]) => p.includes('extra_grants.manage');
function requireManage({ context }: Ctx) {
  if (!mayManage(context.session.permissions)) throw redirect({ to: '/' });
}

/** An id that is not a uuid names nothing: answer as the server would. */
function assertId(id: string): void {
  if (!Uuid.safeParse(id).success) throw new ApiError({ code: 'NOT_FOUND', status: 404, message: 'Not found' });
}

const searchPeople = async (q: string) => (await apiFetch('searchPeople', { body: { q, pageSize: 20 } })).items;

export const extraGrantCasesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/extra-grants',
  beforeLoad: requireManage,
  loader: ({ context }) => Promise.all([context.queryClient.fetchQuery(casesQuery), context.queryClient.fetchQuery(suggestionsQuery)]),
  component: function ExtraGrantCasesRoute() {
    const queryClient = useQueryClient();
    const navigate = useNavigate();
    const { data: cases } = useSuspenseQuery(casesQuery);
    const { data: suggestions } = useSuspenseQuery(suggestionsQuery);
    return (
      <CasesPage
        cases={cases.items}
        suggestions={suggestions.items}
        onSearchPeople={searchPeople}
        onOpen={async (personId, signal) => {
          const created = await apiFetch('createExtraGrantCase', { body: { personId, signal } });
          queryClient.setQueryData(extraGrantCaseQuery(created.id).queryKey, created);
          queryClient.removeQueries({ queryKey: ['extra-grants', 'cases'] });
          queryClient.removeQueries({ queryKey: ['extra-grants', 'suggestions'] });
          queryClient.removeQueries({ queryKey: ['tasks'] });
          await navigate({ to: '/extra-grants/cases/$id', params: { id: created.id } });
        }}
      />
    );
  },
});

export const extraGrantCaseRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/extra-grants/cases/$id',
  beforeLoad: requireManage,
  // Every opening is one audited read; after that, the case is replaced by what each change returns.
  loader: ({ context, params }) => {
    assertId(params.id);
    return context.queryClient.fetchQuery({ ...extraGrantCaseQuery(params.id), staleTime: 0 });
  },
  errorComponent: (props) => <NotFoundOr {...props} kind="case" />,
  component: function ExtraGrantCaseRoute() {
    const { id } = extraGrantCaseRoute.useParams();
    const queryClient = useQueryClient();
    const { data } = useSuspenseQuery(extraGrantCaseQuery(id));
    const units = useQuery(unitsQuery).data?.items ?? [];
    const key = extraGrantCaseQuery(id).queryKey;
    const put = (v: ExtraGrantCaseView) => {
      queryClient.setQueryData(key, v);
      queryClient.removeQueries({ queryKey: ['extra-grants', 'cases'] });
      queryClient.removeQueries({ queryKey: ['tasks'] });
    };
    return (
      <CasePage
        key={id}
        kase={data}
        units={units}
        today={osloDate(new Date())}
        onChecklist={async (checklist) => put(await apiFetch('putExtraGrantChecklist', { params: { id }, body: { checklist, version: data.version } }))}
        onConsent={async (body) => put(await apiFetch('recordExtraGrantConsent', { params: { id }, body }))}
        onWithdrawConsent={async (consentId, withdrawnDate) => put(await apiFetch('withdrawExtraGrantConsent', { params: { id: consentId }, body: { withdrawnDate } }))}
        onRequest={async (body) => put(await apiFetch('sendExtraGrantRequest', { params: { id }, body }))}
        onRemind={async (requestId, version) => put(await apiFetch('remindExtraGrantRequest', { params: { id: requestId }, body: { version } }))}
        onAddCost={async (body) => put(await apiFetch('addExtraGrantCostLine', { params: { id }, body }))}
        onUpdateCost={async (lineId, body) => put(await apiFetch('updateExtraGrantCostLine', { params: { id: lineId }, body }))}
        onCreateApplication={async (body) => put(await apiFetch('createExtraGrantApplication', { params: { id }, body }))}
        onApplication={async (applicationId, body) => put(await apiFetch('actOnExtraGrantApplication', { params: { id: applicationId }, body }))}
        onPdf={async (applicationId, pdf) => {
          const file = await fetchApplicationPdf(applicationId, pdf);
          saveFile(file.blob, file.filename);
        }}
        onReload={async () => {
          await queryClient.fetchQuery({ ...extraGrantCaseQuery(id), staleTime: 0 });
        }}
      />
    );
  },
});

export const extraGrantInboxRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/extra-grants/inbox',
  loader: ({ context }) => context.queryClient.fetchQuery(inboxQuery),
  component: function ExtraGrantInboxRoute() {
    const { data } = useSuspenseQuery(inboxQuery);
    return <InboxPage items={data.items} />;
  },
});

export const extraGrantRequestRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/extra-grants/requests/$id',
  loader: ({ context, params }) => {
    assertId(params.id);
    return context.queryClient.fetchQuery({ ...requestQuery(params.id), staleTime: 0 });
  },
  errorComponent: (props) => <NotFoundOr {...props} kind="request" />,
  component: function ExtraGrantRequestRoute() {
    const { id } = extraGrantRequestRoute.useParams();
    const queryClient = useQueryClient();
    const { data } = useSuspenseQuery(requestQuery(id));
    return (
      <RequestPage
        key={id}
        request={data}
        onAnswer={async (body) => {
          const saved = await apiFetch('answerExtraGrantRequest', { params: { id }, body });
          queryClient.setQueryData(requestQuery(id).queryKey, saved);
          queryClient.removeQueries({ queryKey: ['extra-grants', 'inbox'] });
          queryClient.removeQueries({ queryKey: ['tasks'] });
        }}
        onReload={async () => {
          await queryClient.fetchQuery({ ...requestQuery(id), staleTime: 0 });
        }}
      />
    );
  },
});

function NotFoundOr(props: ErrorComponentProps & { kind: 'case' | 'request' }) {
  const { t } = useTranslation();
  if (!(isApiError(props.error) && props.error.status === 404)) return <RouteErrorPage {...props} />;
  const k = props.kind === 'case' ? 'extraGrants.case' : 'extraGrants.request';
  return (
    <>
      <PageHeading>{t(`${k}.notFound.title`)}</PageHeading>
      <Paragraph>{t(`${k}.notFound.body`)}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          {props.kind === 'case' ? <Link to="/extra-grants">{t('extraGrants.case.back')}</Link> : <Link to="/extra-grants/inbox">{t('extraGrants.request.back')}</Link>}
        </DsLink>
      </Paragraph>
    </>
  );
}

export const extraGrantRoutes = [extraGrantCasesRoute, extraGrantCaseRoute, extraGrantInboxRoute, extraGrantRequestRoute];
