import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_KINDS, type NotificationKind } from '@eidor/domain';
import type { NotificationViewT } from '@eidor/contract';

const known = (k: string): k is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(k);

/**
 * The text of a notification in the reader's language, from its kind and params. The name appears
 * only when the server sent it (the reader may still see the person); otherwise "a person".
 */
export function useNotificationText(): (n: NotificationViewT, formatDate: (iso: string) => string) => string {
  const { t } = useTranslation();
  return useCallback(
    (n, formatDate) => {
      const kind = known(n.kind) ? n.kind : 'other';
      const dueDate = n.params.dueDate ? formatDate(n.params.dueDate) : '';
      const base = n.aboutPerson
        ? t(`notifications.kinds.${kind}`, { person: n.person?.name ?? t('notifications.aPerson'), dueDate })
        : t(`notifications.kindsNoPerson.${kind}`, { dueDate });
      const extra = n.params.reminder ? ` (${t('notifications.reminder', { n: n.params.reminder })})` : '';
      return base + extra;
    },
    [t],
  );
}
