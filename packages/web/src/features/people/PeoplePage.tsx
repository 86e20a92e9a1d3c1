import { useRef } from 'react';
import { Button, Heading, Link as DsLink, Pagination, Paragraph, Spinner, Table, usePagination } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SearchPeopleRequest, type ARRIVAL_CATEGORIES, type PERSON_STATUSES, type ResponseOf } from '@eidor/contract';
import { classifyPersonQuery } from '@eidor/domain';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { labelsFrom, useContractForm } from '../../components/form/use-contract-form.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useFormatDate, useFormatNumber } from '../../i18n/format.ts';
import { usePeopleLabels } from './labels.ts';
import type { PeopleCriteria } from './queries.ts';

type SearchResult = ResponseOf<'searchPeople'>;

export type PeoplePageProps = {
  criteria: PeopleCriteria;
  result: SearchResult | undefined;
  loading: boolean;
  error: unknown;
  canRegister: boolean;
  /** The years offered in the settlement-year filter, newest first. */
  settlementYears: number[];
  onSearch: (criteria: PeopleCriteria) => void;
  onPage: (page: number) => void;
};

/** Find people: one search box for any spelling, birth date or number, three filters, and a table of results. */
export function PeoplePage({ criteria, result, loading, error, canRegister, settlementYears, onSearch, onPage }: PeoplePageProps) {
  const { t } = useTranslation();
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  return (
    <>
      <PageHeading>{t('people.title')}</PageHeading>
      <Paragraph>{t('people.intro')}</Paragraph>
      {canRegister ? (
        <Paragraph>
          <Button asChild variant="primary">
            <Link to="/people/new" search={{}}>
              {t('people.register')}
            </Link>
          </Button>
        </Paragraph>
      ) : null}

      <section className="section" aria-labelledby="people-search">
        <Heading level={2} data-size="sm" id="people-search">
          {t('people.search.heading')}
        </Heading>
        <SearchForm criteria={criteria} settlementYears={settlementYears} settlementFilters={result?.can.filterBySettlement ?? false} onSearch={onSearch} />
      </section>

      <section className="section" aria-labelledby="people-results" aria-busy={loading}>
        <Heading level={2} data-size="sm" id="people-results" ref={resultsHeading} tabIndex={-1}>
          {t('people.results.heading')}
        </Heading>
        {error ? <ApiErrorAlert error={error} /> : null}
        <div role="status">
          {!result && loading ? <Spinner aria-label={t('common.loading')} /> : null}
          {result ? <Paragraph>{result.total === 0 ? t('people.results.empty') : t('people.results.count', { count: result.total })}</Paragraph> : null}
        </div>
        {result && result.items.length > 0 ? (
          <Results
            result={result}
            byRelevance={classifyPersonQuery(criteria.q ?? '').kind === 'name'}
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

type FilterValues = {
  q: string;
  arrivalCategory: (typeof ARRIVAL_CATEGORIES)[number] | '';
  status: (typeof PERSON_STATUSES)[number] | '';
  settlementYear: string;
};

const SearchSchema = SearchPeopleRequest.pick({ q: true, arrivalCategory: true, status: true, settlementYear: true });

/** Empty fields mean "any": the contract wants them left out. */
export function toCriteria(values: FilterValues): PeopleCriteria {
  return {
    q: values.q.trim(),
    ...(values.arrivalCategory ? { arrivalCategory: values.arrivalCategory } : {}),
    ...(values.status ? { status: values.status } : {}),
    ...(values.settlementYear ? { settlementYear: Number(values.settlementYear) } : {}),
  };
}

const EMPTY: FilterValues = { q: '', arrivalCategory: '', status: '', settlementYear: '' };

function SearchForm({
  criteria,
  settlementYears,
  settlementFilters,
  onSearch,
}: {
  criteria: PeopleCriteria;
  settlementYears: number[];
  /** Only readers of settlement data for everyone filter by arrival category and settlement year. */
  settlementFilters: boolean;
  onSearch: (c: PeopleCriteria) => void;
}) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const fieldLabels = {
    q: t('people.search.q'),
    arrivalCategory: t('people.search.arrivalCategory'),
    status: t('people.search.status'),
    settlementYear: t('people.search.settlementYear'),
  };
  const f = useContractForm<FilterValues, z.output<typeof SearchSchema>>({
    id: 'people-search',
    schema: SearchSchema,
    defaultValues: {
      q: criteria.q ?? '',
      arrivalCategory: criteria.arrivalCategory ?? '',
      status: criteria.status ?? '',
      settlementYear: criteria.settlementYear ? String(criteria.settlementYear) : '',
    },
    labelFor: labelsFrom(fieldLabels),
    prepare: toCriteria,
    onSubmit: async (values) => onSearch(values),
  });
  const { register } = f.form;
  return (
    // role="search" makes the form a landmark that screen reader users can jump to.
    <form onSubmit={f.submit} noValidate className="form" role="search" aria-labelledby="people-search">
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      <Paragraph data-size="sm">{t('people.search.privacy')}</Paragraph>
      <TextField
        id={f.idFor('q')}
        label={fieldLabels.q}
        description={t('people.search.qHint')}
        type="search"
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
        error={f.errorFor('q')}
        {...register('q')}
      />
      <div className="filter-grid">
        {settlementFilters ? (
          <SelectField id={f.idFor('arrivalCategory')} label={fieldLabels.arrivalCategory} error={f.errorFor('arrivalCategory')} {...register('arrivalCategory')}>
            <option value="">{t('common.all')}</option>
            {labels.arrivalCategoryOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField id={f.idFor('status')} label={fieldLabels.status} error={f.errorFor('status')} {...register('status')}>
          <option value="">{t('common.all')}</option>
          {labels.statusOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        {settlementFilters ? (
          <SelectField id={f.idFor('settlementYear')} label={fieldLabels.settlementYear} error={f.errorFor('settlementYear')} {...register('settlementYear')}>
            <option value="">{t('common.all')}</option>
            {settlementYears.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <div className="button-row">
        <Button type="submit">{t('people.search.submit')}</Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            f.form.reset(EMPTY);
            onSearch({ q: '' });
          }}
        >
          {t('people.search.reset')}
        </Button>
      </div>
    </form>
  );
}

function Results({ result, byRelevance, onPage }: { result: SearchResult; byRelevance: boolean; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const formatDate = useFormatDate();
  const formatNumber = useFormatNumber();
  const totalPages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const { pages, prevButtonProps, nextButtonProps } = usePagination({ currentPage: result.page, totalPages, showPages: 7, setCurrentPage: onPage });
  const first = (result.page - 1) * result.pageSize + 1;
  const last = first + result.items.length - 1;
  const range = { first: formatNumber(first), last: formatNumber(last), total: formatNumber(result.total) };
  return (
    <>
      <ScrollRegion labelledBy="people-results">
        <Table zebra border className="people-table">
          <caption>{byRelevance ? t('people.results.captionRelevance', range) : t('people.results.caption', range)}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('people.columns.name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('people.columns.birthDate')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('people.columns.household')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('people.columns.arrivalCategory')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('people.columns.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {result.items.map((p) => (
              <Table.Row key={p.id}>
                <Table.HeaderCell scope="row">
                  <DsLink asChild>
                    <Link to="/people/$id" params={{ id: p.id }}>
                      <bdi>{`${p.givenName} ${p.familyName}`}</bdi>
                    </Link>
                  </DsLink>
                </Table.HeaderCell>
                <Table.Cell>{formatDate(p.birthDate)}</Table.Cell>
                <Table.Cell>
                  {p.householdId ? (
                    <DsLink asChild>
                      <Link to="/households/$id" params={{ id: p.householdId }}>
                        {t('people.results.household')}
                        <span className="ds-sr-only">
                          {' '}
                          {t('people.results.householdOf')} <bdi>{`${p.givenName} ${p.familyName}`}</bdi>
                        </span>
                      </Link>
                    </DsLink>
                  ) : (
                    t('people.results.noHousehold')
                  )}
                </Table.Cell>
                <Table.Cell>{p.arrivalCategory ? labels.arrivalCategory(p.arrivalCategory) : '–'}</Table.Cell>
                <Table.Cell>{labels.status(p.status)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
      {totalPages > 1 ? (
        <Pagination aria-label={t('people.results.pages')} className="mt">
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
