import { useState } from 'react';
import { Button, Link as DsLink, Paragraph, Switch, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { NotificationViewT } from '@eidor/contract';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate, useFormatDateTime } from '../../i18n/format.ts';
import { useNotificationText } from './text.ts';

export type NotificationsPageProps = {
  items: NotificationViewT[];
  unread: number;
  unreadOnly: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onUnreadOnly: (on: boolean) => void;
  onMore: () => void;
  onMarkRead: (id: string) => Promise<void>;
  onMarkAllRead: () => Promise<void>;
  /** Marks it read and follows its link. */
  onOpen: (n: NotificationViewT) => Promise<void>;
};

/** The inbox: newest first, unread marked, each with a link to its item. */
export function NotificationsPage(p: NotificationsPageProps) {
  const { t } = useTranslation();
  const text = useNotificationText();
  const formatDateTime = useFormatDateTime();
  const formatDate = useFormatDate();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const act = async (fn: () => Promise<void>, done: string) => {
    setError(null);
    setStatus('');
    try {
      await fn();
      setStatus(done);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <PageHeading>{t('notifications.title')}</PageHeading>
      <Paragraph>{t('notifications.intro')}</Paragraph>
      <div className="button-row">
        <Paragraph data-size="sm">{t('notifications.unreadCount', { count: p.unread })}</Paragraph>
        <Switch label={t('notifications.showUnreadOnly')} checked={p.unreadOnly} onChange={(e) => p.onUnreadOnly(e.target.checked)} />
        <Button variant="secondary" data-size="sm" disabled={p.unread === 0} onClick={() => void act(p.onMarkAllRead, t('notifications.markedAllRead'))}>
          {t('notifications.markAllRead')}
        </Button>
        <DsLink asChild>
          <Link to="/account/notifications">{t('notifications.settingsLink')}</Link>
        </DsLink>
      </div>
      <StatusMessage>{status}</StatusMessage>
      {error ? <ApiErrorAlert error={error} /> : null}
      {p.items.length === 0 ? (
        <Paragraph>{p.unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}</Paragraph>
      ) : (
        <ul className="notification-list" aria-label={t('notifications.title')}>
          {p.items.map((n) => {
            const what = text(n, formatDate);
            return (
              <li key={n.id} className={n.read ? 'notification notification--read' : 'notification notification--unread'}>
                <div className="notification__text">
                  {n.read ? null : (
                    <Tag data-color="info" data-size="sm">
                      {t('notifications.unread')}
                    </Tag>
                  )}{' '}
                  <a
                    href={n.link}
                    aria-label={t('notifications.openAria', { what })}
                    onClick={(e) => {
                      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                      e.preventDefault();
                      void act(() => p.onOpen(n), '');
                    }}
                  >
                    <bdi>{what}</bdi>
                  </a>
                  <Paragraph data-size="sm" className="notification__time">
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                  </Paragraph>
                </div>
                {n.read ? null : (
                  <Button variant="tertiary" data-size="sm" aria-label={t('notifications.markReadAria', { what })} onClick={() => void act(() => p.onMarkRead(n.id), t('notifications.markedRead'))}>
                    {t('notifications.markRead')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {p.hasMore ? (
        <Button variant="secondary" onClick={p.onMore} loading={p.loadingMore} disabled={p.loadingMore}>
          {t('notifications.more')}
        </Button>
      ) : null}
    </>
  );
}
