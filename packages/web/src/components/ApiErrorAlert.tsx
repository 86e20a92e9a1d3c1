import { useState, type Ref } from 'react';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { useErrorMessage } from './error-message.ts';

export type ApiErrorAlertProps = {
  error: unknown;
  ref?: Ref<HTMLDivElement>;
  /** When given and the error is a version conflict, offer to load the latest data. */
  onReload?: (() => Promise<void>) | undefined;
};

/**
 * A failed request, in the user's language. It can take focus (tabIndex -1) so that the form that
 * caused it can move focus here after a failed submit. The request id helps support find the log line.
 */
export function ApiErrorAlert({ error, ref, onReload }: ApiErrorAlertProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [reloading, setReloading] = useState(false);
  const conflict = isApiError(error) && error.code === 'VERSION_CONFLICT';
  const requestId = isApiError(error) && !conflict ? error.requestId : undefined;

  const reload = () => {
    if (!onReload) return;
    setReloading(true);
    void onReload().finally(() => setReloading(false));
  };

  return (
    <Alert data-color={conflict ? 'warning' : 'danger'} ref={ref} tabIndex={-1} className="api-error">
      <Paragraph>{message(error)}</Paragraph>
      {requestId ? <Paragraph data-size="sm">{t('common.requestId', { id: requestId })}</Paragraph> : null}
      {conflict && onReload ? (
        <Button type="button" variant="secondary" data-size="sm" loading={reloading} disabled={reloading} onClick={reload}>
          {t('common.reload')}
        </Button>
      ) : null}
    </Alert>
  );
}
