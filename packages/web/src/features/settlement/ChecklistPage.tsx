import { useState } from 'react';
import { Alert, Button, Fieldset, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@eidor/contract';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { useContractForm } from '../../components/form/use-contract-form.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useDomainLabels } from '../admin/labels.ts';
import {
  ChecklistItems,
  checklistFormFrom,
  checklistRequestFrom,
  checklistServerMessage,
  checkChecklist,
  emptyItem,
  type ChecklistFormValues,
  type ChecklistItem,
} from './checklist-form.ts';
import { useSettlementLabels } from './labels.ts';
import { SettlementNav } from './SettlementNav.tsx';

export type ChecklistView = ResponseOf<'getChecklistTemplate'>;

export type ChecklistPageProps = {
  template: ChecklistView;
  onSave: (items: ChecklistItem[]) => Promise<ChecklistView>;
  onReload: () => Promise<void>;
};

/** The first weeks' checklist: what settling a household puts on each unit's queue, and when it falls due. */
export function ChecklistPage({ template, onSave, onReload }: ChecklistPageProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState('');
  const [reloaded, setReloaded] = useState(false);
  const stopEditing = () => {
    setEditing(false);
    setReloaded(false);
  };
  return (
    <>
      <PageHeading>{t('settlement.checklist.title')}</PageHeading>
      <SettlementNav />
      <Paragraph>{t('settlement.checklist.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {editing ? (
        <ChecklistForm
          key={template.version}
          template={template}
          reloaded={reloaded}
          onSubmit={async (items) => {
            setStatus('');
            await onSave(items);
            stopEditing();
            setStatus(t('settlement.checklist.saved'));
          }}
          onCancel={stopEditing}
          onReload={async () => {
            await onReload();
            setReloaded(true);
          }}
        />
      ) : (
        <>
          {template.can.edit ? (
            <div className="button-row page-actions">
              <Button onClick={() => setEditing(true)}>{t('settlement.checklist.edit')}</Button>
            </div>
          ) : null}
          <ChecklistTable items={template.items} />
        </>
      )}
    </>
  );
}

/** "3 måneder og 14 dager", "14 dager", "samme dag". */
export function useDueOffset() {
  const { t } = useTranslation();
  return (months: number, days: number) => {
    const m = months > 0 ? t('settlement.checklist.months', { count: months }) : '';
    const d = days !== 0 ? t('settlement.checklist.days', { count: days }) : '';
    if (m && d) return t('settlement.checklist.monthsAndDays', { months: m, days: d });
    return m || d || t('settlement.checklist.sameDay');
  };
}

function ChecklistTable({ items }: { items: ChecklistItem[] }) {
  const { t } = useTranslation();
  const labels = useSettlementLabels();
  const units = useDomainLabels();
  const due = useDueOffset();
  return (
    <section className="section" aria-labelledby="checklist-items">
      <Heading level={2} data-size="sm" id="checklist-items">
        {t('settlement.checklist.itemsHeading')}
      </Heading>
      <ScrollRegion labelledBy="checklist-items">
        <Table zebra border className="wide-table">
          <caption className="ds-sr-only">{t('settlement.checklist.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('settlement.checklist.fields.title')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('settlement.checklist.fields.description')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('settlement.checklist.fields.ownerUnitKind')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('settlement.checklist.fields.scope')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('settlement.checklist.fields.condition')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('settlement.checklist.fields.due')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((item) => (
              <Table.Row key={item.key}>
                <Table.HeaderCell scope="row" className="task-title">
                  {item.title}
                </Table.HeaderCell>
                <Table.Cell className="task-about">{item.description || '–'}</Table.Cell>
                <Table.Cell>{units.unitKind(item.ownerUnitKind)}</Table.Cell>
                <Table.Cell>{labels.scope(item.scope)}</Table.Cell>
                <Table.Cell>{labels.condition(item.condition)}</Table.Cell>
                <Table.Cell>{due(item.dueOffsetMonths, item.dueOffsetDays)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
    </section>
  );
}

function ChecklistForm({
  template,
  reloaded,
  onSubmit,
  onCancel,
  onReload,
}: {
  template: ChecklistView;
  reloaded: boolean;
  onSubmit: (items: ChecklistItem[]) => Promise<void>;
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const labels = useSettlementLabels();
  const units = useDomainLabels();
  const fieldNames = {
    key: t('settlement.checklist.fields.key'),
    title: t('settlement.checklist.fields.title'),
    description: t('settlement.checklist.fields.description'),
    ownerUnitKind: t('settlement.checklist.fields.ownerUnitKind'),
    scope: t('settlement.checklist.fields.scope'),
    condition: t('settlement.checklist.fields.condition'),
    dueOffsetMonths: t('settlement.checklist.fields.dueOffsetMonths'),
    dueOffsetDays: t('settlement.checklist.fields.dueOffsetDays'),
  };
  const labelFor = (path: string) => {
    if (path === 'items') return t('settlement.checklist.itemsHeading');
    const m = /^items\.(\d+)\.(\w+)$/.exec(path);
    const name = m ? fieldNames[m[2] as keyof typeof fieldNames] : undefined;
    return m && name ? t('settlement.checklist.fieldOfItem', { field: name, n: Number(m[1]) + 1 }) : undefined;
  };
  const f = useContractForm<ChecklistFormValues, { items: ChecklistItem[] }>({
    id: 'checklist',
    schema: ChecklistItems,
    defaultValues: checklistFormFrom(template.items),
    labelFor,
    prepare: checklistRequestFrom,
    check: (v) => checkChecklist(v, t),
    serverMessage: (field) => checklistServerMessage(field, t),
    onSubmit: ({ items }) => onSubmit(items),
  });
  const { register, formState, control } = f.form;
  const { fields, append, remove, move } = useFieldArray({ control, name: 'items' });
  const refocus = (id: string, fallback?: string) =>
    setTimeout(() => {
      const target = document.getElementById(id) as HTMLButtonElement | null;
      if (target && !target.disabled) target.focus();
      else if (fallback) document.getElementById(fallback)?.focus();
    }, 0);

  return (
    <form onSubmit={f.submit} noValidate className="form form-wide">
      {reloaded ? (
        <Alert data-color="info">
          <Paragraph>{t('common.reloaded')}</Paragraph>
        </Alert>
      ) : null}
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} onReload={onReload} /> : null}
      <Paragraph data-size="sm">{t('settlement.checklist.editIntro')}</Paragraph>
      {fields.map((field, i) => {
        const path = (name: keyof typeof fieldNames) => `items.${i}.${name}` as const;
        const input = (name: 'key' | 'title' | 'dueOffsetMonths' | 'dueOffsetDays', extra: Record<string, unknown> = {}) => (
          <TextField id={f.idFor(path(name))} label={fieldNames[name]} error={f.errorFor(path(name))} autoComplete="off" {...extra} {...register(path(name))} />
        );
        return (
          <Fieldset key={field.id} className="role-row checklist-item">
            <Fieldset.Legend>{t('settlement.checklist.item', { n: i + 1, title: field.title || t('settlement.checklist.newItem') })}</Fieldset.Legend>
            {input('title', { maxLength: 200 })}
            <TextareaField id={f.idFor(path('description'))} label={fieldNames.description} maxLength={1000} error={f.errorFor(path('description'))} {...register(path('description'))} />
            {input('key', { description: t('settlement.checklist.keyHint'), maxLength: 40, className: 'input-number', spellCheck: false })}
            <div className="filter-grid">
              <SelectField id={f.idFor(path('ownerUnitKind'))} label={fieldNames.ownerUnitKind} error={f.errorFor(path('ownerUnitKind'))} {...register(path('ownerUnitKind'))}>
                <option value="">{t('common.choose')}</option>
                {units.unitKindOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </SelectField>
              <SelectField id={f.idFor(path('scope'))} label={fieldNames.scope} error={f.errorFor(path('scope'))} {...register(path('scope'))}>
                {labels.scopeOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </SelectField>
              <SelectField id={f.idFor(path('condition'))} label={fieldNames.condition} error={f.errorFor(path('condition'))} {...register(path('condition'))}>
                {labels.conditionOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </SelectField>
              {input('dueOffsetMonths', { inputMode: 'numeric', className: 'input-short', description: t('settlement.checklist.dueHint') })}
              {input('dueOffsetDays', { inputMode: 'numeric', className: 'input-short' })}
            </div>
            <div className="button-row">
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                id={`${field.id}-up`}
                disabled={i === 0}
                onClick={() => {
                  move(i, i - 1);
                  refocus(`${field.id}-up`, `${field.id}-down`);
                }}
              >
                {t('settlement.checklist.moveUp', { n: i + 1 })}
              </Button>
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                id={`${field.id}-down`}
                disabled={i === fields.length - 1}
                onClick={() => {
                  move(i, i + 1);
                  refocus(`${field.id}-down`, `${field.id}-up`);
                }}
              >
                {t('settlement.checklist.moveDown', { n: i + 1 })}
              </Button>
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                data-color="danger"
                disabled={fields.length === 1}
                onClick={() => {
                  const next = fields[i + 1] ?? fields[i - 1];
                  remove(i);
                  refocus(next ? `${next.id}-up` : 'checklist-add', next ? `${next.id}-down` : undefined);
                }}
              >
                {t('settlement.checklist.remove', { n: i + 1 })}
              </Button>
            </div>
          </Fieldset>
        );
      })}
      <div className="button-row">
        <Button
          type="button"
          variant="secondary"
          id="checklist-add"
          onClick={() => {
            append(emptyItem(), { shouldFocus: false });
            setTimeout(() => document.getElementById(f.idFor(`items.${fields.length}.title`))?.focus(), 0);
          }}
        >
          {t('settlement.checklist.add')}
        </Button>
      </div>
      <div className="button-row">
        <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
          {t('settlement.checklist.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
