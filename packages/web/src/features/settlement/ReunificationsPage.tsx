import { useState } from 'react';
import { Button, Heading, Link as DsLink, Paragraph, Table, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS, ReunificationFields, type FieldError, type PersonSummary, type ResponseOf } from '@eidor/contract';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { labelsFrom, useContractForm } from '../../components/form/use-contract-form.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate } from '../../i18n/format.ts';
import { PersonSearchDialog } from '../people/PersonSearchDialog.tsx';
import { useSettlementLabels, type Relation, type ReunificationState } from './labels.ts';
import { SettlementNav } from './SettlementNav.tsx';

export type ReunificationView = ResponseOf<'listReunifications'>['items'][number];
export type Reunification = z.output<typeof ReunificationFields>;

export type ReunificationsPageProps = {
  items: ReunificationView[];
  canEdit: boolean;
  onSearchPeople: (q: string) => Promise<PersonSummary[]>;
  onCreate: (fields: Reunification) => Promise<ReunificationView>;
  onUpdate: (item: ReunificationView, fields: Reunification) => Promise<ReunificationView>;
  onReload: () => Promise<void>;
};

type Values = {
  sponsorPersonId: string;
  expectedName: string;
  relation: Relation | '';
  birthDate: string;
  applicationDate: string;
  expectedArrivalDate: string;
  status: ReunificationState;
  arrivedPersonId: string;
  note: string;
};

/** Why the server refused, in the user's words. */
export function reunificationServerMessage(field: FieldError, t: TFunction): string | undefined {
  if (field.message === 'is not a person in this municipality') return t('settlement.reunifications.server.unknownPerson');
  if (field.message.startsWith('is required when the family member has arrived')) return t('settlement.reunifications.server.arrivedPerson');
  return undefined;
}

/** Expected family reunifications, with the five-year rule for the integration grant. */
export function ReunificationsPage({ items, canEdit, onSearchPeople, onCreate, onUpdate, onReload }: ReunificationsPageProps) {
  const { t } = useTranslation();
  const labels = useSettlementLabels();
  const formatDate = useFormatDate();
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const current = editing && editing !== 'new' ? (items.find((i) => i.id === editing) ?? null) : null;
  return (
    <>
      <PageHeading>{t('settlement.reunifications.title')}</PageHeading>
      <SettlementNav />
      <Paragraph>{t('settlement.reunifications.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {canEdit ? (
        <div className="button-row page-actions">
          <Button onClick={() => setEditing('new')}>{t('settlement.reunifications.new')}</Button>
        </div>
      ) : null}
      <section className="section" aria-labelledby="reunifications-list">
        <Heading level={2} data-size="sm" id="reunifications-list">
          {t('settlement.reunifications.listHeading')}
        </Heading>
        {items.length === 0 ? (
          <Paragraph>{t('settlement.reunifications.empty')}</Paragraph>
        ) : (
          <ScrollRegion labelledBy="reunifications-list">
            <Table zebra border className="wide-table">
              <caption className="ds-sr-only">{t('settlement.reunifications.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('settlement.reunifications.fields.expectedName')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('settlement.reunifications.fields.sponsor')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('settlement.reunifications.fields.relation')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('settlement.reunifications.fields.applicationDate')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('settlement.reunifications.fields.expectedArrivalDate')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('settlement.reunifications.fields.status')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('settlement.reunifications.grant')}</Table.HeaderCell>
                  {canEdit ? <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell> : null}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {items.map((r) => (
                  <Table.Row key={r.id}>
                    <Table.HeaderCell scope="row">
                      <bdi>{r.expectedName}</bdi>
                    </Table.HeaderCell>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link to="/people/$id" params={{ id: r.sponsorPersonId }}>
                          <bdi>{r.sponsorName}</bdi>
                        </Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>{labels.relation(r.relation)}</Table.Cell>
                    <Table.Cell>{r.applicationDate ? formatDate(r.applicationDate) : '–'}</Table.Cell>
                    <Table.Cell>{r.expectedArrivalDate ? formatDate(r.expectedArrivalDate) : '–'}</Table.Cell>
                    <Table.Cell>{labels.reunificationStatus(r.status)}</Table.Cell>
                    <Table.Cell>
                      <GrantLimit item={r} />
                    </Table.Cell>
                    {canEdit ? (
                      <Table.Cell>
                        <Button variant="tertiary" data-size="sm" onClick={() => setEditing(r.id)}>
                          {t('common.edit')}
                          <span className="ds-sr-only">
                            {' '}
                            <bdi>{r.expectedName}</bdi>
                          </span>
                        </Button>
                      </Table.Cell>
                    ) : null}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        )}
      </section>

      <FormDialog
        open={editing === 'new' || current !== null}
        title={editing === 'new' ? t('settlement.reunifications.new') : t('settlement.reunifications.editHeading')}
        onClose={() => setEditing(null)}
        wide
      >
        {({ reloaded, close }) => (
          <ReunificationForm
            key={current ? `${current.id}:${current.version}` : 'new'}
            item={current}
            onSearchPeople={onSearchPeople}
            onSubmit={async (fields) => {
              setStatus('');
              const saved = current ? await onUpdate(current, fields) : await onCreate(fields);
              close();
              setStatus(t('settlement.reunifications.saved', { name: saved.expectedName }));
            }}
            onCancel={close}
            onReload={reloaded(onReload)}
          />
        )}
      </FormDialog>
    </>
  );
}

/** The five-year rule (rules.md § 4.1), in words and not by colour alone. */
export function GrantLimit({ item }: { item: Pick<ReunificationView, 'grantLimitExceeded' | 'grantLimitDate' | 'sponsorFirstSettlement'> }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (item.grantLimitExceeded === true) {
    return (
      <>
        <Tag data-color="warning" data-size="sm">
          {t('settlement.reunifications.limit.exceededTag')}
        </Tag>
        <Paragraph data-size="sm" className="task-note">
          {t('settlement.reunifications.limit.exceeded')}
        </Paragraph>
      </>
    );
  }
  if (item.grantLimitExceeded === false) return <>{t('settlement.reunifications.limit.within', { date: formatDate(item.grantLimitDate ?? '') })}</>;
  if (!item.sponsorFirstSettlement) return <>{t('settlement.reunifications.limit.noSettlement')}</>;
  return <>{t('settlement.reunifications.limit.noApplication', { date: formatDate(item.grantLimitDate ?? '') })}</>;
}

function ReunificationForm({
  item,
  onSearchPeople,
  onSubmit,
  onCancel,
  onReload,
}: {
  item: ReunificationView | null;
  onSearchPeople: (q: string) => Promise<PersonSummary[]>;
  onSubmit: (fields: Reunification) => Promise<void>;
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const labels = useSettlementLabels();
  const [picking, setPicking] = useState<'sponsorPersonId' | 'arrivedPersonId' | null>(null);
  const [chosen, setChosen] = useState<{ sponsorPersonId: string | null; arrivedPersonId: string | null }>({
    sponsorPersonId: item?.sponsorName ?? null,
    arrivedPersonId: item?.arrivedPersonId ? t('settlement.reunifications.arrivedChosen') : null,
  });
  const fieldLabels = {
    sponsorPersonId: t('settlement.reunifications.fields.sponsor'),
    expectedName: t('settlement.reunifications.fields.expectedName'),
    relation: t('settlement.reunifications.fields.relation'),
    birthDate: t('settlement.reunifications.fields.birthDate'),
    applicationDate: t('settlement.reunifications.fields.applicationDate'),
    expectedArrivalDate: t('settlement.reunifications.fields.expectedArrivalDate'),
    status: t('settlement.reunifications.fields.status'),
    arrivedPersonId: t('settlement.reunifications.fields.arrivedPerson'),
    note: t('settlement.reunifications.fields.note'),
  };
  const f = useContractForm<Values, Reunification>({
    id: 'reunification',
    schema: ReunificationFields,
    defaultValues: {
      sponsorPersonId: item?.sponsorPersonId ?? '',
      expectedName: item?.expectedName ?? '',
      relation: item?.relation ?? '',
      birthDate: item?.birthDate ?? '',
      applicationDate: item?.applicationDate ?? '',
      expectedArrivalDate: item?.expectedArrivalDate ?? '',
      status: item?.status ?? 'expected',
      arrivedPersonId: item?.arrivedPersonId ?? '',
      note: item?.note ?? '',
    },
    labelFor: labelsFrom(fieldLabels),
    prepare: (v) => ({
      sponsorPersonId: v.sponsorPersonId,
      expectedName: v.expectedName,
      relation: v.relation,
      birthDate: v.birthDate || null,
      applicationDate: v.applicationDate || null,
      expectedArrivalDate: v.expectedArrivalDate || null,
      status: v.status,
      arrivedPersonId: v.arrivedPersonId || null,
      note: v.note.trim() === '' ? null : v.note,
    }),
    check: (v) => (v.sponsorPersonId ? [] : [{ path: 'sponsorPersonId', message: t('settlement.reunifications.chooseSponsor') }]),
    toFormPath: (path) => path.replace(/^fields\./, ''),
    serverMessage: (field) => reunificationServerMessage(field, t),
    onSubmit,
  });
  const { register, formState, setValue, clearErrors } = f.form;

  const personField = (name: 'sponsorPersonId' | 'arrivedPersonId', hint: string, optional: boolean) => {
    const error = f.errorFor(name);
    const valueId = `${f.idFor(name)}-value`;
    return (
      <div className="field-like">
        <Paragraph className="field-label">{fieldLabels[name]}</Paragraph>
        <Paragraph data-size="sm" id={valueId}>
          {chosen[name] ? <bdi>{chosen[name]}</bdi> : hint}
        </Paragraph>
        <div className="button-row">
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            id={f.idFor(name)}
            aria-describedby={`${valueId}${error ? ` ${f.idFor(name)}-error` : ''}`}
            aria-invalid={error ? true : undefined}
            onClick={() => setPicking(name)}
          >
            {chosen[name] ? t('settlement.reunifications.change', { field: fieldLabels[name].toLocaleLowerCase() }) : t('settlement.reunifications.choose', { field: fieldLabels[name].toLocaleLowerCase() })}
          </Button>
          {optional && chosen[name] ? (
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              onClick={() => {
                setValue(name, '');
                setChosen((c) => ({ ...c, [name]: null }));
              }}
            >
              {t('settlement.reunifications.remove', { field: fieldLabels[name].toLocaleLowerCase() })}
            </Button>
          ) : null}
        </div>
        {error ? <ValidationMessage id={`${f.idFor(name)}-error`}>{error}</ValidationMessage> : null}
      </div>
    );
  };

  return (
    <>
      <form onSubmit={f.submit} noValidate className="form">
        <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
        {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} onReload={onReload} /> : null}
        {personField('sponsorPersonId', t('settlement.reunifications.noSponsor'), false)}
        <TextField id={f.idFor('expectedName')} label={fieldLabels.expectedName} description={t('settlement.reunifications.expectedNameHint')} maxLength={LIMITS.personNameMax * 2} autoComplete="off" error={f.errorFor('expectedName')} {...register('expectedName')} />
        <SelectField id={f.idFor('relation')} label={fieldLabels.relation} error={f.errorFor('relation')} width="auto" {...register('relation')}>
          <option value="">{t('common.choose')}</option>
          {labels.relationOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <TextField id={f.idFor('birthDate')} label={fieldLabels.birthDate} type="date" className="input-short" error={f.errorFor('birthDate')} {...register('birthDate')} />
        <TextField id={f.idFor('applicationDate')} label={fieldLabels.applicationDate} description={t('settlement.reunifications.applicationDateHint')} type="date" className="input-short" error={f.errorFor('applicationDate')} {...register('applicationDate')} />
        <TextField id={f.idFor('expectedArrivalDate')} label={fieldLabels.expectedArrivalDate} type="date" className="input-short" error={f.errorFor('expectedArrivalDate')} {...register('expectedArrivalDate')} />
        <SelectField id={f.idFor('status')} label={fieldLabels.status} error={f.errorFor('status')} width="auto" {...register('status')}>
          {labels.reunificationStatusOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        {personField('arrivedPersonId', t('settlement.reunifications.noArrived'), true)}
        <TextareaField id={f.idFor('note')} label={fieldLabels.note} maxLength={LIMITS.textMax} error={f.errorFor('note')} {...register('note')} />
        <div className="button-row">
          <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
            {t('common.save')}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
      <PersonSearchDialog
        open={picking !== null}
        heading={picking === 'arrivedPersonId' ? t('settlement.reunifications.pickArrived') : t('settlement.reunifications.pickSponsor')}
        selectLabel={t('people.sponsor.select')}
        onSearch={onSearchPeople}
        onSelect={(p) => {
          if (!picking) return;
          setValue(picking, p.id);
          clearErrors(picking);
          setChosen((c) => ({ ...c, [picking]: `${p.givenName} ${p.familyName}` }));
        }}
        onClose={() => setPicking(null)}
      />
    </>
  );
}
