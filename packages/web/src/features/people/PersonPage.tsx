import { useEffect, useId, useState, type ReactNode } from 'react';
import { Button, Heading, Link as DsLink, ListItem, ListUnordered, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PersonView, ResponseOf, UnitView } from '@eidor/contract';
import { ageOn, osloDate } from '@eidor/domain';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate, useFormatDateTime } from '../../i18n/format.ts';
import { describeChange, type DescribeContext } from './history.ts';
import { usePeopleLabels } from './labels.ts';
import { TeamDialog } from './TeamDialog.tsx';

export type HistoryList = ResponseOf<'personHistory'>;
export type AccessLogList = ResponseOf<'personAccessLog'>;
export type PersonOverview = ResponseOf<'personOverview'>;

export type PersonPageProps = {
  person: PersonView;
  /** The newest notes the user may read (null: no journal category; absent: not loaded). */
  journal?: PersonOverview['journal'] | undefined;
  /** The open referrals the user's units are a side of. */
  referrals?: PersonOverview['referrals'] | undefined;
  /** A message about what was just done (registered, saved), shown in a live region. */
  status: string;
  /** Units that can be put on the team; null when the user may not list units. */
  units: UnitView[] | null;
  onSetTeam: (unitIds: string[]) => Promise<PersonView>;
  onReload: () => Promise<void>;
  loadHistory: () => Promise<HistoryList>;
  loadAccessLog: () => Promise<AccessLogList>;
  /** "Today" in Oslo, for ages. */
  today?: string;
};

/**
 * A person's page: only the sections the server sent (it leaves out what the user may not read), the
 * team, and on request the history of changes and who has looked at the record.
 */
export function PersonPage({ person, journal, referrals, status: initialStatus, units, onSetTeam, onReload, loadHistory, loadAccessLog, today = osloDate(new Date()) }: PersonPageProps) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const formatDate = useFormatDate();
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (!initialStatus) return;
    // A live region announces what changes in it, not what it held when it appeared: add the message just after.
    const timer = setTimeout(() => setStatus(initialStatus), 50);
    return () => clearTimeout(timer);
  }, [initialStatus]);
  const [teamOpen, setTeamOpen] = useState(false);
  const i = person.identity;
  const s = person.settlement;
  const name = i ? `${i.givenName} ${i.familyName}` : null;
  const canEdit = person.can.categories.identity.write && person.can.categories.settlement.write && i !== undefined && s !== undefined;
  const notGiven = t('people.person.notGiven');

  const unitNames = new Map<string, string>([...(units ?? []).map((u) => [u.id, u.name] as const), ...person.team.map((m) => [m.unitId, m.unitName] as const)]);
  const describe: DescribeContext = { t, labels, formatDate, unitName: (id) => unitNames.get(id) };

  return (
    <>
      <Paragraph data-size="sm">
        <DsLink asChild>
          <Link to="/people">{t('people.person.back')}</Link>
        </DsLink>
      </Paragraph>
      {/* The title goes into the browser's history: it never names the person. */}
      <PageHeading documentTitle={t('people.person.documentTitle')}>{name ? <bdi>{name}</bdi> : t('people.person.fallbackHeading')}</PageHeading>
      <StatusMessage>{status}</StatusMessage>
      {canEdit ? (
        <Paragraph>
          <Button asChild variant="secondary">
            <Link to="/people/$id/edit" params={{ id: person.id }}>
              {t('people.edit.open')}
            </Link>
          </Button>
        </Paragraph>
      ) : null}

      {i ? (
        <section className="section" aria-labelledby="person-identity">
          <Heading level={2} data-size="sm" id="person-identity">
            {t('categories.identity')}
          </Heading>
          <dl className="facts">
            <Fact term={t('people.fields.givenName')}>
              <bdi>{i.givenName}</bdi>
            </Fact>
            <Fact term={t('people.fields.familyName')}>
              <bdi>{i.familyName}</bdi>
            </Fact>
            <Fact term={t('people.fields.otherSpellings')}>
              {i.otherSpellings.length === 0 ? (
                notGiven
              ) : (
                <ListUnordered data-size="sm" className="compact-list">
                  {i.otherSpellings.map((sp) => (
                    <ListItem key={sp}>
                      <bdi>{sp}</bdi>
                    </ListItem>
                  ))}
                </ListUnordered>
              )}
            </Fact>
            <Fact term={t('people.fields.birthDate')}>{t('people.person.born', { date: formatDate(i.birthDate), age: ageOn(i.birthDate, today) })}</Fact>
            <Fact term={t('people.fields.sex')}>{labels.sex(i.sex)}</Fact>
            <Fact term={t('people.fields.nationalId')}>{i.nationalId ?? notGiven}</Fact>
            <Fact term={t('people.fields.dufNumber')}>{i.dufNumber ?? notGiven}</Fact>
            <Fact term={t('people.fields.originCountry')}>{i.originCountry ? labels.country(i.originCountry) : notGiven}</Fact>
            <Fact term={t('people.fields.nationality')}>{i.nationality ? labels.country(i.nationality) : notGiven}</Fact>
            <Fact term={t('people.fields.languages')}>{i.languages.length ? i.languages.map(labels.language).join(', ') : notGiven}</Fact>
            <Fact term={t('people.fields.interpreterNeeded')}>
              {i.interpreterNeeded ? t('people.person.interpreterYes', { language: i.interpreterLanguage ? labels.language(i.interpreterLanguage) : notGiven }) : t('common.no')}
            </Fact>
            <Fact term={t('people.fields.status')}>
              {i.statusDate ? t('people.person.statusSince', { status: labels.status(i.status), date: formatDate(i.statusDate) }) : labels.status(i.status)}
            </Fact>
          </dl>
        </section>
      ) : null}

      {s ? (
        <section className="section" aria-labelledby="person-settlement">
          <Heading level={2} data-size="sm" id="person-settlement">
            {t('categories.settlement')}
          </Heading>
          <dl className="facts">
            <Fact term={t('people.fields.arrivalCategory')}>{s.arrivalCategory ? labels.arrivalCategory(s.arrivalCategory) : notGiven}</Fact>
            {s.sponsorPersonId ? (
              <Fact term={t('people.fields.sponsor')}>
                <DsLink asChild>
                  <Link to="/people/$id" params={{ id: s.sponsorPersonId }}>
                    {t('people.sponsor.open')}
                  </Link>
                </DsLink>
              </Fact>
            ) : null}
            <Fact term={t('people.fields.permitType')}>{s.permitType ? labels.permitType(s.permitType) : notGiven}</Fact>
            <Fact term={t('people.fields.permitDate')}>{s.permitDate ? formatDate(s.permitDate) : notGiven}</Fact>
            <Fact term={t('people.fields.settlementDate')}>{s.settlementDate ? formatDate(s.settlementDate) : notGiven}</Fact>
            <Fact term={t('people.fields.previousMunicipality')}>{s.previousMunicipality ?? notGiven}</Fact>
          </dl>
        </section>
      ) : null}

      {i ? (
        <section className="section" aria-labelledby="person-household">
          <Heading level={2} data-size="sm" id="person-household">
            {t('people.fields.household')}
          </Heading>
          {i.householdId ? (
            <dl className="facts">
              <Fact term={t('people.fields.householdRole')}>{i.householdRole ? labels.householdRole(i.householdRole) : notGiven}</Fact>
              <Fact term={t('people.fields.household')}>
                <DsLink asChild>
                  <Link to="/households/$id" params={{ id: i.householdId }}>
                    {t('people.person.householdLink')}
                  </Link>
                </DsLink>
              </Fact>
            </dl>
          ) : (
            <Paragraph>{t('people.person.noHousehold')}</Paragraph>
          )}
        </section>
      ) : null}

      {person.can.categories.programme?.read ? (
        <section className="section" aria-labelledby="person-programme">
          <Heading level={2} data-size="sm" id="person-programme">
            {t('programme.personLink')}
          </Heading>
          <Paragraph>{t('programme.personLinkIntro')}</Paragraph>
          <Paragraph>
            <DsLink asChild>
              <Link to="/people/$id/programme" params={{ id: person.id }}>
                {t('programme.personLinkOpen')}
              </Link>
            </DsLink>
          </Paragraph>
        </section>
      ) : null}

      {person.can.categories.economy?.read ? (
        <section className="section" aria-labelledby="person-grants">
          <Heading level={2} data-size="sm" id="person-grants">
            {t('grants.person.link')}
          </Heading>
          <Paragraph>{t('grants.person.linkIntro')}</Paragraph>
          <Paragraph>
            <DsLink asChild>
              <Link to="/people/$id/grants" params={{ id: person.id }}>
                {t('grants.person.linkOpen')}
              </Link>
            </DsLink>
          </Paragraph>
        </section>
      ) : null}

      <section className="section" aria-labelledby="person-referrals">
        <Heading level={2} data-size="sm" id="person-referrals">
          {t('referrals.personLink')}
        </Heading>
        <Paragraph>{t('referrals.personLinkIntro')}</Paragraph>
        {referrals ? <OpenReferrals referrals={referrals} /> : null}
        <Paragraph>
          <DsLink asChild>
            <Link to="/people/$id/referrals" params={{ id: person.id }}>
              {t('referrals.personLinkOpen')}
            </Link>
          </DsLink>
        </Paragraph>
      </section>

      <section className="section" aria-labelledby="person-journal">
        <Heading level={2} data-size="sm" id="person-journal">
          {t('journal.personLink')}
        </Heading>
        <Paragraph>{t('journal.personLinkIntro')}</Paragraph>
        {journal ? <LatestNotes journal={journal} /> : null}
        <Paragraph>
          <DsLink asChild>
            <Link to="/people/$id/journal" params={{ id: person.id }}>
              {t('journal.personLinkOpen')}
            </Link>
          </DsLink>
        </Paragraph>
      </section>

      <section className="section" aria-labelledby="person-groups">
        <Heading level={2} data-size="sm" id="person-groups">
          {t('groups.personLink')}
        </Heading>
        <Paragraph>{t('groups.personLinkIntro')}</Paragraph>
        <Paragraph>
          <DsLink asChild>
            <Link to="/people/$id/groups" params={{ id: person.id }}>
              {t('groups.personLinkOpen')}
            </Link>
          </DsLink>
        </Paragraph>
      </section>

      <section className="section" aria-labelledby="person-team">
        <Heading level={2} data-size="sm" id="person-team">
          {t('people.team.heading')}
        </Heading>
        <Paragraph>{t('people.team.intro')}</Paragraph>
        {person.team.length === 0 ? (
          <Paragraph>{t('people.team.empty')}</Paragraph>
        ) : (
          <ListUnordered>
            {person.team.map((m) => (
              <ListItem key={m.unitId}>{teamUnitLabel(m.unitName, t(`unitKinds.${m.unitKind}`), t)}</ListItem>
            ))}
          </ListUnordered>
        )}
        {person.can.editTeam && units ? (
          <Button variant="secondary" onClick={() => setTeamOpen(true)}>
            {t('people.team.edit')}
          </Button>
        ) : null}
      </section>

      {person.can.viewHistory ? (
        <OnDemandSection id="person-history" heading={t('people.history.heading')} showLabel={t('people.history.show')} hideLabel={t('people.history.hide')} load={loadHistory}>
          {(data) => <HistoryTable items={data.items} describe={describe} />}
        </OnDemandSection>
      ) : null}

      {person.can.viewAccessLog ? (
        <OnDemandSection
          id="person-access-log"
          heading={t('people.accessLog.heading')}
          intro={t('people.accessLog.intro')}
          showLabel={t('people.accessLog.show')}
          hideLabel={t('people.accessLog.hide')}
          load={loadAccessLog}
        >
          {(data) => <AccessLogTable items={data.items} />}
        </OnDemandSection>
      ) : null}

      {units ? (
        <TeamDialog
          open={teamOpen}
          person={person}
          units={units}
          onClose={() => setTeamOpen(false)}
          onSave={async (unitIds) => {
            setStatus('');
            await onSetTeam(unitIds);
            setTeamOpen(false);
            setStatus(t('people.team.done'));
          }}
          onReload={onReload}
        />
      ) : null}
    </>
  );
}

/** "Flyktningtjenesten" rather than "Flyktningtjenesten (Flyktningtjenesten)". */
function teamUnitLabel(name: string, kind: string, t: (key: 'people.team.unit', o: { name: string; kind: string }) => string): string {
  return name === kind ? name : t('people.team.unit', { name, kind });
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/**
 * A section whose content is fetched when the user asks for it. Reading the history or the access
 * log is itself logged, so it happens when someone wants to see it, not on every visit to the page.
 */
function OnDemandSection<T>({
  id,
  heading,
  intro,
  showLabel,
  hideLabel,
  load,
  children,
}: {
  id: string;
  heading: string;
  intro?: string;
  showLabel: string;
  hideLabel: string;
  load: () => Promise<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const regionId = useId();
  const [state, setState] = useState<{ open: boolean; pending: boolean; data: T | null; error: unknown }>({ open: false, pending: false, data: null, error: null });
  const toggle = async () => {
    if (state.open) {
      setState({ open: false, pending: false, data: null, error: null });
      return;
    }
    setState({ open: true, pending: true, data: null, error: null });
    try {
      setState({ open: true, pending: false, data: await load(), error: null });
    } catch (error) {
      setState({ open: true, pending: false, data: null, error });
    }
  };
  return (
    <section className="section" aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {heading}
      </Heading>
      {intro ? <Paragraph>{intro}</Paragraph> : null}
      <Button variant="secondary" aria-expanded={state.open} aria-controls={regionId} onClick={() => void toggle()}>
        {state.open ? hideLabel : showLabel}
      </Button>
      <div id={regionId} aria-busy={state.pending}>
        {state.open && state.pending ? (
          <div role="status">
            <Spinner aria-label={t('common.loading')} />
          </div>
        ) : null}
        {state.error ? <ApiErrorAlert error={state.error} /> : null}
        {state.open && state.data !== null ? children(state.data) : null}
      </div>
    </section>
  );
}

function HistoryTable({ items, describe }: { items: HistoryList['items']; describe: DescribeContext }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (items.length === 0) return <Paragraph>{t('people.history.empty')}</Paragraph>;
  return (
    <ScrollRegion labelledBy="person-history">
      <Table zebra border data-size="sm" className="mt">
        <caption>{t('people.history.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('people.history.version')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('people.history.time')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('people.history.by')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('people.history.changes')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((h) => (
            <Table.Row key={`${h.version}:${h.changedAt}`}>
              <Table.HeaderCell scope="row">{h.version}</Table.HeaderCell>
              <Table.Cell>{formatDateTime(h.changedAt)}</Table.Cell>
              <Table.Cell>
                <bdi>{h.changedBy ?? t('people.history.unknownUser')}</bdi>
              </Table.Cell>
              <Table.Cell>
                <ListUnordered data-size="sm" className="compact-list">
                  {h.changes.map((c) => (
                    <ListItem key={c.field}>
                      <bdi>{describeChange(c, describe)}</bdi>
                    </ListItem>
                  ))}
                </ListUnordered>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

function AccessLogTable({ items }: { items: AccessLogList['items'] }) {
  const { t, i18n } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (items.length === 0) return <Paragraph>{t('people.accessLog.empty')}</Paragraph>;
  const roleLabel = (role: string | null) => (role === null ? '–' : i18n.exists(`roles.${role}`) ? t(`roles.${role as 'advisor'}`) : role);
  const actionLabel = (action: string) => (i18n.exists(`people.accessLog.actions.${action}`) ? t(`people.accessLog.actions.${action as 'person.read'}`) : action);
  return (
    <ScrollRegion labelledBy="person-access-log">
      <Table zebra border data-size="sm" className="mt">
        <caption>{t('people.accessLog.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('people.accessLog.time')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('people.accessLog.who')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('people.accessLog.unit')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('people.accessLog.role')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('people.accessLog.action')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((e, index) => (
            <Table.Row key={`${e.occurredAt}:${index}`}>
              <Table.HeaderCell scope="row">{formatDateTime(e.occurredAt)}</Table.HeaderCell>
              <Table.Cell>
                <bdi>{e.actorName ?? t('people.accessLog.system')}</bdi>
              </Table.Cell>
              <Table.Cell>{e.unitName ?? '–'}</Table.Cell>
              <Table.Cell>{roleLabel(e.role)}</Table.Cell>
              <Table.Cell>{actionLabel(e.action)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

/** The newest notes on the person page: category, date, author and the start of the current text. */
function LatestNotes({ journal }: { journal: NonNullable<PersonOverview['journal']> }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const headingId = useId();
  if (journal.notes.length === 0) return <Paragraph>{t('journal.overview.none')}</Paragraph>;
  return (
    <>
      <Heading level={3} data-size="2xs" id={headingId}>
        {t('journal.overview.latest', { shown: journal.notes.length, total: journal.total })}
      </Heading>
      <ListUnordered aria-labelledby={headingId}>
        {journal.notes.map((n) => (
          <ListItem key={n.id}>
            <Paragraph data-size="sm">
              {t('journal.overview.meta', {
                category: t(`journal.categories.${n.category}`),
                date: formatDate(n.meetingDate ?? osloDate(new Date(n.createdAt))),
                author: n.createdBy ?? t('journal.overview.unknownAuthor'),
              })}
              {n.corrected ? ` (${t('journal.overview.corrected')})` : ''}
            </Paragraph>
            <Paragraph className="journal-text">{n.truncated ? `${n.excerpt}…` : n.excerpt}</Paragraph>
          </ListItem>
        ))}
      </ListUnordered>
    </>
  );
}

/** The open referrals on the person page: from and to, status, due date and the reason when the user may see it. */
function OpenReferrals({ referrals }: { referrals: PersonOverview['referrals'] }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const headingId = useId();
  if (referrals.open.length === 0) return <Paragraph>{t('referrals.overview.none')}</Paragraph>;
  return (
    <>
      <Heading level={3} data-size="2xs" id={headingId}>
        {t('referrals.overview.open', { open: referrals.open.length, total: referrals.total })}
      </Heading>
      <ListUnordered aria-labelledby={headingId}>
        {referrals.open.map((r) => (
          <ListItem key={r.id}>
            <Paragraph data-size="sm">
              {t('referrals.overview.fromTo', { from: r.from.name, to: r.to.name })}
              {' · '}
              {t(`referrals.statuses.${r.status}`)}
              {r.dueDate ? ` · ${t('referrals.overview.due', { date: formatDate(r.dueDate) })}` : ''}
            </Paragraph>
            <Paragraph>{r.reason ?? t('referrals.overview.withheld')}</Paragraph>
          </ListItem>
        ))}
      </ListUnordered>
    </>
  );
}
