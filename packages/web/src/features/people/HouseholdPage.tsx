import { useId, useState } from 'react';
import { Alert, Button, Dialog, Heading, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS, UpdateHouseholdRequest, type ResponseOf } from '@eidor/contract';
import { ageOn, osloDate } from '@eidor/domain';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { labelsFrom, useContractForm } from '../../components/form/use-contract-form.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate } from '../../i18n/format.ts';
import { usePeopleLabels } from './labels.ts';

export type HouseholdView = ResponseOf<'getHousehold'>;
const Rename = UpdateHouseholdRequest.omit({ version: true });
export type HouseholdRename = z.output<typeof Rename>;

export type HouseholdPageProps = {
  household: HouseholdView;
  /** Whether the user may register people (and so add one to this household). */
  canRegister: boolean;
  /** Whether the user may put the household in the arrival pipeline (settlement.manage). */
  canStartSettlement?: boolean;
  onRename: (changes: HouseholdRename) => Promise<HouseholdView>;
  onReload: () => Promise<void>;
  today?: string;
};

/** A household: its name, the members the user may see with their roles, and a way to add or rename. */
export function HouseholdPage({ household, canRegister, canStartSettlement = false, onRename, onReload, today = osloDate(new Date()) }: HouseholdPageProps) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const formatDate = useFormatDate();
  const [status, setStatus] = useState('');
  const [renaming, setRenaming] = useState(false);
  return (
    <>
      <Paragraph data-size="sm">
        <DsLink asChild>
          <Link to="/people">{t('people.person.back')}</Link>
        </DsLink>
      </Paragraph>
      {/* Household names are family names: the document title (kept in the browser's history) stays neutral. */}
      <PageHeading documentTitle={t('households.documentTitle')}>
        <bdi>{household.name}</bdi>
      </PageHeading>
      <StatusMessage>{status}</StatusMessage>
      {household.can.edit || canRegister || canStartSettlement ? (
        <div className="button-row">
          {canRegister ? (
            <Button asChild>
              <Link to="/people/new" search={{ household: household.id }}>
                {t('households.add')}
              </Link>
            </Button>
          ) : null}
          {canStartSettlement ? (
            <Button asChild variant="secondary">
              <Link to="/settlement/pipeline" search={{ household: household.id }}>
                {t('households.startSettlement')}
              </Link>
            </Button>
          ) : null}
          {household.can.edit ? (
            <Button variant="secondary" onClick={() => setRenaming(true)}>
              {t('households.rename')}
            </Button>
          ) : null}
        </div>
      ) : null}

      <section className="section" aria-labelledby="household-members">
        <Heading level={2} data-size="sm" id="household-members">
          {t('households.members.heading')}
        </Heading>
        {household.members.length === 0 ? (
          <Paragraph>{t('households.members.empty')}</Paragraph>
        ) : (
          <ScrollRegion labelledBy="household-members">
            <Table zebra border>
              <caption className="ds-sr-only">{t('households.members.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('households.members.name')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('households.members.role')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('households.members.birthDate')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('households.members.age')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('households.members.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {household.members.map((m) => (
                  <Table.Row key={m.id}>
                    <Table.HeaderCell scope="row">
                      <DsLink asChild>
                        <Link to="/people/$id" params={{ id: m.id }}>
                          <bdi>{`${m.givenName} ${m.familyName}`}</bdi>
                        </Link>
                      </DsLink>
                    </Table.HeaderCell>
                    <Table.Cell>{m.householdRole ? labels.householdRole(m.householdRole) : '–'}</Table.Cell>
                    <Table.Cell>{formatDate(m.birthDate)}</Table.Cell>
                    <Table.Cell>{t('people.person.age', { age: ageOn(m.birthDate, today) })}</Table.Cell>
                    <Table.Cell>{labels.status(m.status)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        )}
      </section>

      <RenameDialog
        open={renaming}
        household={household}
        onClose={() => setRenaming(false)}
        onSave={async (changes) => {
          setStatus('');
          await onRename(changes);
          setRenaming(false);
          setStatus(t('households.renameDone'));
        }}
        onReload={onReload}
      />
    </>
  );
}

function RenameDialog({
  open,
  household,
  onClose,
  onSave,
  onReload,
}: {
  open: boolean;
  household: HouseholdView;
  onClose: () => void;
  onSave: (changes: HouseholdRename) => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [reloaded, setReloaded] = useState(false);
  const close = () => {
    setReloaded(false);
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} closeButton={t('common.closeDialog')} aria-labelledby={headingId}>
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={headingId}>
          {t('households.rename')}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        {reloaded ? (
          <Alert data-color="info">
            <Paragraph>{t('common.reloaded')}</Paragraph>
          </Alert>
        ) : null}
        {open ? (
          <RenameForm
            key={`${household.id}:${household.version}`}
            household={household}
            onSubmit={onSave}
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

function RenameForm({ household, onSubmit, onCancel, onReload }: { household: HouseholdView; onSubmit: (c: HouseholdRename) => Promise<void>; onCancel: () => void; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const fieldLabels = { name: t('households.name') };
  const f = useContractForm<{ name: string }, HouseholdRename>({
    id: 'household-rename',
    schema: Rename,
    defaultValues: { name: household.name },
    labelFor: labelsFrom(fieldLabels),
    onSubmit,
  });
  const { register, formState } = f.form;
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} onReload={onReload} /> : null}
      <TextField id={f.idFor('name')} label={fieldLabels.name} maxLength={LIMITS.nameMax} autoComplete="off" error={f.errorFor('name')} {...register('name')} />
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
