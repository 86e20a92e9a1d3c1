import { useState, type FormEvent } from 'react';
import { Button, Heading, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { BodyOf, ExtraGrantRequestView, ResponseOf } from '@eidor/contract';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate } from '../../i18n/format.ts';
import { parseKroner, useFormatOre } from '../programme/money.ts';
import { useAction } from './actions.ts';

/** The requests sent to the user's units: each unit sees only its own. */
export function InboxPage({ items }: { items: ResponseOf<'extraGrantInbox'>['items'] }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <>
      <PageHeading>{t('extraGrants.inbox.title')}</PageHeading>
      <Paragraph id="xg-inbox-intro">{t('extraGrants.inbox.intro')}</Paragraph>
      {items.length === 0 ? (
        <Paragraph>{t('extraGrants.inbox.empty')}</Paragraph>
      ) : (
        <ScrollRegion labelledBy="xg-inbox-intro">
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('extraGrants.inbox.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('extraGrants.inbox.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('extraGrants.requests.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('extraGrants.requests.dueDate')}</Table.HeaderCell>
                <Table.HeaderCell>{t('extraGrants.requests.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link to="/extra-grants/requests/$id" params={{ id: r.id }} aria-label={t('extraGrants.inbox.open', { name: r.personName })}>
                        <bdi>{r.personName}</bdi>
                      </Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell>{r.unitName}</Table.Cell>
                  <Table.Cell>{t(`extraGrants.requests.kinds.${r.kind}`)}</Table.Cell>
                  <Table.Cell>
                    {formatDate(r.dueDate)} {r.overdue ? <Tag data-color="danger">{t('extraGrants.overdue')}</Tag> : null}
                  </Table.Cell>
                  <Table.Cell>{t(`extraGrants.requests.statuses.${r.status}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
    </>
  );
}

export type RequestPageProps = {
  request: ExtraGrantRequestView;
  onAnswer: (body: BodyOf<'answerExtraGrantRequest'>) => Promise<unknown>;
  onReload: () => Promise<void>;
};

/** One request, as the unit it was sent to sees it, with the answer form. */
export function RequestPage({ request: r, onAnswer, onReload }: RequestPageProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatOre = useFormatOre();
  const a = useAction();
  const [answer, setAnswer] = useState('');
  const [cost, setCost] = useState('');
  const [informant, setInformant] = useState('');
  const [status, setStatus] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus('');
    const costEstimate = cost.trim() === '' ? null : parseKroner(cost);
    if (cost.trim() !== '' && costEstimate === null) {
      a.setFields({ costEstimate: t('extraGrants.server.amount') });
      return;
    }
    if (await a.run(() => onAnswer({ answer, costEstimate, informant, version: r.version }))) setStatus(t('extraGrants.request.answered'));
  };
  return (
    <>
      <PageHeading documentTitle={t('extraGrants.request.documentTitle')}>
        {t('extraGrants.request.title', { name: '' })}
        <bdi>{r.person.name}</bdi>
      </PageHeading>
      <Paragraph>
        <DsLink asChild>
          <Link to="/extra-grants/inbox">{t('extraGrants.request.back')}</Link>
        </DsLink>
      </Paragraph>
      <section className="section" aria-labelledby="xg-question">
        <Heading level={2} data-size="sm" id="xg-question">
          {t('extraGrants.request.question')}
        </Heading>
        <Paragraph>{t('extraGrants.request.from', { unit: r.unitName })}</Paragraph>
        <Paragraph>
          {t('extraGrants.case.born')}: {formatDate(r.person.birthDate)}
        </Paragraph>
        <Paragraph>
          {t(`extraGrants.requests.kinds.${r.kind}`)}: {r.message}
        </Paragraph>
        <Paragraph>
          {t('extraGrants.requests.dueDate')}: {formatDate(r.dueDate)} {r.overdue ? <Tag data-color="danger">{t('extraGrants.overdue')}</Tag> : null}
        </Paragraph>
      </section>
      <section className="section" aria-labelledby="xg-answer">
        <Heading level={2} data-size="sm" id="xg-answer">
          {t('extraGrants.request.answerHeading')}
        </Heading>
        <StatusMessage>{status}</StatusMessage>
        {r.status === 'answered' ? (
          <>
            <Paragraph>{r.answer}</Paragraph>
            {r.costEstimate !== null ? (
              <Paragraph>
                {t('extraGrants.requests.costEstimate')}: {formatOre(r.costEstimate)}
              </Paragraph>
            ) : null}
            <Paragraph data-size="sm">
              {t('extraGrants.requests.informant')}: {r.informant}
            </Paragraph>
          </>
        ) : r.can.answer ? (
          <form className="form narrow" onSubmit={(e) => void submit(e)} aria-labelledby="xg-answer" noValidate>
            <TextareaField id="xg-answer-text" label={t('extraGrants.request.answer')} rows={6} value={answer} onChange={(e) => setAnswer(e.target.value)} error={a.fields.answer} />
            <TextField id="xg-answer-cost" inputMode="decimal" className="input-number" label={t('extraGrants.request.costEstimate')} value={cost} onChange={(e) => setCost(e.target.value)} error={a.fields.costEstimate} />
            <TextField id="xg-answer-informant" label={t('extraGrants.request.informant')} value={informant} onChange={(e) => setInformant(e.target.value)} error={a.fields.informant} />
            {a.error ? <ApiErrorAlert error={a.error} onReload={onReload} /> : null}
            <div className="button-row">
              <Button type="submit" disabled={a.busy}>
                {t('extraGrants.request.send')}
              </Button>
            </div>
          </form>
        ) : null}
      </section>
    </>
  );
}
