import { useState } from 'react';
import { Alert, Button, Checkbox, Details, Heading, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { PayrollExport } from '@eidor/contract';
import { isApiError } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDateTime } from '../../i18n/format.ts';
import { AdminNav } from './AdminNav.tsx';
import { useFormatOre } from './money.ts';
import { statusColor, type RunView } from './PaymentRunsPage.tsx';

export type PaymentRunPageProps = {
  run: RunView;
  /** Whether the user holds payments.approve: the button is shown, and the server says no to one's own run. */
  mayApprove: boolean;
  /** Whether the user prepared this run (the name the server gives matches the user's). */
  preparedByMe: boolean;
  onApprove: (decisionsMade: boolean) => Promise<RunView>;
  onExport: () => Promise<z.output<typeof PayrollExport>>;
  onPrepareAgain: () => Promise<RunView>;
  onReload: () => Promise<void>;
};

/** One month's run: every participant's amount explained line by line, approval by another person, export and lock. */
export function PaymentRunPage({ run, mayApprove, preparedByMe, onApprove, onExport, onPrepareAgain, onReload }: PaymentRunPageProps) {
  const { t, i18n } = useTranslation();
  const formatOre = useFormatOre();
  const formatDateTime = useFormatDateTime();
  const [decisions, setDecisions] = useState(false);
  const [decisionsError, setDecisionsError] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [refused, setRefused] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState<'approve' | 'export' | 'prepare' | null>(null);
  const needDecision = run.lines.filter((l) => l.decisionRequired).length;

  const act = async (kind: 'approve' | 'export' | 'prepare', fn: () => Promise<void>) => {
    setFailure(null);
    setRefused(false);
    setStatus('');
    setBusy(kind);
    try {
      await fn();
    } catch (err) {
      if (isApiError(err) && err.code === 'FORBIDDEN' && kind === 'approve') setRefused(true);
      else if (isApiError(err) && err.fields.some((f) => f.path === 'decisionsMade')) setDecisionsError(true);
      else setFailure(err);
    } finally {
      setBusy(null);
    }
  };

  const label = (code: string) => {
    if (code.startsWith('coordination_')) return t('programmeAdmin.payments.codes.coordination', { kind: code.slice('coordination_'.length) });
    return i18n.exists(`programmeAdmin.payments.codes.${code}`) ? t(`programmeAdmin.payments.codes.${code}` as never) : code;
  };

  return (
    <>
      <PageHeading>{t('programmeAdmin.payments.run.title', { month: run.month })}</PageHeading>
      <AdminNav />
      <Paragraph>
        <DsLink asChild>
          <Link to="/programme/payments">{t('programmeAdmin.payments.run.back')}</Link>
        </DsLink>
      </Paragraph>

      <section className="section" aria-labelledby="run-summary">
        <Heading level={2} data-size="sm" id="run-summary">
          {t('programmeAdmin.payments.run.summary')}
        </Heading>
        <Paragraph>
          <Tag data-color={statusColor(run.status)}>{t(`programmeAdmin.payments.statuses.${run.status}`)}</Tag>
        </Paragraph>
        <dl className="facts">
          <dt>{t('programmeAdmin.payments.participants')}</dt>
          <dd>{run.participants}</dd>
          <dt>{t('programmeAdmin.payments.total')}</dt>
          <dd>{formatOre(run.totalNet)}</dd>
          <dt>{t('programmeAdmin.payments.preparedBy')}</dt>
          <dd>{t('programmeAdmin.payments.run.preparedAt', { at: formatDateTime(run.preparedAt), by: run.preparedBy ?? '–' })}</dd>
          {run.approvedAt ? (
            <>
              <dt>{t('programmeAdmin.payments.approvedBy')}</dt>
              <dd>{t('programmeAdmin.payments.run.approvedAt', { at: formatDateTime(run.approvedAt), by: run.approvedBy ?? '–' })}</dd>
            </>
          ) : null}
          {run.exportedAt ? (
            <>
              <dt>{t('programmeAdmin.payments.statuses.exported')}</dt>
              <dd>{t('programmeAdmin.payments.run.exportedAt', { at: formatDateTime(run.exportedAt) })}</dd>
            </>
          ) : null}
        </dl>

        <StatusMessage>{status}</StatusMessage>
        {failure ? <ApiErrorAlert error={failure} onReload={onReload} /> : null}
        {refused ? (
          <Alert data-color="danger" role="alert">
            <Paragraph>{t('programmeAdmin.payments.run.selfRefused')}</Paragraph>
          </Alert>
        ) : null}
        {run.status === 'exported' ? (
          <Alert data-color="info">
            <Paragraph>{t('programmeAdmin.payments.run.locked')}</Paragraph>
          </Alert>
        ) : null}

        {run.status === 'prepared' ? (
          <>
            {preparedByMe ? (
              <Alert data-color="warning">
                <Paragraph>{t('programmeAdmin.payments.run.selfPrepared')}</Paragraph>
              </Alert>
            ) : !mayApprove ? (
              <Paragraph>{t('programmeAdmin.payments.run.needsApproval')}</Paragraph>
            ) : null}
            {mayApprove && needDecision > 0 ? (
              <Checkbox
                id="run-decisions"
                label={t('programmeAdmin.payments.run.decisions', { count: needDecision })}
                checked={decisions}
                onChange={(e) => {
                  setDecisions(e.target.checked);
                  setDecisionsError(false);
                }}
                error={decisionsError ? t('programmeAdmin.payments.run.decisionsRequired') : undefined}
              />
            ) : null}
            <div className="button-row">
              {mayApprove ? (
                <Button
                  variant="primary"
                  loading={busy === 'approve'}
                  disabled={busy !== null}
                  onClick={() =>
                    void act('approve', async () => {
                      await onApprove(decisions);
                      setStatus(t('programmeAdmin.payments.run.approved'));
                    })
                  }
                >
                  {t('programmeAdmin.payments.run.approve')}
                </Button>
              ) : null}
              {run.can.prepareAgain ? (
                <Button
                  variant="secondary"
                  loading={busy === 'prepare'}
                  disabled={busy !== null}
                  onClick={() =>
                    void act('prepare', async () => {
                      await onPrepareAgain();
                      setStatus(t('programmeAdmin.payments.run.prepared', { month: run.month }));
                    })
                  }
                >
                  {t('programmeAdmin.payments.run.prepareAgain')}
                </Button>
              ) : null}
            </div>
          </>
        ) : null}
        {run.status === 'approved' && run.can.export ? (
          <div className="button-row">
            <Button
              variant="primary"
              loading={busy === 'export'}
              disabled={busy !== null}
              onClick={() =>
                void act('export', async () => {
                  const file = await onExport();
                  setStatus(t('programmeAdmin.payments.run.exported', { file: file.filename }));
                })
              }
            >
              {t('programmeAdmin.payments.run.export')}
            </Button>
          </div>
        ) : null}
      </section>

      <section className="section" aria-labelledby="run-lines">
        <Heading level={2} data-size="sm" id="run-lines">
          {t('programmeAdmin.payments.run.linesHeading')}
        </Heading>
        <ScrollRegion labelledBy="run-lines">
          <Table zebra border className="wide-table">
            <caption className="ds-sr-only">{t('programmeAdmin.payments.run.linesCaption', { month: run.month })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('programmeAdmin.payments.run.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programmeAdmin.payments.run.gross')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programmeAdmin.payments.run.absence')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programmeAdmin.payments.run.coordination')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programmeAdmin.payments.run.recovered')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programmeAdmin.payments.run.net')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programmeAdmin.payments.run.decision')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {run.lines.map((l) => (
                <Table.Row key={l.personId}>
                  <Table.HeaderCell scope="row">
                    <bdi>{l.name}</bdi>
                  </Table.HeaderCell>
                  <Table.Cell className="amount">{formatOre(l.gross)}</Table.Cell>
                  <Table.Cell className="amount">{formatOre(l.absenceDeduction)}</Table.Cell>
                  <Table.Cell className="amount">{formatOre(l.coordinationDeduction)}</Table.Cell>
                  <Table.Cell className="amount">{formatOre(l.recovered)}</Table.Cell>
                  <Table.Cell className="amount">{formatOre(l.net)}</Table.Cell>
                  <Table.Cell>
                    {l.decisionRequired ? (
                      <Tag data-color="danger" data-size="sm">
                        {t('programmeAdmin.payments.run.decisionRequired')}
                      </Tag>
                    ) : (
                      t('programmeAdmin.payments.run.decisionNo')
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
        {run.lines.map((l) => (
          <Details key={l.personId}>
            <Details.Summary>{t('programmeAdmin.payments.run.explain', { name: l.name })}</Details.Summary>
            <Details.Content>
              <Table border data-size="sm">
                <caption>{t('programmeAdmin.payments.run.explainCaption', { name: l.name })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('programmeAdmin.payments.run.line')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('programmeAdmin.payments.run.explanation')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('programmeAdmin.payments.run.amount')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {l.lines.map((x, i) => (
                    <Table.Row key={i}>
                      <Table.HeaderCell scope="row">{label(x.code)}</Table.HeaderCell>
                      <Table.Cell lang="en">{x.text}</Table.Cell>
                      <Table.Cell className="amount">{formatOre(x.amount)}</Table.Cell>
                    </Table.Row>
                  ))}
                  <Table.Row>
                    <Table.HeaderCell scope="row">{t('programmeAdmin.payments.run.net')}</Table.HeaderCell>
                    <Table.Cell />
                    <Table.Cell className="amount">{formatOre(l.net)}</Table.Cell>
                  </Table.Row>
                </Table.Body>
              </Table>
            </Details.Content>
          </Details>
        ))}
      </section>
    </>
  );
}
