import { useMemo } from 'react';
import { Heading, Link as DsLink, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@eidor/contract';
import { daysBetween } from '@eidor/domain';
import type { TFunction } from 'i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { Chart } from '../../components/chart/Chart.tsx';
import type { ChartOption } from '../../components/chart/echarts.ts';
import { SelectField } from '../../components/form/SelectField.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useFormatDate, useFormatKroner, useFormatNumber } from '../../i18n/format.ts';
import { localeOf } from '../../i18n/index.ts';
import { useSettlementLabels } from '../settlement/labels.ts';
import { HousingNav } from './HousingNav.tsx';

export type Vacancy = ResponseOf<'housingVacancy'>;

export type VacancyPageProps = {
  year: number;
  years: number[];
  vacancy: Vacancy | undefined;
  loading: boolean;
  error: unknown;
  onYear: (year: number) => void;
};

/** Month names in the UI language, January first. */
export function monthNames(language: string): string[] {
  const format = new Intl.DateTimeFormat(localeOf(language), { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => format.format(new Date(Date.UTC(2026, m, 1))));
}

/** The chart of what empty waiting dwellings cost per month, and its summary in words. */
export function costChart(v: Vacancy, months: string[], t: TFunction, formatKroner: (n: number) => string): { option: ChartOption; summary: string } {
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.slice(0, 3)) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatKroner(value) } },
    series: [{ name: t('housing.vacancy.costSeries'), type: 'bar', data: v.waitingCostByMonth }],
  };
  const highest = v.waitingCostByMonth.reduce((best, cost, i) => (cost > (v.waitingCostByMonth[best] ?? 0) ? i : best), 0);
  const summary =
    v.waitingCostYear === 0
      ? t('housing.vacancy.chartNone', { year: v.year })
      : t('housing.vacancy.chartSummary', { year: v.year, total: formatKroner(v.waitingCostYear), month: months[highest], cost: formatKroner(v.waitingCostByMonth[highest] ?? 0) });
  return { option, summary };
}

/** Vacant dwellings now, and what empty waiting dwellings cost per month and per year. */
export function VacancyPage({ year, years, vacancy, loading, error, onYear }: VacancyPageProps) {
  const { t, i18n } = useTranslation();
  const labels = useSettlementLabels();
  const formatDate = useFormatDate();
  const formatKroner = useFormatKroner();
  const formatNumber = useFormatNumber();
  const months = useMemo(() => monthNames(i18n.resolvedLanguage ?? i18n.language), [i18n.resolvedLanguage, i18n.language]);
  const chart = useMemo(() => (vacancy ? costChart(vacancy, months, t, formatKroner) : null), [vacancy, months, t, formatKroner]);
  return (
    <>
      <PageHeading>{t('housing.vacancy.title')}</PageHeading>
      <HousingNav />
      <Paragraph>{t('housing.vacancy.intro')}</Paragraph>
      {error ? <ApiErrorAlert error={error} /> : null}
      <div role="status">{!vacancy && loading ? <Spinner aria-label={t('common.loading')} /> : null}</div>
      {vacancy ? (
        <>
          <section className="section" aria-labelledby="vacancy-now">
            <Heading level={2} data-size="sm" id="vacancy-now">
              {t('housing.vacancy.nowHeading', { date: formatDate(vacancy.asOf) })}
            </Heading>
            <Paragraph>{t('housing.vacancy.perMonthNow', { amount: formatKroner(vacancy.waitingCostPerMonthNow) })}</Paragraph>
            {vacancy.vacant.length === 0 ? (
              <Paragraph>{t('housing.vacancy.none')}</Paragraph>
            ) : (
              <ScrollRegion labelledBy="vacancy-now">
                <Table zebra border>
                  <caption className="ds-sr-only">{t('housing.vacancy.vacantCaption')}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('housing.fields.address')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('housing.fields.kind')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('housing.fields.rooms')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('housing.fields.monthlyRent')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('housing.vacancy.since')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {vacancy.vacant.map((v) => (
                      <Table.Row key={v.id}>
                        <Table.HeaderCell scope="row">
                          <DsLink asChild>
                            <Link to="/housing/$id" params={{ id: v.id }}>
                              {v.address}
                            </Link>
                          </DsLink>
                        </Table.HeaderCell>
                        <Table.Cell>{labels.dwellingKind(v.kind)}</Table.Cell>
                        <Table.Cell>{v.rooms}</Table.Cell>
                        <Table.Cell>{formatKroner(v.monthlyRent)}</Table.Cell>
                        <Table.Cell>
                          {v.vacantSince
                            ? t('housing.vacancy.sinceDays', { date: formatDate(v.vacantSince), count: Math.max(0, daysBetween(v.vacantSince, vacancy.asOf)), n: formatNumber(Math.max(0, daysBetween(v.vacantSince, vacancy.asOf))) })
                            : '–'}
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </ScrollRegion>
            )}
          </section>

          <section className="section" aria-labelledby="vacancy-cost">
            <Heading level={2} data-size="sm" id="vacancy-cost">
              {t('housing.vacancy.costHeading')}
            </Heading>
            <Paragraph data-size="sm">{t('housing.vacancy.costIntro')}</Paragraph>
            <div className="filter-grid">
              <SelectField id="vacancy-year" label={t('housing.vacancy.year')} value={String(year)} onChange={(e) => onYear(Number(e.target.value))}>
                {years.map((y) => (
                  <option key={y} value={String(y)}>
                    {y}
                  </option>
                ))}
              </SelectField>
            </div>
            <Paragraph>{t('housing.vacancy.perYear', { year: vacancy.year, amount: formatKroner(vacancy.waitingCostYear) })}</Paragraph>
            {chart ? <Chart option={chart.option} label={chart.summary} height={240} /> : null}
            <Table zebra border data-size="sm">
              <caption>{t('housing.vacancy.costCaption', { year: vacancy.year })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('housing.vacancy.month')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('housing.vacancy.cost')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {vacancy.waitingCostByMonth.map((cost, m) => (
                  <Table.Row key={m}>
                    <Table.HeaderCell scope="row">{months[m]}</Table.HeaderCell>
                    <Table.Cell>{formatKroner(cost)}</Table.Cell>
                  </Table.Row>
                ))}
                <Table.Row>
                  <Table.HeaderCell scope="row">{t('housing.vacancy.total')}</Table.HeaderCell>
                  <Table.Cell>{formatKroner(vacancy.waitingCostYear)}</Table.Cell>
                </Table.Row>
              </Table.Body>
            </Table>
          </section>
        </>
      ) : null}
    </>
  );
}
