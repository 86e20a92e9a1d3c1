import { useState, type MouseEvent, type ReactNode } from 'react';
import { Heading, Link as DsLink, ListItem, ListUnordered, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ProgrammeView, ResponseOf } from '@eidor/contract';
import { addDays, addMonths, osloDate } from '@eidor/domain';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate } from '../../i18n/format.ts';
import { usePeopleLabels } from '../people/labels.ts';
import { BenefitMonth, type Benefit } from './BenefitMonth.tsx';
import type { DecisionFields } from './decision-form.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { OtherBenefitsSection, OverpaymentsSection } from './EconomySection.tsx';
import type { OtherBenefit, Overpayment } from './economy-form.ts';
import { useProgrammeLabels } from './labels.ts';
import { LettersSection } from './LettersSection.tsx';
import type { Plan, PlanDraft } from './plan-form.ts';
import { PlanSection } from './PlanSection.tsx';
import type { LetterRequest } from './queries.ts';
import { eligibilityReason } from './reasons.ts';

/** A part of the page fetched on its own: still loading, failed, or there. */
export type Loaded<T> = { data: T | undefined; error: unknown };

export type ProgrammePageProps = {
  personId: string;
  /** The person's name, when the user may see it (heading only; the document title stays neutral). */
  personName: string | null;
  view: ProgrammeView;
  plans: Loaded<ResponseOf<'listPlans'>>;
  /** Null when the user may not read the person's economy: the benefit parts are left out. */
  economy: { canEdit: boolean; otherBenefits: Loaded<ResponseOf<'getOtherBenefits'>>; overpayments: Loaded<ResponseOf<'listOverpayments'>> } | null;
  units: readonly { id: string; name: string }[];
  today?: string;
  onSave: (fields: DecisionFields) => Promise<void>;
  onReload: () => Promise<void>;
  onDraftPlan: (draft: PlanDraft) => Promise<void>;
  onAdoptPlan: (plan: Plan, adopt: { decisionDate: string; reviewDue: string | null }) => Promise<void>;
  onReloadPlans: () => Promise<void>;
  loadBenefit: (month: string) => Promise<Benefit>;
  onSaveOtherBenefits: (items: OtherBenefit[]) => Promise<void>;
  onCreateOverpayment: (o: Overpayment) => Promise<void>;
  onDownloadLetter: (letter: LetterRequest) => Promise<void>;
};

/** The last day of the programme: the end date, else start + planned length + extension − 1 day. */
export function programmePeriod(f: DecisionFields): { from: string; to: string } | null {
  if (!f.startDate) return null;
  const to = f.endDate ?? (f.plannedMonths ? addDays(addMonths(f.startDate, f.plannedMonths + f.extensionMonths), -1) : '');
  return { from: f.startDate, to };
}

/**
 * A person's introduction programme: who has the right and duty and why, the legal deadlines, the
 * programme decision with its ending, the integration plan's versions, and (for those who may read
 * the person's economy) the benefit month by month, other benefits, overpayments; and the letters.
 */
export function ProgrammePage(props: ProgrammePageProps) {
  const { personId, personName, view, plans, economy, units, today = osloDate(new Date()) } = props;
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const thisMonth = today.slice(0, 7);
  const period = programmePeriod(view.fields);
  return (
    <>
      <Paragraph data-size="sm">
        <DsLink asChild>
          <Link to="/people/$id" params={{ id: personId }}>
            {t('programme.back')}
          </Link>
        </DsLink>
      </Paragraph>
      <PageHeading documentTitle={t('programme.documentTitle')}>
        {personName ? (
          <>
            {t('programme.title')}: <bdi>{personName}</bdi>
          </>
        ) : (
          t('programme.title')
        )}
      </PageHeading>
      <StatusMessage>{status}</StatusMessage>
      <nav aria-label={t('programme.contents')}>
        <ListUnordered data-size="sm" className="compact-list">
          {[
            ['programme-eligibility', t('programme.eligibility.heading')],
            ['programme-deadlines', t('programme.deadlines.heading')],
            ['programme-decision', t('programme.decision.heading')],
            ['programme-plan', t('programme.plan.heading')],
            ...(economy
              ? [
                  ['programme-benefit', t('programme.benefit.heading')],
                  ['programme-other-benefits', t('programme.otherBenefits.heading')],
                  ['programme-overpayments', t('programme.overpayments.heading')],
                ]
              : []),
            ['programme-letters', t('programme.letters.heading')],
          ].map(([id, label]) => (
            <ListItem key={id}>
              <DsLink href={`#${id}`} onClick={(e) => jumpTo(e, id!)}>
                {label}
              </DsLink>
            </ListItem>
          ))}
        </ListUnordered>
      </nav>

      <Eligibility view={view} />
      <Deadlines view={view} today={today} />

      <DecisionForm
        view={view}
        onReload={props.onReload}
        onSave={async (fields) => {
          setStatus('');
          await props.onSave(fields);
          setStatus(t('programme.decision.saved'));
        }}
      />

      {plans.data ? (
        <PlanSection plans={plans.data.items} canEdit={plans.data.can.edit} period={period} units={units} today={today} onDraft={props.onDraftPlan} onAdopt={props.onAdoptPlan} onReload={props.onReloadPlans} />
      ) : (
        <Pending id="programme-plan" heading={t('programme.plan.heading')} error={plans.error} />
      )}

      {economy ? (
        <>
          {period ? (
            <BenefitMonth initialMonth={thisMonth} load={props.loadBenefit} onDeductionLetter={(month) => props.onDownloadLetter({ kind: 'deduction', lang: 'nb', month })} />
          ) : (
            <section className="section" aria-labelledby="programme-benefit">
              <Heading level={2} data-size="sm" id="programme-benefit">
                {t('programme.benefit.heading')}
              </Heading>
              <Paragraph>{t('programme.benefit.needsStart')}</Paragraph>
            </section>
          )}
          {economy.otherBenefits.data ? (
            <OtherBenefitsSection items={economy.otherBenefits.data.items} canEdit={economy.canEdit} onSave={props.onSaveOtherBenefits} />
          ) : (
            <Pending id="programme-other-benefits" heading={t('programme.otherBenefits.heading')} error={economy.otherBenefits.error} />
          )}
          {economy.overpayments.data ? (
            <OverpaymentsSection ledger={economy.overpayments.data} canEdit={economy.canEdit} onCreate={props.onCreateOverpayment} />
          ) : (
            <Pending id="programme-overpayments" heading={t('programme.overpayments.heading')} error={economy.overpayments.error} />
          )}
        </>
      ) : null}

      <LettersSection initialMonth={thisMonth} onDownload={props.onDownloadLetter} />
    </>
  );
}

/** Move to a section and give its heading focus: the router owns the URL, so no fragment navigation. */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const heading = document.getElementById(id);
  if (!heading) return;
  event.preventDefault();
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
  heading.scrollIntoView?.({ block: 'start' });
}

function Pending({ id, heading, error }: { id: string; heading: string; error: unknown }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {heading}
      </Heading>
      {error ? (
        <ApiErrorAlert error={error} />
      ) : (
        <div role="status">
          <Spinner aria-label={t('common.loading')} />
        </div>
      )}
    </section>
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

function Eligibility({ view }: { view: ProgrammeView }) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const people = usePeopleLabels();
  const formatDate = useFormatDate();
  const e = view.eligibility;
  const c = view.counters;
  return (
    <section className="section" aria-labelledby="programme-eligibility">
      <Heading level={2} data-size="sm" id="programme-eligibility">
        {t('programme.eligibility.heading')}
      </Heading>
      <dl className="facts">
        <Fact term={t('programme.eligibility.regime')}>{e.regime ? labels.regime(e.regime) : t('programme.eligibility.noRegime')}</Fact>
        <Fact term={t('programme.eligibility.status')}>
          <Tag data-size="sm" data-color={e.status === 'not_eligible' ? 'danger' : e.status === 'may_offer' ? 'warning' : 'success'}>
            {labels.eligibility(e.status)}
          </Tag>
        </Fact>
        <Fact term={t('programme.eligibility.reasons')}>
          <ListUnordered data-size="sm" className="compact-list">
            {e.reasons.map((r) => {
              const text = eligibilityReason(r, t, formatDate, people.permitType);
              return text ? <ListItem key={r}>{text}</ListItem> : <ListItem key={r} lang="en">{r}</ListItem>;
            })}
          </ListUnordered>
        </Fact>
        <Fact term={t('programme.eligibility.residenceLimit')}>{e.residenceLimit ? formatDate(e.residenceLimit) : t('programme.eligibility.notSettled')}</Fact>
        <Fact term={t('programme.counters.heading')}>
          <ListUnordered data-size="sm" className="compact-list">
            <ListItem>{t('programme.counters.selfCertifications', { n: c.selfCertifications, limit: c.selfCertificationsLimit })}</ListItem>
            <ListItem>{t('programme.counters.childSickDays', { n: c.childSickDays, limit: c.childSickDaysLimit })}</ListItem>
            <ListItem>{t('programme.counters.unexcusedDays', { count: c.unexcusedDays })}</ListItem>
          </ListUnordered>
        </Fact>
      </dl>
    </section>
  );
}

function Deadlines({ view, today }: { view: ProgrammeView; today: string }) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const formatDate = useFormatDate();
  return (
    <section className="section" aria-labelledby="programme-deadlines">
      <Heading level={2} data-size="sm" id="programme-deadlines">
        {t('programme.deadlines.heading')}
      </Heading>
      {view.deadlines.length === 0 ? (
        <Paragraph>{t('programme.deadlines.none')}</Paragraph>
      ) : (
        <ScrollRegion labelledBy="programme-deadlines">
          <Table zebra border data-size="sm" className="wide-table">
            <caption className="ds-sr-only">{t('programme.deadlines.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('programme.deadlines.what')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programme.deadlines.due')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programme.deadlines.basis')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('programme.deadlines.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {view.deadlines.map((d) => (
                <Table.Row key={d.key}>
                  <Table.HeaderCell scope="row">{labels.deadline(d.key)}</Table.HeaderCell>
                  <Table.Cell>{formatDate(d.due)}</Table.Cell>
                  <Table.Cell>{d.legalBasis.startsWith('introduksjonsloven') && d.key !== 'nir_registration' && d.key !== 'skills_mapping' ? t(`programme.deadlineBasisIntrol.${d.key}`) : t(`programme.deadlineBasis.${d.key}`)}</Table.Cell>
                  <Table.Cell>
                    {d.done ? (
                      <Tag data-size="sm" data-color="success">
                        {t('programme.deadlines.done')}
                      </Tag>
                    ) : d.overdue || d.due < today ? (
                      <Tag data-size="sm" data-color="danger">
                        {t('programme.overdue')}
                      </Tag>
                    ) : (
                      <Tag data-size="sm" data-color="info">
                        {t('programme.deadlines.open')}
                      </Tag>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
    </section>
  );
}

