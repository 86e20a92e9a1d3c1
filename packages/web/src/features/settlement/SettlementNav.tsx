import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

const PAGES = [
  { to: '/settlement', label: 'settlement.nav.years' },
  { to: '/settlement/pipeline', label: 'settlement.nav.pipeline' },
  { to: '/settlement/reunifications', label: 'settlement.nav.reunifications' },
  { to: '/settlement/checklist', label: 'settlement.nav.checklist' },
] as const;

/** The settlement module's own pages, under the page heading. */
export function SettlementNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('settlement.nav.label')} className="sub-nav">
      <ul>
        {PAGES.map((p) => (
          <li key={p.to}>
            <Link to={p.to} activeOptions={{ exact: true }}>
              {t(p.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
