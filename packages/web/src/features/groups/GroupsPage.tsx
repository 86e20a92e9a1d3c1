import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Heading, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EXTERNAL_KINDS, MEETING_MODES, type BodyOf, type ResponseOf } from '@eidor/contract';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate } from '../../i18n/format.ts';

export type GroupsView = ResponseOf<'personGroups'>;
type Group = GroupsView['groups'][number];

export type GroupsPageProps = {
  personId: string;
  personName: string | null;
  view: GroupsView;
  onCreate: (body: BodyOf<'createGroup'>) => Promise<void>;
  onRecordMeeting: (groupId: string, body: BodyOf<'createGroupMeeting'>) => Promise<void>;
  onActionPointStatus: (id: string, body: BodyOf<'setGroupActionPointStatus'>) => Promise<void>;
};

const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

/** A person's responsibility group (issue 7 § 1): members, coordinator, meetings and action points. */
export function GroupsPage(props: GroupsPageProps) {
  const { t } = useTranslation();
  const active = props.view.groups.find((g) => g.status === 'active');
  return (
    <>
      <Paragraph>
        <DsLink asChild>
          <Link to="/people/$id" params={{ id: props.personId }}>
            {t('groups.back')}
          </Link>
        </DsLink>
      </Paragraph>
      <PageHeading documentTitle={t('groups.documentTitle')}>
        {t('groups.title')}
        {props.personName ? (
          <>
            {': '}
            <bdi>{props.personName}</bdi>
          </>
        ) : null}
      </PageHeading>
      <Paragraph data-size="sm">{t('groups.readNotice')}</Paragraph>
      {props.view.groups.length === 0 ? <Paragraph>{t('groups.none')}</Paragraph> : null}
      {props.view.groups.map((g) => (
        <GroupSection key={g.id} group={g} {...props} />
      ))}
      {!active && props.view.can.manage ? <CreateGroupForm {...props} /> : null}
    </>
  );
}

function GroupSection({ group, onRecordMeeting, onActionPointStatus, view }: GroupsPageProps & { group: Group }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [error, setError] = useState<unknown>(null);
  const memberName = (id: string) => group.members.find((m) => m.id === id)?.name ?? '';
  return (
    <section className="section" aria-labelledby={`group-${group.id}`}>
      <Heading level={2} data-size="sm" id={`group-${group.id}`}>
        {t('groups.members')}
      </Heading>
      {group.status === 'closed' ? <Paragraph>{t('groups.closed', { date: formatDate(group.closedAt!.slice(0, 10)), reason: group.closedReason ?? '' })}</Paragraph> : null}
      {group.coordinator ? (
        <Paragraph>
          {t('groups.coordinator')}: {group.coordinator.name} ({t('groups.since', { date: formatDate(group.coordinator.from.slice(0, 10)) })})
        </Paragraph>
      ) : null}
      <Table>
        <caption className="ds-sr-only">{t('groups.members')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('groups.member')}</Table.HeaderCell>
            <Table.HeaderCell>{t('groups.unit')}</Table.HeaderCell>
            <Table.HeaderCell>{t('groups.roleInGroup')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {group.members.map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell>
                <bdi>{m.name}</bdi>
                {m.leftAt ? ` (${t('groups.left', { date: formatDate(m.leftAt.slice(0, 10)) })})` : null}
              </Table.Cell>
              <Table.Cell>{m.unitName ?? (m.externalKind ? t(`groups.external.${m.externalKind}`) : '')}</Table.Cell>
              <Table.Cell>{m.role}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Heading level={2} data-size="sm">
        {t('groups.meetings.heading')}
      </Heading>
      {!group.meetingsVisible ? <Paragraph>{t('groups.meetings.hidden')}</Paragraph> : group.meetings.length === 0 ? <Paragraph>{t('groups.meetings.none')}</Paragraph> : null}
      {error ? <ApiErrorAlert error={error} /> : null}
      {group.meetings.map((m) => (
        <article key={m.id} aria-labelledby={`meeting-${m.id}`}>
          <Heading level={3} data-size="xs" id={`meeting-${m.id}`}>
            {t('groups.meetings.meeting', { date: formatDate(m.heldOn) })}, {t(`groups.meetings.modes.${m.mode}`)}
            {m.place ? `, ${m.place}` : ''}
          </Heading>
          {m.agenda.length > 0 ? (
            <>
              <Paragraph>{t('groups.meetings.agenda')}</Paragraph>
              <ol>
                {m.agenda.map((a, i) => (
                  <li key={i}>{a}</li>
                ))}
              </ol>
            </>
          ) : null}
          <Paragraph>
            {t('groups.meetings.attendees')}: {m.attendeeMemberIds.map(memberName).join(', ') || '–'}
          </Paragraph>
          {m.interpreter ? (
            <Paragraph>{m.interpreter.visible ? t('groups.meetings.interpreter', { language: m.interpreter.language, status: m.interpreter.status }) : t('groups.meetings.interpreterHidden')}</Paragraph>
          ) : null}
          <Paragraph>
            <strong>{t('groups.meetings.minutes')}</strong> <Tag data-color="neutral">{t(`journal.categories.${m.category}`)}</Tag>
          </Paragraph>
          <Paragraph>{m.minutesHidden ? t('groups.meetings.minutesHidden') : (m.minutes ?? '–')}</Paragraph>
          {m.decisions.length > 0 ? (
            <>
              <Paragraph>
                <strong>{t('groups.meetings.decisions')}</strong>
              </Paragraph>
              <ul>
                {m.decisions.map((d) => (
                  <li key={d.id}>{d.text}</li>
                ))}
              </ul>
            </>
          ) : null}
          {m.hiddenDecisions > 0 ? <Paragraph>{t('groups.meetings.hiddenDecisions', { count: m.hiddenDecisions })}</Paragraph> : null}
          {m.actionPoints.length > 0 ? (
            <Table>
              <caption>{t('groups.meetings.actionPoints')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('groups.meetings.actionPoints')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('groups.meetings.owner')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('groups.meetings.due')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('groups.meetings.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {m.actionPoints.map((p) => (
                  <Table.Row key={p.id}>
                    <Table.Cell>{p.text}</Table.Cell>
                    <Table.Cell>
                      {p.ownerUnitName}
                      {p.ownerUserName ? ` (${p.ownerUserName})` : ''}
                    </Table.Cell>
                    <Table.Cell>{formatDate(p.dueDate)}</Table.Cell>
                    <Table.Cell>
                      {t(`groups.meetings.statuses.${p.status}`)}{' '}
                      {p.canChangeStatus ? (
                        <Button
                          variant="secondary"
                          data-size="sm"
                          onClick={() => {
                            setError(null);
                            onActionPointStatus(p.id, { status: p.status === 'open' ? 'done' : 'open', version: p.version }).catch(setError);
                          }}
                        >
                          {p.status === 'open' ? t('groups.meetings.markDone', { text: p.text }) : t('groups.meetings.reopen', { text: p.text })}
                        </Button>
                      ) : null}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          ) : null}
          {m.hiddenActionPoints > 0 ? <Paragraph>{t('groups.meetings.hiddenActionPoints', { count: m.hiddenActionPoints })}</Paragraph> : null}
        </article>
      ))}
      {group.canRecordMeetings ? <RecordMeetingForm group={group} categories={view.can.categories} onRecordMeeting={onRecordMeeting} /> : null}
    </section>
  );
}

function RecordMeetingForm({ group, categories, onRecordMeeting }: { group: Group; categories: GroupsView['can']['categories']; onRecordMeeting: GroupsPageProps['onRecordMeeting'] }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const staffUnits = [...new Map(group.members.filter((m) => m.unitId && !m.leftAt).map((m) => [m.unitId!, m.unitName ?? ''])).entries()];
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    const actionText = s('actionText');
    setError(null);
    try {
      await onRecordMeeting(group.id, {
        heldOn: s('heldOn'),
        mode: s('mode') as (typeof MEETING_MODES)[number],
        place: s('place') || null,
        agenda: lines(s('agenda')),
        category: s('category') as GroupsView['can']['categories'][number],
        minutes: s('minutes') || null,
        decisions: lines(s('decisions')).map((text) => ({ text })),
        attendeeMemberIds: f.getAll('attendees').map(String),
        actionPoints: actionText ? [{ text: actionText, ownerUnitId: s('actionOwner'), dueDate: s('actionDue') }] : [],
      });
      e.currentTarget?.reset();
      setStatus(t('groups.record.done'));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby={`record-${group.id}`} noValidate>
      <Heading level={3} data-size="xs" id={`record-${group.id}`}>
        {t('groups.record.heading')}
      </Heading>
      <StatusMessage>{status}</StatusMessage>
      {error ? <ApiErrorAlert error={error} /> : null}
      <TextField id="meeting-date" name="heldOn" label={t('groups.record.date')} />
      <SelectField id="meeting-mode" name="mode" label={t('groups.record.mode')}>
        {MEETING_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`groups.meetings.modes.${m}`)}
          </option>
        ))}
      </SelectField>
      <TextField id="meeting-place" name="place" label={t('groups.record.place')} />
      <TextareaField id="meeting-agenda" name="agenda" label={t('groups.record.agenda')} />
      <SelectField id="meeting-category" name="category" label={t('groups.record.category')} defaultValue="general">
        {categories.map((c) => (
          <option key={c} value={c}>
            {t(`journal.categories.${c}`)}
          </option>
        ))}
      </SelectField>
      <TextareaField id="meeting-minutes" name="minutes" label={t('groups.record.minutes')} rows={5} />
      <TextareaField id="meeting-decisions" name="decisions" label={t('groups.record.decisions')} />
      <Fieldset>
        <Fieldset.Legend>{t('groups.record.attendees')}</Fieldset.Legend>
        {group.members
          .filter((m) => !m.leftAt)
          .map((m) => (
            <Checkbox key={m.id} name="attendees" value={m.id} label={m.name} />
          ))}
      </Fieldset>
      <TextField id="action-text" name="actionText" label={t('groups.record.actionText')} />
      <SelectField id="action-owner" name="actionOwner" label={t('groups.record.actionOwner')}>
        {staffUnits.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </SelectField>
      <TextField id="action-due" name="actionDue" label={t('groups.record.actionDue')} />
      <Button type="submit">{t('groups.record.submit')}</Button>
    </form>
  );
}

function CreateGroupForm({ view, onCreate }: GroupsPageProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const key = (s: { userId: string; unitId: string }) => `${s.userId}:${s.unitId}`;
  const picked = view.staff.filter((s) => chosen.includes(key(s)));
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    const externalName = s('externalName');
    setError(null);
    try {
      await onCreate({
        members: [
          ...picked.map((p) => ({ kind: 'staff' as const, userId: p.userId, unitId: p.unitId, role: s(`role-${key(p)}`) })),
          ...(externalName ? [{ kind: 'external' as const, externalKind: s('externalKind') as (typeof EXTERNAL_KINDS)[number], name: externalName, role: s('externalRole') }] : []),
        ],
        coordinatorUserId: s('coordinator'),
      });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="section" aria-labelledby="group-create">
      <Heading level={2} data-size="sm" id="group-create">
        {t('groups.create.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('groups.create.teamNotice')}</Paragraph>
      {error ? <ApiErrorAlert error={error} /> : null}
      <form onSubmit={submit} noValidate aria-labelledby="group-create">
        <Fieldset>
          <Fieldset.Legend>{t('groups.create.staff')}</Fieldset.Legend>
          {view.staff.map((s) => (
            <Checkbox
              key={key(s)}
              value={key(s)}
              label={`${s.name} (${s.unitName})`}
              checked={chosen.includes(key(s))}
              onChange={(e) => setChosen((c) => (e.target.checked ? [...c, key(s)] : c.filter((x) => x !== key(s))))}
            />
          ))}
        </Fieldset>
        {picked.map((p) => (
          <TextField key={key(p)} id={`role-${key(p)}`} name={`role-${key(p)}`} label={t('groups.create.staffRole', { name: p.name, unit: p.unitName })} />
        ))}
        <SelectField id="group-coordinator" name="coordinator" label={t('groups.create.coordinator')}>
          {picked.map((p) => (
            <option key={key(p)} value={p.userId}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <TextField id="external-name" name="externalName" label={t('groups.create.externalName')} />
        <SelectField id="external-kind" name="externalKind" label={t('groups.create.externalKind')}>
          {EXTERNAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`groups.external.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="external-role" name="externalRole" label={t('groups.create.externalRole')} />
        <Button type="submit">{t('groups.create.submit')}</Button>
      </form>
    </section>
  );
}
