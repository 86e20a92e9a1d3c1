import { Badge } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { unreadCountQuery } from './queries.ts';

/** The header's bell: a link to the inbox whose name says how many are unread. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data } = useQuery(unreadCountQuery);
  const unread = data?.unread ?? 0;
  return (
    <Link to="/notifications" className="notification-bell" aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}>
      <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      <span>{t('notifications.bell')}</span>
      {unread > 0 ? <Badge count={unread} maxCount={99} data-color="danger" aria-hidden="true" /> : null}
    </Link>
  );
}
