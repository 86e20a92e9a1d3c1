import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

const PAGES = [
  { to: '/grants', label: 'grants.subNav.overview' },
  { to: '/grants/rates', label: 'grants.subNav.rates' },
  { to: '/grants/forecast', label: 'grants.subNav.forecast' },
  { to: '/grants/reconciliation', label: 'grants.subNav.reconciliation' },
] as const;

/** The grant module's own pages, under the page heading; extra grants have their own menu entry. */
export function GrantsNav({ extraGrants }: { extraGrants: boolean }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('grants.subNav.label')} className="sub-nav">
      <ul>
        {PAGES.map((p) => (
          <li key={p.to}>
            <Link to={p.to} activeOptions={{ exact: true }}>
              {t(p.label)}
            </Link>
          </li>
        ))}
        {extraGrants ? (
          <li>
            <Link to="/extra-grants">{t('grants.subNav.extraGrants')}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
