import { useState } from 'react';
import { Button, Checkbox, Fieldset, Heading, Link as DsLink, ListItem, ListUnordered, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { GrantFactsFields, PERMIT_TYPES, type ResponseOf } from '@eidor/contract';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { labelsFrom, useContractForm } from '../../components/form/use-contract-form.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate, useFormatKroner, useFormatNumber } from '../../i18n/format.ts';
import { factsFormFrom, factsFormPath, factsFrom, factsServerMessage, type Facts, type FactsFormValues } from './facts-form.ts';
import { scheduleNote, scheduleReason, shareText, STATUS_COLOR, termLabel } from './labels.ts';

export type PersonGrantsView = ResponseOf<'personGrants'>;

export type PersonGrantsPageProps = {
  personId: string;
  personName: string | null;
  view: PersonGrantsView;
  onSave: (facts: Facts) => Promise<void>;
  onReload: () => Promise<void>;
};

/**
 * A person's grant schedule (issue 6 § 2): whether the integration grant applies and why, the
 * category and window, the expected amount per grant year and per term, and the grant facts the
 * schedule rests on.
 */
export function PersonGrantsPage({ personId, personName, view, onSave, onReload }: PersonGrantsPageProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const kroner = useFormatKroner();
  const formatNumber = useFormatNumber();
  const [status, setStatus] = useState('');
  const fmt = { date: formatDate, kroner };
  const d = view.derived;
  const first = d.firstSettlementDate;
  const firstYear = first ? Number(first.slice(0, 4)) : null;
  const terms = new Map<string, number>();
  for (const l of view.lines) for (const term of l.terms) terms.set(term.term, (terms.get(term.term) ?? 0) + term.amount);
  const termRows = [...terms].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  const notGiven = t('grants.person.none');

  return (
    <>
      <PageHeading documentTitle={t('grants.person.documentTitle')}>
        {t('grants.person.title')}
        {personName ? (
          <>
            {': '}
            <bdi>{personName}</bdi>
          </>
        ) : null}
      </PageHeading>
      <Paragraph>
        <DsLink asChild>
          <Link to="/people/$id" params={{ id: personId }}>
            {t('grants.person.back')}
          </Link>
        </DsLink>
      </Paragraph>
      <StatusMessage>{status}</StatusMessage>

      <section className="section" aria-labelledby="grants-eligibility">
        <Heading level={2} data-size="sm" id="grants-eligibility">
          {t('grants.person.eligibilityHeading')}
        </Heading>
        <Paragraph>
          <Tag data-color={view.eligible === true ? 'success' : view.eligible === false ? 'danger' : 'warning'}>
            {view.eligible === true ? t('grants.person.eligible') : view.eligible === false ? t('grants.person.notEligible') : t('grants.person.undetermined')}
          </Tag>
        </Paragraph>
        <dl className="facts">
          <dt>{t('grants.person.category')}</dt>
          <dd>{view.category ? t(`grants.categories.${view.category}`) : notGiven}</dd>
          <dt>{t('grants.person.window')}</dt>
          <dd>
            {firstYear !== null
              ? t('grants.person.windowYears', { years: view.windowYears, from: firstYear, to: firstYear + view.windowYears - 1 })
              : t('grants.person.windowYearsNoStart', { years: view.windowYears })}
          </dd>
          <dt>{t('grants.person.firstSettlement')}</dt>
          <dd>{first ? formatDate(first) : notGiven}</dd>
          <dt>{t('grants.person.settlementHere')}</dt>
          <dd>{d.settlementDate ? formatDate(d.settlementDate) : notGiven}</dd>
          <dt>{t('grants.person.householdSize')}</dt>
          <dd>{formatNumber(d.householdSize)}</dd>
          <dt>{t('grants.person.sponsor')}</dt>
          <dd>{d.sponsorInRegister ? t('grants.person.sponsorInRegister') : t('grants.person.sponsorNotInRegister')}</dd>
          {d.motherSettlementDate ? (
            <>
              <dt>{t('grants.person.motherSettled')}</dt>
              <dd>{formatDate(d.motherSettlementDate)}</dd>
            </>
          ) : null}
          <dt>{t('grants.person.populationRegistered')}</dt>
          <dd>{d.populationRegisteredDate ? formatDate(d.populationRegisteredDate) : notGiven}</dd>
        </dl>
        <Heading level={3} data-size="xs">
          {t('grants.person.reasons')}
        </Heading>
        <ListUnordered>
          {view.reasons.map((r, i) => (
            <ListItem key={`${r.code}:${i}`}>{scheduleReason(r, t, fmt)}</ListItem>
          ))}
        </ListUnordered>
        <Paragraph data-size="sm">{t('grants.person.splitRule', { rule: t(`grants.splitRules.${view.splitRule}`) })}</Paragraph>
      </section>

      <section className="section" aria-labelledby="grants-lines">
        <Heading level={2} data-size="sm" id="grants-lines">
          {t('grants.person.linesHeading')}
        </Heading>
        {view.lines.length === 0 ? (
          <Paragraph>{t('grants.person.noLines')}</Paragraph>
        ) : (
          <ScrollRegion labelledBy="grants-lines-caption">
            <Table zebra border data-size="sm" className="wide-table">
              <caption id="grants-lines-caption">{t('grants.person.linesCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('grants.person.code')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('grants.person.calendarYear')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('grants.person.grantYear')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('grants.person.fullAmount')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('grants.person.share')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('grants.person.amount')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('grants.person.rateStatus')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('grants.person.notes')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {view.lines.map((l, i) => (
                  <Table.Row key={`${l.code}:${l.calendarYear}:${i}`}>
                    <Table.HeaderCell scope="row">
                      <code>{l.code}</code> {t(`grants.codes.${l.code}`)}
                    </Table.HeaderCell>
                    <Table.Cell>{l.calendarYear}</Table.Cell>
                    <Table.Cell>{l.grantYear ?? '–'}</Table.Cell>
                    <Table.Cell>{l.fullAmount === null ? t('grants.amountNone') : kroner(l.fullAmount)}</Table.Cell>
                    <Table.Cell>{shareText(l.share, formatNumber)}</Table.Cell>
                    <Table.Cell>{l.amount === null ? t('grants.amountNone') : kroner(l.amount)}</Table.Cell>
                    <Table.Cell>
                      {l.rateStatus ? (
                        <Tag data-color={STATUS_COLOR[l.rateStatus]} data-size="sm">
                          {t(`grants.statuses.${l.rateStatus}`)}
                        </Tag>
                      ) : (
                        <Tag data-color="danger" data-size="sm">
                          {t('grants.person.rateMissing')}
                        </Tag>
                      )}
                    </Table.Cell>
                    <Table.Cell>{l.notes.length === 0 ? '' : l.notes.map((n) => scheduleNote(n, t, fmt)).join('; ')}</Table.Cell>
                  </Table.Row>
                ))}
                <Table.Row>
                  <Table.HeaderCell scope="row">{t('grants.person.total')}</Table.HeaderCell>
                  <Table.Cell />
                  <Table.Cell />
                  <Table.Cell />
                  <Table.Cell />
                  <Table.Cell>{kroner(view.total)}</Table.Cell>
                  <Table.Cell />
                  <Table.Cell />
                </Table.Row>
              </Table.Body>
            </Table>
          </ScrollRegion>
        )}
      </section>

      <section className="section" aria-labelledby="grants-terms">
        <Heading level={2} data-size="sm" id="grants-terms">
          {t('grants.person.termsHeading')}
        </Heading>
        {termRows.length === 0 ? (
          <Paragraph>{t('grants.person.noTerms')}</Paragraph>
        ) : (
          <ScrollRegion labelledBy="grants-terms-caption">
            <Table zebra border data-size="sm">
              <caption id="grants-terms-caption">{t('grants.person.termsCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('grants.person.term')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('grants.person.amount')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {termRows.map(([term, amount]) => (
                  <Table.Row key={term}>
                    <Table.HeaderCell scope="row">{termLabel(term, t)}</Table.HeaderCell>
                    <Table.Cell>{kroner(amount)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        )}
      </section>

      <section className="section" aria-labelledby="grants-facts">
        <Heading level={2} data-size="sm" id="grants-facts">
          {t('grants.person.factsHeading')}
        </Heading>
        <Paragraph>{t('grants.person.factsIntro')}</Paragraph>
        {view.mayEdit ? (
          <FactsForm
            key={String(view.factsVersion)}
            facts={view.facts}
            onSubmit={async (facts) => {
              setStatus('');
              await onSave(facts);
              setStatus(t('grants.person.factsSaved'));
            }}
            onReload={onReload}
          />
        ) : (
          <>
            <Paragraph>{t('grants.person.readOnly')}</Paragraph>
            <FactsList facts={view.facts} />
          </>
        )}
      </section>
    </>
  );
}

function FactsList({ facts }: { facts: Facts }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const none = t('grants.person.none');
  const date = (v: string | null) => (v ? formatDate(v) : none);
  const yesNo = (v: boolean | null) => (v === null ? t('grants.facts.unknown') : v ? t('common.yes') : t('common.no'));
  return (
    <dl className="facts">
      <dt>{t('grants.facts.firstSettlementDate')}</dt>
      <dd>{date(facts.firstSettlementDate)}</dd>
      <dt>{t('grants.facts.settledByAgreement')}</dt>
      <dd>{yesNo(facts.settledByAgreement)}</dd>
      <dt>{t('grants.facts.imdinettRegisteredDate')}</dt>
      <dd>{date(facts.imdinettRegisteredDate)}</dd>
      <dt>{t('grants.facts.familyApplicationDate')}</dt>
      <dd>{date(facts.familyApplicationDate)}</dd>
      <dt>{t('grants.facts.movedTo')}</dt>
      <dd>{facts.movedTo ?? none}</dd>
      <dt>{t('grants.facts.emigratedDate')}</dt>
      <dd>{date(facts.emigratedDate)}</dd>
    </dl>
  );
}

/** The grant facts, with the server's field errors (paths facts.*) on their controls and the version. */
export function FactsForm({ facts, onSubmit, onReload }: { facts: Facts; onSubmit: (facts: Facts) => Promise<void>; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    firstSettlementDate: t('grants.facts.firstSettlementDate'),
    settledByAgreement: t('grants.facts.settledByAgreement'),
    imdinettRegisteredDate: t('grants.facts.imdinettRegisteredDate'),
    sponsorFirstSettlementDate: t('grants.facts.sponsorFirstSettlementDate'),
    sponsorPermitType: t('grants.facts.sponsorPermitType'),
    sponsorWasFamilyImmigrant: t('grants.facts.sponsorWasFamilyImmigrant'),
    sponsorNordicCitizen: t('grants.facts.sponsorNordicCitizen'),
    familyApplicationDate: t('grants.facts.familyApplicationDate'),
    specialAgreement: t('grants.facts.specialAgreement'),
    movedTo: t('grants.facts.movedTo'),
    emigratedDate: t('grants.facts.emigratedDate'),
  };
  const f = useContractForm<FactsFormValues, Facts>({
    id: 'grant-facts',
    schema: GrantFactsFields as never,
    defaultValues: factsFormFrom(facts),
    labelFor: labelsFrom(labels),
    prepare: factsFrom,
    toFormPath: factsFormPath,
    serverMessage: (field, label) => factsServerMessage(field, label, t),
    onSubmit,
  });
  const { register, formState } = f.form;
  const date = (name: keyof FactsFormValues, hint?: string) => (
    <TextField id={f.idFor(name)} label={labels[name]!} description={hint} type="date" className="input-short" error={f.errorFor(name)} {...register(name)} />
  );
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} onReload={onReload} /> : null}
      {date('firstSettlementDate', t('grants.facts.firstSettlementDateHint'))}
      <SelectField id={f.idFor('settledByAgreement')} label={labels.settledByAgreement!} error={f.errorFor('settledByAgreement')} width="auto" {...register('settledByAgreement')}>
        <option value="">{t('grants.facts.unknown')}</option>
        <option value="yes">{t('common.yes')}</option>
        <option value="no">{t('common.no')}</option>
      </SelectField>
      {date('imdinettRegisteredDate', t('grants.facts.imdinettRegisteredDateHint'))}
      <Checkbox id={f.idFor('specialAgreement')} label={labels.specialAgreement} {...register('specialAgreement')} />
      <Fieldset className="form-fieldset">
        <Fieldset.Legend>{t('grants.facts.sponsorHeading')}</Fieldset.Legend>
        <Fieldset.Description>{t('grants.facts.sponsorIntro')}</Fieldset.Description>
        {date('sponsorFirstSettlementDate')}
        <SelectField id={f.idFor('sponsorPermitType')} label={labels.sponsorPermitType!} error={f.errorFor('sponsorPermitType')} width="auto" {...register('sponsorPermitType')}>
          <option value="">{t('grants.facts.unknown')}</option>
          {PERMIT_TYPES.map((p) => (
            <option key={p} value={p}>
              {t(`people.permitTypes.${p}`)}
            </option>
          ))}
        </SelectField>
        <Checkbox id={f.idFor('sponsorWasFamilyImmigrant')} label={labels.sponsorWasFamilyImmigrant} {...register('sponsorWasFamilyImmigrant')} />
        <Checkbox id={f.idFor('sponsorNordicCitizen')} label={labels.sponsorNordicCitizen} {...register('sponsorNordicCitizen')} />
        {date('familyApplicationDate')}
      </Fieldset>
      <Fieldset className="form-fieldset">
        <Fieldset.Legend>{t('grants.facts.movesHeading')}</Fieldset.Legend>
        <TextField id={f.idFor('movedTo')} label={labels.movedTo!} description={t('grants.facts.movedToHint')} autoComplete="off" error={f.errorFor('movedTo')} {...register('movedTo')} />
        {date('emigratedDate')}
      </Fieldset>
      <div className="button-row">
        <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
          {t('grants.facts.save')}
        </Button>
      </div>
    </form>
  );
}
