import { useEffect, useState, type ReactNode } from 'react';
import { Button, Heading, Link as DsLink, Paragraph, Table, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CreateAllocationRequest, UpdateAllocationRequest, type DwellingView, type PersonSummary } from '@eidor/contract';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { labelsFrom, useContractForm } from '../../components/form/use-contract-form.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate, useFormatKroner } from '../../i18n/format.ts';
import { PersonSearchDialog } from '../people/PersonSearchDialog.tsx';
import { useSettlementLabels } from '../settlement/labels.ts';
import { DwellingForm } from './DwellingForm.tsx';
import { dwellingFormFrom, housingServerMessage, type Dwelling } from './dwelling-form.ts';
import { Occupancy } from './DwellingsPage.tsx';
import { HousingNav } from './HousingNav.tsx';

export type NewAllocation = z.output<typeof CreateAllocationRequest>;
const EndAllocation = UpdateAllocationRequest.omit({ version: true });
type Allocation = DwellingView['allocations'][number];

export type DwellingPageProps = {
  dwelling: DwellingView;
  status?: string;
  onUpdate: (fields: Dwelling) => Promise<DwellingView>;
  onAllocate: (allocation: NewAllocation) => Promise<DwellingView>;
  onEndAllocation: (allocation: Allocation, toDate: string | null) => Promise<DwellingView>;
  onSearchPeople: (q: string) => Promise<PersonSummary[]>;
  onReload: () => Promise<void>;
};

/** One dwelling: its details and lease, who has lived there and when, and allocating it to a household. */
export function DwellingPage({ dwelling: d, status: initialStatus = '', onUpdate, onAllocate, onEndAllocation, onSearchPeople, onReload }: DwellingPageProps) {
  const { t } = useTranslation();
  const labels = useSettlementLabels();
  const formatDate = useFormatDate();
  const formatKroner = useFormatKroner();
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (!initialStatus) return;
    // A live region announces what changes in it, not what it held when it appeared: add the message just after.
    const timer = setTimeout(() => setStatus(initialStatus), 50);
    return () => clearTimeout(timer);
  }, [initialStatus]);
  const [dialog, setDialog] = useState<'edit' | 'allocate' | { end: string } | null>(null);
  const ending = dialog && typeof dialog === 'object' ? (d.allocations.find((a) => a.id === dialog.end) ?? null) : null;
  const notGiven = t('people.person.notGiven');
  return (
    <>
      <Paragraph data-size="sm">
        <DsLink asChild>
          <Link to="/housing">{t('housing.back')}</Link>
        </DsLink>
      </Paragraph>
      <PageHeading documentTitle={t('housing.documentTitle')}>{d.address}</PageHeading>
      <HousingNav />
      <StatusMessage>{status}</StatusMessage>
      {d.can.edit ? (
        <div className="button-row page-actions">
          {d.status === 'active' ? <Button onClick={() => setDialog('allocate')}>{t('housing.allocate.open')}</Button> : null}
          <Button variant="secondary" onClick={() => setDialog('edit')}>
            {t('housing.edit.open')}
          </Button>
        </div>
      ) : null}

      <section className="section" aria-labelledby="dwelling-details">
        <Heading level={2} data-size="sm" id="dwelling-details">
          {t('housing.details')}
        </Heading>
        <dl className="facts">
          <Fact term={t('housing.fields.occupancy')}>
            <Occupancy dwelling={d} />
            {d.currentHouseholdId && d.currentHouseholdName ? (
              <>
                {' '}
                <DsLink asChild>
                  <Link to="/households/$id" params={{ id: d.currentHouseholdId }}>
                    <bdi>{d.currentHouseholdName}</bdi>
                  </Link>
                </DsLink>
              </>
            ) : null}
          </Fact>
          <Fact term={t('housing.fields.kind')}>{labels.dwellingKind(d.kind)}</Fact>
          <Fact term={t('housing.fields.postalCode')}>{d.postalCode ?? notGiven}</Fact>
          <Fact term={t('housing.fields.rooms')}>{d.rooms}</Fact>
          <Fact term={t('housing.fields.sizeM2')}>{d.sizeM2 === null ? notGiven : t('housing.squareMetres', { size: d.sizeM2 })}</Fact>
          <Fact term={t('housing.fields.monthlyRent')}>{formatKroner(d.monthlyRent)}</Fact>
          <Fact term={t('housing.fields.landlord')}>{d.landlord ?? notGiven}</Fact>
          <Fact term={t('housing.fields.lease')}>
            {d.leaseEnd ? t('housing.leasePeriod', { from: formatDate(d.leaseStart), to: formatDate(d.leaseEnd) }) : t('housing.leaseFrom', { from: formatDate(d.leaseStart) })}
            {d.leaseWarning ? (
              <>
                {' '}
                <Tag data-color="warning" data-size="sm">
                  {t('housing.leaseWarning')}
                </Tag>
                <Paragraph data-size="sm" className="task-note">
                  {t('housing.leaseWarningText')}
                </Paragraph>
              </>
            ) : null}
          </Fact>
          {d.note ? <Fact term={t('housing.fields.note')}>{d.note}</Fact> : null}
        </dl>
      </section>

      <section className="section" aria-labelledby="dwelling-allocations">
        <Heading level={2} data-size="sm" id="dwelling-allocations">
          {t('housing.allocations.heading')}
        </Heading>
        {d.allocations.length === 0 ? (
          <Paragraph>{t('housing.allocations.empty')}</Paragraph>
        ) : (
          <ScrollRegion labelledBy="dwelling-allocations">
            <Table zebra border>
              <caption className="ds-sr-only">{t('housing.allocations.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('housing.fields.household')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('housing.allocations.from')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('housing.allocations.to')}</Table.HeaderCell>
                  {d.can.edit ? <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell> : null}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {d.allocations.map((a) => (
                  <Table.Row key={a.id}>
                    <Table.HeaderCell scope="row">
                      <DsLink asChild>
                        <Link to="/households/$id" params={{ id: a.householdId }}>
                          <bdi>{a.householdName}</bdi>
                        </Link>
                      </DsLink>
                    </Table.HeaderCell>
                    <Table.Cell>{formatDate(a.fromDate)}</Table.Cell>
                    <Table.Cell>{a.toDate ? formatDate(a.toDate) : t('housing.allocations.openEnded')}</Table.Cell>
                    {d.can.edit ? (
                      <Table.Cell>
                        <Button variant="tertiary" data-size="sm" onClick={() => setDialog({ end: a.id })}>
                          {a.toDate ? t('housing.end.change') : t('housing.end.open')}
                          <span className="ds-sr-only">
                            {' '}
                            <bdi>{a.householdName}</bdi>
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

      <FormDialog open={dialog === 'edit'} title={t('housing.edit.open')} onClose={() => setDialog(null)}>
        {({ reloaded, close }) => (
          <DwellingForm
            key={d.version}
            id="dwelling-edit"
            defaultValues={dwellingFormFrom(d)}
            submitLabel={t('common.save')}
            showStatus
            onSubmit={async (fields) => {
              setStatus('');
              await onUpdate(fields);
              close();
              setStatus(t('housing.edit.done'));
            }}
            onCancel={close}
            onReload={reloaded(onReload)}
          />
        )}
      </FormDialog>

      <FormDialog open={dialog === 'allocate'} title={t('housing.allocate.heading', { address: d.address })} onClose={() => setDialog(null)}>
        {({ close }) => (
          <AllocateForm
            onSearchPeople={onSearchPeople}
            onSubmit={async (allocation) => {
              setStatus('');
              await onAllocate(allocation);
              close();
              setStatus(t('housing.allocate.done'));
            }}
            onCancel={close}
          />
        )}
      </FormDialog>

      <FormDialog open={ending !== null} title={t('housing.end.heading')} onClose={() => setDialog(null)}>
        {({ reloaded, close }) =>
          ending ? (
            <EndForm
              key={`${ending.id}:${ending.version}`}
              allocation={ending}
              onSubmit={async (toDate) => {
                setStatus('');
                await onEndAllocation(ending, toDate);
                close();
                setStatus(t('housing.end.done'));
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

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function AllocateForm({ onSearchPeople, onSubmit, onCancel }: { onSearchPeople: (q: string) => Promise<PersonSummary[]>; onSubmit: (a: NewAllocation) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [picking, setPicking] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const fieldLabels = { householdId: t('housing.fields.household'), fromDate: t('housing.allocations.from'), toDate: t('housing.allocations.to') };
  const f = useContractForm<{ householdId: string; fromDate: string; toDate: string }, NewAllocation>({
    id: 'allocate',
    schema: CreateAllocationRequest,
    defaultValues: { householdId: '', fromDate: '', toDate: '' },
    labelFor: labelsFrom(fieldLabels),
    prepare: (v) => ({ householdId: v.householdId, fromDate: v.fromDate, toDate: v.toDate || null }),
    check: (v) => (v.householdId ? [] : [{ path: 'householdId', message: t('settlement.newCase.chooseHousehold') }]),
    serverMessage: (field, label) => housingServerMessage(field, label, t, formatDate),
    onSubmit,
  });
  const { register, formState, setValue, clearErrors } = f.form;
  const householdError = f.errorFor('householdId');
  return (
    <>
      <form onSubmit={f.submit} noValidate className="form">
        <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
        {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} /> : null}
        <div className="field-like">
          <Paragraph className="field-label">{fieldLabels.householdId}</Paragraph>
          <Paragraph data-size="sm" id="allocate-household-value">
            {chosen ? <bdi>{chosen}</bdi> : t('settlement.newCase.noHousehold')}
          </Paragraph>
          <Button
            type="button"
            variant="secondary"
            id={f.idFor('householdId')}
            aria-describedby={`allocate-household-value${householdError ? ' allocate-householdId-error' : ''}`}
            aria-invalid={householdError ? true : undefined}
            onClick={() => setPicking(true)}
          >
            {chosen ? t('settlement.newCase.changeHousehold') : t('settlement.newCase.chooseHouseholdButton')}
          </Button>
          {householdError ? <ValidationMessage id="allocate-householdId-error">{householdError}</ValidationMessage> : null}
        </div>
        <TextField id={f.idFor('fromDate')} label={fieldLabels.fromDate} type="date" className="input-short" error={f.errorFor('fromDate')} {...register('fromDate')} />
        <TextField id={f.idFor('toDate')} label={fieldLabels.toDate} description={t('housing.allocations.toHint')} type="date" className="input-short" error={f.errorFor('toDate')} {...register('toDate')} />
        <div className="button-row">
          <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
            {t('housing.allocate.submit')}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
      <PersonSearchDialog
        open={picking}
        heading={t('settlement.newCase.pickHeading')}
        selectLabel={t('settlement.newCase.pickSelect')}
        householdsOnly
        onSearch={onSearchPeople}
        onSelect={(p) => {
          if (!p.householdId) return;
          setValue('householdId', p.householdId);
          clearErrors('householdId');
          setChosen(t('settlement.newCase.householdOf', { name: `${p.givenName} ${p.familyName}` }));
        }}
        onClose={() => setPicking(false)}
      />
    </>
  );
}

function EndForm({ allocation, onSubmit, onCancel, onReload }: { allocation: Allocation; onSubmit: (toDate: string | null) => Promise<void>; onCancel: () => void; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const fieldLabels = { toDate: t('housing.allocations.to') };
  const f = useContractForm<{ toDate: string }, z.output<typeof EndAllocation>>({
    id: 'allocation-end',
    schema: EndAllocation,
    defaultValues: { toDate: allocation.toDate ?? '' },
    labelFor: labelsFrom(fieldLabels),
    prepare: (v) => ({ toDate: v.toDate || null }),
    serverMessage: (field, label) => housingServerMessage(field, label, t, formatDate),
    onSubmit: ({ toDate }) => onSubmit(toDate),
  });
  const { register, formState } = f.form;
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <Paragraph>
        {t('housing.end.intro', { from: formatDate(allocation.fromDate) })} <bdi>{allocation.householdName}</bdi>
      </Paragraph>
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} onReload={onReload} /> : null}
      <TextField id={f.idFor('toDate')} label={fieldLabels.toDate} description={t('housing.allocations.toHint')} type="date" className="input-short" error={f.errorFor('toDate')} {...register('toDate')} />
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
