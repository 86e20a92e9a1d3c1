import { useState } from 'react';
import { Alert, Button, Heading, ListItem, ListUnordered, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { AdoptPlanRequest } from '@eidor/contract';
import { COMPLAINT_INFO, type IsoDate } from '@eidor/domain';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { useContractForm } from '../../components/form/use-contract-form.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate } from '../../i18n/format.ts';
import { useProgrammeLabels } from './labels.ts';
import { planFormFrom, type Plan, type PlanDraft } from './plan-form.ts';
import { PlanEditor } from './PlanEditor.tsx';
import { programmeServerMessage } from './server-messages.ts';

const AdoptFields = AdoptPlanRequest.omit({ version: true });
type Adopt = { decisionDate: string; reviewDue: string | null };

export type PlanSectionProps = {
  plans: readonly Plan[];
  canEdit: boolean;
  /** The programme period the measures must lie in; null without a programme decision with a start date. */
  period: { from: string; to: string } | null;
  units: readonly { id: string; name: string }[];
  today: IsoDate;
  onDraft: (draft: PlanDraft) => Promise<void>;
  onAdopt: (plan: Plan, adopt: Adopt) => Promise<void>;
  onReload: () => Promise<void>;
};

/**
 * The integration plan's versions, newest first. A new version is a draft; adopting it is a formal
 * decision (enkeltvedtak) with complaint information, and its review goes on the work queue.
 */
export function PlanSection({ plans, canEdit, period, units, today, onDraft, onAdopt, onReload }: PlanSectionProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [status, setStatus] = useState('');
  const [drafting, setDrafting] = useState(false);
  const [adopting, setAdopting] = useState<Plan | null>(null);
  const formatDate = useFormatDate();
  const latest = plans[0];
  const adopted = plans.find((p) => p.status === 'adopted');
  const pendingDraft = latest?.status === 'draft' ? latest : undefined;
  return (
    <section className="section" aria-labelledby="programme-plan">
      <Heading level={2} data-size="sm" id="programme-plan">
        {t('programme.plan.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('programme.plan.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {adopted?.reviewDue ? (
        <Paragraph>
          {t('programme.plan.reviewDue', { n: adopted.planNo, date: formatDate(adopted.reviewDue) })}{' '}
          {adopted.reviewDue < today ? (
            <Tag data-color="danger" data-size="sm">
              {t('programme.overdue')}
            </Tag>
          ) : null}
        </Paragraph>
      ) : null}
      {plans.length === 0 ? <Paragraph>{t('programme.plan.none')}</Paragraph> : null}
      {canEdit && !period ? <Paragraph>{t('programme.plan.needsDecision')}</Paragraph> : null}
      {canEdit && period ? (
        pendingDraft ? (
          <>
            <Paragraph data-size="sm">{t('programme.plan.draftPending', { n: pendingDraft.planNo })}</Paragraph>
            <Button variant="secondary" onClick={() => setDrafting(true)}>
              {t('programme.plan.editDraft', { n: pendingDraft.planNo })}
            </Button>
          </>
        ) : (
          <Button variant="secondary" onClick={() => setDrafting(true)}>
            {latest ? t('programme.plan.newVersion') : t('programme.plan.newPlan')}
          </Button>
        )
      ) : null}
      {plans.map((p) => (
        <PlanCard key={p.id} plan={p} units={units} canAdopt={canEdit && p.status === 'draft'} onAdopt={() => setAdopting(p)} />
      ))}

      {period ? (
        <FormDialog
          open={drafting}
          wide
          title={pendingDraft ? t('programme.plan.editDraftTitle', { n: pendingDraft.planNo }) : latest ? t('programme.plan.newVersionTitle', { n: (latest.planNo ?? 0) + 1 }) : t('programme.plan.newPlanTitle')}
          onClose={() => setDrafting(false)}
        >
          {({ close }) => (
            <PlanEditor
              defaultValues={planFormFrom(latest, language, period)}
              changesAdopted={adopted !== undefined}
              units={units}
              period={period}
              onCancel={close}
              onSubmit={async (draft) => {
                setStatus('');
                await onDraft(draft);
                close();
                setStatus(t('programme.plan.drafted'));
              }}
            />
          )}
        </FormDialog>
      ) : null}
      <FormDialog open={adopting !== null} title={t('programme.plan.adoptTitle', { n: adopting?.planNo ?? '' })} onClose={() => setAdopting(null)}>
        {({ close, reloaded }) =>
          adopting ? (
            <AdoptForm
              plan={adopting}
              today={today}
              onCancel={close}
              onReload={reloaded(onReload)}
              onSubmit={async (adopt) => {
                setStatus('');
                await onAdopt(adopting, adopt);
                close();
                setStatus(t('programme.plan.adopted', { n: adopting.planNo }));
              }}
            />
          ) : null
        }
      </FormDialog>
    </section>
  );
}

function PlanCard({ plan, units, canAdopt, onAdopt }: { plan: Plan; units: readonly { id: string; name: string }[]; canAdopt: boolean; onAdopt: () => void }) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const formatDate = useFormatDate();
  const headingId = `plan-${plan.id}`;
  const unitName = (id: string | null) => (id ? (units.find((u) => u.id === id)?.name ?? t('programme.plan.unknownUnit')) : '–');
  return (
    <article className="section" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {t('programme.plan.version', { n: plan.planNo })}{' '}
        <Tag data-color={plan.status === 'adopted' ? 'success' : plan.status === 'draft' ? 'warning' : 'neutral'} data-size="sm">
          {labels.planStatus(plan.status)}
        </Tag>
      </Heading>
      <dl className="facts">
        <dt>{t('programme.plan.fields.goals')}</dt>
        <dd>
          <ListUnordered data-size="sm" className="compact-list">
            {plan.goals.map((g, i) => (
              <ListItem key={i}>{g}</ListItem>
            ))}
          </ListUnordered>
        </dd>
        <dt>{t('programme.plan.fields.norwegianGoal')}</dt>
        <dd>{plan.norwegianGoal ?? '–'}</dd>
        {plan.changeReason ? (
          <>
            <dt>{t('programme.plan.fields.changeReason')}</dt>
            <dd>{plan.changeReason}</dd>
          </>
        ) : null}
        <dt>{t('programme.plan.kind')}</dt>
        <dd>{plan.significant ? t('programme.plan.significantYes') : t('programme.plan.significantNo')}</dd>
        {plan.decisionDate ? (
          <>
            <dt>{t('programme.plan.decisionDate')}</dt>
            <dd>{formatDate(plan.decisionDate)}</dd>
          </>
        ) : null}
        {plan.reviewDue ? (
          <>
            <dt>{t('programme.plan.reviewDueTerm')}</dt>
            <dd>{formatDate(plan.reviewDue)}</dd>
          </>
        ) : null}
      </dl>
      <ScrollRegion labelledBy={headingId}>
        <Table zebra border data-size="sm" className="wide-table">
          <caption>{t('programme.plan.measuresCaption', { n: plan.planNo })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('programme.plan.fields.type')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('programme.plan.fields.description')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('programme.plan.fields.providerUnitId')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('programme.plan.period')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('programme.plan.fields.hoursPerWeek')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {plan.measures.map((m, i) => (
              <Table.Row key={i}>
                <Table.HeaderCell scope="row">{labels.measureType(m.type)}</Table.HeaderCell>
                <Table.Cell>{m.description}</Table.Cell>
                <Table.Cell>{unitName(m.providerUnitId)}</Table.Cell>
                <Table.Cell>{t('programme.plan.periodValue', { from: formatDate(m.from), to: formatDate(m.to) })}</Table.Cell>
                <Table.Cell>{t('programme.plan.hours', { n: m.hoursPerWeek })}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
      {plan.complaintInfo ? (
        <Alert data-color="info" className="mt">
          <Heading level={4} data-size="2xs">
            {t('programme.plan.complaintHeading')}
          </Heading>
          <Paragraph data-size="sm" lang="nb">
            {plan.complaintInfo}
          </Paragraph>
        </Alert>
      ) : null}
      {canAdopt ? (
        <div className="button-row mt">
          <Button onClick={onAdopt}>{t('programme.plan.adopt', { n: plan.planNo })}</Button>
        </div>
      ) : null}
    </article>
  );
}

function AdoptForm({ plan, today, onSubmit, onCancel, onReload }: { plan: Plan; today: IsoDate; onSubmit: (a: Adopt) => Promise<void>; onCancel: () => void; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const labelFor = (path: string) => (path === 'decisionDate' ? t('programme.plan.decisionDate') : path === 'reviewDue' ? t('programme.plan.reviewDueTerm') : undefined);
  const f = useContractForm<{ decisionDate: string; reviewDue: string }, Adopt>({
    id: 'adopt',
    schema: AdoptFields,
    defaultValues: { decisionDate: today, reviewDue: '' },
    labelFor,
    prepare: (v) => ({ decisionDate: v.decisionDate, reviewDue: v.reviewDue.trim() === '' ? null : v.reviewDue }),
    serverMessage: (field, label) => programmeServerMessage(field, label, t, formatDate),
    onSubmit,
  });
  const { register, formState } = f.form;
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <Paragraph>{t('programme.plan.adoptIntro', { n: plan.planNo })}</Paragraph>
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} onReload={onReload} /> : null}
      <TextField id={f.idFor('decisionDate')} label={labelFor('decisionDate')!} type="date" className="input-short" error={f.errorFor('decisionDate')} {...register('decisionDate')} />
      <TextField id={f.idFor('reviewDue')} label={labelFor('reviewDue')!} description={t('programme.plan.hints.reviewDue')} type="date" className="input-short" error={f.errorFor('reviewDue')} {...register('reviewDue')} />
      {plan.significant ? (
        <Alert data-color="info">
          <Heading level={3} data-size="2xs">
            {t('programme.plan.complaintHeading')}
          </Heading>
          <Paragraph data-size="sm" lang="nb">
            {COMPLAINT_INFO.nb}
          </Paragraph>
        </Alert>
      ) : (
        <Paragraph data-size="sm">{t('programme.plan.adjustmentNoComplaint')}</Paragraph>
      )}
      <div className="button-row">
        <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
          {t('programme.plan.adoptConfirm')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
