import { useEffect, useRef, useState } from 'react';
import { Button, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS, TaskActionRequest, type TaskView } from '@eidor/contract';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { labelsFrom, useContractForm } from '../../components/form/use-contract-form.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate } from '../../i18n/format.ts';
import { taskActions, takeOver, useTaskLabels } from './labels.ts';

/** What the user can do with a task (the version is added when it is sent). */
export type TaskAction = { action: 'done' } | { action: 'skip'; reason: string } | { action: 'reopen' } | { action: 'reassign'; ownerUnitId: string; assigneeUserId: string | null };

const SkipSchema = TaskActionRequest.options[1].pick({ reason: true });
type Skip = z.output<typeof SkipSchema>;

export type TaskTableProps = {
  tasks: TaskView[];
  caption: string;
  /** The id of the heading above the table: it names the scroll region and takes focus when a row goes away. */
  headingId: string;
  userId: string;
  /** The user's units (for "take the task"). */
  unitIds: readonly string[];
  /** Show the column of whom the task is about (the case page leaves it out: it is about the household). */
  showSubject?: boolean;
  onAct: (task: TaskView, action: TaskAction) => Promise<void>;
  onReload: () => Promise<void>;
};

/**
 * Tasks in a table, in the order the server gave (due first, overdue first), with the actions the
 * user may take on each: done, skip with a reason, reopen, or take the task.
 */
export function TaskTable({ tasks, caption, headingId, userId, unitIds, showSubject = true, onAct, onReload }: TaskTableProps) {
  const { t } = useTranslation();
  const labels = useTaskLabels();
  const formatDate = useFormatDate();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [skippingId, setSkippingId] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const skipping = tasks.find((task) => task.id === skippingId && task.status === 'open') ?? null;

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  // After an action the row may leave the list, or its button give way to another (a done task is no
  // longer open): when the list has changed and focus was lost with it, it goes to the heading.
  const [focusCheck, setFocusCheck] = useState(0);
  useEffect(() => {
    if (focusCheck === 0) return;
    const timer = setTimeout(() => {
      if (!document.activeElement || document.activeElement === document.body) document.getElementById(headingId)?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [focusCheck, tasks, headingId]);
  const keepFocus = () => setFocusCheck((n) => n + 1);

  const act = async (task: TaskView, action: TaskAction, done: string) => {
    setPending(task.id);
    setError(null);
    setStatus('');
    try {
      await onAct(task, action);
      setStatus(done);
      keepFocus();
    } catch (e) {
      setError(e);
    } finally {
      setPending(null);
    }
  };

  return (
    <>
      <StatusMessage>{status}</StatusMessage>
      {error ? <ApiErrorAlert error={error} ref={alertRef} onReload={onReload} /> : null}
      <ScrollRegion labelledBy={headingId}>
        <Table zebra border className="task-table">
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('tasks.columns.task')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('tasks.columns.about')}</Table.HeaderCell>
              {showSubject ? <Table.HeaderCell scope="col">{t('tasks.columns.subject')}</Table.HeaderCell> : null}
              <Table.HeaderCell scope="col">{t('tasks.columns.due')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('tasks.columns.owner')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('tasks.columns.status')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {tasks.map((task) => {
              const title = labels.title(task);
              const actions = taskActions(task, userId, unitIds);
              const busy = pending === task.id;
              // Buttons say which task they act on: "Utført" alone would be ambiguous to a screen reader.
              const about = (
                <span className="ds-sr-only">
                  {' '}
                  {title}
                  {task.personName ? (
                    <>
                      {', '}
                      <bdi>{task.personName}</bdi>
                    </>
                  ) : null}
                </span>
              );
              return (
                <Table.Row key={task.id} data-overdue={task.overdue || undefined}>
                  <Table.HeaderCell scope="row" className="task-title">
                    {title}
                  </Table.HeaderCell>
                  <Table.Cell className="task-about">
                    {task.description ? (
                      <Paragraph data-size="sm" className="task-note">
                        {task.description}
                      </Paragraph>
                    ) : null}
                    {task.legalBasis ? (
                      <Paragraph data-size="sm" className="task-note">
                        {t('tasks.legalBasis', { basis: task.legalBasis })}
                      </Paragraph>
                    ) : null}
                    {task.status === 'skipped' && task.skipReason ? (
                      <Paragraph data-size="sm" className="task-note">
                        {t('tasks.skipReason', { reason: task.skipReason })}
                      </Paragraph>
                    ) : null}
                  </Table.Cell>
                  {showSubject ? (
                    <Table.Cell>
                      <Subject task={task} />
                    </Table.Cell>
                  ) : null}
                  <Table.Cell>
                    {task.dueDate ? formatDate(task.dueDate) : t('tasks.noDue')}
                    {task.overdue ? (
                      <>
                        {' '}
                        <Tag data-color="danger" data-size="sm">
                          {t('tasks.overdue')}
                        </Tag>
                      </>
                    ) : null}
                  </Table.Cell>
                  <Table.Cell>
                    {task.ownerUnitName}
                    {task.assigneeName ? (
                      <Paragraph data-size="sm" className="task-note">
                        {t('tasks.assignedTo', { name: task.assigneeName })}
                      </Paragraph>
                    ) : null}
                  </Table.Cell>
                  <Table.Cell>{labels.status(task.status)}</Table.Cell>
                  <Table.Cell>
                    {actions.length === 0 ? null : (
                      <div className="button-row button-row--tight">
                        {actions.includes('done') ? (
                          <Button data-size="sm" variant="secondary" disabled={busy} onClick={() => void act(task, { action: 'done' }, t('tasks.done.done', { title }))}>
                            {t('tasks.actions.done')}
                            {about}
                          </Button>
                        ) : null}
                        {actions.includes('skip') ? (
                          <Button data-size="sm" variant="tertiary" disabled={busy} onClick={() => setSkippingId(task.id)}>
                            {t('tasks.actions.skip')}
                            {about}
                          </Button>
                        ) : null}
                        {actions.includes('take') ? (
                          <Button
                            data-size="sm"
                            variant="tertiary"
                            disabled={busy}
                            onClick={() => {
                              const action = takeOver(task, userId, unitIds);
                              if (action) void act(task, action, t('tasks.take.done', { title }));
                            }}
                          >
                            {t('tasks.actions.take')}
                            {about}
                          </Button>
                        ) : null}
                        {actions.includes('reopen') ? (
                          <Button data-size="sm" variant="secondary" disabled={busy} onClick={() => void act(task, { action: 'reopen' }, t('tasks.reopen.done', { title }))}>
                            {t('tasks.actions.reopen')}
                            {about}
                          </Button>
                        ) : null}
                      </div>
                    )}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </ScrollRegion>

      <FormDialog open={skipping !== null} title={t('tasks.skip.heading')} onClose={() => setSkippingId(null)}>
        {({ reloaded, close }) =>
          skipping ? (
            <SkipForm
              key={`${skipping.id}:${skipping.version}`}
              title={labels.title(skipping)}
              onSubmit={async ({ reason }) => {
                const title = labels.title(skipping);
                setStatus('');
                await onAct(skipping, { action: 'skip', reason });
                close();
                setStatus(t('tasks.skip.done', { title }));
                keepFocus();
              }}
              onCancel={close}
              onReload={reloaded(onReload)}
            />
          ) : null
        }
      </FormDialog>
    </>
  );
}

function Subject({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const parts = [];
  if (task.personId && task.personName) {
    parts.push(
      <DsLink asChild key="person">
        <Link to="/people/$id" params={{ id: task.personId }}>
          <bdi>{task.personName}</bdi>
        </Link>
      </DsLink>,
    );
  }
  if (task.householdId && task.householdName) {
    parts.push(
      <DsLink asChild key="household">
        <Link to="/households/$id" params={{ id: task.householdId }}>
          <bdi>{task.householdName}</bdi>
        </Link>
      </DsLink>,
    );
  }
  if (task.dwellingId && task.dwellingAddress) {
    parts.push(
      <DsLink asChild key="dwelling">
        <Link to="/housing/$id" params={{ id: task.dwellingId }}>
          {task.dwellingAddress}
        </Link>
      </DsLink>,
    );
  }
  if (parts.length === 0) return <>{t('tasks.noSubject')}</>;
  return <div className="subject-links">{parts}</div>;
}

function SkipForm({ title, onSubmit, onCancel, onReload }: { title: string; onSubmit: (v: Skip) => Promise<void>; onCancel: () => void; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const fieldLabels = { reason: t('tasks.skip.reason') };
  const f = useContractForm<{ reason: string }, Skip>({
    id: 'task-skip',
    schema: SkipSchema,
    defaultValues: { reason: '' },
    labelFor: labelsFrom(fieldLabels),
    onSubmit,
  });
  const { register, formState } = f.form;
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <Paragraph>{t('tasks.skip.intro', { title })}</Paragraph>
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} onReload={onReload} /> : null}
      <TextareaField id={f.idFor('reason')} label={fieldLabels.reason} description={t('tasks.skip.reasonHint')} maxLength={LIMITS.textMax} error={f.errorFor('reason')} {...register('reason')} />
      <div className="button-row">
        <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
          {t('tasks.skip.submit')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
