import { useEffect, useState, type ReactNode } from 'react';
import { Button, Fieldset, Heading, Input, Label, Link as DsLink, Paragraph, Radio, Table, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS, type CaseView, type TaskView } from '@eidor/contract';
import { osloDate } from '@eidor/domain';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { useContractForm } from '../../components/form/use-contract-form.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate } from '../../i18n/format.ts';
import { usePeopleLabels } from '../people/labels.ts';
import { TaskTable, type TaskAction } from '../tasks/TaskTable.tsx';
import { CaseFacts, caseFactsFrom, caseFormFrom, caseServerMessage, checkCaseFacts, type CaseFormValues } from './case-form.ts';
import { useSettlementLabels } from './labels.ts';
import { timingColor, timingText } from './timing.ts';

export type CasePageProps = {
  kase: CaseView;
  userId: string;
  unitIds: readonly string[];
  onSave: (facts: CaseFacts) => Promise<CaseView>;
  onReload: () => Promise<void>;
  onTask: (task: TaskView, action: TaskAction) => Promise<void>;
  /** "Today" in Oslo, for whether the next step is overdue. */
  today?: string;
};

/**
 * A household's settlement case: where it stands (stage, next step, IMDi's timing), the dated facts
 * and each member's settlement and population-register dates, the dwelling, and the tasks.
 */
export function CasePage({ kase, userId, unitIds, onSave, onReload, onTask, today = osloDate(new Date()) }: CasePageProps) {
  const { t } = useTranslation();
  const labels = useSettlementLabels();
  const formatDate = useFormatDate();
  const [status, setStatus] = useState('');
  const notGiven = t('people.person.notGiven');
  return (
    <>
      <Paragraph data-size="sm">
        <DsLink asChild>
          <Link to="/settlement/pipeline">{t('settlement.case.back')}</Link>
        </DsLink>
      </Paragraph>
      {/* The household's name is a family name: the document title stays neutral. */}
      <PageHeading documentTitle={t('settlement.case.documentTitle')}>
        <bdi>{kase.householdName}</bdi>
      </PageHeading>
      <StatusMessage>{status}</StatusMessage>

      <section className="section" aria-labelledby="case-status">
        <Heading level={2} data-size="sm" id="case-status">
          {t('settlement.case.statusHeading')}
        </Heading>
        <dl className="facts">
          <Fact term={t('settlement.case.stage')}>{labels.stage(kase.stage)}</Fact>
          <Fact term={t('settlement.case.nextStep')}>
            {kase.nextStep ? (
              <>
                {labels.nextStep(kase.nextStep)}
                {kase.nextStepDue ? ` – ${t('settlement.pipeline.due', { date: formatDate(kase.nextStepDue) })}` : ''}
                {kase.nextStepDue && kase.nextStepDue < today ? (
                  <>
                    {' '}
                    <Tag data-color="danger" data-size="sm">
                      {t('tasks.overdue')}
                    </Tag>
                  </>
                ) : null}
              </>
            ) : (
              t('settlement.pipeline.noNextStep')
            )}
          </Fact>
          <Fact term={t('settlement.case.timing')}>
            <Tag data-color={timingColor(kase.timing.status)} data-size="sm">
              {labels.timing(kase.timing.status)}
            </Tag>{' '}
            {timingText(kase.timing, t, formatDate)}
          </Fact>
          <Fact term={t('settlement.case.facts.imdiReference')}>{kase.imdiReference ?? notGiven}</Fact>
          <Fact term={t('settlement.case.source')}>{kase.source === 'import' ? t('settlement.case.sourceImport') : t('settlement.case.sourceManual')}</Fact>
          <Fact term={t('people.fields.household')}>
            <DsLink asChild>
              <Link to="/households/$id" params={{ id: kase.householdId }}>
                {t('people.person.householdLink')}
              </Link>
            </DsLink>
          </Fact>
        </dl>
      </section>

      <CaseForm
        kase={kase}
        onSave={async (facts) => {
          setStatus('');
          await onSave(facts);
          setStatus(t('settlement.case.saved'));
        }}
        onReload={onReload}
      />

      <section className="section" aria-labelledby="case-dwelling">
        <Heading level={2} data-size="sm" id="case-dwelling">
          {t('settlement.case.dwelling.heading')}
        </Heading>
        {kase.allocations.length === 0 ? (
          <Paragraph>
            {t('settlement.case.dwelling.none')}{' '}
            <DsLink asChild>
              <Link to="/housing">{t('settlement.case.dwelling.register')}</Link>
            </DsLink>
          </Paragraph>
        ) : (
          <Table zebra border data-size="sm">
            <caption className="ds-sr-only">{t('settlement.case.dwelling.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('housing.fields.address')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('housing.allocations.from')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('housing.allocations.to')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {kase.allocations.map((a) => (
                <Table.Row key={a.id}>
                  <Table.HeaderCell scope="row">
                    <DsLink asChild>
                      <Link to="/housing/$id" params={{ id: a.dwellingId }}>
                        {a.address}
                      </Link>
                    </DsLink>
                  </Table.HeaderCell>
                  <Table.Cell>{formatDate(a.fromDate)}</Table.Cell>
                  <Table.Cell>{a.toDate ? formatDate(a.toDate) : t('housing.allocations.openEnded')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>

      <section className="section" aria-labelledby="case-tasks">
        <Heading level={2} data-size="sm" id="case-tasks" tabIndex={-1}>
          {t('settlement.case.tasks.heading')}
        </Heading>
        {kase.tasks.length === 0 ? (
          <Paragraph>{t('settlement.case.tasks.empty')}</Paragraph>
        ) : (
          <TaskTable tasks={kase.tasks} caption={t('settlement.case.tasks.caption')} headingId="case-tasks" userId={userId} unitIds={unitIds} onAct={onTask} onReload={onReload} />
        )}
      </section>
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

function CaseForm({ kase, onSave, onReload }: { kase: CaseView; onSave: (facts: CaseFacts) => Promise<void>; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const peopleLabels = usePeopleLabels();
  const formatDate = useFormatDate();
  const [reloaded, setReloaded] = useState(false);
  const names = kase.members.map((m) => `${m.givenName} ${m.familyName}`);
  const fieldLabels: Record<string, string> = {
    imdiReference: t('settlement.case.facts.imdiReference'),
    offeredDate: t('settlement.case.facts.offeredDate'),
    response: t('settlement.case.facts.response'),
    responseDate: t('settlement.case.facts.responseDate'),
    declineReason: t('settlement.case.facts.declineReason'),
    imdiDecisionDate: t('settlement.case.facts.imdiDecisionDate'),
    plannedArrivalDate: t('settlement.case.facts.plannedArrivalDate'),
  };
  kase.members.forEach((_m, i) => {
    fieldLabels[`members.${i}.settlementDate`] = t('settlement.case.members.settlementDateOf', { name: names[i] });
    fieldLabels[`members.${i}.populationRegisteredDate`] = t('settlement.case.members.registeredDateOf', { name: names[i] });
  });
  const labelFor = (path: string) => fieldLabels[path];
  const f = useContractForm<CaseFormValues, CaseFacts>({
    id: 'case',
    schema: CaseFacts,
    defaultValues: caseFormFrom(kase),
    labelFor,
    prepare: caseFactsFrom,
    check: (v) => checkCaseFacts(v, kase, t, labelFor),
    serverMessage: (field, label) => caseServerMessage(field, label, t),
    onSubmit: async (facts) => {
      await onSave(facts);
      setReloaded(false);
    },
  });
  const { register, formState, watch, reset } = f.form;
  // A new version (saved here, or loaded after a conflict): the form shows what is stored now.
  useEffect(() => {
    reset(caseFormFrom(kase));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new version resets the form
  }, [kase.version, kase.id]);
  const response = watch('response');
  const readOnly = !kase.can.edit;
  const date = (name: keyof CaseFormValues, description?: string) => (
    <TextField id={f.idFor(name)} label={fieldLabels[name]!} description={description} type="date" className="input-short" readOnly={readOnly} error={f.errorFor(name)} {...register(name)} />
  );
  const responseError = f.errorFor('response');
  return (
    <form onSubmit={f.submit} noValidate aria-labelledby="case-facts">
      <section className="section" aria-labelledby="case-facts">
        <Heading level={2} data-size="sm" id="case-facts">
          {t('settlement.case.facts.heading')}
        </Heading>
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
          <TextField id={f.idFor('imdiReference')} label={fieldLabels.imdiReference!} maxLength={40} autoComplete="off" className="input-number" readOnly={readOnly} error={f.errorFor('imdiReference')} {...register('imdiReference')} />
          {date('offeredDate')}
          <Fieldset>
            <Fieldset.Legend>{fieldLabels.response}</Fieldset.Legend>
            <Radio id={f.idFor('response')} label={t('settlement.case.facts.noResponse')} value="" disabled={readOnly} {...register('response')} />
            <Radio id={`${f.idFor('response')}-accepted`} label={t('settlement.case.facts.accepted')} value="accepted" disabled={readOnly} {...register('response')} />
            <Radio id={`${f.idFor('response')}-declined`} label={t('settlement.case.facts.declined')} value="declined" disabled={readOnly} {...register('response')} />
            {responseError ? <ValidationMessage>{responseError}</ValidationMessage> : null}
          </Fieldset>
          {date('responseDate')}
          {response === 'declined' ? (
            <TextareaField id={f.idFor('declineReason')} label={fieldLabels.declineReason!} maxLength={LIMITS.textMax} readOnly={readOnly} error={f.errorFor('declineReason')} {...register('declineReason')} />
          ) : null}
          {date('imdiDecisionDate')}
          {date('plannedArrivalDate')}
        </div>
      </section>

      <section className="section" aria-labelledby="case-members">
        <Heading level={2} data-size="sm" id="case-members">
          {t('settlement.case.members.heading')}
        </Heading>
        <Paragraph data-size="sm">{t('settlement.case.members.intro')}</Paragraph>
        <ScrollRegion labelledBy="case-members">
          <Table zebra border className="wide-table">
            <caption className="ds-sr-only">{t('settlement.case.members.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('households.members.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('households.members.birthDate')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('people.fields.arrivalCategory')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('settlement.case.members.permitDate')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('settlement.case.members.settlementDate')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('settlement.case.members.registeredDate')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {kase.members.map((m, i) => (
                <Table.Row key={m.personId}>
                  <Table.HeaderCell scope="row">
                    <DsLink asChild>
                      <Link to="/people/$id" params={{ id: m.personId }}>
                        <bdi>{names[i]}</bdi>
                      </Link>
                    </DsLink>
                  </Table.HeaderCell>
                  <Table.Cell>{formatDate(m.birthDate)}</Table.Cell>
                  <Table.Cell>{m.arrivalCategory ? peopleLabels.arrivalCategory(m.arrivalCategory) : '–'}</Table.Cell>
                  <Table.Cell>{m.permitDate ? formatDate(m.permitDate) : '–'}</Table.Cell>
                  {(['settlementDate', 'populationRegisteredDate'] as const).map((field) => {
                    const path = `members.${i}.${field}` as const;
                    const error = f.errorFor(path);
                    return (
                      <Table.Cell key={field}>
                        <div className="cell-field">
                          <Label htmlFor={f.idFor(path)} className="ds-sr-only">
                            {fieldLabels[path]}
                          </Label>
                          <Input
                            id={f.idFor(path)}
                            type="date"
                            readOnly={readOnly}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `${f.idFor(path)}-error` : undefined}
                            {...register(path)}
                          />
                          {error ? <ValidationMessage id={`${f.idFor(path)}-error`}>{error}</ValidationMessage> : null}
                        </div>
                      </Table.Cell>
                    );
                  })}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
        {kase.can.edit ? (
          <div className="button-row mt">
            <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
              {t('settlement.case.save')}
            </Button>
          </div>
        ) : null}
      </section>
    </form>
  );
}
