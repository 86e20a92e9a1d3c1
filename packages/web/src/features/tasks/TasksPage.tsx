import { useId, useRef } from 'react';
import { Heading, Pagination, Paragraph, Spinner, ToggleGroup, usePagination } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf, TaskView } from '@eidor/contract';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useFormatNumber } from '../../i18n/format.ts';
import { useTaskLabels } from './labels.ts';
import type { TaskFilter } from './queries.ts';
import { TaskTable, type TaskAction } from './TaskTable.tsx';

type TaskList = ResponseOf<'listTasks'>;

export type TasksPageProps = {
  filter: TaskFilter;
  result: TaskList | undefined;
  loading: boolean;
  error: unknown;
  userId: string;
  unitIds: readonly string[];
  onFilter: (filter: TaskFilter) => void;
  onAct: (task: TaskView, action: TaskAction) => Promise<void>;
  onReload: () => Promise<void>;
};

const STATUSES = ['open', 'done', 'skipped'] as const;

/** The work queue: my tasks or my units' tasks, due first, with filters by kind and status. */
export function TasksPage({ filter, result, loading, error, userId, unitIds, onFilter, onAct, onReload }: TasksPageProps) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const formatNumber = useFormatNumber();
  const filterId = useId();
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const kinds = result?.kinds ?? (filter.kind ? [filter.kind] : []);
  const set = (changes: Partial<TaskFilter>) => onFilter({ ...filter, page: 1, ...changes });

  return (
    <>
      <PageHeading>{t('tasks.title')}</PageHeading>
      <Paragraph>{t('tasks.intro')}</Paragraph>

      <section className="section" aria-labelledby="tasks-filter">
        <Heading level={2} data-size="sm" id="tasks-filter">
          {t('tasks.filter.heading')}
        </Heading>
        <ToggleGroup aria-label={t('tasks.scope.label')} value={filter.scope} onChange={(value) => set({ scope: value === 'mine' ? 'mine' : 'unit' })} data-size="sm">
          <ToggleGroup.Item value="unit">{t('tasks.scope.unit')}</ToggleGroup.Item>
          <ToggleGroup.Item value="mine">{t('tasks.scope.mine')}</ToggleGroup.Item>
        </ToggleGroup>
        <div className="filter-grid">
          <SelectField id={`${filterId}-kind`} label={t('tasks.filter.kind')} value={filter.kind ?? ''} onChange={(e) => set({ kind: e.target.value || undefined })}>
            <option value="">{t('common.all')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {labels.kind(k)}
              </option>
            ))}
          </SelectField>
          <SelectField id={`${filterId}-status`} label={t('tasks.filter.status')} value={filter.status} onChange={(e) => set({ status: STATUSES.find((s) => s === e.target.value) ?? 'open' })}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {labels.status(s)}
              </option>
            ))}
          </SelectField>
        </div>
      </section>

      <section className="section" aria-labelledby="tasks-results" aria-busy={loading}>
        <Heading level={2} data-size="sm" id="tasks-results" ref={resultsHeading} tabIndex={-1}>
          {filter.scope === 'mine' ? t('tasks.scope.mine') : t('tasks.scope.unit')}
        </Heading>
        {error ? <ApiErrorAlert error={error} /> : null}
        <div role="status">
          {!result && loading ? <Spinner aria-label={t('common.loading')} /> : null}
          {result ? (
            <Paragraph>
              {result.total === 0
                ? t('tasks.results.empty')
                : filter.status === 'open' && result.overdue > 0
                  ? t('tasks.results.countOverdue', { count: result.total, overdue: formatNumber(result.overdue) })
                  : t('tasks.results.count', { count: result.total })}
            </Paragraph>
          ) : null}
        </div>
        {result && result.items.length > 0 ? (
          <>
            <TaskTable
              tasks={result.items}
              caption={filter.status === 'open' ? t('tasks.results.captionOpen') : t('tasks.results.captionClosed')}
              headingId="tasks-results"
              userId={userId}
              unitIds={unitIds}
              onAct={onAct}
              onReload={onReload}
            />
            <Pages
              result={result}
              onPage={(page) => {
                onFilter({ ...filter, page });
                resultsHeading.current?.focus();
              }}
            />
          </>
        ) : null}
      </section>
    </>
  );
}

function Pages({ result, onPage }: { result: TaskList; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const totalPages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const { pages, prevButtonProps, nextButtonProps } = usePagination({ currentPage: result.page, totalPages, showPages: 7, setCurrentPage: onPage });
  if (totalPages <= 1) return null;
  return (
    <Pagination aria-label={t('tasks.results.pages')} className="mt">
      <Pagination.List>
        <Pagination.Item>
          <Pagination.Button {...prevButtonProps} aria-label={t('common.previousPage')}>
            {t('common.previous')}
          </Pagination.Button>
        </Pagination.Item>
        {pages.map(({ page, itemKey, buttonProps }) => (
          <Pagination.Item key={itemKey}>
            {typeof page === 'number' ? (
              <Pagination.Button {...buttonProps} aria-label={t('common.page', { page })}>
                {page}
              </Pagination.Button>
            ) : null}
          </Pagination.Item>
        ))}
        <Pagination.Item>
          <Pagination.Button {...nextButtonProps} aria-label={t('common.nextPage')}>
            {t('common.next')}
          </Pagination.Button>
        </Pagination.Item>
      </Pagination.List>
    </Pagination>
  );
}
