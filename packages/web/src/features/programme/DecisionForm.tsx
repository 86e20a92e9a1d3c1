import { useEffect, useState } from 'react';
import { Button, Checkbox, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { LIMITS, ProgrammeFields, type ProgrammeView } from '@eidor/contract';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { useContractForm } from '../../components/form/use-contract-form.ts';
import { useFormatDate } from '../../i18n/format.ts';
import { decisionFieldsFrom, decisionFormFrom, decisionFormPath, type DecisionFields, type DecisionFormValues } from './decision-form.ts';
import { useProgrammeLabels } from './labels.ts';
import { programmeServerMessage } from './server-messages.ts';

export type DecisionFormProps = {
  view: ProgrammeView;
  /** Save the fields with the view's version; throw an ApiError to show it on the form. */
  onSave: (fields: DecisionFields) => Promise<void>;
  /** Load the latest after a version conflict. */
  onReload: () => Promise<void>;
};

/** The law part of a basis ("integreringsloven § 13: 3–6 months …" → "integreringsloven § 13"). */
export const lawOf = (basis: string) => basis.split(':')[0]!.trim();

/**
 * The programme decision (integreringsloven §§ 12–14): the grounds (mapping and guidance before the
 * decision), the decision itself with length, extension and weekly hours, the compulsory elements,
 * and the programme's status with suspension and ending as NIR codes them. The server checks the
 * limits; its reasons are shown on the fields.
 */
export function DecisionForm({ view, onSave, onReload }: DecisionFormProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const labels = useProgrammeLabels();
  const formatDate = useFormatDate();
  const [reloaded, setReloaded] = useState(false);
  const fieldLabels: Record<string, string> = {
    requestDate: t('programme.decision.fields.requestDate'),
    participantGroup: t('programme.decision.fields.participantGroup'),
    livesWithParents: t('programme.decision.fields.livesWithParents'),
    coupleBothParticipantsNoChildren: t('programme.decision.fields.coupleBothParticipantsNoChildren'),
    hasChildrenOrExpecting: t('programme.decision.fields.hasChildrenOrExpecting'),
    skillsMappingDate: t('programme.decision.fields.skillsMappingDate'),
    careerGuidanceDate: t('programme.decision.fields.careerGuidanceDate'),
    decisionDate: t('programme.decision.fields.decisionDate'),
    startDate: t('programme.decision.fields.startDate'),
    endGoal: t('programme.decision.fields.endGoal'),
    plannedMonths: t('programme.decision.fields.plannedMonths'),
    extensionMonths: t('programme.decision.fields.extensionMonths'),
    extensionReason: t('programme.decision.fields.extensionReason'),
    weeklyHours: t('programme.decision.fields.weeklyHours'),
    hoursReason: t('programme.decision.fields.hoursReason'),
    elements: t('programme.decision.elementsHeading'),
    status: t('programme.decision.fields.status'),
    endDate: t('programme.decision.fields.endDate'),
    endReason: t('programme.decision.fields.endReason'),
    mainActivity: t('programme.decision.fields.mainActivity'),
    followUpActivity: t('programme.decision.fields.followUpActivity'),
    followUpDate: t('programme.decision.fields.followUpDate'),
  };
  for (const e of view.compulsory) fieldLabels[`elements.${e.element}`] = labels.element(e.element);
  const labelFor = (path: string) => fieldLabels[path];
  const f = useContractForm<DecisionFormValues, DecisionFields>({
    id: 'programme',
    schema: ProgrammeFields,
    defaultValues: decisionFormFrom(view, language),
    labelFor,
    prepare: (v) => decisionFieldsFrom(v, view.fields.elements),
    toFormPath: decisionFormPath,
    serverMessage: (field, label) => programmeServerMessage(field, label, t, formatDate),
    onSubmit: async (fields) => {
      await onSave(fields);
      setReloaded(false);
    },
  });
  const { register, formState, watch, reset } = f.form;
  // A new version (saved here, or loaded after a conflict): the form shows what is stored now.
  useEffect(() => {
    reset(decisionFormFrom(view, language));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new version resets the form
  }, [view.version, view.personId]);
  const readOnly = !view.can.edit;
  const status = watch('status');
  const extension = watch('extensionMonths');
  const rule = view.lengthRule;

  const text = (name: keyof DecisionFormValues, props: { description?: string | undefined; className?: string; inputMode?: 'numeric' | 'decimal'; type?: 'text' | 'date' } = {}) => (
    <TextField
      id={f.idFor(name)}
      label={fieldLabels[name]!}
      description={props.description}
      type={props.type ?? 'text'}
      inputMode={props.inputMode}
      className={props.className ?? (props.type === 'date' ? 'input-short' : undefined)}
      autoComplete="off"
      readOnly={readOnly}
      error={f.errorFor(name)}
      {...register(name)}
    />
  );
  const date = (name: keyof DecisionFormValues, description?: string) => text(name, { type: 'date', description });
  const area = (name: keyof DecisionFormValues, description?: string) => (
    <TextareaField id={f.idFor(name)} label={fieldLabels[name]!} description={description} maxLength={LIMITS.textMax} readOnly={readOnly} error={f.errorFor(name)} {...register(name)} />
  );
  const check = (name: 'livesWithParents' | 'coupleBothParticipantsNoChildren' | 'hasChildrenOrExpecting', description?: string) => (
    <Checkbox id={f.idFor(name)} label={fieldLabels[name]} description={description} disabled={readOnly} {...register(name)} />
  );

  return (
    <form onSubmit={f.submit} noValidate aria-labelledby="programme-decision">
      <section className="section" aria-labelledby="programme-decision">
        <Heading level={2} data-size="sm" id="programme-decision">
          {t('programme.decision.heading')}
        </Heading>
        <Paragraph data-size="sm">{t('programme.decision.intro')}</Paragraph>
        <div className="form">
          {reloaded ? (
            <Paragraph role="status" className="mt">
              {t('common.reloaded')}
            </Paragraph>
          ) : null}
          <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
          {f.apiError ? (
            <ApiErrorAlert
              error={f.apiError}
              ref={f.alertRef}
              onReload={async () => {
                await onReload();
                f.clearApiError();
                setReloaded(true);
              }}
            />
          ) : null}

          <Fieldset>
            <Fieldset.Legend>{t('programme.decision.groundsHeading')}</Fieldset.Legend>
            {date('requestDate', t('programme.decision.hints.requestDate'))}
            <SelectField id={f.idFor('participantGroup')} label={fieldLabels.participantGroup!} description={t('programme.decision.hints.participantGroup')} disabled={readOnly} error={f.errorFor('participantGroup')} {...register('participantGroup')}>
              <option value="">{t('programme.decision.notChosen')}</option>
              {labels.groupOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </SelectField>
            {date('skillsMappingDate', t('programme.decision.hints.skillsMappingDate'))}
            {date('careerGuidanceDate', t('programme.decision.hints.careerGuidanceDate'))}
            {check('hasChildrenOrExpecting', t('programme.decision.hints.hasChildrenOrExpecting'))}
            {check('livesWithParents', t('programme.decision.hints.livesWithParents'))}
            {check('coupleBothParticipantsNoChildren', t('programme.decision.hints.coupleBothParticipantsNoChildren'))}
          </Fieldset>

          <Fieldset>
            <Fieldset.Legend>{t('programme.decision.decisionHeading')}</Fieldset.Legend>
            {date('decisionDate')}
            {date('startDate')}
            {area('endGoal', t('programme.decision.hints.endGoal'))}
            {text('plannedMonths', {
              inputMode: 'numeric',
              className: 'input-number',
              description: rule ? t('programme.decision.hints.plannedMonths', { min: rule.minMonths, max: rule.maxMonths, extension: rule.maxExtensionMonths, law: lawOf(rule.basis) }) : t('programme.decision.hints.plannedMonthsNoGroup'),
            })}
            {text('extensionMonths', { inputMode: 'numeric', className: 'input-number', description: t('programme.decision.hints.extensionMonths') })}
            {extension.trim() !== '' && extension.trim() !== '0' ? area('extensionReason', t('programme.decision.hints.extensionReason')) : null}
            {text('weeklyHours', { inputMode: 'decimal', className: 'input-number', description: t('programme.decision.hints.weeklyHours') })}
            {area('hoursReason', t('programme.decision.hints.hoursReason'))}
          </Fieldset>

          <Fieldset>
            <Fieldset.Legend>{t('programme.decision.elementsHeading')}</Fieldset.Legend>
            <Fieldset.Description>{t('programme.decision.elementsIntro')}</Fieldset.Description>
            {view.compulsory.map((e) => (
              <Checkbox key={e.element} id={f.idFor(`elements.${e.element}`)} label={labels.element(e.element)} disabled={readOnly} {...register(`elements.${e.element}`)} />
            ))}
          </Fieldset>

          <Fieldset>
            <Fieldset.Legend>{t('programme.decision.statusHeading')}</Fieldset.Legend>
            <SelectField id={f.idFor('status')} label={fieldLabels.status!} description={t('programme.decision.hints.status')} disabled={readOnly} error={f.errorFor('status')} {...register('status')}>
              {labels.statusOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </SelectField>
            {status === 'ended' ? (
              <>
                {date('endDate')}
                <SelectField id={f.idFor('endReason')} label={fieldLabels.endReason!} description={t('programme.decision.hints.nirCode')} disabled={readOnly} error={f.errorFor('endReason')} {...register('endReason')}>
                  <option value="">{t('programme.decision.notChosen')}</option>
                  {labels.endReasonOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </SelectField>
                <SelectField id={f.idFor('mainActivity')} label={fieldLabels.mainActivity!} description={t('programme.decision.hints.mainActivity')} disabled={readOnly} error={f.errorFor('mainActivity')} {...register('mainActivity')}>
                  <option value="">{t('programme.decision.notChosen')}</option>
                  {labels.mainActivityOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </SelectField>
                <SelectField id={f.idFor('followUpActivity')} label={fieldLabels.followUpActivity!} description={t('programme.decision.hints.followUp')} disabled={readOnly} error={f.errorFor('followUpActivity')} {...register('followUpActivity')}>
                  <option value="">{t('programme.decision.notChosen')}</option>
                  {labels.mainActivityOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </SelectField>
                {date('followUpDate')}
              </>
            ) : null}
          </Fieldset>

          {view.can.edit ? (
            <div className="button-row">
              <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
                {t('programme.decision.save')}
              </Button>
            </div>
          ) : (
            <Paragraph data-size="sm">{t('programme.readOnly')}</Paragraph>
          )}
        </div>
      </section>
    </form>
  );
}
