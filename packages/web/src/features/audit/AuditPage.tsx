import { useRef, useState } from 'react';
import { Alert, Button, Heading, Pagination, Paragraph, Spinner, Table, usePagination } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { AuditQuery, type ResponseOf } from '@eidor/contract';
import { DATA_CATEGORIES, ROLES, type DataCategory, type Role } from '@eidor/domain';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { labelsFrom, useContractForm } from '../../components/form/use-contract-form.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useFormatDateTime, useFormatNumber } from '../../i18n/format.ts';
import type { AuditFilters } from './queries.ts';

type AuditList = ResponseOf<'listAudit'>;
type AuditEntry = AuditList['items'][number];
export type VerifyResult = ResponseOf<'verifyAudit'>;

/** Someone whose actions can be filtered on (when the viewer may list users). */
export type Actor = { id: string; label: string };

export type AuditPageProps = {
  filters: AuditFilters;
  result: AuditList | undefined;
  loading: boolean;
  error: unknown;
  /** null: the viewer may not list users, so the filter takes a user id. */
  actors: Actor[] | null;
  onFilter: (filters: AuditFilters) => void;
  onPage: (page: number) => void;
  onVerify: () => Promise<VerifyResult>;
};

/** The audit log: filters, one page of entries, pages, and a check of the hash chain. */
export function AuditPage({ filters, result, loading, error, actors, onFilter, onPage, onVerify }: AuditPageProps) {
  const { t } = useTranslation();
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <Paragraph>{t('audit.intro')}</Paragraph>

      <VerifyChain onVerify={onVerify} />

      <section className="section" aria-labelledby="audit-filter">
        <Heading level={2} data-size="sm" id="audit-filter">
          {t('audit.filter.heading')}
        </Heading>
        <FilterForm filters={filters} actors={actors} onFilter={onFilter} />
      </section>

      <section className="section" aria-labelledby="audit-results" aria-busy={loading}>
        <Heading level={2} data-size="sm" id="audit-results" ref={resultsHeading} tabIndex={-1}>
          {t('audit.results.heading')}
        </Heading>
        {error ? <ApiErrorAlert error={error} /> : null}
        {!result && loading ? (
          <div role="status">
            <Spinner aria-label={t('common.loading')} />
          </div>
        ) : null}
        {result ? (
          <Results
            result={result}
            onPage={(page) => {
              onPage(page);
              // Keyboard and screen reader users continue from the top of the new page.
              resultsHeading.current?.focus();
            }}
          />
        ) : null}
      </section>
    </>
  );
}

function VerifyChain({ onVerify }: { onVerify: () => Promise<VerifyResult> }) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const [state, setState] = useState<{ pending: boolean; result: VerifyResult | null; error: unknown }>({ pending: false, result: null, error: null });
  const run = async () => {
    setState({ pending: true, result: null, error: null });
    try {
      setState({ pending: false, result: await onVerify(), error: null });
    } catch (error) {
      setState({ pending: false, result: null, error });
    }
  };
  const { result } = state;
  return (
    <section className="section" aria-labelledby="audit-verify">
      <Heading level={2} data-size="sm" id="audit-verify">
        {t('audit.verify.heading')}
      </Heading>
      <Paragraph>{t('audit.verify.intro')}</Paragraph>
      <Button variant="secondary" onClick={() => void run()} loading={state.pending} disabled={state.pending}>
        {t('audit.verify.button')}
      </Button>
      <div aria-live="polite" className="mt">
        {result?.ok ? (
          <Alert data-color="success">
            <Paragraph>{t('audit.verify.ok', { checked: formatNumber(result.checked) })}</Paragraph>
          </Alert>
        ) : null}
        {result && !result.ok ? (
          <Alert data-color="danger">
            <Paragraph>
              {result.firstBrokenSeq === null
                ? t('audit.verify.brokenUnknown', { checked: formatNumber(result.checked) })
                : t('audit.verify.broken', { seq: result.firstBrokenSeq, checked: formatNumber(result.checked) })}
            </Paragraph>
          </Alert>
        ) : null}
        {state.error ? <ApiErrorAlert error={state.error} /> : null}
      </div>
    </section>
  );
}

const FilterSchema = AuditQuery.pick({ actorId: true, action: true, subjectId: true, from: true, to: true });
type FilterValues = { actorId: string; action: string; subjectId: string; from: string; to: string };

/** Empty fields mean "any": the contract wants them left out, not empty. */
function prepare(values: FilterValues): AuditFilters {
  const out: AuditFilters = {};
  for (const key of Object.keys(values) as (keyof FilterValues)[]) {
    const value = values[key].trim();
    if (value) out[key] = value;
  }
  return out;
}

function FilterForm({ filters, actors, onFilter }: { filters: AuditFilters; actors: Actor[] | null; onFilter: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const labels = {
    actorId: actors ? t('audit.filter.actor') : t('audit.filter.actorId'),
    action: t('audit.filter.action'),
    subjectId: t('audit.filter.subjectId'),
    from: t('audit.filter.from'),
    to: t('audit.filter.to'),
  };
  const empty: FilterValues = { actorId: '', action: '', subjectId: '', from: '', to: '' };
  const f = useContractForm<FilterValues, z.output<typeof FilterSchema>>({
    id: 'audit-filter',
    schema: FilterSchema,
    defaultValues: { ...empty, ...filters },
    labelFor: labelsFrom(labels),
    prepare,
    check: (v) => (v.from && v.to && v.from > v.to ? [{ path: 'to', message: t('validation.dateOrder', { from: labels.from, to: labels.to }) }] : []),
    onSubmit: async (values) => onFilter(values),
  });
  const { register } = f.form;
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      <div className="filter-grid">
        {actors ? (
          <SelectField id={f.idFor('actorId')} label={labels.actorId} error={f.errorFor('actorId')} {...register('actorId')}>
            <option value="">{t('common.all')}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </SelectField>
        ) : (
          <TextField id={f.idFor('actorId')} label={labels.actorId} autoComplete="off" error={f.errorFor('actorId')} {...register('actorId')} />
        )}
        <TextField id={f.idFor('action')} label={labels.action} autoComplete="off" error={f.errorFor('action')} {...register('action')} />
        <TextField id={f.idFor('subjectId')} label={labels.subjectId} autoComplete="off" error={f.errorFor('subjectId')} {...register('subjectId')} />
        <TextField id={f.idFor('from')} label={labels.from} type="date" error={f.errorFor('from')} {...register('from')} />
        <TextField id={f.idFor('to')} label={labels.to} type="date" error={f.errorFor('to')} {...register('to')} />
      </div>
      <div className="button-row">
        <Button type="submit">{t('audit.filter.submit')}</Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            f.form.reset(empty);
            onFilter({});
          }}
        >
          {t('audit.filter.reset')}
        </Button>
      </div>
    </form>
  );
}

function Results({ result, onPage }: { result: AuditList; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const formatNumber = useFormatNumber();
  const totalPages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const { pages, prevButtonProps, nextButtonProps } = usePagination({
    currentPage: result.page,
    totalPages,
    showPages: 7,
    setCurrentPage: onPage,
  });

  if (result.items.length === 0) return <Paragraph>{t('audit.results.empty')}</Paragraph>;

  const first = (result.page - 1) * result.pageSize + 1;
  const last = first + result.items.length - 1;
  const roleLabel = (role: string | null) => (role === null ? '–' : (ROLES as readonly string[]).includes(role) ? t(`roles.${role as Role}`) : role);
  const categoryLabel = (c: string) => ((DATA_CATEGORIES as readonly string[]).includes(c) ? t(`categories.${c as DataCategory}`) : c);
  const actorLabel = (e: AuditEntry) => e.actorEmail ?? e.actorId ?? t('audit.results.system');

  return (
    <>
      <ScrollRegion labelledBy="audit-results">
        <Table zebra border data-size="sm" className="audit-table">
          <caption>
            {t('audit.results.caption', { first: formatNumber(first), last: formatNumber(last), total: formatNumber(result.total) })}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('audit.columns.seq')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('audit.columns.time')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('audit.columns.actor')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('audit.columns.role')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('audit.columns.action')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('audit.columns.subject')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('audit.columns.categories')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('audit.columns.requestId')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('audit.columns.ip')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {result.items.map((e) => (
              <Table.Row key={e.id}>
                <Table.HeaderCell scope="row">{e.seq ?? e.id}</Table.HeaderCell>
                <Table.Cell>{formatDateTime(e.occurredAt)}</Table.Cell>
                <Table.Cell>
                  <bdi>{actorLabel(e)}</bdi>
                </Table.Cell>
                <Table.Cell>{roleLabel(e.role)}</Table.Cell>
                <Table.Cell>
                  <code>{e.action}</code>
                </Table.Cell>
                <Table.Cell className="break">{e.subjectType || e.subjectId ? [e.subjectType, e.subjectId].filter(Boolean).join(' ') : '–'}</Table.Cell>
                <Table.Cell>{e.categories.length ? e.categories.map(categoryLabel).join(', ') : '–'}</Table.Cell>
                <Table.Cell className="break">
                  <code>{e.requestId}</code>
                </Table.Cell>
                <Table.Cell className="break">{e.ip ?? '–'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
      {totalPages > 1 ? (
        <Pagination aria-label={t('audit.results.pages')} className="mt">
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
      ) : null}
    </>
  );
}
