import { useState } from 'react';
import { Button, Heading, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { PaymentRunListResponse, PaymentRunView } from '@eidor/contract';
import { isApiError } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useFormatDateTime } from '../../i18n/format.ts';
import { AdminNav } from './AdminNav.tsx';
import { useFormatOre } from './money.ts';

type Runs = z.output<typeof PaymentRunListResponse>;
export type RunView = z.output<typeof PaymentRunView>;

export type PaymentRunsPageProps = {
  runs: Runs;
  /** The month to suggest: the one before this month (the benefit is paid in arrears). */
  suggestedMonth: string;
  onPrepare: (month: string) => Promise<RunView>;
};

export function statusColor(status: RunView['status']): 'info' | 'warning' | 'success' {
  return status === 'exported' ? 'success' : status === 'approved' ? 'info' : 'warning';
}

/** The monthly payment runs and the way to prepare the next one. */
export function PaymentRunsPage({ runs, suggestedMonth, onPrepare }: PaymentRunsPageProps) {
  const { t } = useTranslation();
  const formatOre = useFormatOre();
  const formatDateTime = useFormatDateTime();
  const [month, setMonth] = useState(suggestedMonth);
  const [monthError, setMonthError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const prepare = async () => {
    setFailure(null);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month.trim())) {
      setMonthError(t('programmeAdmin.payments.monthInvalid'));
      document.getElementById('run-month')?.focus();
      return;
    }
    setMonthError(undefined);
    setBusy(true);
    try {
      await onPrepare(month.trim());
    } catch (err) {
      const field = isApiError(err) ? err.fields.find((f) => f.path === 'month') : undefined;
      if (field) setMonthError(field.message.startsWith('is locked') ? t('programmeAdmin.payments.monthLocked') : /G \(grunnbeløp\)/.test(field.message) ? t('programmeAdmin.payments.gMissing') : field.message);
      else setFailure(err);
      if (field) document.getElementById('run-month')?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading>{t('programmeAdmin.payments.title')}</PageHeading>
      <AdminNav />
      <Paragraph>{t('programmeAdmin.payments.intro')}</Paragraph>

      {runs.can.prepare ? (
        <section className="section" aria-labelledby="prepare-heading">
          <Heading level={2} data-size="sm" id="prepare-heading">
            {t('programmeAdmin.payments.prepareHeading')}
          </Heading>
          <form
            className="form narrow"
            onSubmit={(e) => {
              e.preventDefault();
              void prepare();
            }}
          >
            <TextField id="run-month" label={t('programmeAdmin.payments.month')} description={t('programmeAdmin.payments.monthHint')} value={month} error={monthError} onChange={(e) => setMonth(e.target.value)} className="input-short" />
            {failure ? <ApiErrorAlert error={failure} /> : null}
            <div className="button-row">
              <Button type="submit" variant="primary" loading={busy} disabled={busy}>
                {t('programmeAdmin.payments.prepare')}
              </Button>
            </div>
          </form>
        </section>
      ) : null}

      <section className="section" aria-labelledby="runs-heading">
        <Heading level={2} data-size="sm" id="runs-heading">
          {t('programmeAdmin.payments.runsHeading')}
        </Heading>
        {runs.items.length === 0 ? (
          <Paragraph>{t('programmeAdmin.payments.none')}</Paragraph>
        ) : (
          <ScrollRegion labelledBy="runs-heading">
            <Table zebra border className="wide-table">
              <caption className="ds-sr-only">{t('programmeAdmin.payments.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('programmeAdmin.payments.month')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('programmeAdmin.payments.status')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('programmeAdmin.payments.participants')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('programmeAdmin.payments.total')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('programmeAdmin.payments.preparedBy')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('programmeAdmin.payments.approvedBy')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {runs.items.map((r) => (
                  <Table.Row key={r.id}>
                    <Table.HeaderCell scope="row">
                      <DsLink asChild>
                        <Link to="/programme/payments/$id" params={{ id: r.id }} aria-label={t('programmeAdmin.payments.open', { month: r.month })}>
                          {r.month}
                        </Link>
                      </DsLink>
                    </Table.HeaderCell>
                    <Table.Cell>
                      <Tag data-color={statusColor(r.status)} data-size="sm">
                        {t(`programmeAdmin.payments.statuses.${r.status}`)}
                      </Tag>
                    </Table.Cell>
                    <Table.Cell>{r.participants}</Table.Cell>
                    <Table.Cell className="amount">{formatOre(r.totalNet)}</Table.Cell>
                    <Table.Cell>
                      {r.preparedBy ?? '–'} ({formatDateTime(r.preparedAt)})
                    </Table.Cell>
                    <Table.Cell>{r.approvedBy ?? '–'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}
