import { Alert, Button, Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@eidor/contract';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useFormatDateTime } from '../../i18n/format.ts';
import { linkify } from './linkify.ts';

export type Mail = ResponseOf<'devMailbox'>['items'][number];

export type MailboxPageProps = {
  /** null: the server has no mailbox (production). */
  mails: Mail[] | null;
  refreshing: boolean;
  onRefresh: () => void;
};

/** The development mailbox: mail the app would have sent, with the links in it clickable. */
export function MailboxPage({ mails, refreshing, onRefresh }: MailboxPageProps) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <>
      <PageHeading>{t('mailbox.title')}</PageHeading>
      {mails === null ? (
        <Alert data-color="info">
          <Paragraph>{t('mailbox.unavailable')}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('mailbox.intro')}</Paragraph>
          <Button variant="secondary" onClick={onRefresh} loading={refreshing} disabled={refreshing}>
            {t('mailbox.refresh')}
          </Button>
          <div role="status" className="mt">
            <Paragraph>{t('mailbox.count', { count: mails.length })}</Paragraph>
          </div>
          <ul className="mail-list">
            {mails.map((mail) => (
              <li key={mail.id}>
                <Card data-color="neutral">
                  <article aria-labelledby={`mail-${mail.id}`}>
                    <Heading level={2} data-size="xs" id={`mail-${mail.id}`}>
                      {mail.subject}
                    </Heading>
                    <dl className="facts">
                      <dt>{t('mailbox.to')}</dt>
                      <dd>
                        <bdi>{mail.to}</bdi>
                      </dd>
                      <dt>{t('mailbox.sent')}</dt>
                      <dd>{formatDateTime(mail.createdAt)}</dd>
                    </dl>
                    <div className="mail-body">
                      {linkify(mail.body).map((part, i) =>
                        part.kind === 'link' ? (
                          <Link key={i} href={part.href}>
                            {part.href}
                          </Link>
                        ) : (
                          <span key={i}>{part.text}</span>
                        ),
                      )}
                    </div>
                  </article>
                </Card>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
