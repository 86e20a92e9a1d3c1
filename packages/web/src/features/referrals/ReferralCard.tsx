import { useState, type FormEvent } from 'react';
import { Button, Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@eidor/contract';
import type { DataCategory } from '@eidor/domain';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { useFormatDate, useFormatDateTime } from '../../i18n/format.ts';
import { useReferralFieldErrors, type Errors } from './errors.ts';

export type Referral = ResponseOf<'getReferral'>;
export type ReferralAction = 'accept' | 'decline' | 'close' | 'withdraw';

const STATUS_COLOR = { sent: 'info', accepted: 'success', declined: 'warning', closed: 'neutral', withdrawn: 'neutral' } as const;

/** One referral with its facts and the actions the actor's side may take now. */
export function ReferralCard({ referral: r, onAct, headingLevel = 3 }: { referral: Referral; onAct: (a: ReferralAction, text: string | null) => Promise<void>; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const fmtDate = useFormatDate();
  const fmtDateTime = useFormatDateTime();
  const [open, setOpen] = useState<ReferralAction | null>(null);
  const actions = (['accept', 'decline', 'close', 'withdraw'] as const).filter((a) => r.can[a]);
  const headingId = `referral-${r.id}`;
  return (
    <Card className="referral-card" aria-labelledby={headingId} data-color="neutral">
      <Heading level={headingLevel} data-size="xs" id={headingId}>
        <bdi>{t('referrals.referralHeading', { person: r.person.name, from: r.from.name, to: r.to.name })}</bdi>
      </Heading>
      <Paragraph>
        <Tag data-color={STATUS_COLOR[r.status]}>{t(`referrals.statuses.${r.status}`)}</Tag>{' '}
        {r.status === 'accepted' ? <span>{r.givesAccess ? t('referrals.access.yes') : t('referrals.access.no')}</span> : null}
      </Paragraph>
      <dl className="facts">
        <dt>{t('referrals.fields.reason')}</dt>
        <dd>{r.reason}</dd>
        <dt>{t('referrals.fields.requestedHelp')}</dt>
        <dd>{r.requestedHelp}</dd>
        <dt>{t('referrals.fields.categories')}</dt>
        <dd>{(['identity', ...r.categories.filter((c) => c !== 'identity')] as DataCategory[]).map((c) => t(`categories.${c}`)).join(', ')}</dd>
        <dt>{t('referrals.fields.legalBasis')}</dt>
        <dd>
          {t(`referrals.legalBases.${r.legalBasis}`)}
          {r.consent ? ` – ${r.consent.purpose} (${t(`referrals.consentStates.${r.consent.state}`)})` : ''}
        </dd>
        <dt>{t('referrals.fields.attachments')}</dt>
        <dd>{r.attachments.length === 0 ? t('referrals.noAttachments') : r.attachments.map((a) => a.fileName).join(', ')}</dd>
        {r.dueDate ? (
          <>
            <dt>{t('referrals.fields.dueDate')}</dt>
            <dd>{fmtDate(r.dueDate)}</dd>
          </>
        ) : null}
        <dt>{t('referrals.fields.sent')}</dt>
        <dd>{t('referrals.sentBy', { when: fmtDateTime(r.sentAt), who: r.sentBy ?? '–' })}</dd>
        {r.answeredAt ? (
          <>
            <dt>{t('referrals.fields.answer')}</dt>
            <dd>
              {t('referrals.sentBy', { when: fmtDateTime(r.answeredAt), who: r.answeredBy ?? '–' })}
              {r.answerReason ? `: ${r.answerReason}` : ''}
            </dd>
          </>
        ) : null}
        {r.outcome ? (
          <>
            <dt>{t('referrals.fields.outcome')}</dt>
            <dd>{r.outcome}</dd>
          </>
        ) : null}
      </dl>
      <div className="actions">
        {actions.map((a) => (
          <Button key={a} variant={a === 'accept' ? 'primary' : 'secondary'} onClick={() => setOpen(a)}>
            {t(`referrals.actions.${a}`)}
          </Button>
        ))}
        {r.givesAccess || r.side.includes('sender') ? (
          <DsLink asChild>
            <Link to="/people/$id" params={{ id: r.person.id }}>
              {t('referrals.actions.openPerson')}
            </Link>
          </DsLink>
        ) : null}
      </div>
      <FormDialog open={open !== null} title={open ? t(`referrals.dialogs.${open}`) : ''} onClose={() => setOpen(null)}>
        {({ close }) => (open ? <ActForm action={open} onSubmit={async (text) => { await onAct(open, text); close(); }} onCancel={close} /> : null)}
      </FormDialog>
    </Card>
  );
}

function ActForm({ action, onSubmit, onCancel }: { action: ReferralAction; onSubmit: (text: string | null) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const fieldErrors = useReferralFieldErrors();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const label = action === 'accept' ? t('referrals.dialogs.acceptNote') : action === 'decline' ? t('referrals.dialogs.declineReason') : action === 'close' ? t('referrals.dialogs.closeOutcome') : t('referrals.dialogs.withdrawReason');
  const field = action === 'close' ? 'outcome' : 'reason';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text.trim() === '' ? null : text);
    } catch (err) {
      const f = fieldErrors(err);
      if (f) setErrors(f);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      {action !== 'accept' ? <Paragraph>{t('referrals.dialogs.accessEnds')}</Paragraph> : null}
      <TextareaField id={`act-${field}`} label={label} value={text} onChange={(e) => setText(e.target.value)} error={errors[field]} />
      {error ? <ApiErrorAlert error={error} /> : null}
      <div className="actions">
        <Button type="submit" disabled={busy}>
          {t(`referrals.actions.${action}`)}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
