import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PersonSummary, ResponseOf } from '@eidor/contract';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate } from '../../i18n/format.ts';
import { useAction } from './actions.ts';

export type CasesPageProps = {
  cases: ResponseOf<'listExtraGrantCases'>['items'];
  suggestions: ResponseOf<'extraGrantSuggestions'>['items'];
  onSearchPeople: (q: string) => Promise<PersonSummary[]>;
  onOpen: (personId: string, signal: ResponseOf<'extraGrantSuggestions'>['items'][number]['signals'][number] | null) => Promise<void>;
};

/** The grant coordinator's cases with their next deadline, suggestions from the register, and a way to open a case. */
export function CasesPage({ cases, suggestions, onSearchPeople, onOpen }: CasesPageProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const open = useAction();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<PersonSummary[] | null>(null);
  const search = async (e: FormEvent) => {
    e.preventDefault();
    await open.run(async () => setHits(await onSearchPeople(q)));
  };
  return (
    <>
      <PageHeading>{t('extraGrants.list.title')}</PageHeading>
      <Paragraph>{t('extraGrants.list.intro')}</Paragraph>
      {open.error ? <ApiErrorAlert error={open.error} /> : null}
      {open.fields.personId ? <Alert data-color="danger">{open.fields.personId}</Alert> : null}

      <section className="section" aria-labelledby="xg-cases">
        <Heading level={2} data-size="sm" id="xg-cases">
          {t('extraGrants.list.casesHeading')}
        </Heading>
        {cases.length === 0 ? (
          <Paragraph>{t('extraGrants.list.empty')}</Paragraph>
        ) : (
          <ScrollRegion labelledBy="xg-cases">
            <Table>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('extraGrants.list.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('extraGrants.list.nextDeadline')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('extraGrants.list.consent')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('extraGrants.list.openRequests')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('extraGrants.list.applications')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {cases.map((c) => (
                  <Table.Row key={c.id}>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link to="/extra-grants/cases/$id" params={{ id: c.id }}>
                          <bdi>{c.name}</bdi>
                        </Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>
                      {c.nextDeadline ? (
                        <>
                          {formatDate(c.nextDeadline.due)} ({t('extraGrants.list.yearShort', { year: c.nextDeadline.grantYear })}){' '}
                          {c.nextDeadline.overdue ? <Tag data-color="danger">{t('extraGrants.overdue')}</Tag> : null}
                        </>
                      ) : (
                        t('extraGrants.list.noDeadline')
                      )}
                    </Table.Cell>
                    <Table.Cell>{c.consent ? t('extraGrants.yes') : t('extraGrants.no')}</Table.Cell>
                    <Table.Cell>{c.openRequests}</Table.Cell>
                    <Table.Cell>
                      {c.applications.map((a) => `${t('extraGrants.list.yearShort', { year: a.grantYear })}: ${t(`extraGrants.applications.statuses.${a.status}`)}`).join(', ')}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        )}
      </section>

      <section className="section" aria-labelledby="xg-suggestions">
        <Heading level={2} data-size="sm" id="xg-suggestions">
          {t('extraGrants.list.suggestionsHeading')}
        </Heading>
        <Paragraph>{t('extraGrants.list.suggestionsIntro')}</Paragraph>
        {suggestions.length === 0 ? (
          <Paragraph>{t('extraGrants.list.noSuggestions')}</Paragraph>
        ) : (
          <ScrollRegion labelledBy="xg-suggestions">
            <Table>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('extraGrants.list.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('extraGrants.list.signals')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('extraGrants.list.firstDeadline')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {suggestions.map((s) => (
                  <Table.Row key={s.personId}>
                    <Table.Cell>
                      <bdi>{s.name}</bdi> ({formatDate(s.birthDate)})
                    </Table.Cell>
                    <Table.Cell>{s.signals.map((x) => t(`extraGrants.signal.${x}`)).join(', ')}</Table.Cell>
                    <Table.Cell>{formatDate(s.firstDeadline)}</Table.Cell>
                    <Table.Cell>
                      <Button data-size="sm" variant="secondary" disabled={open.busy} aria-label={t('extraGrants.list.openCaseFor', { name: s.name })} onClick={() => void open.run(() => onOpen(s.personId, s.signals[0] ?? null))}>
                        {t('extraGrants.list.openCase')}
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        )}
      </section>

      <section className="section" aria-labelledby="xg-search">
        <Heading level={2} data-size="sm" id="xg-search">
          {t('extraGrants.list.searchHeading')}
        </Heading>
        <form className="form narrow" onSubmit={(e) => void search(e)} role="search" aria-labelledby="xg-search">
          <TextField id="xg-q" label={t('extraGrants.list.searchLabel')} description={t('extraGrants.list.searchHint')} value={q} onChange={(e) => setQ(e.target.value)} />
          <div className="button-row">
            <Button type="submit" variant="secondary" disabled={open.busy}>
              {t('extraGrants.list.search')}
            </Button>
          </div>
        </form>
        <StatusMessage>{hits && hits.length === 0 ? t('extraGrants.list.noHits') : ''}</StatusMessage>
        {hits && hits.length > 0 ? (
          <ul className="compact-list">
            {hits.map((p) => (
              <li key={p.id}>
                <bdi>
                  {p.givenName} {p.familyName}
                </bdi>{' '}
                ({formatDate(p.birthDate)}){' '}
                <Button data-size="sm" variant="tertiary" disabled={open.busy} aria-label={t('extraGrants.list.openCaseFor', { name: `${p.givenName} ${p.familyName}` })} onClick={() => void open.run(() => onOpen(p.id, null))}>
                  {t('extraGrants.list.openCase')}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
