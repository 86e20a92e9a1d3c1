import { Button, Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '@eidor/contract';
import { NotificationBell } from '../../features/notifications/Bell.tsx';
import { navItems } from '../nav.ts';
import { DemoDatabaseBanner } from './DemoDatabaseBanner.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export type HeaderProps = {
  session: SessionView | null;
  embedded: boolean;
  showMailbox: boolean;
  signingOut: boolean;
  onSignOut: () => void;
};

/** The page header: demo banner, app and municipality name, user, language, sign-out and main menu. */
export function Header({ session, embedded, showMailbox, signingOut, onSignOut }: HeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      {embedded ? <DemoDatabaseBanner /> : null}
      <div className="app-header__bar">
        <div className="app-header__brand">
          <Link to="/" className="app-header__name">
            {t('app.name')}
          </Link>
          {session ? <span className="app-header__municipality">{session.municipality.name}</span> : null}
        </div>
        <div className="app-header__tools">
          {session ? (
            <Paragraph data-size="sm" className="app-header__user">
              {t('app.signedInAs')} <bdi>{session.user.name}</bdi>
            </Paragraph>
          ) : null}
          {session ? <NotificationBell /> : null}
          <LanguageSwitch />
          {session ? (
            <Button variant="secondary" data-size="sm" onClick={onSignOut} loading={signingOut} disabled={signingOut}>
              {t('app.signOut')}
            </Button>
          ) : null}
        </div>
      </div>
      {session || showMailbox ? (
        <nav aria-label={t('app.mainNav')} className="app-nav">
          <ul>
            {session
              ? navItems(
                  session.permissions,
                  session.assignments.map((a) => a.role),
                ).map((item) => (
                  <li key={item.to}>
                    <Link to={item.to} activeOptions={{ exact: item.to === '/' }}>
                      {t(item.label)}
                    </Link>
                  </li>
                ))
              : null}
            {showMailbox ? (
              <li>
                <Link to="/dev/mailbox">{t('nav.mailbox')}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
