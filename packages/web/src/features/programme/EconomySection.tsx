import { useRef, useState } from 'react';
import { Button, Checkbox, Fieldset, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CreateOverpaymentRequest, LIMITS, PutOtherBenefitsRequest, type ResponseOf } from '@eidor/contract';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { useContractForm } from '../../components/form/use-contract-form.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate, useFormatDateTime } from '../../i18n/format.ts';
import { emptyOtherBenefit, otherBenefitRowsFrom, otherBenefitsFrom, overpaymentFrom, type OtherBenefit, type OtherBenefitRow, type Overpayment, type OverpaymentFormValues } from './economy-form.ts';
import { useProgrammeLabels } from './labels.ts';
import { useFormatOre } from './money.ts';
import { programmeServerMessage } from './server-messages.ts';

type Overpayments = ResponseOf<'listOverpayments'>;

export type OtherBenefitsSectionProps = {
  items: readonly OtherBenefit[];
  canEdit: boolean;
  onSave: (items: OtherBenefit[]) => Promise<void>;
};

/**
 * Other benefits the introduction benefit is coordinated with (integreringsloven § 22): barnetrygd and
 * kontantstøtte are recorded but never deducted; the server's benefit lines say what each one did.
 */
export function OtherBenefitsSection({ items, canEdit, onSave }: OtherBenefitsSectionProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const labels = useProgrammeLabels();
  const formatDate = useFormatDate();
  const formatOre = useFormatOre();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  return (
    <section className="section" aria-labelledby="programme-other-benefits">
      <Heading level={2} data-size="sm" id="programme-other-benefits">
        {t('programme.otherBenefits.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('programme.otherBenefits.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {items.length === 0 ? (
        <Paragraph>{t('programme.otherBenefits.none')}</Paragraph>
      ) : (
        <ScrollRegion labelledBy="programme-other-benefits">
          <Table zebra border data-size="sm" className="wide-table">
            <caption className="ds-sr-only">{t('programme.otherBenefits.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('programme.otherBenefits.fields.kind')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programme.otherBenefits.fields.monthlyAmount')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programme.otherBenefits.fields.earnedBeforeProgramme')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programme.otherBenefits.fields.from')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programme.otherBenefits.fields.to')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((b, i) => (
                <Table.Row key={i}>
                  <Table.HeaderCell scope="row">{labels.benefitKind(b.kind)}</Table.HeaderCell>
                  <Table.Cell>{formatOre(b.monthlyAmount)}</Table.Cell>
                  <Table.Cell>{b.earnedBeforeProgramme ? t('common.yes') : t('common.no')}</Table.Cell>
                  <Table.Cell>{formatDate(b.from)}</Table.Cell>
                  <Table.Cell>{b.to ? formatDate(b.to) : t('programme.otherBenefits.open')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {canEdit ? (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('programme.otherBenefits.edit')}
        </Button>
      ) : null}
      <FormDialog open={open} wide title={t('programme.otherBenefits.editTitle')} onClose={() => setOpen(false)}>
        {({ close }) => (
          <OtherBenefitsForm
            defaultValues={otherBenefitRowsFrom(items, language)}
            onCancel={close}
            onSubmit={async (next) => {
              setStatus('');
              await onSave(next);
              close();
              setStatus(t('programme.otherBenefits.saved'));
            }}
          />
        )}
      </FormDialog>
    </section>
  );
}

function OtherBenefitsForm({ defaultValues, onSubmit, onCancel }: { defaultValues: OtherBenefitRow[]; onSubmit: (items: OtherBenefit[]) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const formatDate = useFormatDate();
  const addRef = useRef<HTMLButtonElement>(null);
  const labelFor = (path: string) => {
    const m = /^items\.(\d+)\.(kind|monthlyAmount|earnedBeforeProgramme|from|to)$/.exec(path);
    return m ? t('programme.otherBenefits.rowField', { n: Number(m[1]) + 1, field: t(`programme.otherBenefits.fields.${m[2] as 'kind'}`) }) : undefined;
  };
  const f = useContractForm<{ items: OtherBenefitRow[] }, { items: OtherBenefit[] }>({
    id: 'other-benefits',
    schema: PutOtherBenefitsRequest,
    defaultValues: { items: defaultValues },
    labelFor,
    prepare: (v) => otherBenefitsFrom(v.items),
    serverMessage: (field, label) => programmeServerMessage(field, label, t, formatDate),
    onSubmit: (v) => onSubmit(v.items),
  });
  const { register, control, formState } = f.form;
  const rows = useFieldArray({ control, name: 'items' });
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} /> : null}
      {rows.fields.length === 0 ? <Paragraph>{t('programme.otherBenefits.none')}</Paragraph> : null}
      {rows.fields.map((row, i) => (
        <Fieldset key={row.id} className="form-section">
          <Fieldset.Legend>{t('programme.otherBenefits.row', { n: i + 1 })}</Fieldset.Legend>
          <SelectField id={f.idFor(`items.${i}.kind`)} label={t('programme.otherBenefits.fields.kind')} error={f.errorFor(`items.${i}.kind`)} {...register(`items.${i}.kind`)}>
            <option value="">{t('common.choose')}</option>
            {labels.benefitKindOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
          <TextField id={f.idFor(`items.${i}.monthlyAmount`)} label={t('programme.otherBenefits.fields.monthlyAmount')} description={t('programme.amountHint')} inputMode="decimal" className="input-number" autoComplete="off" error={f.errorFor(`items.${i}.monthlyAmount`)} {...register(`items.${i}.monthlyAmount`)} />
          <Checkbox id={f.idFor(`items.${i}.earnedBeforeProgramme`)} label={t('programme.otherBenefits.fields.earnedBeforeProgramme')} {...register(`items.${i}.earnedBeforeProgramme`)} />
          <TextField id={f.idFor(`items.${i}.from`)} label={t('programme.otherBenefits.fields.from')} type="date" className="input-short" error={f.errorFor(`items.${i}.from`)} {...register(`items.${i}.from`)} />
          <TextField id={f.idFor(`items.${i}.to`)} label={t('programme.otherBenefits.fields.to')} description={t('programme.otherBenefits.toHint')} type="date" className="input-short" error={f.errorFor(`items.${i}.to`)} {...register(`items.${i}.to`)} />
          <div>
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              onClick={() => {
                rows.remove(i);
                addRef.current?.focus();
              }}
            >
              {t('programme.otherBenefits.remove', { n: i + 1 })}
            </Button>
          </div>
        </Fieldset>
      ))}
      <div>
        <Button ref={addRef} type="button" variant="secondary" data-size="sm" disabled={rows.fields.length >= 20} onClick={() => rows.append(emptyOtherBenefit(), { shouldFocus: true })}>
          {t('programme.otherBenefits.add')}
        </Button>
      </div>
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

export type OverpaymentsSectionProps = {
  ledger: Overpayments;
  canEdit: boolean;
  onCreate: (o: Overpayment) => Promise<void>;
};

/** The overpayment ledger (integreringsloven § 25): recovered from later payments, instalment by instalment. */
export function OverpaymentsSection({ ledger, canEdit, onCreate }: OverpaymentsSectionProps) {
  const { t } = useTranslation();
  const formatOre = useFormatOre();
  const formatDateTime = useFormatDateTime();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  return (
    <section className="section" aria-labelledby="programme-overpayments">
      <Heading level={2} data-size="sm" id="programme-overpayments">
        {t('programme.overpayments.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('programme.overpayments.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      <Paragraph>{t('programme.overpayments.outstanding', { amount: formatOre(ledger.outstanding) })}</Paragraph>
      {ledger.items.length === 0 ? (
        <Paragraph>{t('programme.overpayments.none')}</Paragraph>
      ) : (
        <ScrollRegion labelledBy="programme-overpayments">
          <Table zebra border data-size="sm" className="wide-table">
            <caption className="ds-sr-only">{t('programme.overpayments.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('programme.overpayments.registered')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programme.overpayments.fields.reason')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programme.overpayments.fields.amount')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programme.overpayments.fields.recoverPerMonth')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programme.overpayments.recovered')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programme.overpayments.outstandingCol')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programme.overpayments.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {ledger.items.map((o) => (
                <Table.Row key={o.id}>
                  <Table.HeaderCell scope="row">{formatDateTime(o.createdAt)}</Table.HeaderCell>
                  <Table.Cell>{o.reason}</Table.Cell>
                  <Table.Cell>{formatOre(o.amount)}</Table.Cell>
                  <Table.Cell>{formatOre(o.recoverPerMonth)}</Table.Cell>
                  <Table.Cell>{formatOre(o.recovered)}</Table.Cell>
                  <Table.Cell>{formatOre(o.outstanding)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-size="sm" data-color={o.status === 'open' ? 'warning' : 'neutral'}>
                      {t(`programme.overpayments.statuses.${o.status}`)}
                    </Tag>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {canEdit ? (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('programme.overpayments.register')}
        </Button>
      ) : null}
      <FormDialog open={open} title={t('programme.overpayments.registerTitle')} onClose={() => setOpen(false)}>
        {({ close }) => (
          <OverpaymentForm
            onCancel={close}
            onSubmit={async (o) => {
              setStatus('');
              await onCreate(o);
              close();
              setStatus(t('programme.overpayments.saved'));
            }}
          />
        )}
      </FormDialog>
    </section>
  );
}

function OverpaymentForm({ onSubmit, onCancel }: { onSubmit: (o: Overpayment) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const fieldLabels: Record<string, string> = {
    amount: t('programme.overpayments.fields.amount'),
    reason: t('programme.overpayments.fields.reason'),
    recoverPerMonth: t('programme.overpayments.fields.recoverPerMonth'),
  };
  const f = useContractForm<OverpaymentFormValues, Overpayment>({
    id: 'overpayment',
    schema: CreateOverpaymentRequest,
    defaultValues: { amount: '', reason: '', recoverPerMonth: '' },
    labelFor: (path) => fieldLabels[path],
    prepare: overpaymentFrom,
    serverMessage: (field, label) => programmeServerMessage(field, label, t, formatDate),
    onSubmit,
  });
  const { register, formState } = f.form;
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} /> : null}
      <TextField id={f.idFor('amount')} label={fieldLabels.amount!} description={t('programme.amountHint')} inputMode="decimal" className="input-number" autoComplete="off" error={f.errorFor('amount')} {...register('amount')} />
      <TextareaField id={f.idFor('reason')} label={fieldLabels.reason!} maxLength={LIMITS.textMax} error={f.errorFor('reason')} {...register('reason')} />
      <TextField id={f.idFor('recoverPerMonth')} label={fieldLabels.recoverPerMonth!} description={t('programme.overpayments.recoverHint')} inputMode="decimal" className="input-number" autoComplete="off" error={f.errorFor('recoverPerMonth')} {...register('recoverPerMonth')} />
      <div className="button-row">
        <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
          {t('programme.overpayments.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
