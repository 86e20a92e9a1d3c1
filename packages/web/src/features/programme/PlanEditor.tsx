import { useRef } from 'react';
import { Button, Checkbox, Fieldset, Heading, ValidationMessage } from '@digdir/designsystemet-react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LIMITS, PlanDraftRequest } from '@eidor/contract';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { useContractForm } from '../../components/form/use-contract-form.ts';
import { useFormatDate } from '../../i18n/format.ts';
import { useProgrammeLabels } from './labels.ts';
import { emptyMeasure, planDraftFrom, planFormPath, type PlanDraft, type PlanFormValues } from './plan-form.ts';
import { programmeServerMessage } from './server-messages.ts';

export type PlanEditorProps = {
  defaultValues: PlanFormValues;
  /** Whether an adopted plan exists: then the change needs a reason and may be significant. */
  changesAdopted: boolean;
  units: readonly { id: string; name: string }[];
  period: { from: string; to: string };
  onSubmit: (draft: PlanDraft) => Promise<void>;
  onCancel: () => void;
};

/**
 * A new version of the integration plan (integreringsloven § 15): goals, the Norwegian goal and the
 * measures with type, provider unit, period and hours a week. The server checks each measure against
 * the programme period and names the measure.
 */
export function PlanEditor({ defaultValues, changesAdopted, units, period, onSubmit, onCancel }: PlanEditorProps) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const formatDate = useFormatDate();
  const addRef = useRef<HTMLButtonElement>(null);
  const labelFor = (path: string): string | undefined => {
    const m = /^measures\.(\d+)\.(\w+)$/.exec(path);
    if (m) {
      const field = m[2] as 'type';
      if (!['type', 'description', 'providerUnitId', 'from', 'to', 'hoursPerWeek'].includes(field)) return undefined;
      return t('programme.plan.measureField', { n: Number(m[1]) + 1, field: t(`programme.plan.fields.${field}`) });
    }
    switch (path) {
      case 'goals':
        return t('programme.plan.fields.goals');
      case 'norwegianGoal':
        return t('programme.plan.fields.norwegianGoal');
      case 'measures':
        return t('programme.plan.fields.measures');
      case 'changeReason':
        return t('programme.plan.fields.changeReason');
      default:
        return undefined;
    }
  };
  const f = useContractForm<PlanFormValues, PlanDraft>({
    id: 'plan',
    schema: PlanDraftRequest,
    defaultValues,
    labelFor,
    prepare: planDraftFrom,
    toFormPath: planFormPath,
    check: (v) => (changesAdopted && v.changeReason.trim() === '' ? [{ path: 'changeReason', message: t('programme.server.changeReason') }] : []),
    serverMessage: (field, label) => programmeServerMessage(field, label, t, formatDate),
    onSubmit,
  });
  const { register, control, formState } = f.form;
  const measures = useFieldArray({ control, name: 'measures' });
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} /> : null}
      <TextareaField id={f.idFor('goals')} label={labelFor('goals')!} description={t('programme.plan.hints.goals')} rows={3} error={f.errorFor('goals')} {...register('goals')} />
      <TextField id={f.idFor('norwegianGoal')} label={labelFor('norwegianGoal')!} description={t('programme.plan.hints.norwegianGoal')} maxLength={200} autoComplete="off" error={f.errorFor('norwegianGoal')} {...register('norwegianGoal')} />
      <Fieldset>
        <Fieldset.Legend>{t('programme.plan.fields.measures')}</Fieldset.Legend>
        <Fieldset.Description>{t('programme.plan.hints.measures', { from: formatDate(period.from), to: period.to ? formatDate(period.to) : '–' })}</Fieldset.Description>
        {f.errorFor('measures') ? <ValidationMessage>{f.errorFor('measures')}</ValidationMessage> : null}
        {measures.fields.map((row, i) => (
          <div key={row.id} className="form-section">
            <Heading level={3} data-size="2xs">
              {t('programme.plan.measureHeading', { n: i + 1 })}
            </Heading>
            <SelectField id={f.idFor(`measures.${i}.type`)} label={labelFor(`measures.${i}.type`)!} error={f.errorFor(`measures.${i}.type`)} {...register(`measures.${i}.type`)}>
              <option value="">{t('common.choose')}</option>
              {labels.measureTypeOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </SelectField>
            <TextField id={f.idFor(`measures.${i}.description`)} label={labelFor(`measures.${i}.description`)!} maxLength={500} autoComplete="off" error={f.errorFor(`measures.${i}.description`)} {...register(`measures.${i}.description`)} />
            <SelectField id={f.idFor(`measures.${i}.providerUnitId`)} label={labelFor(`measures.${i}.providerUnitId`)!} error={f.errorFor(`measures.${i}.providerUnitId`)} {...register(`measures.${i}.providerUnitId`)}>
              <option value="">{t('programme.plan.noUnit')}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
            <TextField id={f.idFor(`measures.${i}.from`)} label={labelFor(`measures.${i}.from`)!} type="date" className="input-short" error={f.errorFor(`measures.${i}.from`)} {...register(`measures.${i}.from`)} />
            <TextField id={f.idFor(`measures.${i}.to`)} label={labelFor(`measures.${i}.to`)!} type="date" className="input-short" error={f.errorFor(`measures.${i}.to`)} {...register(`measures.${i}.to`)} />
            <TextField
              id={f.idFor(`measures.${i}.hoursPerWeek`)}
              label={labelFor(`measures.${i}.hoursPerWeek`)!}
              inputMode="decimal"
              className="input-number"
              autoComplete="off"
              error={f.errorFor(`measures.${i}.hoursPerWeek`)}
              {...register(`measures.${i}.hoursPerWeek`)}
            />
            {measures.fields.length > 1 ? (
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() => {
                  measures.remove(i);
                  addRef.current?.focus();
                }}
              >
                {t('programme.plan.removeMeasure', { n: i + 1 })}
              </Button>
            ) : null}
          </div>
        ))}
        <div>
          <Button ref={addRef} type="button" variant="secondary" data-size="sm" disabled={measures.fields.length >= 30} onClick={() => measures.append(emptyMeasure(period.from, period.to), { shouldFocus: true })}>
            {t('programme.plan.addMeasure')}
          </Button>
        </div>
      </Fieldset>
      {changesAdopted ? (
        <>
          <TextareaField id={f.idFor('changeReason')} label={labelFor('changeReason')!} description={t('programme.plan.hints.changeReason')} maxLength={LIMITS.textMax} error={f.errorFor('changeReason')} {...register('changeReason')} />
          <Checkbox id={f.idFor('significant')} label={t('programme.plan.fields.significant')} description={t('programme.plan.hints.significant')} {...register('significant')} />
        </>
      ) : null}
      <div className="button-row">
        <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
          {t('programme.plan.saveDraft')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
