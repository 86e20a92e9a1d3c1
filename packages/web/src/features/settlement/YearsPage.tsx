import { useMemo, useState } from 'react';
import { Button, Checkbox, Details, Fieldset, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { LIMITS, SettlementYearFields, type SettlementYearView } from '@eidor/contract';
import { SETTLED_CATEGORIES } from '@eidor/domain';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { Chart } from '../../components/chart/Chart.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { labelsFrom, useContractForm } from '../../components/form/use-contract-form.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate, useFormatNumber } from '../../i18n/format.ts';
import { countsAgainstDecision, useSettlementLabels } from './labels.ts';
import { SettlementNav } from './SettlementNav.tsx';
import { yearChart } from './year-chart.ts';
import { checkYear, yearFieldsFrom, yearFormFrom, yearFormPath, yearServerMessage, type YearFields, type YearFormValues } from './year-form.ts';

export type YearsPageProps = {
  years: SettlementYearView[];
  canEdit: boolean;
  /** This year in Oslo: a new year is offered as the next one. */
  thisYear: number;
  onSave: (year: number, fields: YearFields, version: number | null) => Promise<SettlementYearView>;
  onReload: () => Promise<void>;
};

/**
 * Yearly numbers: IMDi's request, the council's decision and how many have been settled, per
 * category, with how far each year is from its decision. A chart and the same numbers as tables.
 */
export function YearsPage({ years, canEdit, thisYear, onSave, onReload }: YearsPageProps) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const formatDate = useFormatDate();
  const [status, setStatus] = useState('');
  // The year being edited; 'new' asks for the year in the form.
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const chart = useMemo(() => yearChart(years, t, formatNumber), [years, t, formatNumber]);
  const nextYear = Math.max(thisYear, ...years.map((y) => y.year)) + 1;
  const editingYear = editing === 'new' ? nextYear : editing;
  const n = (v: number | null) => (v === null ? '–' : formatNumber(v));

  return (
    <>
      <PageHeading>{t('settlement.years.title')}</PageHeading>
      <SettlementNav />
      <Paragraph>{t('settlement.years.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {canEdit ? (
        <div className="button-row page-actions">
          <Button variant="primary" onClick={() => setEditing('new')}>
            {t('settlement.years.new')}
          </Button>
        </div>
      ) : null}

      <section className="section" aria-labelledby="years-chart">
        <Heading level={2} data-size="sm" id="years-chart">
          {t('settlement.years.chart.heading')}
        </Heading>
        <Paragraph data-size="sm">{t('settlement.years.chart.intro')}</Paragraph>
        <Chart option={chart.option} label={chart.summary} />
      </section>

      <section className="section" aria-labelledby="years-table">
        <Heading level={2} data-size="sm" id="years-table">
          {t('settlement.years.table.heading')}
        </Heading>
        <Paragraph data-size="sm">{t('settlement.years.table.umNote')}</Paragraph>
        <ScrollRegion labelledBy="years-table">
          <Table zebra border className="wide-table">
            <caption className="ds-sr-only">{t('settlement.years.table.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('settlement.years.table.year')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('settlement.years.table.requested')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('settlement.years.table.decided')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('settlement.years.table.decisionDate')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('settlement.years.table.counted')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('settlement.years.table.remaining')}</Table.HeaderCell>
                {canEdit ? <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {years.map((y) => (
                <Table.Row key={y.year}>
                  <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
                  <Table.Cell>{y.requestedTotal === null ? '–' : t('settlement.years.table.withUm', { total: n(y.requestedTotal), um: n(y.requestedUnaccompanied) })}</Table.Cell>
                  <Table.Cell>
                    {y.decidedTotal === null
                      ? t('settlement.years.table.noDecision')
                      : t('settlement.years.table.withUm', { total: n(y.decidedTotal), um: y.acceptsUnaccompanied === false ? '0' : n(y.decidedUnaccompanied) })}
                  </Table.Cell>
                  <Table.Cell>{y.decisionDate ? formatDate(y.decisionDate) : '–'}</Table.Cell>
                  <Table.Cell>{t('settlement.years.table.countedUm', { counted: n(y.counted), um: n(y.unaccompanied) })}</Table.Cell>
                  <Table.Cell>
                    <Remaining year={y} />
                  </Table.Cell>
                  {canEdit ? (
                    <Table.Cell>
                      <Button variant="tertiary" data-size="sm" onClick={() => setEditing(y.year)}>
                        {y.version === null ? t('settlement.years.record', { year: y.year }) : t('settlement.years.edit', { year: y.year })}
                      </Button>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      </section>

      <section className="section" aria-labelledby="years-categories">
        <Heading level={2} data-size="sm" id="years-categories">
          {t('settlement.years.categories.heading')}
        </Heading>
        <Paragraph data-size="sm">{t('settlement.years.categories.intro')}</Paragraph>
        {years.map((y) => (
          <YearCategories key={y.year} year={y} />
        ))}
      </section>

      <FormDialog
        open={editingYear !== null}
        title={editing === 'new' ? t('settlement.years.newHeading') : t('settlement.years.editHeading', { year: editingYear ?? '' })}
        onClose={() => setEditing(null)}
        wide
      >
        {({ reloaded, close }) =>
          editingYear !== null ? (
            <YearForm
              key={`${editing}:${years.find((y) => y.year === editingYear)?.version ?? 'new'}`}
              askYear={editing === 'new'}
              defaults={yearFormFrom(editingYear, editing === 'new' ? undefined : years.find((y) => y.year === editingYear))}
              onSubmit={async (year, fields) => {
                setStatus('');
                // A year already recorded is changed with its version, even when entered as "new".
                const known = years.find((y) => y.year === year);
                await onSave(year, fields, known?.version ?? null);
                close();
                setStatus(t('settlement.years.saved', { year }));
              }}
              onCancel={close}
              onReload={reloaded(onReload)}
            />
          ) : null
        }
      </FormDialog>
    </>
  );
}

/** How far the year is from its decision, in words as well as the number. */
function Remaining({ year }: { year: SettlementYearView }) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  if (year.remaining === null) return <>{t('settlement.years.table.noDecision')}</>;
  const share = year.share === null ? '' : ` (${t('settlement.years.table.share', { share: formatNumber(Math.round(year.share * 100)) })})`;
  if (year.remaining > 0) return <>{t('settlement.years.table.left', { count: year.remaining, n: formatNumber(year.remaining) }) + share}</>;
  if (year.remaining === 0) return <>{t('settlement.years.table.reached') + share}</>;
  return <>{t('settlement.years.table.over', { count: -year.remaining, n: formatNumber(-year.remaining) }) + share}</>;
}

function YearCategories({ year }: { year: SettlementYearView }) {
  const { t } = useTranslation();
  const labels = useSettlementLabels();
  const formatNumber = useFormatNumber();
  const captionId = `year-${year.year}-categories`;
  return (
    <Details>
      <Details.Summary>{t('settlement.years.categories.summary', { year: year.year, count: year.counted, n: formatNumber(year.counted) })}</Details.Summary>
      <Details.Content>
        <Table zebra border data-size="sm">
          <caption id={captionId}>{t('settlement.years.categories.caption', { year: year.year })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('settlement.years.categories.category')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('settlement.years.categories.settled')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('settlement.years.categories.counts')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {SETTLED_CATEGORIES.map((c) => (
              <Table.Row key={c}>
                <Table.HeaderCell scope="row">{labels.category(c)}</Table.HeaderCell>
                <Table.Cell>{formatNumber(year.settled[c] ?? 0)}</Table.Cell>
                <Table.Cell>
                  {countsAgainstDecision(c) ? (
                    t('common.yes')
                  ) : (
                    <Tag data-color="neutral" data-size="sm">
                      {t('settlement.years.categories.notCounted')}
                    </Tag>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
            {year.uncategorised > 0 ? (
              <Table.Row>
                <Table.HeaderCell scope="row">{t('settlement.years.categories.uncategorised')}</Table.HeaderCell>
                <Table.Cell>{formatNumber(year.uncategorised)}</Table.Cell>
                <Table.Cell>{t('settlement.years.categories.uncategorisedCounts')}</Table.Cell>
              </Table.Row>
            ) : null}
            <Table.Row>
              <Table.HeaderCell scope="row">{t('settlement.years.categories.total')}</Table.HeaderCell>
              <Table.Cell>{formatNumber(year.counted)}</Table.Cell>
              <Table.Cell>{t('settlement.years.categories.totalNote')}</Table.Cell>
            </Table.Row>
          </Table.Body>
        </Table>
      </Details.Content>
    </Details>
  );
}

function YearForm({
  askYear,
  defaults,
  onSubmit,
  onCancel,
  onReload,
}: {
  askYear: boolean;
  defaults: YearFormValues;
  onSubmit: (year: number, fields: YearFields) => Promise<void>;
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const fieldLabels: Record<string, string> = {
    year: t('settlement.years.form.year'),
    requestedTotal: t('settlement.years.form.requestedTotal'),
    requestedUnaccompanied: t('settlement.years.form.requestedUnaccompanied'),
    decidedTotal: t('settlement.years.form.decidedTotal'),
    acceptsUnaccompanied: t('settlement.years.form.acceptsUnaccompanied'),
    decidedUnaccompanied: t('settlement.years.form.decidedUnaccompanied'),
    decisionDate: t('settlement.years.form.decisionDate'),
    decisionBody: t('settlement.years.form.decisionBody'),
    sentToImdiDate: t('settlement.years.form.sentToImdiDate'),
    imdinettRegistered: t('settlement.years.form.imdinettRegistered'),
    extraCapacity: t('settlement.years.form.extraCapacity'),
    note: t('settlement.years.form.note'),
  };
  const f = useContractForm<YearFormValues, YearFields>({
    id: 'settlement-year',
    schema: SettlementYearFields,
    defaultValues: defaults,
    labelFor: labelsFrom(fieldLabels),
    prepare: yearFieldsFrom,
    check: (v) => checkYear(v, t),
    toFormPath: yearFormPath,
    serverMessage: (field) => yearServerMessage(field, t),
    onSubmit: (fields: YearFields): Promise<void> => onSubmit(Number(f.form.getValues('year')), fields),
  });
  const { register, formState } = f.form;
  const number = (name: keyof YearFormValues, description?: string) => (
    <TextField
      id={f.idFor(name)}
      label={fieldLabels[name]!}
      description={description}
      inputMode="numeric"
      autoComplete="off"
      className="input-short"
      error={f.errorFor(name)}
      {...register(name)}
    />
  );
  const date = (name: keyof YearFormValues) => <TextField id={f.idFor(name)} label={fieldLabels[name]!} type="date" className="input-short" error={f.errorFor(name)} {...register(name)} />;
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} onReload={onReload} /> : null}
      {askYear ? number('year') : null}
      <Fieldset className="form-fieldset">
        <Fieldset.Legend>{t('settlement.years.form.requestHeading')}</Fieldset.Legend>
        {number('requestedTotal')}
        {number('requestedUnaccompanied')}
      </Fieldset>
      <Fieldset className="form-fieldset">
        <Fieldset.Legend>{t('settlement.years.form.decisionHeading')}</Fieldset.Legend>
        {number('decidedTotal', t('settlement.years.form.decidedTotalHint'))}
        <SelectField id={f.idFor('acceptsUnaccompanied')} label={fieldLabels.acceptsUnaccompanied!} error={f.errorFor('acceptsUnaccompanied')} width="auto" {...register('acceptsUnaccompanied')}>
          <option value="">{t('settlement.years.form.notSettled')}</option>
          <option value="yes">{t('common.yes')}</option>
          <option value="no">{t('common.no')}</option>
        </SelectField>
        {number('decidedUnaccompanied')}
        {date('decisionDate')}
        <TextField id={f.idFor('decisionBody')} label={fieldLabels.decisionBody!} description={t('settlement.years.form.decisionBodyHint')} maxLength={200} autoComplete="off" error={f.errorFor('decisionBody')} {...register('decisionBody')} />
        {date('sentToImdiDate')}
        <Checkbox id={f.idFor('imdinettRegistered')} label={fieldLabels.imdinettRegistered} {...register('imdinettRegistered')} />
        {number('extraCapacity', t('settlement.years.form.extraCapacityHint'))}
      </Fieldset>
      <TextareaField id={f.idFor('note')} label={fieldLabels.note!} maxLength={LIMITS.textMax} error={f.errorFor('note')} {...register('note')} />
      <div className="button-row">
        <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
          {t('common.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
