import { useEffect, useState } from 'react';
import { Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link, redirect, useNavigate, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PipelineStage, Uuid, type CaseView, type TaskView } from '@eidor/contract';
import { osloDate } from '@eidor/domain';
import { ApiError, apiFetch, isApiError } from '../../api/client.ts';
import { authedRoute, useSession } from '../../app/authed.tsx';
import { RouteErrorPage } from '../../app/root.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { householdQuery } from '../people/queries.ts';
import type { TaskAction } from '../tasks/TaskTable.tsx';
import { CasePage } from './CasePage.tsx';
import { ChecklistPage } from './ChecklistPage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { PipelinePage } from './PipelinePage.tsx';
import { caseQuery, checklistQuery, pipelineQuery, reunificationsQuery, settlementYearsQuery, type PipelineFilter } from './queries.ts';
import { ReunificationsPage } from './ReunificationsPage.tsx';
import { YearsPage } from './YearsPage.tsx';

type Permissions = readonly string[];
const mayView = (p: Permissions) => p.includes('settlement.view');
const mayManage = (p: Permissions) => p.includes('settlement.manage');

/** Pages for those without the permission answer as the server would: not here for you. */
function requireView({ context }: { context: { session: { permissions: Permissions } } }) {
  if (!mayView(context.session.permissions)) throw redirect({ to: '/' });
}

const searchPeople = async (q: string) => (await apiFetch('searchPeople', { body: { q, pageSize: 20 } })).items;

// ---------- /settlement ----------

export const settlementYearsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/settlement',
  beforeLoad: requireView,
  loader: ({ context }) => context.queryClient.ensureQueryData(settlementYearsQuery),
  component: function SettlementYearsRoute() {
    const queryClient = useQueryClient();
    const { data } = useSuspenseQuery(settlementYearsQuery);
    const reload = () => queryClient.invalidateQueries({ queryKey: settlementYearsQuery.queryKey });
    return (
      <YearsPage
        years={data.items}
        canEdit={data.can.edit}
        thisYear={Number(osloDate(new Date()).slice(0, 4))}
        onSave={async (year, fields, version) => {
          const saved = await apiFetch('putSettlementYear', { params: { year }, body: { fields, version } });
          await reload();
          return saved;
        }}
        onReload={reload}
      />
    );
  },
});

// ---------- /settlement/pipeline ----------

const PipelineSearch = z.object({
  stage: PipelineStage.optional().catch(undefined),
  finished: z.boolean().optional().catch(undefined),
  view: z.enum(['board', 'list']).optional().catch(undefined),
  /** A household (uuid, never a name) to start a case for, from the household's page. */
  household: Uuid.optional().catch(undefined),
});

export const pipelineRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/settlement/pipeline',
  validateSearch: PipelineSearch,
  beforeLoad: requireView,
  component: function PipelineRoute() {
    const search = pipelineRoute.useSearch();
    const navigate = useNavigate();
    const queryClient = useQueryClient();
    const filter: PipelineFilter = { stage: search.stage, includeFinished: search.finished ?? false };
    const query = useQuery(pipelineQuery(filter));
    // The household to start with is read once: the dialog owns it from then on, and the address
    // forgets it (so that a reload or "back" does not open the dialog again).
    const [householdId] = useState(search.household);
    useEffect(() => {
      if (search.household) void navigate({ to: '/settlement/pipeline', search: { ...search, household: undefined }, replace: true });
      // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival
    }, []);
    const household = useQuery({ ...householdQuery(householdId ?? ''), enabled: householdId !== undefined, retry: false });
    const setSearch = (next: Partial<typeof search>) =>
      void navigate({ to: '/settlement/pipeline', search: { stage: search.stage, finished: search.finished, view: search.view, ...next, household: undefined }, replace: true });
    if (householdId && household.isPending) return null;
    return (
      <PipelinePage
        filter={filter}
        view={search.view ?? 'board'}
        pipeline={query.data}
        loading={query.isFetching}
        error={query.error}
        onFilter={(f) => setSearch({ stage: f.stage, finished: f.includeFinished ? true : undefined })}
        onView={(view) => setSearch({ view: view === 'board' ? undefined : view })}
        initialHousehold={householdId ? { id: householdId, name: household.data?.name ?? null } : undefined}
        onSearchPeople={searchPeople}
        onCreate={async (request) => {
          const created = await apiFetch('createSettlementCase', { body: request });
          queryClient.setQueryData(caseQuery(created.id).queryKey, created);
          await queryClient.invalidateQueries({ queryKey: ['settlement', 'pipeline'] });
          await navigate({ to: '/settlement/cases/$id', params: { id: created.id } });
          return created;
        }}
      />
    );
  },
});

// ---------- /settlement/import ----------

export const importRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/settlement/import',
  beforeLoad: ({ context }) => {
    if (!mayManage(context.session.permissions)) throw redirect({ to: '/settlement/pipeline' });
  },
  component: function ImportRoute() {
    const queryClient = useQueryClient();
    return (
      <ImportPage
        onImport={async (request) => {
          const response = await apiFetch('importDistributionList', { body: request });
          if (request.dryRun || response.caseIds.length === 0) return { response, households: [] };
          // Name what was imported: the pipeline (every household, finished or not) has the names.
          queryClient.removeQueries({ queryKey: ['settlement', 'pipeline'] });
          const pipeline = await queryClient.fetchQuery(pipelineQuery({ stage: undefined, includeFinished: true }));
          const ids = new Set(response.caseIds);
          return { response, households: pipeline.items.filter((i) => ids.has(i.id)) };
        }}
      />
    );
  },
});

// ---------- /settlement/cases/$id ----------

function assertId(id: string): void {
  if (!Uuid.safeParse(id).success) throw new ApiError({ code: 'NOT_FOUND', status: 404, message: 'Not found' });
}

export const caseRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/settlement/cases/$id',
  beforeLoad: requireView,
  // Every opening is one audited read: fetch on each visit, never again behind the user's back.
  loader: ({ context, params }) => {
    assertId(params.id);
    return context.queryClient.fetchQuery({ ...caseQuery(params.id), staleTime: 0 });
  },
  errorComponent: CaseErrorPage,
  component: function CaseRoute() {
    const { id } = caseRoute.useParams();
    const session = useSession();
    const queryClient = useQueryClient();
    const { data } = useSuspenseQuery(caseQuery(id));
    const key = caseQuery(id).queryKey;
    const reload = async () => {
      await queryClient.fetchQuery({ ...caseQuery(id), staleTime: 0 });
    };
    return (
      <CasePage
        key={id}
        kase={data}
        userId={session.user.id}
        unitIds={[...new Set(session.assignments.map((a) => a.unitId))]}
        onSave={async (facts) => {
          const saved = await apiFetch('updateSettlementCase', { params: { id }, body: { ...facts, version: data.version } });
          queryClient.setQueryData(key, saved);
          queryClient.removeQueries({ queryKey: ['settlement', 'pipeline'] });
          queryClient.removeQueries({ queryKey: ['tasks'] });
          return saved;
        }}
        onReload={reload}
        onTask={async (task: TaskView, action: TaskAction) => {
          const saved = await apiFetch('actOnTask', { params: { id: task.id }, body: { ...action, version: task.version } });
          // The task's new state, without reading the whole case again (which is an audited read).
          queryClient.setQueryData(key, (c: CaseView | undefined) => (c ? { ...c, tasks: c.tasks.map((x) => (x.id === saved.id ? saved : x)) } : c));
          queryClient.removeQueries({ queryKey: ['tasks'] });
        }}
      />
    );
  },
});

function CaseErrorPage(props: ErrorComponentProps) {
  const { t } = useTranslation();
  if (!(isApiError(props.error) && props.error.status === 404)) return <RouteErrorPage {...props} />;
  return (
    <>
      <PageHeading>{t('settlement.case.notFound.title')}</PageHeading>
      <Paragraph>{t('settlement.case.notFound.body')}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/settlement/pipeline">{t('settlement.case.back')}</Link>
        </DsLink>
      </Paragraph>
    </>
  );
}

// ---------- /settlement/reunifications ----------

export const reunificationsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/settlement/reunifications',
  beforeLoad: requireView,
  loader: ({ context }) => context.queryClient.fetchQuery(reunificationsQuery),
  component: function ReunificationsRoute() {
    const queryClient = useQueryClient();
    const { data } = useSuspenseQuery(reunificationsQuery);
    const reload = async () => {
      await queryClient.fetchQuery(reunificationsQuery);
    };
    return (
      <ReunificationsPage
        items={data.items}
        canEdit={data.can.edit}
        onSearchPeople={searchPeople}
        onCreate={async (fields) => {
          const saved = await apiFetch('createReunification', { body: fields });
          await reload();
          return saved;
        }}
        onUpdate={async (item, fields) => {
          const saved = await apiFetch('updateReunification', { params: { id: item.id }, body: { fields, version: item.version } });
          await reload();
          return saved;
        }}
        onReload={reload}
      />
    );
  },
});

// ---------- /settlement/checklist ----------

export const checklistRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/settlement/checklist',
  beforeLoad: requireView,
  loader: ({ context }) => context.queryClient.ensureQueryData(checklistQuery),
  component: function ChecklistRoute() {
    const queryClient = useQueryClient();
    const { data } = useSuspenseQuery(checklistQuery);
    return (
      <ChecklistPage
        template={data}
        onSave={async (items) => {
          const saved = await apiFetch('putChecklistTemplate', { body: { items, version: data.version } });
          queryClient.setQueryData(checklistQuery.queryKey, saved);
          return saved;
        }}
        onReload={async () => {
          await queryClient.fetchQuery({ ...checklistQuery, staleTime: 0 });
        }}
      />
    );
  },
});

export const settlementRoutes = [settlementYearsRoute, pipelineRoute, importRoute, caseRoute, reunificationsRoute, checklistRoute];
