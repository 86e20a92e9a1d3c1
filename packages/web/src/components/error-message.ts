import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';

/** A function that turns any error into a sentence for the user, by the contract's error code. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => (isApiError(error) ? t(`errors.${error.code}`) : t('errors.INTERNAL')), [t]);
}
