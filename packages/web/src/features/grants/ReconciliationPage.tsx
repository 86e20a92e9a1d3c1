import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Alert, Button, Field, Heading, Input, Label, Link as DsLink, Pagination, Paragraph, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RECONCILIATION_REASONS, type ResponseOf } from '@eidor/contract';
import { PAYMENT_LIST_COLUMNS, REQUIRED_PAYMENT_COLUMNS } from '@eidor/domain';
import { isApiError } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate, useFormatDateTime, useFormatKroner, useFormatNumber } from '../../i18n/format.ts';
import { GrantsNav } from './GrantsNav.tsx';
import { describeProblem, termLabel, type Problem } from './labels.ts';
import type { ImportRequest } from './queries.ts';

type ImportResponse = ResponseOf<'importPaymentList'>;
type Reconciliation = ResponseOf<'grantReconciliation'>;
type Summary = ResponseOf<'reconcileGrants'>;
type Reason = (typeof RECONCILIATION_REASONS)[number];
type Row = Reconciliation['rows'][number];

export type ReconciliationPageProps = {
  year: number;
  thisYear: number;
  reason: Reason | undefined;
  page: number;
  pageSize: number;
  /** grants.manage: import, reconcile and download. */
  mayManage: boolean;
  extraGrants: boolean;
  lists: { data: ResponseOf<'listPaymentLists'> | undefined; error: unknown };
  differences: { data: Reconciliation | undefined; error: unknown; pending: boolean };
  onSearch: (next: { year: number; reason: Reason | undefined; page?: number }) => void;
  onImport: (request: ImportRequest) => Promise<ImportResponse>;
  onReconcile: (year: number) => Promise<Summary>;
  onDownload: (year: number) => Promise<void>;
};

/** 64 MB, the server's limit on a payment list. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Reconciliation (issue 6 § 4): import IMDi's payment lists (a check first, then all or only the
 * valid lines), reconcile a year, and read the differences per person, term and grant with the
 * reason, filtered by reason; download them as the change-request worksheet.
 */
export function ReconciliationPage(props: ReconciliationPageProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('grants.reconciliation.title')}</PageHeading>
      <GrantsNav extraGrants={props.extraGrants} />
      <Paragraph>{t('grants.reconciliation.intro')}</Paragraph>
      {props.mayManage ? <ImportSection onImport={props.onImport} /> : null}
      <ListsSection lists={props.lists} />
      <ReconcileSection {...props} />
    </>
  );
}

type Result = { kind: 'checked' | 'imported' | 'refused' | 'already'; response: ImportResponse } | { kind: 'failed'; problems: Problem[] };

/** A refused upload's field errors (`line.N` or `body`) as lines of the report. */
function problemsFrom(error: unknown): Problem[] | null {
  if (!isApiError(error) || error.code !== 'VALIDATION' || error.fields.length === 0) return null;
  return error.fields.map((f) => {
    const m = /^line\.(\d+)$/.exec(f.path);
    return { line: m ? Number(m[1]) : 0, column: null, message: f.message === 'is empty' ? 'The file is empty' : f.message === 'is not an XLSX workbook' ? 'The file is not a readable XLSX workbook' : error.message };
  });
}

export function ImportSection({ onImport }: { onImport: ReconciliationPageProps['onImport'] }) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [pending, setPending] = useState<'check' | 'all' | 'valid_only' | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [focusResult, setFocusResult] = useState(0);
  useEffect(() => {
    if (focusResult > 0) resultRef.current?.focus();
  }, [focusResult]);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setResult(null);
    setError(null);
    setFileError(null);
    const chosen = event.target.files?.[0] ?? null;
    setFile(null);
    if (!chosen) return;
    if (chosen.size === 0) setFileError(t('grants.import.fileEmpty'));
    else if (chosen.size > MAX_BYTES) setFileError(t('grants.import.fileTooLarge'));
    else setFile(chosen);
  };

  const send = async (kind: 'check' | 'all' | 'valid_only') => {
    if (!file) {
      setFileError(t('grants.import.chooseFirst'));
      document.getElementById('payment-list-file')?.focus();
      return;
    }
    setPending(kind);
    setError(null);
    try {
      const response = await onImport({ file, dryRun: kind === 'check', mode: kind === 'valid_only' ? 'valid_only' : 'all' });
      const refused = kind === 'all' && response.problemLines > 0;
      setResult({ kind: kind === 'check' ? 'checked' : response.alreadyImported ? 'already' : refused || response.imported === 0 && response.problemLines > 0 ? 'refused' : 'imported', response });
    } catch (e) {
      const problems = problemsFrom(e);
      if (problems) setResult({ kind: 'failed', problems });
      else setError(e);
    } finally {
      setPending(null);
      setFocusResult((n) => n + 1);
    }
  };

  const done = result?.kind === 'imported' || result?.kind === 'already';
  const r = result && result.kind !== 'failed' ? result.response : null;
  return (
    <section className="section" aria-labelledby="import-heading">
      <Heading level={2} data-size="sm" id="import-heading">
        {t('grants.import.heading')}
      </Heading>
      <Paragraph>{t('grants.import.intro')}</Paragraph>
      <Paragraph>
        {t('grants.import.docsLink')}{' '}
        <DsLink
          href="#payment-list-columns"
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('payment-list-columns')?.focus();
            document.getElementById('payment-list-columns')?.scrollIntoView?.({ block: 'start' });
          }}
        >
          {t('grants.import.docsLinkText')}
        </DsLink>
      </Paragraph>
      <div className="form">
        <Field>
          <Label htmlFor="payment-list-file">{t('grants.import.file')}</Label>
          <Field.Description id="payment-list-file-description">{t('grants.import.fileHint')}</Field.Description>
          <Input
            id="payment-list-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileError ? true : undefined}
            onChange={choose}
          />
          {fileError ? <ValidationMessage id="payment-list-file-error">{fileError}</ValidationMessage> : null}
        </Field>
        <div className="button-row">
          <Button variant={result ? 'secondary' : 'primary'} loading={pending === 'check'} disabled={pending !== null} onClick={() => void send('check')}>
            {t('grants.import.check')}
          </Button>
          {result && !done && result.kind !== 'failed' ? (
            <>
              <Button loading={pending === 'all'} disabled={pending !== null} onClick={() => void send('all')}>
                {t('grants.import.importAll')}
              </Button>
              <Button variant="secondary" loading={pending === 'valid_only'} disabled={pending !== null} onClick={() => void send('valid_only')}>
                {t('grants.import.importValid')}
              </Button>
            </>
          ) : null}
        </div>
        {result && !done && result.kind !== 'failed' ? <Paragraph data-size="sm">{t('grants.import.modesHint')}</Paragraph> : null}
      </div>

      <div hidden={!result && !error}>
        <Heading level={3} data-size="xs" id="import-result" ref={resultRef} tabIndex={-1}>
          {t('grants.import.resultHeading')}
        </Heading>
        {error ? <ApiErrorAlert error={error} /> : null}
        {result?.kind === 'checked' && r ? (
          <Alert data-color={r.problemLines === 0 ? 'success' : 'warning'}>
            <Paragraph>
              {r.problemLines === 0
                ? t('grants.import.checkedOk', { lines: formatNumber(r.lines) })
                : t('grants.import.checked', { lines: formatNumber(r.lines), valid: formatNumber(r.validLines), count: r.problemLines })}
            </Paragraph>
          </Alert>
        ) : null}
        {result?.kind === 'refused' && r ? (
          <Alert data-color="danger">
            <Paragraph>{t('grants.import.refused', { count: r.problemLines })}</Paragraph>
          </Alert>
        ) : null}
        {result?.kind === 'failed' ? (
          <Alert data-color="danger">
            <Paragraph>{t('grants.import.refused', { count: result.problems.length })}</Paragraph>
          </Alert>
        ) : null}
        {result?.kind === 'already' ? (
          <Alert data-color="info">
            <Paragraph>{t('grants.import.alreadyImported')}</Paragraph>
          </Alert>
        ) : null}
        {result?.kind === 'imported' && r ? (
          <Alert data-color="success">
            <Paragraph>{t('grants.import.imported', { imported: formatNumber(r.imported), stored: formatNumber(r.alreadyStored) })}</Paragraph>
          </Alert>
        ) : null}
        {r && r.terms.length > 0 ? <Paragraph data-size="sm">{t('grants.import.terms', { terms: r.terms.map((x) => termLabel(x, t)).join(', ') })}</Paragraph> : null}
        {r && r.emptyLines > 0 ? <Paragraph data-size="sm">{t('grants.import.emptyLines', { count: r.emptyLines })}</Paragraph> : null}
        {r && r.problems.length > 0 ? <ProblemTable problems={r.problems} caption={done ? t('grants.import.notImportedCaption') : t('grants.import.problemsCaption')} /> : null}
        {result?.kind === 'failed' ? <ProblemTable problems={result.problems} caption={t('grants.import.problemsCaption')} /> : null}
      </div>
      <ColumnTable />
    </section>
  );
}

/** The report per line: line, column, and the problem in the user's language. */
export function ProblemTable({ problems, caption }: { problems: Problem[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <ScrollRegion labelledBy="payment-problems-caption">
      <Table zebra border data-size="sm">
        <caption id="payment-problems-caption">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('grants.import.line')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('grants.import.column')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('grants.import.problem')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {problems.map((p, i) => {
            const text = describeProblem(p.message, t);
            return (
              <Table.Row key={`${p.line}:${p.column ?? ''}:${i}`}>
                <Table.HeaderCell scope="row">{p.line > 0 ? p.line : '–'}</Table.HeaderCell>
                <Table.Cell>{p.column ? <code>{p.column}</code> : '–'}</Table.Cell>
                <Table.Cell lang={text.lang}>{text.text}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

function ColumnTable() {
  const { t } = useTranslation();
  const required = new Set<string>(REQUIRED_PAYMENT_COLUMNS);
  return (
    <>
      <Heading level={3} data-size="xs" id="payment-list-columns" tabIndex={-1}>
        {t('grants.import.columnsHeading')}
      </Heading>
      <ScrollRegion labelledBy="payment-list-columns">
        <Table zebra border data-size="sm">
          <caption className="ds-sr-only">{t('grants.import.columnsCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('grants.import.column')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('grants.import.required')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('grants.import.meaning')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {PAYMENT_LIST_COLUMNS.map((c) => (
              <Table.Row key={c}>
                <Table.HeaderCell scope="row">
                  <code>{c}</code>
                </Table.HeaderCell>
                <Table.Cell>{required.has(c) ? t('common.yes') : t('common.no')}</Table.Cell>
                <Table.Cell>{t(`grants.import.columns.${c}`)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
    </>
  );
}

function ListsSection({ lists }: { lists: ReconciliationPageProps['lists'] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const formatNumber = useFormatNumber();
  return (
    <section className="section" aria-labelledby="lists-heading">
      <Heading level={2} data-size="sm" id="lists-heading">
        {t('grants.import.listsHeading')}
      </Heading>
      {lists.error ? <ApiErrorAlert error={lists.error} /> : null}
      {lists.data && lists.data.lists.length === 0 ? <Paragraph>{t('grants.import.noLists')}</Paragraph> : null}
      {lists.data && lists.data.lists.length > 0 ? (
        <ScrollRegion labelledBy="lists-caption">
          <Table zebra border data-size="sm">
            <caption id="lists-caption" className="ds-sr-only">
              {t('grants.import.listsCaption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('grants.import.importedAt')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('grants.import.kind')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('grants.import.lines')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('grants.import.importedLines')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('grants.reconciliation.term')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('grants.import.by')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {lists.data.lists.map((l) => (
                <Table.Row key={l.id}>
                  <Table.Cell>{formatDateTime(l.importedAt)}</Table.Cell>
                  <Table.Cell>{l.fileKind.toUpperCase()}</Table.Cell>
                  <Table.Cell>{formatNumber(l.lines)}</Table.Cell>
                  <Table.Cell>{formatNumber(l.importedLines)}</Table.Cell>
                  <Table.Cell>{l.terms.map((x) => termLabel(x, t)).join(', ')}</Table.Cell>
                  <Table.Cell>{l.importedBy ?? '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      ) : null}
    </section>
  );
}

function ReconcileSection({ year, thisYear, reason, page, pageSize, mayManage, differences, onSearch, onReconcile, onDownload }: ReconciliationPageProps) {
  const { t } = useTranslation();
  const kroner = useFormatKroner();
  const formatNumber = useFormatNumber();
  const formatDateTime = useFormatDateTime();
  const [pending, setPending] = useState<'reconcile' | 'download' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const years = Array.from({ length: 7 }, (_, i) => thisYear + 1 - i);
  if (!years.includes(year)) years.push(year);
  const summary = differences.data?.summary;
  const run = async (kind: 'reconcile' | 'download') => {
    setPending(kind);
    setError(null);
    setStatus('');
    try {
      if (kind === 'reconcile') await onReconcile(year);
      else {
        await onDownload(year);
        setStatus(t('grants.reconciliation.downloaded', { year }));
      }
    } catch (e) {
      setError(e);
    } finally {
      setPending(null);
    }
  };
  const total = differences.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <section className="section" aria-labelledby="reconcile-heading">
      <Heading level={2} data-size="sm" id="reconcile-heading">
        {t('grants.reconciliation.reconcileHeading')}
      </Heading>
      {mayManage ? <Paragraph data-size="sm">{t('grants.reconciliation.reconcileHint')}</Paragraph> : null}
      <div className="filter-grid">
        <SelectField id="reconcile-year" label={t('grants.reconciliation.year')} value={String(year)} width="auto" onChange={(e) => onSearch({ year: Number(e.target.value), reason: undefined })}>
          {years
            .sort((a, b) => b - a)
            .map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
        </SelectField>
      </div>
      {mayManage ? (
        <div className="button-row">
          <Button loading={pending === 'reconcile'} disabled={pending !== null} onClick={() => void run('reconcile')}>
            {t('grants.reconciliation.reconcile')}
          </Button>
          <Button variant="secondary" loading={pending === 'download'} disabled={pending !== null || !summary?.reconciledAt} onClick={() => void run('download')}>
            {t('grants.reconciliation.download')}
          </Button>
        </div>
      ) : null}
      {error ? <ApiErrorAlert error={error} /> : null}
      <StatusMessage>{status}</StatusMessage>
      {differences.error ? <ApiErrorAlert error={differences.error} /> : null}

      {summary ? (
        <>
          <Heading level={3} data-size="xs" id="summary-heading">
            {t('grants.reconciliation.summaryHeading', { year: summary.year })}
          </Heading>
          {summary.reconciledAt === null ? (
            <Paragraph>{t('grants.reconciliation.notReconciled', { year: summary.year })}</Paragraph>
          ) : (
            <>
              <Paragraph data-size="sm">{t('grants.reconciliation.reconciledAt', { at: formatDateTime(summary.reconciledAt) })}</Paragraph>
              <dl className="facts">
                <dt>{t('grants.reconciliation.expected')}</dt>
                <dd>{kroner(summary.expected)}</dd>
                <dt>{t('grants.reconciliation.paid')}</dt>
                <dd>{kroner(summary.paid)}</dd>
                <dt>{t('grants.reconciliation.difference')}</dt>
                <dd>{kroner(summary.difference)}</dd>
                <dt>{t('grants.reconciliation.agreeing')}</dt>
                <dd>
                  {formatNumber(summary.agreeing)} {t('grants.reconciliation.agreeingHint')}
                </dd>
              </dl>
              <Table zebra border data-size="sm">
                <caption>{t('grants.reconciliation.matchedCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('grants.reconciliation.method')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('grants.reconciliation.lines')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {(['nationalId', 'dufNumber', 'nameBirthDate', 'unmatched'] as const).map((m) => (
                    <Table.Row key={m}>
                      <Table.HeaderCell scope="row">{t(`grants.reconciliation.methods.${m}`)}</Table.HeaderCell>
                      <Table.Cell>{formatNumber(summary.matched[m])}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              {summary.byReason.length > 0 ? (
                <Table zebra border data-size="sm">
                  <caption>{t('grants.reconciliation.byReasonCaption')}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('grants.reconciliation.reason')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('grants.reconciliation.rows')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('grants.reconciliation.difference')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {summary.byReason.map((b) => (
                      <Table.Row key={b.reason}>
                        <Table.HeaderCell scope="row">{t(`grants.reconReasons.${b.reason}`)}</Table.HeaderCell>
                        <Table.Cell>{formatNumber(b.rows)}</Table.Cell>
                        <Table.Cell>{kroner(b.difference)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              ) : null}
            </>
          )}
        </>
      ) : null}

      {summary?.reconciledAt ? (
        <>
          <Heading level={3} data-size="xs" id="differences-heading">
            {t('grants.reconciliation.differencesHeading')}
          </Heading>
          <div className="filter-grid">
            <SelectField
              id="differences-reason"
              label={t('grants.reconciliation.filter')}
              value={reason ?? ''}
              width="auto"
              onChange={(e) => onSearch({ year, reason: (e.target.value || undefined) as Reason | undefined })}
            >
              <option value="">{t('grants.reconciliation.allReasons')}</option>
              {RECONCILIATION_REASONS.filter((r) => r !== 'ok').map((r) => (
                <option key={r} value={r}>
                  {t(`grants.reconReasons.${r}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <DifferencesTable rows={differences.data?.rows ?? []} busy={differences.pending} />
          {total > 0 ? (
            <Paragraph data-size="sm">
              {t('grants.reconciliation.pageOf', { from: formatNumber((page - 1) * pageSize + 1), to: formatNumber(Math.min(total, page * pageSize)), total: formatNumber(total) })}
            </Paragraph>
          ) : null}
          {pages > 1 ? (
            <Pagination aria-label={t('grants.reconciliation.differencesHeading')}>
              <Pagination.List>
                <Pagination.Item>
                  <Pagination.Button aria-label={t('common.previousPage')} disabled={page <= 1} onClick={() => onSearch({ year, reason, page: page - 1 })}>
                    {t('common.previous')}
                  </Pagination.Button>
                </Pagination.Item>
                <Pagination.Item>
                  <Pagination.Button aria-current="page" aria-label={t('common.page', { page })}>
                    {page}
                  </Pagination.Button>
                </Pagination.Item>
                <Pagination.Item>
                  <Pagination.Button aria-label={t('common.nextPage')} disabled={page >= pages} onClick={() => onSearch({ year, reason, page: page + 1 })}>
                    {t('common.next')}
                  </Pagination.Button>
                </Pagination.Item>
              </Pagination.List>
            </Pagination>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The differences, biggest first; a person's name links to the person. */
export function DifferencesTable({ rows, busy }: { rows: Row[]; busy: boolean }) {
  const { t } = useTranslation();
  const kroner = useFormatKroner();
  const formatDate = useFormatDate();
  if (rows.length === 0) return <Paragraph>{t('grants.reconciliation.noDifferences')}</Paragraph>;
  const detail = (r: Row) => {
    const d = r.detail;
    const parts: string[] = [];
    if (typeof d.date === 'string') parts.push(t('grants.reconciliation.details.date', { date: formatDate(d.date) }));
    if (typeof d.movedTo === 'string') parts.push(t('grants.reconciliation.details.movedTo', { place: d.movedTo }));
    if (typeof d.shareToClaim === 'number' && d.shareToClaim > 0) parts.push(t('grants.reconciliation.details.shareToClaim', { amount: kroner(d.shareToClaim) }));
    if (typeof d.toRepay === 'number' && d.toRepay > 0) parts.push(t('grants.reconciliation.details.toRepay', { amount: kroner(d.toRepay) }));
    if (typeof d.payments === 'number') parts.push(t('grants.reconciliation.details.payments', { count: d.payments }));
    if (typeof d.line === 'number') parts.push(t('grants.reconciliation.details.line', { line: d.line }));
    if (typeof d.settlementDate === 'string') parts.push(t('grants.reconciliation.details.settlementDate', { date: formatDate(d.settlementDate) }));
    return parts.join(', ');
  };
  return (
    <ScrollRegion labelledBy="differences-caption">
      <Table zebra border data-size="sm" className="wide-table" aria-busy={busy || undefined}>
        <caption id="differences-caption">{t('grants.reconciliation.differencesCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('grants.reconciliation.person')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('grants.reconciliation.term')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('grants.reconciliation.code')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('grants.reconciliation.expected')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('grants.reconciliation.paid')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('grants.reconciliation.difference')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('grants.reconciliation.reason')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('grants.reconciliation.detail')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.id}>
              <Table.HeaderCell scope="row">
                {r.personId ? (
                  <DsLink asChild>
                    <Link to="/people/$id" params={{ id: r.personId }}>
                      <bdi>{r.name ?? t('grants.reconciliation.unknownName')}</bdi>
                    </Link>
                  </DsLink>
                ) : (
                  <bdi>{r.name ?? t('grants.reconciliation.unknownName')}</bdi>
                )}
                {r.birthDate ? ` (${formatDate(r.birthDate)})` : ''}
              </Table.HeaderCell>
              <Table.Cell>{termLabel(r.term, t)}</Table.Cell>
              <Table.Cell>
                <code>{r.code}</code>
              </Table.Cell>
              <Table.Cell>{kroner(r.expected)}</Table.Cell>
              <Table.Cell>{kroner(r.paid)}</Table.Cell>
              <Table.Cell>{kroner(r.difference)}</Table.Cell>
              <Table.Cell>{t(`grants.reconReasons.${r.reason}`)}</Table.Cell>
              <Table.Cell>{detail(r)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}
