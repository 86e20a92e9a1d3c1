import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Checkbox, Fieldset, Heading, Link as DsLink, Paragraph, Radio, Table, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { EXTERNAL_KINDS, GROUP_LIMITS, MEETING_MODES, type BodyOf, type FieldError, type JournalCategoryName, type ResponseOf } from '@eidor/contract';
import { isApiError } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate } from '../../i18n/format.ts';

export type GroupsView = ResponseOf<'personGroups'>;
type Group = GroupsView['groups'][number];
type Meeting = Group['meetings'][number];
type Member = Group['members'][number];
export type InterpreterUse = ResponseOf<'personJournal'>['interpreters'][number];
type Errors = Record<string, string>;
type ExternalKind = (typeof EXTERNAL_KINDS)[number];
type MeetingMode = (typeof MEETING_MODES)[number];

export type GroupsPageProps = {
  personId: string;
  personName: string | null;
  view: GroupsView;
  onCreate: (body: BodyOf<'createGroup'>) => Promise<void>;
  onAddMember: (groupId: string, body: BodyOf<'addGroupMember'>) => Promise<void>;
  onEndMember: (memberId: string, body: BodyOf<'endGroupMember'>) => Promise<void>;
  onSetCoordinator: (groupId: string, body: BodyOf<'setGroupCoordinator'>) => Promise<void>;
  onCloseGroup: (groupId: string, body: BodyOf<'closeGroup'>) => Promise<void>;
  onRecordMeeting: (groupId: string, body: BodyOf<'createGroupMeeting'>) => Promise<void>;
  onUpdateMeeting: (meetingId: string, body: BodyOf<'updateGroupMeeting'>) => Promise<void>;
  onAddActionPoint: (meetingId: string, body: BodyOf<'createGroupActionPoint'>) => Promise<void>;
  onActionPointStatus: (id: string, body: BodyOf<'setGroupActionPointStatus'>) => Promise<void>;
  /** Fetches the groups again (after a version conflict). */
  onReload: () => Promise<void>;
  /** The person's interpreter use from the journal (an audited read), for the meeting's interpreter. */
  loadInterpreters: () => Promise<InterpreterUse[]>;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Why the server refused a field, in the user's words. The server's reasons are English and name the
 * rule; the known ones are translated, any other is shown as it came.
 */
export function groupServerMessage(f: FieldError, t: TFunction): string {
  const m = f.message;
  let x: RegExpExecArray | null;
  if (m === 'must not be empty' || /expected string, received undefined|^Required/.test(m)) return t('groups.server.required');
  if ((x = /^must be at most (\d+) characters/.exec(m))) return t('groups.server.tooLong', { max: x[1] });
  if (m === 'must be a date YYYY-MM-DD' || m === 'is not a real date') return t('groups.server.date');
  if (m === 'is not a member of the group') return t('groups.server.notMember');
  if (m.startsWith('is not an interpreter use')) return t('groups.server.interpreter');
  if (m === 'is not a unit represented in the group') return t('groups.server.ownerUnit');
  if (m === 'is not a staff member of the group from the owner unit') return t('groups.server.ownerUser');
  if (m === 'is not an active staff member of the group' || m === 'is not one of the staff members of the group') return t('groups.server.coordinator');
  if (m === 'is not an active user with a role in the chosen unit') return t('groups.server.notInUnit');
  if (m === 'is already a member of the group for this unit') return t('groups.server.alreadyMember');
  if (m.startsWith('your role may not read')) return t('groups.server.category');
  if (/Invalid UUID|invalid_format|Invalid input/.test(m)) return t('groups.server.choose');
  return t('groups.server.other', { message: m });
}

/**
 * One form's save: local checks first, then the server. The server's field reasons land beside their
 * fields (`place` turns a server path into the form's field name); anything else goes in an alert.
 */
function useGroupAction(place: (path: string) => string = (p) => p) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<Errors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (local: Errors, fn: () => Promise<void>, form?: HTMLFormElement | null): Promise<boolean> => {
    setError(null);
    setFields(local);
    const focus = (errs: Errors) => setTimeout(() => form?.querySelector<HTMLElement>(`[data-field="${Object.keys(errs)[0]}"]`)?.focus(), 0);
    if (Object.keys(local).length > 0) {
      focus(local);
      return false;
    }
    setBusy(true);
    try {
      await fn();
      return true;
    } catch (e) {
      if (isApiError(e) && e.fields.length > 0 && ['VALIDATION', 'FORBIDDEN', 'CONFLICT'].includes(e.code)) {
        const out: Errors = {};
        for (const f of e.fields) out[place(f.path)] ??= groupServerMessage(f, t);
        setFields(out);
        focus(out);
      } else setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, fields, error, busy };
}

/** A person's responsibility group (issue 7 § 1): members, coordinator, meetings and action points. */
export function GroupsPage(props: GroupsPageProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
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
      <StatusMessage>{status}</StatusMessage>
      {props.view.groups.length === 0 ? <Paragraph>{t('groups.none')}</Paragraph> : null}
      {props.view.groups.map((g) => (
        <GroupSection key={g.id} group={g} setStatus={setStatus} {...props} />
      ))}
      {!active && props.view.can.manage ? <CreateGroupForm {...props} setStatus={setStatus} /> : null}
    </>
  );
}

type SectionProps = GroupsPageProps & { group: Group; setStatus: (s: string) => void };
type Dialog = { kind: 'member' | 'coordinator' | 'close' | 'record' } | { kind: 'edit' | 'point'; meetingId: string } | null;

function GroupSection(props: SectionProps) {
  const { group, view, setStatus } = props;
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [ending, setEnding] = useState<Member | null>(null);
  const [endError, setEndError] = useState<unknown>(null);
  const [endBusy, setEndBusy] = useState(false);
  const manage = group.canManage;
  const meeting = dialog && 'meetingId' in dialog ? group.meetings.find((m) => m.id === dialog.meetingId) : undefined;
  const close = () => setDialog(null);
  const done = (message: string) => {
    setStatus(message);
    close();
  };
  const day = (iso: string) => formatDate(iso.slice(0, 10));

  const endMember = async () => {
    if (!ending) return;
    setEndBusy(true);
    setEndError(null);
    try {
      await props.onEndMember(ending.id, { version: group.version });
      setStatus(t('groups.end.done', { name: ending.name }));
      setEnding(null);
    } catch (e) {
      setEndError(e);
    } finally {
      setEndBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby={`group-${group.id}`}>
      <Heading level={2} data-size="sm" id={`group-${group.id}`}>
        {group.status === 'closed' ? t('groups.closedHeading', { date: day(group.closedAt!) }) : t('groups.members')}
      </Heading>
      {group.status === 'closed' ? <Paragraph>{t('groups.closed', { date: day(group.closedAt!), reason: group.closedReason ?? '' })}</Paragraph> : null}
      {group.coordinator ? (
        <Paragraph>
          {t('groups.coordinator')}: <bdi>{group.coordinator.name}</bdi> ({t('groups.since', { date: day(group.coordinator.from) })})
        </Paragraph>
      ) : null}
      {manage ? (
        <div className="button-row">
          <Button type="button" variant="secondary" onClick={() => setDialog({ kind: 'member' })}>
            {t('groups.add.open')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setDialog({ kind: 'coordinator' })}>
            {t('groups.coord.open')}
          </Button>
          <Button type="button" variant="secondary" data-color="danger" onClick={() => setDialog({ kind: 'close' })}>
            {t('groups.close.open')}
          </Button>
        </div>
      ) : null}
      <Table>
        <caption>{group.status === 'closed' ? t('groups.membersOfClosed') : t('groups.members')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('groups.member')}</Table.HeaderCell>
            <Table.HeaderCell>{t('groups.unit')}</Table.HeaderCell>
            <Table.HeaderCell>{t('groups.roleInGroup')}</Table.HeaderCell>
            <Table.HeaderCell>{t('groups.membership')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {group.members.map((m) => (
            <Table.Row key={m.id}>
              <Table.HeaderCell scope="row">
                <bdi>{m.name}</bdi>
                {group.coordinator?.memberId === m.id ? (
                  <>
                    {' '}
                    <Tag data-color="info" data-size="sm">
                      {t('groups.coordinator')}
                    </Tag>
                  </>
                ) : null}
              </Table.HeaderCell>
              <Table.Cell>{m.unitName ?? (m.externalKind ? t(`groups.external.${m.externalKind}`) : '')}</Table.Cell>
              <Table.Cell>{m.role}</Table.Cell>
              <Table.Cell>
                {m.leftAt ? t('groups.left', { date: day(m.leftAt) }) : t('groups.memberSince', { date: day(m.addedAt) })}
                {manage && !m.leftAt && group.coordinator?.memberId !== m.id ? (
                  <>
                    {' '}
                    <Button type="button" variant="tertiary" data-size="sm" onClick={() => setEnding(m)}>
                      {t('groups.end.open', { name: m.name })}
                    </Button>
                  </>
                ) : null}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {group.coordinatorHistory.length > 1 ? (
        <Table data-size="sm">
          <caption>{t('groups.coordinatorHistory')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('groups.coordinator')}</Table.HeaderCell>
              <Table.HeaderCell>{t('groups.coordFrom')}</Table.HeaderCell>
              <Table.HeaderCell>{t('groups.coordUntil')}</Table.HeaderCell>
              <Table.HeaderCell>{t('groups.coordSetBy')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {group.coordinatorHistory.map((c) => (
              <Table.Row key={`${c.memberId}-${c.from}`}>
                <Table.Cell>
                  <bdi>{c.name}</bdi>
                </Table.Cell>
                <Table.Cell>{day(c.from)}</Table.Cell>
                <Table.Cell>{c.until ? day(c.until) : t('groups.coordNow')}</Table.Cell>
                <Table.Cell>{c.setBy ?? '–'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}

      <Heading level={2} data-size="sm">
        {t('groups.meetings.heading')}
      </Heading>
      {!group.meetingsVisible ? <Paragraph>{t('groups.meetings.hidden')}</Paragraph> : group.meetings.length === 0 ? <Paragraph>{t('groups.meetings.none')}</Paragraph> : null}
      {group.canRecordMeetings ? (
        <Paragraph>
          <Button type="button" onClick={() => setDialog({ kind: 'record' })}>
            {t('groups.record.open')}
          </Button>
        </Paragraph>
      ) : null}
      {group.meetings.map((m) => (
        <MeetingArticle key={m.id} {...props} meeting={m} onEdit={() => setDialog({ kind: 'edit', meetingId: m.id })} onAddPoint={() => setDialog({ kind: 'point', meetingId: m.id })} />
      ))}

      <FormDialog open={dialog?.kind === 'member'} title={t('groups.add.heading')} onClose={close}>
        {({ reloaded }) => <AddMemberForm key={group.version} group={group} staff={view.staff} onReload={reloaded(props.onReload)} onCancel={close} onSave={async (body) => { await props.onAddMember(group.id, body); done(t('groups.add.done')); }} />}
      </FormDialog>
      <FormDialog open={dialog?.kind === 'coordinator'} title={t('groups.coord.heading')} onClose={close}>
        {({ reloaded }) => <CoordinatorForm key={group.version} group={group} onReload={reloaded(props.onReload)} onCancel={close} onSave={async (body) => { await props.onSetCoordinator(group.id, body); done(t('groups.coord.done')); }} />}
      </FormDialog>
      <FormDialog open={dialog?.kind === 'close'} title={t('groups.close.heading')} onClose={close}>
        {({ reloaded }) => <CloseGroupForm key={group.version} group={group} onReload={reloaded(props.onReload)} onCancel={close} onSave={async (body) => { await props.onCloseGroup(group.id, body); done(t('groups.close.done')); }} />}
      </FormDialog>
      <FormDialog open={dialog?.kind === 'record'} title={t('groups.record.heading')} onClose={close} wide>
        {() => (
          <MeetingForm
            group={group}
            categories={view.can.categories}
            loadInterpreters={props.loadInterpreters}
            onCancel={close}
            onSave={async (v) => {
              await props.onRecordMeeting(group.id, { ...v.meeting, decisions: v.decisions, actionPoints: v.actionPoints });
              done(t('groups.record.done'));
            }}
          />
        )}
      </FormDialog>
      <FormDialog open={dialog?.kind === 'edit'} title={t('groups.edit.heading')} onClose={close} wide>
        {({ reloaded }) =>
          meeting ? (
            <MeetingForm
              key={`${meeting.id}-${meeting.version}`}
              group={group}
              meeting={meeting}
              categories={view.can.categories}
              loadInterpreters={props.loadInterpreters}
              onReload={reloaded(props.onReload)}
              onCancel={close}
              onSave={async (v) => {
                await props.onUpdateMeeting(meeting.id, { ...v.meeting, addDecisions: v.decisions, version: meeting.version });
                done(t('groups.edit.done'));
              }}
            />
          ) : null
        }
      </FormDialog>
      <FormDialog open={dialog?.kind === 'point'} title={t('groups.point.heading')} onClose={close}>
        {() =>
          meeting ? (
            <AddActionPointForm
              group={group}
              meeting={meeting}
              categories={view.can.categories}
              onCancel={close}
              onSave={async (body) => {
                await props.onAddActionPoint(meeting.id, body);
                done(t('groups.point.done'));
              }}
            />
          ) : null
        }
      </FormDialog>
      <ConfirmDialog
        open={ending !== null}
        title={t('groups.end.heading', { name: ending?.name ?? '' })}
        body={t('groups.end.body')}
        confirmLabel={t('groups.end.confirm')}
        danger
        pending={endBusy}
        error={endError}
        onConfirm={() => void endMember()}
        onCancel={() => {
          setEnding(null);
          setEndError(null);
        }}
        onReload={async () => {
          await props.onReload();
          setEndError(null);
        }}
      />
    </section>
  );
}

function InterpreterLine({ i }: { i: NonNullable<Meeting['interpreter']> }) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  if (!i.visible) return <Paragraph>{t('groups.meetings.interpreterHidden')}</Paragraph>;
  return (
    <Paragraph>
      {t('groups.meetings.interpreter', {
        language: languageName(i.language ?? '', i18n.language),
        status: i.status ? t(`journal.interpreters.statuses.${i.status}`) : '',
        date: i.date ? formatDate(i.date) : '',
        qualification: i.qualification ? t(`journal.interpreters.qualifications.${i.qualification}`) : '',
      })}
    </Paragraph>
  );
}

function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang === 'en' ? 'en' : 'nb'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function MeetingArticle({ meeting: m, group, onEdit, onAddPoint, onActionPointStatus, onReload, setStatus }: SectionProps & { meeting: Meeting; onEdit: () => void; onAddPoint: () => void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const memberName = (id: string) => group.members.find((x) => x.id === id)?.name ?? '';
  const title = `${t('groups.meetings.meeting', { date: formatDate(m.heldOn) })}, ${t(`groups.meetings.modes.${m.mode}`)}${m.place ? `, ${m.place}` : ''}`;
  const setPoint = async (p: Meeting['actionPoints'][number]) => {
    setError(null);
    setBusy(p.id);
    try {
      await onActionPointStatus(p.id, { status: p.status === 'open' ? 'done' : 'open', version: p.version });
      setStatus(p.status === 'open' ? t('groups.meetings.markedDone', { text: p.text }) : t('groups.meetings.reopened', { text: p.text }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <article className="section" aria-labelledby={`meeting-${m.id}`}>
      <Heading level={3} data-size="xs" id={`meeting-${m.id}`}>
        {title}
      </Heading>
      {m.agenda.length > 0 ? (
        <>
          <Paragraph>
            <strong>{t('groups.meetings.agenda')}</strong>
          </Paragraph>
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
      {m.interpreter ? <InterpreterLine i={m.interpreter} /> : null}
      <Paragraph>
        <strong>{t('groups.meetings.minutes')}</strong> <Tag data-color="neutral">{t(`journal.categories.${m.category}`)}</Tag>
      </Paragraph>
      <Paragraph className="journal-text">{m.minutesHidden ? t('groups.meetings.minutesHidden') : (m.minutes ?? '–')}</Paragraph>
      {m.decisions.length > 0 ? (
        <>
          <Paragraph>
            <strong>{t('groups.meetings.decisions')}</strong>
          </Paragraph>
          <ul>
            {m.decisions.map((d) => (
              <li key={d.id}>
                {d.text}
                {d.category !== m.category ? ` (${t(`journal.categories.${d.category}`)})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {m.hiddenDecisions > 0 ? <Paragraph>{t('groups.meetings.hiddenDecisions', { count: m.hiddenDecisions })}</Paragraph> : null}
      {m.actionPoints.length > 0 ? (
        <Table>
          <caption>{t('groups.meetings.actionPointsOf', { meeting: title })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('groups.meetings.actionPoint')}</Table.HeaderCell>
              <Table.HeaderCell>{t('groups.meetings.owner')}</Table.HeaderCell>
              <Table.HeaderCell>{t('groups.meetings.due')}</Table.HeaderCell>
              <Table.HeaderCell>{t('groups.meetings.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {m.actionPoints.map((p) => (
              <Table.Row key={p.id}>
                <Table.HeaderCell scope="row">{p.text}</Table.HeaderCell>
                <Table.Cell>
                  {p.ownerUnitName}
                  {p.ownerUserName ? ` (${p.ownerUserName})` : ''}
                </Table.Cell>
                <Table.Cell>{formatDate(p.dueDate)}</Table.Cell>
                <Table.Cell>
                  <Tag data-color={p.status === 'done' ? 'success' : 'warning'} data-size="sm">
                    {t(`groups.meetings.statuses.${p.status}`)}
                  </Tag>
                  {p.status === 'done' && p.doneAt ? ` ${t('groups.meetings.doneAt', { date: formatDate(p.doneAt.slice(0, 10)), by: p.doneBy ?? '' })}` : ''}{' '}
                  {p.canChangeStatus && (p.status === 'open' || group.status === 'active') ? (
                    <Button type="button" variant="secondary" data-size="sm" loading={busy === p.id} disabled={busy !== null} onClick={() => void setPoint(p)}>
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
      {error ? (
        <ApiErrorAlert
          error={error}
          onReload={async () => {
            await onReload();
            setError(null);
          }}
        />
      ) : null}
      {m.canEdit && group.status === 'active' ? (
        <div className="button-row">
          <Button type="button" variant="secondary" data-size="sm" onClick={onEdit} aria-describedby={`meeting-${m.id}`}>
            {t('groups.edit.open')}
          </Button>
          <Button type="button" variant="secondary" data-size="sm" onClick={onAddPoint} aria-describedby={`meeting-${m.id}`}>
            {t('groups.point.open')}
          </Button>
        </div>
      ) : null}
    </article>
  );
}

function FormButtons({ busy, save, onCancel }: { busy: boolean; save: string; onCancel?: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <Button type="submit" loading={busy} disabled={busy}>
        {save}
      </Button>
      {onCancel ? (
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      ) : null}
    </div>
  );
}

function CategoryOptions({ categories }: { categories: readonly JournalCategoryName[] }) {
  const { t } = useTranslation();
  return (
    <>
      {categories.map((c) => (
        <option key={c} value={c}>
          {t(`journal.categories.${c}`)}
        </option>
      ))}
    </>
  );
}

// ---------- the meeting form (record and edit) ----------

type PointDraft = { key: number; text: string; ownerUnitId: string; ownerUserId: string; dueDate: string; category: string };
type DecisionDraft = { key: number; text: string; category: string };
type MeetingValues = {
  meeting: Omit<BodyOf<'updateGroupMeeting'>, 'addDecisions' | 'version'>;
  decisions: NonNullable<BodyOf<'createGroupMeeting'>['decisions']>;
  actionPoints: NonNullable<BodyOf<'createGroupMeeting'>['actionPoints']>;
};

/** The units represented by active staff members, and those members, for action point owners. */
function ownersOf(group: Group) {
  const staff = group.members.filter((m) => m.unitId && !m.leftAt);
  const units = [...new Map(staff.map((m) => [m.unitId!, m.unitName ?? ''])).entries()];
  return { staff, units };
}

/** Where a server field error shows in the meeting form: a list's entries on the list, rows on their row. */
const meetingPlace = (path: string) => {
  if (path.startsWith('agenda.')) return 'agenda';
  if (path.startsWith('attendeeMemberIds')) return 'attendees';
  const d = /^(?:decisions|addDecisions)\.(\d+)\.(\w+)/.exec(path);
  if (d) return `decisions.${d[1]}.${d[2]}`;
  return path;
};

function MeetingForm({
  group,
  meeting,
  categories,
  loadInterpreters,
  onSave,
  onCancel,
  onReload,
}: {
  group: Group;
  meeting?: Meeting;
  categories: readonly JournalCategoryName[];
  loadInterpreters: () => Promise<InterpreterUse[]>;
  onSave: (v: MeetingValues) => Promise<void>;
  onCancel: () => void;
  onReload?: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const id = useId().replaceAll(':', '');
  const a = useGroupAction(meetingPlace);
  const editing = meeting !== undefined;
  const [heldOn, setHeldOn] = useState(meeting?.heldOn ?? '');
  const [mode, setMode] = useState<MeetingMode>(meeting?.mode ?? 'on_site');
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [agenda, setAgenda] = useState((meeting?.agenda ?? []).join('\n'));
  const [category, setCategory] = useState<string>(meeting?.category ?? (categories.includes('general') ? 'general' : (categories[0] ?? 'general')));
  const [minutes, setMinutes] = useState(meeting?.minutes ?? '');
  const [attendees, setAttendees] = useState<string[]>(meeting?.attendeeMemberIds ?? []);
  const [interpreterUseId, setInterpreterUseId] = useState(meeting?.interpreter?.id ?? '');
  const [interpreters, setInterpreters] = useState<InterpreterUse[] | 'loading' | 'failed'>('loading');
  const [decisions, setDecisions] = useState<DecisionDraft[]>([]);
  const [points, setPoints] = useState<PointDraft[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const { staff, units } = ownersOf(group);

  // Once per opening of the form: the journal read is audited.
  const loader = useRef(loadInterpreters);
  useEffect(() => {
    let live = true;
    loader.current().then(
      (list) => live && setInterpreters([...list].sort((x, y) => y.date.localeCompare(x.date))),
      () => live && setInterpreters('failed'),
    );
    return () => {
      live = false;
    };
  }, []);

  const addDecision = () => {
    setDecisions((d) => [...d, { key: nextKey, text: '', category: '' }]);
    setNextKey((k) => k + 1);
  };
  const addPoint = () => {
    setPoints((p) => [...p, { key: nextKey, text: '', ownerUnitId: units[0]?.[0] ?? '', ownerUserId: '', dueDate: '', category: '' }]);
    setNextKey((k) => k + 1);
  };
  const setDecision = (key: number, patch: Partial<DecisionDraft>) => setDecisions((ds) => ds.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const setPointField = (key: number, patch: Partial<PointDraft>) => setPoints((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const local: Errors = {};
    if (!DATE.test(heldOn)) local.heldOn = heldOn ? t('groups.server.date') : t('groups.errors.heldOn');
    decisions.forEach((d, i) => {
      if (!d.text.trim()) local[`decisions.${i}.text`] = t('groups.errors.decision');
    });
    points.forEach((p, i) => {
      if (!p.text.trim()) local[`actionPoints.${i}.text`] = t('groups.errors.pointText');
      if (!p.ownerUnitId) local[`actionPoints.${i}.ownerUnitId`] = t('groups.errors.pointOwner');
      if (!DATE.test(p.dueDate)) local[`actionPoints.${i}.dueDate`] = p.dueDate ? t('groups.server.date') : t('groups.errors.pointDue');
    });
    void a.run(
      local,
      () =>
        onSave({
          meeting: {
            heldOn,
            mode,
            place: place.trim() || null,
            agenda: lines(agenda),
            category: category as JournalCategoryName,
            minutes: minutes.trim() || null,
            attendeeMemberIds: attendees,
            interpreterUseId: interpreterUseId || null,
          },
          decisions: decisions.map((d) => ({ text: d.text.trim(), ...(d.category ? { category: d.category as JournalCategoryName } : {}) })),
          actionPoints: points.map((p) => ({
            text: p.text.trim(),
            ownerUnitId: p.ownerUnitId,
            ownerUserId: p.ownerUserId || null,
            dueDate: p.dueDate,
            ...(p.category ? { category: p.category as JournalCategoryName } : {}),
          })),
        }),
      form,
    );
  };
  const f = a.fields;
  const sameAsMeeting = t('groups.record.sameCategory');
  return (
    <form onSubmit={submit} noValidate className="form" aria-label={editing ? t('groups.edit.heading') : t('groups.record.heading')}>
      {editing ? <Paragraph data-size="sm">{t('groups.edit.notice')}</Paragraph> : null}
      <TextField id={`${id}-date`} data-field="heldOn" type="date" className="input-short" label={t('groups.record.date')} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} error={f.heldOn} />
      <SelectField id={`${id}-mode`} data-field="mode" label={t('groups.record.mode')} value={mode} onChange={(e) => setMode(e.target.value as MeetingMode)} error={f.mode}>
        {MEETING_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`groups.meetings.modes.${m}`)}
          </option>
        ))}
      </SelectField>
      <TextField id={`${id}-place`} data-field="place" label={t('groups.record.place')} value={place} maxLength={GROUP_LIMITS.placeMax} onChange={(e) => setPlace(e.target.value)} error={f.place} />
      <TextareaField id={`${id}-agenda`} data-field="agenda" label={t('groups.record.agenda')} description={t('groups.record.agendaHelp')} value={agenda} rows={4} onChange={(e) => setAgenda(e.target.value)} error={f.agenda} />
      <Fieldset data-field="attendees" tabIndex={-1}>
        <Fieldset.Legend>{t('groups.record.attendees')}</Fieldset.Legend>
        {group.members
          .filter((m) => !m.leftAt || attendees.includes(m.id))
          .map((m) => (
            <Checkbox
              key={m.id}
              label={m.unitName ? `${m.name} (${m.unitName})` : m.name}
              value={m.id}
              checked={attendees.includes(m.id)}
              onChange={(e) => setAttendees((xs) => (e.target.checked ? [...xs, m.id] : xs.filter((x) => x !== m.id)))}
            />
          ))}
        {f.attendees ? <ValidationMessage>{f.attendees}</ValidationMessage> : null}
      </Fieldset>
      <SelectField
        id={`${id}-interpreter`}
        data-field="interpreterUseId"
        label={t('groups.record.interpreter')}
        description={interpreters === 'failed' ? t('groups.record.interpretersFailed') : interpreters === 'loading' ? t('groups.record.interpretersLoading') : interpreters.length === 0 ? t('groups.record.interpretersNone') : t('groups.record.interpreterHelp')}
        value={interpreterUseId}
        onChange={(e) => setInterpreterUseId(e.target.value)}
        error={f.interpreterUseId}
      >
        <option value="">{t('groups.record.noInterpreter')}</option>
        {meeting?.interpreter && !meeting.interpreter.visible ? <option value={meeting.interpreter.id}>{t('groups.meetings.interpreterHidden')}</option> : null}
        {Array.isArray(interpreters)
          ? interpreters.map((i) => (
              <option key={i.id} value={i.id}>
                {t('groups.record.interpreterOption', { date: formatDate(i.date), language: languageName(i.language, i18n.language), status: t(`journal.interpreters.statuses.${i.status}`), topic: i.topic })}
              </option>
            ))
          : null}
      </SelectField>
      <SelectField id={`${id}-category`} data-field="category" label={t('groups.record.category')} description={t('groups.record.categoryHelp')} value={category} onChange={(e) => setCategory(e.target.value)} error={f.category}>
        <CategoryOptions categories={categories} />
      </SelectField>
      <TextareaField id={`${id}-minutes`} data-field="minutes" label={t('groups.record.minutes')} value={minutes} rows={6} maxLength={GROUP_LIMITS.minutesMax} onChange={(e) => setMinutes(e.target.value)} error={f.minutes} />

      <Fieldset>
        <Fieldset.Legend>{editing ? t('groups.record.addDecisions') : t('groups.record.decisions')}</Fieldset.Legend>
        {decisions.map((d, i) => (
          <Row key={d.key} label={t('groups.record.decisionN', { n: i + 1 })}>
            <TextareaField id={`${id}-decision-${d.key}`} data-field={`decisions.${i}.text`} label={t('groups.record.decisionText', { n: i + 1 })} value={d.text} rows={2} maxLength={GROUP_LIMITS.decisionMax} onChange={(e) => setDecision(d.key, { text: e.target.value })} error={f[`decisions.${i}.text`]} />
            <SelectField id={`${id}-decision-${d.key}-category`} data-field={`decisions.${i}.category`} label={t('groups.record.decisionCategory', { n: i + 1 })} value={d.category} onChange={(e) => setDecision(d.key, { category: e.target.value })} error={f[`decisions.${i}.category`]}>
              <option value="">{sameAsMeeting}</option>
              <CategoryOptions categories={categories} />
            </SelectField>
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => setDecisions((ds) => ds.filter((x) => x.key !== d.key))}>
              {t('groups.record.removeDecision', { n: i + 1 })}
            </Button>
          </Row>
        ))}
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={addDecision} disabled={decisions.length >= GROUP_LIMITS.decisions}>
            {t('groups.record.addDecision')}
          </Button>
        </div>
      </Fieldset>

      {!editing ? (
        <Fieldset>
          <Fieldset.Legend>{t('groups.record.actionPoints')}</Fieldset.Legend>
          <Fieldset.Description>{t('groups.record.actionPointsHelp')}</Fieldset.Description>
          {points.map((p, i) => (
            <Row key={p.key} label={t('groups.record.pointN', { n: i + 1 })}>
              <PointFields id={`${id}-point-${p.key}`} n={i + 1} prefix={`actionPoints.${i}.`} value={p} errors={f} staff={staff} units={units} categories={categories} sameAsMeeting={sameAsMeeting} onChange={(patch) => setPointField(p.key, patch)} />
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => setPoints((ps) => ps.filter((x) => x.key !== p.key))}>
                {t('groups.record.removePoint', { n: i + 1 })}
              </Button>
            </Row>
          ))}
          <div>
            <Button type="button" variant="secondary" data-size="sm" onClick={addPoint} disabled={units.length === 0 || points.length >= GROUP_LIMITS.actionPoints}>
              {t('groups.record.addPoint')}
            </Button>
          </div>
        </Fieldset>
      ) : null}
      {a.error ? <ApiErrorAlert error={a.error} onReload={onReload} /> : null}
      <FormButtons busy={a.busy} save={editing ? t('groups.edit.submit') : t('groups.record.submit')} onCancel={onCancel} />
    </form>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="form-section">
      {children}
    </div>
  );
}

type PointValue = { text: string; ownerUnitId: string; ownerUserId: string; dueDate: string; category: string };

/** An action point's text, owner unit (and optionally the staff member from it), due date and category. */
function PointFields({
  id,
  n,
  prefix,
  value,
  errors,
  staff,
  units,
  categories,
  sameAsMeeting,
  onChange,
}: {
  id: string;
  n: number | null;
  prefix: string;
  value: PointValue;
  errors: Errors;
  staff: Member[];
  units: [string, string][];
  categories: readonly JournalCategoryName[];
  sameAsMeeting: string;
  onChange: (patch: Partial<PointValue>) => void;
}) {
  const { t } = useTranslation();
  const label = (k: 'text' | 'unit' | 'user' | 'due' | 'category'): string => (n === null ? t(`groups.point.${k}`) : t(`groups.record.point.${k}`, { n }));
  const fromUnit = staff.filter((m) => m.unitId === value.ownerUnitId && m.userId);
  return (
    <>
      <TextareaField id={`${id}-text`} data-field={`${prefix}text`} label={label('text')} value={value.text} rows={2} maxLength={GROUP_LIMITS.actionPointMax} onChange={(e) => onChange({ text: e.target.value })} error={errors[`${prefix}text`]} />
      <SelectField id={`${id}-unit`} data-field={`${prefix}ownerUnitId`} label={label('unit')} value={value.ownerUnitId} onChange={(e) => onChange({ ownerUnitId: e.target.value, ownerUserId: '' })} error={errors[`${prefix}ownerUnitId`]}>
        {units.map(([unitId, name]) => (
          <option key={unitId} value={unitId}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${id}-user`} data-field={`${prefix}ownerUserId`} label={label('user')} value={value.ownerUserId} onChange={(e) => onChange({ ownerUserId: e.target.value })} error={errors[`${prefix}ownerUserId`]}>
        <option value="">{t('groups.point.wholeUnit')}</option>
        {fromUnit.map((m) => (
          <option key={m.id} value={m.userId!}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <TextField id={`${id}-due`} data-field={`${prefix}dueDate`} type="date" className="input-short" label={label('due')} value={value.dueDate} onChange={(e) => onChange({ dueDate: e.target.value })} error={errors[`${prefix}dueDate`]} />
      <SelectField id={`${id}-category`} data-field={`${prefix}category`} label={label('category')} value={value.category} onChange={(e) => onChange({ category: e.target.value })} error={errors[`${prefix}category`]}>
        <option value="">{sameAsMeeting}</option>
        <CategoryOptions categories={categories} />
      </SelectField>
    </>
  );
}

function AddActionPointForm({ group, meeting, categories, onSave, onCancel }: { group: Group; meeting: Meeting; categories: readonly JournalCategoryName[]; onSave: (body: BodyOf<'createGroupActionPoint'>) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const id = useId().replaceAll(':', '');
  const a = useGroupAction();
  const { staff, units } = ownersOf(group);
  const [v, setV] = useState<PointValue>({ text: '', ownerUnitId: units[0]?.[0] ?? '', ownerUserId: '', dueDate: '', category: '' });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const local: Errors = {};
    if (!v.text.trim()) local.text = t('groups.errors.pointText');
    if (!v.ownerUnitId) local.ownerUnitId = t('groups.errors.pointOwner');
    if (!DATE.test(v.dueDate)) local.dueDate = v.dueDate ? t('groups.server.date') : t('groups.errors.pointDue');
    void a.run(local, () => onSave({ text: v.text.trim(), ownerUnitId: v.ownerUnitId, ownerUserId: v.ownerUserId || null, dueDate: v.dueDate, ...(v.category ? { category: v.category as JournalCategoryName } : {}) }), e.currentTarget);
  };
  return (
    <form onSubmit={submit} noValidate className="form" aria-label={t('groups.point.heading')}>
      <Paragraph data-size="sm">{t('groups.point.intro', { date: formatDate(meeting.heldOn) })}</Paragraph>
      <PointFields id={id} n={null} prefix="" value={v} errors={a.fields} staff={staff} units={units} categories={categories} sameAsMeeting={t('groups.record.sameCategory')} onChange={(patch) => setV((x) => ({ ...x, ...patch }))} />
      {a.error ? <ApiErrorAlert error={a.error} /> : null}
      <FormButtons busy={a.busy} save={t('groups.point.submit')} onCancel={onCancel} />
    </form>
  );
}

// ---------- members, coordinator, closing ----------

function AddMemberForm({ group, staff, onSave, onCancel, onReload }: { group: Group; staff: GroupsView['staff']; onSave: (body: BodyOf<'addGroupMember'>) => Promise<void>; onCancel: () => void; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId().replaceAll(':', '');
  const a = useGroupAction((p) => p.replace(/^member\./, ''));
  const [kind, setKind] = useState<'staff' | 'external'>('staff');
  const [who, setWho] = useState('');
  const [externalKind, setExternalKind] = useState<ExternalKind>('guardian');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const already = new Set(group.members.filter((m) => !m.leftAt && m.userId).map((m) => `${m.userId}:${m.unitId}`));
  const candidates = staff.filter((s) => !already.has(`${s.userId}:${s.unitId}`));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const local: Errors = {};
    if (kind === 'staff' && !who) local.userId = t('groups.errors.staff');
    if (kind === 'external' && !name.trim()) local.name = t('groups.errors.name');
    if (!role.trim()) local.role = t('groups.errors.role');
    const [userId = '', unitId = ''] = who.split(':');
    const member: BodyOf<'addGroupMember'>['member'] = kind === 'staff' ? { kind, userId, unitId, role: role.trim() } : { kind, externalKind, name: name.trim(), role: role.trim() };
    void a.run(local, () => onSave({ member, version: group.version }), e.currentTarget);
  };
  return (
    <form onSubmit={submit} noValidate className="form" aria-label={t('groups.add.heading')}>
      <Paragraph data-size="sm">{t('groups.create.teamNotice')}</Paragraph>
      <Fieldset>
        <Fieldset.Legend>{t('groups.add.kind')}</Fieldset.Legend>
        <Radio name={`${id}-kind`} value="staff" label={t('groups.add.staff')} checked={kind === 'staff'} onChange={() => setKind('staff')} />
        <Radio name={`${id}-kind`} value="external" label={t('groups.add.external')} checked={kind === 'external'} onChange={() => setKind('external')} />
      </Fieldset>
      {kind === 'staff' ? (
        <SelectField id={`${id}-who`} data-field="userId" label={t('groups.add.who')} value={who} onChange={(e) => setWho(e.target.value)} error={a.fields.userId ?? a.fields.unitId}>
          <option value="">{t('groups.add.choose')}</option>
          {candidates.map((s) => (
            <option key={`${s.userId}:${s.unitId}`} value={`${s.userId}:${s.unitId}`}>
              {`${s.name} – ${s.unitName}`}
            </option>
          ))}
        </SelectField>
      ) : (
        <>
          <SelectField id={`${id}-ext-kind`} data-field="externalKind" label={t('groups.create.externalKind')} value={externalKind} onChange={(e) => setExternalKind(e.target.value as ExternalKind)} error={a.fields.externalKind}>
            {EXTERNAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`groups.external.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextField id={`${id}-name`} data-field="name" label={t('groups.add.name')} value={name} maxLength={GROUP_LIMITS.nameMax} onChange={(e) => setName(e.target.value)} error={a.fields.name} />
        </>
      )}
      <TextField id={`${id}-role`} data-field="role" label={t('groups.roleInGroup')} description={t('groups.add.roleHelp')} value={role} maxLength={GROUP_LIMITS.roleMax} onChange={(e) => setRole(e.target.value)} error={a.fields.role} />
      {a.error ? <ApiErrorAlert error={a.error} onReload={onReload} /> : null}
      <FormButtons busy={a.busy} save={t('groups.add.submit')} onCancel={onCancel} />
    </form>
  );
}

function CoordinatorForm({ group, onSave, onCancel, onReload }: { group: Group; onSave: (body: BodyOf<'setGroupCoordinator'>) => Promise<void>; onCancel: () => void; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId().replaceAll(':', '');
  const a = useGroupAction();
  const choices = [...new Map(group.members.filter((m) => m.userId && !m.leftAt && m.userId !== group.coordinator?.userId).map((m) => [m.userId!, m])).values()];
  const [userId, setUserId] = useState('');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void a.run(userId ? {} : { userId: t('groups.errors.coordinator') }, () => onSave({ userId, version: group.version }), e.currentTarget);
  };
  return (
    <form onSubmit={submit} noValidate className="form" aria-label={t('groups.coord.heading')}>
      {group.coordinator ? <Paragraph>{t('groups.coord.now', { name: group.coordinator.name })}</Paragraph> : null}
      <SelectField id={`${id}-user`} data-field="userId" label={t('groups.coord.new')} description={t('groups.coord.help')} value={userId} onChange={(e) => setUserId(e.target.value)} error={a.fields.userId}>
        <option value="">{t('groups.add.choose')}</option>
        {choices.map((m) => (
          <option key={m.userId} value={m.userId!}>
            {m.unitName ? `${m.name} (${m.unitName})` : m.name}
          </option>
        ))}
      </SelectField>
      {a.error ? <ApiErrorAlert error={a.error} onReload={onReload} /> : null}
      <FormButtons busy={a.busy} save={t('groups.coord.submit')} onCancel={onCancel} />
    </form>
  );
}

function CloseGroupForm({ group, onSave, onCancel, onReload }: { group: Group; onSave: (body: BodyOf<'closeGroup'>) => Promise<void>; onCancel: () => void; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId().replaceAll(':', '');
  const a = useGroupAction();
  const [reason, setReason] = useState('');
  const open = group.meetings.flatMap((m) => m.actionPoints).filter((p) => p.status === 'open').length;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void a.run(reason.trim() ? {} : { reason: t('groups.errors.reason') }, () => onSave({ reason: reason.trim(), version: group.version }), e.currentTarget);
  };
  return (
    <form onSubmit={submit} noValidate className="form" aria-label={t('groups.close.heading')}>
      <Paragraph data-size="sm">{t('groups.close.intro')}</Paragraph>
      {open > 0 ? <Paragraph>{t('groups.close.openPoints', { count: open })}</Paragraph> : null}
      <TextareaField id={`${id}-reason`} data-field="reason" label={t('groups.close.reason')} value={reason} rows={3} maxLength={GROUP_LIMITS.reasonMax} onChange={(e) => setReason(e.target.value)} error={a.fields.reason} />
      {a.error ? <ApiErrorAlert error={a.error} onReload={onReload} /> : null}
      <FormButtons busy={a.busy} save={t('groups.close.submit')} onCancel={onCancel} />
    </form>
  );
}

// ---------- creating the group ----------

function CreateGroupForm({ view, onCreate, setStatus }: GroupsPageProps & { setStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const key = (s: { userId: string; unitId: string }) => `${s.userId}:${s.unitId}`;
  const [chosen, setChosen] = useState<string[]>([]);
  const [roles, setRoles] = useState<Record<string, string>>({});
  const [coordinator, setCoordinator] = useState('');
  const [externalName, setExternalName] = useState('');
  const [externalKind, setExternalKind] = useState<ExternalKind>('gp');
  const [externalRole, setExternalRole] = useState('');
  const picked = chosen.flatMap((k) => view.staff.filter((s) => key(s) === k));
  // The server's paths are members.N.*: staff in the order picked, then the external participant.
  const a = useGroupAction((path) => {
    const x = /^members\.(\d+)\.(\w+)/.exec(path);
    if (!x) return path === 'members' ? 'staff' : path;
    const i = Number(x[1]);
    if (i < picked.length) return x[2] === 'role' ? `role-${key(picked[i]!)}` : 'staff';
    return x[2] === 'name' ? 'externalName' : x[2] === 'role' ? 'externalRole' : 'externalKind';
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const local: Errors = {};
    if (picked.length === 0) local.staff = t('groups.errors.staffFirst');
    for (const p of picked) if (!(roles[key(p)] ?? '').trim()) local[`role-${key(p)}`] = t('groups.errors.role');
    if (picked.length > 0 && !picked.some((p) => p.userId === coordinator)) local.coordinatorUserId = t('groups.errors.coordinator');
    if (externalName.trim() && !externalRole.trim()) local.externalRole = t('groups.errors.role');
    void a.run(
      local,
      async () => {
        await onCreate({
          members: [
            ...picked.map((p) => ({ kind: 'staff' as const, userId: p.userId, unitId: p.unitId, role: (roles[key(p)] ?? '').trim() })),
            ...(externalName.trim() ? [{ kind: 'external' as const, externalKind, name: externalName.trim(), role: externalRole.trim() }] : []),
          ],
          coordinatorUserId: coordinator,
        });
        setStatus(t('groups.create.done'));
      },
      e.currentTarget,
    );
  };
  const coordinators = [...new Map(picked.map((p) => [p.userId, p])).values()];
  return (
    <section className="section" aria-labelledby="group-create">
      <Heading level={2} data-size="sm" id="group-create">
        {t('groups.create.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('groups.create.teamNotice')}</Paragraph>
      <form onSubmit={submit} noValidate className="form" aria-labelledby="group-create">
        <Fieldset data-field="staff" tabIndex={-1}>
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
          {a.fields.staff ? <ValidationMessage>{a.fields.staff}</ValidationMessage> : null}
        </Fieldset>
        {picked.map((p) => (
          <TextField
            key={key(p)}
            id={`group-role-${p.userId}-${p.unitId}`}
            data-field={`role-${key(p)}`}
            label={t('groups.create.staffRole', { name: p.name, unit: p.unitName })}
            value={roles[key(p)] ?? ''}
            maxLength={GROUP_LIMITS.roleMax}
            onChange={(e) => setRoles((r) => ({ ...r, [key(p)]: e.target.value }))}
            error={a.fields[`role-${key(p)}`]}
          />
        ))}
        <SelectField id="group-coordinator" data-field="coordinatorUserId" label={t('groups.create.coordinator')} value={coordinator} onChange={(e) => setCoordinator(e.target.value)} error={a.fields.coordinatorUserId}>
          <option value="">{t('groups.add.choose')}</option>
          {coordinators.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <Fieldset>
          <Fieldset.Legend>{t('groups.create.externalLegend')}</Fieldset.Legend>
          <TextField id="group-external-name" data-field="externalName" label={t('groups.create.externalName')} value={externalName} maxLength={GROUP_LIMITS.nameMax} onChange={(e) => setExternalName(e.target.value)} error={a.fields.externalName} />
          <SelectField id="group-external-kind" data-field="externalKind" label={t('groups.create.externalKind')} value={externalKind} onChange={(e) => setExternalKind(e.target.value as ExternalKind)} error={a.fields.externalKind}>
            {EXTERNAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`groups.external.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextField id="group-external-role" data-field="externalRole" label={t('groups.create.externalRole')} value={externalRole} maxLength={GROUP_LIMITS.roleMax} onChange={(e) => setExternalRole(e.target.value)} error={a.fields.externalRole} />
        </Fieldset>
        {a.error ? <ApiErrorAlert error={a.error} /> : null}
        <FormButtons busy={a.busy} save={t('groups.create.submit')} />
      </form>
    </section>
  );
}
