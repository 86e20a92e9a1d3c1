import { useMemo, useState } from 'react';
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { NirCompareResponse, NirExport, ResultsResponse } from '@eidor/contract';
import { AGE_GROUPS } from '@eidor/domain';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { Chart } from '../../components/chart/Chart.tsx';
import type { ChartOption } from '../../components/chart/echarts.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatNumber } from '../../i18n/format.ts';
import { AdminNav } from './AdminNav.tsx';

type Results = z.output<typeof ResultsResponse>;
type Year = Results['years'][number];
type Cell = Year['total'];
type Comparison = z.output<typeof NirCompareResponse>;

export type ResultsPageProps = {
  results: Results;
  onExport: () => Promise<z.output<typeof NirExport>>;
  onCompare: (csv: string) => Promise<Comparison>;
};

const percent = (share: number | null, formatNumber: (n: number) => string) => (share === null ? '–' : `${formatNumber(Math.round(share * 100))} %`);

/** The chart: per year the share ending in work or education, with a summary in words. */
export function resultsChart(results: Results, t: TFunction, formatNumber: (n: number) => string): { option: ChartOption; summary: string } {
  const years = [...results.years].sort((a, b) => a.year - b.year);
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => `${formatNumber(v)} %` } },
    series: [{ name: t('programmeAdmin.results.share'), type: 'bar', data: years.map((y) => (y.total.share === null ? 0 : Math.round(y.total.share * 100))) }],
  };
  const parts = years.map((y) => t('programmeAdmin.results.chartYear', { year: y.year, share: percent(y.total.share, formatNumber), ended: formatNumber(y.total.ended) }));
  return { option, summary: years.length === 0 ? t('programmeAdmin.results.chartEmpty') : `${t('programmeAdmin.results.chartSummary')} ${parts.join(' ')}` };
}

/** Results by year, sex and age group; missing end reasons; NIR export and comparison. */
export function ResultsPage({ results, onExport, onCompare }: ResultsPageProps) {
  const { t, i18n } = useTranslation();
  const formatNumber = useFormatNumber();
  const chart = useMemo(() => resultsChart(results, t, formatNumber), [results, t, formatNumber]);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [busy, setBusy] = useState<'export' | 'compare' | null>(null);
  const cell = (c: Cell) => `${formatNumber(c.inWorkOrEducation)} / ${formatNumber(c.ended)} (${percent(c.share, formatNumber)})`;
  const sexLabel = (s: string) => (i18n.exists(`programmeAdmin.results.sexes.${s}`) ? t(`programmeAdmin.results.sexes.${s}` as never) : s);
  const fieldLabel = (f: string) => (i18n.exists(`programmeAdmin.results.fields.${f}`) ? t(`programmeAdmin.results.fields.${f}` as never) : f);
  const withMissing = results.years.filter((y) => y.missingEndReason > 0);

  const run = async (kind: 'export' | 'compare', fn: () => Promise<void>) => {
    setFailure(null);
    setStatus('');
    setBusy(kind);
    try {
      await fn();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeading>{t('programmeAdmin.results.title')}</PageHeading>
      <AdminNav />
      <Paragraph>{t('programmeAdmin.results.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {failure ? <ApiErrorAlert error={failure} /> : null}

      <section className="section" aria-labelledby="results-chart">
        <Heading level={2} data-size="sm" id="results-chart">
          {t('programmeAdmin.results.chartHeading')}
        </Heading>
        <Chart option={chart.option} label={chart.summary} />
      </section>

      <section className="section" aria-labelledby="results-table">
        <Heading level={2} data-size="sm" id="results-table">
          {t('programmeAdmin.results.tableHeading')}
        </Heading>
        <ScrollRegion labelledBy="results-table">
          <Table zebra border className="wide-table">
            <caption className="ds-sr-only">{t('programmeAdmin.results.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('programmeAdmin.results.year')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programmeAdmin.results.ended')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programmeAdmin.results.inWork')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programmeAdmin.results.share')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programmeAdmin.results.missing')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programmeAdmin.results.followUp')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {results.years.map((y) => (
                <Table.Row key={y.year}>
                  <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
                  <Table.Cell>{formatNumber(y.total.ended)}</Table.Cell>
                  <Table.Cell>{formatNumber(y.total.inWorkOrEducation)}</Table.Cell>
                  <Table.Cell>{percent(y.total.share, formatNumber)}</Table.Cell>
                  <Table.Cell>
                    {formatNumber(y.missingEndReason)} ({percent(y.missingEndReasonShare, formatNumber)})
                  </Table.Cell>
                  <Table.Cell>{t('programmeAdmin.results.followUpText', { registered: formatNumber(y.followUp.registered), work: formatNumber(y.followUp.inWorkOrEducation) })}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      </section>

      <section className="section" aria-labelledby="results-groups">
        <Heading level={2} data-size="sm" id="results-groups">
          {t('programmeAdmin.results.bySexHeading')}
        </Heading>
        <Paragraph data-size="sm">{t('programmeAdmin.results.groupsNote')}</Paragraph>
        {results.years.map((y) => (
          <Table key={y.year} zebra border data-size="sm">
            <caption>{t('programmeAdmin.results.bySexCaption', { year: y.year })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('programmeAdmin.results.group')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programmeAdmin.results.share')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {Object.entries(y.bySex).map(([sex, c]) => (
                <Table.Row key={sex}>
                  <Table.HeaderCell scope="row">{sexLabel(sex)}</Table.HeaderCell>
                  <Table.Cell>{cell(c)}</Table.Cell>
                </Table.Row>
              ))}
              {AGE_GROUPS.filter((g) => y.byAge[g]).map((g) => (
                <Table.Row key={g}>
                  <Table.HeaderCell scope="row">{t('programmeAdmin.results.age', { group: g })}</Table.HeaderCell>
                  <Table.Cell>{cell(y.byAge[g])}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ))}
      </section>

      <section className="section" aria-labelledby="results-missing">
        <Heading level={2} data-size="sm" id="results-missing">
          {t('programmeAdmin.results.missingHeading')}
        </Heading>
        {withMissing.length === 0 ? (
          <Paragraph>{t('programmeAdmin.results.missingNone')}</Paragraph>
        ) : (
          <ul>
            {withMissing.map((y) => (
              <li key={y.year}>{t('programmeAdmin.results.missingYear', { year: y.year, count: y.missingEndReason, ended: formatNumber(y.total.ended), share: percent(y.missingEndReasonShare, formatNumber) })}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="results-nir">
        <Heading level={2} data-size="sm" id="results-nir">
          {t('programmeAdmin.results.nirHeading')}
        </Heading>
        <Paragraph>{t('programmeAdmin.results.nirIntro')}</Paragraph>
        <div className="button-row">
          <Button
            variant="secondary"
            loading={busy === 'export'}
            disabled={busy !== null}
            onClick={() =>
              void run('export', async () => {
                const r = await onExport();
                setStatus(t('programmeAdmin.results.nirExported', { file: r.filename, count: r.participants }));
              })
            }
          >
            {t('programmeAdmin.results.nirExport')}
          </Button>
        </div>
        <Heading level={3} data-size="xs" id="results-compare">
          {t('programmeAdmin.results.compareHeading')}
        </Heading>
        <form
          className="form narrow"
          onSubmit={(e) => {
            e.preventDefault();
            if (!file) {
              setFileError(t('programmeAdmin.results.compareChoose'));
              document.getElementById('nir-file')?.focus();
              return;
            }
            setFileError(undefined);
            void run('compare', async () => setComparison(await onCompare(await file.text())));
          }}
        >
          <div className="ds-field">
            <label htmlFor="nir-file" className="ds-label">
              {t('programmeAdmin.results.compareFile')}
            </label>
            <p id="nir-file-description" className="ds-paragraph" data-size="sm">
              {t('programmeAdmin.results.compareHint')}
            </p>
            <input
              id="nir-file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby={fileError ? 'nir-file-description nir-file-error' : 'nir-file-description'}
              aria-invalid={fileError ? true : undefined}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            {fileError ? (
              <p id="nir-file-error" className="ds-validation-message" data-color="danger">
                {fileError}
              </p>
            ) : null}
          </div>
          <div className="button-row">
            <Button type="submit" variant="primary" loading={busy === 'compare'} disabled={busy !== null}>
              {t('programmeAdmin.results.compare')}
            </Button>
          </div>
        </form>
        {comparison ? (
          <div role="region" aria-labelledby="results-compare">
            <Paragraph>{t('programmeAdmin.results.matched', { count: comparison.matched })}</Paragraph>
            {comparison.problems.length > 0 ? (
              <>
                <Heading level={4} data-size="2xs">
                  {t('programmeAdmin.results.problemsHeading')}
                </Heading>
                <ul>
                  {comparison.problems.map((p, i) => (
                    <li key={i} lang="en">
                      {t('programmeAdmin.results.problem', { line: p.line, column: p.column ?? '', message: p.message })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {comparison.differences.length === 0 ? (
              <Paragraph>{t('programmeAdmin.results.noDifferences')}</Paragraph>
            ) : (
              <Table zebra border data-size="sm">
                <caption>{t('programmeAdmin.results.differencesCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('programmeAdmin.results.person')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('programmeAdmin.results.line')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('programmeAdmin.results.field')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('programmeAdmin.results.eidor')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('programmeAdmin.results.nir')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {comparison.differences.map((d, i) => (
                    <Table.Row key={i}>
                      <Table.HeaderCell scope="row">{d.name ? <bdi>{d.name}</bdi> : t('programmeAdmin.results.onlyNir')}</Table.HeaderCell>
                      <Table.Cell>{d.line ?? '–'}</Table.Cell>
                      <Table.Cell>{fieldLabel(d.field)}</Table.Cell>
                      <Table.Cell>{d.eidor ?? t('programmeAdmin.results.missingValue')}</Table.Cell>
                      <Table.Cell>{d.nir ?? t('programmeAdmin.results.missingValue')}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            )}
          </div>
        ) : null}
      </section>
    </>
  );
}
