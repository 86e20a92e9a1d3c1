import { useTranslation } from 'react-i18next';
import { REFERRAL_LIMITS } from '@eidor/contract';
import { isApiError } from '../../api/client.ts';

export type Errors = Record<string, string>;

/**
 * The server's field errors as sentences in the user's language, by field. The server names the
 * field (and why); the screen says what to do. Null when the error is not about fields.
 */
export function useReferralFieldErrors() {
  const { t } = useTranslation();
  return (error: unknown): Errors | null => {
    if (!isApiError(error) || error.fields.length === 0) return null;
    const out: Errors = {};
    for (const f of error.fields) {
      const key = f.path.split('.')[0]!;
      const msg =
        key === 'toUnitId'
          ? /another unit/.test(f.message)
            ? t('referrals.errors.ownUnit')
            : t('referrals.errors.unknownUnit')
          : key === 'categories'
            ? t('referrals.errors.categories')
            : key === 'consentId'
              ? t('referrals.errors.consent')
              : key === 'attachmentIds'
                ? t('referrals.errors.attachments')
                : key === 'dueDate'
                  ? t('referrals.errors.dueDate')
                  : key === 'validUntil'
                    ? t('referrals.errors.endBeforeStart')
                    : key === 'guardianName' || key === 'withdrawnByName'
                      ? t('referrals.errors.guardianName')
                      : key === 'unitIds'
                        ? t('referrals.errors.units')
                        : key === 'withdrawnOn'
                          ? t('referrals.errors.withdrawnOn')
                          : key === 'idNumber'
                            ? t('referrals.errors.idNumber')
                            : key === 'reason' && /at least/.test(f.message)
                              ? t('referrals.errors.reasonShort', { n: REFERRAL_LIMITS.breakGlassReasonMin })
                              : t('referrals.errors.required');
      out[key] ??= msg;
    }
    return out;
  };
}
