import { useState } from 'react';
import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { CreateUnitRequest, LIMITS, type UnitView } from '@eidor/contract';
import type { UnitKind } from '@eidor/domain';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../../components/form/FormErrorSummary.tsx';
import { SelectField } from '../../../components/form/SelectField.tsx';
import { TextField } from '../../../components/form/TextField.tsx';
import { labelsFrom, useContractForm } from '../../../components/form/use-contract-form.ts';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { useDomainLabels } from '../labels.ts';
import { EditUnitDialog, type UnitChanges } from './EditUnitDialog.tsx';

export type NewUnit = z.output<typeof CreateUnitRequest>;

export type UnitsPageProps = {
  municipalityName: string;
  units: UnitView[];
  canCreate: boolean;
  onCreate: (unit: NewUnit) => Promise<UnitView>;
  onUpdate: (unit: UnitView, changes: UnitChanges) => Promise<UnitView>;
  onReload: () => Promise<void>;
};

/** The municipality's units: a table, a form for a new unit and a dialog to change one. */
export function UnitsPage({ municipalityName, units, canCreate, onCreate, onUpdate, onReload }: UnitsPageProps) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const [status, setStatus] = useState('');
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = units.find((u) => u.id === editingId) ?? null;

  return (
    <>
      <PageHeading>{t('units.title')}</PageHeading>
      <Paragraph>{t('units.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>

      {canCreate ? (
        <section className="section" aria-labelledby="units-create">
          <Heading level={2} data-size="sm" id="units-create">
            {t('units.create.heading')}
          </Heading>
          <CreateUnitForm
            onSubmit={async (values) => {
              setStatus('');
              const unit = await onCreate(values);
              setStatus(t('units.create.done', { name: unit.name }));
            }}
          />
        </section>
      ) : null}

      <section className="section" aria-labelledby="units-list">
        <Heading level={2} data-size="sm" id="units-list">
          {t('units.list.heading')}
        </Heading>
        {units.length === 0 ? (
          <Paragraph>{t('units.list.empty')}</Paragraph>
        ) : (
          <Table zebra border>
            <caption className="ds-sr-only">{t('units.list.caption', { municipality: municipalityName })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('units.fields.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('units.fields.kind')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('units.fields.status')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {units.map((unit) => (
                <Table.Row key={unit.id}>
                  <Table.HeaderCell scope="row">{unit.name}</Table.HeaderCell>
                  <Table.Cell>{labels.unitKind(unit.kind)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={unit.active ? 'success' : 'neutral'}>{unit.active ? t('units.status.active') : t('units.status.inactive')}</Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {unit.can.edit ? (
                      <Button variant="tertiary" data-size="sm" onClick={() => setEditingId(unit.id)}>
                        {t('common.edit')}
                        <span className="ds-sr-only"> {unit.name}</span>
                      </Button>
                    ) : null}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>

      <EditUnitDialog
        unit={editing}
        onClose={() => setEditingId(null)}
        onSave={async (unit, changes) => {
          setStatus('');
          const saved = await onUpdate(unit, changes);
          setEditingId(null);
          setStatus(t('units.edit.done', { name: saved.name }));
        }}
        onReload={onReload}
      />
    </>
  );
}

function CreateUnitForm({ onSubmit }: { onSubmit: (values: NewUnit) => Promise<void> }) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const fieldLabels = { name: t('units.fields.name'), kind: t('units.fields.kind') };
  const f = useContractForm<{ name: string; kind: UnitKind | '' }, NewUnit>({
    id: 'unit-create',
    schema: CreateUnitRequest,
    defaultValues: { name: '', kind: '' },
    labelFor: labelsFrom(fieldLabels),
    onSubmit: async (values) => {
      await onSubmit(values);
      f.form.reset();
    },
  });
  const { register, formState } = f.form;
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} /> : null}
      <TextField id={f.idFor('name')} label={fieldLabels.name} maxLength={LIMITS.unitNameMax} autoComplete="off" error={f.errorFor('name')} {...register('name')} />
      <SelectField id={f.idFor('kind')} label={fieldLabels.kind} error={f.errorFor('kind')} width="auto" {...register('kind')}>
        <option value="">{t('common.choose')}</option>
        {labels.unitKindOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <div className="button-row">
        <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
          {t('units.create.submit')}
        </Button>
      </div>
    </form>
  );
}
