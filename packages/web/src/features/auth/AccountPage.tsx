import { useRef, useState } from 'react';
import { Button, Heading, Link, ListItem, ListOrdered, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS, TotpDisableRequest, TotpEnableRequest, type SessionView } from '@eidor/contract';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { labelsFrom, useContractForm } from '../../components/form/use-contract-form.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDateTime } from '../../i18n/format.ts';

export type TotpSetup = { secret: string; otpauthUri: string };

export type AccountPageProps = {
  session: SessionView;
  totpSetup: TotpSetup | null;
  onStartTotpSetup: () => Promise<void>;
  onEnableTotp: (code: string) => Promise<void>;
  onDisableTotp: (password: string) => Promise<void>;
  onSignOutEverywhere: () => Promise<void>;
};

/** The user's own account: who they are, the second factor, and ending all sessions. */
export function AccountPage(props: AccountPageProps) {
  const { session } = props;
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <>
      <PageHeading>{t('account.title')}</PageHeading>
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>
          <bdi>{session.user.name}</bdi>
        </dd>
        <dt>{t('account.email')}</dt>
        <dd>
          <bdi>{session.user.email}</bdi>
        </dd>
        <dt>{t('account.municipality')}</dt>
        <dd>{session.municipality.name}</dd>
        <dt>{t('account.authMethod')}</dt>
        <dd>{t(`account.authMethods.${session.authMethod}`)}</dd>
        <dt>{t('account.expiresAt')}</dt>
        <dd>{formatDateTime(session.expiresAt)}</dd>
      </dl>
      <NotificationSettingsLink />
      <TotpSection {...props} />
      <SessionsSection onSignOutEverywhere={props.onSignOutEverywhere} />
    </>
  );
}

function TotpSection({ session, totpSetup, onStartTotpSetup, onEnableTotp, onDisableTotp }: AccountPageProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState('');
  const [startError, setStartError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);

  // The form the user worked in disappears on success: put focus back at the top of the section.
  const done = (message: string) => {
    setStatus(message);
    headingRef.current?.focus();
  };

  const start = async () => {
    setStatus('');
    setStartError(null);
    setStarting(true);
    try {
      await onStartTotpSetup();
    } catch (error) {
      setStartError(error);
    } finally {
      setStarting(false);
    }
  };

  return (
    <section className="section" aria-labelledby="totp-section">
      <Heading level={2} data-size="sm" id="totp-section" ref={headingRef} tabIndex={-1}>
        {t('account.totp.heading')}
      </Heading>
      <StatusMessage>{status}</StatusMessage>
      {session.user.totpEnabled ? (
        <>
          <Paragraph>{t('account.totp.on')}</Paragraph>
          <DisableTotpForm
            onSubmit={async (password) => {
              await onDisableTotp(password);
              done(t('account.totp.disabled'));
            }}
          />
        </>
      ) : totpSetup ? (
        <TotpEnrolment
          setup={totpSetup}
          onSubmit={async (code) => {
            await onEnableTotp(code);
            done(t('account.totp.enabled'));
          }}
        />
      ) : (
        <>
          <Paragraph>{t('account.totp.off')}</Paragraph>
          {startError ? <ApiErrorAlert error={startError} /> : null}
          <Button onClick={() => void start()} loading={starting} disabled={starting}>
            {t('account.totp.start')}
          </Button>
        </>
      )}
    </section>
  );
}

/** Groups of four characters are easier to type into an authenticator app. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

function TotpEnrolment({ setup, onSubmit }: { setup: TotpSetup; onSubmit: (code: string) => Promise<void> }) {
  const { t } = useTranslation();
  const label = t('account.totp.code');
  const f = useContractForm<{ code: string }, z.output<typeof TotpEnableRequest>>({
    id: 'totp-enable',
    schema: TotpEnableRequest,
    defaultValues: { code: '' },
    labelFor: labelsFrom({ code: label }),
    onSubmit: (values) => onSubmit(values.code),
  });
  const { register, formState } = f.form;
  return (
    <>
      <ListOrdered>
        <ListItem>{t('account.totp.step1')}</ListItem>
        <ListItem>
          {t('account.totp.step2')}
          <div>
            <code className="secret">{groupSecret(setup.secret)}</code>
          </div>
        </ListItem>
        <ListItem>
          {t('account.totp.step3')}{' '}
          <Link href={setup.otpauthUri}>{t('account.totp.openInApp')}</Link>
          <div className="uri">
            <code>{setup.otpauthUri}</code>
          </div>
        </ListItem>
        <ListItem>{t('account.totp.step4')}</ListItem>
      </ListOrdered>
      <form onSubmit={f.submit} noValidate className="form">
        <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
        {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} /> : null}
        <TextField
          id={f.idFor('code')}
          label={label}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={LIMITS.totpCodeLength}
          className="input-short"
          error={f.errorFor('code')}
          {...register('code')}
        />
        <div className="button-row">
          <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
            {t('account.totp.enable')}
          </Button>
        </div>
      </form>
    </>
  );
}

function DisableTotpForm({ onSubmit }: { onSubmit: (password: string) => Promise<void> }) {
  const { t } = useTranslation();
  const label = t('account.totp.password');
  const f = useContractForm<{ password: string }, z.output<typeof TotpDisableRequest>>({
    id: 'totp-disable',
    schema: TotpDisableRequest,
    defaultValues: { password: '' },
    labelFor: labelsFrom({ password: label }),
    onSubmit: (values) => onSubmit(values.password),
  });
  const { register, formState } = f.form;
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <Heading level={3} data-size="xs">
        {t('account.totp.disableHeading')}
      </Heading>
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} /> : null}
      <TextField
        id={f.idFor('password')}
        label={label}
        description={t('account.totp.passwordHint')}
        type="password"
        autoComplete="current-password"
        error={f.errorFor('password')}
        {...register('password')}
      />
      <div className="button-row">
        <Button type="submit" variant="secondary" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
          {t('account.totp.disable')}
        </Button>
      </div>
    </form>
  );
}

function SessionsSection({ onSignOutEverywhere }: { onSignOutEverywhere: () => Promise<void> }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onSignOutEverywhere();
    } catch (e) {
      setError(e);
      setPending(false);
    }
  };

  return (
    <section className="section" aria-labelledby="sessions-section">
      <Heading level={2} data-size="sm" id="sessions-section">
        {t('account.sessions.heading')}
      </Heading>
      <Paragraph>{t('account.sessions.body')}</Paragraph>
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        {t('account.sessions.signOutEverywhere')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('account.sessions.confirmTitle')}
        body={t('account.sessions.confirmBody')}
        confirmLabel={t('account.sessions.signOutEverywhere')}
        pending={pending}
        error={error}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setConfirming(false);
          setError(null);
        }}
      />
    </section>
  );
}

/** The way to the notification settings (features/notifications). */
function NotificationSettingsLink() {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="notification-settings-section">
      <Heading level={2} data-size="sm" id="notification-settings-section">
        {t('notifications.settings.title')}
      </Heading>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/account/notifications">{t('notifications.settingsLink')}</RouterLink>
        </Link>
      </Paragraph>
    </section>
  );
}
