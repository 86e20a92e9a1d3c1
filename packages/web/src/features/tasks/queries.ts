import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../api/client.ts';

/** The queue's filters: all in the URL (no personal data), so a view can be bookmarked or shared. */
export type TaskFilter = { scope: 'mine' | 'unit'; kind: string | undefined; status: 'open' | 'done' | 'skipped'; page: number };

export const TASK_PAGE_SIZE = 50;

/** One page of the work queue. The list names people, so it is fetched fresh on every visit. */
export const tasksQuery = (filter: TaskFilter) =>
  queryOptions({
    queryKey: ['tasks', 'list', filter],
    queryFn: ({ signal }) =>
      apiFetch('listTasks', { query: { scope: filter.scope, kind: filter.kind, status: filter.status, page: filter.page, pageSize: TASK_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
