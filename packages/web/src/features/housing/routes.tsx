import { useEffect, useState } from 'react';
import { Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link, redirect, useNavigate, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Uuid } from '@eidor/contract';
import { osloDate } from '@eidor/domain';
import { ApiError, apiFetch, isApiError } from '../../api/client.ts';
import { authedRoute } from '../../app/authed.tsx';
import { RouteErrorPage } from '../../app/root.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { DwellingPage } from './DwellingPage.tsx';
import { DwellingsPage } from './DwellingsPage.tsx';
import { dwellingQuery, dwellingsQuery, vacancyQuery } from './queries.ts';
import { VacancyPage } from './VacancyPage.tsx';

function requireView({ context }: { context: { session: { permissions: readonly string[] } } }) {
  if (!context.session.permissions.includes('housing.view')) throw redirect({ to: '/' });
}

const searchPeople = async (q: string) => (await apiFetch('searchPeople', { body: { q, pageSize: 20 } })).items;

/** A message for the dwelling's page after the register sent the user there ("the dwelling is added"). */
const created = new Set<string>();

export const dwellingsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/housing',
  beforeLoad: requireView,
  loader: ({ context }) => context.queryClient.fetchQuery(dwellingsQuery),
  component: function DwellingsRoute() {
    const queryClient = useQueryClient();
    const navigate = useNavigate();
    const { data } = useSuspenseQuery(dwellingsQuery);
    return (
      <DwellingsPage
        list={data}
        onCreate={async (dwelling) => {
          const saved = await apiFetch('createDwelling', { body: dwelling });
          queryClient.setQueryData(dwellingQuery(saved.id).queryKey, saved);
          queryClient.removeQueries({ queryKey: ['housing', 'dwellings'] });
          created.add(saved.id);
          await navigate({ to: '/housing/$id', params: { id: saved.id } });
        }}
      />
    );
  },
});

const VacancySearch = z.object({ year: z.number().int().min(2000).max(2100).optional().catch(undefined) });

export const vacancyRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/housing/vacancy',
  validateSearch: VacancySearch,
  beforeLoad: requireView,
  component: function VacancyRoute() {
    const search = vacancyRoute.useSearch();
    const navigate = useNavigate();
    const thisYear = Number(osloDate(new Date()).slice(0, 4));
    const year = search.year ?? thisYear;
    const query = useQuery(vacancyQuery(search.year));
    const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);
    if (!years.includes(year)) years.push(year);
    return (
      <VacancyPage
        year={year}
        years={years}
        vacancy={query.data}
        loading={query.isFetching}
        error={query.error}
        onYear={(y) => void navigate({ to: '/housing/vacancy', search: { year: y === thisYear ? undefined : y }, replace: true })}
      />
    );
  },
});

function assertId(id: string): void {
  if (!Uuid.safeParse(id).success) throw new ApiError({ code: 'NOT_FOUND', status: 404, message: 'Not found' });
}

export const dwellingRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/housing/$id',
  beforeLoad: requireView,
  loader: ({ context, params }) => {
    assertId(params.id);
    // Just created: the answer to the create is the dwelling as it is now.
    if (created.has(params.id)) return context.queryClient.ensureQueryData(dwellingQuery(params.id));
    return context.queryClient.fetchQuery({ ...dwellingQuery(params.id), staleTime: 0 });
  },
  errorComponent: DwellingErrorPage,
  component: function DwellingRoute() {
    const { t } = useTranslation();
    const { id } = dwellingRoute.useParams();
    const queryClient = useQueryClient();
    const { data } = useSuspenseQuery(dwellingQuery(id));
    // The message belongs to the dwelling it was left for; it is cleared once shown.
    const [status] = useState(() => (created.has(id) ? t('housing.created') : ''));
    useEffect(() => {
      created.delete(id);
    }, [id]);
    const key = dwellingQuery(id).queryKey;
    const saved = (d: typeof data) => {
      queryClient.setQueryData(key, d);
      queryClient.removeQueries({ queryKey: ['housing', 'dwellings'] });
      queryClient.removeQueries({ queryKey: ['housing', 'vacancy'] });
      // An allocation moves a household on in the pipeline.
      queryClient.removeQueries({ queryKey: ['settlement'] });
      return d;
    };
    return (
      <DwellingPage
        key={id}
        dwelling={data}
        status={status}
        onUpdate={async (fields) => saved(await apiFetch('updateDwelling', { params: { id }, body: { fields, version: data.version } }))}
        onAllocate={async (allocation) => saved(await apiFetch('allocateDwelling', { params: { id }, body: allocation }))}
        onEndAllocation={async (allocation, toDate) => saved(await apiFetch('updateAllocation', { params: { id: allocation.id }, body: { toDate, version: allocation.version } }))}
        onSearchPeople={searchPeople}
        onReload={async () => {
          await queryClient.fetchQuery({ ...dwellingQuery(id), staleTime: 0 });
        }}
      />
    );
  },
});

function DwellingErrorPage(props: ErrorComponentProps) {
  const { t } = useTranslation();
  if (!(isApiError(props.error) && props.error.status === 404)) return <RouteErrorPage {...props} />;
  return (
    <>
      <PageHeading>{t('housing.notFound.title')}</PageHeading>
      <Paragraph>{t('housing.notFound.body')}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/housing">{t('housing.back')}</Link>
        </DsLink>
      </Paragraph>
    </>
  );
}

export const housingRoutes = [dwellingsRoute, vacancyRoute, dwellingRoute];
