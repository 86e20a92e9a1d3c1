import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { Alert, Button, Field, Heading, Input, Label, Link as DsLink, ListItem, ListUnordered, Paragraph, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DISTRIBUTION_LIST_COLUMNS, REQUIRED_IMPORT_COLUMNS, type PipelineItem, type ResponseOf } from '@eidor/contract';
import { isApiError } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useFormatDate, useFormatNumber } from '../../i18n/format.ts';
import { describeProblem, problemsFromError, type Problem } from './import-problems.ts';
import { SettlementNav } from './SettlementNav.tsx';

export type ImportResponse = ResponseOf<'importDistributionList'>;
export type ImportRequest = { csv: string; dryRun: boolean; mode: 'all' | 'valid_only' };

export type ImportPageProps = {
  /** Send the file; after an import, the imported households as the pipeline shows them. */
  onImport: (request: ImportRequest) => Promise<{ response: ImportResponse; households: PipelineItem[] }>;
};

/** The contract's limit on the file's text. */
const MAX_CHARS = 2_000_000;

type Result =
  | { kind: 'checked'; response: ImportResponse }
  | { kind: 'imported'; response: ImportResponse; households: PipelineItem[] }
  | { kind: 'refused'; problems: Problem[] };

/**
 * Import IMDi's distribution list: choose the CSV file, check it (nothing is written), then import
 * all of it (only when every line is valid) or only the valid households. Every problem names its
 * line and column.
 */
export function ImportPage({ onImport }: ImportPageProps) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [pending, setPending] = useState<'check' | 'all' | 'valid_only' | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const [focusResult, setFocusResult] = useState(0);
  useEffect(() => {
    if (focusResult > 0) (error ? errorRef.current : resultRef.current)?.focus();
  }, [focusResult, error]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    setResult(null);
    setError(null);
    setFileError(null);
    setFile(null);
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    // File.text() reads UTF-8 and drops a byte-order mark, as the server would.
    const text = await chosen.text();
    if (text.trim() === '') setFileError(t('settlement.import.fileEmpty'));
    else if (text.length > MAX_CHARS) setFileError(t('settlement.import.fileTooLarge'));
    else setFile({ name: chosen.name, text });
  };

  const send = async (kind: 'check' | 'all' | 'valid_only') => {
    if (!file) {
      setFileError(t('settlement.import.chooseFirst'));
      document.getElementById('import-file')?.focus();
      return;
    }
    setPending(kind);
    setError(null);
    try {
      const { response, households } = await onImport({ csv: file.text, dryRun: kind === 'check', mode: kind === 'valid_only' ? 'valid_only' : 'all' });
      setResult(kind === 'check' ? { kind: 'checked', response } : { kind: 'imported', response, households });
    } catch (e) {
      if (isApiError(e) && e.code === 'VALIDATION' && e.fields.length > 0) setResult({ kind: 'refused', problems: problemsFromError(e) });
      else setError(e);
    } finally {
      setPending(null);
      setFocusResult((n) => n + 1);
    }
  };

  const imported = result?.kind === 'imported';
  return (
    <>
      <PageHeading>{t('settlement.import.title')}</PageHeading>
      <SettlementNav />
      <Paragraph>{t('settlement.import.intro')}</Paragraph>
      <Paragraph>
        <DsLink
          href="#import-columns"
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('import-columns')?.focus();
            document.getElementById('import-columns')?.scrollIntoView?.({ block: 'start' });
          }}
        >
          {t('settlement.import.columnsLink')}
        </DsLink>
      </Paragraph>

      <section className="section" aria-labelledby="import-file-heading">
        <Heading level={2} data-size="sm" id="import-file-heading">
          {t('settlement.import.fileHeading')}
        </Heading>
        <div className="form">
          <Field>
            <Label htmlFor="import-file">{t('settlement.import.file')}</Label>
            <Field.Description id="import-file-description">{t('settlement.import.fileHint')}</Field.Description>
            <Input id="import-file" type="file" accept=".csv,text/csv,text/plain" aria-invalid={fileError ? true : undefined} onChange={(e) => void choose(e)} />
            {fileError ? <ValidationMessage id="import-file-error">{fileError}</ValidationMessage> : null}
          </Field>
          <div className="button-row">
            <Button variant={result ? 'secondary' : 'primary'} loading={pending === 'check'} disabled={pending !== null} onClick={() => void send('check')}>
              {t('settlement.import.check')}
            </Button>
            {result && !imported ? (
              <>
                <Button loading={pending === 'all'} disabled={pending !== null} onClick={() => void send('all')}>
                  {t('settlement.import.importAll')}
                </Button>
                <Button variant="secondary" loading={pending === 'valid_only'} disabled={pending !== null} onClick={() => void send('valid_only')}>
                  {t('settlement.import.importValid')}
                </Button>
              </>
            ) : null}
          </div>
          {result && !imported ? <Paragraph data-size="sm">{t('settlement.import.modesHint')}</Paragraph> : null}
        </div>
      </section>

      <section className="section" aria-labelledby="import-result" hidden={!result && !error}>
        <Heading level={2} data-size="sm" id="import-result" ref={resultRef} tabIndex={-1}>
          {t('settlement.import.resultHeading')}
        </Heading>
        {error ? <ApiErrorAlert error={error} ref={errorRef} /> : null}
        {result?.kind === 'checked' ? (
          <Alert data-color={result.response.problems.length === 0 ? 'success' : 'warning'}>
            <Paragraph>
              {t('settlement.import.checked', {
                rows: formatNumber(result.response.rows),
                households: formatNumber(result.response.households),
                count: result.response.problems.length,
              })}
            </Paragraph>
          </Alert>
        ) : null}
        {result?.kind === 'refused' ? (
          <Alert data-color="danger">
            <Paragraph>{t('settlement.import.refused', { count: result.problems.length })}</Paragraph>
          </Alert>
        ) : null}
        {result?.kind === 'imported' ? (
          <>
            <Alert data-color="success">
              <Paragraph>
                {t('settlement.import.imported', {
                  count: result.response.imported.households,
                  persons: formatNumber(result.response.imported.persons),
                })}
              </Paragraph>
            </Alert>
            {result.households.length > 0 ? (
              <ListUnordered>
                {result.households.map((h) => (
                  <ListItem key={h.id}>
                    <DsLink asChild>
                      <Link to="/settlement/cases/$id" params={{ id: h.id }}>
                        <bdi>{h.householdName}</bdi>
                      </Link>
                    </DsLink>
                    {h.imdiReference ? ` (${h.imdiReference})` : ''}
                  </ListItem>
                ))}
              </ListUnordered>
            ) : null}
            <Paragraph>
              <DsLink asChild>
                <Link to="/settlement/pipeline">{t('settlement.import.toPipeline')}</Link>
              </DsLink>
            </Paragraph>
          </>
        ) : null}
        {result && result.kind !== 'refused' && result.response.problems.length > 0 ? (
          <ProblemTable problems={result.response.problems} caption={imported ? t('settlement.import.notImportedCaption') : t('settlement.import.problemsCaption')} />
        ) : null}
        {result?.kind === 'refused' ? <ProblemTable problems={result.problems} caption={t('settlement.import.problemsCaption')} /> : null}
      </section>

      <section className="section" aria-labelledby="import-columns">
        <Heading level={2} data-size="sm" id="import-columns" tabIndex={-1}>
          {t('settlement.import.columnsHeading')}
        </Heading>
        <Paragraph>{t('settlement.import.format')}</Paragraph>
        <ColumnTable />
      </section>
    </>
  );
}

function ProblemTable({ problems, caption }: { problems: Problem[]; caption: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <ScrollRegion labelledBy="import-problems-caption">
      <Table zebra border data-size="sm">
        <caption id="import-problems-caption">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('settlement.import.line')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('settlement.import.column')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('settlement.import.problemColumn')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {problems.map((p, i) => {
            const text = describeProblem(p.message, t, formatDate);
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
  const required = new Set<string>(REQUIRED_IMPORT_COLUMNS);
  return (
    <ScrollRegion labelledBy="import-columns">
      <Table zebra border data-size="sm">
        <caption>{t('settlement.import.columnsCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('settlement.import.column')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('settlement.import.required')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('settlement.import.meaning')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {DISTRIBUTION_LIST_COLUMNS.map((c) => (
            <Table.Row key={c}>
              <Table.HeaderCell scope="row">
                <code>{c}</code>
              </Table.HeaderCell>
              <Table.Cell>{required.has(c) ? t('common.yes') : t('common.no')}</Table.Cell>
              <Table.Cell>{t(`settlement.import.columns.${c}`)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}
