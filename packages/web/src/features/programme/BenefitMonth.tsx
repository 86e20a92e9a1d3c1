import { useId, useState } from 'react';
import { Alert, Button, Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@eidor/contract';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { isApiError } from '../../api/client.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useFormatDate } from '../../i18n/format.ts';
import { useFormatOre } from './money.ts';
import { programmeServerMessage } from './server-messages.ts';

export type Benefit = ResponseOf<'getBenefit'>;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** What a line's code means, in the user's language (the server's text explains the figures). */
function useLineLabel() {
  const { t, i18n } = useTranslation();
  return (code: string) => {
    if (code.startsWith('coordination_')) {
      const kind = code.slice('coordination_'.length);
      const name = i18n.exists(`programme.benefitKinds.${kind}`) ? t(`programme.benefitKinds.${kind as 'wages'}`) : kind;
      return t('programme.benefit.codes.coordination', { kind: name });
    }
    return i18n.exists(`programme.benefit.codes.${code}`) ? t(`programme.benefit.codes.${code as 'benefit'}`) : code;
  };
}

export type BenefitMonthProps = {
  initialMonth: string;
  load: (month: string) => Promise<Benefit>;
  /** Offer the deduction letter for a month whose deduction needs a decision. */
  onDeductionLetter?: ((month: string) => Promise<void>) | undefined;
};

/**
 * The benefit for one month, line by line as the server computed it: each part of the month with its
 * G and rate (a month crossing 1 May or the 25th birthday has a line per part), deductions for
 * unexcused absence, coordination with other benefits and recovery, and whether the deduction needs
 * an individual decision. Reading it is logged, so it is fetched when asked for.
 */
export function BenefitMonth({ initialMonth, load, onDeductionLetter }: BenefitMonthProps) {
  const { t } = useTranslation();
  const formatOre = useFormatOre();
  const formatDate = useFormatDate();
  const lineLabel = useLineLabel();
  const resultId = useId();
  const [month, setMonth] = useState(initialMonth);
  const [state, setState] = useState<{ pending: boolean; data: Benefit | null; error: unknown; monthError: string | undefined }>({ pending: false, data: null, error: null, monthError: undefined });
  const monthLabel = t('programme.benefit.month');
  const [letter, setLetter] = useState<{ pending: boolean; error: unknown }>({ pending: false, error: null });
  const deductionLetter = async (m: string) => {
    if (!onDeductionLetter) return;
    setLetter({ pending: true, error: null });
    try {
      await onDeductionLetter(m);
      setLetter({ pending: false, error: null });
    } catch (error) {
      setLetter({ pending: false, error });
    }
  };

  const show = async () => {
    if (!MONTH.test(month)) {
      setState({ pending: false, data: null, error: null, monthError: t('programme.benefit.monthInvalid') });
      return;
    }
    setState({ pending: true, data: null, error: null, monthError: undefined });
    try {
      setState({ pending: false, data: await load(month), error: null, monthError: undefined });
    } catch (error) {
      const field = isApiError(error) ? error.fields.find((f) => f.path === 'month') : undefined;
      setState({ pending: false, data: null, error: field ? null : error, monthError: field ? programmeServerMessage(field, monthLabel, t, formatDate) : undefined });
    }
  };

  const b = state.data;
  const benefitLines = b?.lines.filter((l) => l.code === 'benefit') ?? [];
  return (
    <section className="section" aria-labelledby="programme-benefit">
      <Heading level={2} data-size="sm" id="programme-benefit">
        {t('programme.benefit.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('programme.benefit.intro')}</Paragraph>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void show();
        }}
      >
        <TextField id="benefit-month" label={monthLabel} description={t('programme.benefit.monthHint')} type="month" className="input-short" value={month} error={state.monthError} onChange={(e) => setMonth(e.target.value)} />
        <div className="button-row">
          <Button type="submit" loading={state.pending} disabled={state.pending} aria-controls={resultId}>
            {t('programme.benefit.show')}
          </Button>
        </div>
      </form>
      <div id={resultId} aria-busy={state.pending}>
        {state.pending ? (
          <div role="status">
            <Spinner aria-label={t('common.loading')} />
          </div>
        ) : null}
        {state.error ? <ApiErrorAlert error={state.error} /> : null}
        {b ? (
          <>
            {benefitLines.length > 1 ? <Paragraph className="mt">{t('programme.benefit.split', { count: benefitLines.length })}</Paragraph> : null}
            <ScrollRegion labelledBy={`${resultId}-caption`}>
              <Table zebra border data-size="sm" className="wide-table mt">
                <caption id={`${resultId}-caption`}>{t('programme.benefit.caption', { month: b.month })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('programme.benefit.what')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('programme.benefit.explanation')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">
                      {t('programme.benefit.amount')}
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {b.lines.map((l, i) => (
                    <Table.Row key={i}>
                      <Table.HeaderCell scope="row">{lineLabel(l.code)}</Table.HeaderCell>
                      {/* The server explains the arithmetic in English. */}
                      <Table.Cell lang="en">{l.text}</Table.Cell>
                      <Table.Cell style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>{formatOre(l.amount)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollRegion>
            <dl className="facts mt">
              <dt>{t('programme.benefit.gross')}</dt>
              <dd>{formatOre(b.gross)}</dd>
              <dt>{t('programme.benefit.absenceDeduction')}</dt>
              <dd>{formatOre(b.absenceDeduction)}</dd>
              <dt>{t('programme.benefit.coordinationDeduction')}</dt>
              <dd>{formatOre(b.coordinationDeduction)}</dd>
              <dt>{t('programme.benefit.recovered')}</dt>
              <dd>{formatOre(b.recovered)}</dd>
              <dt>{t('programme.benefit.net')}</dt>
              <dd>
                <strong>{formatOre(b.net)}</strong>
              </dd>
            </dl>
            {b.decisionRequired ? (
              <Alert data-color="warning" className="mt">
                <Heading level={3} data-size="2xs">
                  {t('programme.benefit.decisionHeading')}
                </Heading>
                <Paragraph>{t('programme.benefit.decisionBody')}</Paragraph>
                {letter.error ? <ApiErrorAlert error={letter.error} /> : null}
                {onDeductionLetter ? (
                  <Button variant="secondary" data-size="sm" loading={letter.pending} disabled={letter.pending} onClick={() => void deductionLetter(b.month)}>
                    {t('programme.benefit.deductionLetter')}
                  </Button>
                ) : null}
              </Alert>
            ) : (
              <Paragraph data-size="sm" className="mt">
                {t('programme.benefit.noDecision')}
              </Paragraph>
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}
