import { useId, useState } from 'react';
import { Alert, Button, Checkbox, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { LIMITS, UpdateUnitRequest, type UnitView } from '@eidor/contract';
import type { UnitKind } from '@eidor/domain';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../../components/form/FormErrorSummary.tsx';
import { SelectField } from '../../../components/form/SelectField.tsx';
import { TextField } from '../../../components/form/TextField.tsx';
import { labelsFrom, useContractForm } from '../../../components/form/use-contract-form.ts';
import { useDomainLabels } from '../labels.ts';

const UnitChanges = UpdateUnitRequest.omit({ version: true });
export type UnitChanges = z.output<typeof UnitChanges>;

export type EditUnitDialogProps = {
  /** The unit being changed; null closes the dialog. */
  unit: UnitView | null;
  onClose: () => void;
  onSave: (unit: UnitView, changes: UnitChanges) => Promise<void>;
  /** Fetch the units again (after someone else changed this one). */
  onReload: () => Promise<void>;
};

/** Change a unit's name, kind or whether it is active. A stale version offers to load the latest. */
export function EditUnitDialog({ unit, onClose, onSave, onReload }: EditUnitDialogProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [reloaded, setReloaded] = useState(false);
  const close = () => {
    setReloaded(false);
    onClose();
  };
  return (
    <Dialog open={unit !== null} onClose={close} closeButton={t('common.closeDialog')} aria-labelledby={headingId}>
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={headingId}>
          {unit ? t('units.edit.heading', { name: unit.name }) : ''}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        {reloaded ? (
          <Alert data-color="info">
            <Paragraph>{t('common.reloaded')}</Paragraph>
          </Alert>
        ) : null}
        {unit ? (
          // A new version means fresh values: start the form over.
          <EditUnitForm
            key={`${unit.id}:${unit.version}`}
            unit={unit}
            onSubmit={(changes) => onSave(unit, changes)}
            onCancel={close}
            onReload={async () => {
              await onReload();
              setReloaded(true);
            }}
          />
        ) : null}
      </Dialog.Block>
    </Dialog>
  );
}

function EditUnitForm({
  unit,
  onSubmit,
  onCancel,
  onReload,
}: {
  unit: UnitView;
  onSubmit: (changes: UnitChanges) => Promise<void>;
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const fieldLabels = { name: t('units.fields.name'), kind: t('units.fields.kind'), active: t('units.fields.active') };
  const f = useContractForm<{ name: string; kind: UnitKind; active: boolean }, UnitChanges>({
    id: 'unit-edit',
    schema: UnitChanges,
    defaultValues: { name: unit.name, kind: unit.kind, active: unit.active },
    labelFor: labelsFrom(fieldLabels),
    onSubmit,
  });
  const { register, formState } = f.form;
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} onReload={onReload} /> : null}
      <TextField id={f.idFor('name')} label={fieldLabels.name} maxLength={LIMITS.unitNameMax} autoComplete="off" error={f.errorFor('name')} {...register('name')} />
      <SelectField id={f.idFor('kind')} label={fieldLabels.kind} error={f.errorFor('kind')} width="auto" {...register('kind')}>
        {labels.unitKindOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <Checkbox id={f.idFor('active')} label={fieldLabels.active} description={t('units.fields.activeHint')} {...register('active')} />
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
