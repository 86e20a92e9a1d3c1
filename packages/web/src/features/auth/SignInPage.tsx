import { useEffect, useRef } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { LIMITS, SignInRequest, TotpVerifyRequest } from '@eidor/contract';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { labelsFrom, useContractForm } from '../../components/form/use-contract-form.ts';
import { PageHeading } from '../../components/PageHeading.tsx';

export type SignInValues = z.output<typeof SignInRequest>;
export type TotpValues = z.output<typeof TotpVerifyRequest>;

export type SignInPageProps = {
  step: 'password' | 'totp';
  oidc: { enabled: boolean; label: string } | undefined;
  onSignIn: (values: SignInValues) => Promise<void>;
  onVerifyTotp: (values: TotpValues) => Promise<void>;
  onCancelTotp: () => void;
};

/** Sign-in: e-mail and password, then a TOTP code when the account has a second factor; or single sign-on. */
export function SignInPage({ step, oidc, onSignIn, onVerifyTotp, onCancelTotp }: SignInPageProps) {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageHeading>{t('auth.signIn.title')}</PageHeading>
      {step === 'password' ? <SignInForm onSubmit={onSignIn} /> : <TotpForm onSubmit={onVerifyTotp} onCancel={onCancelTotp} />}
      {step === 'password' && oidc?.enabled ? (
        <section className="section" aria-labelledby="sign-in-sso">
          <Heading level={2} data-size="xs" id="sign-in-sso">
            {t('auth.signIn.ssoHeading')}
          </Heading>
          {/* A full page navigation: the identity provider's pages are not part of this app. */}
          <Button asChild variant="secondary">
            <a href="/api/auth/oidc/start">{t('auth.signIn.sso', { label: oidc.label })}</a>
          </Button>
        </section>
      ) : null}
    </div>
  );
}

/** E-mail and password. Errors from the server (wrong password, too many attempts) show above the fields. */
export function SignInForm({ onSubmit }: { onSubmit: (values: SignInValues) => Promise<void> }) {
  const { t } = useTranslation();
  const labels = { email: t('auth.signIn.email'), password: t('auth.signIn.password') };
  const f = useContractForm<{ email: string; password: string }, SignInValues>({
    id: 'sign-in',
    schema: SignInRequest,
    defaultValues: { email: '', password: '' },
    labelFor: labelsFrom(labels),
    onSubmit,
  });
  const { register, formState } = f.form;
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} /> : null}
      <TextField
        id={f.idFor('email')}
        label={labels.email}
        type="email"
        autoComplete="username"
        maxLength={LIMITS.emailMax}
        error={f.errorFor('email')}
        {...register('email')}
      />
      <TextField
        id={f.idFor('password')}
        label={labels.password}
        type="password"
        autoComplete="current-password"
        error={f.errorFor('password')}
        {...register('password')}
      />
      <div className="button-row">
        <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
          {t('auth.signIn.submit')}
        </Button>
      </div>
    </form>
  );
}

/** The second step: a six-digit code from the authenticator app. */
export function TotpForm({ onSubmit, onCancel }: { onSubmit: (values: TotpValues) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const label = t('auth.totp.code');
  const f = useContractForm<{ code: string }, TotpValues>({
    id: 'totp',
    schema: TotpVerifyRequest,
    defaultValues: { code: '' },
    labelFor: (path) => (path === 'code' ? label : undefined),
    onSubmit,
  });
  const { register, formState } = f.form;

  // The password step was replaced by this one: tell screen reader users where they are.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <form onSubmit={f.submit} noValidate className="form">
      <Heading level={2} data-size="sm" id="totp-heading" ref={headingRef} tabIndex={-1}>
        {t('auth.totp.heading')}
      </Heading>
      <Paragraph>{t('auth.totp.intro')}</Paragraph>
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} /> : null}
      <TextField
        id={f.idFor('code')}
        label={label}
        description={t('auth.totp.codeHint', { length: LIMITS.totpCodeLength })}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={LIMITS.totpCodeLength}
        className="input-short"
        error={f.errorFor('code')}
        {...register('code')}
      />
      <div className="button-row">
        <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
          {t('auth.totp.submit')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('auth.totp.back')}
        </Button>
      </div>
    </form>
  );
}
