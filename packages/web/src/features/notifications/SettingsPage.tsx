import { useId, useState } from 'react';
import { Button, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MAIL_LANGUAGES, type ResponseOf } from '@eidor/contract';
import { NOTIFICATION_DELIVERIES, type NotificationDelivery, type NotificationKind } from '@eidor/domain';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';

type Prefs = ResponseOf<'getNotificationPreferences'>;
type Language = Prefs['language'];

export type SettingsPageProps = {
  prefs: Prefs;
  onSave: (body: { language: Language; kinds: Partial<Record<NotificationKind, NotificationDelivery>> }) => Promise<void>;
};

/** Per kind: only in the app, an e-mail at once, or the daily digest; and the mails' language. */
export function SettingsPage({ prefs, onSave }: SettingsPageProps) {
  const { t } = useTranslation();
  const id = useId();
  const [language, setLanguage] = useState<Language>(prefs.language);
  const [kinds, setKinds] = useState(() => Object.fromEntries(prefs.kinds.map((k) => [k.kind, k.delivery])) as Record<NotificationKind, NotificationDelivery>);
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <PageHeading>{t('notifications.settings.title')}</PageHeading>
      <Paragraph>{t('notifications.settings.intro')}</Paragraph>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setPending(true);
          setError(null);
          setStatus('');
          onSave({ language, kinds })
            .then(() => setStatus(t('notifications.settings.saved')))
            .catch(setError)
            .finally(() => setPending(false));
        }}
      >
        {prefs.kinds.map((k) => (
          <SelectField
            key={k.kind}
            id={`${id}-${k.kind}`}
            label={t(`notifications.settings.kinds.${k.kind}`)}
            description={t('notifications.settings.defaultHint', { delivery: t(`notifications.settings.deliveries.${k.defaultDelivery}`) })}
            value={kinds[k.kind]}
            onChange={(e) => setKinds((old) => ({ ...old, [k.kind]: NOTIFICATION_DELIVERIES.find((d) => d === e.target.value) ?? k.delivery }))}
          >
            {NOTIFICATION_DELIVERIES.map((d) => (
              <option key={d} value={d}>
                {t(`notifications.settings.deliveries.${d}`)}
              </option>
            ))}
          </SelectField>
        ))}
        <SelectField id={`${id}-language`} label={t('notifications.settings.language')} value={language} onChange={(e) => setLanguage(MAIL_LANGUAGES.find((l) => l === e.target.value) ?? 'nb')}>
          {MAIL_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`notifications.settings.languages.${l}`)}
            </option>
          ))}
        </SelectField>
        {error ? <ApiErrorAlert error={error} /> : null}
        <StatusMessage>{status}</StatusMessage>
        <div className="button-row">
          <Button type="submit" loading={pending} disabled={pending}>
            {t('notifications.settings.save')}
          </Button>
          <DsLink asChild>
            <Link to="/notifications">{t('notifications.settings.back')}</Link>
          </DsLink>
        </div>
      </form>
    </>
  );
}
