import { Alert, Button, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AcceptInvitationRequest, LIMITS } from '@eidor/contract';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { labelsFrom, useContractForm } from '../../components/form/use-contract-form.ts';
import { PageHeading } from '../../components/PageHeading.tsx';

export type InvitationState =
  | { kind: 'missing-token' }
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; invitation: { name: string; email: string; municipalityName: string } };

const PasswordForm = z.object({ password: AcceptInvitationRequest.shape.password, repeat: z.string() });

/** Accepting an invitation: who it is for, then a new password (which also signs the user in). */
export function InvitationPage({ state, onAccept }: { state: InvitationState; onAccept: (password: string) => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageHeading>{t('auth.invitation.title')}</PageHeading>
      {state.kind === 'missing-token' ? (
        <Alert data-color="danger">
          <Paragraph>{t('auth.invitation.missingToken')}</Paragraph>
        </Alert>
      ) : null}
      {state.kind === 'loading' ? (
        <div role="status">
          <Spinner aria-label={t('auth.invitation.loading')} />
        </div>
      ) : null}
      {state.kind === 'failed' ? <ApiErrorAlert error={state.error} /> : null}
      {state.kind === 'ready' ? (
        <>
          <Paragraph>{t('auth.invitation.for', { municipality: state.invitation.municipalityName })}</Paragraph>
          <dl className="facts">
            <dt>{t('auth.invitation.name')}</dt>
            <dd>
              <bdi>{state.invitation.name}</bdi>
            </dd>
            <dt>{t('auth.invitation.email')}</dt>
            <dd>
              <bdi>{state.invitation.email}</bdi>
            </dd>
          </dl>
          <SetPasswordForm onSubmit={onAccept} />
        </>
      ) : null}
    </div>
  );
}

function SetPasswordForm({ onSubmit }: { onSubmit: (password: string) => Promise<void> }) {
  const { t } = useTranslation();
  const labels = { password: t('auth.invitation.password'), repeat: t('auth.invitation.repeat') };
  const f = useContractForm<{ password: string; repeat: string }, z.output<typeof PasswordForm>>({
    id: 'invitation',
    schema: PasswordForm,
    defaultValues: { password: '', repeat: '' },
    labelFor: labelsFrom(labels),
    check: (v) => (v.repeat !== v.password && v.password !== '' ? [{ path: 'repeat', message: t('validation.passwordsDiffer') }] : []),
    onSubmit: (values) => onSubmit(values.password),
  });
  const { register, formState } = f.form;
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} /> : null}
      <TextField
        id={f.idFor('password')}
        label={labels.password}
        description={t('auth.invitation.passwordHint', { min: LIMITS.passwordMin })}
        type="password"
        autoComplete="new-password"
        error={f.errorFor('password')}
        {...register('password')}
      />
      <TextField id={f.idFor('repeat')} label={labels.repeat} type="password" autoComplete="new-password" error={f.errorFor('repeat')} {...register('repeat')} />
      <div className="button-row">
        <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
          {t('auth.invitation.submit')}
        </Button>
      </div>
    </form>
  );
}
