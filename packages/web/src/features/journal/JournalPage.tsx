import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Details, Heading, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  INTERPRETER_CREATE_STATUSES,
  INTERPRETER_MODES,
  INTERPRETER_QUALIFICATIONS,
  JOURNAL_LIMITS,
  type BodyOf,
  type JournalCategoryName,
  type ResponseOf,
} from '@eidor/contract';
import { isApiError } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate, useFormatDateTime, useFormatNumber } from '../../i18n/format.ts';

export type JournalView = ResponseOf<'personJournal'>;
type Note = JournalView['notes'][number];
type Interpreter = JournalView['interpreters'][number];
type Errors = Record<string, string>;

export type JournalPageProps = {
  personId: string;
  personName: string | null;
  view: JournalView;
  onCreateNote: (body: BodyOf<'createNote'>) => Promise<void>;
  onCorrectNote: (noteId: string, body: BodyOf<'correctNote'>) => Promise<void>;
  onCreateInterpreter: (body: BodyOf<'createInterpreterUse'>) => Promise<void>;
  /** Booked → used or cancelled (with the version read). */
  onUpdateInterpreter: (interpreterId: string, body: BodyOf<'updateInterpreterUse'>) => Promise<void>;
  /** Loads the journal again (after a version conflict). */
  onReload: () => Promise<void>;
  onUpload: (file: File, category: JournalCategoryName) => Promise<void>;
  onDownload: (documentId: string, fileName: string) => Promise<void>;
};

const SPECIAL = new Set<JournalCategoryName>(['health', 'child_welfare']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The server's field errors as sentences in the user's language, by field. The server names the field;
 * the screen says what to do about it. Anything without a field is shown as a general error.
 */
function useFieldErrors() {
  const { t } = useTranslation();
  return (error: unknown): Errors | null => {
    if (!isApiError(error)) return null;
    const out: Errors = {};
    if (error.code === 'PAYLOAD_TOO_LARGE') return { file: t('journal.errors.fileTooLarge') };
    for (const f of error.fields) {
      if (f.path === 'category' && error.code === 'FORBIDDEN') out.category = t('journal.errors.categoryForbidden');
      else if (f.path === 'file') {
        out.file = /executable/.test(f.message)
          ? t('journal.errors.fileExecutable')
          : /zip archive/.test(f.message)
            ? t('journal.errors.fileZip')
            : /empty/.test(f.message)
              ? t('journal.errors.fileEmpty')
              : t('journal.errors.fileType');
      } else if (f.path === 'text' && error.code === 'FORBIDDEN') out.category = t('journal.errors.categoryForbidden');
      else if (f.path === 'date' && /after today/.test(f.message)) out.date = t('journal.errors.dateFuture');
      else if (f.path === 'status') out.status = t('journal.errors.statusFinal');
      else if (['text', 'reason', 'date', 'topic', 'language', 'registerNumber', 'noteId', 'cancelReason'].includes(f.path)) out[f.path] = t(`journal.errors.${f.path as 'text'}`);
      else if (f.path === 'interpreterName') out.interpreterName = t('journal.errors.who');
      else if (f.path === 'meetingDate') out.meetingDate = t('journal.errors.date');
    }
    return Object.keys(out).length > 0 ? out : null;
  };
}

/** A person's journal (issue 7 §§ 5–7): notes with their history, interpreter use and documents. */
export function JournalPage(props: JournalPageProps) {
  const { t } = useTranslation();
  const { personId, personName } = props;
  return (
    <>
      <Paragraph>
        <DsLink asChild>
          <Link to="/people/$id" params={{ id: personId }}>
            {t('journal.back')}
          </Link>
        </DsLink>
      </Paragraph>
      <PageHeading documentTitle={t('journal.documentTitle')}>
        {t('journal.title')}
        {personName ? (
          <>
            {': '}
            <bdi>{personName}</bdi>
          </>
        ) : null}
      </PageHeading>
      <Paragraph data-size="sm">{t('journal.readNotice')}</Paragraph>
      <NotesSection {...props} />
      <InterpretersSection {...props} />
      <DocumentsSection {...props} />
    </>
  );
}

function CategoryTag({ category }: { category: JournalCategoryName }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag data-color={SPECIAL.has(category) ? 'warning' : 'neutral'}>{t(`journal.categories.${category}`)}</Tag>
      {SPECIAL.has(category) ? <span className="ds-sr-only"> ({t('journal.specialCategory')})</span> : null}
    </>
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

// ---------- notes ----------

function NotesSection({ view, onCreateNote, onCorrectNote }: JournalPageProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const [correcting, setCorrecting] = useState<Note | null>(null);
  const [status, setStatus] = useState('');
  const unknown = t('journal.notes.unknownAuthor');
  return (
    <section className="section" aria-labelledby="journal-notes">
      <Heading level={2} data-size="sm" id="journal-notes">
        {t('journal.notes.heading')}
      </Heading>
      <StatusMessage>{status}</StatusMessage>
      {view.notes.length === 0 ? <Paragraph>{t('journal.notes.none')}</Paragraph> : null}
      {view.notes.map((n) => {
        const current = n.versions[0]!;
        const older = n.versions.slice(1);
        return (
          <article key={n.id} className="journal-note" aria-labelledby={`note-${n.id}`}>
            <Heading level={3} data-size="2xs" id={`note-${n.id}`}>
              <CategoryTag category={n.category} />{' '}
              {t('journal.notes.meta', { date: formatDateTime(n.createdAt), author: n.createdBy ?? unknown })}
            </Heading>
            {n.meetingDate ? <Paragraph data-size="sm">{t('journal.notes.meeting', { date: formatDate(n.meetingDate) })}</Paragraph> : null}
            <Paragraph className="journal-text">{current.text}</Paragraph>
            {current.version > 0 ? (
              <Paragraph data-size="sm">
                {t('journal.notes.corrected', { date: formatDateTime(current.writtenAt), author: current.writtenBy ?? unknown, reason: current.reason ?? '' })}
              </Paragraph>
            ) : null}
            {older.length > 0 ? (
              <Details>
                <Details.Summary>{t('journal.notes.history', { count: n.versions.length })}</Details.Summary>
                <Details.Content>
                  {older.map((v) => (
                    <div key={v.version} className="journal-version">
                      <Paragraph data-size="sm">
                        <strong>{t('journal.notes.version', { n: v.version + 1, date: formatDateTime(v.writtenAt), author: v.writtenBy ?? unknown })}</strong>
                        {v.reason ? ` – ${v.reason}` : ''}
                      </Paragraph>
                      <Paragraph className="journal-text">{v.text}</Paragraph>
                    </div>
                  ))}
                </Details.Content>
              </Details>
            ) : null}
            {n.canCorrect ? (
              <Button type="button" variant="secondary" data-size="sm" onClick={() => setCorrecting(n)} aria-describedby={`note-${n.id}`}>
                {t('journal.notes.correct')}
              </Button>
            ) : null}
          </article>
        );
      })}
      <FormDialog open={correcting !== null} title={t('journal.notes.correctTitle')} onClose={() => setCorrecting(null)} wide>
        {({ close }) =>
          correcting ? (
            <CorrectNoteForm
              note={correcting}
              onCancel={close}
              onSave={async (body) => {
                await onCorrectNote(correcting.id, body);
                setStatus(t('journal.notes.correctedStatus'));
                close();
              }}
            />
          ) : null
        }
      </FormDialog>
      {view.can.write.length > 0 ? (
        <NewNoteForm
          categories={view.can.write}
          onSave={async (body) => {
            await onCreateNote(body);
            setStatus(t('journal.notes.saved'));
          }}
        />
      ) : null}
    </section>
  );
}

function ErrorList({ errors, labels }: { errors: Errors; labels: Record<string, string> }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  return (
    <Alert data-color="danger" ref={ref} tabIndex={-1} className="journal-error-summary">
      <Paragraph>{t('journal.errors.summary')}</Paragraph>
      <ul>
        {Object.entries(errors).map(([field, message]) => (
          <li key={field}>
            {labels[field] ? `${labels[field]}: ` : ''}
            {message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** Runs a save: client checks first, then the server; field errors land on their fields, the rest in an alert. */
function useSubmit(fieldErrors: (e: unknown) => Errors | null) {
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const focusRef = useRef<HTMLDivElement>(null);
  const run = async (local: Errors, save: () => Promise<void>, form: HTMLFormElement) => {
    setError(null);
    setErrors(local);
    if (Object.keys(local).length > 0) {
      form.querySelector<HTMLElement>(`[name="${Object.keys(local)[0]}"]`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await save();
    } catch (e) {
      const f = fieldErrors(e);
      if (f) {
        setErrors(f);
        form.querySelector<HTMLElement>(`[name="${Object.keys(f)[0]}"]`)?.focus();
      } else {
        setError(e);
        setTimeout(() => focusRef.current?.focus(), 0);
      }
    } finally {
      setBusy(false);
    }
  };
  return { errors, error, busy, run, focusRef, reset: () => setErrors({}) };
}

function NewNoteForm({ categories, onSave }: { categories: JournalCategoryName[]; onSave: (body: BodyOf<'createNote'>) => Promise<void> }) {
  const { t } = useTranslation();
  const fieldErrors = useFieldErrors();
  const s = useSubmit(fieldErrors);
  const [category, setCategory] = useState<JournalCategoryName>(categories[0]!);
  const [text, setText] = useState('');
  const [meetingDate, setMeetingDate] = useState('');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const local: Errors = {};
    if (!text.trim()) local.text = t('journal.errors.text');
    if (meetingDate && !DATE.test(meetingDate)) local.meetingDate = t('journal.errors.date');
    const form = e.currentTarget;
    void s.run(
      local,
      async () => {
        await onSave({ category, text, meetingDate: meetingDate || null });
        setText('');
        setMeetingDate('');
      },
      form,
    );
  };
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="journal-new-note">
      <Heading level={3} data-size="xs" id="journal-new-note">
        {t('journal.notes.newHeading')}
      </Heading>
      {Object.keys(s.errors).length > 0 ? <ErrorList errors={s.errors} labels={{ category: t('journal.notes.category'), text: t('journal.notes.text'), meetingDate: t('journal.notes.meetingDate') }} /> : null}
      <SelectField id="note-category" name="category" label={t('journal.notes.category')} description={t('journal.notes.categoryHelp')} error={s.errors.category} value={category} onChange={(e) => setCategory(e.target.value as JournalCategoryName)}>
        <CategoryOptions categories={categories} />
      </SelectField>
      <TextareaField id="note-text" name="text" label={t('journal.notes.text')} error={s.errors.text} value={text} rows={5} maxLength={JOURNAL_LIMITS.noteMax} onChange={(e) => setText(e.target.value)} />
      <TextField id="note-meeting" name="meetingDate" type="date" label={t('journal.notes.meetingDate')} description={t('journal.notes.meetingDateHelp')} error={s.errors.meetingDate} value={meetingDate} onChange={(e) => setMeetingDate(e.target.value)} />
      {s.error ? <ApiErrorAlert error={s.error} ref={s.focusRef} /> : null}
      <div>
        <Button type="submit" loading={s.busy} disabled={s.busy}>
          {t('journal.notes.save')}
        </Button>
      </div>
    </form>
  );
}

function CorrectNoteForm({ note, onSave, onCancel }: { note: Note; onSave: (body: BodyOf<'correctNote'>) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const fieldErrors = useFieldErrors();
  const s = useSubmit(fieldErrors);
  const [text, setText] = useState(note.versions[0]!.text);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const local: Errors = {};
    if (!text.trim()) local.text = t('journal.errors.text');
    if (!reason.trim()) local.reason = t('journal.errors.reason');
    void s.run(local, () => onSave({ text, reason, version: note.versions[0]!.version }), e.currentTarget);
  };
  return (
    <form onSubmit={submit} noValidate className="form">
      <Paragraph>{t('journal.notes.correctHelp')}</Paragraph>
      {Object.keys(s.errors).length > 0 ? <ErrorList errors={s.errors} labels={{ text: t('journal.notes.newText'), reason: t('journal.notes.reason'), category: t('journal.notes.category') }} /> : null}
      <TextareaField id="correct-text" name="text" label={t('journal.notes.newText')} error={s.errors.text} value={text} rows={6} maxLength={JOURNAL_LIMITS.noteMax} onChange={(e) => setText(e.target.value)} />
      <TextField id="correct-reason" name="reason" label={t('journal.notes.reason')} error={s.errors.reason} value={reason} maxLength={JOURNAL_LIMITS.reasonMax} onChange={(e) => setReason(e.target.value)} />
      {s.error ? <ApiErrorAlert error={s.error} ref={s.focusRef} /> : null}
      <div className="actions">
        <Button type="submit" loading={s.busy} disabled={s.busy}>
          {t('journal.notes.saveCorrection')}
        </Button>{' '}
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('journal.notes.cancel')}
        </Button>
      </div>
    </form>
  );
}

// ---------- interpreters ----------

function InterpretersSection({ view, onCreateInterpreter, onUpdateInterpreter, onReload }: JournalPageProps) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const [status, setStatus] = useState('');
  const [changing, setChanging] = useState<{ use: Interpreter; to: 'used' | 'cancelled' } | null>(null);
  const actions = view.interpreters.some((i) => i.canChange && i.status === 'booked');
  const need = view.interpreterNeed;
  const languageName = (code: string) => {
    try {
      return new Intl.DisplayNames([i18n.language === 'en' ? 'en' : 'nb'], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  return (
    <section className="section" aria-labelledby="journal-interpreters">
      <Heading level={2} data-size="sm" id="journal-interpreters">
        {t('journal.interpreters.heading')}
      </Heading>
      <Paragraph>
        {need.needed ? (need.language ? t('journal.interpreters.needed', { language: languageName(need.language) }) : t('journal.interpreters.neededNoLanguage')) : t('journal.interpreters.notNeeded')}
      </Paragraph>
      {need.meetingsWithoutInterpreter.length > 0 ? (
        <Alert data-color="warning">
          <Heading level={3} data-size="2xs">
            {t('journal.interpreters.missingHeading')}
          </Heading>
          <ul>
            {need.meetingsWithoutInterpreter.map((m) => (
              <li key={m.noteId}>{t('journal.interpreters.missing', { date: formatDate(m.date) })}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <StatusMessage>{status}</StatusMessage>
      {view.interpreters.length === 0 ? (
        <Paragraph>{t('journal.interpreters.none')}</Paragraph>
      ) : (
        <ScrollRegion labelledBy="journal-interpreters-caption">
          <Table>
            <caption id="journal-interpreters-caption">{t('journal.interpreters.tableCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('journal.interpreters.date')}</Table.HeaderCell>
                <Table.HeaderCell>{t('journal.interpreters.topic')}</Table.HeaderCell>
                <Table.HeaderCell>{t('journal.interpreters.language')}</Table.HeaderCell>
                <Table.HeaderCell>{t('journal.interpreters.interpreter')}</Table.HeaderCell>
                <Table.HeaderCell>{t('journal.interpreters.qualification')}</Table.HeaderCell>
                <Table.HeaderCell>{t('journal.interpreters.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('journal.interpreters.mode')}</Table.HeaderCell>
                <Table.HeaderCell>{t('journal.interpreters.category')}</Table.HeaderCell>
                {actions ? (
                  <Table.HeaderCell>
                    <span className="ds-sr-only">{t('journal.interpreters.actions')}</span>
                  </Table.HeaderCell>
                ) : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {view.interpreters.map((i) => (
                <Table.Row key={i.id}>
                  <Table.HeaderCell scope="row" id={`interp-row-${i.id}`}>
                    {formatDate(i.date)}
                    <span className="ds-sr-only">, {i.topic}</span>
                  </Table.HeaderCell>
                  <Table.Cell>{i.topic}</Table.Cell>
                  <Table.Cell>{languageName(i.language)}</Table.Cell>
                  <Table.Cell>{[i.interpreterName, i.registerNumber].filter(Boolean).join(', ') || t('journal.interpreters.notKnownYet')}</Table.Cell>
                  <Table.Cell>{t(`journal.interpreters.qualifications.${i.qualification}`)}</Table.Cell>
                  <Table.Cell>
                    {t(`journal.interpreters.statuses.${i.status}`)}
                    {i.cancelReason ? <div>{t('journal.interpreters.cancelledBecause', { reason: i.cancelReason })}</div> : null}
                    <InterpreterHistory use={i} />
                  </Table.Cell>
                  <Table.Cell>{t(`journal.interpreters.modes.${i.mode}`)}</Table.Cell>
                  <Table.Cell>{t(`journal.categories.${i.category}`)}</Table.Cell>
                  {actions ? (
                    <Table.Cell>
                      {i.canChange && i.status === 'booked' ? (
                        <div className="actions">
                          <Button type="button" variant="secondary" data-size="sm" aria-describedby={`interp-row-${i.id}`} onClick={() => setChanging({ use: i, to: 'used' })}>
                            {t('journal.interpreters.markUsed')}
                          </Button>{' '}
                          <Button type="button" variant="tertiary" data-size="sm" aria-describedby={`interp-row-${i.id}`} onClick={() => setChanging({ use: i, to: 'cancelled' })}>
                            {t('journal.interpreters.cancel')}
                          </Button>
                        </div>
                      ) : null}
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      <FormDialog
        open={changing !== null}
        title={changing?.to === 'cancelled' ? t('journal.interpreters.cancelTitle') : t('journal.interpreters.markUsedTitle')}
        onClose={() => setChanging(null)}
      >
        {({ close, reloaded }) => {
          if (!changing) return null;
          // After a reload the dialog works on the latest version of the record (or closes if it is gone).
          const latest = view.interpreters.find((x) => x.id === changing.use.id);
          if (!latest) return null;
          const save = async (body: BodyOf<'updateInterpreterUse'>, done: string) => {
            await onUpdateInterpreter(latest.id, body);
            setStatus(done);
            close();
          };
          return changing.to === 'used' ? (
            <MarkUsedForm key={latest.version} use={latest} onCancel={close} onReload={reloaded(onReload)} onSave={(body) => save(body, t('journal.interpreters.usedSaved'))} />
          ) : (
            <CancelBookingForm key={latest.version} use={latest} onCancel={close} onReload={reloaded(onReload)} onSave={(body) => save(body, t('journal.interpreters.cancelSaved'))} />
          );
        }}
      </FormDialog>
      {view.can.write.length > 0 ? (
        <InterpreterForm
          view={view}
          onSave={async (body) => {
            await onCreateInterpreter(body);
            setStatus(t('journal.interpreters.saved'));
          }}
        />
      ) : null}
    </section>
  );
}

function InterpreterForm({ view, onSave }: { view: JournalView; onSave: (body: BodyOf<'createInterpreterUse'>) => Promise<void> }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const fieldErrors = useFieldErrors();
  const s = useSubmit(fieldErrors);
  const empty = {
    date: '',
    category: view.can.write[0]!,
    topic: '',
    language: view.interpreterNeed.language ?? '',
    qualification: 'category_1' as (typeof INTERPRETER_QUALIFICATIONS)[number],
    status: 'used' as (typeof INTERPRETER_CREATE_STATUSES)[number],
    mode: 'on_site' as (typeof INTERPRETER_MODES)[number],
    interpreterName: '',
    registerNumber: '',
    noteId: '',
  };
  const [v, setV] = useState(empty);
  const set = <K extends keyof typeof empty>(k: K, value: (typeof empty)[K]) => setV((old) => ({ ...old, [k]: value }));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const local: Errors = {};
    if (!DATE.test(v.date)) local.date = t('journal.errors.date');
    if (!v.topic.trim()) local.topic = t('journal.errors.topic');
    if (!/^[a-z]{2,3}$/.test(v.language.trim())) local.language = t('journal.errors.language');
    if (v.status === 'used' && !v.interpreterName.trim() && !v.registerNumber.trim()) local.interpreterName = t('journal.errors.who');
    if (v.registerNumber.trim() && !/^[0-9A-Za-z-]{1,20}$/.test(v.registerNumber.trim())) local.registerNumber = t('journal.errors.registerNumber');
    void s.run(
      local,
      async () => {
        await onSave({
          date: v.date,
          category: v.category,
          topic: v.topic,
          language: v.language.trim(),
          qualification: v.qualification,
          status: v.status,
          mode: v.mode,
          interpreterName: v.interpreterName.trim() || null,
          registerNumber: v.registerNumber.trim() || null,
          noteId: v.noteId || null,
        });
        setV(empty);
      },
      e.currentTarget,
    );
  };
  const labels = {
    date: t('journal.interpreters.date'),
    topic: t('journal.interpreters.topic'),
    language: t('journal.interpreters.language'),
    interpreterName: t('journal.interpreters.interpreterName'),
    registerNumber: t('journal.interpreters.registerNumber'),
    noteId: t('journal.interpreters.note'),
    category: t('journal.interpreters.category'),
  };
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="journal-new-interpreter">
      <Heading level={3} data-size="xs" id="journal-new-interpreter">
        {t('journal.interpreters.newHeading')}
      </Heading>
      {Object.keys(s.errors).length > 0 ? <ErrorList errors={s.errors} labels={labels} /> : null}
      <TextField id="interp-date" name="date" type="date" label={labels.date} error={s.errors.date} value={v.date} onChange={(e) => set('date', e.target.value)} />
      <TextField id="interp-topic" name="topic" label={labels.topic} error={s.errors.topic} value={v.topic} maxLength={JOURNAL_LIMITS.topicMax} onChange={(e) => set('topic', e.target.value)} />
      <TextField id="interp-language" name="language" label={labels.language} description={t('journal.interpreters.languageHelp')} error={s.errors.language} value={v.language} onChange={(e) => set('language', e.target.value)} />
      <SelectField id="interp-qualification" name="qualification" label={t('journal.interpreters.qualification')} value={v.qualification} onChange={(e) => set('qualification', e.target.value as typeof v.qualification)}>
        {INTERPRETER_QUALIFICATIONS.map((q) => (
          <option key={q} value={q}>
            {t(`journal.interpreters.qualifications.${q}`)}
          </option>
        ))}
      </SelectField>
      <TextField id="interp-name" name="interpreterName" label={labels.interpreterName} description={t('journal.interpreters.whoHelp')} error={s.errors.interpreterName} value={v.interpreterName} maxLength={JOURNAL_LIMITS.interpreterNameMax} onChange={(e) => set('interpreterName', e.target.value)} />
      <TextField id="interp-register" name="registerNumber" label={labels.registerNumber} error={s.errors.registerNumber} value={v.registerNumber} onChange={(e) => set('registerNumber', e.target.value)} />
      <SelectField id="interp-status" name="status" label={t('journal.interpreters.status')} value={v.status} onChange={(e) => set('status', e.target.value as typeof v.status)}>
        {INTERPRETER_CREATE_STATUSES.map((x) => (
          <option key={x} value={x}>
            {t(`journal.interpreters.statuses.${x}`)}
          </option>
        ))}
      </SelectField>
      <SelectField id="interp-mode" name="mode" label={t('journal.interpreters.mode')} value={v.mode} onChange={(e) => set('mode', e.target.value as typeof v.mode)}>
        {INTERPRETER_MODES.map((x) => (
          <option key={x} value={x}>
            {t(`journal.interpreters.modes.${x}`)}
          </option>
        ))}
      </SelectField>
      <SelectField id="interp-category" name="category" label={labels.category} description={t('journal.notes.categoryHelp')} error={s.errors.category} value={v.category} onChange={(e) => set('category', e.target.value as JournalCategoryName)}>
        <CategoryOptions categories={view.can.write} />
      </SelectField>
      <SelectField id="interp-note" name="noteId" label={labels.noteId} error={s.errors.noteId} value={v.noteId} onChange={(e) => set('noteId', e.target.value)}>
        <option value="">{t('journal.interpreters.noNote')}</option>
        {view.notes
          .filter((n) => n.meetingDate)
          .map((n) => (
            <option key={n.id} value={n.id}>
              {t('journal.notes.meeting', { date: formatDate(n.meetingDate!) })} – {n.versions[0]!.text.slice(0, 60)}
            </option>
          ))}
      </SelectField>
      {s.error ? <ApiErrorAlert error={s.error} ref={s.focusRef} /> : null}
      <div>
        <Button type="submit" loading={s.busy} disabled={s.busy}>
          {t('journal.interpreters.save')}
        </Button>
      </div>
    </form>
  );
}

/** The changes of one interpreter record, newest first, each field from → to. */
function InterpreterHistory({ use }: { use: Interpreter }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  if (use.history.length === 0) return null;
  type Field = Interpreter['history'][number]['changes'][number]['field'];
  const value = (field: Field, v: string | null) => {
    if (v === null || v === '') return t('journal.interpreters.empty');
    if (field === 'status') return t(`journal.interpreters.statuses.${v as 'booked'}`);
    if (field === 'date') return formatDate(v);
    if (field === 'qualification') return t(`journal.interpreters.qualifications.${v as 'category_1'}`);
    if (field === 'mode') return t(`journal.interpreters.modes.${v as 'on_site'}`);
    return v;
  };
  return (
    <Details>
      <Details.Summary>{t('journal.interpreters.history', { count: use.history.length })}</Details.Summary>
      <Details.Content>
        <ul className="journal-interpreter-history">
          {use.history.map((h) => (
            <li key={h.version}>
              <strong>{t('journal.interpreters.change', { date: formatDateTime(h.changedAt), author: h.changedBy ?? t('journal.notes.unknownAuthor') })}</strong>
              <ul>
                {h.changes.map((c) => (
                  <li key={c.field}>{t('journal.interpreters.changeLine', { field: t(`journal.interpreters.fields.${c.field}`), from: value(c.field, c.from), to: value(c.field, c.to) })}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </Details.Content>
    </Details>
  );
}

type ChangeFormProps = { use: Interpreter; onSave: (body: BodyOf<'updateInterpreterUse'>) => Promise<void>; onCancel: () => void; onReload: () => Promise<void> };

/** Booked → used: the date, who the interpreter was (name or register number), qualification and mode as known on the day. */
function MarkUsedForm({ use, onSave, onCancel, onReload }: ChangeFormProps) {
  const { t } = useTranslation();
  const fieldErrors = useFieldErrors();
  const s = useSubmit(fieldErrors);
  const [v, setV] = useState({ date: use.date, qualification: use.qualification, mode: use.mode, interpreterName: use.interpreterName ?? '', registerNumber: use.registerNumber ?? '' });
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV((old) => ({ ...old, [k]: value }));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const local: Errors = {};
    if (!DATE.test(v.date)) local.date = t('journal.errors.date');
    if (!v.interpreterName.trim() && !v.registerNumber.trim()) local.interpreterName = t('journal.errors.who');
    if (v.registerNumber.trim() && !/^[0-9A-Za-z-]{1,20}$/.test(v.registerNumber.trim())) local.registerNumber = t('journal.errors.registerNumber');
    void s.run(
      local,
      () =>
        onSave({
          version: use.version,
          status: 'used',
          date: v.date,
          qualification: v.qualification,
          mode: v.mode,
          interpreterName: v.interpreterName.trim() || null,
          registerNumber: v.registerNumber.trim() || null,
        }),
      e.currentTarget,
    );
  };
  const labels = {
    date: t('journal.interpreters.date'),
    interpreterName: t('journal.interpreters.interpreterName'),
    registerNumber: t('journal.interpreters.registerNumber'),
    status: t('journal.interpreters.status'),
    category: t('journal.interpreters.category'),
  };
  return (
    <form onSubmit={submit} noValidate className="form">
      <Paragraph>{t('journal.interpreters.markUsedHelp')}</Paragraph>
      {Object.keys(s.errors).length > 0 ? <ErrorList errors={s.errors} labels={labels} /> : null}
      <TextField id="used-date" name="date" type="date" label={labels.date} error={s.errors.date} value={v.date} onChange={(e) => set('date', e.target.value)} />
      <TextField id="used-name" name="interpreterName" label={labels.interpreterName} description={t('journal.interpreters.whoHelp')} error={s.errors.interpreterName} value={v.interpreterName} maxLength={JOURNAL_LIMITS.interpreterNameMax} onChange={(e) => set('interpreterName', e.target.value)} />
      <TextField id="used-register" name="registerNumber" label={labels.registerNumber} error={s.errors.registerNumber} value={v.registerNumber} onChange={(e) => set('registerNumber', e.target.value)} />
      <SelectField id="used-qualification" name="qualification" label={t('journal.interpreters.qualification')} value={v.qualification} onChange={(e) => set('qualification', e.target.value as typeof v.qualification)}>
        {INTERPRETER_QUALIFICATIONS.map((q) => (
          <option key={q} value={q}>
            {t(`journal.interpreters.qualifications.${q}`)}
          </option>
        ))}
      </SelectField>
      <SelectField id="used-mode" name="mode" label={t('journal.interpreters.mode')} value={v.mode} onChange={(e) => set('mode', e.target.value as typeof v.mode)}>
        {INTERPRETER_MODES.map((x) => (
          <option key={x} value={x}>
            {t(`journal.interpreters.modes.${x}`)}
          </option>
        ))}
      </SelectField>
      {s.error ? <ApiErrorAlert error={s.error} ref={s.focusRef} onReload={onReload} /> : null}
      <div className="actions">
        <Button type="submit" loading={s.busy} disabled={s.busy}>
          {t('journal.interpreters.saveUsed')}
        </Button>{' '}
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('journal.interpreters.close')}
        </Button>
      </div>
    </form>
  );
}

/** Booked → cancelled, with the reason. */
function CancelBookingForm({ use, onSave, onCancel, onReload }: ChangeFormProps) {
  const { t } = useTranslation();
  const fieldErrors = useFieldErrors();
  const s = useSubmit(fieldErrors);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const local: Errors = {};
    if (!reason.trim()) local.cancelReason = t('journal.errors.cancelReason');
    void s.run(local, () => onSave({ version: use.version, status: 'cancelled', cancelReason: reason.trim() }), e.currentTarget);
  };
  const labels = { cancelReason: t('journal.interpreters.cancelReason'), status: t('journal.interpreters.status'), category: t('journal.interpreters.category') };
  return (
    <form onSubmit={submit} noValidate className="form">
      <Paragraph>{t('journal.interpreters.cancelHelp')}</Paragraph>
      {Object.keys(s.errors).length > 0 ? <ErrorList errors={s.errors} labels={labels} /> : null}
      <TextField id="cancel-reason" name="cancelReason" label={labels.cancelReason} error={s.errors.cancelReason} value={reason} maxLength={JOURNAL_LIMITS.reasonMax} onChange={(e) => setReason(e.target.value)} />
      {s.error ? <ApiErrorAlert error={s.error} ref={s.focusRef} onReload={onReload} /> : null}
      <div className="actions">
        <Button type="submit" loading={s.busy} disabled={s.busy}>
          {t('journal.interpreters.saveCancel')}
        </Button>{' '}
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('journal.interpreters.close')}
        </Button>
      </div>
    </form>
  );
}

// ---------- documents ----------

function DocumentsSection({ view, onUpload, onDownload }: JournalPageProps) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const formatNumber = useFormatNumber();
  const [status, setStatus] = useState('');
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const size = (n: number) => (n >= 1024 * 1024 ? `${formatNumber(Math.round((n / 1024 / 1024) * 10) / 10)} MB` : `${formatNumber(Math.max(1, Math.round(n / 1024)))} kB`);
  return (
    <section className="section" aria-labelledby="journal-documents">
      <Heading level={2} data-size="sm" id="journal-documents">
        {t('journal.documents.heading')}
      </Heading>
      <StatusMessage>{status}</StatusMessage>
      {downloadError ? <ApiErrorAlert error={downloadError} /> : null}
      {view.documents.length === 0 ? (
        <Paragraph>{t('journal.documents.none')}</Paragraph>
      ) : (
        <ScrollRegion labelledBy="journal-documents-caption">
          <Table>
            <caption id="journal-documents-caption">{t('journal.documents.tableCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('journal.documents.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('journal.documents.category')}</Table.HeaderCell>
                <Table.HeaderCell>{t('journal.documents.type')}</Table.HeaderCell>
                <Table.HeaderCell>{t('journal.documents.size')}</Table.HeaderCell>
                <Table.HeaderCell>{t('journal.documents.uploaded')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="ds-sr-only">{t('journal.documents.downloadShort')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {view.documents.map((d) => (
                <Table.Row key={d.id}>
                  <Table.HeaderCell scope="row">
                    <bdi>{d.fileName}</bdi>
                  </Table.HeaderCell>
                  <Table.Cell>
                    <CategoryTag category={d.category} />
                  </Table.Cell>
                  <Table.Cell>{d.type.toUpperCase()}</Table.Cell>
                  <Table.Cell>{size(d.sizeBytes)}</Table.Cell>
                  <Table.Cell>{t('journal.documents.uploadedBy', { date: formatDateTime(d.uploadedAt), author: d.uploadedBy ?? t('journal.notes.unknownAuthor') })}</Table.Cell>
                  <Table.Cell>
                    <Button
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('journal.documents.download', { name: d.fileName })}
                      onClick={() => {
                        setDownloadError(null);
                        onDownload(d.id, d.fileName).catch(setDownloadError);
                      }}
                    >
                      {t('journal.documents.downloadShort')}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {view.can.write.length > 0 ? (
        <UploadForm
          categories={view.can.write}
          onUpload={async (file, category) => {
            await onUpload(file, category);
            setStatus(t('journal.documents.uploadDone'));
          }}
        />
      ) : null}
    </section>
  );
}

function UploadForm({ categories, onUpload }: { categories: JournalCategoryName[]; onUpload: (file: File, category: JournalCategoryName) => Promise<void> }) {
  const { t } = useTranslation();
  const fieldErrors = useFieldErrors();
  const s = useSubmit(fieldErrors);
  const [category, setCategory] = useState<JournalCategoryName>(categories[0]!);
  const fileRef = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    const local: Errors = {};
    if (!file) local.file = t('journal.errors.file');
    else if (file.size > JOURNAL_LIMITS.documentMaxBytes) local.file = t('journal.errors.fileTooLarge');
    else if (file.size === 0) local.file = t('journal.errors.fileEmpty');
    void s.run(
      local,
      async () => {
        await onUpload(file!, category);
        if (fileRef.current) fileRef.current.value = '';
      },
      e.currentTarget,
    );
  };
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="journal-upload">
      <Heading level={3} data-size="xs" id="journal-upload">
        {t('journal.documents.newHeading')}
      </Heading>
      {Object.keys(s.errors).length > 0 ? <ErrorList errors={s.errors} labels={{ file: t('journal.documents.file'), category: t('journal.documents.category') }} /> : null}
      <TextField
        id="document-file"
        name="file"
        type="file"
        ref={fileRef}
        label={t('journal.documents.file')}
        description={t('journal.documents.fileHelp')}
        error={s.errors.file}
        accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,application/pdf,image/png,image/jpeg"
      />
      <SelectField id="document-category" name="category" label={t('journal.documents.category')} description={t('journal.notes.categoryHelp')} error={s.errors.category} value={category} onChange={(e) => setCategory(e.target.value as JournalCategoryName)}>
        <CategoryOptions categories={categories} />
      </SelectField>
      {s.error ? <ApiErrorAlert error={s.error} ref={s.focusRef} /> : null}
      <div>
        <Button type="submit" loading={s.busy} disabled={s.busy}>
          {t('journal.documents.upload')}
        </Button>
      </div>
    </form>
  );
}
