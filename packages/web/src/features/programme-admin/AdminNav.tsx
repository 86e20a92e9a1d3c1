import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import './programme-admin.css';

const PAGES = [
  { to: '/programme', label: 'programmeAdmin.pages.attendance', exact: true },
  { to: '/programme/payments', label: 'programmeAdmin.pages.payments', exact: false },
  { to: '/programme/results', label: 'programmeAdmin.pages.results', exact: true },
] as const;

/** The programme's municipality-level pages, under the page heading. */
export function AdminNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('programmeAdmin.subNav')} className="sub-nav">
      <ul>
        {PAGES.map((p) => (
          <li key={p.to}>
            <Link to={p.to} activeOptions={{ exact: p.exact }}>
              {t(p.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
