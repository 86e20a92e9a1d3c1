import { useMemo } from 'react';
import { Alert, Card, Heading, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@eidor/contract';
import { Chart } from '../../components/chart/Chart.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useFormatDate, useFormatDateTime, useFormatKroner, useFormatNumber } from '../../i18n/format.ts';
import { overviewChart } from './charts.ts';
import { GrantsNav } from './GrantsNav.tsx';

export type OverviewPageProps = {
  overview: ResponseOf<'grantOverview'>;
  /** May open extra-grant cases (the deadlines link to them). */
  extraGrants: boolean;
};

/**
 * The grant overview (issue 6 § 6): expected vs received per type this year, open extra-grant
 * applications, deadlines in the next 60 days, money at risk, the last reconciliation, and a notice
 * when amounts rest on unverified or estimated rates.
 */
export function OverviewPage({ overview: o, extraGrants }: OverviewPageProps) {
  const { t } = useTranslation();
  const kroner = useFormatKroner();
  const formatNumber = useFormatNumber();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const chart = useMemo(() => overviewChart(o, t, kroner), [o, t, kroner]);
  return (
    <>
      <PageHeading>{t('grants.overview.title')}</PageHeading>
      <GrantsNav extraGrants={extraGrants} />
      <Paragraph>{t('grants.overview.intro', { year: o.year })}</Paragraph>
      {o.rateWarnings > 0 ? (
        <Alert data-color="warning">
          <Paragraph>{t('grants.overview.rateWarnings', { count: o.rateWarnings, year: o.year })}</Paragraph>
          <Paragraph>
            <DsLink asChild>
              <Link to="/grants/rates">{t('grants.overview.toRates')}</Link>
            </DsLink>
          </Paragraph>
        </Alert>
      ) : null}

      <section className="section" aria-labelledby="grants-key">
        <Heading level={2} data-size="sm" id="grants-key">
          {t('grants.overview.keyFigures')}
        </Heading>
        <ul className="cards">
          <li>
            <Card>
              <Paragraph data-size="sm">{t('grants.overview.expected')}</Paragraph>
              <Paragraph data-size="lg">{kroner(o.expected)}</Paragraph>
            </Card>
          </li>
          <li>
            <Card>
              <Paragraph data-size="sm">{t('grants.overview.received')}</Paragraph>
              <Paragraph data-size="lg">{kroner(o.received)}</Paragraph>
            </Card>
          </li>
          <li>
            <Card>
              <Paragraph data-size="sm">{t('grants.overview.openApplications')}</Paragraph>
              <Paragraph data-size="lg">{formatNumber(o.openApplications)}</Paragraph>
            </Card>
          </li>
          <li>
            <Card data-color={o.moneyAtRisk > 0 ? 'danger' : undefined}>
              <Paragraph data-size="sm">{t('grants.overview.moneyAtRisk')}</Paragraph>
              <Paragraph data-size="lg">{kroner(o.moneyAtRisk)}</Paragraph>
              <Paragraph data-size="xs">{t('grants.overview.moneyAtRiskHint')}</Paragraph>
            </Card>
          </li>
          <li>
            <Card>
              <Paragraph data-size="sm">{t('grants.overview.reconciledAt')}</Paragraph>
              <Paragraph data-size="md">{o.reconciledAt ? formatDateTime(o.reconciledAt) : t('grants.overview.neverReconciled', { year: o.year })}</Paragraph>
              <Paragraph data-size="sm">
                <DsLink asChild>
                  <Link to="/grants/reconciliation" search={{ year: o.year }}>
                    {t('grants.overview.toReconciliation')}
                  </Link>
                </DsLink>
              </Paragraph>
            </Card>
          </li>
        </ul>
      </section>

      <section className="section" aria-labelledby="grants-chart">
        <Heading level={2} data-size="sm" id="grants-chart">
          {t('grants.overview.chartHeading')}
        </Heading>
        <Chart option={chart.option} label={chart.summary} />
      </section>

      <section className="section" aria-labelledby="grants-table">
        <Heading level={2} data-size="sm" id="grants-table">
          {t('grants.overview.tableHeading')}
        </Heading>
        <ScrollRegion labelledBy="grants-table">
          <Table zebra border>
            <caption className="ds-sr-only">{t('grants.overview.tableCaption', { year: o.year })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('grants.overview.type')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('grants.overview.expected')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('grants.overview.received')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('grants.overview.difference')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {o.byType.map((b) => (
                <Table.Row key={b.type}>
                  <Table.HeaderCell scope="row">{t(`grants.types.${b.type}`)}</Table.HeaderCell>
                  <Table.Cell>{kroner(b.expected)}</Table.Cell>
                  <Table.Cell>{kroner(b.received)}</Table.Cell>
                  <Table.Cell>{kroner(b.received - b.expected)}</Table.Cell>
                </Table.Row>
              ))}
              <Table.Row>
                <Table.HeaderCell scope="row">{t('grants.overview.total')}</Table.HeaderCell>
                <Table.Cell>{kroner(o.expected)}</Table.Cell>
                <Table.Cell>{kroner(o.received)}</Table.Cell>
                <Table.Cell>{kroner(o.received - o.expected)}</Table.Cell>
              </Table.Row>
            </Table.Body>
          </Table>
        </ScrollRegion>
      </section>

      <section className="section" aria-labelledby="grants-deadlines">
        <Heading level={2} data-size="sm" id="grants-deadlines">
          {t('grants.overview.deadlinesHeading')}
        </Heading>
        {o.deadlines.length === 0 ? (
          <Paragraph>{t('grants.overview.noDeadlines')}</Paragraph>
        ) : (
          <ScrollRegion labelledBy="grants-deadlines">
            <Table zebra border data-size="sm">
              <caption className="ds-sr-only">{t('grants.overview.deadlinesCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('grants.overview.due')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('grants.overview.application')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('grants.overview.atRisk')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {o.deadlines.map((d, i) => (
                  <Table.Row key={`${d.caseId ?? ''}:${d.due}:${i}`}>
                    <Table.Cell>{formatDate(d.due)}</Table.Cell>
                    <Table.Cell>
                      {d.caseId && extraGrants ? (
                        <DsLink asChild>
                          <Link to="/extra-grants/cases/$id" params={{ id: d.caseId }}>
                            <bdi>{d.title}</bdi>
                          </Link>
                        </DsLink>
                      ) : (
                        <bdi>{d.title}</bdi>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {d.amountAtRisk !== null ? (
                        <Tag data-color="danger" data-size="sm">
                          {kroner(d.amountAtRisk)}
                        </Tag>
                      ) : (
                        t('grants.overview.notAtRisk')
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        )}
        {extraGrants ? (
          <Paragraph>
            <DsLink asChild>
              <Link to="/extra-grants">{t('grants.overview.toExtraGrants')}</Link>
            </DsLink>
          </Paragraph>
        ) : null}
      </section>
    </>
  );
}
