import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { z } from 'zod';
import { TaskStatus } from '@eidor/contract';
import { apiFetch } from '../../api/client.ts';
import { authedRoute, useSession } from '../../app/authed.tsx';
import { tasksQuery, type TaskFilter } from './queries.ts';
import { TasksPage } from './TasksPage.tsx';

/** The queue's filters in the URL; anything unexpected falls back to the default. */
const TasksSearch = z.object({
  scope: z.enum(['mine', 'unit']).optional().catch(undefined),
  kind: z
    .string()
    .regex(/^[a-z_.]{1,60}$/)
    .optional()
    .catch(undefined),
  status: TaskStatus.optional().catch(undefined),
  page: z.number().int().min(1).max(10_000).optional().catch(undefined),
});

export const tasksRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/tasks',
  validateSearch: TasksSearch,
  component: function TasksRoute() {
    const session = useSession();
    const search = tasksRoute.useSearch();
    const navigate = useNavigate();
    const queryClient = useQueryClient();
    const filter: TaskFilter = { scope: search.scope ?? 'unit', kind: search.kind, status: search.status ?? 'open', page: search.page ?? 1 };
    const query = useQuery(tasksQuery(filter));
    const reload = async () => {
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
    };
    return (
      <TasksPage
        filter={filter}
        result={query.data}
        loading={query.isFetching}
        error={query.error}
        userId={session.user.id}
        unitIds={[...new Set(session.assignments.map((a) => a.unitId))]}
        onFilter={(f) =>
          void navigate({
            to: '/tasks',
            search: { scope: f.scope === 'unit' ? undefined : f.scope, kind: f.kind, status: f.status === 'open' ? undefined : f.status, page: f.page === 1 ? undefined : f.page },
            replace: true,
          })
        }
        onAct={async (task, action) => {
          await apiFetch('actOnTask', { params: { id: task.id }, body: { ...action, version: task.version } });
          await reload();
        }}
        onReload={reload}
      />
    );
  },
});
