import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REFERRAL_LIMITS } from '@eidor/contract';
import { apiFetch, isApiError } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { useFormatDateTime } from '../../i18n/format.ts';
import { useReferralFieldErrors, type Errors } from './errors.ts';
import { activeBreakGlassQuery } from './queries.ts';

/**
 * The explicit break-the-glass form: the full id or DUF number and a reason go in the request body
 * (never the URL). On success the caller opens the person.
 */
export function BreakGlassPage({ onOpened }: { onOpened: (personId: string) => Promise<void> }) {
  const { t } = useTranslation();
  const fieldErrors = useReferralFieldErrors();
  const [idNumber, setId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      const g = await apiFetch('breakGlass', { body: { idNumber, reason } });
      await onOpened(g.personId);
    } catch (err) {
      const f = fieldErrors(err);
      if (f) setErrors(f);
      else if (isApiError(err) && err.status === 404) setErrors({ idNumber: t('referrals.errors.notFound') });
      else if (isApiError(err) && err.code === 'CONFLICT') setErrors({ idNumber: t('referrals.errors.already') });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeading>{t('referrals.breakGlass.title')}</PageHeading>
      <Paragraph>{t('referrals.breakGlass.intro')}</Paragraph>
      <form onSubmit={submit} noValidate className="narrow-form">
        <TextField
          id="bg-id"
          label={t('referrals.breakGlass.idNumber')}
          description={t('referrals.breakGlass.idNumberHint')}
          autoComplete="off"
          inputMode="numeric"
          value={idNumber}
          onChange={(e) => setId(e.target.value)}
          error={errors.idNumber}
        />
        <TextareaField
          id="bg-reason"
          label={t('referrals.breakGlass.reason')}
          description={t('referrals.breakGlass.reasonHint', { n: REFERRAL_LIMITS.breakGlassReasonMin })}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.reason}
        />
        {error ? <ApiErrorAlert error={error} /> : null}
        <Button type="submit" disabled={busy}>
          {t('referrals.breakGlass.submit')}
        </Button>
      </form>
    </>
  );
}

/** On the person page: says clearly that access is by break-the-glass, until when, and ends it early. */
export function BreakGlassBanner({ personId, onEnded }: { personId: string; onEnded: () => Promise<void> }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const queryClient = useQueryClient();
  const { data } = useQuery(activeBreakGlassQuery(personId));
  const [error, setError] = useState<unknown>(null);
  const g = data?.active;
  if (!g) return null;
  return (
    <Alert data-color="warning" className="break-glass-banner">
      <Heading level={2} data-size="xs">
        {t('referrals.breakGlass.bannerHeading')}
      </Heading>
      <Paragraph>{t('referrals.breakGlass.banner', { time: fmt(g.expiresAt) })}</Paragraph>
      {error ? <ApiErrorAlert error={error} /> : null}
      <Button
        variant="secondary"
        onClick={async () => {
          try {
            await apiFetch('endBreakGlass', { params: { id: g.id } });
            await queryClient.invalidateQueries({ queryKey: ['break-glass', personId] });
            await onEnded();
          } catch (err) {
            setError(err);
          }
        }}
      >
        {t('referrals.breakGlass.end')}
      </Button>
    </Alert>
  );
}
