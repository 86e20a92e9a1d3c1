import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { DwellingFields, LIMITS } from '@eidor/contract';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { labelsFrom, useContractForm } from '../../components/form/use-contract-form.ts';
import { useFormatDate } from '../../i18n/format.ts';
import { useSettlementLabels } from '../settlement/labels.ts';
import { dwellingFieldsFrom, dwellingFormPath, housingServerMessage, type Dwelling, type DwellingFormValues } from './dwelling-form.ts';

export type DwellingFormProps = {
  id: string;
  defaultValues: DwellingFormValues;
  submitLabel: string;
  /** Whether the dwelling can be marked as no longer in use (not when it is being added). */
  showStatus: boolean;
  onSubmit: (dwelling: Dwelling) => Promise<void>;
  onCancel: () => void;
  onReload?: () => Promise<void>;
};

/** A dwelling's details: address, kind, size, rent, landlord and the lease. */
export function DwellingForm({ id, defaultValues, submitLabel, showStatus, onSubmit, onCancel, onReload }: DwellingFormProps) {
  const { t } = useTranslation();
  const labels = useSettlementLabels();
  const formatDate = useFormatDate();
  const fieldLabels = {
    address: t('housing.fields.address'),
    postalCode: t('housing.fields.postalCode'),
    kind: t('housing.fields.kind'),
    rooms: t('housing.fields.rooms'),
    sizeM2: t('housing.fields.sizeM2'),
    monthlyRent: t('housing.fields.monthlyRent'),
    landlord: t('housing.fields.landlord'),
    leaseStart: t('housing.fields.leaseStart'),
    leaseEnd: t('housing.fields.leaseEnd'),
    status: t('housing.fields.status'),
    note: t('housing.fields.note'),
  };
  const f = useContractForm<DwellingFormValues, Dwelling>({
    id,
    schema: DwellingFields,
    defaultValues,
    labelFor: labelsFrom(fieldLabels),
    prepare: dwellingFieldsFrom,
    toFormPath: dwellingFormPath,
    serverMessage: (field, label) => housingServerMessage(field, label, t, formatDate),
    onSubmit,
  });
  const { register, formState } = f.form;
  const text = (name: 'address' | 'postalCode' | 'landlord', extra: Record<string, unknown> = {}) => (
    <TextField id={f.idFor(name)} label={fieldLabels[name]} autoComplete="off" error={f.errorFor(name)} {...extra} {...register(name)} />
  );
  const number = (name: 'rooms' | 'sizeM2' | 'monthlyRent', description?: string) => (
    <TextField id={f.idFor(name)} label={fieldLabels[name]} description={description} inputMode="numeric" autoComplete="off" className="input-short" error={f.errorFor(name)} {...register(name)} />
  );
  const date = (name: 'leaseStart' | 'leaseEnd', description?: string) => (
    <TextField id={f.idFor(name)} label={fieldLabels[name]} description={description} type="date" className="input-short" error={f.errorFor(name)} {...register(name)} />
  );
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} onReload={onReload} /> : null}
      {text('address', { maxLength: 200 })}
      {text('postalCode', { maxLength: 4, inputMode: 'numeric', className: 'input-short' })}
      <SelectField id={f.idFor('kind')} label={fieldLabels.kind} error={f.errorFor('kind')} width="auto" {...register('kind')}>
        <option value="">{t('common.choose')}</option>
        {labels.dwellingKindOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      {number('rooms')}
      {number('sizeM2', t('housing.fields.sizeM2Hint'))}
      {number('monthlyRent', t('housing.fields.monthlyRentHint'))}
      {text('landlord', { maxLength: 200 })}
      {date('leaseStart')}
      {date('leaseEnd', t('housing.fields.leaseEndHint'))}
      {showStatus ? (
        <SelectField id={f.idFor('status')} label={fieldLabels.status} error={f.errorFor('status')} width="auto" {...register('status')}>
          <option value="active">{t('housing.status.active')}</option>
          <option value="terminated">{t('housing.status.terminated')}</option>
        </SelectField>
      ) : null}
      <TextareaField id={f.idFor('note')} label={fieldLabels.note} maxLength={LIMITS.textMax} error={f.errorFor('note')} {...register('note')} />
      <div className="button-row">
        <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
          {submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
