import { useEffect, useState } from 'react';
import { Alert, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { createRoute, Link, redirect, useNavigate, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Uuid } from '@eidor/contract';
import { ApiError, apiFetch, isApiError } from '../../api/client.ts';
import { authedRoute, useSession } from '../../app/authed.tsx';
import { RouteErrorPage } from '../../app/root.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { unitsQuery } from '../admin/units/queries.ts';
import { BreakGlassBanner } from '../referrals/BreakGlass.tsx';
import { clearFlash, peekFlash, setFlash } from './flash.ts';
import { HouseholdPage } from './HouseholdPage.tsx';
import { PeoplePage } from './PeoplePage.tsx';
import { PersonForm } from './PersonForm.tsx';
import { PersonPage } from './PersonPage.tsx';
import { emptyPersonForm, personFormFrom } from './person-form.ts';
import { householdQuery, LAST_SEARCH_KEY, peopleSearchQuery, personAccessLogQuery, personHistoryQuery, personOverviewQuery, personQuery, type LastSearch } from './queries.ts';

/** Years offered in the settlement-year filter: this year back to 1990 (the contract's lower bound). */
function settlementYears(today = new Date()): number[] {
  const years: number[] = [];
  for (let y = today.getFullYear(); y >= 1990; y--) years.push(y);
  return years;
}

/** An id that is not a uuid cannot name a person: answer as the server would for one the user may not see. */
function assertId(id: string): void {
  if (!Uuid.safeParse(id).success) throw new ApiError({ code: 'NOT_FOUND', status: 404, message: 'Not found' });
}

/** After a change, lists and households may show the person differently: fetch them again when next shown. */
function forgetLists(queryClient: QueryClient): void {
  queryClient.removeQueries({ queryKey: ['people', 'search'] });
  queryClient.removeQueries({ queryKey: ['people', 'household'] });
}

const mayRegister = (permissions: readonly string[]) => permissions.includes('persons.register');

// ---------- /people ----------

// The search lives in this component's state and in React Query's memory: never in the URL, the
// browser's history state or storage, because names and id numbers must not end up there.
export const peopleRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/people',
  component: function PeopleRoute() {
    const session = useSession();
    const queryClient = useQueryClient();
    const [search, setSearch] = useState<LastSearch>(() => queryClient.getQueryData<LastSearch>(LAST_SEARCH_KEY) ?? { criteria: { q: '' }, page: 1 });
    useEffect(() => {
      queryClient.setQueryData(LAST_SEARCH_KEY, search);
    }, [queryClient, search]);
    const query = useQuery(peopleSearchQuery(search.criteria, search.page));
    return (
      <PeoplePage
        criteria={search.criteria}
        result={query.data}
        loading={query.isFetching}
        error={query.error}
        canRegister={mayRegister(session.permissions)}
        settlementYears={settlementYears()}
        onSearch={(criteria) => setSearch({ criteria, page: 1 })}
        onPage={(page) => setSearch((s) => ({ ...s, page }))}
      />
    );
  },
});

// ---------- /people/new ----------

/** The only search parameter: the household (a uuid, never a name) to add the new person to. */
const NewPersonSearch = z.object({ household: Uuid.optional().catch(undefined) });

export const newPersonRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/people/new',
  validateSearch: NewPersonSearch,
  beforeLoad: ({ context }) => {
    if (!mayRegister(context.session.permissions)) throw redirect({ to: '/people' });
  },
  component: function NewPersonRoute() {
    const { t } = useTranslation();
    const search = newPersonRoute.useSearch();
    const queryClient = useQueryClient();
    const navigate = useNavigate();
    const householdId = search.household;
    const household = useQuery({ ...householdQuery(householdId ?? ''), enabled: householdId !== undefined, retry: false });
    return (
      <>
        <PageHeading>{t('people.new.title')}</PageHeading>
        <PersonForm
          key={householdId ?? 'none'}
          formId="person-new"
          mode="create"
          defaultValues={emptyPersonForm(householdId)}
          household={householdId ? { id: householdId, name: household.data?.name ?? null } : null}
          mayCheckDuplicates
          onCheckDuplicates={async (query) => (await apiFetch('checkDuplicates', { body: query })).candidates}
          onSearchPeople={async (q) => (await apiFetch('searchPeople', { body: { q, pageSize: 20 } })).items}
          onSubmit={async (request) => {
            const created = await apiFetch('createPerson', { body: request });
            forgetLists(queryClient);
            queryClient.setQueryData(personQuery(created.id).queryKey, created);
            setFlash(created.id, 'registered');
            await navigate({ to: '/people/$id', params: { id: created.id } });
          }}
          onCancel={() => void (householdId ? navigate({ to: '/households/$id', params: { id: householdId } }) : navigate({ to: '/people' }))}
        />
      </>
    );
  },
});

// ---------- /people/$id ----------

/** Reads the person's page (audited) and hands the person to the cache the edit page and the team dialog use. */
async function loadPersonOverview(queryClient: QueryClient, id: string) {
  const overview = await queryClient.fetchQuery({ ...personOverviewQuery(id), staleTime: 0 });
  queryClient.setQueryData(personQuery(id).queryKey, overview.person);
  return overview;
}

export const personRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/people/$id',
  // Every opening of the page is one audited read (the person, the newest notes, the open referrals, in
  // one request): fetch on each visit, and never again behind the user's back.
  loader: ({ context, params }) => {
    assertId(params.id);
    return loadPersonOverview(context.queryClient, params.id);
  },
  errorComponent: (props) => <RecordErrorPage kind="person" {...props} />,
  component: function PersonRoute() {
    const { t } = useTranslation();
    const { id } = personRoute.useParams();
    const session = useSession();
    const queryClient = useQueryClient();
    const { data: overview } = useSuspenseQuery(personOverviewQuery(id));
    // The person as mutations leave it (the team dialog, an edit); filled from the overview on each visit.
    const { data: person } = useSuspenseQuery(personQuery(id));
    const units = useQuery({ ...unitsQuery, enabled: person.can.editTeam && session.permissions.includes('units.read') }).data;
    // The message belongs to the person it was left for (the page stays mounted when the id changes).
    const [flash] = useState(() => ({ id, kind: peekFlash(id) }));
    useEffect(() => clearFlash(id), [id]);
    const flashKind = flash.id === id ? flash.kind : undefined;
    const reload = async () => {
      await loadPersonOverview(queryClient, id);
    };
    const navigate = useNavigate();
    return (
      <>
        {/* Shown only while the user reads this person by break-the-glass, with when it expires. */}
        <BreakGlassBanner
          personId={id}
          onEnded={async () => {
            queryClient.removeQueries({ queryKey: personQuery(id).queryKey });
            queryClient.removeQueries({ queryKey: personOverviewQuery(id).queryKey });
            await navigate({ to: '/people' });
          }}
        />
      <PersonPage
        key={id}
        person={person}
        journal={overview.journal}
        referrals={overview.referrals}
        status={flashKind === 'registered' ? t('people.new.done') : flashKind === 'saved' ? t('people.edit.done') : ''}
        units={person.can.editTeam ? (units?.items ?? null) : null}
        onSetTeam={async (unitIds) => {
          const saved = await apiFetch('setPersonTeam', { params: { id }, body: { unitIds, version: person.version } });
          queryClient.setQueryData(personQuery(id).queryKey, saved);
          forgetLists(queryClient);
          return saved;
        }}
        onReload={reload}
        loadHistory={() => queryClient.fetchQuery(personHistoryQuery(id))}
        loadAccessLog={() => queryClient.fetchQuery(personAccessLogQuery(id))}
      />
      </>
    );
  },
});

// ---------- /people/$id/edit ----------

export const editPersonRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/people/$id/edit',
  // Coming from the person's page, the person is in memory already: no second read.
  loader: ({ context, params }) => {
    assertId(params.id);
    return context.queryClient.ensureQueryData(personQuery(params.id));
  },
  errorComponent: (props) => <RecordErrorPage kind="person" {...props} />,
  component: function EditPersonRoute() {
    const { t } = useTranslation();
    const { id } = editPersonRoute.useParams();
    const session = useSession();
    const queryClient = useQueryClient();
    const navigate = useNavigate();
    const { data: person } = useSuspenseQuery(personQuery(id));
    const [reloaded, setReloaded] = useState(false);
    const i = person.identity;
    const canEdit = person.can.categories.identity.write && person.can.categories.settlement.write && i !== undefined && person.settlement !== undefined;
    return (
      <>
        <PageHeading>{t('people.edit.title')}</PageHeading>
        {i ? (
          <Paragraph>
            <DsLink asChild>
              <Link to="/people/$id" params={{ id }}>
                <bdi>{`${i.givenName} ${i.familyName}`}</bdi>
              </Link>
            </DsLink>
          </Paragraph>
        ) : null}
        {!canEdit || !i ? (
          <Alert data-color="warning">
            <Paragraph>{t('errors.FORBIDDEN')}</Paragraph>
          </Alert>
        ) : (
          <>
            {reloaded ? (
              <Alert data-color="info" className="mt">
                <Paragraph>{t('common.reloaded')}</Paragraph>
              </Alert>
            ) : null}
            <PersonForm
              // A new version means fresh values: start the form over.
              key={`${id}:${person.version}`}
              formId="person-edit"
              mode="edit"
              defaultValues={personFormFrom(person)}
              household={i.householdId ? { id: i.householdId, name: null } : null}
              personId={id}
              mayCheckDuplicates={mayRegister(session.permissions)}
              onCheckDuplicates={async (query) => (await apiFetch('checkDuplicates', { body: query })).candidates}
              onSearchPeople={async (q) => (await apiFetch('searchPeople', { body: { q, pageSize: 20 } })).items}
              onSubmit={async (request) => {
                const saved = await apiFetch('updatePerson', { params: { id }, body: { person: request.person, householdId: i.householdId, version: person.version } });
                forgetLists(queryClient);
                queryClient.setQueryData(personQuery(id).queryKey, saved);
                setFlash(id, 'saved');
                await navigate({ to: '/people/$id', params: { id } });
              }}
              onCancel={() => void navigate({ to: '/people/$id', params: { id } })}
              onReload={async () => {
                await queryClient.fetchQuery({ ...personQuery(id), staleTime: 0 });
                setReloaded(true);
              }}
            />
          </>
        )}
      </>
    );
  },
});

// ---------- /households/$id ----------

export const householdRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/households/$id',
  loader: ({ context, params }) => {
    assertId(params.id);
    return context.queryClient.fetchQuery({ ...householdQuery(params.id), staleTime: 0 });
  },
  errorComponent: (props) => <RecordErrorPage kind="household" {...props} />,
  component: function HouseholdRoute() {
    const { id } = householdRoute.useParams();
    const session = useSession();
    const queryClient = useQueryClient();
    const { data } = useSuspenseQuery(householdQuery(id));
    return (
      <HouseholdPage
        key={id}
        household={data}
        canRegister={mayRegister(session.permissions)}
        canStartSettlement={session.permissions.includes('settlement.manage')}
        onRename={async (changes) => {
          const saved = await apiFetch('updateHousehold', { params: { id }, body: { ...changes, version: data.version } });
          queryClient.setQueryData(householdQuery(id).queryKey, saved);
          return saved;
        }}
        onReload={async () => {
          await queryClient.fetchQuery({ ...householdQuery(id), staleTime: 0 });
        }}
      />
    );
  },
});

// ---------- not found ----------

/**
 * A person or household that does not exist, or that the user may not see: the server answers the
 * same (404) for both, and so does the page. Other errors get the general error page.
 */
function RecordErrorPage({ kind, ...props }: ErrorComponentProps & { kind: 'person' | 'household' }) {
  const { t } = useTranslation();
  if (!(isApiError(props.error) && props.error.status === 404)) return <RouteErrorPage {...props} />;
  return (
    <>
      <PageHeading>{kind === 'person' ? t('people.notFound.title') : t('households.notFound.title')}</PageHeading>
      <Paragraph>{kind === 'person' ? t('people.notFound.body') : t('households.notFound.body')}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/people">{t('people.notFound.back')}</Link>
        </DsLink>
      </Paragraph>
      {kind === 'person' ? (
        <Paragraph>
          {t('referrals.breakGlass.notReachable')}{' '}
          <DsLink asChild>
            <Link to="/break-glass">{t('referrals.breakGlass.link')}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
    </>
  );
}

export const peopleRoutes = [peopleRoute, newPersonRoute, personRoute, editPersonRoute, householdRoute];
