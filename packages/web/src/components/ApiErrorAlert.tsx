import type { ReactNode, Ref } from 'react';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { useErrorMessage } from './error-message.ts';

/**
 * A failed request, in the user's language. It can take focus (tabIndex -1) so that the form that
 * caused it can move focus here after a failed submit. The request id helps support find the log line.
 */
export function ApiErrorAlert({ error, ref, children }: { error: unknown; ref?: Ref<HTMLDivElement>; children?: ReactNode }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Alert data-color={isApiError(error) && error.code === 'VERSION_CONFLICT' ? 'warning' : 'danger'} ref={ref} tabIndex={-1} className="api-error">
      <Paragraph>{message(error)}</Paragraph>
      {requestId ? <Paragraph data-size="sm">{t('common.requestId', { id: requestId })}</Paragraph> : null}
      {children}
    </Alert>
  );
}
